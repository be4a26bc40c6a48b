#pragma once
// The TORCH_LOGS-style log, filterable by channel and text; lines after the cursor are dimmed
// (or hidden), double-click moves the cursor to the line's call.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace gs::ui {

class LogFilterModel;
class LogModel;
class Selection;

class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(Selection* selection, QWidget* parent = nullptr);
    QTableView* table() const { return table_; }
    QPlainTextEdit* detail() const { return detail_; }
    QComboBox* channelFilter() const { return channels_; }
    LogFilterModel* filter() const { return filter_; }

private:
    void onSession();
    void followCursor(qint64 pos);

    Selection* selection_;
    QComboBox* channels_;
    QLineEdit* search_;
    QCheckBox* upToCursor_;
    QTableView* table_;
    QPlainTextEdit* detail_;
    LogModel* model_;
    LogFilterModel* filter_;
};

} // namespace gs::ui
