// importTraceFile / importTracePath (TraceReader.h): one streaming pass per file. Lines are
// framed into records exactly as torch-trace-format §1.3.2 says — a glog header line, then the
// payload lines that start with one TAB (re-joined with "\n", MD5-checked against
// has_payload), blank lines skipped anywhere, CRLF accepted — then decoded (RecordDecoder) and
// assembled into session events (TraceAssembler).
#include "core/trace/TraceReader.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <memory>

#include "core/trace/GlogHeader.h"
#include "core/trace/ImportProblems.h"
#include "core/trace/LaneHasher.h"
#include "core/trace/LineReader.h"
#include "core/trace/Md5.h"
#include "core/trace/OrderedStage.h"
#include "core/trace/RecordDecoder.h"
#include "core/trace/TraceAssembler.h"

namespace gs::trace {
namespace fs = std::filesystem;
using namespace gs::session;

namespace {

constexpr size_t kMaxPayloadBytes = 256u << 20;   // larger payloads are hashed, not kept
constexpr size_t kMaxTextLinesBeforeRecords = 1000;
constexpr size_t kMaxEarlyBytes = 16u << 20;       // lines held before the first record, at most
constexpr size_t kPadding = 64;                    // simdjson::SIMDJSON_PADDING
constexpr size_t kWindowItems = 128;              // framed items waiting to be processed, at most ...
constexpr size_t kWindowBytes = 64u << 20;         // ... and their bytes (one bigger record still passes)
constexpr size_t kKeepCapacity = 1u << 20;         // a reused item keeps buffers up to this size
// The decoding stage runs kDecodeLag records behind the framer (enough payloads queued to keep
// the hashing lanes full: about a third of a log's records have one, so 16 left the 8 lanes
// half empty; 32 took ~12 % less CPU on the stage, measured on the 203 MB log; the 16 lanes of
// AVX-512 need 64, about 20 payloads ahead) and wakes up once
// per kDecodeBatch records. kDecodeLag + kDecodeBatch stays below kWindowItems: the stage is
// woken before the owner needs the oldest record. A window of 128 with batches of 32 (instead of
// 64 and 16) halves the wake-ups between the two threads: with the store's batches written on
// their own thread the import is CPU-bound on 2 cores, and each wake-up costs a futex call on
// both sides (bench_trace Rank1x57IntoStore 0.47-0.54 s against 0.52-0.65 s, interleaved).
constexpr uint64_t kDecodeLag = 64, kDecodeBatch = 32;
static_assert(kDecodeLag + kDecodeBatch < kWindowItems);

struct Cancelled {};

// Cancelling stops a whole directory import, not just the rank being read.
class ImportCancelled : public TraceError {
public:
    using TraceError::TraceError;
};

std::string nowIso() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// dedicated_log_torch_trace_rank_3_abc.log → 3; -1 without a rank.
int64_t rankOfFile(const std::string& name) {
    const std::string tag = "dedicated_log_torch_trace_rank_";
    size_t p = name.find(tag);
    if (p == std::string::npos) return -1;
    p += tag.size();
    int64_t r = 0;
    size_t d = p;
    while (d < name.size() && name[d] >= '0' && name[d] <= '9' && r < 1000000000) r = r * 10 + (name[d++] - '0');
    return d > p ? r : -1;
}

bool isTraceFileName(const std::string& name) {
    if (name.rfind("dedicated_log_torch_trace", 0) != 0) return false;
    for (const char* ext : {".log", ".log.gz", ".log.zst"})
        if (name.size() >= std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0) return true;
    return false;
}

// Reading is a pipeline over a window of framed records (issue 11 item 7):
//  - framing (calling thread): lines are joined into records (header + payload) and queued as
//    Items, with the problems found on the way (no_prefix, unexpected_payload, ...) queued in
//    their place; a record goes to the decoding stage as soon as it is complete;
//  - decoding (OrderedStage thread, records in file order, kDecodeLag behind the framer): the
//    payloads of the records it sees arriving are queued for hashing (LaneHasher); a record's
//    payload is hashed, side by side with the next ones, and its JSON decoded into the Item's
//    TraceEvent; the problems the decoder finds are collected with the Item, not reported;
//  - processing (calling thread): the oldest item's collected problems are reported, then it is
//    kept and assembled.
// Items are processed strictly in file order, and everything a processed item reports uses the
// line and byte counts stamped when it was framed, so problems (and their order), events, error
// messages and counts are exactly those of reading one line at a time; only hashing and
// decoding overlap. The decoder's state (string table, config) is touched by the stage alone.
class Importer {
public:
    Importer(const std::string& path, EventSink& sink, const ImportOptions& options, const std::string& group)
        : path_(path), options_(options), problems_(path, options.strict, report_), reader_(path), decoder_(decodeProblems_),
          assembler_(sink, makeInfo(path, group), problems_, report_) {
        report_.path = path;
        report_.rank = rankOfFile(fs::path(path).filename().string());
    }

