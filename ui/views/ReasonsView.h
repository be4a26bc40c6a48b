#pragma once
// "Why it recompiled": for the selected recompile, every older entry's reason (newest first)
// with category, expected vs actual and the suggested fix, and the guard diff against the
// previous entry of the frame.
#include <QWidget>

class QLabel;
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

private:
    void refresh();
    void showFix(int row);

    Selection* selection_;
    QLabel* heading_;
    QTableView* reasons_;
    QLabel* fix_;
    QLabel* diffHeading_;
    QTableView* diff_;
    ReasonModel* reasonModel_;
    GuardDiffModel* diffModel_;
};

} // namespace gs::ui
