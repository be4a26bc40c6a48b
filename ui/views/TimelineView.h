#pragma once
// The timeline dock: step buttons and a slider over the calls, the timeline rows, a legend of
// outcomes and reason categories, the call under the cursor, and the table of all calls.
#include <QWidget>

class QLabel;
class QSlider;
class QTableView;
class QToolButton;

namespace gs::ui {

class CallTableModel;
class Selection;
class TimelineWidget;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(Selection* selection, QWidget* parent = nullptr);
    TimelineWidget* timeline() const { return timeline_; }
    QSlider* slider() const { return slider_; }
    QTableView* callTable() const { return table_; }
    QLabel* legend() const { return legend_; }
    QString cursorText() const;

private:
    void onSession();
    void onCursor(qint64 pos);
    void updateLegend();

    Selection* selection_;
    TimelineWidget* timeline_;
    QSlider* slider_;
    QLabel* position_;
    QLabel* details_;
    QLabel* legend_;
    QTableView* table_;
    CallTableModel* model_;
};

} // namespace gs::ui
