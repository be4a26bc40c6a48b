#pragma once
// TestCase results: pass / fail with a link to the failing line in the editor.
#include <QWidget>

class QLabel;
class QTableView;

namespace gs::ui {

class Selection;
class TestResultModel;

class TestsView : public QWidget {
    Q_OBJECT
public:
    explicit TestsView(Selection* selection, QWidget* parent = nullptr);
    QTableView* table() const { return table_; }
    QString summaryText() const;

private:
    void onSession();

    Selection* selection_;
    QLabel* summary_;
    QTableView* table_;
    TestResultModel* model_;
};

} // namespace gs::ui
