#pragma once
// Decodes the JSON of one TORCH_TRACE record — envelope, string table, stack frames and the
// fields/payloads of the events the importer uses — into a TraceEvent. simdjson stays inside
// RecordDecoder.cpp (TOOLCHAIN.md: keep heavy headers out of public headers).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/trace/ImportProblems.h"
#include "core/trace/TraceEvent.h"

namespace gs::trace {

class RecordDecoder {
public:
    explicit RecordDecoder(ImportProblems& problems);
    ~RecordDecoder();

    // `envelope` must have at least 64 readable bytes after its end (simdjson padding); so must
    // `payload` (its capacity) when given. `payloadMd5` is the digest of the joined payload as
    // read, or empty when the caller checks it later (against TraceEvent::payloadMd5). Returns
    // false (and reports the problem) when the envelope is unusable.
    bool decode(int64_t line, std::string_view envelope, const std::string* payload, bool payloadComplete,
                std::string_view payloadMd5, TraceEvent& out);

    // Entries in the string table (`str` records) so far.
    size_t strings() const;

    static bool isKnownEvent(std::string_view key);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace gs::trace
