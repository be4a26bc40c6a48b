// libFuzzer target for the TORCH_TRACE reader (issue 6): any bytes, as a log file (plain, or
// gzip/zstd when they start with the magic), must import or fail with a TraceError — never
// crash, hang or leak. An imported session is also exported and read back, and the text
// parsers the reader uses are run on the raw input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

#include "core/session/GuardDiff.h"
#include "core/session/ReasonClassifier.h"
#include "core/trace/GraphText.h"
#include "core/trace/GuardTreeText.h"
#include "core/trace/TraceReader.h"

namespace {

std::string scratch(const char* what) {
    const char* dir = std::getenv("FUZZ_TRACE_TMP");
    return std::string(dir ? dir : "/dev/shm") + "/fuzz_trace_" + std::to_string(::getpid()) + "_" + what;
}

bool writeFile(const std::string& path, const uint8_t* data, size_t size) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(data, 1, size, f) == size;
    return std::fclose(f) == 0 && ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string in = scratch("in.log"), out = scratch("out.log");
    if (!writeFile(in, data, size)) return 0;
    for (bool strict : {false, true}) {
        gs::session::SessionBuilder b;
        gs::trace::ImportOptions o;
        o.strict = strict;
        try {
            gs::trace::importTraceFile(in, b, o);
        } catch (const gs::trace::TraceError&) {
            continue;
        }
        if (strict) continue;
        gs::trace::exportTorchTrace(b.session(), out);
        gs::session::SessionBuilder again;
        try {
            gs::trace::importTraceFile(out, again);
        } catch (const gs::trace::TraceError&) {
            // a session without compiles or records can export to an empty-ish log: fine
        }
    }
    std::string_view text(reinterpret_cast<const char*>(data), size);
    gs::session::ReasonClassifier::classify(text);
    auto tree = gs::trace::GuardTreeText::parse(text);
    gs::session::GuardDiff::diff(tree.guards, gs::trace::GuardTreeText::parse(gs::trace::GuardTreeText::render(tree.guards)).guards);
    gs::trace::GraphText::parse(text, {{"x", "[1]"}});
    return 0;
}
