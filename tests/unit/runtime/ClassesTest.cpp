// Classes: MRO, super(), descriptors, dunder dispatch, instantiation errors.
#include <gtest/gtest.h>

#include "RuntimeTestUtil.h"

using gs::runtime::test::run;

TEST(Classes, C3LinearisationOfDiamond) {
    auto c = run("class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n"
                 "print([k.__name__ for k in D.__mro__])\n");
    EXPECT_EQ(c.out, "['D', 'B', 'C', 'A', 'object']\n");
}

TEST(Classes, InconsistentMroIsATypeError) {
    auto c = run("class X: pass\nclass Y: pass\nclass A(X, Y): pass\nclass B(Y, X): pass\nclass C(A, B): pass\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("TypeError: Cannot create a consistent method resolution\norder (MRO) for bases X, Y"),
              std::string::npos)
        << c.err;
}

TEST(Classes, ZeroArgumentSuperFollowsMro) {
    auto c = run("class A:\n    def f(self): return 'A'\n"
                 "class B(A):\n    def f(self): return 'B' + super().f()\n"
                 "class C(A):\n    def f(self): return 'C' + super().f()\n"
                 "class D(B, C):\n    def f(self): return 'D' + super().f()\n"
                 "print(D().f())\n");
    EXPECT_EQ(c.out, "DBCA\n");
}

TEST(Classes, PropertyWithSetterAndDataDescriptorPrecedence) {
    auto c = run("class T:\n    def __init__(self): self._v = 1\n"
                 "    @property\n    def v(self): return self._v\n"
                 "    @v.setter\n    def v(self, x): self._v = x * 2\n"
                 "t = T()\nt.v = 5\nt.__dict__['v'] = 'shadow'\nprint(t.v)\n");
    EXPECT_EQ(c.out, "10\n");
}

TEST(Classes, GetattrFallbackAndSetattrOverride) {
    auto c = run("class P:\n    def __init__(self): object.__setattr__(self, 'seen', [])\n"
                 "    def __getattr__(self, n): return n * 2\n"
                 "    def __setattr__(self, n, v): self.seen.append(n); object.__setattr__(self, n, v)\n"
                 "p = P()\np.a = 1\nprint(p.a, p.zz, p.seen)\n");
    EXPECT_EQ(c.out, "1 zzzz ['a']\n");
}

TEST(Classes, EqWithoutHashIsUnhashable) {
    auto c = run("class E:\n    def __eq__(self, o): return True\nhash(E())\n");
    EXPECT_EQ(c.rc, 1);
    EXPECT_NE(c.err.find("TypeError: unhashable type: 'E'"), std::string::npos);
}

TEST(Classes, ReflectedAndInplaceOperators) {
    auto c = run("class V:\n    def __init__(self, v): self.v = v\n"
                 "    def __radd__(self, o): return V(o + self.v)\n"
                 "    def __iadd__(self, o): self.v += o; return self\n"
                 "x = 1 + V(2)\ny = x\ny += 10\nprint(x.v, y is x)\n");
    EXPECT_EQ(c.out, "13 True\n");
}

TEST(Classes, StaticAndClassMethods) {
    auto c = run("class K:\n    n = 3\n    @staticmethod\n    def s(a): return a + 1\n"
                 "    @classmethod\n    def c(cls): return cls.n\nclass L(K): n = 4\n"
                 "print(K.s(1), K().s(2), L.c(), L().c())\n");
    EXPECT_EQ(c.out, "2 3 4 4\n");
}

TEST(Classes, MissingArgumentMessagesUseQualname) {
    auto c = run("class K:\n    def m(self, a, b): pass\nK().m(1)\n");
    EXPECT_NE(c.err.find("TypeError: K.m() missing 1 required positional argument: 'b'"), std::string::npos) << c.err;
}

TEST(Classes, ClassBodyLooksUpNamesDynamically) {
    auto c = run("x = 'global'\ndef f():\n    x = 'enclosing'\n    class C:\n        y = x\n        x = 'own'\n        z = x\n"
                 "    return C.y, C.z\nprint(f())\n");
    EXPECT_EQ(c.out, "('global', 'own')\n");  // bound in the class body: LOAD_NAME semantics
}
