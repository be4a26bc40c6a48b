#include "ui/views/TimelineView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

#include "ui/shared/CursorLabel.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/CallTableModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/TimelineWidget.h"

namespace gs::ui {

namespace {
QToolButton* stepButton(QStyle::StandardPixmap icon, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

TimelineView::TimelineView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), timeline_(new TimelineWidget(this)), slider_(new QSlider(Qt::Horizontal, this)),
      position_(new CursorLabel(this)), details_(new CursorLabel(this)), legend_(new QLabel(this)), table_(new QTableView(this)),
      model_(new CallTableModel(this)) {
    setObjectName(QStringLiteral("timelineView"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    auto* first = stepButton(QStyle::SP_MediaSkipBackward, tr("First call (Home)"), this);
    auto* prevCompile = stepButton(QStyle::SP_MediaSeekBackward, tr("Previous compile or recompile (Ctrl+Left)"), this);
    auto* prev = stepButton(QStyle::SP_ArrowLeft, tr("Previous call (Left)"), this);
    auto* next = stepButton(QStyle::SP_ArrowRight, tr("Next call (Right)"), this);
    auto* nextCompile = stepButton(QStyle::SP_MediaSeekForward, tr("Next compile or recompile (Ctrl+Right)"), this);
    auto* last = stepButton(QStyle::SP_MediaSkipForward, tr("Last call (End)"), this);
    auto* fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show every call (0)"));
    fit->setAutoRaise(true);
    for (auto* b : {first, prevCompile, prev}) bar->addWidget(b);
    bar->addWidget(slider_, 1);
    for (auto* b : {next, nextCompile, last}) bar->addWidget(b);
    position_->setMinimumWidth(130);
    bar->addWidget(position_);
    bar->addWidget(fit);
    slider_->setObjectName(QStringLiteral("timeCursorSlider"));
    slider_->setToolTip(tr("Time cursor: every view shows the state after this call"));

    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setWordWrap(true);
    details_->setContentsMargins(6, 0, 6, 0);
    legend_->setWordWrap(true);
    legend_->setContentsMargins(6, 0, 6, 2);
    legend_->setObjectName(QStringLiteral("timelineLegend"));

    table_->setModel(model_);
    table_->setObjectName(QStringLiteral("callTable"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setColumnWidth(CallTableModel::Index, 60);
    table_->setColumnWidth(CallTableModel::Function, 110);
    table_->setColumnWidth(CallTableModel::Outcome, 80);
    table_->setColumnWidth(CallTableModel::Entry, 55);
    table_->setColumnWidth(CallTableModel::Reason, 110);
    table_->setColumnWidth(CallTableModel::Line, 45);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addLayout(bar);
    topLayout->addWidget(timeline_, 1);
    topLayout->addWidget(legend_);
    topLayout->addWidget(details_);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(first, &QToolButton::clicked, this, [this] { selection_->setCursor(0); });
    connect(last, &QToolButton::clicked, this, [this] { if (selection_->data()) selection_->setCursor(selection_->data()->callCount() - 1); });
    connect(prev, &QToolButton::clicked, this, [this] { selection_->step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { selection_->step(+1); });
    connect(prevCompile, &QToolButton::clicked, this, [this] { selection_->stepToCompile(-1); });
    connect(nextCompile, &QToolButton::clicked, this, [this] { selection_->stepToCompile(+1); });
    connect(fit, &QToolButton::clicked, timeline_, &TimelineWidget::zoomToFit);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { selection_->setCursor(v); });
    connect(timeline_, &TimelineWidget::cursorRequested, selection_, [this](qint64 p) { selection_->setCursor(p); });
    connect(timeline_, &TimelineWidget::stepToCompileRequested, selection_, &Selection::stepToCompile);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        if (idx.isValid()) selection_->setCursor(idx.data(CallRole).toLongLong());
    });
    connect(selection_, &Selection::sessionChanged, this, &TimelineView::onSession);
    connect(selection_, &Selection::cursorChanged, this, &TimelineView::onCursor);
    onSession();
}

QString TimelineView::cursorText() const { return details_->text(); }

void TimelineView::onSession() {
    const auto& d = selection_->data();
    model_->setSession(d);
    timeline_->setSession(d);
    const QSignalBlocker block(slider_);
    slider_->setRange(0, d ? int(std::max<int64_t>(0, d->callCount() - 1)) : 0);
    slider_->setEnabled(d && d->callCount() > 1);
    slider_->setPageStep(d ? int(std::max<int64_t>(1, d->callCount() / 20)) : 1);
    updateLegend();
    onCursor(selection_->cursor());
}

void TimelineView::onCursor(qint64 pos) {
    const auto& d = selection_->data();
    timeline_->setCursor(pos);
    model_->setCursor(pos);
    {
        const QSignalBlocker block(slider_);
        slider_->setValue(int(std::max<qint64>(0, pos)));
    }
    if (!d || pos < 0) {
        position_->setText(d ? Describe::cursor(*d, -1) : QString());
        details_->setText(QString());
        return;
    }
    position_->setText(Describe::cursor(*d, pos));
    QString text = Describe::call(*d, pos);
    if (int r = d->recompileAtCall(pos); r >= 0) {
        const auto& rec = d->session().recompiles[size_t(r)];
        if (!rec.reasons.empty())
            text += QStringLiteral("  —  <b>%1</b>: %2").arg(Theme::categoryLabel(rec.reasons.front().category).toHtmlEscaped(),
                                                            QString::fromStdString(rec.reasons.front().text).toHtmlEscaped());
        if (rec.limitHit) text += tr("  —  <b>recompile limit hit</b>: runs eagerly from now on");
    }
    details_->setText(text.startsWith(u'#') ? QStringLiteral("<b>%1</b>").arg(text.section(u' ', 0, 0)) + text.mid(text.indexOf(u' ')) : text);
    const QSignalBlocker block(table_->selectionModel());
    const QModelIndex idx = model_->index(int(pos), 0);
    table_->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(idx);
}

void TimelineView::updateLegend() {
    const auto& d = selection_->data();
    if (!d) {
        legend_->clear();
        return;
    }
    auto chip = [](const QColor& c, const QString& label) {
        return QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2").arg(c.name(), label.toHtmlEscaped());
    };
    QStringList parts;
    int64_t hits = 0, eager = 0, compiles = 0, failed = 0;
    std::map<session::ReasonCategory, int> cats;
    for (size_t i = 0; i < d->tracks().size(); ++i) {
        const auto& t = d->tracks()[i];
        hits += d->countIn(int(i), session::CallCount::Hits, 0, d->callCount());
        eager += d->countIn(int(i), session::CallCount::Eager, 0, d->callCount());
        for (const auto& m : t.marks) {
            if (m.kind == session::CallKind::Compile) ++compiles;
            else if (m.kind == session::CallKind::Failed) ++failed;
            else ++cats[m.category];
        }
    }
    parts << chip(Theme::kindColor(session::CallKind::Hit), tr("hit (%1)").arg(hits));
    parts << chip(Theme::kindColor(session::CallKind::Compile), tr("first compile (%1)").arg(compiles));
    for (const auto& [c, n] : cats) parts << chip(Theme::categoryColor(c), tr("recompile: %1 (%2)").arg(Theme::categoryLabel(c)).arg(n));
    if (eager) parts << chip(Theme::kindColor(session::CallKind::RunOnly), tr("run-only / skipped (%1)").arg(eager));
    if (failed) parts << chip(Theme::kindColor(session::CallKind::Failed), tr("failed compile (%1)").arg(failed));
    // Markers are shapes, so they read without colour (issue 13).
    int64_t limits = 0, breaks = 0;
    for (const auto& r : d->session().recompiles) limits += r.limitHit ? 1 : 0;
    for (const auto& l : d->session().logs) breaks += l.channel == "graph_breaks" && l.callIndex >= 0 && l.text.rfind("restart: ", 0) != 0;
    const QString mark = Theme::markerColor().name();
    if (!d->resets().empty())
        parts << QStringLiteral("<span style=\"color:%1\">┆</span>&nbsp;%2").arg(mark, tr("reset (%1)").arg(d->resets().size()));
    if (breaks) parts << QStringLiteral("<span style=\"color:%1\">◆</span>&nbsp;%2").arg(mark, tr("graph break (%1)").arg(breaks));
    if (limits)
        parts << QStringLiteral("<span style=\"color:%1\">✕</span>&nbsp;%2")
                     .arg(Theme::kindColor(session::CallKind::Failed).name(), tr("recompile limit hit (%1)").arg(limits));
    legend_->setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
}

} // namespace gs::ui
