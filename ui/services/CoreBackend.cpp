// The production DataBackend over core/engine, core/trace, core/store and core/lang (all linked:
// a GUI without its engine does not build).
#include "ui/services/DataBackend.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <atomic>
#include <deque>
#include <exception>

#include "core/engine/ScenarioRunner.h"
#include "core/lang/Parser.h"
#include "core/record/Recording.h"
#include "core/store/StoreCallPages.h"
#include "core/trace/TraceReader.h"

namespace gs::ui {
namespace {

// "file.py:12:5: error: message" (lang::formatDiagnostic) or "file.py:12: message".
SourceError parseLocation(const QString& text, const QString& fileName) {
    static const QRegularExpression loc(QStringLiteral(R"(^(.*?):(\d+)(?::(\d+))?:\s*(?:error:\s*)?(.*)$)"),
                                        QRegularExpression::MultilineOption);
    SourceError e;
    auto it = loc.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString file = m.captured(1);
        // Prefer the scenario's own file; tracebacks name other files too.
        if (!file.endsWith(QFileInfo(fileName).fileName()) && !fileName.endsWith(file)) continue;
        e.line = m.captured(2).toInt();
        e.column = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
        e.message = m.captured(4).trimmed();
    }
    if (e.line == 0) e.message = text.section(u'\n', 0, 0);
    return e;
}

class CoreBackend : public DataBackend {
public:
    explicit CoreBackend(QString storePath) : storePath_(std::move(storePath)) {}

    bool canRunScenarios() const override {
        return true;
    }
    bool canImportTraces() const override {
        return true;
    }
    bool hasStore() const override {
        return true;
    }

    LoadResult runScenario(const QString& fileName, const QString& source, bool record, const CancelFn& cancelled,
                           const ProgressFn& progress) override {
        LoadResult out;
        // Parse first: a syntax error is shown in the editor at once, and the last good
        // session stays on screen instead of an empty failed run.
        try {
            lang::parseModule(source.toStdString(), fileName.toStdString());
        } catch (const lang::SyntaxError& e) {
            const auto& d = e.diagnostic();
            out.sourceError = {d.line, d.col, QString::fromStdString(d.message), true};
            out.error = QString::fromStdString(e.what());
            out.exitCode = 2;
            return out;
        } catch (const std::exception& e) {
            out.error = QStringLiteral("The parser failed: %1").arg(QString::fromUtf8(e.what()));
            return out;
        }
        try {
            record::RecordOptions recordOptions;
            if (record) recordOptions.store = openStore(out.warnings);
            // Recorded calls stream to the store and are not kept here: the session is shown
            // from the store afterwards (page by page when big), so memory stays flat.
            recordOptions.dropStoredCalls = true;
            recordOptions.progress = [&progress](const record::Progress& p) {
                if (progress) progress(-1, QStringLiteral("%1 calls").arg(p.calls));
            };
            engine::RunOptions options;
            options.logChannels = {"recompiles", "guards", "dynamic", "graph_breaks"};
            options.out = [&out](std::string_view s) { out.output += QString::fromUtf8(s.data(), qsizetype(s.size())); };
            options.logOut = [](std::string_view) {}; // the session keeps the log lines
            options.cancelled = cancelled;
            record::ScenarioRecording rec =
                record::recordScenario(fileName.toStdString(), source.toStdString(), options, recordOptions);
            const engine::RunResult& rr = rec.run;
            if (recordOptions.store && !rec.recorded.recorderStarted)
                out.warnings << QStringLiteral("This run is not saved to the history: %1").arg(QString::fromStdString(rec.recorded.storeError));
            out.exitCode = rr.exitCode;
            out.cancelled = cancelled && cancelled();
            if (!rr.error.empty()) {
                out.error = QString::fromStdString(rr.error);
                out.sourceError = parseLocation(out.error, fileName);
                out.sourceError.syntax = rr.exitCode == 2;
            }
            if (rec.recorded.recorderStarted) {
                out.storedId = rec.recorded.sessionId;
                if (!rec.recorded.storeError.empty()) out.warnings << QString::fromStdString(rec.recorded.storeError);
            }
            out.session = std::make_shared<session::Session>(std::move(rec.recorded.session));
            if (rec.recorded.callsDropped) attachStoredCalls(out, rec.recorded.summary.calls);
            if (out.session->info.title.empty()) out.session->info.title = QFileInfo(fileName).fileName().toStdString();
            if (out.session->info.sourcePath.empty()) out.session->info.sourcePath = fileName.toStdString();
            if (out.session->info.sourceText.empty()) out.session->info.sourceText = source.toStdString();
            out.session->info.id = out.storedId;
        } catch (const std::exception& e) {
            out.error = QStringLiteral("The scenario could not be run: %1").arg(QString::fromUtf8(e.what()));
        }
        return out;
    }

