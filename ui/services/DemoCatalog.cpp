#include "ui/services/DemoCatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gs::ui {

QString DemoCatalog::defaultFolder() {
    QStringList candidates;
    if (qEnvironmentVariableIsSet("GUARDSCOPE_DEMOS")) candidates << qEnvironmentVariable("GUARDSCOPE_DEMOS");
#ifdef GS_SOURCE_DIR
    candidates << QStringLiteral(GS_SOURCE_DIR "/resources/demos");
#endif
    candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/guardscope/demos");
    for (const auto& c : candidates)
        if (QFileInfo(c).isDir()) return QDir(c).absolutePath();
    return {};
}

std::vector<Demo> DemoCatalog::scan(const QString& folder) {
    std::vector<Demo> out;
    if (folder.isEmpty()) return out;
    QDir dir(folder);
    const auto files = dir.entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    for (const auto& fi : files) {
        QFile f(fi.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        out.push_back(parse(fi.absoluteFilePath(), QString::fromUtf8(f.read(64 * 1024))));
    }
    return out;
}

Demo DemoCatalog::parse(const QString& path, const QString& text) {
    Demo d;
    d.path = path;
    QString stem = QFileInfo(path).completeBaseName();
    stem.replace(u'_', u' ');
    if (!stem.isEmpty()) stem[0] = stem[0].toUpper();
    d.title = stem;
    // The block is "# Title", "#", then the explanation (resources/demos/*.py); a block
    // without a blank "#" line is all explanation, and the title comes from the file name.
    QStringList lines;
    bool started = false;
    for (const QString& raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(QStringLiteral("#!")) || line.startsWith(QStringLiteral("# -*-"))) continue;
        if (line.startsWith(u'#')) {
            started = true;
            lines << line.mid(1).trimmed();
            continue;
        }
        if (line.isEmpty() && !started) continue;
        break; // the block ends at the first line that is not a comment
    }
    const qsizetype blank = lines.indexOf(QString());
    if (blank == 1) {
        d.title = lines.front();
        lines = lines.mid(2);
    }
    lines.removeAll(QString());
    d.explanation = lines.join(u' ');
    return d;
}

} // namespace gs::ui
