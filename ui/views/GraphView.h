#pragma once
// The captured graph of the selected entry, drawn with Graphviz, and its nodes as a table;
// selecting a node in either selects it in the other.
#include <QWidget>

#include <vector>

#include "ui/graph/GraphNodeStyle.h"
#include "ui/services/LayoutService.h"

class QLabel;
class QTableView;

namespace gs::ui {

class GraphCanvas;
class GraphNodeModel;
class Selection;

class GraphView : public QWidget {
    Q_OBJECT
public:
    GraphView(Selection* selection, LayoutService* layouts, QWidget* parent = nullptr);
    GraphCanvas* canvas() const { return canvas_; }
    QTableView* table() const { return table_; }
    static constexpr const char* kLayoutKind = "graph";

private:
    void onEntry();
    std::vector<GraphNodeStyle> styles() const;

    Selection* selection_;
    LayoutService* layouts_;
    QLabel* heading_;
    GraphCanvas* canvas_;
    QTableView* table_;
    GraphNodeModel* model_;
    quint64 pendingLayout_ = 0;
    bool syncing_ = false;
};

} // namespace gs::ui
