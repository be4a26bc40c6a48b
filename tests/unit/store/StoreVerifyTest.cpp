// `run --verify` results are part of a stored call (issue 10): whether the hit was checked and
// the stale-entry report, saved and read back, counted by the store's own summary.
#include <gtest/gtest.h>

#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

TEST(StoreVerify, VerifiedAndStaleCallsReadBackEqual) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("verify", 1, 12);
    s.calls[2].verified = true;
    s.calls[5].verified = true;
    s.calls[5].stale = "stale entry 0/0 at call #5 (demo.py:9): a guard is missing\n    result (float32[3]): element 0 is 2.0, eager gives 3.0";
    const int64_t id = store->save(s);
    s.info.id = id;
    Session back = store->load(id);
    EXPECT_EQ(back, s);
    EXPECT_TRUE(back.calls[2].verified);
    EXPECT_EQ(back.calls[2].stale, "");
    EXPECT_EQ(back.calls[5].stale, s.calls[5].stale);
}

TEST(StoreVerify, SummaryCountsStaleHitsWithoutLoadingCalls) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("stale", 2, 20);
    s.calls[3].stale = "stale entry 0/0 at call #3 (a.py:1): a guard is missing";
    s.calls[7].stale = "stale entry 1/0 at call #7 (a.py:2): a guard is missing";
    const int64_t id = store->save(s);
    Summary sum = store->summary(store->loadWithoutCalls(id));
    EXPECT_EQ(sum.staleHits, 2);
    EXPECT_EQ(sum, s.summary());
}
