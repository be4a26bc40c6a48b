#include "ui/shared/Describe.h"

#include <QRegularExpression>
#include <QStringList>

#include "ui/shared/Theme.h"

namespace gs::ui {

QString Describe::arg(const session::ArgDesc& a) {
    QString name = localName(a.source);
    QString out = name.isEmpty() ? QString() : name + QStringLiteral(": ");
    if (a.kind == "tensor") {
        QStringList dims;
        for (auto d : a.shape) dims << QString::number(d);
        out += qs(a.type.empty() ? "Tensor" : a.type) + u'[' + dims.join(QStringLiteral(", ")) + u']';
        if (!a.dtype.empty()) out += u' ' + qs(a.dtype);
        if (a.requiresGrad) out += QStringLiteral(" requires_grad");
        if (a.aliasOf >= 0) out += QStringLiteral(" (alias of arg %1)").arg(a.aliasOf);
        return out;
    }
    out += qs(a.type.empty() ? a.kind : a.type);
    if (!a.value.empty()) out += QStringLiteral(" = ") + qs(a.value);
    return out;
}

QString Describe::call(const session::SessionIndex& d, int64_t pos) {
    if (pos < 0 || pos >= d.callCount()) return {};
    const auto& c = d.call(pos);
    const session::Frame* f = d.frameOfCall(pos);
    QStringList args;
    for (const auto& a : c.args) args << arg(a);
    QString text = QStringLiteral("#%1 %2(%3) → %4")
                       .arg(pos)
                       .arg(f ? qs(f->name) : QStringLiteral("frame %1").arg(c.frameId))
                       .arg(args.join(QStringLiteral(", ")))
                       .arg(Theme::kindLabel(d.callKind(pos)));
    if (!c.entryId.empty()) text += u' ' + qs(c.entryId);
    if (c.line > 0) text += QStringLiteral("  (line %1)").arg(c.line);
    if (!c.stale.empty()) text += u'\n' + qs(c.stale);
    return text;
}

QString Describe::cursor(const session::SessionIndex& d, int64_t pos) {
    if (d.callCount() == 0) return QStringLiteral("no calls");
    const QString unit = d.stepsAreCompiles() ? QStringLiteral("compile") : QStringLiteral("call");
    return QStringLiteral("%1 %2 of %3").arg(unit).arg(pos + 1).arg(d.callCount());
}

QString Describe::localName(const std::string& source) {
    static const QRegularExpression local(QStringLiteral(R"(L\[\s*['"](.*?)['"]\s*\])"));
    return qs(source).replace(local, QStringLiteral("\\1"));
}

QString Describe::count(qint64 n, const char* singular, const char* plural) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? singular : plural));
}

QString Describe::firstLine(const std::string& text) {
    const auto nl = text.find('\n');
    return qs(nl == std::string::npos ? text : text.substr(0, nl) + " …");
}

} // namespace gs::ui
