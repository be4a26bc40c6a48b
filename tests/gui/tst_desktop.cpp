// Offscreen tests of what ties the inspector to the desktop: Help > About names the versions in
// use, the desktop's shared recent-files list (recently-used.xbel) gets what we open without
// losing other applications' entries, the window carries the application icon, and what goes
// wrong behind the views is reported through the GUI's logging categories.
#include <QApplication>
#include <QClipboard>
#include <QDomDocument>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <stdexcept>

#include "core/buildinfo/BuildInfo.h"
#include "core/engine/TorchRelease.h"
#include "ui/services/OwnerThread.h"
#include "ui/shared/CursorLabel.h"
#include "ui/shared/LogCategories.h"
#include "ui/window/AboutDialog.h"
#include "ui/window/DesktopRecentFiles.h"
#include "ui/window/MainWindow.h"

using namespace gs::ui;

namespace {
const QString kDemo = QStringLiteral(GS_SOURCE_DIR "/resources/demos/aliasing.py");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The <bookmark> elements of the list, by href.
QMap<QString, QDomElement> bookmarks(QDomDocument& doc) {
    QMap<QString, QDomElement> out;
    for (QDomElement b = doc.documentElement().firstChildElement(QStringLiteral("bookmark")); !b.isNull();
         b = b.nextSiblingElement(QStringLiteral("bookmark")))
        out.insert(b.attribute(QStringLiteral("href")), b);
    return out;
}

QDomElement ourApplication(const QDomElement& bookmark) {
    const QDomNodeList apps = bookmark.elementsByTagName(QStringLiteral("bookmark:application"));
    for (int i = 0; i < apps.size(); ++i)
        if (apps.at(i).toElement().attribute(QStringLiteral("name")) == QLatin1String("Guardscope")) return apps.at(i).toElement();
    return {};
}
} // namespace

class TestDesktop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void aboutNamesEveryVersionInUse();
    void aboutCopiesTheVersionsAsText();
    void recentListIsCreatedAsXbelWithOurApplication();
    void recentListCountsRepeatedOpensInOneBookmark();
    void recentListKeepsOtherApplicationsEntries();
    void unreadableRecentListIsLeftUnchanged();
    void openingAFileAddsItToTheDesktopList();
    void windowCarriesTheApplicationIcon();
    void aFailingWorkerJobIsLoggedAndTheThreadGoesOn();
    void cursorLabelsHintsAreQLabelsForEveryTextOfACursorWalk();

private:
    QTemporaryDir dir_;
    QString xbel() const { return dir_.filePath(QStringLiteral("data/recently-used.xbel")); }
};

void TestDesktop::initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("GuardscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktop"));
    // The desktop's list must be ours to write, never the user's.
    qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
}

void TestDesktop::init() {
    QFile::remove(xbel());
    QSettings().clear();
    DesktopRecentFiles::setEnabled(true);
}

void TestDesktop::aboutNamesEveryVersionInUse() {
    QMap<QString, QString> v;
    for (const auto& [what, version] : AboutDialog::versions()) v.insert(what, version);
    QCOMPARE(v.value(QStringLiteral("Guardscope")), QString::fromLatin1(gs::buildinfo::version()));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(v.value(QStringLiteral("Guardscope"))).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^([0-9a-f]{12}(-dirty)?|unknown)$")).match(v.value(QStringLiteral("Git revision"))).hasMatch());
    QVERIFY(v.value(QStringLiteral("Qt")).startsWith(QString::fromLatin1(qVersion())));
    for (const char* lib : {"Graphviz", "SQLite", "simdjson"})
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")).match(v.value(QString::fromLatin1(lib))).hasMatch(), lib);
    // The engine's default release, and the range a run may pick from.
    QCOMPARE(v.value(QStringLiteral("Emulated PyTorch")), QStringLiteral("%1 (--torch-version %2 to %1)")
                 .arg(QString::fromStdString(gs::engine::TorchRelease::newest().str()),
                      QString::fromStdString(gs::engine::TorchRelease::oldest().str())));
    QVERIFY(v.value(QStringLiteral("Emulated PyTorch")).startsWith(QStringLiteral("2.")));

    AboutDialog dialog;
    QStringList shown;
    for (auto* label : dialog.findChildren<QLabel*>()) shown << label->text();
    for (const auto& [what, version] : AboutDialog::versions()) {
        QVERIFY2(shown.contains(version), qPrintable(what));
        QVERIFY2(shown.contains(what + QLatin1Char(':')), qPrintable(what));
    }
}

