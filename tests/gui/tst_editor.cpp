// The editor never destroys a file (issue 12): the modified mark in the title, the question
// before quit / open / demo / session switch, Save As, demos and stored sessions as untitled
// copies, binary files refused, atomic saves. Dialogs are answered through ScenarioDocument's
// hooks (offscreen, no user).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/store/SessionStore.h"
#include "tests/gui/TestSessions.h"
#include "ui/services/SessionService.h"
#include "ui/views/ScenarioEditor.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ScenarioDocument.h"

using namespace gs::ui;

namespace {
const QString kDemos = QStringLiteral(GS_SOURCE_DIR "/resources/demos");

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}
} // namespace

class TestEditor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void theTitleCarriesTheModifiedMark();
    void unsavedEditsAreNeverThrownAwayWithoutAsking();
    void saveAsWritesTheNewFileAndFollowsIt();
    void demosOpenAsUntitledCopies();
    void storedSessionsOpenAsUntitledCopies();
    void binaryAndNulFilesAreRefused();
    void savesAreAtomic();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Answers every "save changes?" with `answer` and counts the questions.
    void answer(MainWindow& w, QMessageBox::StandardButton answer);
    QTemporaryDir dir_;
    int counter_ = 0;
    int asked_ = 0;
    QString lastQuestion_;
    QString savePath_;  // what the Save As dialog answers ("" = cancel)
    int pathAsked_ = 0;
};

void TestEditor::initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("GuardscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_editor"));
    qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
}

void TestEditor::init() {
    QSettings().clear();
    asked_ = pathAsked_ = 0;
    lastQuestion_.clear();
    savePath_.clear();
}

std::unique_ptr<MainWindow> TestEditor::makeWindow() {
    auto w = std::make_unique<MainWindow>(makeCoreBackend(dir_.filePath(QStringLiteral("s%1.db").arg(++counter_))));
    w->resize(1200, 800);
    w->show();
    w->document()->setAskPath([this](const QString&) {
        ++pathAsked_;
        return savePath_;
    });
    answer(*w, QMessageBox::Cancel);
    return w;
}

void TestEditor::answer(MainWindow& w, QMessageBox::StandardButton reply) {
    w.document()->setAskSave([this, reply](const QString& question) {
        ++asked_;
        lastQuestion_ = question;
        return reply;
    });
}

void TestEditor::theTitleCarriesTheModifiedMark() {
    const QString path = dir_.filePath(QStringLiteral("mark.py"));
    write(path, "x = 1\n");
    auto w = makeWindow();
    QVERIFY(w->openScenarioFile(path));
    QCOMPARE(w->windowTitle(), QStringLiteral("mark.py[*] — Guardscope"));
    QVERIFY(!w->isWindowModified());
    w->editor()->append(QStringLiteral("y = 2\n"));
    QVERIFY(w->isWindowModified());
    QVERIFY(w->document()->save());
    QVERIFY(!w->isWindowModified());
    QCOMPARE(bytesOf(path), QByteArray("x = 1\ny = 2\n"));
    QCOMPARE(asked_, 0);
}

void TestEditor::unsavedEditsAreNeverThrownAwayWithoutAsking() {
    const QString path = dir_.filePath(QStringLiteral("keep.py"));
    const QString other = dir_.filePath(QStringLiteral("other.py"));
    write(path, "a = 1\n");
    write(other, "b = 2\n");
    auto w = makeWindow();
    QVERIFY(w->openScenarioFile(path));
    w->editor()->append(QStringLiteral("edited = True\n"));
    const QString edited = w->editor()->text();

    // Cancel: nothing is replaced, by any way of opening something else, nor by quitting.
    answer(*w, QMessageBox::Cancel);
    QVERIFY(!w->openPath(other));
    QVERIFY(!w->openDemo(kDemos + QStringLiteral("/bool_flip.py")));
    QVERIFY(!w->openStoredSession(1));
    QVERIFY(!w->openScenarioText(QStringLiteral("t.py"), QStringLiteral("t = 0\n")));
    QVERIFY(!w->close());
    QVERIFY(w->isVisible());
    QCOMPARE(asked_, 5);
    QVERIFY2(lastQuestion_.contains(QStringLiteral("keep.py has unsaved changes")), qPrintable(lastQuestion_));
    QCOMPARE(w->editor()->text(), edited);
    QCOMPARE(bytesOf(path), QByteArray("a = 1\n"));

    // Save: written, then the other file opens.
    answer(*w, QMessageBox::Save);
    QVERIFY(w->openPath(other));
    QCOMPARE(bytesOf(path), edited.toUtf8());
    QCOMPARE(w->editor()->path(), QFileInfo(other).absoluteFilePath());

    // Discard: the edit is dropped on purpose, the file keeps what it had.
    w->editor()->append(QStringLiteral("dropped = 1\n"));
    answer(*w, QMessageBox::Discard);
    QVERIFY(w->openPath(path));
    QCOMPARE(bytesOf(other), QByteArray("b = 2\n"));
    QCOMPARE(w->editor()->text(), edited);

    // Unmodified: no question at all.
    const int before = asked_;
    QVERIFY(w->openPath(other));
    QCOMPARE(asked_, before);
    QVERIFY(w->close());
}

