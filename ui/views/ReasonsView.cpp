#include "ui/views/ReasonsView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/GuardDiffModel.h"
#include "ui/itemmodels/ReasonModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

ReasonsView::ReasonsView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), heading_(ItemViews::heading(this)), reasons_(new QTableView(this)),
      fix_(ItemViews::heading(this)), tryFix_(new QPushButton(tr("Try fix"), this)), diffHeading_(ItemViews::heading(this)), diff_(new QTableView(this)),
      reasonModel_(new ReasonModel(this)), diffModel_(new GuardDiffModel(this)) {
    setObjectName(QStringLiteral("reasonsView"));
    reasons_->setObjectName(QStringLiteral("reasonTable"));
    diff_->setObjectName(QStringLiteral("guardDiffTable"));
    reasons_->setModel(reasonModel_);
    diff_->setModel(diffModel_);
    ItemViews::setupTable(reasons_);
    ItemViews::setupTable(diff_);
    reasons_->setColumnWidth(ReasonModel::FailedEntry, 50);
    reasons_->setColumnWidth(ReasonModel::Category, 110);
    reasons_->setColumnWidth(ReasonModel::Guard, 105);
    reasons_->setColumnWidth(ReasonModel::Source, 110);
    reasons_->setColumnWidth(ReasonModel::Expected, 70);
    reasons_->setColumnWidth(ReasonModel::Actual, 70);
    reasons_->setColumnWidth(ReasonModel::Fix, 260);
    diff_->setColumnWidth(GuardDiffModel::Change, 70);
    diff_->setColumnWidth(GuardDiffModel::Kind, 120);
    diff_->setColumnWidth(GuardDiffModel::Source, 90);
    diff_->setColumnWidth(GuardDiffModel::Before, 260);
    diff_->setColumnWidth(GuardDiffModel::After, 260);
    fix_->setObjectName(QStringLiteral("suggestedFix"));

    tryFix_->setObjectName(QStringLiteral("tryFixButton"));
    tryFix_->setToolTip(tr("Apply each candidate fix to a copy of the scenario, re-run it and show which ones are proven "
                           "(fewer compiles, no new error, the same results)"));
    fix_->setWordWrap(true);
    auto* fixRow = new QWidget(this);
    auto* fixLayout = new QHBoxLayout(fixRow);
    fixLayout->setContentsMargins(0, 0, 6, 0);
    fixLayout->addWidget(fix_, 1);
    fixLayout->addWidget(tryFix_, 0, Qt::AlignVCenter);
    connect(tryFix_, &QPushButton::clicked, this, &ReasonsView::tryFixRequested);
    ItemViews::splitVertically(this, ItemViews::column(this, {heading_, reasons_, fixRow}, 1),
                               ItemViews::column(this, {diffHeading_, diff_}));

    connect(selection_, &Selection::sessionChanged, this, &ReasonsView::refresh);
    connect(selection_, &Selection::cursorChanged, this, &ReasonsView::refresh);
    connect(selection_, &Selection::entryChanged, this, &ReasonsView::refresh);
    connect(reasons_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        if (idx.isValid()) showFix(idx.row());
    });
    // A reason row names the entry that rejected the recompiling call: go to that call with that
    // entry selected (its guards evaluated against the call); this view stays on the recompile.
    connect(reasons_, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        const qint64 call = idx.data(CallRole).toLongLong();
        const int e = idx.data(EntryRole).toInt();
        if (call >= 0) selection_->setCursor(call);
        if (e >= 0) selection_->setEntry(e);
    });
    connect(diff_, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        if (int line = idx.data(LineRole).toInt(); line > 0) selection_->activateLine(line);
    });
    refresh();
}

QString ReasonsView::headingText() const { return heading_->text(); }
QString ReasonsView::fixText() const { return fix_->text(); }
int ReasonsView::shownRecompile() const { return reasonModel_->recompile(); }

