#pragma once
// "Try fix" (issue 13): the candidate fixes of the scenario, each re-run in the engine — a
// verdict (proven, lesson, not proven), compiles / recompiles / graph breaks before → after,
// whether the results stayed the same and what went wrong; the selected fix's edit as a diff,
// what it does, and "Apply to editor".
#include <QWidget>

#include "ui/services/AdvisorService.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QTextEdit;

namespace gs::ui {

class FixPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Verdict, Fix, Group, Compiles, Recompiles, GraphBreaks, Results, Problems, ColumnCount };
    explicit FixPanel(QWidget* parent = nullptr);

    void showRunning(const QString& what, int done, int total);
    void setReport(FixReportPtr report);
    void clear(const QString& message);
    const advisor::FixReport* report() const { return report_.get(); }
    QTableWidget* table() const { return table_; }
    QPushButton* applyButton() const { return apply_; }
    QString headingText() const;
    QString diffText() const;
    int currentFix() const { return current_; }
    void selectFix(int index);

signals:
    // The selected fix's whole scenario text, to replace the editor's.
    void applyRequested(const QString& source);

private:
    void showFix(int index);

    QLabel* heading_;
    QTableWidget* table_;
    QLabel* explanation_;
    QTextEdit* diff_;
    QPushButton* apply_;
    FixReportPtr report_;
    int current_ = -1;
};

} // namespace gs::ui
