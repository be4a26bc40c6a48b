#pragma once
// "Why it recompiled": for the selected recompile, every older entry's reason (newest first)
// with category, expected vs actual and the suggested fix, and the guard diff against the
// previous entry of the frame; Try fix re-runs candidate fixes (FixPanel shows them).
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace gs::ui {

class GuardDiffModel;
class ReasonModel;
class Selection;

class ReasonsView : public QWidget {
    Q_OBJECT
public:
    explicit ReasonsView(Selection* selection, QWidget* parent = nullptr);
    QTableView* reasonTable() const { return reasons_; }
    QTableView* diffTable() const { return diff_; }
    ReasonModel* reasonModel() const { return reasonModel_; }
    GuardDiffModel* diffModel() const { return diffModel_; }
    QString headingText() const;
    QString fixText() const;
    QPushButton* tryFixButton() const { return tryFix_; }
    // The recompile shown (index into session().recompiles), -1 when none.
    int shownRecompile() const;

signals:
    // Try fix: re-run the scenario's candidate fixes (MainWindow runs them and shows FixPanel).
    void tryFixRequested();

private:
    void refresh();
    void showFix(int row);

    Selection* selection_;
    QLabel* heading_;
    QTableView* reasons_;
    QLabel* fix_;
    QPushButton* tryFix_;
    QLabel* diffHeading_;
    QTableView* diff_;
    ReasonModel* reasonModel_;
    GuardDiffModel* diffModel_;
};

} // namespace gs::ui
