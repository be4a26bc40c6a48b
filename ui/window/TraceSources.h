#pragma once
// The source pane of a recorded run (issue 11 item 1): when a compile's stack names a file that
// exists here — as recorded, under a mapped folder (File › Source Folders…, remembered), or under
// a --source-root — the scenario pane shows that file read-only at the frame's line, with the
// guard-provenance markers of the selected compile that point into it.
#include <QObject>
#include <QStringList>

#include <map>

#include "core/session/Session.h"
#include "core/session/SourceLocator.h"

class QWidget;

namespace gs::ui {

class ScenarioEditor;

class TraceSources : public QObject {
    Q_OBJECT
public:
    explicit TraceSources(ScenarioEditor* editor, QObject* parent = nullptr);

    // --source-root DIR (command line); not remembered.
    void setRoots(const QStringList& roots);
    // Files recorded under `recordedPrefix` are read from `localFolder`; remembered in QSettings.
    void addMapping(const QString& recordedPrefix, const QString& localFolder);
    void clearMappings();
    QStringList mappings() const;      // "prefix → folder"
    // Asks for a recorded prefix and a local folder.
    void editMappings(QWidget* parent);

    // Shows the frame's file at its line; false (the editor unchanged) when it is not found.
    bool showFrame(const session::StackFrame& frame);
    // The innermost frame of the compile's stack whose file is found, else false.
    bool showCompile(const session::CompileEntry& c);
    void forget() { shownRecorded_.clear(), shownLine_ = 0; }
    QString shownRecordedPath() const { return shownRecorded_; }
    QString shownLocalPath() const { return shownLocal_; }
    int shownLine() const { return shownLine_; }
    // Lines of the shown file that created guards of `c` (guard provenance), with their counts.
    std::map<int, int> provenance(const session::CompileEntry& c) const;

private:
    void rebuild();

    ScenarioEditor* editor_;
    QStringList roots_;
    QList<QPair<QString, QString>> mappings_;
    session::SourceLocator locator_;
    QString shownRecorded_, shownLocal_;
    int shownLine_ = 0;
};

} // namespace gs::ui
