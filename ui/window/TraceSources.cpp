#include "ui/window/TraceSources.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>

#include "ui/views/ScenarioEditor.h"

namespace gs::ui {

namespace {
const QString kKey = QStringLiteral("source/mappings");
const QString kArrow = QStringLiteral(" → ");
} // namespace

TraceSources::TraceSources(ScenarioEditor* editor, QObject* parent) : QObject(parent), editor_(editor) {
    for (const QString& m : QSettings().value(kKey).toStringList()) {
        const int at = m.indexOf(kArrow);
        if (at > 0) mappings_.append({m.left(at), m.mid(at + kArrow.size())});
    }
    rebuild();
}

void TraceSources::setRoots(const QStringList& roots) {
    roots_ = roots;
    rebuild();
}

void TraceSources::addMapping(const QString& recordedPrefix, const QString& localFolder) {
    if (recordedPrefix.isEmpty() || localFolder.isEmpty()) return;
    mappings_.append({recordedPrefix, localFolder});
    QSettings().setValue(kKey, mappings());
    rebuild();
}

void TraceSources::clearMappings() {
    mappings_.clear();
    QSettings().remove(kKey);
    rebuild();
}

QStringList TraceSources::mappings() const {
    QStringList out;
    for (const auto& [prefix, folder] : mappings_) out << prefix + kArrow + folder;
    return out;
}

void TraceSources::editMappings(QWidget* parent) {
    bool ok = false;
    const QString prefix = QInputDialog::getText(parent, tr("Source folders"),
                                                 tr("Recorded path prefix (as the log names it, e.g. /home/alice/project):"),
                                                 QLineEdit::Normal, shownRecorded_.isEmpty() ? QString() : QFileInfo(shownRecorded_).path(), &ok);
    if (!ok || prefix.trimmed().isEmpty()) return;
    const QString folder = QFileDialog::getExistingDirectory(parent, tr("Local folder for %1").arg(prefix.trimmed()));
    if (!folder.isEmpty()) addMapping(prefix.trimmed(), folder);
}

void TraceSources::rebuild() {
    locator_ = session::SourceLocator();
    for (const auto& [prefix, folder] : mappings_) locator_.addMapping(prefix.toStdString(), folder.toStdString());
    for (const QString& r : roots_) locator_.addRoot(r.toStdString());
}

bool TraceSources::showFrame(const session::StackFrame& frame) {
    const auto local = locator_.locate(frame.file);
    if (!local) return false;
    QFile f(QString::fromStdString(*local));
    if (!f.open(QIODevice::ReadOnly)) return false;
    shownRecorded_ = QString::fromStdString(frame.file);
    shownLocal_ = QString::fromStdString(*local);
    shownLine_ = frame.line;
    editor_->setSourceFile(QString::fromUtf8(f.readAll()), shownLocal_);
    editor_->setCursorLine(frame.line);
    return true;
}

bool TraceSources::showCompile(const session::CompileEntry& c) {
    for (auto it = c.stack.rbegin(); it != c.stack.rend(); ++it)
        if (showFrame(*it)) return true;
    return false;
}

std::map<int, int> TraceSources::provenance(const session::CompileEntry& c) const {
    std::map<int, int> lines;
    if (shownRecorded_.isEmpty()) return lines;
    const std::string shown = shownRecorded_.toStdString();
    for (const auto& g : c.guards)
        if (g.line > 0 && (g.file == shown || (!g.file.empty() && shown.size() > g.file.size() &&
                                                 shown.compare(shown.size() - g.file.size(), g.file.size(), g.file) == 0 &&
                                                 shown[shown.size() - g.file.size() - 1] == '/')))
            ++lines[g.line];
    return lines;
}

} // namespace gs::ui
