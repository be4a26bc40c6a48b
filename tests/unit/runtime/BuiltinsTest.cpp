// Builtin functions and modules.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"

using gs::runtime::test::run;

TEST(Builtins, PrintSepEndAndContainers) {
    auto c = run("print(1, 'a', None, sep='-', end='!\\n')\nprint()\nprint([1, 2], {'k': (1,)})\n");
    EXPECT_EQ(c.out, "1-a-None!\n\n[1, 2] {'k': (1,)}\n");
}

TEST(Builtins, MinMaxKeyDefaultAndErrors) {
    auto c = run("print(max([3, 1, 2]), min('bca'), max([], default=7), min([1, -5], key=abs), max(1, 2, key=lambda x: -x))\n"
                 "try:\n    max([])\nexcept ValueError as e:\n    print(e)\n");
    EXPECT_EQ(c.out, "3 a 7 1 1\nmax() arg is an empty sequence\n");
}

TEST(Builtins, SortedZipEnumerateReversed) {
    auto c = run("print(sorted([3, 1, 2], reverse=True), list(zip('ab', [1, 2, 3])), list(enumerate('xy', 1)), list(reversed(range(3))))\n");
    EXPECT_EQ(c.out, "[3, 2, 1] [('a', 1), ('b', 2)] [(1, 'x'), (2, 'y')] [2, 1, 0]\n");
}

TEST(Builtins, IsinstanceWithTuplesAndTypeOf) {
    auto c = run("print(isinstance(1, (str, int)), isinstance(True, int), type(True) is bool, issubclass(bool, (int,)))\n");
    EXPECT_EQ(c.out, "True True True True\n");
}

TEST(Builtins, GetattrHasattrSetattr) {
    auto c = run("class O: pass\no = O()\nsetattr(o, 'a', 1)\nprint(getattr(o, 'a'), getattr(o, 'b', 2), hasattr(o, 'a'), hasattr(o, 'b'))\n");
    EXPECT_EQ(c.out, "1 2 True False\n");
}

TEST(Builtins, MathAndItertools) {
    auto c = run("import math, itertools\nprint(math.sqrt(16), math.floor(-2.5), math.prod([2, 3]), math.gcd(12, 8), math.isnan(math.nan))\n"
                 "print(list(itertools.islice(itertools.count(3), 3)), list(itertools.combinations('abc', 2)))\n");
    EXPECT_EQ(c.out, "4.0 -3 6 4 True\n[3, 4, 5] [('a', 'b'), ('a', 'c'), ('b', 'c')]\n");
}

TEST(Builtins, RandomIsSeededLikeCPython) {
    auto c = run("import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 10))\n");
    EXPECT_EQ(c.out, "0.6394267984578837 1\n");
}

TEST(Builtins, FunctoolsPartialReduceWrapsLruCache) {
    auto c = run("import functools\n"
                 "@functools.lru_cache(maxsize=None)\ndef sq(n):\n    print('calc', n)\n    return n * n\n"
                 "print(sq(3), sq(3), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.partial(pow, 2)(5))\n"
                 "def deco(f):\n    @functools.wraps(f)\n    def w(*a):\n        return f(*a)\n    return w\n"
                 "@deco\ndef named():\n    'doc'\nprint(named.__name__, named.__doc__)\n");
    EXPECT_EQ(c.out, "calc 3\n9 9 24 32\nnamed doc\n");
}

TEST(Builtins, GeneratorsRunEagerlyButIterateLazilyToTheConsumer) {
    auto c = run("def gen():\n    yield 1\n    yield from [2, 3]\nprint(list(gen()), sum(x * x for x in range(4)))\n");
    EXPECT_EQ(c.out, "[1, 2, 3] 14\n");
}

TEST(Builtins, UnknownModuleRaisesModuleNotFoundError) {
    auto c = run("\nimport nosuchmod\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("line 2, in <module>"), std::string::npos);
    EXPECT_NE(c.err.find("ModuleNotFoundError: No module named 'nosuchmod'"), std::string::npos);
}

TEST(Builtins, MainModuleNameIsMain) {
    auto c = run("print(__name__)\nif __name__ == '__main__':\n    print('main')\n");
    EXPECT_EQ(c.out, "__main__\nmain\n");
}
