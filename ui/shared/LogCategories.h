#pragma once
// The GUI's Qt logging categories: what the inspector did behind the views, off by default
// below warnings. Turn them on with QT_LOGGING_RULES, e.g.
//   QT_LOGGING_RULES="gs.ui.*.debug=true" guardscope
// (https://doc.qt.io/qt-6/qloggingcategory.html#configuring-categories). Messages go to
// stderr through Qt's message handler, never into the session or the user's files.
#include <QLoggingCategory>

namespace gs::ui {

Q_DECLARE_LOGGING_CATEGORY(lcSession)  // gs.ui.session: sessions opened, recorded, listed; store errors
Q_DECLARE_LOGGING_CATEGORY(lcLayout)   // gs.ui.layout: Graphviz layouts (time, stale results dropped)
Q_DECLARE_LOGGING_CATEGORY(lcThread)   // gs.ui.thread: jobs of the worker threads (OwnerThread)
Q_DECLARE_LOGGING_CATEGORY(lcWindow)   // gs.ui.window: main window, recent files, desktop integration

} // namespace gs::ui
