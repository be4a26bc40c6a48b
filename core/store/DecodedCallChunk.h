#pragma once
// A chunk of calls (format: CallChunk.h) decoded into compact records: per call its index,
// frame, line, outcome and entry, and ranges of shared pools of argument references, object ids
// and guard evaluation references (a run or a repeat reuses the ranges of the call it repeats,
// so a hot loop's 8,192 hits cost no allocation each). A session::Call is built only when one
// is asked for: a cursor step in a 10M-call session builds one call, not the chunk's 8,192.
// The one reader of the format: decodeCallChunk and decodeCallBriefs are built on it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/session/CallPages.h"
#include "core/session/Session.h"

namespace gs::store {

class ChunkReader;

class DecodedCallChunk : public session::CallPage {
public:
    // `firstIndex`: the row's first_idx. With `tables` false the chunk's argument and guard
    // evaluation tables are read and checked but not kept (briefs need neither; call() then must
    // not be used). Throws StoreError naming what is damaged.
    static DecodedCallChunk decode(std::string_view data, int64_t firstIndex, bool tables = true);

    size_t size() const override { return calls_.size(); }
    session::Call call(size_t offset) const override;
    std::vector<session::Call> calls() const;
    session::CallBriefs briefs() &&;

private:
    struct Record {
        int64_t index = 0;
        int32_t frameId = 0, line = 0;
        uint32_t entry = 0;                 // string ref
        uint32_t args = 0, objectIds = 0;   // offsets into argRefs_ and objectIds_
        uint32_t nargs = 0;
        uint32_t evals = 0, nevals = 0;     // offset into evalRefs_, count
        uint32_t stale = 0;                 // string ref + 1 of the stale report, 0: none
        session::CallOutcome outcome = session::CallOutcome::Hit;
        bool verified = false;
    };
    void readCall(ChunkReader& r, Record& c, const Record* base);

    std::vector<std::string> strings_;
    std::vector<session::ArgDesc> args_;   // object ids are per call (objectIds_)
    std::vector<session::GuardEval> evals_;
    size_t nargs_ = 0, nevals_ = 0;        // table sizes (also when the tables are not kept)
    std::vector<uint32_t> argRefs_, evalRefs_;
    std::vector<int64_t> objectIds_;
    std::vector<Record> calls_;
};

} // namespace gs::store
