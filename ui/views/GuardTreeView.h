#pragma once
// The guard tree of the selected entry, as a tree (kind, source, code, provenance line, result
// for the selected call) and as a Graphviz picture; both select the same guard. At a recompile
// it opens on the entry that rejected the call (its failing guard is the story), with a switch
// to the entry the recompile created (issue 13).
#include <QWidget>

#include <vector>

#include "ui/graph/GraphNodeStyle.h"
#include "ui/services/LayoutService.h"

class QLabel;
class QPushButton;
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
    QPushButton* switchButton() const { return switch_; }
    // The entry shown: the selected one, or at a recompile the entry that rejected the call
    // (unless the user switched to the new one).
    int shownEntry() const;
    // At a recompile call whose new entry is selected: the entry that rejected the call (MRU
    // first, as the recompile reasons list them); else -1.
    int rejectingEntry() const;
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
    QPushButton* switch_;
    bool showNew_ = false;
    QTreeView* tree_;
    GraphCanvas* canvas_;
    GuardTreeModel* model_;
    quint64 pendingLayout_ = 0;
    int laidOutEntry_ = -1;
    const void* laidOutSession_ = nullptr;
    bool syncing_ = false;
};

} // namespace gs::ui
