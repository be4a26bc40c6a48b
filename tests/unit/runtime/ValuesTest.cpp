// Values, numbers, strings and containers through the interpreter.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

using namespace gs::runtime;
using gs::runtime::test::run;

TEST(Values, InlineValuesCarryNoObject) {
    Value i = Value::integer(5), f = Value::real(1.5), b = Value::boolean(true), n = Value::none();
    EXPECT_TRUE(i.isInt());
    EXPECT_EQ(i.obj(), nullptr);
    EXPECT_TRUE(f.isFloat());
    EXPECT_TRUE(b.isIntLike());
    EXPECT_TRUE(n.isNone());
    EXPECT_EQ(sizeof(Value), 16u);
}

TEST(Values, ReferenceCountsFollowCopies) {
    Interpreter interp;
    InterpreterScope scope(interp);
    Value s = interp.newStr("hello world");
    EXPECT_EQ(s.obj()->refcount(), 1u);
    {
        Value copy = s;
        EXPECT_EQ(s.obj()->refcount(), 2u);
    }
    EXPECT_EQ(s.obj()->refcount(), 1u);
}

TEST(Values, FloatReprIsShortestRoundTrip) {
    EXPECT_EQ(numbers::floatRepr(0.1), "0.1");
    EXPECT_EQ(numbers::floatRepr(1e16), "1e+16");
    EXPECT_EQ(numbers::floatRepr(1e15), "1000000000000000.0");
    EXPECT_EQ(numbers::floatRepr(0.0001), "0.0001");
    EXPECT_EQ(numbers::floatRepr(0.00001), "1e-05");
    EXPECT_EQ(numbers::floatRepr(-0.0), "-0.0");
    EXPECT_EQ(numbers::floatRepr(1.0 / 0.0), "inf");
    EXPECT_EQ(numbers::floatRepr(0.1 + 0.2), "0.30000000000000004");
}

TEST(Values, IntHashMatchesCPython) {
    EXPECT_EQ(numbers::intHash(-1), -2);
    EXPECT_EQ(numbers::intHash((int64_t{1} << 61) - 1), 0);
    EXPECT_EQ(numbers::floatHash(3.0), numbers::intHash(3));
    EXPECT_EQ(numbers::floatHash(1.5), 1152921504606846977);  // python3: hash(1.5)
}

TEST(Values, IntsGrowPastInt64AndComeBack) {
    auto c = run("x = 9223372036854775807\ny = x + 1\nprint(y, type(y).__name__, y - 1, type(y - 1) is int, hash(y - 1) == hash(x))\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out, "9223372036854775808 int 9223372036854775807 True True\n");
}

TEST(Values, IntSizeIsBoundedWithAClearError) {
    // x = x * x forever would exhaust memory; the bound (Numbers.h kMaxIntBits) stops it first.
    auto c = run("x = 3\nwhile True:\n    x = x * x\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("OverflowError: int too large: Guardscope bounds ints to 262144 bits"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("line 3"), std::string::npos) << c.err;
}

TEST(Values, FloorDivisionAndModuloFollowPython) {
    auto c = run("print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, round(2.5), round(3.5), 2 ** -2)\n");
    EXPECT_EQ(c.out, "-4 1 -4 -1 -4.0 0.5 2 4 0.25\n");
}

TEST(Values, StringsIndexByCodePoint) {
    auto c = run("s = 'héllo日本'\nprint(len(s), s[1], s[-1], s[1:3], s[::-1])\n");
    EXPECT_EQ(c.out, "7 é 本 él 本日olléh\n");
}

TEST(Values, DictKeepsInsertionOrderAndUsesVersionsForCaches) {
    Interpreter interp;
    InterpreterScope scope(interp);
    Ref<Dict> d = interp.newDict();
    d->set(interp.newStr("b"), Value::integer(1));
    uint64_t v1 = d->keysVersion();
    d->set(interp.newStr("b"), Value::integer(2));  // value update: same keys version
    EXPECT_EQ(d->keysVersion(), v1);
    d->set(interp.newStr("a"), Value::integer(3));
    EXPECT_NE(d->keysVersion(), v1);
    EXPECT_EQ(ops::repr(Value(d.get())), "{'b': 2, 'a': 3}");
    EXPECT_TRUE(d->remove(interp.newStr("b")));
    EXPECT_EQ(ops::repr(Value(d.get())), "{'a': 3}");
}

TEST(Values, SetOrderMatchesCPythonForInts) {
    auto c = run("print({3, 1, 2}, {1, 2, 3} | {10, 20}, set(range(10, 0, -1)), {100, 200, 300})\n");
    EXPECT_EQ(c.out, "{1, 2, 3} {1, 2, 3, 20, 10} {1, 2, 3, 4, 5, 6, 7, 8, 9, 10} {200, 100, 300}\n");
}

TEST(Values, ContainersReprRecursively) {
    auto c = run("a = [1]\na.append(a)\nd = {}\nd['self'] = d\nprint(a, d, (1,), [None, True, 'x'])\n");
    EXPECT_EQ(c.out, "[1, [...]] {'self': {...}} (1,) [None, True, 'x']\n");
}

TEST(Values, FormattingMiniLanguage) {
    auto c = run("print(f'{3.14159:.2f}|{42:>5}|{255:#x}|{1234567:,}|{0.5:%}|{7:08.3f}|{\"s\":^5}|')\n"
                 "print('%5.1f|%-3d|%s|%r' % (2.25, 7, None, 'q'), '{0}{1}{0}'.format('a', 'b'))\n");
    EXPECT_EQ(c.out, "3.14|   42|0xff|1,234,567|50.000000%|0007.000|  s  |\n  2.2|7  |None|'q' aba\n");
}

TEST(Values, DeeplyNestedContainersRaiseRecursionErrorAndFreeIteratively) {
    auto c = run("x = []\nfor i in range(200000):\n    x = [x]\n"
                 "try:\n    repr(x)\nexcept RecursionError as e:\n    print(e)\n"
                 "y = []\nfor i in range(200000):\n    y = [y]\n"
                 "try:\n    x == y\nexcept RecursionError as e:\n    print(e)\n"
                 "x = y = None\nprint('freed')\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out,
              "maximum recursion depth exceeded while getting the repr of an object\n"
              "maximum recursion depth exceeded in comparison\nfreed\n");
}

TEST(Values, ContainersSurviveEqMutatingThemDuringLookup) {
    auto c = run("class Evil:\n    def __init__(self, box): self.box = box\n    def __hash__(self): return 1\n"
                 "    def __eq__(self, o):\n        self.box.clear()\n        return False\n"
                 "s, d, l = set(), {}, []\nfor i in range(4):\n    s.add(Evil(s))\n    d[Evil(d)] = i\n    l.append(Evil(l))\n"
                 "print(Evil(l) in l, len(s) <= 4, len(d) <= 4)\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out, "False True True\n");
}
