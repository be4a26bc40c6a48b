#pragma once
// The scenario editor (QScintilla, Python lexer, line numbers): errors marked at their line and
// column, guard-provenance markers in the margin (click: the guards that line created), and a
// highlight of the line the time cursor's call came from.
#include <Qsci/qsciscintilla.h>

#include <map>

#include "ui/services/DataBackend.h"

class QsciLexerPython;

namespace gs::ui {

class ScenarioEditor : public QsciScintilla {
    Q_OBJECT
public:
    enum Marker { ErrorMarker = 0, ProvenanceMarker = 1, FailingProvenanceMarker = 2, CursorLineMarker = 3 };
    explicit ScenarioEditor(QWidget* parent = nullptr);

    // The text of the file at `path`: Save writes back there.
    void setScenario(const QString& text, const QString& path);
    // A copy with no file behind it (a demo, a stored session's source): Save asks where.
    // `name` is what the title and the run call it ("automatic_dynamic.py").
    void setUntitled(const QString& text, const QString& name);
    // The file Save writes to; empty for an untitled copy (issue 12: a demo or a session's old
    // source is never written over a file the user did not choose).
    QString path() const { return path_; }
    // The file's name, or the untitled copy's.
    QString documentName() const;
    // After a save: the text now belongs to `path` and is unmodified.
    void markSaved(const QString& path);
    // Imported traces have no script: the editor says so and cannot be edited.
    void setNoScript(const QString& message);
    bool hasScript() const { return hasScript_; }
    // A recorded run's source file found on this machine (issue 11 item 1): read-only, with the
    // markers a scenario has; `path` is the local file.
    void setSourceFile(const QString& text, const QString& path);
    bool showsSourceFile() const { return sourceFile_; }

    void showError(const SourceError& error);
    void clearError();
    int errorLine() const { return errorLine_; }     // 1-based, 0 = none
    int errorColumn() const { return errorColumn_; } // 1-based
    QString errorMessage() const { return errorMessage_; }

    // Lines (1-based) that created guards of the selected entry; `failingLine` created the
    // first failing guard for the selected call (0 = none).
    void setProvenance(const std::map<int, int>& guardsPerLine, int failingLine);
    void setCursorLine(int line);
    bool hasMarker(int line, Marker m) const;
    void goToLine(int line);
    void applyTheme(bool dark);

signals:
    void provenanceClicked(int line);
    void edited();

private:
    QsciLexerPython* lexer_;
    QString path_;
    QString untitledName_;
    bool hasScript_ = false;
    bool sourceFile_ = false;
    bool loading_ = false;
    int errorLine_ = 0, errorColumn_ = 0;
    QString errorMessage_;
    std::map<int, int> provenance_;
};

} // namespace gs::ui
