#pragma once
// The guard tree of the selected entry, as a tree (kind, source, code, provenance line, result
// for the selected call) and as a Graphviz picture; both select the same guard.
#include <QWidget>

#include <vector>

#include "ui/graph/GraphNodeStyle.h"
#include "ui/services/LayoutService.h"

class QLabel;
class QSplitter;
class QTreeView;

namespace gs::ui {

class GraphCanvas;
class GuardTreeModel;
class Selection;

class GuardTreeView : public QWidget {
    Q_OBJECT
public:
    GuardTreeView(Selection* selection, LayoutService* layouts, QWidget* parent = nullptr);
    QTreeView* tree() const { return tree_; }
    GraphCanvas* canvas() const { return canvas_; }
    GuardTreeModel* model() const { return model_; }
    QString headingText() const;
    static constexpr const char* kLayoutKind = "guards";

private:
    void onEntry();
    void onCursor();
    void refreshModel();
    void requestLayout();
    std::vector<GraphNodeStyle> styles() const;
    void selectGuardsOfLine(int line);

    Selection* selection_;
    LayoutService* layouts_;
    QLabel* heading_;
    QTreeView* tree_;
    GraphCanvas* canvas_;
    GuardTreeModel* model_;
    quint64 pendingLayout_ = 0;
    int laidOutEntry_ = -1;
    const void* laidOutSession_ = nullptr;
    bool syncing_ = false;
};

} // namespace gs::ui
