// The trace import pipeline (issue 11 item 7): OrderedStage (records hashed and decoded on their
// own thread, in order), LaneHasher (payload MD5s side by side in SIMD lanes), and an import
// whose problems — found by the framer, the decoding stage and the assembler — come out
// in file order with their lines, as when everything ran on one thread.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/trace/ImportProblems.h"
#include "core/trace/Md5.h"
#include "core/trace/OrderedStage.h"
#include "core/trace/LaneHasher.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::trace;
using namespace gs::trace::test;

namespace {

struct Job {
    int value = 0;
    int order = -1;                  // the how-many-th job the stage ran
    std::thread::id ranOn;
};

} // namespace

TEST(OrderedStage, RunsEveryJobInSubmissionOrderOnItsOwnThread) {
    int ran = 0; // touched by the stage's thread only
    OrderedStage<Job> stage([&](Job& j) {
        j.order = ran++;
        j.ranOn = std::this_thread::get_id();
    });
    std::deque<Job> jobs; // stable addresses, as the importer's window
    for (int i = 0; i < 1000; ++i) {
        jobs.push_back(Job{i});
        EXPECT_EQ(stage.submit(jobs.back()), uint64_t(i));
        if (i >= 37) stage.wait(uint64_t(i - 37)); // the owner waits some jobs behind, as the importer does
    }
    for (int i = 1000 - 37; i < 1000; ++i) stage.wait(uint64_t(i));
    EXPECT_EQ(stage.pending(), 0u);
    for (int i = 0; i < 1000; ++i) {
        EXPECT_EQ(jobs[size_t(i)].order, i);
        EXPECT_NE(jobs[size_t(i)].ranOn, std::this_thread::get_id());
    }
}

TEST(OrderedStage, FewerJobsThanABatchStillRunWhenTheOwnerWaits) {
    OrderedStage<Job> stage([](Job& j) { j.order = j.value * 2; }, 16);
    std::deque<Job> jobs{Job{1}, Job{2}, Job{3}};
    for (Job& j : jobs) stage.submit(j);
    stage.wait(2); // waiting for the last releases all three
    EXPECT_EQ(stage.pending(), 0u);
    EXPECT_EQ(jobs[0].order, 2);
    EXPECT_EQ(jobs[2].order, 6);
}

TEST(OrderedStage, StaysLagJobsBehindUntilTheOwnerWaits) {
    std::atomic<int> ran{0};
    OrderedStage<Job> stage([&](Job&) { ++ran; }, 1, 4);
    std::deque<Job> jobs(10);
    for (Job& j : jobs) stage.submit(j);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_LE(ran.load(), 6); // the newest 4 wait
    stage.wait(9);
    EXPECT_EQ(ran.load(), 10);
}

// A stage that is behind: the owner, once it has to wait, is woken when a batch of jobs is done
// (or every submitted one), not after each job — no lock step with a context switch per job.
TEST(OrderedStage, AnOwnerThatHasToWaitSleepsUntilTheStageIsABatchAhead) {
    std::atomic<int> ran{0};
    // lag 1000: the stage runs only for the owner, so what it ran is what the owner waited for
    OrderedStage<Job> stage([&](Job&) { ++ran; }, 8, 1000);
    std::deque<Job> jobs(20);
    for (Job& j : jobs) stage.submit(j);
    stage.wait(0);
    EXPECT_EQ(ran.load(), 8); // jobs 0..7
    for (uint64_t i = 1; i < 8; ++i) stage.wait(i); // done already: no waiting, nothing more runs
    EXPECT_EQ(ran.load(), 8);
    stage.wait(8);
    EXPECT_EQ(ran.load(), 16);
    stage.wait(16); // only 20 submitted: up to the newest
    EXPECT_EQ(ran.load(), 20);
    for (uint64_t i = 17; i < 20; ++i) stage.wait(i);
    EXPECT_EQ(stage.pending(), 0u);
}

