#pragma once
// The scenario in the editor as a document the user owns (issue 12, "The editor never destroys
// a file"): reading refuses what is not text, saving is atomic (core/io: a temporary file
// synced and renamed over the old one, nothing written on failure), an untitled copy (a demo, a stored
// session's source) asks where to save, and unsaved edits are never thrown away without asking.
#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace gs::ui {

class ScenarioEditor;

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    ScenarioDocument(ScenarioEditor* editor, QWidget* dialogParent);

    // Reads a scenario for the editor. Refuses (returns the sentence why, `text` untouched) a
    // file that cannot be read, a binary or NUL-containing file, text that is not UTF-8, and
    // files too large to edit.
    static QString readScenario(const QString& path, QString& text);
    static constexpr qint64 kMaxEditableBytes = 32 * 1024 * 1024;

    // Save: to the document's file, or through Save As when it is untitled. Save As: always
    // asks. Both return false when cancelled or failed (the failure is reported by message()).
    bool save();
    bool saveAs();
    // Before the editor's text is replaced or the window closes: asks Save / Discard / Cancel
    // when there are unsaved edits. True to go on.
    bool maybeSave(const QString& beforeWhat);

    // Dialog hooks, so tests can answer without a user (offscreen). The defaults show
    // QMessageBox::question and QFileDialog::getSaveFileName.
    using AskSave = std::function<QMessageBox::StandardButton(const QString& question)>;
    using AskPath = std::function<QString(const QString& suggestion)>;
    void setAskSave(AskSave ask) { askSave_ = std::move(ask); }
    void setAskPath(AskPath ask) { askPath_ = std::move(ask); }

signals:
    void message(const QString& text, bool error);
    // The file name or the modified state changed (the window title follows).
    void titleChanged();

private:
    bool writeTo(const QString& path);

    ScenarioEditor* editor_;
    QWidget* parent_;
    AskSave askSave_;
    AskPath askPath_;
};

} // namespace gs::ui
