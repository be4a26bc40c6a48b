#pragma once
// `guardscope --screenshot DIR FILE`: opens FILE, puts the cursor on an instructive recompile,
// waits for the Graphviz pictures, writes one PNG per main view into DIR, and finishes.
#include <QByteArray>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>

namespace gs::ui {

class MainWindow;

class Screenshotter : public QObject {
    Q_OBJECT
public:
    Screenshotter(MainWindow* window, QString dir);
    // Call before opening the file; finished() follows.
    void start();
    QStringList written() const { return written_; }

signals:
    void finished(int exitCode, const QString& message);

private:
    void onPainted();
    void chooseCursor();
    void shootNext();
    // Runs `then` once no layout is pending (or after a timeout).
    void whenLaidOut(std::function<void()> then, int tries = 0);

    MainWindow* window_;
    QString dir_;
    static constexpr QSize kViewSize{1100, 720};
    QByteArray dockedState_;
    QStringList queue_;
    QStringList written_;
    int failedEntry_ = -1, createdEntry_ = -1;
    int64_t shapesCursor_ = -1;
    bool started_ = false;
};

} // namespace gs::ui
