// ForwardingSink and TeeSink pass every EventSink event on (a filter that forgets one loses data).
#include "core/session/ForwardingSink.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace gs::session;

namespace {

struct EventLog : EventSink {
    std::vector<std::string> seen;
    void beginSession(const SessionInfo&) override { seen.push_back("beginSession"); }
    void frame(const Frame&) override { seen.push_back("frame"); }
    void recompile(const Recompile&) override { seen.push_back("recompile"); }
    void compile(const CompileEntry&) override { seen.push_back("compile"); }
    void call(const Call&) override { seen.push_back("call"); }
    void repeatCall(const Call&) override { seen.push_back("repeatCall"); }
    void shapeEvent(const ShapeEvent&) override { seen.push_back("shapeEvent"); }
    void log(const LogLine&) override { seen.push_back("log"); }
    void test(const TestResult&) override { seen.push_back("test"); }
    void record(const TraceRecord&) override { seen.push_back("record"); }
    void entryHits(const std::string&, int64_t) override { seen.push_back("entryHits"); }
    void reset(const Reset&) override { seen.push_back("reset"); }
    void updateInfo(const SessionInfo&) override { seen.push_back("updateInfo"); }
    void endSession(SessionStatus) override { seen.push_back("endSession"); }
};

void sendEveryEvent(EventSink& s) {
    s.beginSession({});
    s.frame({});
    s.recompile({});
    s.compile({});
    s.call({});
    s.repeatCall({});
    s.shapeEvent({});
    s.log({});
    s.test({});
    s.record({});
    s.entryHits("0/0", 1);
    s.reset({});
    s.updateInfo({});
    s.endSession(SessionStatus::Complete);
}

const std::vector<std::string> kEveryEvent = {"beginSession", "frame", "recompile", "compile", "call", "repeatCall", "shapeEvent",
                                              "log", "test", "record", "entryHits", "reset", "updateInfo",
                                              "endSession"};

} // namespace

TEST(ForwardingSink, PassesEveryEventOn) {
    EventLog next;
    ForwardingSink f(next);
    sendEveryEvent(f);
    EXPECT_EQ(next.seen, kEveryEvent);
}

TEST(TeeSink, PassesEveryEventToEverySink) {
    EventLog a, b;
    TeeSink tee;
    tee.add(&a);
    tee.add(&b);
    sendEveryEvent(tee);
    EXPECT_EQ(a.seen, kEveryEvent);
    EXPECT_EQ(b.seen, kEveryEvent);
}

TEST(EventSink, ARepeatedCallIsACallToASinkThatDoesNotAskForRepeats) {
    struct Calls : EventSink {
        std::vector<int64_t> indexes;
        void call(const Call& c) override { indexes.push_back(c.index); }
    } calls;
    ForwardingSink f(calls);
    f.call(Call{.index = 1});
    f.repeatCall(Call{.index = 2});
    EXPECT_EQ(calls.indexes, (std::vector<int64_t>{1, 2}));
    SessionBuilder b;
    b.call(Call{.index = 1});
    b.repeatCall(Call{.index = 2});
    ASSERT_EQ(b.session().calls.size(), 2u);
    EXPECT_EQ(b.session().calls[1].index, 2);
    EXPECT_EQ(b.summary().calls, 2);
}

// takeCompile: a writer done with its entry hands it over; the sink that keeps entries takes it
// (no copy), every sink still sees it, and a filter that looks at compile() is not bypassed.
TEST(EventSink, ATakenCompileReachesEverySinkAndTheLastTakesIt) {
    struct Taker : EventSink {
        std::vector<std::string> seen;
        CompileEntry kept;
        void compile(const CompileEntry& c) override { seen.push_back("compile " + c.compileId); }
        void takeCompile(CompileEntry&& c) override {
            seen.push_back("take " + c.compileId);
            kept = std::move(c);
        }
    };
    CompileEntry entry;
    entry.compileId = "0/1";
    entry.guardsText = std::string(1000, 'g');
    Taker first, last;
    TeeSink tee;
    tee.add(&first);
    tee.add(&last);
    tee.takeCompile(std::move(entry));
    EXPECT_EQ(first.seen, std::vector<std::string>{"compile 0/1"});
    EXPECT_EQ(last.seen, std::vector<std::string>{"take 0/1"});
    EXPECT_EQ(last.kept.guardsText, std::string(1000, 'g'));

    // A sink that does not take entries gets compile(); so does a filter's own compile().
    EventLog plain;
    plain.takeCompile(CompileEntry{});
    EXPECT_EQ(plain.seen, std::vector<std::string>{"compile"});
    struct Filter : ForwardingSink {
        using ForwardingSink::ForwardingSink;
        int looked = 0;
        void compile(const CompileEntry& c) override {
            ++looked;
            ForwardingSink::compile(c);
        }
    };
    Taker behind;
    Filter filter(behind);
    CompileEntry second;
    second.compileId = "1/0";
    filter.takeCompile(std::move(second));
    EXPECT_EQ(filter.looked, 1);
    EXPECT_EQ(behind.seen, std::vector<std::string>{"compile 1/0"});
}
