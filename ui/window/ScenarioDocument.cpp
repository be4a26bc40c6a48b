#include "ui/window/ScenarioDocument.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QStringDecoder>

#include <string>
#include <string_view>

#include "core/io/AtomicFile.h"
#include "core/io/IoError.h"
#include "ui/views/ScenarioEditor.h"

namespace gs::ui {

ScenarioDocument::ScenarioDocument(ScenarioEditor* editor, QWidget* dialogParent)
    : QObject(dialogParent), editor_(editor), parent_(dialogParent) {
    askSave_ = [this](const QString& question) {
        return QMessageBox::question(parent_, tr("Unsaved changes"), question,
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    askPath_ = [this](const QString& suggestion) {
        return QFileDialog::getSaveFileName(parent_, tr("Save scenario as"), suggestion, tr("Scenarios (*.py);;All files (*)"));
    };
    connect(editor_, &QsciScintilla::modificationChanged, this, &ScenarioDocument::titleChanged);
}

QString ScenarioDocument::readScenario(const QString& path, QString& text) {
    const QFileInfo fi(path);
    if (fi.isDir()) return tr("%1 is a folder, not a scenario.").arg(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return tr("%1 could not be read: %2").arg(path, f.errorString());
    if (f.size() > kMaxEditableBytes)
        return tr("%1 is %2 MB, too large to edit here (at most %3 MB); run it with guardscope-cli instead.")
            .arg(path)
            .arg(f.size() / (1024 * 1024))
            .arg(kMaxEditableBytes / (1024 * 1024));
    const QByteArray bytes = f.read(kMaxEditableBytes + 1);
    if (f.error() != QFileDevice::NoError) return tr("%1 could not be read: %2").arg(path, f.errorString());
    // A NUL byte: a binary file (or UTF-16). Opening it would cut it at the NUL and a save
    // would then shrink the file to what was shown; refuse instead, and leave the file alone.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return tr("%1 is not a text file (it has a NUL byte at offset %2); Guardscope edits Python source in UTF-8.")
            .arg(path)
            .arg(nul);
    QStringDecoder decode(QStringDecoder::Utf8);
    QString decoded = decode(bytes);
    if (decode.hasError())
        return tr("%1 is not UTF-8 text; Guardscope edits Python source in UTF-8 (convert it, e.g. with iconv).").arg(path);
    text = std::move(decoded);
    return {};
}

bool ScenarioDocument::writeTo(const QString& path) {
    // core/io's atomic write: a temporary file next to the target, synced and renamed over it;
    // any failure leaves the old file as it was and no temporary behind. The file keeps its
    // permission bits, and a symbolic link stays a link.
    const QByteArray bytes = editor_->text().toUtf8();
    try {
        io::writeFileAtomically(QFile::encodeName(path).toStdString(), std::string_view(bytes.constData(), bytes.size()));
    } catch (const io::IoError& e) {
        const QString why = QString::fromStdString(e.reason().empty() ? io::osReason(e.errnum()) : e.reason());
        emit message(tr("%1 could not be saved: %2. The file was not changed.").arg(path, why), true);
        return false;
    }
    editor_->markSaved(QFileInfo(path).absoluteFilePath());
    emit titleChanged();
    emit message(tr("Saved %1").arg(path), false);
    return true;
}

bool ScenarioDocument::save() {
    if (!editor_->hasScript()) return false;
    if (editor_->path().isEmpty()) return saveAs();
    return writeTo(editor_->path());
}

bool ScenarioDocument::saveAs() {
    if (!editor_->hasScript()) return false;
    const QString suggestion = editor_->path().isEmpty() ? QDir::home().filePath(editor_->documentName()) : editor_->path();
    const QString path = askPath_(suggestion);
    if (path.isEmpty()) return false;
    return writeTo(path);
}

bool ScenarioDocument::maybeSave(const QString& beforeWhat) {
    if (!editor_->hasScript() || !editor_->isModified()) return true;
    const QString question = tr("%1 has unsaved changes. Save them before %2?").arg(editor_->documentName(), beforeWhat);
    switch (askSave_(question)) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

} // namespace gs::ui
