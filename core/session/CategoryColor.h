#pragma once
// The colour of each recompile-reason category, shared by the GUI (ui/shared/Theme) and the
// HTML report so a category looks the same everywhere. Grouped by what the user changes:
// shapes (warm), types (purple), values (green/teal), module/global state (blue), other (grey).
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