TEST(OrderedStage, AnErrorIsRethrownWhereItsJobIsWaitedForAndLaterJobsStillRun) {
    OrderedStage<Job> stage([](Job& j) {
        if (j.value == 5) throw std::runtime_error("rank3.log:12: cannot decode");
        j.order = j.value;
    });
    std::deque<Job> jobs;
    for (int i = 0; i < 10; ++i) {
        jobs.push_back(Job{i});
        stage.submit(jobs.back());
    }
    for (uint64_t i = 0; i < 5; ++i) EXPECT_NO_THROW(stage.wait(i));
    try {
        stage.wait(5);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "rank3.log:12: cannot decode"); // the same exception, file and cause
    }
    for (uint64_t i = 6; i < 10; ++i) EXPECT_NO_THROW(stage.wait(i));
    EXPECT_EQ(jobs[9].order, 9);
    EXPECT_EQ(jobs[5].order, -1);
    EXPECT_THROW(stage.wait(10), std::logic_error); // never submitted
}

TEST(OrderedStage, DestroyingItStopsAfterTheJobItRunsAndDropsTheRest) {
    std::atomic<int> ran{0};
    std::atomic<bool> destroying{false}, release{false};
    std::deque<Job> jobs(100);
    {
        OrderedStage<Job> stage(
            [&](Job&) {
                ++ran;
                while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            },
            1);
        for (Job& j : jobs) stage.submit(j);
        while (ran == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1)); // the first job runs
        // The first job ends only after the destructor has asked the stage to stop (as when an
        // import is cancelled or fails with records still in its window).
        std::thread releaser([&] {
            while (!destroying) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            release = true;
        });
        releaser.detach();
        destroying = true;
    } // joins without running the 99 others
    EXPECT_EQ(ran.load(), 1);
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(OrderedStage, ArriveSeesEveryJobInOrderBeforeItRuns) {
    std::vector<int> arrived; // the stage's thread's
    bool allArrivedFirst = true;
    OrderedStage<Job> stage([&](Job& j) { allArrivedFirst = allArrivedFirst && int(arrived.size()) > j.value; }, 4, 8,
                            [&](Job& j) { arrived.push_back(j.value); });
    std::deque<Job> jobs;
    for (int i = 0; i < 500; ++i) {
        jobs.push_back(Job{i});
        stage.submit(jobs.back());
        if (i >= 20) stage.wait(uint64_t(i - 20));
    }
    for (int i = 480; i < 500; ++i) stage.wait(uint64_t(i));
    EXPECT_TRUE(allArrivedFirst);
    ASSERT_EQ(arrived.size(), 500u);
    for (int i = 0; i < 500; ++i) EXPECT_EQ(arrived[size_t(i)], i);
}

TEST(OrderedStage, AnErrorWhileArrivingIsThatJobsAndItsWorkDoesNotRun) {
    std::vector<int> worked;
    OrderedStage<Job> stage([&](Job& j) { worked.push_back(j.value); }, 1, 0, [](Job& j) {
        if (j.value == 3) throw std::runtime_error("cannot queue job 3");
    });
    std::deque<Job> jobs;
    for (int i = 0; i < 6; ++i) {
        jobs.push_back(Job{i});
        stage.submit(jobs.back());
    }
    for (uint64_t i = 0; i < 3; ++i) stage.wait(i);
    EXPECT_THROW(stage.wait(3), std::runtime_error);
    stage.wait(5);
    EXPECT_EQ(worked, (std::vector<int>{0, 1, 2, 4, 5}));
}

