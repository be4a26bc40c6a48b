#pragma once
// Symbolic shapes of one compiled function at the time cursor: input dims × calls, symbols,
// ranges, duck groups, promotions and specializations (ShapeModel).
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace gs::ui {

class Selection;
class ShapeModel;

class ShapesView : public QWidget {
    Q_OBJECT
public:
    explicit ShapesView(Selection* selection, QWidget* parent = nullptr);
    QTableView* table() const { return table_; }
    ShapeModel* model() const { return model_; }

private:
    void onSession();
    void refresh();

    Selection* selection_;
    QComboBox* frames_;
    QLabel* heading_;
    QTableView* table_;
    ShapeModel* model_;
    int pinnedFrame_ = -1; // the user picked a frame; -1 follows the cursor
};

} // namespace gs::ui
