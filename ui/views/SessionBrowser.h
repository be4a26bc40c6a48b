#pragma once
// The SQLite history: open, rename, delete, and compare two sessions side by side.
#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace gs::ui {

class CompareModel;
class SessionListModel;
class SessionService;

class SessionBrowser : public QWidget {
    Q_OBJECT
public:
    explicit SessionBrowser(SessionService* service, QWidget* parent = nullptr);
    QTableView* table() const { return table_; }
    QTableView* compareTable() const { return compareTable_; }
    SessionListModel* model() const { return model_; }
    std::vector<int64_t> selectedIds() const;
    void selectIds(const std::vector<int64_t>& ids);

    // The actions, callable without dialogs (tests, scripting); the buttons ask first.
    void openSelected();
    void renameSession(int64_t id, const QString& title);
    void removeSession(int64_t id);
    void compareSelected();

signals:
    void openRequested(qint64 id);

private:
    void updateButtons();

    SessionService* service_;
    QLabel* heading_;
    QTableView* table_;
    SessionListModel* model_;
    QSortFilterProxyModel* proxy_;
    QPushButton *open_, *rename_, *remove_, *compare_, *refresh_;
    QLabel* compareHeading_;
    QTableView* compareTable_;
    CompareModel* compareModel_;
};

} // namespace gs::ui
