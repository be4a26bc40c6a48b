#pragma once
// Short human-readable descriptions of session values, used by tooltips, tables and the
// status bar, so that every view words a call the same way.
#include <QString>

#include "core/session/SessionIndex.h"

namespace gs::ui {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

class Describe {
public:
    // "x: Tensor[3, 4] float32" / "n: int = 3" / "flag: bool = True"
    static QString arg(const session::ArgDesc& a);
    // "#12 foo(x: Tensor[3], y: Tensor[3]) → recompile 0/1"
    static QString call(const session::SessionIndex& d, int64_t pos);
    // "call #12 of 40"
    static QString cursor(const session::SessionIndex& d, int64_t pos);
    // L['x'] -> x, as PyTorch prints reasons (dynamo-semantics §2.1 strip_local_scope)
    static QString localName(const std::string& source);
    // "1 call", "3 calls" (no translator is loaded, so tr("%n call(s)") would print "(s)").
    static QString count(qint64 n, const char* singular, const char* plural);
    // The first line of a possibly multi-line text.
    static QString firstLine(const std::string& text);
};

} // namespace gs::ui
