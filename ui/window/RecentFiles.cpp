#include "ui/window/RecentFiles.h"

#include "ui/shared/LogCategories.h"
#include "ui/window/DesktopRecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace gs::ui {

namespace {
const char* kKey = "recentFiles";
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) { rebuild(); }

QStringList RecentFiles::entries() const { return QSettings().value(QLatin1String(kKey)).toStringList(); }

void RecentFiles::add(const QString& entry) {
    QStringList list = entries();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMax) list.removeLast();
    QSettings().setValue(QLatin1String(kKey), list);
    rebuild();
    // Files also go to the desktop's shared list, so the file dialogs and launchers offer them.
    if (!entry.startsWith(QLatin1String("session:")) && DesktopRecentFiles::enabled()) {
        QString error;
        if (!DesktopRecentFiles::add(entry, &error)) qCWarning(lcWindow) << "the desktop's recent-files list was not updated:" << error;
    }
}

void RecentFiles::clear() {
    QSettings().remove(QLatin1String(kKey));
    rebuild();
}

void RecentFiles::rebuild() {
    menu_->clear();
    const QStringList list = entries();
    int n = 0;
    for (const QString& e : list) {
        const QString label = e.startsWith(QLatin1String("session:")) ? tr("Stored session %1").arg(e.mid(8)) : QFileInfo(e).fileName();
        QAction* a = menu_->addAction(QStringLiteral("&%1 %2").arg(++n % 10).arg(label));
        a->setToolTip(e);
        a->setStatusTip(e);
        connect(a, &QAction::triggered, this, [this, e] { emit openRequested(e); });
    }
    if (list.isEmpty()) menu_->addAction(tr("(none)"))->setEnabled(false);
    else {
        menu_->addSeparator();
        connect(menu_->addAction(tr("Clear list")), &QAction::triggered, this, &RecentFiles::clear);
    }
}

} // namespace gs::ui
