#pragma once
// Status-bar progress with a Cancel button, shown only for work that takes over half a second
// (issue 5 "progress with cancel for anything that takes over half a second").
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace gs::ui {

class ProgressIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ProgressIndicator(QWidget* parent = nullptr);
    static constexpr int kShowAfterMs = 500;

    void start(const QString& what);
    // fraction in [0,1], or < 0 when unknown (busy indicator).
    void progress(double fraction, const QString& what);
    void finish();
    bool running() const { return running_; }

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QToolButton* cancel_;
    QTimer delay_;
    bool running_ = false;
};

} // namespace gs::ui
