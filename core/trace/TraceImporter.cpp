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
#include <filesystem>
#include <memory>

#include "core/trace/GlogHeader.h"
#include "core/trace/ImportProblems.h"
#include "core/trace/LineReader.h"
#include "core/trace/Md5.h"
#include "core/trace/PayloadHasher.h"
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
constexpr size_t kInlineHashBytes = 16u << 10;     // smaller payloads are hashed in line (thread hop not worth it)
constexpr size_t kHashLag = 32;                    // big payloads' MD5s are checked this many later

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

class Importer {
public:
    Importer(const std::string& path, EventSink& sink, const ImportOptions& options, const std::string& group)
        : path_(path), options_(options), problems_(path, options.strict, report_), reader_(path), decoder_(problems_),
          assembler_(sink, makeInfo(path, group), problems_, report_) {
        report_.path = path;
        report_.rank = rankOfFile(fs::path(path).filename().string());
    }

    ImportReport run() {
        if (reader_.fileSize() == 0) throw TraceError(path_ + ": the file is empty; a TORCH_TRACE log has at least one record (0 lines read)");
        try {
            readAll();
        } catch (const Cancelled&) {
            end(SessionStatus::Interrupted);
            throw ImportCancelled(path_ + ": import cancelled after " + std::to_string(reader_.lineNumber()) + " lines");
        } catch (const TraceError& e) {
            end(SessionStatus::Failed);
            throw TraceError(std::string(e.what()) + " (" + std::to_string(reader_.lineNumber()) + " lines read)");
        } catch (...) {
            end(SessionStatus::Failed);
            throw;
        }
        if (!reader_.streamError().empty()) {
            // What was decoded before the damage is kept as a session: `interrupted` when the file
            // was cut (the run, or the copy, did not finish), `failed` when it is corrupt.
            const bool cut = reader_.streamTruncated();
            std::string msg = reader_.streamError() + " after " + std::to_string(reader_.lineNumber()) + " lines (" +
                              std::to_string(report_.records) + " records)";
            if (assembler_.begun() || report_.records > 0) {
                end(cut ? SessionStatus::Interrupted : SessionStatus::Failed);
                msg += "; what was read is kept, marked " + std::string(toString(cut ? SessionStatus::Interrupted : SessionStatus::Failed));
            }
            throw TraceError(msg);
        }
        if (report_.records == 0) {
            std::string msg = path_ + ": not a TORCH_TRACE log: no line is a glog-prefixed JSON record (" +
                              std::to_string(reader_.lineNumber()) + " lines read";
            if (!firstBadLine_.empty()) msg += "; line " + std::to_string(firstBadLineNo_) + ": \"" + firstBadLine_ + "\"";
            throw TraceError(msg + ")");
        }
        end(SessionStatus::Complete);
        return report_;
    }

