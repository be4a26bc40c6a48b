// A session's compile timeline as a Chrome trace (core/trace/ChromeTrace, issue 11 item 5).
#include <simdjson.h>

#include <gtest/gtest.h>

#include "core/trace/ChromeTrace.h"

using namespace gs;
using namespace gs::session;

namespace {

simdjson::dom::array eventsOf(simdjson::dom::parser& parser, const std::string& json) {
    simdjson::dom::element doc;
    EXPECT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
    simdjson::dom::array events;
    EXPECT_EQ(doc["traceEvents"].get(events), simdjson::SUCCESS) << json;
    return events;
}

TraceRecord record(int64_t seq, std::string body, std::string payload) {
    TraceRecord r;
    r.seq = seq;
    r.prefix = "V1206 15:18:15.925000 1500233 torch/_dynamo/utils.py:1288] ";
    r.body = std::move(body);
    r.hasPayload = !payload.empty();
    r.payload = std::move(payload);
    return r;
}

Session twoCompiles() {
    Session s;
    s.info.title = "t";
    s.frames.push_back({0, "f", "demo.py", 3});
    CompileEntry a, b;
    a.compileId = "0/0";
    a.compileTimeUs = 1500;
    b.compileId = "0/1";
    b.frameCompileId = 1;
    b.compileTimeUs = 2500;
    s.compiles = {a, b};
    Recompile r;
    r.compileId = "0/1";
    r.reasons.push_back({"0/0", "tensor 'x' size mismatch at index 0. expected 2, actual 3", ReasonCategory::SizeChange});
    s.recompiles.push_back(r);
    return s;
}

} // namespace

TEST(ChromeTrace, LoggedChromiumEventsAreTheTimeline) {
    trace::ChromeTrace t;
    t.addRecord(record(0, "{\"chromium_event\": {}, \"has_payload\": \"x\"}",
                       "{\n\"name\": \"dynamo\",\n\"ts\": 1733527095925179.5,\n\"args\": {\"compile_id\": \"0/0\"},\n\"ph\": \"B\",\n"
                       "\"cat\": \"dynamo_timed\",\n\"tid\": 0,\n\"pid\": 0\n}"));
    t.addRecord(record(1, "{\"dynamo_start\": {\"stack\": []}}", ""));
    t.addRecord(record(2, "{\"chromium_event\": {}, \"has_payload\": \"y\"}", "{\"name\": \"dynamo\", \"ts\": 17335270"));  // cut line
    t.addRecord(record(3, "{\"chromium_event\": {}, \"has_payload\": \"z\"}",
                       "{\"name\": \"dynamo\", \"ts\": 1733527096925179.5, \"ph\": \"E\", \"args\": {\"compile_id\": \"0/0\"}, \"tid\": 0, "
                       "\"pid\": 0}"));
    EXPECT_EQ(t.loggedEvents(), 2);
    EXPECT_EQ(t.skipped(), 1);
    simdjson::dom::parser parser;
    auto events = eventsOf(parser, t.finish(twoCompiles()));
    std::vector<std::string> phases;
    for (auto e : events) phases.emplace_back(std::string_view(e["ph"].get_string().value()));
    // The process name, then the two logged events as logged; nothing made up beside them.
    EXPECT_EQ(phases, (std::vector<std::string>{"M", "B", "E"}));
    EXPECT_EQ(events.at(1)["ts"].get_double().value(), 1733527095925179.5);
}

TEST(ChromeTrace, WithoutLoggedEventsEachCompileIsASpan) {
    Session s = twoCompiles();
    s.compiles[1].metrics = {{"start_time_us", "5000"}, {"duration_us", "4000"}, {"backend_compile_time_s", "0.003"},
                             {"inductor_compile_time_s", "0.002"}, {"code_gen_time_s", "null"}};
    trace::ChromeTrace t;
    simdjson::dom::parser parser;
    auto events = eventsOf(parser, t.finish(s));
    struct Ev {
        std::string name, ph, id;
        double ts, dur;
    };
    std::vector<Ev> got;
    for (auto e : events) {
        Ev v{std::string(e["name"].get_string().value()), std::string(e["ph"].get_string().value()), "", 0, 0};
        if (v.ph == "M") continue;
        v.ts = e["ts"].get_double().value();
        if (v.ph == "X") v.dur = e["dur"].get_double().value();
        v.id = std::string(e["args"]["compile_id"].get_string().value());
        got.push_back(v);
    }
    ASSERT_EQ(got.size(), 5u);
    // 0/0: no metrics, starts the clock at 0 and lasts its compile time.
    EXPECT_EQ(got[0].name, "dynamo");
    EXPECT_EQ(got[0].id, "0/0");
    EXPECT_EQ(got[0].ts, 0);
    EXPECT_EQ(got[0].dur, 1500);
    // 0/1: the recompile instant, then the logged span, then backend ⊃ inductor at its end;
    // code_gen is null and not drawn.
    EXPECT_EQ(got[1].name, "recompile");
    EXPECT_EQ(got[1].ph, "i");
    EXPECT_EQ(got[2].name, "dynamo");
    EXPECT_EQ(got[2].ts, 5000);
    EXPECT_EQ(got[2].dur, 4000);
    EXPECT_EQ(got[3].name, "backend_compile");
    EXPECT_EQ(got[3].ts, 6000);
    EXPECT_EQ(got[3].dur, 3000);
    EXPECT_EQ(got[4].name, "inductor_compile");
    EXPECT_EQ(got[4].ts, 7000);
    EXPECT_EQ(got[4].dur, 2000);
    std::string_view reason = events.at(2)["args"]["recompile_reason"].get_string().value();
    EXPECT_EQ(reason, "0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3");
}