    // A file, or a TORCH_TRACE directory with one log per rank (one session each, all in the
    // history); the first session is shown.
    LoadResult importTrace(const QString& path, bool record, const CancelFn& cancelled, const ProgressFn& progress) override {
        LoadResult out;
        try {
            record::RecordOptions recordOptions;
            if (record) recordOptions.store = openStore(out.warnings);
            // a recorded log's records are read back from the history when shown (ArtifactsView)
            recordOptions.keepRecords = recordOptions.store == nullptr;
            recordOptions.progress = [&](const record::Progress& p) {
                if (progress) progress(p.fraction, QStringLiteral("Importing %1").arg(QFileInfo(path).fileName()));
            };
            recordOptions.cancelled = cancelled;
            std::deque<session::RankProfile> profiles;  // one per file; stable addresses: the importer holds them
            record::ImportRecording imported = record::recordImport(path.toStdString(), trace::ImportOptions{}, recordOptions,
                                                                    [&](const std::string&) { return &profiles.emplace_back(); });
            if (!imported.error.empty()) {
                out.error = QStringLiteral("%1 could not be imported: %2").arg(path, QString::fromStdString(imported.error));
                return out;
            }
            const auto& reports = imported.reports;
            auto& sessions = imported.sessions;
            for (const auto& report : reports)
                for (const auto& w : report.warnings) out.warnings << QString::fromStdString(w);
            out.cancelled = cancelled && cancelled();
            if (sessions.empty()) {
                out.error = QStringLiteral("%1 holds no TORCH_TRACE log.").arg(path);
                return out;
            }
            for (const auto& r : sessions)
                if (!r.storeError.empty()) out.warnings << QString::fromStdString(r.storeError);
            // A folder: every rank for the overview, a bad rank file said (the others are imported).
            const bool folder = QFileInfo(path).isDir();
            size_t shown = sessions.size();
            for (size_t i = 0; i < profiles.size() && i < reports.size() && i < sessions.size(); ++i) {
                session::RankProfile& p = profiles[i];
                p.rank = reports[i].rank;
                p.path = reports[i].path;
                p.error = reports[i].error;
                if (sessions[i].storedId > 0) p.sessionId = sessions[i].storedId;
                if (!p.error.empty()) out.warnings.prepend(QString::fromStdString(p.error));
                else if (shown == sessions.size()) shown = i;
                if (folder) out.ranks.push_back(p);
            }
            if (shown == sessions.size()) {
                out.error = QStringLiteral("No rank of %1 could be imported: %2").arg(path, out.warnings.value(0));
                return out;
            }
            if (sessions.size() > 1)
                out.warnings << QStringLiteral("%1 ranks imported; see the Ranks view.").arg(sessions.size());
            record::Recorded& first = sessions[shown];
            if (first.recorderStarted) out.storedId = first.sessionId;
            out.session = std::make_shared<session::Session>(std::move(first.session));
            if (out.session->info.title.empty()) out.session->info.title = QFileInfo(path).fileName().toStdString();
            out.session->info.id = out.storedId;
        } catch (const std::exception& e) {
            out.error = QStringLiteral("%1 could not be imported: %2").arg(path, QString::fromUtf8(e.what()));
        }
        return out;
    }

    std::vector<store::SessionRow> listSessions() override { return requireStore().list(); }
    // Without the log's records: the artifacts view reads the one it shows (records()).
    session::Session loadSession(int64_t id) override {
        store::SessionStore& st = requireStore();
        session::Session s = st.loadWithoutCalls(id);
        s.calls = st.calls(id, INT64_MIN, INT64_MAX);
        s.info.id = id;
        return s;
    }
    std::shared_ptr<session::CallPages> callPages(int64_t id) override {
        if (requireStore().callCount(id) < kPagedCalls) return nullptr;
        return store::StoreCallPages::open(requireStore().path(), id);
    }
    session::Session loadSessionWithoutCalls(int64_t id) override {
        session::Session s = requireStore().loadWithoutCalls(id);
        s.info.id = id;
        return s;
    }
    std::vector<session::TraceRecord> records(int64_t id, int64_t firstSeq, int64_t count) override {
        return requireStore().records(id, firstSeq, count);
    }
    void renameSession(int64_t id, const std::string& title) override { requireStore().rename(id, title); }
    void removeSession(int64_t id) override { requireStore().remove(id); }
    int64_t saveSession(const session::Session& s) override { return requireStore().save(s); }
    QString storeLocation() const override {
        return storePath_.isEmpty() ? QString::fromStdString(store::SessionStore::defaultPath()) : storePath_;
    }

private:
    // A recorded run's calls, from the store: pages when the session is big, else read whole.
    // If the recording failed the calls are lost to this view (the warning says so).
    void attachStoredCalls(LoadResult& out, int64_t calls) {
        if (out.storedId <= 0) return;
        try {
            store::SessionStore& st = requireStore();
            if (calls >= kPagedCalls) out.pages = store::StoreCallPages::open(st.path(), out.storedId);
            if (!out.pages) out.session->calls = st.calls(out.storedId, INT64_MIN, INT64_MAX);
        } catch (const std::exception& e) {
            out.warnings << QStringLiteral("The recorded calls could not be read back: %1").arg(QString::fromUtf8(e.what()));
        }
    }

    // Opens the database on first use, on the data thread (never on the UI thread).
    store::SessionStore* openStore(QStringList& warnings) {
        try {
            return &requireStore();
        } catch (const std::exception& e) {
            warnings << QString::fromUtf8(e.what());
            return nullptr;
        }
    }
    store::SessionStore& requireStore() {
        if (!store_) store_ = store::SessionStore::open(storeLocation().toStdString());
        return *store_;
    }

    QString storePath_;
    std::unique_ptr<store::SessionStore> store_;
};

} // namespace

std::unique_ptr<DataBackend> makeCoreBackend(const QString& storePath) {
    return std::make_unique<CoreBackend>(storePath);
}

} // namespace gs::ui