    const ImportReport& report() const { return report_; }

private:
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
        report_.bytes = reader_.bytesRead();
        report_.lines = reader_.lineNumber();
        problems_.setStrict(false); // the partial session is kept; finishing must not throw
        assembler_.finish(status);
    }

    void readAll() {
        std::string_view line;
        bool truncated = false;
        int64_t nextProgress = 0;
        while (reader_.next(line, truncated)) {
            const int64_t no = reader_.lineNumber();
            if (truncated) problems_.add("line_too_long", no, "line cut at 64 MiB");
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
            finishRecord();
            unexpectedRun_ = false;
            auto h = GlogHeader::parse(line);
            if (!h) {
                if (firstBadLine_.empty()) {
                    firstBadLine_ = printable(line.substr(0, 80));
                    firstBadLineNo_ = no;
                }
                problems_.add("no_prefix", no, "line has no glog prefix: \"" + printable(line.substr(0, 80)) + "\"");
                continue;
            }
            record_.prefix.assign(line.substr(0, static_cast<size_t>(h->content.data() - line.data())));
            record_.line = no;
            if (h->content.empty() || h->content.front() != '{') {
                textLine(*h, line);
                continue;
            }
            active_ = true;
            recordLine_ = no;
            header_.reserve(h->content.size() + kPadding);
            header_.assign(h->content);
            expectPayload_ = h->content.find("\"has_payload\"") != std::string_view::npos;
            payload_.clear();
            payloadLines_ = 0;
            overflow_ = false;
        }
        finishRecord();
        PayloadHasher::Result res;
        while (hasher_ && hasher_->next(res)) checkDigest(res);
        flushEarlyText();
    }

    void checkDigest(const PayloadHasher::Result& r) {
        if (r.expected != r.actual)
            problems_.add("md5_mismatch", r.line, "payload MD5 " + r.actual + " does not match has_payload " + r.expected);
    }

    static std::string printable(std::string_view s) {
        std::string out;
        for (unsigned char c : s) out += (c >= 0x20 && c < 0x7f) ? char(c) : '?';
        return out;
    }

    void payloadLine(std::string_view text, int64_t no) {
        if (!active_ || !expectPayload_) {
            if (!unexpectedRun_) problems_.add("unexpected_payload", no, "payload line without a record that has has_payload");
            unexpectedRun_ = true;
            return;
        }
        if (!overflow_ && payload_.size() + text.size() + 1 > kMaxPayloadBytes) {
            overflow_ = true;
            md5_.reset();
            md5_.update(payload_);
            payload_.clear();
            payload_.shrink_to_fit();
            problems_.add("payload_too_large", recordLine_, "payload larger than 256 MiB: checked, not kept");
        }
        if (overflow_) {
            if (payloadLines_ > 0) md5_.update("\n", 1);
            md5_.update(text);
        } else {
            if (payloadLines_ > 0) payload_.push_back('\n');
            payload_.append(text);
        }
        ++payloadLines_;
    }

    void finishRecord() {
        if (!active_) return;
        active_ = false;
        std::string digest;
        bool deferred = false;
        if (expectPayload_) {
            if (overflow_ || payload_.size() < kInlineHashBytes) {
                if (!overflow_) {
                    md5_.reset();
                    md5_.update(payload_);
                }
                digest = md5_.hexDigest();
            } else {
                deferred = true; // hashed on the hasher's thread while we go on reading
            }
            payload_.reserve(payload_.size() + kPadding);
        }
        const bool decoded = decoder_.decode(recordLine_, header_, expectPayload_ ? &payload_ : nullptr, !overflow_, digest, event_);
        if (decoded && deferred && event_.hasPayload) {
            if (!hasher_) hasher_ = std::make_unique<PayloadHasher>();
            PayloadHasher::Result res;
            if (hasher_->submit(recordLine_, event_.payloadMd5, payload_, kHashLag, res)) checkDigest(res);
        }
        if (decoded) {
            ++report_.records;
            flushEarlyText();
        }
        // Every record is kept verbatim, also one whose JSON could not be read (§1.3.2).
        record_.compileId = decoded ? TraceAssembler::compileIdOf(event_) : std::string();
        record_.hasPayload = expectPayload_ || payloadLines_ > 0;
        record_.payloadKept = !overflow_;
        record_.body.swap(header_); // lent to the record for the call, no copy
        record_.payload.swap(payload_);
        keepRecord();
        record_.body.swap(header_);
        record_.payload.swap(payload_);
        if (!decoded) return;
        event_.record = lastRecordSeq_;
        event_.bytes = int64_t(event_.hasPayload ? payload_.size() : header_.size());
        assembler_.onEvent(event_);
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
    void textLine(const GlogHeader& h, std::string_view line) {
        std::string key(line.substr(0, static_cast<size_t>(h.content.data() - line.data())));
        key.erase(0, 1); // the level letter is compared separately
        record_.compileId.clear();
        record_.body.assign(h.content);
        record_.hasPayload = false;
        record_.payloadKept = true;
        record_.payload.clear();
        if (report_.records == 0) {
            if (earlyText_.size() < kMaxTextLinesBeforeRecords && earlyBytes_ < kMaxEarlyBytes) {
                earlyBytes_ += record_.body.size();
                earlyText_.push_back({h.level, key, std::string(h.content), record_});
            }
            return;
        }
        lastRecordSeq_ = assembler_.onRecord(record_);
        assembler_.onText(h.level, key, h.content);
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
    RecordDecoder decoder_;
    TraceAssembler assembler_;
    TraceEvent event_;
    TraceRecord record_;
    int64_t lastRecordSeq_ = -1;
    size_t earlyBytes_ = 0;
    Md5 md5_;
    std::unique_ptr<PayloadHasher> hasher_; // created at the first big payload
    bool active_ = false, expectPayload_ = false, overflow_ = false, unexpectedRun_ = false;
    int64_t recordLine_ = 0, payloadLines_ = 0, firstBadLineNo_ = 0;
    std::string header_, payload_, firstBadLine_;
    std::vector<Text> earlyText_;
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
