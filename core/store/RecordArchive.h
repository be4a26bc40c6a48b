#pragma once
// The verbatim records of an imported log (session::TraceRecord) as stored: packed in file
// order into chunks of about 1 MB and compressed with zstd (trace_chunks, schema v7). A log is
// mostly payload text that compresses about tenfold, and writing it raw would cost more than
// reading it; compression runs on a worker thread, so the import does not wait for it. Loading
// a session without its records never touches the chunks; one record costs one chunk's
// decompression.
//
// Packed form of one record (our own, length-prefixed so any byte content round-trips):
//   <seq>,<line>,<flags>,<len>:<compileId><len>:<prefix><len>:<body><len>:<payload>
// flags: 1 = hasPayload, 2 = payloadKept.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/session/Session.h"

namespace gs::store {

struct RecordChunk {
    int64_t firstSeq = 0, lastSeq = 0, count = 0;
    int64_t rawBytes = 0;       // packed size before compression
    std::string data;           // one zstd frame
};

class RecordArchive {
public:
    explicit RecordArchive(size_t chunkBytes = 1u << 20, size_t maxInFlight = 3);
    ~RecordArchive();
    RecordArchive(const RecordArchive&) = delete;
    RecordArchive& operator=(const RecordArchive&) = delete;

    // Appends a record; seqs must increase (a smaller one starts a new chunk). Waits while
    // `maxInFlight` chunks are being compressed, so memory stays bounded.
    void add(const session::TraceRecord& r);
    // Moves the chunks compressed so far, in order, to `out`.
    void takeReady(std::vector<RecordChunk>& out);
    // Compresses what was added and waits for it: takeReady then returns everything.
    void finish();
    // Drops everything pending (the session's write failed).
    void clear();
    bool empty();   // nothing added that takeReady has not returned

    // Packing, exposed for the reader and tests.
    static void pack(const session::TraceRecord& r, std::string& out);
    // Appends the records of a packed chunk to `out`; false when it is damaged.
    static bool unpack(std::string_view raw, std::vector<session::TraceRecord>& out);
    static std::string compress(std::string_view raw, int level);
    // nullopt when `data` is not one zstd frame of exactly `rawBytes` bytes.
    static std::optional<std::string> decompress(std::string_view data, int64_t rawBytes);

private:
    struct Job {
        RecordChunk chunk;
        std::string raw;
        bool done = false;
    };
    void submit();
    void run();

    size_t chunkBytes_, maxInFlight_;
    std::string raw_;                  // the chunk being filled
    int64_t firstSeq_ = 0, lastSeq_ = -1, count_ = 0;
    std::mutex mutex_;
    std::condition_variable work_, done_;
    std::deque<Job> jobs_;             // submission order
    std::vector<std::string> spare_;   // packing buffers handed back by the worker
    size_t nextToCompress_ = 0;
    bool stop_ = false;
    std::thread worker_;               // started with the first full chunk
};

} // namespace gs::store