void TestDesktop::aboutCopiesTheVersionsAsText() {
    AboutDialog dialog;
    QPushButton* copy = nullptr;
    for (auto* b : dialog.findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("Copy"))) copy = b;
    QVERIFY(copy);
    copy->click();
    const QString text = QApplication::clipboard()->text();
    QVERIFY(text.contains(QStringLiteral("Guardscope: %1\n").arg(QString::fromLatin1(gs::buildinfo::version()))));
    QVERIFY(text.contains(QStringLiteral("Qt: ")));
    QVERIFY(text.contains(QStringLiteral("SQLite: ")));
}

void TestDesktop::recentListIsCreatedAsXbelWithOurApplication() {
    QString error;
    QVERIFY2(DesktopRecentFiles::add(kDemo, &error), qPrintable(error));
    QCOMPARE(DesktopRecentFiles::path(), xbel());
    QDomDocument doc;
    QVERIFY(doc.setContent(readAll(xbel())));
    QCOMPARE(doc.documentElement().tagName(), QStringLiteral("xbel"));
    QCOMPARE(doc.documentElement().attribute(QStringLiteral("xmlns:bookmark")),
             QStringLiteral("http://www.freedesktop.org/standards/desktop-bookmarks"));
    const auto marks = bookmarks(doc);
    QCOMPARE(marks.size(), 1);
    const QString href = QStringLiteral("file://") + kDemo;
    QVERIFY(marks.contains(href));
    const QDomElement b = marks.value(href);
    for (const char* stamp : {"added", "modified", "visited"})
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z$"))
                     .match(b.attribute(QString::fromLatin1(stamp))).hasMatch(), stamp);
    QCOMPARE(b.elementsByTagName(QStringLiteral("mime:mime-type")).at(0).toElement().attribute(QStringLiteral("type")),
             QStringLiteral("text/x-python"));
    const QDomElement app = ourApplication(b);
    QVERIFY(!app.isNull());
    QCOMPARE(app.attribute(QStringLiteral("count")), QStringLiteral("1"));
    QCOMPARE(app.attribute(QStringLiteral("exec")), QStringLiteral("'guardscope %u'"));
}

void TestDesktop::recentListCountsRepeatedOpensInOneBookmark() {
    QVERIFY(DesktopRecentFiles::add(kDemo));
    QVERIFY(DesktopRecentFiles::add(kDemo));
    QDomDocument doc;
    QVERIFY(doc.setContent(readAll(xbel())));
    const auto marks = bookmarks(doc);
    QCOMPARE(marks.size(), 1);
    QCOMPARE(ourApplication(marks.first()).attribute(QStringLiteral("count")), QStringLiteral("2"));
}

void TestDesktop::recentListKeepsOtherApplicationsEntries() {
    QDir().mkpath(QFileInfo(xbel()).absolutePath());
    const QByteArray other = R"(<?xml version="1.0" encoding="UTF-8"?>
<xbel version="1.0" xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks" xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info">
  <bookmark href="file:///home/u/notes.txt" added="2026-01-02T03:04:05.000000Z" modified="2026-01-02T03:04:05.000000Z" visited="2026-01-02T03:04:05.000000Z">
    <info>
      <metadata owner="http://freedesktop.org">
        <mime:mime-type type="text/plain"/>
        <bookmark:groups><bookmark:group>Editors</bookmark:group></bookmark:groups>
        <bookmark:applications>
          <bookmark:application name="gedit" exec="'gedit %u'" modified="2026-01-02T03:04:05.000000Z" count="7"/>
        </bookmark:applications>
      </metadata>
    </info>
  </bookmark>
</xbel>
)";
    writeAll(xbel(), other);
    QVERIFY(DesktopRecentFiles::add(kDemo));
    QDomDocument before, after;
    QVERIFY(before.setContent(other));
    QVERIFY(after.setContent(readAll(xbel())));
    const auto marks = bookmarks(after);
    QCOMPARE(marks.size(), 2);
    QString was, is;
    QTextStream wasStream(&was), isStream(&is);
    bookmarks(before).value(QStringLiteral("file:///home/u/notes.txt")).save(wasStream, 0);
    marks.value(QStringLiteral("file:///home/u/notes.txt")).save(isStream, 0);
    QCOMPARE(is, was);  // gedit's entry, its group and its count are untouched
    QVERIFY(!ourApplication(marks.value(QStringLiteral("file://") + kDemo)).isNull());
}

