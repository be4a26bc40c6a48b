// The seed scenario (shared/seeds/test_recompiles.py: UTF-8, Chinese comments) parses, and
// into exactly the tree CPython builds for it.
#include <gtest/gtest.h>

#include "tests/unit/SharedData.h"

#include <fstream>
#include <sstream>

#include "LangTestUtil.h"

using namespace gs::lang;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string kSeed = std::string(GS_SHARED_DIR) + "/seeds/test_recompiles.py";

} // namespace

TEST(SeedFile, ParsesWithoutError) {
    GS_SKIP_WITHOUT_SHARED(kSeed);
    const std::string text = readFile(kSeed);
    ASSERT_FALSE(text.empty()) << "missing " << kSeed;
    auto m = parseModule(text, kSeed);
    ASSERT_EQ(m->body.size(), 6u); // 4 imports, the test class, the __main__ guard
    EXPECT_EQ(m->source->name, kSeed);
}

TEST(SeedFile, HasTheTestClassWithItsSixTests) {
    GS_SKIP_WITHOUT_SHARED(kSeed);
    auto m = parseModule(readFile(kSeed), kSeed);
    ASSERT_GE(m->body.size(), 5u);  // never index past what was parsed
    ASSERT_EQ(m->body[4]->kind, StmtKind::ClassDef);
    const auto& cls = static_cast<const ClassDef&>(*m->body[4]);
    EXPECT_EQ(cls.name, "RecompileTests");
    EXPECT_EQ(cls.loc.line, 11);
    std::vector<std::string> tests;
    for (const StmtPtr& s : cls.body)
        if (s->kind == StmtKind::FunctionDef) tests.push_back(static_cast<const FunctionDef&>(*s).name);
    EXPECT_EQ(tests, (std::vector<std::string>{"test_automatic_dynamic_reduce_recompiles",
                                               "test_recompiles_true_false_flop",
                                               "test_automatic_dynamic_tensor_scalar_change",
                                               "test_aliasing_guard_failures",
                                               "test_aliasing_guard_failures_with_globals",
                                               "test_simple_module_recompile"}));
    ASSERT_GE(cls.body.size(), 2u);
    const auto& flop = static_cast<const FunctionDef&>(*cls.body[1]);
    ASSERT_EQ(flop.decorators.size(), 1u);
    EXPECT_EQ(flop.decorators[0]->loc.line, 76);
    EXPECT_EQ(flop.loc.line, 77);
}

TEST(SeedFile, MatchesCPythonsTreeExactly) {
    GS_SKIP_WITHOUT_SHARED(kSeed);
    const std::string expected = readFile(std::string(GS_SOURCE_DIR) + "/tests/data/lang/test_recompiles.ast");
    ASSERT_FALSE(expected.empty());
    auto m = parseModule(readFile(kSeed), kSeed);
    EXPECT_EQ(dumpAst(*m) + "\n", expected);
}

TEST(SeedFile, ParsesTheSameWithCrLfLineEnds) {
    GS_SKIP_WITHOUT_SHARED(kSeed);
    std::string text = readFile(kSeed);
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    EXPECT_EQ(dumpAst(*parseModule(crlf, "crlf.py")), dumpAst(*parseModule(text, "lf.py")));
}
