// Exceptions: messages worded like CPython's, tracebacks pointing at scenario lines, finally and
// with semantics, raising and catching across the C++ boundary.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"

using namespace gs::runtime;
using gs::runtime::test::run;

TEST(Exceptions, UncaughtErrorPrintsPythonStyleTraceback) {
    auto c = run("def inner(d):\n    return d['a']\n\ndef outer():\n    return inner({})\n\nouter()\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_EQ(c.err,
              "Traceback (most recent call last):\n"
              "  File \"scenario.py\", line 7, in <module>\n"
              "    outer()\n"
              "  File \"scenario.py\", line 5, in outer\n"
              "    return inner({})\n"
              "  File \"scenario.py\", line 2, in inner\n"
              "    return d['a']\n"
              "KeyError: 'a'\n");
}

TEST(Exceptions, MessagesMatchCPython) {
    auto c = run("for f in [lambda: x, lambda: 1 + 'a', lambda: 1 / 0, lambda: {}['a'], lambda: [][1], lambda: None.y]:\n"
                 "    try:\n        f()\n    except Exception as e:\n        print(type(e).__name__ + ': ' + str(e))\n");
    EXPECT_EQ(c.out,
              "NameError: name 'x' is not defined\n"
              "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n"
              "ZeroDivisionError: division by zero\n"
              "KeyError: 'a'\n"
              "IndexError: list index out of range\n"
              "AttributeError: 'NoneType' object has no attribute 'y'\n");
}

TEST(Exceptions, ChainedTracebacksShowCauseAndContext) {
    auto c = run("try:\n    raise KeyError('a')\nexcept KeyError as e:\n    raise ValueError('b') from e\n");
    EXPECT_NE(c.err.find("KeyError: 'a'\n\nThe above exception was the direct cause of the following exception:\n\n"),
              std::string::npos)
        << c.err;
    auto d = run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise RuntimeError('x')\n");
    EXPECT_NE(d.err.find("During handling of the above exception, another exception occurred:"), std::string::npos);
}

TEST(Exceptions, FinallyRunsOnReturnBreakContinue) {
    auto c = run("def f():\n    try:\n        return 'r'\n    finally:\n        print('fin')\n"
                 "print(f())\nfor i in range(2):\n    try:\n        continue\n    finally:\n        print('c', i)\n"
                 "def g():\n    try:\n        raise ValueError\n    finally:\n        return 'swallowed'\nprint(g())\n");
    EXPECT_EQ(c.out, "fin\nr\nc 0\nc 1\nswallowed\n");
}

TEST(Exceptions, WithCallsExitWithExceptionAndHonoursTrue) {
    auto c = run("class M:\n    def __enter__(self): return self\n"
                 "    def __exit__(self, t, v, tb): print(t.__name__, v); return True\n"
                 "with M():\n    raise KeyError('k')\nprint('after')\n");
    EXPECT_EQ(c.out, "KeyError 'k'\nafter\n");
}

TEST(Exceptions, RaiseFromCppAndCatchInScenario) {
    Interpreter I;
    Module* m = I.nativeModule("native");
    I.defineFunction(m, "fail", [&I](const CallArgs&) -> Value { I.raise("ValueError", "from C++"); });
    auto c = run(I, "import native\ntry:\n    native.fail()\nexcept ValueError as e:\n    print('caught', e)\n");
    EXPECT_EQ(c.out, "caught from C++\n");
}

TEST(Exceptions, CatchScenarioExceptionInCpp) {
    Interpreter I;
    I.setOutput([](std::string_view) {});
    Module* m = I.runSource("s.py", "class MyErr(Exception):\n    pass\ndef boom():\n    raise MyErr('bad')\n");
    try {
        I.call(I.getAttr(Value(m), "boom"));
        FAIL() << "expected PyError";
    } catch (PyError& e) {
        EXPECT_EQ(e.typeName(), "MyErr");
        EXPECT_EQ(e.message(), "bad");
        ASSERT_FALSE(e.exception()->traceback.empty());
        EXPECT_EQ(e.exception()->traceback.front().line, 4);
        EXPECT_EQ(e.exception()->traceback.front().function, "boom");
        EXPECT_EQ(e.exception()->traceback.front().text, "raise MyErr('bad')");
    }
}

TEST(Exceptions, NewExceptionClassFromNativeModule) {
    Interpreter I;
    Module* exc = I.nativeModule("torchlike._dynamo.exc");
    Type* recompile = I.newExceptionClass("RecompileError", exc, I.types.RuntimeError);
    I.defineFunction(exc, "trigger", [&I, recompile](const CallArgs&) -> Value { I.raise(recompile, "too many"); });
    auto c = run(I, "from torchlike._dynamo.exc import RecompileError, trigger\n"
                    "try:\n    trigger()\nexcept RuntimeError as e:\n"
                    "    print(type(e).__name__, isinstance(e, RecompileError), e)\n");
    EXPECT_EQ(c.out, "RecompileError True too many\n");
}

TEST(Exceptions, SyntaxErrorReportsPosition) {
    auto c = run("x = (1,\n");
    EXPECT_EQ(c.rc, 2);
    EXPECT_NE(c.err.find("scenario.py:"), std::string::npos) << c.err;
}
