#include "ui/views/TestsView.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"
#include "ui/itemmodels/TestResultModel.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

TestsView::TestsView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), summary_(ItemViews::heading(this)), table_(new QTableView(this)),
      model_(new TestResultModel(this)) {
    setObjectName(QStringLiteral("testsView"));
    table_->setObjectName(QStringLiteral("testTable"));
    table_->setModel(model_);
    ItemViews::setupTable(table_);
    table_->setColumnWidth(TestResultModel::Status, 55);
    table_->setColumnWidth(TestResultModel::Class, 130);
    table_->setColumnWidth(TestResultModel::Test, 340);
    table_->setColumnWidth(TestResultModel::Line, 45);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    connect(selection_, &Selection::sessionChanged, this, &TestsView::onSession);
    auto open = [this](const QModelIndex& idx) {
        if (int line = idx.data(LineRole).toInt(); line > 0) selection_->activateLine(line);
    };
    connect(table_, &QTableView::doubleClicked, this, open);
    connect(table_, &QTableView::activated, this, open);
    onSession();
}

QString TestsView::summaryText() const { return summary_->text(); }

void TestsView::onSession() {
    const auto& d = selection_->data();
    model_->setSession(d);
    if (!d || d->session().tests.empty()) {
        summary_->setText(tr("No TestCase results in this session."));
        return;
    }
    const auto s = d->summary();
    summary_->setText(tr("<span style=\"color:%1\"><b>%2 passed</b></span>, <span style=\"color:%3\"><b>%4 failed</b></span>%5 — double-click a row to see its line.")
                          .arg(Theme::resultColor(session::GuardResult::Passed).name())
                          .arg(s.testsPassed)
                          .arg(Theme::resultColor(s.testsFailed ? session::GuardResult::Failed : session::GuardResult::NotEvaluated).name())
                          .arg(s.testsFailed)
                          .arg(s.testsSkipped ? tr(", %1 skipped").arg(s.testsSkipped) : QString()));
}

} // namespace gs::ui
