#include "ui/views/FixPanel.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTextEdit>
#include <QVBoxLayout>

#include "core/advisor/FixReportText.h"
#include "core/advisor/ScenarioText.h"
#include "ui/shared/Theme.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString arrow(int64_t a, int64_t b) { return QStringLiteral("%1 → %2").arg(a).arg(b); }

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies); the verdict
// also carries a sign (✓ / ✗), so colour is never the only cue.
QColor proven() { return Theme::dark() ? QColor(0x3d, 0xc8, 0x9a) : QColor(0x00, 0x7a, 0x5a); }
QColor failed() { return Theme::dark() ? QColor(0xf0, 0x8a, 0x4b) : QColor(0xb3, 0x4a, 0x00); }

} // namespace

FixPanel::FixPanel(QWidget* parent)
    : QWidget(parent), heading_(ItemViews::heading(this)), table_(new QTableWidget(this)), explanation_(ItemViews::heading(this)),
      diff_(new QTextEdit(this)), apply_(new QPushButton(tr("Apply to editor"), this)) {
    setObjectName(QStringLiteral("fixPanel"));
    table_->setObjectName(QStringLiteral("fixTable"));
    diff_->setObjectName(QStringLiteral("fixDiff"));
    apply_->setObjectName(QStringLiteral("applyFixButton"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Verdict"), tr("Fix"), tr("For"), tr("Compiles"), tr("Recompiles"), tr("Graph breaks"),
                                       tr("Results"), tr("What went wrong")});
    ItemViews::setupTable(table_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(false);
    table_->setColumnWidth(Verdict, 105);
    table_->setColumnWidth(Fix, 360);
    table_->setColumnWidth(Group, 150);
    table_->setColumnWidth(Compiles, 75);
    table_->setColumnWidth(Recompiles, 85);
    table_->setColumnWidth(GraphBreaks, 90);
    table_->setColumnWidth(Results, 70);
    table_->horizontalHeader()->setStretchLastSection(true);
    diff_->setReadOnly(true);
    diff_->setLineWrapMode(QTextEdit::NoWrap);
    diff_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    explanation_->setWordWrap(true);
    apply_->setEnabled(false);
    apply_->setToolTip(tr("Replace the editor's text with the scenario this fix made (undo with Ctrl+Z) and re-run it"));

    auto* buttons = new QWidget(this);
    auto* row = new QHBoxLayout(buttons);
    row->setContentsMargins(6, 2, 6, 4);
    row->addWidget(explanation_, 1);
    row->addWidget(apply_, 0, Qt::AlignTop);
    ItemViews::splitVertically(this, ItemViews::column(this, {heading_, table_}, 1), ItemViews::column(this, {buttons, diff_}, 1));

    connect(table_, &QTableWidget::currentCellChanged, this, [this](int r, int, int, int) { showFix(r); });
    connect(apply_, &QPushButton::clicked, this, [this] {
        if (report_ && current_ >= 0 && size_t(current_) < report_->fixes.size() && !report_->fixes[size_t(current_)].fixedSource.empty())
            emit applyRequested(qs(report_->fixes[size_t(current_)].fixedSource));
    });
    clear(tr("Select a recompile in “Why it recompiled” and press Try fix: each candidate fix is applied to a copy of the "
             "scenario and re-run."));
}

QString FixPanel::headingText() const { return heading_->text(); }
QString FixPanel::diffText() const { return diff_->toPlainText(); }

void FixPanel::clear(const QString& message) {
    report_.reset();
    current_ = -1;
    table_->setRowCount(0);
    heading_->setText(message);
    explanation_->clear();
    diff_->clear();
    apply_->setEnabled(false);
}

void FixPanel::showRunning(const QString& what, int done, int total) {
    if (total <= 1) heading_->setText(tr("Trying fixes: %1…").arg(what.toHtmlEscaped()));
    else heading_->setText(tr("Trying fix %1 of %2: %3…").arg(std::max(1, done)).arg(total - 1).arg(what.toHtmlEscaped()));
}

void FixPanel::setReport(FixReportPtr report) {
    report_ = std::move(report);
    current_ = -1;
    table_->setRowCount(0);
    if (!report_) return;
    const advisor::FixReport& r = *report_;
    const QString file = QFileInfo(qs(r.fileName)).fileName().toHtmlEscaped();
    if (!r.error.empty()) {
        clear(tr("<b>%1</b>: no fixes can be tried — %2").arg(file, qs(r.error).toHtmlEscaped()));
        return;
    }
    int provenCount = 0;
    for (const auto& f : r.fixes) provenCount += f.recommended ? 1 : 0;
    QString text = tr("<b>%1</b>: %2 compiles, %3 recompiles, %4 graph breaks as it is. ")
                       .arg(file).arg(r.before.compiles).arg(r.before.recompiles).arg(r.before.graphBreaks);
    if (r.fixes.empty()) text += r.before.recompiles == 0 ? tr("No recompiles: nothing to fix.") : tr("No fix could be written as an edit.");
    else text += tr("%1 candidate fixes re-run, <span style=\"color:%2\"><b>%3 proven</b></span> (fewer compiles, no new error or graph "
                    "break, the same results).")
                     .arg(r.fixes.size()).arg(proven().name()).arg(provenCount);
    for (const auto& n : r.notes)
        text += QStringLiteral("<br>%1 (%2): %3").arg(qs(n.frame).toHtmlEscaped(), qs(std::string(session::toString(n.category))),
                                                      qs(n.text).toHtmlEscaped());
    heading_->setText(text);
    table_->setRowCount(int(r.fixes.size()));
    for (size_t i = 0; i < r.fixes.size(); ++i) {
        const advisor::FixResult& f = r.fixes[i];
        const int row = int(i);
        auto set = [&](int col, const QString& t, const QString& tip = {}) {
            auto* item = new QTableWidgetItem(t);
            item->setToolTip(tip.isEmpty() ? t : tip);
            table_->setItem(row, col, item);
            return item;
        };
        auto* verdict = set(Verdict, f.recommended ? tr("✓ proven") : f.fix.lesson ? tr("✗ lesson") : tr("✗ not proven"));
        verdict->setForeground(f.recommended ? proven() : failed());
        QFont bold = verdict->font();
        bold.setBold(f.recommended);
        verdict->setFont(bold);
        set(Fix, qs(f.fix.title), qs(f.fix.explanation));
        QString group = qs(f.fix.frame) + QStringLiteral(" · ") + Theme::categoryLabel(f.fix.category);
        set(Group, group, group + QStringLiteral(": ") + qs([&] {
                std::string ids;
                for (const auto& id : f.fix.recompiles) ids += (ids.empty() ? "" : ", ") + id;
                return ids;
            }()))->setForeground(Theme::categoryColor(f.fix.category));
        set(Compiles, arrow(r.before.compiles, f.after.compiles));
        set(Recompiles, arrow(r.before.recompiles, f.after.recompiles));
        set(GraphBreaks, arrow(r.before.graphBreaks, f.after.graphBreaks));
        set(Results, f.sameResults ? tr("same") : tr("differ"), qs(f.resultsDiff));
        QString problems;
        for (const auto& p : f.problems) problems += (problems.isEmpty() ? QString() : QStringLiteral("; ")) + qs(p);
        set(Problems, problems);
    }
    if (!r.fixes.empty()) selectFix(0);
}

void FixPanel::selectFix(int index) {
    if (index < 0 || index >= table_->rowCount()) return;
    table_->setCurrentCell(index, Fix);
    showFix(index);
}

void FixPanel::showFix(int index) {
    if (!report_ || index < 0 || size_t(index) >= report_->fixes.size()) return;
    current_ = index;
    const advisor::FixResult& f = report_->fixes[size_t(index)];
    QString text = tr("<b>%1</b> — %2.<br>%3").arg(qs(f.fix.title).toHtmlEscaped(),
                                                     qs(advisor::FixReportText::effect(*report_, f)).toHtmlEscaped(),
                                                     qs(f.fix.explanation).toHtmlEscaped());
    for (const auto& p : f.problems)
        text += QStringLiteral("<br><span style=\"color:%1\">✗ %2</span>").arg(failed().name(), qs(p).toHtmlEscaped());
    explanation_->setText(text);
    // The edit as a diff: removed lines on a light vermilion, added ones on a light sky blue
    // (Okabe–Ito), each also marked by its − / + sign.
    const QString minus = Theme::dark() ? QStringLiteral("#5a2a12") : QStringLiteral("#fbe1d2");
    const QString plus = Theme::dark() ? QStringLiteral("#15405a") : QStringLiteral("#d9eefb");
    QString html = QStringLiteral("<pre style=\"margin:4px\">");
    for (const QString& line : qs(advisor::ScenarioText::diff(f.fix.edits)).split(u'\n')) {
        if (line.isEmpty()) continue;
        const QString esc = line.toHtmlEscaped();
        if (line.startsWith(u'-')) html += QStringLiteral("<span style=\"background:%1\">%2</span>\n").arg(minus, esc);
        else if (line.startsWith(u'+')) html += QStringLiteral("<span style=\"background:%1\">%2</span>\n").arg(plus, esc);
        else html += QStringLiteral("<b>%1</b>\n").arg(esc);
    }
    diff_->setHtml(html + QStringLiteral("</pre>"));
    apply_->setEnabled(!f.fixedSource.empty());
    apply_->setText(f.recommended ? tr("Apply to editor") : tr("Apply to editor (not proven)"));
}

} // namespace gs::ui
