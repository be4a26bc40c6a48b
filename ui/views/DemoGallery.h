#pragma once
// The teaching scenarios of resources/demos/, each with its one-paragraph explanation.
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace gs::ui {

class DemoModel;

class DemoGallery : public QWidget {
    Q_OBJECT
public:
    explicit DemoGallery(QWidget* parent = nullptr);
    void setFolder(const QString& folder);
    QListView* list() const { return list_; }
    DemoModel* model() const { return model_; }

signals:
    void openRequested(const QString& path);

private:
    void showDemo(int row);

    QLabel* heading_;
    QListView* list_;
    QLabel* explanation_;
    QPushButton* open_;
    DemoModel* model_;
};

} // namespace gs::ui
