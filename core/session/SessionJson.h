#pragma once
// A session as JSON (`sessions export ID --json`): the whole session with a top-level `summary`,
// keys in a fixed order, strings escaped and always valid UTF-8 (invalid bytes become U+FFFD).
// Hand-written, no dependency: core/session stays std-only (ARCHITECTURE.md).
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

// Format identifier and version written at the top of every export.
inline constexpr std::string_view kSessionJsonFormat = "guardscope-session";
inline constexpr int kSessionJsonVersion = 1;

// The imported log's verbatim records (Session::records) are not part of it: a compile's
// `artifacts` name them by seq, `guardscope-cli export --torch-trace` writes them back.
std::string toJson(const Session& s);

// `s` as a JSON string literal, with the escaping toJson uses (for writers of other documents).
std::string jsonQuoted(std::string_view s);

// Streams a session whose calls are read in pages (SessionStore::calls), so a session with
// millions of calls is exported without holding them all. `withoutCalls` holds everything
// else; `summary` is written as given; `nextPage` returns the next calls, empty at the end.
void writeJson(std::ostream& out, const Session& withoutCalls, const Summary& summary,
               const std::function<std::vector<Call>()>& nextPage);

// Reads what toJson wrote. Unknown keys are ignored, missing ones keep their defaults; on
// malformed input returns nullopt and, when `error` is given, says where ("line 3, column 7: ...").
std::optional<Session> fromJson(std::string_view json, std::string* error = nullptr);

// `s` as a JSON string literal with the escaping toJson uses (for other JSON writers).
void writeJsonString(std::ostream& out, std::string_view s);

} // namespace gs::session
