#pragma once
// How one node of a Graphviz picture looks; `id` is the model id it stands for, so that
// selecting the node selects the row (issue 5, "QGraphicsScene items that carry model ids").
#include <QColor>
#include <QString>
#include <QStringList>

namespace gs::ui {

struct GraphNodeStyle {
    QString id;
    QStringList lines;    // first line drawn bold
    QColor fill, border, text;
    bool emphasis = false; // thick border (the first failing guard)
    QString toolTip;
};

} // namespace gs::ui
