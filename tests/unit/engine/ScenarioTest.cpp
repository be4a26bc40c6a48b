// Runs every engine conformance scenario (tests/scenarios/*.py, format in its README) and the
// seed through the engine, checking the tests inside pass, the recompile categories and reason
// texts stated in the headers, and that compilation does not change what the scenario prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/engine/ScenarioRunner.h"
#include "core/session/Session.h"
#include "tests/unit/SharedData.h"

namespace fs = std::filesystem;
using namespace gs;

namespace {

struct Expectations {
    std::vector<std::string> categories;
    bool categoriesGiven = false;
    struct Reason {
        std::string newId, oldId, text;
    };
    std::vector<Reason> reasons;
};

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

// The code part of a reason: the text before its provenance comment.
std::string codePart(const std::string& text) {
    size_t c = text.find("  #");
    std::string s = trim(c == std::string::npos ? text : text.substr(0, c));
    return std::regex_replace(s, std::regex("\\b\\d{8,}\\b"), "ID");
}

Expectations parseHeader(const std::string& src) {
    Expectations ex;
    std::istringstream in(src);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# expect-categories:", 0) == 0) {
            ex.categoriesGiven = true;
            std::string rest = line.substr(20);
            std::stringstream ss(rest);
            std::string item;
            while (std::getline(ss, item, ',')) {
                item = trim(item);
                if (!item.empty() && item != "none") ex.categories.push_back(item);
            }
        } else if (line.rfind("# expect-reason:", 0) == 0) {
            std::string rest = trim(line.substr(16));
            size_t bar = rest.find(" | ");
            size_t colon = rest.find(": ", bar);
            ex.reasons.push_back({trim(rest.substr(0, bar)), trim(rest.substr(bar + 3, colon - bar - 3)), trim(rest.substr(colon + 2))});
        }
    }
    return ex;
}

struct ScenarioRun {
    engine::RunResult result;
    session::Session session;
    std::string output;
    std::string errors;  // unittest's per-test lines and closing line go to stderr, like CPython's
};

ScenarioRun run(const fs::path& file, bool replayDisabled) {
    ScenarioRun r;
    session::SessionBuilder b;
    engine::RunOptions o;
    o.replayDisabled = replayDisabled;
    o.out = [&](std::string_view s) { r.output += s; };
    o.logOut = [&](std::string_view s) { r.errors += s; };
    r.result = engine::runScenarioFile(file.string(), b, o);
    r.session = b.take();
    return r;
}

std::vector<std::string> scenarioFiles() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(GS_SOURCE_DIR) / "tests" / "scenarios"))
        if (e.path().extension() == ".py") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    out.push_back((fs::path(GS_SHARED_DIR) / "seeds" / "test_recompiles.py").string());
    return out;
}

std::string testName(const testing::TestParamInfo<std::string>& info) {
    std::string n = fs::path(info.param).stem().string();
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, PassesItsTestsWithTheStatedRecompiles) {
    GS_SKIP_WITHOUT_SHARED(GetParam());  // the seed lives in ../shared
    fs::path file = GetParam();
    std::string src = readFile(file);
    ScenarioRun r = run(file, false);
    ASSERT_EQ(r.result.exitCode, 0) << r.result.error << "\n" << r.output;
    EXPECT_GT(r.result.testsPassed, 0) << r.output;
    EXPECT_EQ(r.result.testsFailed, 0) << r.output;

    Expectations ex = parseHeader(src);
    if (ex.categoriesGiven) {
        std::vector<std::string> got;
        for (const auto& rec : r.session.recompiles) {
            const session::CompileEntry* ce = nullptr;
            for (const auto& c : r.session.compiles)
                if (c.compileId == rec.compileId && c.causedByCall == rec.callIndex) ce = &c;
            if (rec.limitHit || !ce || ce->status != session::EntryStatus::Ok || rec.reasons.empty()) continue;
            got.push_back(std::string(session::toString(rec.reasons.front().category)));
        }
        EXPECT_EQ(got, ex.categories);
    }
    for (const auto& want : ex.reasons) {
        bool found = false;
        for (const auto& rec : r.session.recompiles) {
            if (rec.compileId != want.newId) continue;
            for (const auto& reason : rec.reasons)
                if (reason.failedEntryId == want.oldId) {
                    found = true;
                    EXPECT_EQ(codePart(reason.text), want.text) << "recompile " << want.newId << " reason of " << want.oldId;
                }
        }
        EXPECT_TRUE(found) << "no reason of " << want.oldId << " for recompile " << want.newId;
    }
}

// Replaying captured graphs must give exactly what running the Python code gives.
TEST_P(Scenario, ReplayedResultsEqualEagerResults) {
    GS_SKIP_WITHOUT_SHARED(GetParam());  // the seed lives in ../shared
    fs::path file = GetParam();
    ScenarioRun replayed = run(file, false);
    ScenarioRun eager = run(file, true);
    EXPECT_EQ(replayed.output, eager.output);
    EXPECT_EQ(replayed.errors, eager.errors);
    EXPECT_EQ(eager.result.exitCode, 0) << eager.result.error;
    EXPECT_EQ(replayed.session.compiles.size(), eager.session.compiles.size());
}

INSTANTIATE_TEST_SUITE_P(Conformance, Scenario, testing::ValuesIn(scenarioFiles()), testName);

TEST(Seed, RunsUnmodifiedWithItsSixTestsPassing) {
    GS_SKIP_WITHOUT_SHARED((fs::path(GS_SHARED_DIR) / "seeds" / "test_recompiles.py").string());
    ScenarioRun r = run(fs::path(GS_SHARED_DIR) / "seeds" / "test_recompiles.py", false);
    EXPECT_EQ(r.result.exitCode, 0) << r.result.error << r.output;
    EXPECT_EQ(r.result.testsPassed, 6) << r.output;
    EXPECT_EQ(r.result.testsFailed, 0);
    EXPECT_NE(r.errors.find("\n6 passed, 0 failed\n"), std::string::npos) << r.errors;
}

} // namespace
