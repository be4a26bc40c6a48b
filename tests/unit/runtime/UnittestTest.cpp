// unittest: runner output, native callback, equality hook, mock.patch restoration.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"
#include "core/runtime/Ops.h"

using namespace gs::runtime;

TEST(Unittest, RunnerPrintsOneLinePerTestAndClosingLine) {
    Interpreter I;
    std::vector<TestResult> results;
    I.setTestResultCallback([&](const TestResult& r) { results.push_back(r); });
    auto c = gs::runtime::test::run(I,
                                    "import unittest\n"
                                    "class T(unittest.TestCase):\n"
                                    "    def test_b_fail(self):\n"
                                    "        self.assertEqual(1, 2)\n"
                                    "    def test_a_ok(self):\n"
                                    "        pass\n"
                                    "    @unittest.skip('why')\n"
                                    "    def test_c_skip(self):\n"
                                    "        pass\n"
                                    "    def test_d_error(self):\n"
                                    "        raise KeyError('x')\n"
                                    "unittest.main()\n",
                                    "tests.py");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("test_a_ok (__main__.T) ... ok\n"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("test_b_fail (__main__.T) ... FAIL\n    tests.py:4: AssertionError: 1 != 2\n"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("test_c_skip (__main__.T) ... skipped 'why'\n"), std::string::npos);
    EXPECT_NE(c.err.find("test_d_error (__main__.T) ... ERROR\n    tests.py:11: KeyError: 'x'\n"), std::string::npos);
    EXPECT_NE(c.err.find("\n1 passed, 2 failed, 1 skipped\n"), std::string::npos) << c.err;
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0].name, "test_a_ok");  // alphabetical order
    EXPECT_EQ(results[1].status, TestResult::Status::Fail);
    EXPECT_EQ(results[1].className, "T");
    EXPECT_EQ(results[1].file, "tests.py");
    EXPECT_EQ(results[1].line, 4);
    EXPECT_EQ(results[1].message, "AssertionError: 1 != 2");
    EXPECT_EQ(results[2].status, TestResult::Status::Skipped);
    EXPECT_EQ(results[2].message, "why");
    EXPECT_EQ(results[3].status, TestResult::Status::Error);
}

TEST(Unittest, NativeRunnerRunsTestsOfMain) {
    Interpreter I;
    std::string err;
    I.setErrorOutput([&](std::string_view s) { err += s; });
    I.setOutput([](std::string_view) {});
    I.runSource("t.py", "import unittest\nclass A(unittest.TestCase):\n    def test_x(self):\n        self.assertTrue(True)\n");
    TestSummary s = I.runTests();
    EXPECT_EQ(s.passed, 1);
    EXPECT_EQ(s.failed, 0);
    EXPECT_EQ(err, "test_x (__main__.A) ... ok\n1 passed, 0 failed\n");
}

TEST(Unittest, EqualityHookDecidesForUnknownTypes) {
    Interpreter I;
    Type* boxT = I.newNativeType("Box", "fake");
    struct Box : Object {
        Box(Type* t, int v) : Object(t), v(v) {}
        int v;
    };
    boxT->construct = [](Type* t, const CallArgs& a) { return Value(new Box(t, static_cast<int>(a[0].asInt()))); };
    I.setAttr(Value(I.nativeModule("fake")), "Box", Value(boxT));
    I.setEqualityHook([](const Value& a, const Value& b) {
        auto* x = a.dyn<Box>();
        auto* y = b.dyn<Box>();
        if (!x || !y) return EqualityResult{};
        if (std::abs(x->v - y->v) <= 1) return EqualityResult{EqualityResult::Kind::Equal, ""};
        return EqualityResult{EqualityResult::Kind::NotEqual, "Boxes differ: " + std::to_string(x->v) + " vs " + std::to_string(y->v)};
    });
    auto c = gs::runtime::test::run(I,
                                    "import unittest\nfrom fake import Box\n"
                                    "class T(unittest.TestCase):\n"
                                    "    def test_close(self):\n        self.assertEqual(Box(1), Box(2))\n"
                                    "    def test_far(self):\n        self.assertEqual(Box(1), Box(9))\n"
                                    "    def test_tuple(self):\n        self.assertEqual((Box(1), 3), (Box(2), 3))\n"
                                    "unittest.main()\n");
    EXPECT_NE(c.err.find("test_close (__main__.T) ... ok"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("AssertionError: Boxes differ: 1 vs 9"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("test_tuple (__main__.T) ... ok"), std::string::npos) << c.err;
}

TEST(Unittest, PatchObjectRestoresOnExceptionAndDeletesCreated) {
    auto c = gs::runtime::test::run(
        "from unittest.mock import patch\n"
        "class Cfg:\n    flag = 1\ncfg = Cfg()\n"
        "@patch.object(cfg, 'flag', 2)\n@patch.object(Cfg, 'other', 3, create=True)\ndef f():\n"
        "    print(cfg.flag, Cfg.other)\n    raise ValueError('x')\n"
        "try:\n    f()\nexcept ValueError:\n    pass\n"
        "print(cfg.flag, 'flag' in vars(cfg), hasattr(Cfg, 'other'))\n");
    EXPECT_EQ(c.out, "2 3\n1 False False\n");
}

TEST(Unittest, AssertRaisesAsContextManagerAndCall) {
    auto c = gs::runtime::test::run(
        "import unittest\nclass T(unittest.TestCase):\n"
        "    def test_r(self):\n        with self.assertRaises(KeyError) as cm:\n            {}['k']\n"
        "        print(repr(cm.exception))\n        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)\n"
        "        self.assertRaisesRegex(ValueError, 'inv.lid', int, 'x')\n"
        "unittest.main()\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out, "KeyError('k')\n");
}

// Issue 12 ("no false green"): a file whose test class vanished (a class decorator that returns
// something else) runs no test; unittest.main() says so and exits 5, as Python 3.12 does.
TEST(Unittest, NoTestsRanIsNotASuccess) {
    Interpreter I;
    auto c = gs::runtime::test::run(I,
                                    "import unittest\n"
                                    "def lose(cls):\n"
                                    "    return None\n"
                                    "@lose\n"
                                    "class T(unittest.TestCase):\n"
                                    "    def test_a(self):\n"
                                    "        pass\n"
                                    "unittest.main()\n",
                                    "tests.py");
    EXPECT_EQ(c.rc, kNoTestsRanExitCode);
    EXPECT_NE(c.err.find("no tests ran\n"), std::string::npos) << c.err;
    EXPECT_EQ(c.err.find("0 passed"), std::string::npos) << c.err;
}

TEST(Unittest, OnlySkippedTestsStillCountAsRun) {
    Interpreter I;
    auto c = gs::runtime::test::run(I,
                                    "import unittest\n"
                                    "class T(unittest.TestCase):\n"
                                    "    @unittest.skip('later')\n"
                                    "    def test_a(self):\n"
                                    "        pass\n"
                                    "unittest.main()\n",
                                    "tests.py");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_NE(c.err.find("0 passed, 0 failed, 1 skipped\n"), std::string::npos) << c.err;
}
