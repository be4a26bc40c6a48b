#pragma once
// The desktop's shared recent-files list: $XDG_DATA_HOME/recently-used.xbel (freedesktop.org's
// Desktop Bookmark Spec, the file GTK's and KDE's file dialogs and launchers read). Guardscope
// adds what it opens there as well as to its own list. Other applications' entries are kept
// as they are; a file that does not parse is never rewritten.
#include <QString>

namespace gs::ui {

class DesktopRecentFiles {
public:
    // The list's path: $XDG_DATA_HOME/recently-used.xbel (~/.local/share/... when unset).
    static QString path();
    // Adds (or refreshes) `file` with its MIME type, our application name and exec line.
    // Returns false, changing nothing, when the existing list cannot be read or written.
    static bool add(const QString& file, QString* error = nullptr);
    // Off for automated runs (--screenshot, --bench-startup), which must not touch the user's lists.
    static void setEnabled(bool on);
    static bool enabled();
};

} // namespace gs::ui
