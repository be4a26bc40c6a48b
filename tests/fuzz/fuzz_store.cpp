// libFuzzer target for opening a session database (issue 12): any bytes, as the file given
// with --db, must open, list, load and be written to — or fail with a StoreError naming the
// file — never crash, hang or leak. The input is also applied as a mutation of a real
// database (its bytes XORed over a fresh file), which reaches far deeper than random files:
// SQLite accepts the header and the damage is in the pages Guardscope reads.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/session/Session.h"
#include "core/store/SessionStore.h"

namespace {

std::string scratch(const char* what) {
    const char* dir = std::getenv("FUZZ_STORE_TMP");
    return std::string(dir ? dir : "/dev/shm") + "/fuzz_store_" + std::to_string(::getpid()) + "_" + what;
}

void removeDb(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

bool writeFile(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

std::vector<uint8_t> readFile(const std::string& path) {
    std::vector<uint8_t> out;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return out;
    uint8_t buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
    std::fclose(f);
    return out;
}

// A small real database, made once: two sessions with frames, calls, compiles and reasons.
const std::vector<uint8_t>& template_() {
    static const std::vector<uint8_t> bytes = [] {
        const std::string path = scratch("template.db");
        removeDb(path);
        {
            auto store = gs::store::SessionStore::open(path);
            for (int k = 0; k < 2; ++k) {
                gs::session::SessionBuilder b;
                gs::session::SessionInfo info;
                info.title = "t" + std::to_string(k);
                info.sourceText = "x = 1\n";
                b.beginSession(info);
                b.frame({0, "f", "t.py", 1});
                for (int i = 0; i < 5; ++i) {
                    gs::session::Call c;
                    c.index = i;
                    c.line = 3;
                    b.call(c);
                }
                b.log({"recompiles", "0/1", 1, "Recompiling function f"});
                b.endSession(gs::session::SessionStatus::Complete);
                store->save(b.session());
            }
        }
        // Fold the WAL into the main file so one file holds everything.
        std::vector<uint8_t> out = readFile(path);
        removeDb(path);
        return out;
    }();
    return bytes;
}

void exercise(const std::string& path, gs::store::OpenMode mode) {
    try {
        auto store = gs::store::SessionStore::open(path, mode);
        for (const auto& row : store->list()) {
            (void)store->row(row.id);
            gs::session::Session s = store->loadWithoutCalls(row.id);
            (void)store->summary(s);
            (void)store->calls(row.id, INT64_MIN, 100);
            (void)store->load(row.id);
            if (!store->isReadOnly()) store->rename(row.id, "renamed");
        }
        if (!store->isReadOnly()) {
            auto rec = store->startRecorder();
            gs::session::SessionInfo info;
            info.title = "fuzz";
            rec->beginSession(info);
            rec->frame({0, "g", "g.py", 1});
            rec->endSession(gs::session::SessionStatus::Complete);
            if (!rec->failed() && rec->sessionId() > 0) store->remove(rec->sessionId());
        }
    } catch (const gs::store::StoreError&) {
        // A sentence naming the file: the expected way to refuse a bad database.
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = scratch("in.db");
    if (size > (1 << 20)) return 0;
    // 1. The bytes as the database file.
    removeDb(path);
    if (writeFile(path, std::vector<uint8_t>(data, data + size))) {
        exercise(path, gs::store::OpenMode::ReadOnly);
        exercise(path, gs::store::OpenMode::ReadWrite);
    }
    // 2. The bytes as damage to a real database: (offset, xor) pairs after a 2-byte stride.
    std::vector<uint8_t> db = template_();
    if (size >= 3 && !db.empty()) {
        for (size_t i = 0; i + 2 < size; i += 3) {
            const size_t off = (static_cast<size_t>(data[i]) << 8 | data[i + 1]) * 7 % db.size();
            db[off] ^= data[i + 2];
        }
        removeDb(path);
        if (writeFile(path, db)) {
            exercise(path, gs::store::OpenMode::ReadOnly);
            exercise(path, gs::store::OpenMode::ReadWrite);
        }
    }
    removeDb(path);
    return 0;
}
