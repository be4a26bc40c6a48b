#include "core/session/SessionJson.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/store/SyntheticSession.h"

using namespace gs::session;

namespace {

Session tiny() {
    Session s;
    s.info.id = 7;
    s.info.title = "t";
    s.info.status = SessionStatus::Complete;
    s.frames.push_back({0, "f", "a.py", 3});
    s.compiles.push_back({.compileId = "0/0", .causedByCall = 0, .opCount = 1});
    s.calls.push_back({.index = 0, .outcome = CallOutcome::Compiled, .entryId = "0/0"});
    s.calls.push_back({.index = 1, .outcome = CallOutcome::Hit, .entryId = "0/0"});
    return s;
}

TEST(SessionJson, RichSessionsRoundTrip) {
    for (const Session& s : {gs::testing::syntheticSession("rich", 3, 25), tiny(), Session{}}) {
        std::string error;
        auto back = fromJson(toJson(s), &error);
        ASSERT_TRUE(back.has_value()) << error;
        EXPECT_EQ(*back, s);
    }
}

TEST(SessionJson, TopLevelKeysComeInAFixedOrderWithTheSummaryFirst) {
    const std::string json = toJson(tiny());
    EXPECT_EQ(json, toJson(tiny()));
    std::vector<std::string> keys{"\"format\"", "\"version\"", "\"summary\"", "\"session\"", "\"frames\"",
                                  "\"compiles\"", "\"recompiles\"", "\"calls\"", "\"shape_events\"", "\"logs\"",
                                  "\"tests\""};
    size_t at = 0;
    for (const auto& k : keys) {
        const size_t found = json.find("\n  " + k + ":", at);
        ASSERT_NE(found, std::string::npos) << k << " missing or out of order";
        at = found;
    }
    EXPECT_EQ(json.substr(0, 50), "{\n  \"format\": \"guardscope-session\",\n  \"version\": 1");
}

TEST(SessionJson, SummaryHoldsTheCountsAndCategories) {
    Session s = gs::testing::syntheticSession("rich", 2, 9);
    const std::string json = toJson(s);
    const Summary sum = s.summary();
    auto has = [&](const std::string& key, int64_t v) {
        EXPECT_NE(json.find("\n    \"" + key + "\": " + std::to_string(v) + ","), std::string::npos) << key;
    };
    has("frames", sum.frames);
    has("calls", sum.calls);
    has("compiles", sum.compiles);
    has("recompiles", sum.recompiles);
    has("cache_hits", sum.cacheHits);
    EXPECT_NE(json.find("\"recompiles_by_category\": {\n      \"size_change\": " +
                        std::to_string(sum.recompilesByCategory.at("size_change")) + ",\n      \"train_eval\": " +
                        std::to_string(sum.recompilesByCategory.at("train_eval")) + "\n    }"),
              std::string::npos)
        << json.substr(0, 600);
}

TEST(SessionJson, StringsAreEscapedAndAlwaysValidUtf8) {
    Session s;
    s.info.title = std::string("q\"b\\n\nt\t\x01 ü 🙂 bad:\xff\xc3(");
    const std::string json = toJson(s);
    EXPECT_NE(json.find(R"("title": "q\"b\\n\nt\t\u0001 ü 🙂 bad:��()"), std::string::npos) << json;
    auto back = fromJson(json);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->info.title, "q\"b\\n\nt\t\x01 ü 🙂 bad:\xef\xbf\xbd\xef\xbf\xbd(");
}

TEST(SessionJson, ReaderAcceptsEscapesAndSurrogatePairs) {
    auto s = fromJson(R"({"format": "guardscope-session", "session": {"title": "\u00fc\ud83d\ude42\/"}})");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->info.title, "ü🙂/");
}

TEST(SessionJson, MalformedInputSaysWhere) {
    std::string error;
    EXPECT_FALSE(fromJson("{\n  \"format\": \"guardscope-session\",\n  \"frames\": [1,]\n}", &error));
    EXPECT_EQ(error.rfind("line 3, column ", 0), 0u) << error;
    EXPECT_FALSE(fromJson(R"({"format": "guardscope-session", "frames": [{"id": "x"}]})", &error));
    EXPECT_NE(error.find("\"id\" should be a number"), std::string::npos) << error;
    EXPECT_FALSE(fromJson(R"({"format": "guardscope-session", "calls": [{"outcome": "maybe"}]})", &error));
    EXPECT_NE(error.find("\"outcome\""), std::string::npos) << error;
    EXPECT_FALSE(fromJson(R"({"title": 1})", &error));
    EXPECT_NE(error.find("not a Guardscope session export"), std::string::npos) << error;
    EXPECT_FALSE(fromJson(std::string(1000, '['), &error));
    EXPECT_NE(error.find("too deep"), std::string::npos) << error;
    EXPECT_FALSE(fromJson("", &error));
}

TEST(SessionJson, PagedWriterMatchesTheWholeSessionWriter) {
    Session s = gs::testing::syntheticSession("paged", 2, 23);
    Session withoutCalls = s;
    withoutCalls.calls.clear();
    size_t next = 0;
    std::ostringstream out;
    writeJson(out, withoutCalls, s.summary(), [&] {
        std::vector<Call> page;
        for (; next < s.calls.size() && page.size() < 5; ++next) page.push_back(s.calls[next]);
        return page;
    });
    EXPECT_EQ(out.str(), toJson(s));
}

} // namespace
