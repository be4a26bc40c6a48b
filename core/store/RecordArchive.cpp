#include "core/store/RecordArchive.h"

#include <zstd.h>

#include <charconv>

#include "core/store/ValueCodec.h"

namespace gs::store {

using session::TraceRecord;

namespace {

// zstd level 1: the log's text (JSON, FX graphs, generated code) shrinks about tenfold at a
// speed that keeps up with the reader on the second core (issue 11 item 7).
constexpr int kLevel = 1;
// A chunk holds at least one record, and a record at most a 64 MiB header line and a 256 MiB
// payload (TraceImporter); anything larger in a database is damage, not data.
constexpr int64_t kMaxRawBytes = int64_t(512) << 20;

void appendNumber(std::string& out, int64_t v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    out.append(buf, end);
    out.push_back(',');
}

void appendText(std::string& out, std::string_view s) { ValueCodec::appendString(out, s); } // "<len>:<bytes>"

bool readNumber(std::string_view& in, int64_t& v) {
    auto [p, ec] = std::from_chars(in.data(), in.data() + in.size(), v);
    if (ec != std::errc() || p == in.data() + in.size() || *p != ',') return false;
    in.remove_prefix(static_cast<size_t>(p - in.data()) + 1);
    return true;
}

bool readText(std::string_view& in, std::string& s) {
    size_t len = 0;
    auto [p, ec] = std::from_chars(in.data(), in.data() + in.size(), len);
    if (ec != std::errc() || p == in.data() + in.size() || *p != ':') return false;
    in.remove_prefix(static_cast<size_t>(p - in.data()) + 1);
    if (len > in.size()) return false;
    s.assign(in.substr(0, len));
    in.remove_prefix(len);
    return true;
}

} // namespace

RecordArchive::RecordArchive(size_t chunkBytes, size_t maxInFlight)
    : chunkBytes_(chunkBytes), maxInFlight_(maxInFlight < 1 ? 1 : maxInFlight) {}

RecordArchive::~RecordArchive() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    work_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void RecordArchive::pack(const TraceRecord& r, std::string& out) {
    appendNumber(out, r.seq);
    appendNumber(out, r.line);
    appendNumber(out, (r.hasPayload ? 1 : 0) | (r.payloadKept ? 2 : 0));
    appendText(out, r.compileId);
    appendText(out, r.prefix);
    appendText(out, r.body);
    appendText(out, r.payload);
}

bool RecordArchive::unpack(std::string_view in, std::vector<TraceRecord>& out) {
    while (!in.empty()) {
        TraceRecord r;
        int64_t flags = 0;
        if (!readNumber(in, r.seq) || !readNumber(in, r.line) || !readNumber(in, flags) || flags < 0 || flags > 3 ||
            !readText(in, r.compileId) || !readText(in, r.prefix) || !readText(in, r.body) || !readText(in, r.payload))
            return false;
        r.hasPayload = (flags & 1) != 0;
        r.payloadKept = (flags & 2) != 0;
        out.push_back(std::move(r));
    }
    return true;
}

std::string RecordArchive::compress(std::string_view raw, int level) {
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), level);
    if (ZSTD_isError(n)) return {}; // cannot happen with a bound-sized buffer; checked by the reader
    out.resize(n);
    return out;
}

std::optional<std::string> RecordArchive::decompress(std::string_view data, int64_t rawBytes) {
    if (rawBytes < 0 || rawBytes > kMaxRawBytes) return std::nullopt;
    const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size != static_cast<unsigned long long>(rawBytes))
        return std::nullopt;
    std::string out(static_cast<size_t>(rawBytes), '\0');
    size_t n = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n) || n != out.size()) return std::nullopt;
    return out;
}

void RecordArchive::add(const TraceRecord& r) {
    if (count_ > 0 && r.seq <= lastSeq_) submit();
    if (count_ == 0) {
        firstSeq_ = r.seq;
        if (raw_.capacity() < chunkBytes_) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!spare_.empty()) { // a buffer the worker is done with: no fresh pages to fault in
                raw_ = std::move(spare_.back());
                spare_.pop_back();
            }
        }
        if (raw_.capacity() < chunkBytes_) raw_.reserve(chunkBytes_ + (chunkBytes_ >> 3));
    }
    pack(r, raw_);
    lastSeq_ = r.seq;
    ++count_;
    if (raw_.size() >= chunkBytes_) submit();
}

void RecordArchive::submit() {
    if (count_ == 0) return;
    Job job;
    job.chunk.firstSeq = firstSeq_;
    job.chunk.lastSeq = lastSeq_;
    job.chunk.count = count_;
    job.chunk.rawBytes = int64_t(raw_.size());
    job.raw = std::move(raw_);
    raw_ = std::string();
    count_ = 0;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [&] { return jobs_.size() - nextToCompress_ < maxInFlight_; });
        jobs_.push_back(std::move(job));
    }
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
    work_.notify_one();
}

void RecordArchive::run() {
    ZSTD_CCtx* ctx = ZSTD_createCCtx();
    std::string out; // reused: compressed bytes are copied out at their exact size
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        work_.wait(lock, [&] { return stop_ || nextToCompress_ < jobs_.size(); });
        if (nextToCompress_ >= jobs_.size()) break; // stopping, nothing left
        Job& job = jobs_[nextToCompress_]; // references stay valid: the owner pops done jobs only
        lock.unlock();
        out.resize(ZSTD_compressBound(job.raw.size()));
        size_t n = ctx ? ZSTD_compressCCtx(ctx, out.data(), out.size(), job.raw.data(), job.raw.size(), kLevel)
                       : ZSTD_compress(out.data(), out.size(), job.raw.data(), job.raw.size(), kLevel);
        std::string data(out.data(), ZSTD_isError(n) ? 0 : n);
        std::string raw = std::move(job.raw);
        raw.clear();
        lock.lock();
        job.chunk.data = std::move(data);
        if (spare_.size() < 2 && raw.capacity() <= chunkBytes_ * 2) spare_.push_back(std::move(raw));
        job.done = true;
        ++nextToCompress_;
        done_.notify_all();
    }
    ZSTD_freeCCtx(ctx);
}

void RecordArchive::takeReady(std::vector<RecordChunk>& out) {
    std::lock_guard<std::mutex> lock(mutex_);
    while (!jobs_.empty() && jobs_.front().done) {
        out.push_back(std::move(jobs_.front().chunk));
        jobs_.pop_front();
        --nextToCompress_;
    }
}

void RecordArchive::finish() {
    submit();
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return nextToCompress_ == jobs_.size(); });
}

void RecordArchive::clear() {
    raw_.clear();
    count_ = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return nextToCompress_ == jobs_.size(); });
    jobs_.clear();
    nextToCompress_ = 0;
}

bool RecordArchive::empty() {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_ == 0 && jobs_.empty();
}

} // namespace gs::store
