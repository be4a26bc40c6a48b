#include "ui/window/DesktopRecentFiles.h"

#include <QDateTime>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QUrl>

namespace gs::ui {

namespace {

const QString kBookmarkNs = QStringLiteral("http://www.freedesktop.org/standards/desktop-bookmarks");
const QString kMimeNs = QStringLiteral("http://www.freedesktop.org/standards/shared-mime-info");
const QString kAppName = QStringLiteral("Guardscope");

QString stamp() { return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z")); }

QDomDocument emptyList() {
    QDomDocument doc;
    doc.appendChild(doc.createProcessingInstruction(QStringLiteral("xml"), QStringLiteral("version=\"1.0\" encoding=\"UTF-8\"")));
    QDomElement xbel = doc.createElement(QStringLiteral("xbel"));
    xbel.setAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xbel.setAttribute(QStringLiteral("xmlns:bookmark"), kBookmarkNs);
    xbel.setAttribute(QStringLiteral("xmlns:mime"), kMimeNs);
    doc.appendChild(xbel);
    return doc;
}

// The <bookmark:applications> element of a bookmark, created when missing.
QDomElement applicationsOf(QDomDocument& doc, QDomElement bookmark) {
    QDomElement info = bookmark.firstChildElement(QStringLiteral("info"));
    if (info.isNull()) info = bookmark.appendChild(doc.createElement(QStringLiteral("info"))).toElement();
    QDomElement meta;
    for (QDomElement m = info.firstChildElement(QStringLiteral("metadata")); !m.isNull(); m = m.nextSiblingElement(QStringLiteral("metadata")))
        if (m.attribute(QStringLiteral("owner")) == QLatin1String("http://freedesktop.org")) meta = m;
    if (meta.isNull()) {
        meta = info.appendChild(doc.createElement(QStringLiteral("metadata"))).toElement();
        meta.setAttribute(QStringLiteral("owner"), QStringLiteral("http://freedesktop.org"));
    }
    QDomElement apps = meta.firstChildElement(QStringLiteral("bookmark:applications"));
    if (apps.isNull()) apps = meta.appendChild(doc.createElement(QStringLiteral("bookmark:applications"))).toElement();
    return apps;
}

} // namespace

namespace {
bool gEnabled = true;
}

void DesktopRecentFiles::setEnabled(bool on) { gEnabled = on; }
bool DesktopRecentFiles::enabled() { return gEnabled; }

QString DesktopRecentFiles::path() {
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty()) base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/recently-used.xbel");
}

bool DesktopRecentFiles::add(const QString& file, QString* error) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    const QString listPath = path();
    QDomDocument doc;
    QFile in(listPath);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) return fail(QStringLiteral("%1: %2").arg(listPath, in.errorString()));
        QString message;
        int line = 0, column = 0;
        if (!doc.setContent(&in, /*namespaceProcessing=*/false, &message, &line, &column))
            return fail(QStringLiteral("%1:%2:%3: %4 (left unchanged)").arg(listPath).arg(line).arg(column).arg(message));
        if (doc.documentElement().tagName() != QLatin1String("xbel"))
            return fail(QStringLiteral("%1: not an XBEL file (left unchanged)").arg(listPath));
    } else {
        doc = emptyList();
    }
    QDomElement root = doc.documentElement();
    if (!root.hasAttribute(QStringLiteral("xmlns:bookmark"))) root.setAttribute(QStringLiteral("xmlns:bookmark"), kBookmarkNs);
    if (!root.hasAttribute(QStringLiteral("xmlns:mime"))) root.setAttribute(QStringLiteral("xmlns:mime"), kMimeNs);

    const QString href = QUrl::fromLocalFile(QFileInfo(file).absoluteFilePath()).toString(QUrl::FullyEncoded);
    const QString now = stamp();
    QDomElement bookmark;
    for (QDomElement b = root.firstChildElement(QStringLiteral("bookmark")); !b.isNull(); b = b.nextSiblingElement(QStringLiteral("bookmark")))
        if (b.attribute(QStringLiteral("href")) == href) bookmark = b;
    if (bookmark.isNull()) {
        bookmark = root.appendChild(doc.createElement(QStringLiteral("bookmark"))).toElement();
        bookmark.setAttribute(QStringLiteral("href"), href);
        bookmark.setAttribute(QStringLiteral("added"), now);
        QDomElement apps = applicationsOf(doc, bookmark);
        QDomElement mime = doc.createElement(QStringLiteral("mime:mime-type"));
        mime.setAttribute(QStringLiteral("type"), QMimeDatabase().mimeTypeForFile(file).name());
        apps.parentNode().insertBefore(mime, apps);
    }
    bookmark.setAttribute(QStringLiteral("modified"), now);
    bookmark.setAttribute(QStringLiteral("visited"), now);
    QDomElement apps = applicationsOf(doc, bookmark);
    QDomElement app;
    for (QDomElement a = apps.firstChildElement(QStringLiteral("bookmark:application")); !a.isNull();
         a = a.nextSiblingElement(QStringLiteral("bookmark:application")))
        if (a.attribute(QStringLiteral("name")) == kAppName) app = a;
    if (app.isNull()) {
        app = apps.appendChild(doc.createElement(QStringLiteral("bookmark:application"))).toElement();
        app.setAttribute(QStringLiteral("name"), kAppName);
        app.setAttribute(QStringLiteral("exec"), QStringLiteral("'guardscope %u'"));
        app.setAttribute(QStringLiteral("count"), QStringLiteral("0"));
    }
    app.setAttribute(QStringLiteral("modified"), now);
    app.setAttribute(QStringLiteral("count"), QString::number(app.attribute(QStringLiteral("count")).toInt() + 1));

    QDir().mkpath(QFileInfo(listPath).absolutePath());
    QSaveFile out(listPath);  // atomic: the list is never left half-written
    if (!out.open(QIODevice::WriteOnly)) return fail(QStringLiteral("%1: %2").arg(listPath, out.errorString()));
    out.write(doc.toByteArray(2));
    if (!out.commit()) return fail(QStringLiteral("%1: %2").arg(listPath, out.errorString()));
    return true;
}

} // namespace gs::ui