    ImportReport run() {
        if (reader_.fileSize() == 0) throw TraceError(path_ + ": the file is empty; a TORCH_TRACE log has at least one record (0 lines read)");
        try {
            try {
                readAll();
            } catch (const Cancelled&) {
                drain(); // what was framed before the cancel is imported, as when read line by line
                stampReader();
                end(SessionStatus::Interrupted);
                throw ImportCancelled(path_ + ": import cancelled after " + std::to_string(lines_) + " lines");
            }
        } catch (const ImportCancelled&) {
            throw;
        } catch (const TraceError& e) {
            end(SessionStatus::Failed);
            throw TraceError(std::string(e.what()) + " (" + std::to_string(lines_) + " lines read)");
        } catch (...) {
            end(SessionStatus::Failed);
            throw;
        }
        if (!reader_.streamError().empty()) {
            // What was decoded before the damage is kept as a session: `interrupted` when the file
            // was cut (the run, or the copy, did not finish), `failed` when it is corrupt.
            const bool cut = reader_.streamTruncated();
            std::string msg = reader_.streamError() + " after " + std::to_string(lines_) + " lines (" +
                              std::to_string(report_.records) + " records)";
            if (assembler_.begun() || report_.records > 0) {
                end(cut ? SessionStatus::Interrupted : SessionStatus::Failed);
                msg += "; what was read is kept, marked " + std::string(toString(cut ? SessionStatus::Interrupted : SessionStatus::Failed));
            }
            throw TraceError(msg);
        }
        if (report_.records == 0) {
            std::string msg = path_ + ": not a TORCH_TRACE log: no line is a glog-prefixed JSON record (" +
                              std::to_string(lines_) + " lines read";
            if (!firstBadLine_.empty()) msg += "; line " + std::to_string(firstBadLineNo_) + ": \"" + firstBadLine_ + "\"";
            throw TraceError(msg + ")");
        }
        end(SessionStatus::Complete);
        return report_;
    }

    const ImportReport& report() const { return report_; }

private:
    // One framed line or record, or a problem found while framing, waiting to be processed.
    struct Item {
        enum class Kind : uint8_t { Record, Text, Problem } kind = Kind::Record;
        uint64_t stageJob = 0;                     // Record: its number in the decoding stage
        uint64_t hashTicket = 0;                   // Record: its payload's in the stage's LaneHasher
        std::unique_ptr<TraceEvent> event;         // Record: decoded by the stage (held apart: Items move cheaply)
        std::vector<FoundProblem> problems;        // Record: found while decoding, reported when processed
        bool decoded = false;
        int64_t readerLines = 0, readerBytes = 0; // the reader's counts when it was framed
        int64_t line = 0;                          // its (header) line
        std::string prefix, header, payload;       // Text: header is the content after the prefix
        std::string digest;                        // MD5 of an overflowing payload (hashed while framing)
        std::string key, problem;                  // Text: glog key; Problem: kind (detail in header)
        std::string compileId;                     // Record: TraceAssembler::compileIdOf its event (by the stage)
        int64_t payloadLines = 0;
        char level = 0;
        bool expectPayload = false, overflow = false, hashing = false;
    };

