#pragma once
// Item-data roles shared by all models (one small header, as hotspot's treemodel.h does).
#include <Qt>

namespace gs::ui {

enum Role {
    IdRole = Qt::UserRole + 1, // stable model id, e.g. "call:12", "entry:3", "guard:3:5", "node:3:7"
    SortRole,                  // raw value for sorting (numbers as numbers)
    CallRole,                  // call position (qint64)
    EntryRole,                 // entry index into Session::compiles
    GuardRole,                 // guard id within its entry
    LineRole,                  // scenario source line (0 = none)
    CategoryRole,              // reason category name (size_change, ...)
    StatusRole,                // short status word (hit, failed, passed, ...)
    ChannelRole,               // log channel
    FutureRole                 // true when the row lies after the time cursor (drawn dimmed)
};

} // namespace gs::ui
