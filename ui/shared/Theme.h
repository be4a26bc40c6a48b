#pragma once
// Colours and words shared by models and views: one place decides what a size change or a
// failed guard looks like, in the light and in the dark palette.
#include <QColor>
#include <QPalette>
#include <QString>

#include "core/session/Session.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class Theme {
public:
    static bool dark();
    static void setDark(bool dark);
    // A Fusion palette for the light or dark look.
    static QPalette palette(bool dark);

    // Recompile colours by reason category: distinct hues, readable on both backgrounds.
    static QColor categoryColor(session::ReasonCategory c);
    static QString categoryLabel(session::ReasonCategory c); // "size change"
    static QColor kindColor(session::CallKind k);
    // Timeline markers (reset, graph break, recompile limit): drawn as shapes, in this colour.
    static QColor markerColor();
    static QString kindLabel(session::CallKind k);                       // "hit", "recompile", ...
    static QColor resultColor(session::GuardResult r);                   // text colour of a guard row
    static QColor resultFill(session::GuardResult r);                    // fill of a guard node
    static QString resultLabel(session::GuardResult r);
    static QColor staleColor();                                 // a hit `run --verify` found stale
    static QColor dimmed();                                     // rows after the cursor
    static QColor nodeFill();                                   // neutral graph node fill
    static QColor nodeText();
    static QColor edgeColor();
    static QColor selectionOutline();
};

} // namespace gs::ui
