#pragma once
// Who is recording a session: host name, process id and a start token (boot id + the process's
// start time), stored with every `running` session. A reader on the same host whose check finds
// no such process (or a different process reusing the pid) knows the writer died — crash or
// kill -9 — and shows the session as `interrupted`.
#include <cstdint>
#include <string>

namespace gs::store {

struct WriterIdentity {
    std::string host;
    int64_t pid = 0;
    std::string token;

    // The identity of this process (computed once).
    static const WriterIdentity& self();
    // Process start token of `pid` on this host, empty when no such (live) process exists.
    static std::string tokenOf(int64_t pid);

    // False only when this host can tell the writer is gone; a writer on another host (a shared
    // folder) is assumed alive.
    bool alive() const;
};

} // namespace gs::store
