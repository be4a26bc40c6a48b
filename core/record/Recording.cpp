#include "core/record/Recording.h"

#include <exception>
#include <utility>

#include "core/session/ForwardingSink.h"

namespace gs::record {

// The sink writers write to: reports progress every kProgressCalls calls and notes how the
// writer ended the session, passing every event on.
class SessionRecorder::Front : public session::ForwardingSink {
public:
    Front(session::EventSink& next, const std::function<void(const Progress&)>& progress, session::SessionStatus& status)
        : ForwardingSink(next), progress_(progress), status_(status) {}
    void call(const session::Call& c) override {
        ForwardingSink::call(c);
        counted();
    }
    void repeatCall(const session::Call& c) override {
        ForwardingSink::repeatCall(c);
        counted();
    }
    // Front looks at no compile: the entry goes on to be taken (not copied) by the last sink.
    void takeCompile(session::CompileEntry&& c) override { next().takeCompile(std::move(c)); }
    void endSession(session::SessionStatus s) override {
        status_ = s;
        ForwardingSink::endSession(s);
    }

private:
    void counted() {
        if (progress_ && ++calls_ % RecordOptions::kProgressCalls == 0) progress_(Progress{calls_, -1, {}});
    }
    const std::function<void(const Progress&)>& progress_;
    session::SessionStatus& status_;
    int64_t calls_ = 0;
};

SessionRecorder::SessionRecorder(RecordOptions options) : options_(std::move(options)) {
    if (options_.store) {
        try {
            recorder_ = options_.store->startRecorder();
            if (options_.backgroundWrites) recorder_->writeInBackground();
            recorded_.recorderStarted = true;
        } catch (const std::exception& e) {
            recorded_.storeError = e.what();
        }
    }
    recorded_.callsDropped = options_.keepSession && options_.dropStoredCalls && recorder_;
    builder_.setKeepCalls(options_.keepCalls && !recorded_.callsDropped);
    builder_.setKeepRecords(options_.keepRecords);
    if (options_.keepSession) tee_.add(&builder_);
    if (options_.observer) tee_.add(options_.observer);
    // Last: the store's recorder keeps every compile entry until its batch is written, so it is
    // the one that takes what a writer hands over (takeCompile) instead of copying it.
    if (recorder_) tee_.add(recorder_.get());
    front_ = std::make_unique<Front>(tee_, options_.progress, recorded_.status);
}

SessionRecorder::~SessionRecorder() = default;

session::EventSink& SessionRecorder::sink() { return *front_; }

Recorded SessionRecorder::finish() {
    if (recorder_) {
        recorder_->flush();
        recorded_.sessionId = recorder_->sessionId();
        if (recorder_->failed()) recorded_.storeError = recorder_->error();
        else recorded_.storedId = recorded_.sessionId;
        recorder_.reset();
    }
    if (options_.keepSession) {
        recorded_.summary = builder_.summary();
        recorded_.session = builder_.take();
    }
    return std::move(recorded_);
}

namespace {

engine::RunOptions withCancel(engine::RunOptions run, const RecordOptions& options) {
    if (!run.cancelled) run.cancelled = options.cancelled;
    return run;
}

} // namespace

ScenarioRecording recordScenarioFile(const std::string& path, engine::RunOptions run, const RecordOptions& options) {
    SessionRecorder rec(options);
    ScenarioRecording out;
    out.run = engine::runScenarioFile(path, rec.sink(), withCancel(std::move(run), options));
    out.recorded = rec.finish();
    return out;
}

ScenarioRecording recordScenario(const std::string& fileName, const std::string& source, engine::RunOptions run,
                                 const RecordOptions& options) {
    SessionRecorder rec(options);
    ScenarioRecording out;
    out.run = engine::runScenario(fileName, source, rec.sink(), withCancel(std::move(run), options));
    out.recorded = rec.finish();
    return out;
}

ImportRecording recordImport(const std::string& path, trace::ImportOptions import, const RecordOptions& options,
                             const std::function<session::EventSink*(const std::string& file)>& observerFor) {
    ImportRecording out;
    std::unique_ptr<SessionRecorder> current;  // one session at a time: a finished one only keeps its Recorded
    std::string currentFile;
    auto finishCurrent = [&] {
        if (current) out.sessions.push_back(current->finish());
        current.reset();
    };
    auto makeSink = [&](const std::string& file) -> session::EventSink& {
        finishCurrent();
        RecordOptions o = options;
        o.observer = observerFor ? observerFor(file) : nullptr;
        o.progress = nullptr;  // imports report the fraction read, below
        o.backgroundWrites = true; // nothing reads the store while a log is imported
        current = std::make_unique<SessionRecorder>(std::move(o));
        currentFile = file;
        return current->sink();
    };
    if (!import.progress && (options.progress || options.cancelled)) {
        import.progress = [&](double fraction) {
            if (options.progress) options.progress(Progress{0, fraction, currentFile});
            return !(options.cancelled && options.cancelled());
        };
    }
    try {
        out.reports = trace::importTracePath(path, makeSink, import);
    } catch (const trace::TraceError& e) {
        out.error = e.what();
    }
    finishCurrent();
    return out;
}

} // namespace gs::record
