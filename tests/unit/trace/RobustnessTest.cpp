// The reader on synthetic logs: every rule of torch-trace-format §1.3 and bad input.
#include <gtest/gtest.h>

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <deque>
#include <random>
#include <sstream>

#include "core/trace/LineReader.h"
#include "core/trace/Md5.h"
#include "core/trace/LaneHasher.h"
#include "tests/unit/SharedData.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

const std::string kCtx = ", \"frame_id\": 0, \"frame_compile_id\": ";

// A record with a payload and its MD5 (`eol` "\r\n" for CRLF files).
std::string recP(const std::string& jsonOpen, const std::string& payload, const std::string& eol = "\n", bool goodMd5 = true) {
    std::string out = "V0718 15:30:01.875000 1337 torch/_dynamo/guards.py:3564] " + jsonOpen + ", \"has_payload\": \"" +
                      (goodMd5 ? Md5::hex(payload) : std::string(32, '0')) + "\"}" + eol;
    size_t start = 0;
    for (;;) {
        size_t nl = payload.find('\n', start);
        out.push_back('\t'); // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "\t" + substr
        out.append(payload, start, nl == std::string::npos ? std::string::npos : nl - start);
        out += eol;
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string start(int fcid, const std::string& fn = "f", int line = 3) {
    return rec("{\"dynamo_start\": {\"stack\": [{\"line\": 10, \"name\": \"<module>\", \"filename\": 0}, {\"line\": " + std::to_string(line) +
               ", \"name\": \"" + fn + "\", \"filename\": 0}]}" + kCtx + std::to_string(fcid) + ", \"attempt\": 0}");
}
std::string metrics(int fcid, const std::string& fn = "f", int line = 3, const std::string& extra = "") {
    return rec("{\"compilation_metrics\": {\"co_name\": \"" + fn + "\", \"co_filename\": \"/t.py\", \"co_firstlineno\": " + std::to_string(line) +
               ", \"graph_op_count\": 1, \"entire_frame_compile_time_s\": 0.5" + extra + "}" + kCtx + std::to_string(fcid) + ", \"attempt\": 0}");
}
std::string guards(int fcid, int size, const std::string& eol = "\n") {
    return recP("{\"dynamo_cpp_guards_str\": {}" + kCtx + std::to_string(fcid) + ", \"attempt\": 0",
                "\nTREE_GUARD_MANAGER:\n+- RootGuardManager\n| +- GuardManager: source=L['x'], accessed_by=DictGetItemGuardAccessor(x)\n"
                "| | +- TENSOR_MATCH: check_tensor(L['x'], Tensor, DispatchKeySet(CPU), torch.float32, device=None, requires_grad=False, size=[" +
                    std::to_string(size) + "], stride=[1])\n",
                eol);
}
std::string reasons(int fcid, const std::string& payload) {
    return recP("{\"artifact\": {\"name\": \"recompile_reasons\", \"encoding\": \"json\"}" + kCtx + std::to_string(fcid) + ", \"attempt\": 0", payload);
}
const std::string kStr = rec("{\"str\": [\"/t.py\", 0]}");

std::string compress(const std::string& data, bool zstd) {
    namespace io = boost::iostreams;
    std::string out;
    io::filtering_ostream os;
    if (zstd) os.push(io::zstd_compressor());
    else os.push(io::gzip_compressor());
    os.push(io::back_inserter(out));
    os << data;
    os.reset();
    return out;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(TraceRobustness, EmptyFileIsAClearError) {
    TempDir d;
    SessionBuilder b;
    try {
        importTraceFile(d.write("empty.log", ""), b);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("empty.log: the file is empty"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(b.session().info.title.empty()); // no session was begun
}

TEST(TraceRobustness, BinaryGarbageIsAClearErrorAndBeginsNoSession) {
    TempDir d;
    std::mt19937 rng(1);
    std::string junk(200000, '\0');
    for (auto& c : junk) c = char(rng());
    SessionBuilder b;
    try {
        importTraceFile(d.write("junk.bin", junk), b);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("not a TORCH_TRACE log"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(b.session().info.title.empty());
}

TEST(TraceRobustness, MissingFileAndDirectoryWithoutLogsAreClearErrors) {
    TempDir d;
    SessionBuilder b;
    EXPECT_THROW(importTraceFile(d.file("nope.log"), b), TraceError);
    d.write("notes.txt", "hello");
    try {
        importTracePath(d.path().string(), [&](const std::string&) -> EventSink& { return b; });
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("no dedicated_log_torch_trace_rank_N*.log files"), std::string::npos) << e.what();
    }
    EXPECT_THROW(importTraceFile(d.path().string(), b), TraceError); // a directory is not a file
}

TEST(TraceRobustness, GzipAndZstdReadLikeThePlainFile) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    TempDir d;
    std::string plain = readAll(sample("dedicated_log_torch_trace_rank_1.log"));
    Imported ref = importFile(sample("dedicated_log_torch_trace_rank_1.log"));
    for (bool zstd : {false, true}) {
        std::string path = d.write(zstd ? "r1.log.zst" : "r1.log.gz", compress(plain, zstd));
        Imported r = importFile(path);
        EXPECT_EQ(r.report.bytes, int64_t(plain.size()));
        EXPECT_EQ(r.report.lines, ref.report.lines);
        EXPECT_EQ(r.session.compiles, ref.session.compiles);
        EXPECT_EQ(r.session.recompiles, ref.session.recompiles);
        EXPECT_EQ(r.problems(), 0);
    }
}

// Issue 11 item 6 changed the partial session's status from `failed` to `interrupted`: the file
// was cut, the run it records did not fail.
TEST(TraceRobustness, TruncatedGzipIsAnErrorAndKeepsTheInterruptedPartialSession) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    TempDir d;
    std::string gz = compress(readAll(sample("dedicated_log_torch_trace_rank_1.log")), false);
    std::string path = d.write("cut.log.gz", gz.substr(0, gz.size() / 2));
    SessionBuilder b;
    try {
        importTraceFile(path, b);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("truncated: the gzip stream ends in the middle of a member"), std::string::npos) << e.what();
    }
    EXPECT_EQ(b.session().info.status, SessionStatus::Interrupted);
    EXPECT_GT(b.session().compiles.size(), 0u);
}

TEST(TraceRobustness, TruncatedZstdIsAnError) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    TempDir d;
    std::string z = compress(readAll(sample("comp_metrics.log")), true);
    SessionBuilder b;
    EXPECT_THROW(importTraceFile(d.write("cut.log.zst", z.substr(0, z.size() - 7)), b), TraceError);
}

TEST(TraceRobustness, CrlfAndBlankLinesInsidePayloadsAreAccepted) {
    TempDir d;
    // the payload has an empty line ("\t") and raw blank lines are inserted between its lines
    std::string body = kStr + start(0) + guards(0, 2, "\r\n") + metrics(0);
    std::string r1 = reasons(1, "[\n\"0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3\"\n]");
    r1.insert(r1.find("\t\"0/0"), "\n\r\n");
    body += r1 + start(1) + guards(1, 3) + metrics(1);
    Imported r = importFile(d.write("crlf.log", body));
    EXPECT_EQ(r.problems(), 0) << (r.report.warnings.empty() ? "" : r.report.warnings[0]);
    ASSERT_EQ(r.session.recompiles.size(), 1u);
    EXPECT_EQ(r.session.recompiles[0].reasons[0].category, ReasonCategory::SizeChange);
    EXPECT_EQ(r.session.compiles[0].guards.size(), 3u);
}

TEST(TraceRobustness, MissingAttemptMeansZero) {
    TempDir d;
    std::string body = kStr + rec("{\"dynamo_start\": {\"stack\": []}, \"frame_id\": 0, \"frame_compile_id\": 0}") +
                       rec("{\"compilation_metrics\": {\"co_name\": \"f\", \"co_filename\": \"/t.py\", \"co_firstlineno\": 1}, \"frame_id\": 0, \"frame_compile_id\": 0}");
    Imported r = importFile(d.write("a.log", body));
    ASSERT_EQ(r.session.compiles.size(), 1u);
    EXPECT_EQ(r.session.compiles[0].attempt, 0);
    EXPECT_EQ(r.problems(), 0);
}

TEST(TraceRobustness, StackInsteadOfCompileIdsGivesEventsOutsideCompiles) {
    TempDir d;
    std::string body = kStr + rec("{\"guard_added_fast\": {\"expr\": \"Eq(s0, 3)\"}, \"stack\": [{\"line\": 1, \"name\": \"f\", \"filename\": 0}]}");
    Imported r = importFile(d.write("s.log", body));
    ASSERT_EQ(r.session.shapeEvents.size(), 1u);
    EXPECT_EQ(r.session.shapeEvents[0].compileId, "");
    EXPECT_EQ(r.session.shapeEvents[0].text, "Eq(s0, 3)");
    EXPECT_EQ(r.problems(), 0);
}

TEST(TraceRobustness, RepeatedCompileIdsAfterResetAreSeparateCompiles) {
    TempDir d;
    // f compiled, reset, f again (same code object), reset, g gets frame id 0
    std::string body = kStr + start(0) + guards(0, 2) + metrics(0) + start(0) + guards(0, 2) + metrics(0) + start(0, "g", 7) +
                       metrics(0, "g", 7);
    Imported r = importFile(d.write("reset.log", body));
    const Session& s = r.session;
    ASSERT_EQ(s.compiles.size(), 3u);
    for (const auto& c : s.compiles) EXPECT_EQ(c.compileId, "0/0");
    ASSERT_EQ(s.frames.size(), 2u); // f keeps frame 0; g, a different code object, gets a new id
    EXPECT_EQ(s.frames[0].name, "f");
    EXPECT_EQ(s.frames[1].name, "g");
    EXPECT_EQ(s.compiles[0].frameId, s.compiles[1].frameId);
    EXPECT_NE(s.compiles[2].frameId, s.compiles[0].frameId);
    EXPECT_EQ(s.recompiles.size(), 0u);
    EXPECT_EQ(s.calls.size(), 3u);
}

// Issue 9: the importer sends torch._dynamo.reset() itself, where the ids start over, after
// everything of the old epoch and before anything of the new one.
TEST(TraceRobustness, TheImporterSendsAResetWhereTheIdsStartOver) {
    struct Order : SessionBuilder {
        std::string seen;
        void frame(const Frame& f) override { seen += "F"; SessionBuilder::frame(f); }
        void compile(const CompileEntry& c) override { seen += "C"; SessionBuilder::compile(c); }
        void reset(const Reset& r) override { seen += "|"; SessionBuilder::reset(r); }
    } b;
    TempDir d;
    // f compiled twice, reset, f again (same code object), reset, g gets frame id 0
    std::string body = kStr + start(0) + guards(0, 2) + metrics(0) + start(1) + guards(1, 3) + metrics(1) + start(0) + guards(0, 2) +
                       metrics(0) + start(0, "g", 7) + metrics(0, "g", 7);
    importTraceFile(d.write("reset.log", body), b);
    EXPECT_EQ(b.seen, "FCC|C|FC");
    const Session s = b.take();
    ASSERT_EQ(s.resets.size(), 2u);
    EXPECT_EQ(s.resets[0], (Reset{.callIndex = 2, .line = 0, .frames = 1, .compiles = 2}));
    EXPECT_EQ(s.resets[1], (Reset{.callIndex = 3, .line = 0, .frames = 1, .compiles = 3}));
    // ids name one entry per epoch
    EXPECT_EQ(s.compile("0/0", 0), &s.compiles[0]);
    EXPECT_EQ(s.compile("0/0", 1), &s.compiles[2]);
    EXPECT_EQ(s.compile("0/1", 1), nullptr);
    EXPECT_EQ(s.frameOf(s.compiles[2])->name, "f");
    EXPECT_EQ(s.frameOf(s.compiles[3])->name, "g");
    // a session stored without them infers the same epochs from the repeated ids
    Session old = s;
    old.resets.clear();
    const auto inferred = inferResets(old);
    ASSERT_EQ(inferred.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(inferred[i].callIndex, s.resets[i].callIndex);
        EXPECT_EQ(inferred[i].compiles, s.resets[i].compiles);
    }
}

TEST(TraceRobustness, ARestartedAttemptOrAnotherFrameIsNoReset) {
    TempDir d;
    const std::string restart = rec("{\"dynamo_start\": {\"stack\": [{\"line\": 3, \"name\": \"f\", \"filename\": 0}]}" + kCtx + "0, \"attempt\": 1}");
    std::string body = kStr + start(0) + guards(0, 2) + restart + metrics(0) + start(1) + metrics(1) +
                       rec("{\"dynamo_start\": {\"stack\": []}, \"frame_id\": 1, \"frame_compile_id\": 0, \"attempt\": 0}") +
                       rec("{\"compilation_metrics\": {\"co_name\": \"h\"}, \"frame_id\": 1, \"frame_compile_id\": 0, \"attempt\": 0}");
    Imported r = importFile(d.write("noreset.log", body));
    EXPECT_TRUE(r.session.resets.empty());
    ASSERT_FALSE(r.session.compiles.empty());
    EXPECT_EQ(r.session.compiles.back().compileId, "1/0");
}

TEST(TraceRobustness, RecompileReasonsAsABareString) {
    TempDir d;
    std::string body = kStr + start(0) + metrics(0) + reasons(1, "\"0/0: L['n'] == 3\"") + start(1) + metrics(1);
    Imported r = importFile(d.write("bare.log", body));
    ASSERT_EQ(r.session.recompiles.size(), 1u);
    ASSERT_EQ(r.session.recompiles[0].reasons.size(), 1u);
    EXPECT_EQ(r.session.recompiles[0].reasons[0].category, ReasonCategory::IntValueChange);
    EXPECT_EQ(r.session.recompiles[0].reasons[0].failedEntryId, "0/0");
}

TEST(TraceRobustness, RecompileReasonFromMetricsWhenNoArtifact) {
    TempDir d;
    std::string body = kStr + start(0) + metrics(0) + start(1) + metrics(1, "f", 3, ", \"recompile_reason\": \"0/0: L['flag'] == True\"");
    Imported r = importFile(d.write("old.log", body));
    ASSERT_EQ(r.session.recompiles.size(), 1u);
    EXPECT_EQ(r.session.recompiles[0].reasons.at(0).category, ReasonCategory::BoolFlip);
}

TEST(TraceRobustness, UnknownEventKeysAreKeptAndCountedNotProblems) {
    TempDir d;
    std::string body = kStr + rec("{\"brand_new_event\": {\"a\": 1}, \"frame_id\": 0, \"frame_compile_id\": 0, \"attempt\": 0}") +
                       rec("{\"brand_new_event\": {\"a\": 2}}") + start(0) + metrics(0);
    ImportOptions strict;
    strict.strict = true;
    Imported r = importFile(d.write("u.log", body), strict);
    EXPECT_EQ(r.report.unknownEvents.at("brand_new_event"), 2);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(r.logs("unknown_event"), 1u);
    EXPECT_EQ(r.session.logs[0].text, "brand_new_event: {\"a\":1}");
    EXPECT_EQ(r.session.info.metadata.at("unknown_event.brand_new_event"), "2");
}

// A newer PyTorch adds envelope fields (tlparse reads such records and lists the fields): the
// record is read as its event, the fields are counted per name, and nothing is a problem, also
// under --strict. Of several keys nobody knows, the one whose value is an object is the event.
TEST(TraceRobustness, UnknownEnvelopeFieldsAreCountedAndTheRecordIsRead) {
    TempDir d;
    std::string body = kStr + rec("{\"dynamo_start\": {\"stack\": [{\"line\": 3, \"name\": \"f\", \"filename\": 0}]}, \"graph_id\": null" +
                                  kCtx + "0, \"attempt\": 0, \"new_meta_field\": 7}") +
                       recP("{\"dynamo_cpp_guards_str\": {}, \"new_meta_field\": 8" + kCtx + "0, \"attempt\": 0", "TREE_GUARD_MANAGER:\n+- RootGuardManager\n") +
                       rec("{\"new_meta_field\": 9, \"brand_new_event\": {\"a\": 1}}") + metrics(0);
    ImportOptions strict;
    strict.strict = true;
    Imported r = importFile(d.write("f.log", body), strict);
    EXPECT_EQ(r.problems(), 0);
    EXPECT_EQ(r.report.records, 5);
    EXPECT_EQ(r.report.unknownFields.at("new_meta_field"), 3);
    EXPECT_EQ(r.report.unknownFields.at("graph_id"), 1);
    EXPECT_EQ(r.report.unknownEvents.at("brand_new_event"), 1);
    ASSERT_EQ(r.session.compiles.size(), 1u);
    EXPECT_EQ(r.session.compiles[0].stack.size(), 1u);  // the dynamo_start was read
    EXPECT_FALSE(r.session.compiles[0].guards.empty()); // and the guards with their payload
    EXPECT_EQ(r.logs("unknown_field"), 2u);              // once per field name
    EXPECT_EQ(r.session.info.metadata.at("unknown_field.new_meta_field"), "3");
}

// A damaged log can make up any number of names: at most 100 are counted by name, the rest as one.
TEST(TraceRobustness, MadeUpEventAndFieldNamesAreCountedUnderACap) {
    TempDir d;
    std::string body = kStr;
    for (int i = 0; i < 150; ++i)
        body += rec("{\"event_" + std::to_string(i) + "\": {}, \"field_" + std::to_string(i) + "\": 1}");
    Imported r = importFile(d.write("many.log", body));
    EXPECT_EQ(r.report.unknownEvents.size(), 101u);
    EXPECT_EQ(r.report.unknownEvents.at("(others)"), 50);
    EXPECT_EQ(r.report.unknownFields.size(), 101u);
    EXPECT_EQ(r.report.unknownFields.at("(others)"), 50);
    EXPECT_EQ(r.problems(), 0);
}

TEST(TraceRobustness, BadLinesAreCountedPerKind) {
    TempDir d;
    std::string body = kStr + "this line has no prefix\n" + "\tpayload line nobody asked for\n\tsecond one\n" +
                       rec("{\"broken json") + rec("{\"a\": {}, \"b\": {}}") + rec("{}") +
                       rec("{\"dynamo_start\": {\"stack\": [{\"line\": 1, \"name\": \"f\", \"filename\": 99}]}" + kCtx + "0, \"attempt\": 0}") +
                       recP("{\"dynamo_cpp_guards_str\": {}" + kCtx + "0, \"attempt\": 0", "+- RootGuardManager\n| what is this\n", "\n", false) +
                       metrics(0);
    Imported r = importFile(d.write("bad.log", body));
    EXPECT_EQ(r.problem("no_prefix"), 1);
    EXPECT_EQ(r.problem("unexpected_payload"), 1); // one run of lines
    EXPECT_EQ(r.problem("bad_json"), 1);
    EXPECT_EQ(r.problem("bad_envelope"), 1); // no event key ({"a": {}, "b": {}} is event "a" with a field "b")
    EXPECT_EQ(r.report.unknownFields.at("b"), 1);
    EXPECT_EQ(r.problem("bad_string_index"), 1);
    EXPECT_EQ(r.problem("md5_mismatch"), 1);
    EXPECT_EQ(r.problem("bad_guards"), 1);
    EXPECT_EQ(r.problems(), 7);
    EXPECT_EQ(r.logs("warning"), 7u);
    ASSERT_EQ(r.session.compiles.size(), 1u); // the good parts still import
    EXPECT_EQ(r.session.compiles[0].guards.size(), 1u);
    EXPECT_NE(r.report.warnings[0].find("bad.log:2: no_prefix"), std::string::npos) << r.report.warnings[0];
    EXPECT_EQ(r.session.info.metadata.at("problems"), "7");
}

TEST(TraceRobustness, StrictMakesTheFirstProblemAnErrorWithItsLine) {
    TempDir d;
    std::string body = kStr + start(0) + recP("{\"dynamo_cpp_guards_str\": {}" + kCtx + "0, \"attempt\": 0", "+- RootGuardManager", "\n", false) + metrics(0);
    ImportOptions o;
    o.strict = true;
    SessionBuilder b;
    try {
        importTraceFile(d.write("strict.log", body), b, o);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("strict.log:3: md5_mismatch"), std::string::npos) << e.what();
    }
    EXPECT_EQ(b.session().info.status, SessionStatus::Failed);
}

TEST(TraceRobustness, ReasonsWithoutADynamoStartAreARecompileLimitHit) {
    TempDir d;
    std::string body = kStr + start(0) + guards(0, 2) + metrics(0) + reasons(1, "[\n\"0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3\"\n]");
    Imported r = importFile(d.write("limit.log", body));
    const Session& s = r.session;
    ASSERT_EQ(s.compiles.size(), 2u);
    EXPECT_EQ(s.compiles[1].compileId, "0/1");
    EXPECT_EQ(s.compiles[1].status, EntryStatus::LimitHit);
    ASSERT_EQ(s.recompiles.size(), 1u);
    EXPECT_TRUE(s.recompiles[0].limitHit);
    EXPECT_EQ(s.calls[1].outcome, CallOutcome::RunOnly);
    Summary sum = s.summary();
    EXPECT_EQ(sum.limitHits, 1);
    EXPECT_EQ(sum.recompiles, 0);
    EXPECT_EQ(sum.compiles, 1);
}

TEST(TraceRobustness, AnIncompleteCompileAtTheEndIsReported) {
    TempDir d;
    Imported r = importFile(d.write("cut.log", kStr + start(0) + guards(0, 2)));
    ASSERT_EQ(r.session.compiles.size(), 1u);
    EXPECT_EQ(r.session.compiles[0].status, EntryStatus::Failed);
    EXPECT_EQ(r.session.compiles[0].guards.size(), 3u);
    EXPECT_EQ(r.problem("incomplete_compile"), 1);
    EXPECT_EQ(r.session.frames.at(0).name, "f"); // from the dynamo_start stack
}

TEST(TraceRobustness, TextLogLinesBecomeOneLogLinePerMessage) {
    TempDir d;
    const std::string w = "W0823 18:56:31.554000 40177 torch/_dynamo/convert_frame.py:1016] ";
    std::string body = kStr + start(0) + metrics(0) + w + "[0/8] torch._dynamo hit config.recompile_limit (8)\n" + w +
                       "[0/8]    function: 'f' (/t.py:3)\n" + "I0823 18:56:31.554000 40177 a.py:1] hello\n";
    Imported r = importFile(d.write("text.log", body));
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(r.logs("warning"), 1u);
    ASSERT_EQ(r.logs("output"), 1u);
    const LogLine& l = r.session.logs[0];
    EXPECT_EQ(l.channel, "warning");
    EXPECT_EQ(l.compileId, "0/8");
    EXPECT_EQ(l.text, "torch._dynamo hit config.recompile_limit (8)\n[0/8]    function: 'f' (/t.py:3)");
}

TEST(TraceRobustness, OnlyTextLinesIsNotATrace) {
    TempDir d;
    SessionBuilder b;
    EXPECT_THROW(importTraceFile(d.write("t.log", "I0823 18:56:31.554000 40177 a.py:1] hello\n"), b), TraceError);
    EXPECT_TRUE(b.session().info.title.empty());
}

TEST(TraceRobustness, CompiledAutogradIdsAreKeptInTheCompileId) {
    TempDir d;
    std::string body = kStr + rec("{\"dynamo_start\": {\"stack\": []}, \"compiled_autograd_id\": 1" + kCtx + "0, \"attempt\": 0}") +
                       rec("{\"compilation_metrics\": {\"co_name\": \"f\"}, \"compiled_autograd_id\": 1" + kCtx + "0, \"attempt\": 0}");
    Imported r = importFile(d.write("ca.log", body));
    ASSERT_EQ(r.session.compiles.size(), 1u);
    EXPECT_EQ(r.session.compiles[0].compileId, "!1/0/0");
}

TEST(TraceRobustness, ProgressIsReportedAndCancelEndsTheSessionInterrupted) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    std::vector<double> seen;
    ImportOptions o;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    importFile(sample("dedicated_log_torch_trace_rank_1.log"), o);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    int calls = 0;
    o.progress = [&](double) { return ++calls < 2; }; // cancel at the second report (1 MiB in)
    SessionBuilder b;
    try {
        importTraceFile(sample("dedicated_log_torch_trace_rank_1.log"), b, o);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("import cancelled"), std::string::npos);
    }
    EXPECT_EQ(b.session().info.status, SessionStatus::Interrupted);
    EXPECT_LT(b.session().compiles.size(), 15u);
}

