// Issue 11 item 1: the stack trie merges the compiles' user stacks as tlparse's does, and the
// source locator finds a recorded file as recorded, through a prefix mapping or under a root.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/session/SourceLocator.h"
#include "core/session/StackTrie.h"

using namespace gs::session;
namespace fs = std::filesystem;

namespace {

CompileEntry compileAt(const std::string& id, std::vector<StackFrame> stack) {
    CompileEntry c;
    c.compileId = id;
    c.stack = std::move(stack);
    return c;
}

const StackFrame kMain{"/u/train.py", 40, "<module>", "main()"};
const StackFrame kMainFn{"/u/train.py", 30, "main", "step(model, x)"};
const StackFrame kStep{"/u/train.py", 12, "step", "model(x)"};
const StackFrame kEval{"/u/train.py", 33, "main", "evaluate(model)"};
const StackFrame kForward{"/u/model.py", 8, "forward", ""};
const StackFrame kInternal{"/usr/lib/python3/site-packages/torch/_dynamo/convert_frame.py", 1003, "catch_errors", ""};

Session twoPaths() {
    Session s;
    s.compiles.push_back(compileAt("0/0", {kMain, kMainFn, kStep, kForward}));
    s.compiles.push_back(compileAt("0/1", {kMain, kMainFn, kStep, kForward, kInternal}));
    s.compiles.push_back(compileAt("1/0", {kMain, kEval, kForward}));
    s.compiles.push_back(compileAt("2/0", {})); // no stack: not in the trie
    return s;
}

} // namespace

TEST(StackTrie, StacksMergeWhereTheyShareFramesAndBranchWhereTheyPart) {
    Session s = twoPaths();
    auto nodes = StackTrie::build(s);
    EXPECT_EQ(StackTrie::toText(nodes, s),
              "/u/train.py:40 in <module>\n"
              "  /u/train.py:30 in main\n"
              "    /u/train.py:12 in step\n"
              "      /u/model.py:8 in forward [0/0] [0/1]\n"
              "  /u/train.py:33 in main\n"
              "    /u/model.py:8 in forward [1/0]\n");
    ASSERT_EQ(nodes.size(), 6u);
    EXPECT_EQ(nodes[0].children, (std::vector<int>{1, 4}));
    EXPECT_EQ(nodes[3].parent, 2);
    EXPECT_EQ(StackTrie::pathOf(nodes, 1), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(StackTrie::pathOf(nodes, 2), (std::vector<int>{0, 4, 5}));
    EXPECT_TRUE(StackTrie::pathOf(nodes, 3).empty());
    EXPECT_EQ(StackTrie::compilesUnder(nodes, 0), (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(StackTrie::compilesUnder(nodes, 4), (std::vector<int>{2}));
    EXPECT_TRUE(StackTrie::compilesUnder(nodes, 99).empty());
}

TEST(StackTrie, ASessionWithoutStacksHasAnEmptyTrie) {
    Session s;
    s.compiles.push_back(compileAt("0/0", {}));
    EXPECT_TRUE(StackTrie::build(s).empty());
    EXPECT_TRUE(StackTrie::build(Session{}).empty());
}

TEST(SourceLocator, FindsAFileAsRecordedByMappingOrUnderARoot) {
    const fs::path dir = fs::path(GS_BINARY_DIR) / "test-tmp" / ("locator-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "checkout/proj/pkg");
    fs::create_directories(dir / "mapped/pkg");
    std::ofstream(dir / "checkout/proj/pkg/model.py") << "x = 1\n";
    std::ofstream(dir / "mapped/pkg/model.py") << "x = 2\n";
    SourceLocator none;
    EXPECT_EQ(none.locate((dir / "checkout/proj/pkg/model.py").string()), (dir / "checkout/proj/pkg/model.py").string());
    EXPECT_FALSE(none.locate("/home/alice/proj/pkg/model.py").has_value());
    EXPECT_FALSE(none.locate("<eval_with_key>.3").has_value());
    SourceLocator roots;
    roots.addRoot((dir / "checkout").string() + "/");
    // /home/alice/proj/pkg/model.py → <root>/proj/pkg/model.py (two leading folders dropped)
    EXPECT_EQ(roots.locate("/home/alice/proj/pkg/model.py"), (dir / "checkout/proj/pkg/model.py").string());
    EXPECT_FALSE(roots.locate("/home/alice/proj/pkg/other.py").has_value());
    SourceLocator mapped = roots;
    mapped.addMapping("/home/alice/proj", (dir / "mapped").string());
    EXPECT_EQ(mapped.locate("/home/alice/proj/pkg/model.py"), (dir / "mapped/pkg/model.py").string());
    // a prefix matches whole folders only: /home/alice/project is not under /home/alice/proj
    EXPECT_EQ(mapped.locate("/home/alice/projects/pkg/model.py"), std::nullopt);
    fs::remove_all(dir);
}
