#pragma once
// The recent-files list kept in QSettings, newest first, and the File > Open Recent menu. Files
// are also added to the desktop's shared list (DesktopRecentFiles).
#include <QObject>
#include <QStringList>

class QMenu;

namespace gs::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 10;
    RecentFiles(QMenu* menu, QObject* parent = nullptr);
    void add(const QString& entry);  // a path, or "session:<id>"
    QStringList entries() const;
    void clear();

signals:
    void openRequested(const QString& entry);

private:
    void rebuild();
    QMenu* menu_;
};

} // namespace gs::ui