    static SessionInfo makeInfo(const std::string& path, const std::string& group) {
        SessionInfo info;
        info.kind = SessionKind::TorchTrace;
        std::error_code ec;
        fs::path abs = fs::absolute(path, ec);
        info.sourcePath = ec ? path : abs.lexically_normal().string();
        info.title = fs::path(path).filename().string();
        info.created = nowIso();
        info.status = SessionStatus::Running;
        info.group = group;
        int64_t rank = rankOfFile(info.title);
        if (rank >= 0) info.metadata["rank"] = std::to_string(rank);
        return info;
    }

    void end(SessionStatus status) {
        report_.bytes = bytes_;
        report_.lines = lines_;
        problems_.setStrict(false); // the partial session is kept; finishing must not throw
        assembler_.finish(status);
    }

    void stampReader() {
        lines_ = reader_.lineNumber();
        bytes_ = reader_.bytesRead();
    }

    // ---- framing -------------------------------------------------------------------------

    void readAll() {
        std::string_view line;
        bool truncated = false;
        int64_t nextProgress = 0;
        while (reader_.next(line, truncated)) {
            const int64_t no = reader_.lineNumber();
            if (truncated) queueProblem("line_too_long", no, "line cut at 64 MiB");
            if (options_.progress && reader_.bytesRead() >= nextProgress) {
                nextProgress = reader_.bytesRead() + (1 << 20);
                double f = reader_.fileSize() > 0 ? double(reader_.filePosition()) / double(reader_.fileSize()) : 0.0;
                if (!options_.progress(std::min(1.0, f))) throw Cancelled{};
            }
            if (line.empty()) continue; // blank lines, even inside payloads (§1.3.2)
            if (line.front() == '\t') {
                payloadLine(line.substr(1), no);
                continue;
            }
            endRecord();
            unexpectedRun_ = false;
            auto h = GlogHeader::parse(line);
            if (!h) {
                if (firstBadLine_.empty()) {
                    firstBadLine_ = printable(line.substr(0, 80));
                    firstBadLineNo_ = no;
                }
                queueProblem("no_prefix", no, "line has no glog prefix: \"" + printable(line.substr(0, 80)) + "\"");
                continue;
            }
            const std::string_view prefix = line.substr(0, static_cast<size_t>(h->content.data() - line.data()));
            if (h->content.empty() || h->content.front() != '{') {
                Item& t = fresh(Item::Kind::Text, no);
                t.prefix.assign(prefix);
                t.level = h->level;
                t.key.assign(prefix.substr(1)); // the level letter is compared separately
                t.header.assign(h->content);
                queue(t);
                continue;
            }
            Item& r = cur();
            r.kind = Item::Kind::Record;
            r.line = no;
            r.prefix.assign(prefix);
            r.header.reserve(h->content.size() + kPadding);
            r.header.assign(h->content);
            r.expectPayload = h->content.find("\"has_payload\"") != std::string_view::npos;
            r.payload.clear();
            r.payloadLines = 0;
            r.overflow = false;
            active_ = true;
        }
        endRecord();
        drain();
        stampReader();
        flushEarlyText();
    }

    static std::string printable(std::string_view s) {
        std::string out;
        for (unsigned char c : s) out += (c >= 0x20 && c < 0x7f) ? char(c) : '?';
        return out;
    }

