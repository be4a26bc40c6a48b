// Issue 11 item 6 / issue 16: an imported log exported and imported again is the same session —
// every record, compile (stack, metrics, cache, artifacts), recompile, shape event, log line
// (tracebacks, restart reasons, graph breaks) and every problem the first import counted —
// because the export writes the log's records back verbatim.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

std::map<std::string, std::string> withoutSizes(std::map<std::string, std::string> md) {
    md.erase("bytes"); // CRLF and raw blank lines are not written back
    md.erase("lines");
    return md;
}

// Warnings name the file read and its line numbers: compared by count, the rest as is.
std::vector<LogLine> withoutWarnings(const std::vector<LogLine>& logs, size_t& warnings) {
    std::vector<LogLine> out;
    warnings = 0;
    for (const auto& l : logs)
        if (l.channel == "warning") ++warnings;
        else out.push_back(l);
    return out;
}

} // namespace

class VerbatimRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(VerbatimRoundTrip, ImportExportImportKeepsEverything) {
    const std::string path = sample(GetParam());
    if (!std::ifstream(path)) GTEST_SKIP() << "../shared is absent: " << path;
    TempDir d;
    Imported first = importFile(path);
    ASSERT_FALSE(first.session.records.empty());
    // the same file name: a rank is read from it
    const std::string out = d.file(GetParam());
    exportTraceRecords(first.session, out);
    Imported again = importFile(out);
    const Session& a = first.session;
    const Session& b = again.session;
    EXPECT_EQ(b.records.size(), a.records.size());
    for (size_t i = 0; i < a.records.size() && i < b.records.size(); ++i) {
        TraceRecord x = a.records[i], y = b.records[i];
        x.line = y.line = 0; // blank lines dropped: later lines move up
        ASSERT_EQ(x, y) << "record " << i;
    }
    EXPECT_EQ(b.frames, a.frames);
    EXPECT_EQ(b.compiles, a.compiles);
    EXPECT_EQ(b.recompiles, a.recompiles);
    EXPECT_EQ(b.shapeEvents, a.shapeEvents);
    EXPECT_EQ(b.calls, a.calls);
    size_t wa = 0, wb = 0;
    EXPECT_EQ(withoutWarnings(b.logs, wb), withoutWarnings(a.logs, wa));
    EXPECT_EQ(wb, wa);
    EXPECT_EQ(b.info.configJson, a.info.configJson);
    EXPECT_EQ(withoutSizes(b.info.metadata), withoutSizes(a.info.metadata));
    EXPECT_EQ(again.report.problems, first.report.problems);
    EXPECT_EQ(again.report.records, first.report.records);
    // PyTorch's line ends, whatever the original had
    std::ifstream in(out, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text.find('\r'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(AllSamples, VerbatimRoundTrip,
                         ::testing::Values("dedicated_log_torch_trace_rank_1.log", "dedicated_log_torch_trace_rank_0.log", "comp_metrics.log",
                                           "comp_failure.log", "artifacts.log", "links.log", "simple.log", "simple_corrupted_json.log",
                                           "export.log", "export_guard_added.log"));

TEST(VerbatimRoundTrip, TracebacksRestartReasonsAndProblemsSurvive) {
    TempDir d;
    const std::string md5 = "0123456789abcdef0123456789abcdef"; // wrong on purpose: a problem to keep
    std::string log = rec(R"({"str": ["/m.py", 0]})") +
                      rec(R"({"dynamo_start": {"stack": [{"line": 4, "name": "f", "filename": 0}]}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})") +
                      rec(R"({"artifact": {"name": "dynamo_error", "encoding": "string"}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": ")" + md5 + "\"}") +
                      "\tTraceback (most recent call last):\n\t  File \"/m.py\", line 4, in f\n\tRuntimeError: broken backend\n" +
                      rec(R"({"compilation_metrics": {"co_name": "f", "co_filename": "/m.py", "co_firstlineno": 4, "fail_type": "BackendCompilerFailed", "fail_reason": "broken", "restart_reasons": ["graph break in g"]}, "frame_id": 0, "frame_compile_id": 0, "attempt": 1})") +
                      rec("{not json at all") + "this line has no glog prefix\n";
    Imported first = importFile(d.write("in.log", log));
    ASSERT_EQ(first.problem("md5_mismatch"), 1);
    ASSERT_EQ(first.problem("bad_json"), 1);
    exportTraceRecords(first.session, d.file("out.log"));
    Imported again = importFile(d.file("out.log"));
    EXPECT_EQ(again.logs("error"), first.logs("error"));
    EXPECT_GE(again.logs("error"), 2u); // the traceback and the failure
    EXPECT_EQ(again.logs("graph_breaks"), first.logs("graph_breaks"));
    size_t wa = 0, wb = 0;
    EXPECT_EQ(withoutWarnings(again.session.logs, wb), withoutWarnings(first.session.logs, wa));
    EXPECT_EQ(again.session.compiles, first.session.compiles);
    EXPECT_EQ(again.problem("md5_mismatch"), 1);
    EXPECT_EQ(again.problem("bad_json"), 1);
    EXPECT_EQ(again.problem("no_prefix"), 0); // a line that was no record is not written back
}

TEST(VerbatimRoundTrip, APayloadThatWasNotKeptRefusesTheExport) {
    TempDir d;
    Session s;
    TraceRecord r;
    r.prefix = "V0718 15:30:01.875000 1337 a.py:1] ";
    r.body = R"({"artifact": {"name": "x", "encoding": "string"}, "has_payload": "0"})";
    r.hasPayload = true;
    r.payloadKept = false;
    s.records.push_back(r);
    EXPECT_THROW(exportTraceRecords(s, d.file("x.log")), TraceError);
    EXPECT_FALSE(std::ifstream(d.file("x.log")).good());
}
