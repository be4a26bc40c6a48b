#pragma once
// An EventSink that passes every event on to another sink. Derive from it to look at or change
// some events (count calls for progress, drop call records, ...) and override only those,
// calling the base to pass them on: an event added to EventSink is added here once, and no
// filter forgets it. (ProgressSink once forwarded by hand and lost updateInfo.) A filter that
// overrides call() overrides repeatCall() too (it is a call as well).
#include "core/session/Session.h"

namespace gs::session {

class ForwardingSink : public EventSink {
public:
    explicit ForwardingSink(EventSink& next) : next_(next) {}
    void beginSession(const SessionInfo& i) override { next_.beginSession(i); }
    void frame(const Frame& f) override { next_.frame(f); }
    void recompile(const Recompile& r) override { next_.recompile(r); }
    void compile(const CompileEntry& c) override { next_.compile(c); }
    void call(const Call& c) override { next_.call(c); }
    void repeatCall(const Call& c) override { next_.repeatCall(c); }
    void shapeEvent(const ShapeEvent& e) override { next_.shapeEvent(e); }
    void log(const LogLine& l) override { next_.log(l); }
    void test(const TestResult& t) override { next_.test(t); }
    void record(const TraceRecord& r) override { next_.record(r); }
    void entryHits(const std::string& compileId, int64_t hits) override { next_.entryHits(compileId, hits); }
    void reset(const Reset& r) override { next_.reset(r); }
    void updateInfo(const SessionInfo& i) override { next_.updateInfo(i); }
    void endSession(SessionStatus s) override { next_.endSession(s); }

protected:
    EventSink& next() { return next_; }

private:
    EventSink& next_;
};

} // namespace gs::session
