#pragma once
// Recording a session, once for every main (the CLI's run and import, the GUI's CoreBackend):
// a scenario or a TORCH_TRACE log goes in; the session comes out to the history store, to an
// in-memory Session when wanted, to an observer sink, and as progress. Each main only says
// where things go and prints the outcome its own way.
//
//   record::RecordOptions o;
//   o.store = store.get();                     // null: not recorded in the history
//   record::SessionRecorder rec(o);            // starts the store's recorder
//   engine::runScenarioFile(path, rec.sink(), runOptions);
//   record::Recorded r = rec.finish();         // r.session, r.storedId, r.storeError
//
// or in one call: recordScenarioFile / recordScenario / recordImport below. The chain of sinks
// is built here and nowhere else: the writer writes to a ForwardingSink (progress, cancel)
// that feeds a TeeSink of the SessionBuilder, the observer and the store's Recorder.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "core/store/SessionStore.h"
#include "core/trace/TraceReader.h"

namespace gs::record {

// How far a recording got: calls so far (scenarios) or the fraction of the input read
// (imports, -1 when unknown).
struct Progress {
    int64_t calls = 0;
    double fraction = -1;
    std::string file;  // the file being imported (imports)
};

struct RecordOptions {
    store::SessionStore* store = nullptr;       // the history to record into; null: not recorded
    bool keepSession = true;                    // build the whole Session in memory
    bool keepCalls = true;                      // with keepSession: keep every call record
    // With keepSession: calls are not kept in memory when the store's recorder started (they
    // are read back from the store, page by page: a run of millions of calls holds no per-call
    // memory). When it could not start, keepCalls decides.
    bool dropStoredCalls = false;
    bool keepRecords = true;                    // with keepSession: keep an import's verbatim records
    session::EventSink* observer = nullptr;     // also sees every event (e.g. counting)
    std::function<void(const Progress&)> progress;  // every kProgressCalls calls; import fractions
    std::function<bool()> cancelled;            // polled; true stops the run or the import
    // The store's batches are written on a thread of its recorder (Recorder::writeInBackground):
    // nothing else may use the store until the recording is finished. recordImport sets it.
    bool backgroundWrites = false;
    static constexpr int64_t kProgressCalls = 4096;
};

// One recorded session.
struct Recorded {
    session::Session session;                   // empty unless keepSession
    session::Summary summary;                   // with keepSession: counts every call, kept or not
    bool callsDropped = false;                  // session.calls left out (dropStoredCalls)
    int64_t storedId = 0;                       // its id in the store; 0: not (completely) recorded
    int64_t sessionId = 0;                      // the id the store gave it, also when not complete
    bool recorderStarted = false;               // the store's recorder could be started
    std::string storeError;                     // why it is not (completely) in the store; empty if it is
    session::SessionStatus status = session::SessionStatus::Running;  // as the writer ended it
};

class SessionRecorder {
public:
    explicit SessionRecorder(RecordOptions options);
    ~SessionRecorder();
    SessionRecorder(const SessionRecorder&) = delete;
    SessionRecorder& operator=(const SessionRecorder&) = delete;

    // What the engine or the importer writes to.
    session::EventSink& sink();
    // The store problem so far (a recorder that could not start says so here at once).
    const std::string& storeError() const { return recorded_.storeError; }
    bool recording() const { return recorder_ != nullptr; }
    // Flushes the store's recorder and hands back the session. Call once.
    Recorded finish();

private:
    class Front;
    RecordOptions options_;
    session::SessionBuilder builder_;
    std::unique_ptr<store::Recorder> recorder_;
    session::TeeSink tee_;
    std::unique_ptr<Front> front_;
    Recorded recorded_;
};

struct ScenarioRecording {
    engine::RunResult run;
    Recorded recorded;
};

// Runs a scenario (a file, or the text of one) and records it. `run.cancelled` defaults to
// options.cancelled.
ScenarioRecording recordScenarioFile(const std::string& path, engine::RunOptions run, const RecordOptions& options);
ScenarioRecording recordScenario(const std::string& fileName, const std::string& source, engine::RunOptions run,
                                 const RecordOptions& options);

struct ImportRecording {
    std::vector<trace::ImportReport> reports;   // one per file read to the end
    std::vector<Recorded> sessions;             // one per file begun (the last may be partial)
    std::string error;                          // set when the import stopped (trace::TraceError)
};

// Imports a TORCH_TRACE file, or a directory with one log per rank (one session each).
// `observerFor(file)`, when given, returns an extra sink for that file's session (it must
// outlive the call). options.observer is not used here. A TraceError does not escape: it is
// returned in `error`, with what was read before it recorded.
ImportRecording recordImport(const std::string& path, trace::ImportOptions import, const RecordOptions& options,
                             const std::function<session::EventSink*(const std::string& file)>& observerFor = {});

} // namespace gs::record
