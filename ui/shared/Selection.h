#pragma once
// The one current selection every view follows (issue 5): the session snapshot, the time
// cursor (a call position), the selected cache entry, guard and source line. Views never talk to
// each other; they set and observe this object.
#include <QObject>

#include "core/session/SessionIndex.h"

namespace gs::ui {

class Selection : public QObject {
    Q_OBJECT
public:
    explicit Selection(QObject* parent = nullptr);

    const session::SessionIndexPtr& data() const { return data_; }
    bool hasSession() const { return bool(data_); }
    int64_t cursor() const { return cursor_; }
    int entry() const { return entry_; }
    int guard() const { return guard_; }

    // Replaces the session. `keepCursor` keeps the cursor's position (clamped) for re-runs.
    void setSession(session::SessionIndexPtr data, bool keepCursor = false);
    // Moves the time cursor; the selected entry follows the call (the entry it ran or created).
    void setCursor(int64_t pos);
    void step(int64_t delta) { setCursor(cursor_ + delta); }
    // Jumps to the next/previous compile or recompile (direction +1/-1).
    void stepToCompile(int direction);
    // Selects an entry without moving the cursor (clicking a row of the cache view).
    void setEntry(int entry);
    void setGuard(int guardId);
    // The user picked a scenario line (provenance margin, a test, a log link).
    void activateLine(int line);

signals:
    void sessionChanged();
    void cursorChanged(qint64 pos);
    void entryChanged(int entry);
    void guardChanged(int guardId);
    void lineActivated(int line);

private:
    session::SessionIndexPtr data_;
    int64_t cursor_ = -1;
    int entry_ = -1;
    int guard_ = -1;
};

} // namespace gs::ui