TEST(TraceRobustness, BigPayloadsAreCheckedOnTheHasherThreadWithTheirLine) {
    TempDir d;
    std::string big;
    for (int i = 0; i < 3000; ++i) big += "line " + std::to_string(i) + " of a payload big enough to be hashed on the other thread\n";
    std::string body = kStr + start(0);
    for (int k = 0; k < 40; ++k) // more big payloads than the hasher's lag; the 3rd has a wrong MD5
        body += recP("{\"artifact\": {\"name\": \"fx_graph_runnable\", \"encoding\": \"string\"}" + kCtx + "0, \"attempt\": 0", big, "\n", k != 2);
    body += metrics(0);
    Imported r = importFile(d.write("big.log", body));
    EXPECT_EQ(r.problem("md5_mismatch"), 1);
    EXPECT_EQ(r.problems(), 1);
    const int64_t thirdHeader = 3 + 2 * (1 + 3001); // after the str and start lines, 2 records of a header and 3001 payload lines
    ASSERT_EQ(r.report.warnings.size(), 1u);
    EXPECT_NE(r.report.warnings[0].find("big.log:" + std::to_string(thirdHeader) + ": md5_mismatch"), std::string::npos) << r.report.warnings[0];
}

TEST(TraceRobustness, AStrictErrorWithPayloadsStillBeingHashedFreesNothingTheDecodingStageReads) {
    // The strict error ends the import while the framing window holds the payloads framed after
    // the bad record, some still being hashed and decoded on the stage's thread: that thread must
    // be stopped before those payloads are freed (fuzz_trace found a heap-use-after-free here in
    // the hasher of the time; the asan preset catches a regression).
    TempDir d;
    std::string big;
    for (int i = 0; i < 400; ++i) big += "row " + std::to_string(i) + " of a payload that keeps the hasher's lanes busy\n";
    std::string body = kStr + start(0) + recP("{\"dynamo_cpp_guards_str\": {}" + kCtx + "0, \"attempt\": 0", "+- RootGuardManager", "\n", false);
    for (int k = 0; k < 60; ++k)
        body += recP("{\"artifact\": {\"name\": \"fx_graph_runnable\", \"encoding\": \"string\"}" + kCtx + "0, \"attempt\": 0", big);
    const std::string path = d.write("strict-busy.log", body);
    for (int round = 0; round < 20; ++round) { // the hasher's progress at the error varies
        ImportOptions o;
        o.strict = true;
        SessionBuilder b;
        try {
            importTraceFile(path, b, o);
            FAIL() << "no error";
        } catch (const TraceError& e) {
            EXPECT_NE(std::string(e.what()).find("strict-busy.log:3: md5_mismatch"), std::string::npos) << e.what();
        }
        EXPECT_EQ(b.session().info.status, SessionStatus::Failed);
    }
}

