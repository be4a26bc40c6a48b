#include "ui/views/RankOverviewView.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "ui/itemmodels/RankCompareModel.h"
#include "ui/itemmodels/RankTableModel.h"
#include "ui/shared/Describe.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

RankOverviewView::RankOverviewView(QWidget* parent)
    : QWidget(parent), heading_(ItemViews::heading(this)), table_(new QTableView(this)), model_(new RankTableModel(this)),
      divergences_(new QListWidget(this)), open_(new QPushButton(tr("&Open Rank"), this)),
      compareButton_(new QPushButton(tr("&Side by Side"), this)), compareHeading_(ItemViews::heading(this)), compare_(new QTableView(this)),
      compareModel_(new RankCompareModel(this)) {
    setObjectName(QStringLiteral("rankOverview"));
    table_->setObjectName(QStringLiteral("rankTable"));
    divergences_->setObjectName(QStringLiteral("divergenceList"));
    compare_->setObjectName(QStringLiteral("rankCompare"));
    table_->setModel(model_);
    ItemViews::setupTable(table_);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setColumnWidth(RankTableModel::Status, 150);
    compare_->setModel(compareModel_);
    ItemViews::setupTable(compare_);
    compare_->setColumnWidth(RankCompareModel::LeftCompile, 190);
    compare_->setColumnWidth(RankCompareModel::RightCompile, 190);
    compare_->setColumnWidth(RankCompareModel::LeftReason, 170);
    compare_->setColumnWidth(RankCompareModel::RightReason, 170);
    divergences_->setWordWrap(true);
    open_->setToolTip(tr("Open the selected rank's session"));
    compareButton_->setToolTip(tr("Show the two selected ranks side by side, compile by compile"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addWidget(compareButton_);
    buttons->addStretch(1);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(heading_);
    topLayout->addWidget(table_, 1);
    topLayout->addLayout(buttons);
    auto* bottom = ItemViews::column(this, {compareHeading_, compare_});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(divergences_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(open_, &QPushButton::clicked, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        if (!rows.isEmpty()) openRow(rows.front().row());
    });
    connect(compareButton_, &QPushButton::clicked, this, &RankOverviewView::compareSelected);
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& i) { openRow(i.row()); });
    connect(divergences_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        const int row = model_->rowOfRank(item->data(Qt::UserRole).toLongLong());
        if (row >= 0) openRow(row);
    });
    connect(divergences_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item) return;
        compareRanks(item->data(Qt::UserRole + 1).toLongLong(), item->data(Qt::UserRole).toLongLong());
    });
    setRanks({}, {});
}

QString RankOverviewView::headingText() const { return heading_->text(); }

void RankOverviewView::setRanks(const QString& folder, std::vector<session::RankProfile> ranks) {
    std::vector<session::Divergence> found = session::RankOverview::divergences(ranks);
    model_->setRanks(std::move(ranks), found);
    divergences_->clear();
    compareModel_->setRanks(nullptr, nullptr);
    compareHeading_->setText(tr("Select two ranks and press Side by Side, or pick a divergence."));
    const auto& rs = model_->ranks();
    open_->setEnabled(!rs.empty());
    compareButton_->setEnabled(rs.size() >= 2);
    if (rs.empty()) {
        heading_->setText(tr("Open a TORCH_TRACE folder (File › Open Folder) to compare its ranks."));
        return;
    }
    int failed = 0;
    for (const auto& r : rs) failed += !r.error.empty();
    heading_->setText(tr("%1: %n rank(s)", nullptr, int(rs.size())).arg(folder) +
                      (failed ? tr(", %n could not be imported", nullptr, failed) : QString()) +
                      (found.empty() ? tr(" — every rank compiled the same.") : tr(" — <b>%n divergence(s)</b>.", nullptr, int(found.size()))));
    for (const auto& d : found) {
        const QString aspect = qs(d.aspect).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (d.noMajority && d.ranks.size() >= 2) {
            // no strict majority: no single rank is to blame, so one row names them all
            QStringList names;
            for (int64_t rank : d.ranks) names << QString::number(rank);
            // the row says the lead itself: the difference without "ranks 0, 1 differ, no majority"
            auto* item = new QListWidgetItem(tr("Ranks %1 differ in %2 (no majority): %3").arg(names.join(QStringLiteral(", ")), aspect, qs(d.difference)),
                                             divergences_);
            item->setData(Qt::UserRole, qint64(d.ranks[1]));
            item->setData(Qt::UserRole + 1, qint64(d.ranks[0]));
            item->setToolTip(tr("Double-click to open rank %1's session").arg(d.ranks[1]));
            continue;
        }
        for (int64_t rank : d.ranks) {
            auto* item = new QListWidgetItem(tr("Rank %1 diverges in %2: %3").arg(rank).arg(qs(d.aspect).replace(QLatin1Char('_'), QLatin1Char(' ')),
                                                                                           qs(d.detail)),
                                             divergences_);
            item->setData(Qt::UserRole, qint64(rank));
            item->setData(Qt::UserRole + 1, qint64(d.majority.empty() ? rank : d.majority.front()));
            item->setToolTip(tr("Double-click to open rank %1's session").arg(rank));
        }
    }
    if (found.empty()) new QListWidgetItem(tr("No divergence: every rank compiled the same frames, for the same reasons, "
                                              "with the same graphs, cache results, collectives and tensor metadata."), divergences_);
    // the first divergence side by side with the majority, else the first two ranks
    if (!found.empty() && !found.front().ranks.empty() && !found.front().majority.empty())
        compareRanks(found.front().majority.front(), found.front().ranks.front());
    else if (!found.empty() && found.front().noMajority && found.front().ranks.size() >= 2)
        compareRanks(found.front().ranks[0], found.front().ranks[1]);
    else if (rs.size() >= 2)
        compareRanks(rs[0].rank, rs[1].rank);
}

void RankOverviewView::compareRanks(int64_t a, int64_t b) {
    const int ra = model_->rowOfRank(a), rb = model_->rowOfRank(b);
    if (ra < 0 || rb < 0 || ra == rb) return;
    const auto& rs = model_->ranks();
    compareModel_->setRanks(&rs[size_t(ra)], &rs[size_t(rb)]);
    const int first = compareModel_->firstDifference();
    compareHeading_->setText(first < 0 ? tr("Ranks %1 and %2 compiled the same.").arg(a).arg(b)
                                       : tr("Ranks %1 and %2 side by side: they first differ at compile #%3.").arg(a).arg(b).arg(first + 1));
    if (first >= 0) compare_->scrollTo(compareModel_->index(first, 0));
}

void RankOverviewView::openRow(int row) {
    const auto& rs = model_->ranks();
    if (row < 0 || size_t(row) >= rs.size()) return;
    const auto& r = rs[size_t(row)];
    if (r.sessionId <= 0 && !r.error.empty() && r.compileSeq.empty()) return; // nothing was read
    emit openRequested(r.sessionId, qs(r.path));
}

void RankOverviewView::compareSelected() {
    std::set<int> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedRows()) rows.insert(i.row());
    if (rows.size() != 2) {
        compareHeading_->setText(tr("Select exactly two ranks to see them side by side."));
        return;
    }
    const auto& rs = model_->ranks();
    compareRanks(rs[size_t(*rows.begin())].rank, rs[size_t(*rows.rbegin())].rank);
}

} // namespace gs::ui
