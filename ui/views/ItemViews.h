#pragma once
// Shared set-up of the table and tree views, so every dock looks and behaves the same.
#include <QString>

#include <initializer_list>

class QAbstractItemView;
class QHeaderView;
class QLabel;
class QTableView;
class QTreeView;
class QWidget;

namespace gs::ui {

class ItemViews {
public:
    static void setupTable(QTableView* view);
    static void setupTree(QTreeView* view);
    // A widget stacking `widgets` top to bottom without margins; widget number `stretch`
    // (default: the last) takes the spare height.
    static QWidget* column(QWidget* parent, std::initializer_list<QWidget*> widgets, int stretch = -1);
    // Fills `owner` with a vertical splitter of `top` over `bottom`.
    static void splitVertically(QWidget* owner, QWidget* top, QWidget* bottom);
    // A one-line heading above a view (rich text allowed).
    static QLabel* heading(QWidget* parent);
    // Selects (and scrolls to) the row whose IdRole is `id`; returns false if there is none.
    static bool selectId(QAbstractItemView* view, const QString& id);
};

} // namespace gs::ui
