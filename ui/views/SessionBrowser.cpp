#include "ui/views/SessionBrowser.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/shared/Describe.h"
#include "ui/itemmodels/CompareModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/itemmodels/SessionListModel.h"
#include "ui/services/SessionService.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

SessionBrowser::SessionBrowser(SessionService* service, QWidget* parent)
    : QWidget(parent), service_(service), heading_(ItemViews::heading(this)), table_(new QTableView(this)),
      model_(new SessionListModel(this)), proxy_(new QSortFilterProxyModel(this)), open_(new QPushButton(tr("Open"), this)),
      rename_(new QPushButton(tr("Rename…"), this)), remove_(new QPushButton(tr("Delete…"), this)),
      compare_(new QPushButton(tr("Compare two"), this)), refresh_(new QPushButton(tr("Refresh"), this)),
      compareHeading_(ItemViews::heading(this)), compareTable_(new QTableView(this)), compareModel_(new CompareModel(this)) {
    setObjectName(QStringLiteral("sessionBrowser"));
    table_->setObjectName(QStringLiteral("sessionTable"));
    compareTable_->setObjectName(QStringLiteral("compareTable"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(SortRole);
    table_->setModel(proxy_);
    ItemViews::setupTable(table_);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(SessionListModel::Id, Qt::DescendingOrder);
    table_->setColumnWidth(SessionListModel::Id, 45);
    table_->setColumnWidth(SessionListModel::Title, 320);
    table_->setColumnWidth(SessionListModel::Created, 150);
    compareTable_->setModel(compareModel_);
    ItemViews::setupTable(compareTable_);
    compareTable_->setColumnWidth(CompareModel::Metric, 200);
    compareTable_->setColumnWidth(CompareModel::Left, 250);
    compareTable_->setColumnWidth(CompareModel::Right, 250);
    compareTable_->horizontalHeader()->setTextElideMode(Qt::ElideMiddle);
    compareHeading_->setText(tr("Select two sessions and press <b>Compare two</b> to see them side by side."));

    auto* buttonRow = new QWidget(this);
    auto* buttons = new QHBoxLayout(buttonRow);
    buttons->setContentsMargins(6, 0, 6, 4);
    for (auto* b : {open_, rename_, remove_, compare_}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(refresh_);
    ItemViews::splitVertically(this, ItemViews::column(this, {heading_, buttonRow, table_}),
                               ItemViews::column(this, {compareHeading_, compareTable_}));

    connect(open_, &QPushButton::clicked, this, &SessionBrowser::openSelected);
    connect(table_, &QTableView::doubleClicked, this, &SessionBrowser::openSelected);
    connect(compare_, &QPushButton::clicked, this, &SessionBrowser::compareSelected);
    connect(refresh_, &QPushButton::clicked, service_, &SessionService::refreshSessions);
    connect(rename_, &QPushButton::clicked, this, [this] {
        const auto ids = selectedIds();
        if (ids.size() != 1) return;
        const QModelIndex idx = model_->indexOfSession(ids.front());
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename session"), tr("Title:"), QLineEdit::Normal,
                                                    model_->index(idx.row(), SessionListModel::Title).data().toString(), &ok);
        if (ok && !title.trimmed().isEmpty()) renameSession(ids.front(), title.trimmed());
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const auto ids = selectedIds();
        if (ids.empty()) return;
        if (QMessageBox::question(this, tr("Delete sessions"), tr("Delete %1 from the history? This cannot be undone.").arg(Describe::count(qint64(ids.size()), "session", "sessions")))
            != QMessageBox::Yes)
            return;
        for (auto id : ids) removeSession(id);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionBrowser::updateButtons);
    connect(service_, &SessionService::sessionsListed, this, [this](const std::vector<store::SessionRow>& rows) {
        const auto keep = selectedIds();
        model_->setRows(rows);
        selectIds(keep);
        heading_->setText(tr("%1 in <code>%2</code>")
                              .arg(Describe::count(qint64(rows.size()), "stored session", "stored sessions"), service_->storeLocation().toHtmlEscaped()));
        updateButtons();
    });
    connect(service_, &SessionService::storeFailed, this, [this](const QString& msg) {
        heading_->setText(tr("<span style=\"color:#c01c1c\">%1</span>").arg(msg.toHtmlEscaped()));
    });
    connect(service_, &SessionService::compareReady, this, [this](session::SessionIndexPtr a, session::SessionIndexPtr b) {
        compareModel_->setSessions(a, b);
        compareHeading_->setText(tr("<b>%1</b> (A) beside <b>%2</b> (B)")
                                     .arg(QString::fromStdString(a->session().info.title).toHtmlEscaped(),
                                          QString::fromStdString(b->session().info.title).toHtmlEscaped()));
    });
    if (service_->hasStore()) heading_->setText(tr("Reading the history…"));
    else heading_->setText(tr("This build has no session history."));
    updateButtons();
}

std::vector<int64_t> SessionBrowser::selectedIds() const {
    std::vector<int64_t> ids;
    for (const QModelIndex& idx : table_->selectionModel()->selectedRows())
        ids.push_back(proxy_->mapToSource(idx).siblingAtColumn(SessionListModel::Id).data().toLongLong());
    return ids;
}

void SessionBrowser::selectIds(const std::vector<int64_t>& ids) {
    table_->selectionModel()->clearSelection();
    for (auto id : ids) {
        const QModelIndex idx = proxy_->mapFromSource(model_->indexOfSession(id));
        if (idx.isValid()) table_->selectionModel()->select(idx, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void SessionBrowser::openSelected() {
    const auto ids = selectedIds();
    if (!ids.empty()) emit openRequested(ids.front());
}

void SessionBrowser::renameSession(int64_t id, const QString& title) { service_->renameSession(id, title); }

void SessionBrowser::removeSession(int64_t id) { service_->removeSession(id); }

void SessionBrowser::compareSelected() {
    const auto ids = selectedIds();
    if (ids.size() != 2) {
        compareHeading_->setText(tr("Select exactly two sessions to compare (Ctrl+click)."));
        return;
    }
    compareHeading_->setText(tr("Loading sessions %1 and %2…").arg(ids[0]).arg(ids[1]));
    service_->compareSessions(std::min(ids[0], ids[1]), std::max(ids[0], ids[1]));
}

void SessionBrowser::updateButtons() {
    const auto n = selectedIds().size();
    open_->setEnabled(n >= 1);
    rename_->setEnabled(n == 1);
    remove_->setEnabled(n >= 1);
    compare_->setEnabled(n == 2);
}

} // namespace gs::ui
