#pragma once
// The stack trie (issue 11 item 1): where in the program the compiles happen. Selecting a frame
// selects its compiles (the time cursor goes to the first one under it, the heading lists them
// all); selecting a compile anywhere else selects the frame it hangs on. Activating a frame shows
// its file at that line in the source pane when the file is found locally.
#include <QWidget>

#include "core/session/StackTrie.h"

class QLabel;
class QModelIndex;
class QTreeView;

namespace gs::ui {

class Selection;
class StackTrieModel;

class StackTrieView : public QWidget {
    Q_OBJECT
public:
    explicit StackTrieView(Selection* selection, QWidget* parent = nullptr);
    QTreeView* tree() const { return tree_; }
    StackTrieModel* model() const { return model_; }
    QString headingText() const;
    // The compiles the selected frame stands for (indices into Session::compiles).
    const std::vector<int>& selectedCompiles() const { return selected_; }

signals:
    // The user picked a frame: show its source (file as recorded, 1-based line).
    void frameActivated(const gs::session::StackFrame& frame);

private:
    void onSession();
    void onEntry(int entry);
    void onCurrent(const QModelIndex& index);

    Selection* selection_;
    QLabel* heading_;
    QTreeView* tree_;
    StackTrieModel* model_;
    std::vector<int> selected_;
    bool syncing_ = false;
};

} // namespace gs::ui