TEST(LaneHasher, ShortAndLongPayloadsMixedAreEachRightWhateverOrderTheyAreFinishedIn) {
    LaneHasher h;
    std::deque<std::string> payloads, digests;
    std::vector<uint64_t> tickets;
    for (int i = 0; i < 300; ++i) { // empty, one block, block edges (55, 56, 64), long
        const size_t sizes[] = {0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 5000, 70000};
        payloads.push_back(std::string(sizes[size_t(i) % 12] + size_t(i % 3), char('A' + i % 50)));
        digests.emplace_back();
        tickets.push_back(h.add(payloads.back(), &digests.back()));
    }
    h.finish(tickets[150]); // a long payload started before it may still be in its lane
    EXPECT_EQ(digests[150], Md5::hex(payloads[150]));
    h.finish(tickets[150]); // again: nothing to do
    for (size_t i = 300; i-- > 0;) { // newest first
        h.finish(tickets[i]);
        EXPECT_EQ(digests[i], Md5::hex(payloads[i])) << i;
    }
    EXPECT_EQ(h.pending(), 0u);
}

namespace {

std::string header(const std::string& json) { return "V0718 15:30:01.875000 1337 torch/_dynamo/guards.py:3564] " + json; }

std::string withPayload(const std::string& jsonOpen, const std::string& payload, bool goodMd5) {
    return header(jsonOpen + ", \"has_payload\": \"" + (goodMd5 ? Md5::hex(payload) : std::string(32, '0')) + "\"}") + "\n\t" + payload + "\n";
}

} // namespace

// Problems of all three steps, many windows long: each must come out at its line and in file
// order (the decoding stage runs ahead of the thread that reports).
TEST(TraceImportPipeline, ProblemsOfFramingDecodingAndAssemblingKeepFileOrder) {
    TempDir d;
    std::string body;
    std::vector<std::string> expected; // "line: kind"
    int64_t line = 0;
    auto add = [&](const std::string& text, int lines) {
        body += text;
        line += lines;
    };
    add(header("{\"str\": [\"model.py\", 0]}") + "\n", 1);
    for (int k = 0; k < 150; ++k) {
        switch (k % 5) {
        case 0: // framing: no glog prefix
            add("garbage " + std::to_string(k) + "\n", 1);
            expected.push_back(std::to_string(line) + ": no_prefix");
            break;
        case 1: // decoding: bad JSON
            add(header("{\"broken") + "\n", 1);
            expected.push_back(std::to_string(line) + ": bad_json");
            break;
        case 2: // decoding: wrong MD5, then a payload that is not JSON (same record, in this order)
            add(withPayload("{\"chromium_event\": {}", "not json " + std::to_string(k), false), 2);
            expected.push_back(std::to_string(line - 1) + ": md5_mismatch");
            expected.push_back(std::to_string(line - 1) + ": bad_payload");
            break;
        case 3: // decoding: a stack frame whose file index the string table has only from the
                // second time on (the entry comes in case 4, before the next dynamo_start)
            add(header("{\"dynamo_start\": {\"stack\": [{\"line\": 3, \"name\": \"f\", \"filename\": " + std::to_string(1000 + k) +
                       "}]}, \"frame_id\": " + std::to_string(k) + ", \"frame_compile_id\": 0, \"attempt\": 0}") +
                    "\n",
                1);
            if (k == 3) expected.push_back(std::to_string(line) + ": bad_string_index");
            break;
        case 4: // a string table entry for the next dynamo_start, and a good artifact
            add(header("{\"str\": [\"file" + std::to_string(k) + ".py\", " + std::to_string(1000 + k + 4) + "]}") + "\n", 1);
            add(withPayload("{\"artifact\": {\"name\": \"x\", \"encoding\": \"json\"}", "{\"k\": " + std::to_string(k) + "}", true), 2);
            break;
        }
    }
    Imported r = importFile(d.write("order.log", body));
    EXPECT_EQ(r.report.lines, line);
    std::vector<std::string> got;
    for (const std::string& w : r.report.warnings) {
        const size_t at = w.find("order.log:");
        ASSERT_NE(at, std::string::npos) << w;
        std::string rest = w.substr(at + 10);
        const size_t kindEnd = rest.find(':', rest.find(": ") + 2);
        if (rest.find(": incomplete_compile") == std::string::npos) got.push_back(rest.substr(0, kindEnd));
    }
    // The report keeps the first ImportProblems::kMessagesPerKind messages of each kind.
    std::map<std::string, int> perKind;
    std::vector<std::string> kept;
    for (const std::string& e : expected)
        if (++perKind[e.substr(e.find(": ") + 2)] <= ImportProblems::kMessagesPerKind) kept.push_back(e);
    EXPECT_EQ(got, kept);
    EXPECT_EQ(r.problem("no_prefix"), 30);
    EXPECT_EQ(r.problem("bad_json"), 30);
    EXPECT_EQ(r.problem("md5_mismatch"), 30);
    EXPECT_EQ(r.problem("bad_payload"), 30);
    // Read in order by the stage: an entry resolves the frames of every later record, not earlier ones.
    EXPECT_EQ(r.problem("bad_string_index"), 1);
    // The assembler's own: each frame started and never finished (counted, not placed).
    EXPECT_EQ(r.problem("incomplete_compile"), 30);
    ASSERT_EQ(r.session.compiles.size(), 30u);
    EXPECT_EQ(r.session.compiles[1].stack.back().file, "file4.py");
}

