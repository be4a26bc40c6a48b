#include "ui/views/CacheEntriesView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/itemmodels/CacheEntryModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

CacheEntriesView::CacheEntriesView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), heading_(ItemViews::heading(this)), tree_(new QTreeView(this)),
      model_(new CacheEntryModel(this)) {
    setObjectName(QStringLiteral("cacheEntriesView"));
    tree_->setObjectName(QStringLiteral("cacheEntriesTree"));
    tree_->setModel(model_);
    ItemViews::setupTree(tree_);
    tree_->setColumnWidth(CacheEntryModel::Name, 260);
    tree_->setColumnWidth(CacheEntryModel::Status, 85);
    tree_->setColumnWidth(CacheEntryModel::Hits, 45);
    tree_->setColumnWidth(CacheEntryModel::CreatedBy, 75);
    tree_->setColumnWidth(CacheEntryModel::Reason, 110);
    tree_->setColumnWidth(CacheEntryModel::Guards, 50);
    tree_->setColumnWidth(CacheEntryModel::Ops, 35);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(heading_);
    layout->addWidget(tree_);

    connect(selection_, &Selection::sessionChanged, this, &CacheEntriesView::refresh);
    connect(selection_, &Selection::cursorChanged, this, &CacheEntriesView::refresh);
    connect(selection_, &Selection::entryChanged, this, &CacheEntriesView::selectCurrentEntry);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        if (syncing_ || !idx.isValid()) return;
        const int e = idx.data(EntryRole).toInt();
        if (e >= 0) selection_->setEntry(e);
    });
    connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& idx) {
        const qint64 at = idx.data(CallRole).toLongLong();
        if (idx.data(EntryRole).toInt() >= 0 && at >= 0) selection_->setCursor(at);
    });
    refresh();
}

void CacheEntriesView::refresh() {
    const auto& d = selection_->data();
    syncing_ = true;
    model_->setState(d, selection_->cursor());
    // Open the functions that still have cached entries (and the one at the cursor); functions
    // whose entries all went with a reset stay folded.
    const int current = d ? d->trackOfCall(selection_->cursor()) : -1;
    for (int r = 0; r < model_->rowCount(); ++r) {
        const QModelIndex frame = model_->index(r, 0);
        const bool open = frame.data(IdRole).toString() == QStringLiteral("track:%1").arg(current) ||
                          !model_->index(r, CacheEntryModel::Status).data().toString().startsWith(QLatin1String("0 "));
        tree_->setExpanded(frame, open);
    }
    syncing_ = false;
    if (!d) heading_->setText(tr("No session."));
    else if (d->callCount() == 0) heading_->setText(tr("No calls."));
    else heading_->setText(tr("Cache entries after <b>%1</b> (most recently used first)").arg(Describe::cursor(*d, selection_->cursor())));
    selectCurrentEntry();
}

void CacheEntriesView::selectCurrentEntry() {
    syncing_ = true;
    const QModelIndex idx = model_->indexOfEntry(selection_->entry());
    if (idx.isValid()) {
        tree_->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree_->scrollTo(idx);
    } else {
        tree_->selectionModel()->clearSelection();
    }
    syncing_ = false;
}

} // namespace gs::ui