    void payloadLine(std::string_view text, int64_t no) {
        // Every payload line comes here: cur_ is read directly (active_ means it is the record
        // being framed), not through cur(), whose out-of-line call with its large frame showed.
        if (!active_ || !cur_.expectPayload) {
            if (!unexpectedRun_) queueProblem("unexpected_payload", no, "payload line without a record that has has_payload");
            unexpectedRun_ = true;
            return;
        }
        Item& r = cur_;
        if (!r.overflow && r.payload.size() + text.size() + 1 > kMaxPayloadBytes) {
            r.overflow = true;
            md5_.reset();
            md5_.update(r.payload);
            r.payload.clear();
            r.payload.shrink_to_fit();
            queueProblem("payload_too_large", r.line, "payload larger than 256 MiB: checked, not kept");
        }
        if (r.overflow) {
            if (r.payloadLines > 0) md5_.update("\n", 1);
            md5_.update(text);
        } else {
            if (r.payloadLines > 0) r.payload.push_back('\n');
            r.payload.append(text);
        }
        ++r.payloadLines;
    }

    // The record being framed is complete: queue it and hand it to the decoding stage.
    void endRecord() {
        if (!active_) return;
        active_ = false;
        Item& r = cur();
        r.readerLines = reader_.lineNumber();
        r.readerBytes = reader_.bytesRead();
        r.digest.clear();
        r.hashing = false;
        if (r.expectPayload) {
            if (r.overflow) {
                r.digest = md5_.hexDigest();
            } else {
                r.payload.reserve(r.payload.size() + kPadding); // before the stage reads it: no reallocation after
                r.hashing = true;
            }
        }
        window_.push_back(std::move(r));
        haveCur_ = false;
        Item& queued = window_.back();
        queuedBytes_ += queued.payload.size() + queued.header.size();
        if (!stage_)
            stage_ = std::make_unique<OrderedStage<Item>>([this](Item& it) { decodeRecord(it); }, kDecodeBatch, kDecodeLag,
                                                          [this](Item& it) { arriving(it); });
        queued.stageJob = stage_->submit(queued);
        pump();
    }

    // The item being framed (a record's lines arrive one by one).
    Item& cur() {
        if (!haveCur_) {
            cur_ = recycled();
            haveCur_ = true;
        }
        return cur_;
    }

    Item recycled() {
        if (spare_.empty()) return Item{};
        Item it = std::move(spare_.back());
        spare_.pop_back();
        return it;
    }

    // A whole item framed from one line (text or problem), stamped with the reader's counts.
    Item& fresh(Item::Kind kind, int64_t line) {
        staged_ = recycled();
        staged_.kind = kind;
        staged_.payload.clear();
        staged_.payloadLines = 0;
        staged_.expectPayload = staged_.overflow = staged_.hashing = false;
        staged_.line = line;
        staged_.readerLines = reader_.lineNumber();
        staged_.readerBytes = reader_.bytesRead();
        return staged_;
    }

    void queue(Item& it) {
        queuedBytes_ += it.header.size();
        window_.push_back(std::move(it));
        pump();
    }

    void queueProblem(std::string_view kind, int64_t line, std::string_view detail) {
        Item& p = fresh(Item::Kind::Problem, line);
        p.problem.assign(kind);
        p.header.assign(detail);
        queue(p);
    }

    // ---- processing ----------------------------------------------------------------------

    // Processes the oldest items while the window is full: at most kWindowItems items and
    // kWindowBytes bytes wait (memory stays bounded; the stage keeps up to kWindowItems in flight).
    void pump() {
        while (!window_.empty() && (window_.size() > kWindowItems || queuedBytes_ > kWindowBytes)) processOldest();
    }

    void drain() {
        while (!window_.empty()) processOldest();
    }

    // On the stage's thread, records in order: queued for hashing as they arrive ...
    void arriving(Item& it) {
        if (it.hashing) it.hashTicket = hasher_.add(it.payload, &it.digest);
    }

