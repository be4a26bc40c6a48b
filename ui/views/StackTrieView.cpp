#include "ui/views/StackTrieView.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/itemmodels/StackTrieModel.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

StackTrieView::StackTrieView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), heading_(ItemViews::heading(this)), tree_(new QTreeView(this)),
      model_(new StackTrieModel(this)) {
    setObjectName(QStringLiteral("stackTrieView"));
    tree_->setObjectName(QStringLiteral("stackTrie"));
    tree_->setModel(model_);
    ItemViews::setupTree(tree_);
    tree_->setColumnWidth(StackTrieModel::Frame, 300);
    tree_->setColumnWidth(StackTrieModel::Code, 260);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(heading_);
    layout->addWidget(tree_, 1);
    connect(selection_, &Selection::sessionChanged, this, &StackTrieView::onSession);
    connect(selection_, &Selection::entryChanged, this, &StackTrieView::onEntry);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) { onCurrent(i); });
    auto activate = [this](const QModelIndex& i) {
        const int node = model_->nodeOf(i);
        if (node >= 0) emit frameActivated(model_->nodes()[size_t(node)].frame);
    };
    connect(tree_, &QTreeView::activated, this, activate);
    connect(tree_, &QTreeView::doubleClicked, this, activate);
    onSession();
}

QString StackTrieView::headingText() const { return heading_->text(); }

void StackTrieView::onSession() {
    model_->setSession(selection_->data());
    tree_->expandAll();
    selected_.clear();
    const auto& d = selection_->data();
    if (!d) {
        heading_->setText(tr("No session."));
        return;
    }
    if (model_->nodes().empty()) {
        heading_->setText(tr("No compile of this session has a user stack (scenario sessions and logs without dynamo_start stacks)."));
        return;
    }
    heading_->setText(tr("Where the %1 compiles were triggered: stacks merged, most recent call last. Select a frame to select its compiles; "
                         "double-click it to see its source.")
                          .arg(d->session().compiles.size()));
    onEntry(selection_->entry());
}

void StackTrieView::onEntry(int entry) {
    if (syncing_ || entry < 0) return;
    const QModelIndex idx = model_->indexOfEntry(entry);
    if (!idx.isValid()) return;
    // already on a frame standing for this compile: keep it (the user chose it)
    if (std::find(selected_.begin(), selected_.end(), entry) != selected_.end()) return;
    syncing_ = true;
    tree_->setCurrentIndex(idx);
    tree_->scrollTo(idx);
    syncing_ = false;
}

void StackTrieView::onCurrent(const QModelIndex& index) {
    selected_ = model_->compilesAt(index);
    const auto& d = selection_->data();
    if (!d || selected_.empty()) return;
    QStringList ids;
    for (int e : selected_) ids << qs(d->session().compiles[size_t(e)].compileId);
    heading_->setText(tr("%n compile(s) under this frame: %1", nullptr, int(selected_.size())).arg(ids.join(QStringLiteral(", "))));
    if (syncing_) return;
    syncing_ = true;
    // the first compile under the frame becomes the selection of every view
    const int first = selected_.front();
    if (first != selection_->entry()) {
        const int64_t at = d->createdAt(first);
        if (at >= 0) selection_->setCursor(at);
        if (selection_->entry() != first) selection_->setEntry(first);
    }
    syncing_ = false;
}

} // namespace gs::ui