TEST(TraceImportPipeline, StrictStopsAtTheFirstDecodingProblemWithItsLineAndLinesRead) {
    TempDir d;
    std::string body = header("{\"str\": [\"model.py\", 0]}") + "\n";
    for (int k = 0; k < 200; ++k) body += withPayload("{\"artifact\": {\"name\": \"x\", \"encoding\": \"json\"}", "{\"k\": 1}", true);
    body += header("{\"broken") + "\n"; // line 402
    for (int k = 0; k < 200; ++k) body += withPayload("{\"artifact\": {\"name\": \"x\", \"encoding\": \"json\"}", "{\"k\": 1}", true);
    ImportOptions o;
    o.strict = true;
    gs::session::SessionBuilder b;
    try {
        importTraceFile(d.write("strict.log", body), b, o);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("strict.log:402: bad_json"), std::string::npos) << what;
        // the record is complete once the next line is read: 403 lines, as line by line
        EXPECT_NE(what.find("(403 lines read)"), std::string::npos) << what;
    }
    EXPECT_EQ(b.session().info.status, gs::session::SessionStatus::Failed);
    EXPECT_EQ(b.session().records.size(), 201u); // the records before it, kept; none after
}

// The decoder writes the scalars of compilation_metrics without simdjson's string builder; the
// text must be what simdjson::minify gives for every kind of value (the store and the JSON
// export keep it).
TEST(TraceImportPipeline, MetricsValuesAreMinifiedExactlyAsSimdjsonDoes) {
    const std::string fields = R"({"a": 0, "b": -0, "c": 7, "d": -7, "e": 9223372036854775807, "f": -9223372036854775808, )"
                               R"("g": 18446744073709551615, "h": 1e3, "i": 1.50, "j": true, "k": false, "l": null, )"
                               R"("m": "x\n\u00e9\"", "n": [1, true, null], "o": {"p": -1}, "r": 2E-2, "s": -1.0})";
    TempDir d;
    const std::string body = header(R"({"str": ["model.py", 0]})") + "\n" +
                             header(R"({"dynamo_start": {"stack": [{"line": 3, "name": "f", "filename": 0}]}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})") +
                             "\n" + header(R"({"compilation_metrics": )" + fields + R"(, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})") + "\n";
    Imported r = importFile(d.write("m.log", body));
    ASSERT_EQ(r.session.compiles.size(), 1u);
    simdjson::dom::parser p;
    simdjson::dom::object expected;
    const simdjson::padded_string json(fields);
    ASSERT_FALSE(p.parse(json).get_object().get(expected));
    std::vector<gs::session::Metric> want;
    for (auto f : expected) want.push_back({std::string(f.key), simdjson::minify(f.value)});
    EXPECT_EQ(r.session.compiles[0].metrics, want);
}
