#include "ui/shared/Selection.h"

#include <algorithm>

namespace gs::ui {

Selection::Selection(QObject* parent) : QObject(parent) {}

void Selection::setSession(session::SessionIndexPtr data, bool keepCursor) {
    const int64_t old = cursor_;
    data_ = std::move(data);
    const int64_t n = data_ ? data_->callCount() : 0;
    // A fresh session opens at its last call: everything that happened is visible.
    cursor_ = n == 0 ? -1 : keepCursor && old >= 0 ? std::min(old, n - 1) : n - 1;
    entry_ = data_ ? data_->entryOfCall(cursor_) : -1;
    if (data_ && entry_ < 0 && !data_->session().compiles.empty() && cursor_ < 0) entry_ = 0;
    guard_ = -1;
    emit sessionChanged();
    emit cursorChanged(cursor_);
    emit entryChanged(entry_);
    emit guardChanged(guard_);
}

void Selection::setCursor(int64_t pos) {
    if (!data_ || data_->callCount() == 0) return;
    pos = std::clamp<int64_t>(pos, 0, data_->callCount() - 1);
    if (pos == cursor_) return;
    cursor_ = pos;
    emit cursorChanged(cursor_);
    const int e = data_->entryOfCall(pos);
    if (e >= 0 && e != entry_) {
        entry_ = e;
        guard_ = -1;
        emit entryChanged(entry_);
        emit guardChanged(guard_);
    } else if (e < 0 && entry_ >= 0 && !data_->aliveAt(entry_, pos)) {
        // Run-only calls run no entry: keep showing the newest entry of that frame if alive.
        int keep = -1;
        const int track = data_->trackOfCall(pos);
        if (track >= 0)
            for (int cand : data_->entriesOfTrack(track))
                if (data_->aliveAt(cand, pos)) keep = cand;
        entry_ = keep;
        guard_ = -1;
        emit entryChanged(entry_);
        emit guardChanged(guard_);
    }
}

void Selection::stepToCompile(int direction) {
    if (!data_) return;
    const auto& list = data_->compilePositions();
    if (list.empty()) return;
    if (direction > 0) {
        auto it = std::upper_bound(list.begin(), list.end(), cursor_);
        if (it != list.end()) setCursor(*it);
    } else {
        auto it = std::lower_bound(list.begin(), list.end(), cursor_);
        if (it != list.begin()) setCursor(*std::prev(it));
    }
}

void Selection::setEntry(int entry) {
    if (!data_ || entry == entry_ || entry >= int(data_->session().compiles.size())) return;
    entry_ = entry;
    guard_ = -1;
    emit entryChanged(entry_);
    emit guardChanged(guard_);
}

void Selection::setGuard(int guardId) {
    if (guardId == guard_) return;
    guard_ = guardId;
    emit guardChanged(guard_);
}

void Selection::activateLine(int line) { emit lineActivated(line); }

} // namespace gs::ui
