#include "ui/views/ItemViews.h"

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/itemmodels/Roles.h"
#include "ui/shared/CursorLabel.h"

namespace gs::ui {

void ItemViews::setupTable(QTableView* view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setTextElideMode(Qt::ElideRight);
}

void ItemViews::setupTree(QTreeView* view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->setWordWrap(false);
    view->header()->setStretchLastSection(true);
    view->setTextElideMode(Qt::ElideRight);
}

QWidget* ItemViews::column(QWidget* parent, std::initializer_list<QWidget*> widgets, int stretch) {
    auto* w = new QWidget(parent);
    auto* layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (stretch < 0) stretch = int(widgets.size()) - 1;
    int i = 0;
    for (QWidget* child : widgets) layout->addWidget(child, i++ == stretch ? 1 : 0);
    return w;
}

void ItemViews::splitVertically(QWidget* owner, QWidget* top, QWidget* bottom) {
    auto* split = new QSplitter(Qt::Vertical, owner);
    split->addWidget(top);
    split->addWidget(bottom);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

QLabel* ItemViews::heading(QWidget* parent) {
    auto* label = new CursorLabel(parent);  // headings follow the cursor: hints kept (CursorLabel.h)
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(6, 4, 6, 4);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

bool ItemViews::selectId(QAbstractItemView* view, const QString& id) {
    QAbstractItemModel* model = view->model();
    if (!model) return false;
    const QModelIndexList hits = model->match(model->index(0, 0), IdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (hits.isEmpty()) return false;
    view->selectionModel()->setCurrentIndex(hits.front(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(hits.front());
    return true;
}

} // namespace gs::ui