    // ... then hashed and decoded (problems collected, in order).
    void decodeRecord(Item& it) {
        if (it.hashing) hasher_.finish(it.hashTicket);
        it.problems.clear();
        decodeProblems_.collectInto(&it.problems);
        if (!it.event) it.event = std::make_unique<TraceEvent>();
        it.decoded = decoder_.decode(it.line, it.header, it.expectPayload ? &it.payload : nullptr, !it.overflow, it.digest, *it.event);
        decodeProblems_.collectInto(nullptr);
        if (it.decoded) it.compileId = TraceAssembler::compileIdOf(*it.event); // a pure function of the event: off the owner's thread
        else it.compileId.clear();
    }

    void processOldest() {
        Item& it = window_.front();
        lines_ = it.readerLines;
        bytes_ = it.readerBytes;
        struct Recycle { // also when processing throws (strict mode): the window stays consistent
            Importer& self;
            ~Recycle() {
                Item& done = self.window_.front();
                self.queuedBytes_ -= done.payload.size() + done.header.size();
                if (done.payload.capacity() > kKeepCapacity) std::string().swap(done.payload);
                if (done.header.capacity() > kKeepCapacity) std::string().swap(done.header);
                if (self.spare_.size() < kWindowItems + 2) self.spare_.push_back(std::move(done));
                self.window_.pop_front();
            }
        } recycle{*this};
        switch (it.kind) {
        case Item::Kind::Problem: problems_.add(it.problem, it.line, it.header); break;
        case Item::Kind::Text: processText(it); break;
        case Item::Kind::Record: processRecord(it); break;
        }
    }

    void processRecord(Item& it) {
        stage_->wait(it.stageJob); // rethrows what decoding threw, here, as inline decoding would
        for (const FoundProblem& p : it.problems) problems_.add(p.kind, p.line, p.detail);
        const bool decoded = it.decoded;
        TraceEvent& event = *it.event;
        if (decoded) {
            ++report_.records;
            flushEarlyText();
        }
        // Every record is kept verbatim, also one whose JSON could not be read (§1.3.2).
        record_.line = it.line;
        record_.compileId.swap(it.compileId); // decodeRecord's; what it.compileId gets back is overwritten there
        record_.hasPayload = it.expectPayload || it.payloadLines > 0;
        record_.payloadKept = !it.overflow;
        record_.prefix.swap(it.prefix); // lent to the record for the call, no copy
        record_.body.swap(it.header);
        record_.payload.swap(it.payload);
        keepRecord();
        record_.prefix.swap(it.prefix);
        record_.body.swap(it.header);
        record_.payload.swap(it.payload);
        if (!decoded) return;
        event.record = lastRecordSeq_;
        event.bytes = int64_t(event.hasPayload ? it.payload.size() : it.header.size());
        assembler_.onEvent(event);
    }

    // Sends record_ to the session, or holds a copy while no record has been read (a file without
    // any record begins no session).
    void keepRecord() {
        if (report_.records == 0) {
            if (earlyText_.size() < kMaxTextLinesBeforeRecords && earlyBytes_ < kMaxEarlyBytes) {
                earlyBytes_ += record_.body.size() + record_.payload.size();
                earlyText_.push_back({0, {}, {}, record_});
            }
            return;
        }
        lastRecordSeq_ = assembler_.onRecord(record_);
    }

    // TORCH_LOGS text mixed into the file. Before the first record it is held back (a bounded
    // number of lines), so that a file without any record does not begin a session.
    void processText(Item& it) {
        record_.line = it.line;
        record_.prefix.swap(it.prefix);
        record_.compileId.clear();
        record_.body.assign(it.header);
        record_.hasPayload = false;
        record_.payloadKept = true;
        record_.payload.clear();
        if (report_.records == 0) {
            if (earlyText_.size() < kMaxTextLinesBeforeRecords && earlyBytes_ < kMaxEarlyBytes) {
                earlyBytes_ += record_.body.size();
                earlyText_.push_back({it.level, it.key, it.header, record_});
            }
        } else {
            lastRecordSeq_ = assembler_.onRecord(record_);
            assembler_.onText(it.level, it.key, it.header);
        }
        record_.prefix.swap(it.prefix);
    }

