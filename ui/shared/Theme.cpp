#include "ui/shared/Theme.h"

#include <array>

#include "core/session/CategoryColor.h"

namespace gs::ui {

using session::ReasonCategory;

namespace {
bool g_dark = false;
}

bool Theme::dark() { return g_dark; }
void Theme::setDark(bool dark) { g_dark = dark; }

QPalette Theme::palette(bool dark) {
    if (!dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
        p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf2, 0xf5, 0xf9));
        p.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::Button, QColor(0xea, 0xea, 0xea));
        p.setColor(QPalette::ButtonText, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
        p.setColor(QPalette::ToolTipText, Qt::black);
        p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x90, 0x90, 0x90));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x90, 0x90, 0x90));
        return p;
    }
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x73, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x73, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x73, 0x78));
    return p;
}

QColor Theme::categoryColor(ReasonCategory c) {
    const auto k = session::CategoryColor::of(c);  // one table for the GUI and the HTML report
    QColor q(k.r, k.g, k.b);
    // On the dark background the blues are too dark to read: the same hue, lighter.
    return g_dark && q.hslHue() >= 190 && q.hslHue() <= 250 && q.lightness() < 100 ? q.lighter(120) : q;
}

QString Theme::categoryLabel(ReasonCategory c) {
    return QString::fromStdString(std::string(session::toString(c))).replace(u'_', u' ');
}

QColor Theme::kindColor(session::CallKind k) {
    // Hits light grey (thin marks), first compiles black (white on dark), run-only dark grey
    // (half height): none of them is a colour a recompile cause uses (categoryColor).
    switch (k) {
    case session::CallKind::Hit: return g_dark ? QColor(0x50, 0x53, 0x57) : QColor(0xb4, 0xb4, 0xb4);
    case session::CallKind::Compile: return g_dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x1a, 0x1a, 0x1a);
    case session::CallKind::Recompile: return QColor(0xe6, 0x9f, 0x00); // normally drawn by category
    case session::CallKind::RunOnly: return g_dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x5a, 0x5a, 0x5a);
    case session::CallKind::Skipped: return QColor(0x8a, 0x8a, 0x8a);
    case session::CallKind::Failed: return g_dark ? QColor(0xff, 0x8a, 0x5c) : QColor(0xa3, 0x3c, 0x00);
    }
    return Qt::gray;
}

QColor Theme::markerColor() { return g_dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x1a, 0x1a, 0x1a); }

QString Theme::kindLabel(session::CallKind k) {
    static const std::array<const char*, 6> names{"hit", "compile", "recompile", "run-only", "skipped", "failed"};
    return QString::fromLatin1(names[size_t(k)]);
}

QColor Theme::resultColor(session::GuardResult r) {
    switch (r) {
    case session::GuardResult::Passed: return g_dark ? QColor(0x7c, 0xd3, 0x86) : QColor(0x1e, 0x7b, 0x34);
    case session::GuardResult::Failed:
    case session::GuardResult::FirstFailure: return g_dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x1c);
    case session::GuardResult::NotEvaluated: return g_dark ? QColor(0x9a, 0x9d, 0xa2) : QColor(0x70, 0x70, 0x70);
    }
    return Qt::gray;
}

QColor Theme::resultFill(session::GuardResult r) {
    switch (r) {
    case session::GuardResult::Passed: return g_dark ? QColor(0x1f, 0x3d, 0x26) : QColor(0xdc, 0xf2, 0xe0);
    case session::GuardResult::Failed: return g_dark ? QColor(0x4a, 0x22, 0x22) : QColor(0xfb, 0xdc, 0xdc);
    case session::GuardResult::FirstFailure: return g_dark ? QColor(0x7a, 0x1f, 0x1f) : QColor(0xf7, 0xb0, 0xb0);
    case session::GuardResult::NotEvaluated: return nodeFill();
    }
    return nodeFill();
}

QString Theme::resultLabel(session::GuardResult r) {
    switch (r) {
    case session::GuardResult::Passed: return QStringLiteral("passed");
    case session::GuardResult::Failed: return QStringLiteral("failed");
    case session::GuardResult::FirstFailure: return QStringLiteral("failed (first)");
    case session::GuardResult::NotEvaluated: return QStringLiteral("not evaluated");
    }
    return {};
}

QColor Theme::staleColor() { return g_dark ? QColor(0xff, 0x5c, 0x5c) : QColor(0xc8, 0x10, 0x10); }
QColor Theme::dimmed() { return g_dark ? QColor(0x6e, 0x71, 0x76) : QColor(0xa8, 0xa8, 0xa8); }
QColor Theme::nodeFill() { return g_dark ? QColor(0x33, 0x36, 0x3b) : QColor(0xf3, 0xf5, 0xf8); }
QColor Theme::nodeText() { return g_dark ? QColor(0xe4, 0xe6, 0xea) : QColor(0x1d, 0x1f, 0x22); }
QColor Theme::edgeColor() { return g_dark ? QColor(0x8a, 0x8f, 0x98) : QColor(0x6b, 0x70, 0x78); }
QColor Theme::selectionOutline() { return g_dark ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xdf); }

} // namespace gs::ui