void TestEditor::saveAsWritesTheNewFileAndFollowsIt() {
    const QString path = dir_.filePath(QStringLiteral("first.py"));
    write(path, "first = 1\n");
    auto w = makeWindow();
    QVERIFY(w->openScenarioFile(path));
    w->editor()->append(QStringLiteral("more = 2\n"));
    savePath_ = QString();  // the dialog is cancelled: nothing written
    QVERIFY(!w->document()->saveAs());
    QCOMPARE(bytesOf(path), QByteArray("first = 1\n"));
    savePath_ = dir_.filePath(QStringLiteral("second.py"));
    QVERIFY(w->document()->saveAs());
    QCOMPARE(bytesOf(savePath_), QByteArray("first = 1\nmore = 2\n"));
    QCOMPARE(bytesOf(path), QByteArray("first = 1\n"));
    QCOMPARE(w->editor()->path(), savePath_);
    QCOMPARE(w->windowTitle(), QStringLiteral("second.py[*] — Guardscope"));
    QVERIFY(!w->isWindowModified());
}

void TestEditor::demosOpenAsUntitledCopies() {
    const QString demo = kDemos + QStringLiteral("/automatic_dynamic.py");
    const QByteArray shipped = bytesOf(demo);
    auto w = makeWindow();
    QVERIFY(w->openDemo(demo));
    QVERIFY(w->editor()->path().isEmpty());
    QCOMPARE(w->editor()->documentName(), QStringLiteral("automatic_dynamic.py"));
    w->editor()->append(QStringLiteral("# my change\n"));
    savePath_ = QString();
    QVERIFY(!w->document()->save());  // Save asks where; cancelled
    QCOMPARE(pathAsked_, 1);
    savePath_ = dir_.filePath(QStringLiteral("mine.py"));
    QVERIFY(w->document()->save());
    QCOMPARE(pathAsked_, 2);
    QCOMPARE(bytesOf(demo), shipped);
    QVERIFY(bytesOf(savePath_).endsWith("# my change\n"));
    QVERIFY(w->close());
}

void TestEditor::storedSessionsOpenAsUntitledCopies() {
    // A session recorded from a file whose text has changed since.
    const QString file = dir_.filePath(QStringLiteral("recorded.py"));
    write(file, "new_text = 1\n");
    const QString db = dir_.filePath(QStringLiteral("stored.db"));
    int64_t id = 0;
    {
        auto store = gs::store::SessionStore::open(db.toStdString());
        gs::session::Session s = gs::testdata::seedLike();
        s.info.sourcePath = file.toStdString();
        s.info.sourceText = "old_text = 1\n";
        id = store->save(s);
    }
    auto w = std::make_unique<MainWindow>(makeCoreBackend(db));
    w->show();
    w->document()->setAskPath([this](const QString&) {
        ++pathAsked_;
        return savePath_;
    });
    QSignalSpy ready(w->sessions(), &SessionService::sessionReady);
    QVERIFY(w->openStoredSession(id));
    QVERIFY(ready.wait(60000));
    QCOMPARE(w->editor()->text(), QStringLiteral("old_text = 1\n"));
    QVERIFY(w->editor()->path().isEmpty());
    savePath_ = QString();
    QVERIFY(!w->document()->save());
    QCOMPARE(pathAsked_, 1);
    QCOMPARE(bytesOf(file), QByteArray("new_text = 1\n"));
}

void TestEditor::binaryAndNulFilesAreRefused() {
    const QString text = dir_.filePath(QStringLiteral("text.py"));
    write(text, "ok = 1\n");
    QByteArray binary(20000, 'a');
    for (int i = 7; i < binary.size(); i += 97) binary[i] = '\0';
    const QString bin = dir_.filePath(QStringLiteral("binary.py"));
    write(bin, binary);
    const QString latin = dir_.filePath(QStringLiteral("latin1.py"));
    write(latin, "s = '\xe9t\xe9'\n");
    auto w = makeWindow();
    QVERIFY(w->openScenarioFile(text));
    QVERIFY(!w->openPath(bin));
    QVERIFY2(w->lastMessage().contains(QStringLiteral("is not a text file (it has a NUL byte at offset 7)")),
             qPrintable(w->lastMessage()));
    QVERIFY(!w->openPath(latin));
    QVERIFY2(w->lastMessage().contains(QStringLiteral("is not UTF-8 text")), qPrintable(w->lastMessage()));
    QCOMPARE(w->editor()->text(), QStringLiteral("ok = 1\n"));
    QCOMPARE(w->editor()->path(), QFileInfo(text).absoluteFilePath());
    QCOMPARE(bytesOf(bin), binary);
    QVERIFY(w->document()->save());  // saving what is shown touches only the text file
    QCOMPARE(bytesOf(bin), binary);
}

void TestEditor::savesAreAtomic() {
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("atomic.py"));
    write(path, "old = 1\n");
    auto w = makeWindow();
    QVERIFY(w->openScenarioFile(path));
    w->editor()->append(QStringLiteral("new = 2\n"));
    const QFileDevice::Permissions executable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    QVERIFY(QFile::setPermissions(path, executable));
    QVERIFY(w->document()->save());
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("atomic.py")});
    QCOMPARE(QFile::permissions(path), executable);  // a script stays executable
    // A save that cannot happen (its folder is gone) says why and writes nothing.
    savePath_ = folder.filePath(QStringLiteral("gone/elsewhere.py"));
    QVERIFY(!w->document()->saveAs());
    QVERIFY2(w->lastMessage().contains(QStringLiteral("could not be saved")), qPrintable(w->lastMessage()));
    QVERIFY(w->lastMessage().contains(QStringLiteral("The file was not changed")));
    QVERIFY(!QFile::exists(savePath_));
    QCOMPARE(bytesOf(path), QByteArray("old = 1\nnew = 2\n"));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("atomic.py")});
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
