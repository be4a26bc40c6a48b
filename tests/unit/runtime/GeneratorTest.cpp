// Suspendable generators: interleaving, send/throw/close, limits inside generators, cleanup.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"
#include "core/runtime/Generator.h"

using namespace gs::runtime;
using gs::runtime::test::run;

TEST(Generators, ProducerAndConsumerInterleave) {
    auto c = run("def g():\n    for i in range(2):\n        print('p', i)\n        yield i\n"
                 "for v in g():\n    print('c', v)\n");
    EXPECT_EQ(c.out, "p 0\nc 0\np 1\nc 1\n");
}

TEST(Generators, SendThrowCloseAndReturnValue) {
    auto c = run("def g():\n    x = yield 1\n    try:\n        yield x * 2\n    except KeyError:\n        yield 'caught'\n    return 'r'\n"
                 "it = g()\nprint(next(it), it.send(21), it.throw(KeyError))\n"
                 "try:\n    next(it)\nexcept StopIteration as e:\n    print('stop', e.value)\n"
                 "def h():\n    try:\n        yield 1\n    finally:\n        print('closed')\n"
                 "x = h()\nnext(x)\nx.close()\n");
    EXPECT_EQ(c.out, "1 42 caught\nstop r\nclosed\n");
}

TEST(Generators, AbandonedSuspendedGeneratorRunsFinallyWhenReleased) {
    auto c = run("def h():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('cleanup')\n"
                 "x = h()\nprint(next(x))\ndel x\nprint('after')\n");
    EXPECT_EQ(c.out, "1\ncleanup\nafter\n");
}

TEST(Generators, ExceptionsInsideGeneratorReachTheConsumerWithTraceback) {
    auto c = run("def g():\n    yield 1\n    raise ValueError('inside')\n"
                 "for v in g():\n    pass\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("line 3, in g\n    raise ValueError('inside')\nValueError: inside"), std::string::npos) << c.err;
}

TEST(Generators, InfiniteGeneratorStopsAtStepLimit) {
    Interpreter I;
    I.limits().maxSteps = 5000;
    auto c = run(I, "def g():\n    while True:\n        yield 1\nfor v in g():\n    pass\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_NE(c.err.find("limit reached: more than 5000 steps"), std::string::npos) << c.err;
}

TEST(Generators, DeepRecursionInsideGeneratorIsALimitNotACrash) {
    Interpreter I;
    I.limits().maxDepth = 100000;
    auto c = run(I, "def r(n):\n    return 0 if n == 0 else 1 + r(n - 1)\n"
                    "def g():\n    yield r(100000)\nprint(list(g()))\n");
    EXPECT_EQ(c.rc, 3);
    EXPECT_NE(c.err.find("nested calls inside a generator exhaust its 1 MB stack"), std::string::npos) << c.err;
}

TEST(Generators, StackOfFramesIncludesTheConsumer) {
    Interpreter I;
    Module* m = I.nativeModule("probe");
    std::vector<std::string> fns;
    I.defineFunction(m, "where", [&](const CallArgs&) {
        for (const auto& l : I.stack()) fns.push_back(l.function);
        return Value::none();
    });
    auto c = run(I, "import probe\ndef g():\n    probe.where()\n    yield 1\ndef consume():\n    return list(g())\nconsume()\n");
    ASSERT_EQ(c.rc, 0) << c.err;
    std::vector<std::string> expected = {"g", "consume", "<module>"};
    EXPECT_EQ(fns, expected);
}

TEST(Generators, ContextmanagerFromContextlib) {
    auto c = run("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    print('in')\n    yield 5\n    print('out')\n"
                 "with cm() as v:\n    print(v)\n");
    EXPECT_EQ(c.out, "in\n5\nout\n");
}

TEST(Generators, SuspendedGeneratorsAreFreedWithTheInterpreter) {
    auto* I = new Interpreter();
    I->setOutput([](std::string_view) {});
    I->runSource("s.py", "def g():\n    yield 1\n    yield 2\nkeep = g()\nnext(keep)\ncycle = []\ncycle.append(cycle)\n");
    delete I;  // must not resume the body; ASan/LSan checks that nothing leaks or is used after free
    SUCCEED();
}