void ReasonsView::refresh() {
    const auto& d = selection_->data();
    // The recompile of the cursor's call while the selection is that call's entry (or the call
    // made none: a recompile-limit hit); otherwise the recompile that created the selected entry.
    int rec = -1;
    if (d) {
        const int64_t c = selection_->cursor();
        const int callEntry = d->entryOfCall(c);
        rec = d->recompileAtCall(c);
        // An entry that rejected this call (a reason row was opened) keeps the call's recompile.
        bool rejecting = false;
        if (rec >= 0)
            for (const auto& reason : d->session().recompiles[size_t(rec)].reasons)
                if (d->resolveEntry(reason.failedEntryId, c) == selection_->entry()) rejecting = true;
        if (rec < 0 || (callEntry >= 0 && callEntry != selection_->entry() && !rejecting)) rec = d->recompileOfEntry(selection_->entry());
    }
    reasonModel_->setState(d, rec);
    if (!d || rec < 0) {
        heading_->setText(d ? tr("Call #%1 did not recompile. Step to a coloured mark on the timeline (Ctrl+Right), or select an entry created by a recompile.")
                                  .arg(selection_->cursor())
                            : tr("No session."));
        fix_->clear();
        diffModel_->setState(d, -1);
        diffHeading_->setText(QString());
        return;
    }
    const auto& r = d->session().recompiles[size_t(rec)];
    const session::Frame* f = r.callIndex >= 0 ? d->frameOfCall(r.callIndex) : d->session().frame(r.frameId);
    const QString fn = f ? QString::fromStdString(f->name).toHtmlEscaped() : QStringLiteral("frame %1").arg(r.frameId);
    if (r.limitHit)
        heading_->setText(tr("<b>Call #%1</b>: <b>%2</b> hit the recompile limit; no entry %3 was made and the function runs eagerly. "
                             "The %4 cached entries rejected the call for these reasons (newest first):")
                              .arg(r.callIndex).arg(fn, QString::fromStdString(r.compileId)).arg(r.reasons.size()));
    else
        heading_->setText(tr("<b>Call #%1</b> recompiled <b>%2</b> as <b>%3</b>: %4 older %5 rejected it (newest first):")
                              .arg(r.callIndex).arg(fn, QString::fromStdString(r.compileId)).arg(r.reasons.size())
                              .arg(r.reasons.size() == 1 ? tr("entry") : tr("entries")));
    if (reasonModel_->rowCount() > 0) {
        int row = 0;  // the row of the selected entry when it is one that rejected the call
        for (int i = 0; i < reasonModel_->rowCount(); ++i)
            if (reasonModel_->index(i, 0).data(EntryRole).toInt() == selection_->entry()) row = i;
        reasons_->selectRow(row);
        showFix(row);
    } else {
        fix_->clear();
    }
    const int created = r.limitHit ? -1 : d->resolveEntry(r.compileId, r.callIndex >= 0 ? r.callIndex : INT64_MAX);
    diffModel_->setState(d, created);
    if (created < 0) diffHeading_->setText(tr("No guard diff: the recompile made no entry."));
    else if (diffModel_->olderEntry() < 0) diffHeading_->setText(tr("No guard diff: %1 has no earlier entry.").arg(QString::fromStdString(r.compileId)));
    else
        diffHeading_->setText(tr("Guard diff <b>%1 → %2</b>: %3 changed, %4 unchanged")
                                  .arg(QString::fromStdString(d->session().compiles[size_t(diffModel_->olderEntry())].compileId),
                                       QString::fromStdString(r.compileId))
                                  .arg(diffModel_->rowCount())
                                  .arg(diffModel_->unchanged()));
}

void ReasonsView::showFix(int row) {
    const QModelIndex cat = reasonModel_->index(row, ReasonModel::Category);
    const QString fix = reasonModel_->index(row, ReasonModel::Fix).data().toString();
    const QString text = reasonModel_->index(row, ReasonModel::Text).data(Qt::ToolTipRole).toString();
    const QColor c = cat.data(Qt::ForegroundRole).value<QColor>();
    fix_->setText(tr("<span style=\"color:%1\"><b>%2</b></span> &nbsp;<code>%3</code><br><b>Suggested fix:</b> %4")
                      .arg(c.name(), cat.data().toString().toHtmlEscaped(), text.toHtmlEscaped(),
                           fix.isEmpty() ? tr("none known") : fix.toHtmlEscaped()));
}

} // namespace gs::ui
