#pragma once
// The colour of each recompile-reason category, shared by the GUI (ui/shared/Theme) and the
// HTML report so a category looks the same everywhere. One family per kind of cause, each
// family an Okabe–Ito colour (Okabe & Ito, "Color Universal Design"), so families stay apart
// for protanopes and deuteranopes too (tests/gui/tst_fixes checks it): shapes orange, 0/1
// specialization reddish purple, duck sizing yellow, types vermillion, values sky blue,
// identity bluish green, modes blue, other grey. Within a family each category has its own
// shade (the legend and tooltips name it); hits and first compiles are greys/black (ui Theme).
#include <cstdint>
#include <string>

#include "core/session/Session.h"

namespace gs::session {

struct CategoryColor {
    uint8_t r = 0, g = 0, b = 0;
    static CategoryColor of(ReasonCategory c);
    // CSS form, "#e67e22"
    static std::string hex(ReasonCategory c);
};

} // namespace gs::session
