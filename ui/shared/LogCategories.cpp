#include "ui/shared/LogCategories.h"

namespace gs::ui {

// Debug and info off unless QT_LOGGING_RULES asks; warnings and above always shown.
Q_LOGGING_CATEGORY(lcSession, "gs.ui.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLayout, "gs.ui.layout", QtWarningMsg)
Q_LOGGING_CATEGORY(lcThread, "gs.ui.thread", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWindow, "gs.ui.window", QtWarningMsg)

} // namespace gs::ui