    void flushEarlyText() {
        if (report_.records == 0) return;
        for (auto& t : earlyText_) {
            assembler_.onRecord(t.record);
            if (t.level) assembler_.onText(t.level, t.key, t.content);
        }
        earlyText_.clear();
        earlyBytes_ = 0;
    }

    // A line read before the first record: a text line (level set) or a record whose JSON
    // could not be read (level 0).
    struct Text {
        char level;
        std::string key, content;
        TraceRecord record;
    };

    std::string path_;
    ImportOptions options_;
    ImportReport report_;
    ImportProblems problems_;
    LineReader reader_;
    ImportProblems decodeProblems_;         // the stage's: collects into the Item being decoded
    RecordDecoder decoder_;                 // used on the stage's thread only
    TraceAssembler assembler_;
    TraceRecord record_;
    int64_t lastRecordSeq_ = -1;
    size_t earlyBytes_ = 0;
    Md5 md5_;                               // an overflowing payload, hashed as it is framed
    LaneHasher hasher_;                     // used on the stage's thread only
    std::deque<Item> window_;               // framed, not processed yet (stable references for the stage)
    std::vector<Item> spare_;               // processed items, their buffers reused
    Item cur_, staged_;
    size_t queuedBytes_ = 0;
    bool haveCur_ = false, active_ = false, unexpectedRun_ = false;
    int64_t lines_ = 0, bytes_ = 0;         // the reader's counts at the item being processed
    int64_t firstBadLineNo_ = 0;
    std::string firstBadLine_;
    std::vector<Text> earlyText_;
    // Last: destroyed (stopped and joined) first, while the items, the hasher and the decoder it
    // uses are still there — also when an error unwinds the import with items in the window.
    std::unique_ptr<OrderedStage<Item>> stage_;
};

ImportReport importOne(const std::string& path, EventSink& sink, const ImportOptions& options, const std::string& group) {
    Importer importer(path, sink, options, group);
    return importer.run();
}

} // namespace

ImportReport importTraceFile(const std::string& path, EventSink& sink, const ImportOptions& options) {
    return importOne(path, sink, options, "");
}

std::vector<ImportReport> importTracePath(const std::string& path, const std::function<EventSink&(const std::string&)>& makeSink,
                                          const ImportOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {importOne(path, makeSink(path), options, "")};
    std::vector<std::pair<int64_t, std::string>> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        if (isTraceFileName(name) && !entry.is_directory()) files.emplace_back(rankOfFile(name), entry.path().string());
    }
    if (ec) throw TraceError(path + ": cannot list the directory: " + ec.message());
    if (files.empty())
        throw TraceError(path + ": no dedicated_log_torch_trace_rank_N*.log files in this directory (TORCH_TRACE writes one per process)");
    std::sort(files.begin(), files.end());
    std::string group = fs::absolute(path, ec).lexically_normal().string();
    if (!group.empty() && group.back() == '/') group.pop_back();
    std::vector<ImportReport> reports;
    for (const auto& [rank, file] : files) {
        EventSink& sink = makeSink(file);
        std::unique_ptr<Importer> importer;
        try {
            importer = std::make_unique<Importer>(file, sink, options, group);
            reports.push_back(importer->run());
        } catch (const ImportCancelled&) {
            throw;
        } catch (const TraceError& e) {
            // one bad rank file (empty, cut, not a log) must not hide the others (issue 11 item 3)
            ImportReport r = importer ? importer->report() : ImportReport{};
            r.path = file;
            r.rank = rank;
            r.error = e.what();
            reports.push_back(std::move(r));
        }
    }
    return reports;
}

} // namespace gs::trace