TEST(LaneHasher, EveryDigestIsWrittenInPlaceWhenItsTicketIsFinished) {
    LaneHasher h;
    std::deque<std::string> payloads; // stable: the hasher reads them in place
    std::deque<std::string> digests;
    std::vector<uint64_t> tickets;
    for (int i = 0; i < 50; ++i) {
        payloads.push_back(std::string(100 + size_t(i) * 1000, char('a' + i % 26)));
        digests.emplace_back();
        tickets.push_back(h.add(payloads.back(), &digests.back()));
        EXPECT_EQ(tickets.back(), uint64_t(i));
        if (i >= 5) { // finished five behind, as the importer's decoding stage does
            h.finish(tickets[size_t(i) - 5]);
            EXPECT_EQ(digests[size_t(i) - 5], Md5::hex(payloads[size_t(i) - 5])) << i;
        }
    }
    EXPECT_LE(h.pending(), 5u);
    for (size_t i = 45; i < 50; ++i) h.finish(tickets[i]);
    EXPECT_EQ(h.pending(), 0u);
    for (size_t i = 0; i < 50; ++i) EXPECT_EQ(digests[i], Md5::hex(payloads[i])) << i;
}

TEST(LineReader, CutsOverlongLinesAndKeepsReading) {
    TempDir d;
    std::string path = d.write("long.log", std::string(5000, 'a') + "\r\nshort\nlast-without-newline");
    LineReader r(path, 1000);
    std::string_view line;
    bool cut = false;
    ASSERT_TRUE(r.next(line, cut));
    EXPECT_TRUE(cut);
    EXPECT_EQ(line.size(), 1000u);
    ASSERT_TRUE(r.next(line, cut));
    EXPECT_FALSE(cut);
    EXPECT_EQ(line, "short");
    ASSERT_TRUE(r.next(line, cut));
    EXPECT_EQ(line, "last-without-newline");
    EXPECT_FALSE(r.next(line, cut));
    EXPECT_EQ(r.lineNumber(), 3);
    EXPECT_EQ(r.bytesRead(), 5000 + 2 + 6 + 20);
}

} // namespace