void TestDesktop::unreadableRecentListIsLeftUnchanged() {
    QDir().mkpath(QFileInfo(xbel()).absolutePath());
    const QByteArray broken = "<?xml version=\"1.0\"?>\n<xbel version=\"1.0\">\n  <bookmark href=\"file:///x\">\n</xbel>\n";
    writeAll(xbel(), broken);
    QString error;
    QVERIFY(!DesktopRecentFiles::add(kDemo, &error));
    QVERIFY2(error.startsWith(xbel() + QStringLiteral(":4:")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("left unchanged")));
    QCOMPARE(readAll(xbel()), broken);
}

void TestDesktop::openingAFileAddsItToTheDesktopList() {
    MainWindow w(makeCoreBackend(dir_.filePath(QStringLiteral("sessions.db"))));
    QVERIFY(w.openPath(kDemo));
    QDomDocument doc;
    QVERIFY(doc.setContent(readAll(xbel())));
    QVERIFY(bookmarks(doc).contains(QStringLiteral("file://") + kDemo));

    DesktopRecentFiles::setEnabled(false);  // automated runs (--screenshot) leave the list alone
    QFile::remove(xbel());
    QVERIFY(w.openPath(kDemo));
    QVERIFY(!QFile::exists(xbel()));
}

void TestDesktop::windowCarriesTheApplicationIcon() {
    MainWindow w(makeCoreBackend(dir_.filePath(QStringLiteral("sessions.db"))));
    QVERIFY(!w.windowIcon().isNull());
    QVERIFY(!w.windowIcon().pixmap(48, 48).isNull());
}

void TestDesktop::aFailingWorkerJobIsLoggedAndTheThreadGoesOn() {
    QCOMPARE(QString::fromLatin1(lcThread().categoryName()), QStringLiteral("gs.ui.thread"));
    QVERIFY(lcThread().isCriticalEnabled());
    QVERIFY(!lcThread().isDebugEnabled()); // debug only when QT_LOGGING_RULES asks for it
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("gs-test.*job.*\"broken\".*failed: boom")));
    std::atomic<bool> ran{false};
    {
        OwnerThread t("gs-test");
        t.post(QStringLiteral("broken"), [] { throw std::runtime_error("boom"); });
        t.post(QStringLiteral("after"), [&ran] { ran = true; });
        QTRY_VERIFY(ran.load());
    }
}

void TestDesktop::cursorLabelsHintsAreQLabelsForEveryTextOfACursorWalk() {
    // CursorLabel keeps its size hints and heights per text with its digits read as '0' (issue
    // 15): for every text a cursor walk shows, wrapped or not, they must be QLabel's own.
    const QStringList texts = {
        QStringLiteral("Cache entries after <b>call 1 of 10,000,000</b> (most recently used first)"),
        QStringLiteral("Cache entries after <b>call 5,000,001 of 10,000,000</b> (most recently used first)"),
        QStringLiteral("Call #123 did not recompile. Step to a coloured mark on the timeline (Ctrl+Right), or select an entry created by a recompile."),
        QStringLiteral("Cache entries after <b>call 9,999,999 of 10,000,000</b> (most recently used first)"),
        QStringLiteral("<b>#7,654,321</b> fn_0(x: Tensor[512, 3] float32) → hit 0/417  (line 12)"),
        QStringLiteral("Call #987 did not recompile. Step to a coloured mark on the timeline (Ctrl+Right), or select an entry created by a recompile."),
        QStringLiteral("<b>#1,111,111</b> fn_0(x: Tensor[8, 3] float32) → hit 0/9  (line 12)"),
        QStringLiteral("<b>#2,000,000</b> fn_0(x: Tensor[9, 3] float32) → hit 0/8  (line 12)"),
    };
    for (bool wrap : {true, false}) {
        CursorLabel cursor;
        QLabel plain;
        for (QLabel* l : {static_cast<QLabel*>(&cursor), &plain}) {
            l->setWordWrap(wrap);
            l->setTextFormat(Qt::RichText);
            l->setContentsMargins(6, 4, 6, 4);
        }
        for (int round = 0; round < 2; ++round)  // the second round reads what the first kept
            for (const QString& text : texts) {
                cursor.setText(text);
                plain.setText(text);
                QCOMPARE(cursor.sizeHint(), plain.sizeHint());
                QCOMPARE(cursor.minimumSizeHint(), plain.minimumSizeHint());
                for (int width : {40, 120, 233, 480, 900}) QCOMPARE(cursor.heightForWidth(width), plain.heightForWidth(width));
            }
    }
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
