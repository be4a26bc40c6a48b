#pragma once
// A laid-out node: a rounded box with its label lines; data(0) holds the model id.
#include <QFont>
#include <QGraphicsItem>

#include "ui/graph/GraphNodeStyle.h"

namespace gs::ui {

class GraphNodeItem : public QGraphicsItem {
public:
    static constexpr int IdKey = 0;
    GraphNodeItem(GraphNodeStyle style, const QRectF& box, const QFont& font);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setStyle(const GraphNodeStyle& style);
    const GraphNodeStyle& style() const { return style_; }
    QString id() const { return style_.id; }

    static constexpr double kPadX = 8, kPadY = 5;

private:
    GraphNodeStyle style_;
    QRectF box_;
    QFont font_, bold_;
};

} // namespace gs::ui
