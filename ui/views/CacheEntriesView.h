#pragma once
// Cache entries per frame at the time cursor; selecting an entry selects it everywhere,
// double-clicking jumps the cursor to the call that created it.
#include <QWidget>

class QLabel;
class QTreeView;

namespace gs::ui {

class CacheEntryModel;
class Selection;

class CacheEntriesView : public QWidget {
    Q_OBJECT
public:
    explicit CacheEntriesView(Selection* selection, QWidget* parent = nullptr);
    QTreeView* tree() const { return tree_; }
    CacheEntryModel* model() const { return model_; }

private:
    void refresh();
    void selectCurrentEntry();

    Selection* selection_;
    QLabel* heading_;
    QTreeView* tree_;
    CacheEntryModel* model_;
    bool syncing_ = false;
};

} // namespace gs::ui
