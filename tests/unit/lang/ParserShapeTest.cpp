// Tree shapes of every construct, compared with what CPython's own parser builds for the same
// source (expected dumps generated with tests/data/lang/cpython_dump.py under CPython 3.11).
#include <gtest/gtest.h>

#include "LangTestUtil.h"

using namespace gs::lang;
using namespace gs::lang::test;

namespace {

class StatementShape : public ::testing::TestWithParam<DumpCase> {};
class ExpressionShape : public ::testing::TestWithParam<DumpCase> {};
class StringShape : public ::testing::TestWithParam<DumpCase> {};

void expectDump(const DumpCase& c) {
    const std::string expected = std::string("Module(body=[") + c.body + "])";
    std::string actual;
    try {
        actual = dumpModule(c.source);
    } catch (const SyntaxError& e) {
        actual = std::string("SyntaxError: ") + e.what();
    }
    EXPECT_EQ(actual, expected) << "source:\n" << c.source;
}

const DumpCase kStatements[] = {
    {"ImportDottedWithAlias",
     R"py(import a.b.c as d, e
)py",
     R"d(Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')]))d"},
    {"FromImportRelativeDot",
     R"py(from . import x
)py",
     R"d(ImportFrom(names=[alias(name='x')], level=1))d"},
    {"FromImportRelativeDotsParenthesizedTrailingComma",
     R"py(from ...pkg.mod import (a, b as c,)
)py",
     R"d(ImportFrom(module='pkg.mod', names=[alias(name='a'), alias(name='b', asname='c')], level=3))d"},
    {"FromImportStarRelative",
     R"py(from .... import *
)py",
     R"d(ImportFrom(names=[alias(name='*')], level=4))d"},
    {"FromImportAbsolute",
     R"py(from unittest.mock import patch
)py",
     R"d(ImportFrom(module='unittest.mock', names=[alias(name='patch')], level=0))d"},
    {"DefWithDefaultsVarargsKwonlyKwargsAndReturnAnnotation",
     R"py(def f(a, b=1, *args, c, d=2, **kw) -> int:
    return a
)py",
     R"d(FunctionDef(name='f', args=arguments(args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Return(value=Name(id='a', ctx=Load()))], returns=Name(id='int', ctx=Load())))d"},
    {"DefPositionalOnlyAndBareStar",
     R"py(def f(a, /, b, *, c): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None]), body=[Pass()]))d"},
    {"DefPositionalOnlyWithDefaults",
     R"py(def f(a=1, /, b=2, *, c=3): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[Constant(value=3)], defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()]))d"},
    {"DefAnnotations",
     R"py(def f(a: int = 1, *b: str, **c: "float"): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), kwarg=arg(arg='c', annotation=Constant(value='float')), defaults=[Constant(value=1)]), body=[Pass()]))d"},
    {"DefKeywordOnlyDefaultsInAnyOrder",
     R"py(def f(*, a=1, b): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[Constant(value=1), None]), body=[Pass()]))d"},
    {"DecoratorsAreAnyExpression",
     R"py(@dec
@dec2(1)
@a.b[0](x)
@x if y else z
def f(): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)]), Call(func=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Constant(value=0), ctx=Load()), args=[Name(id='x', ctx=Load())]), IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load()))]))d"},
    {"DecoratorWithNamedExpression",
     R"py(@x := y
def f(): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[NamedExpr(target=Name(id='x', ctx=Store()), value=Name(id='y', ctx=Load()))]))d"},
    {"ClassWithBasesKeywordsAndDecorator",
     R"py(@property
class C(Base, metaclass=M, **kw): pass
)py",
     R"d(ClassDef(name='C', bases=[Name(id='Base', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()], decorator_list=[Name(id='property', ctx=Load())]))d"},
    {"ClassWithSimpleBody",
     R"py(class C:
    x = 1
    def m(self):
        return super().m()
)py",
     R"d(ClassDef(name='C', body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), FunctionDef(name='m', args=arguments(args=[arg(arg='self')]), body=[Return(value=Call(func=Attribute(value=Call(func=Name(id='super', ctx=Load())), attr='m', ctx=Load())))])]))d"},
    {"ClassTrailingCommaInBases",
     R"py(class A(B, C,): pass
)py",
     R"d(ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], body=[Pass()]))d"},
    {"IfElifElse",
     R"py(if a: pass
elif b: pass
elif c:
    pass
else:
    pass
)py",
     R"d(If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='c', ctx=Load()), body=[Pass()], orelse=[Pass()])])]))d"},
    {"ForTupleTargetWithStarAndElse",
     R"py(for x, *y in z:
    break
else:
    pass
)py",
     R"d(For(target=Tuple(elts=[Name(id='x', ctx=Store()), Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Break()], orelse=[Pass()]))d"},
    {"ForListTarget",
     R"py(for [a, b] in c: pass
)py",
     R"d(For(target=List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()]))d"},
    {"ForSingleElementTupleTarget",
     R"py(for i, in x: pass
)py",
     R"d(For(target=Tuple(elts=[Name(id='i', ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Pass()]))d"},
    {"WhileWalrusElse",
     R"py(while x := f():
    continue
else:
    pass
)py",
     R"d(While(test=NamedExpr(target=Name(id='x', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()))), body=[Continue()], orelse=[Pass()]))d"},
    {"ChainedAssignment",
     R"py(a = b = c = 1
)py",
     R"d(Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], value=Constant(value=1)))d"},
    {"StarredUnpacking",
     R"py(a, *b = c
)py",
     R"d(Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())))d"},
    {"NestedUnpacking",
     R"py([a, (b, c)] = d
)py",
     R"d(Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load())))d"},
    {"AugmentedAssignmentAllOperators",
     R"py(x += 1; y -= 2; z *= 3; w @= 4; v /= 5; u //= 6; t %= 7; s **= 8; r >>= 9; q <<= 10; p &= 11; o |= 12; n ^= 13
)py",
     R"d(AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='y', ctx=Store()), op=Sub(), value=Constant(value=2)), AugAssign(target=Name(id='z', ctx=Store()), op=Mult(), value=Constant(value=3)), AugAssign(target=Name(id='w', ctx=Store()), op=MatMult(), value=Constant(value=4)), AugAssign(target=Name(id='v', ctx=Store()), op=Div(), value=Constant(value=5)), AugAssign(target=Name(id='u', ctx=Store()), op=FloorDiv(), value=Constant(value=6)), AugAssign(target=Name(id='t', ctx=Store()), op=Mod(), value=Constant(value=7)), AugAssign(target=Name(id='s', ctx=Store()), op=Pow(), value=Constant(value=8)), AugAssign(target=Name(id='r', ctx=Store()), op=RShift(), value=Constant(value=9)), AugAssign(target=Name(id='q', ctx=Store()), op=LShift(), value=Constant(value=10)), AugAssign(target=Name(id='p', ctx=Store()), op=BitAnd(), value=Constant(value=11)), AugAssign(target=Name(id='o', ctx=Store()), op=BitOr(), value=Constant(value=12)), AugAssign(target=Name(id='n', ctx=Store()), op=BitXor(), value=Constant(value=13)))d"},
    {"AugmentedAssignmentToAttributeAndSubscript",
     R"py(a.b += 1
a[0] -= 1
)py",
     R"d(AugAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Store()), op=Sub(), value=Constant(value=1)))d"},
    {"AnnotatedAssignments",
     R"py(x: int
y: list[int] = []
self.x: int = 1
a[0]: str = "s"
)py",
     R"d(AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), value=List(ctx=Load()), simple=1), AnnAssign(target=Attribute(value=Name(id='self', ctx=Load()), attr='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0), AnnAssign(target=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Store()), annotation=Name(id='str', ctx=Load()), value=Constant(value='s'), simple=0))d"},
    {"GlobalAndNonlocal",
     R"py(def f():
    global a, b
    a = 1
    def g():
        nonlocal c
    c = 2
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Global(names=['a', 'b']), Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1)), FunctionDef(name='g', args=arguments(), body=[Nonlocal(names=['c'])]), Assign(targets=[Name(id='c', ctx=Store())], value=Constant(value=2))]))d"},
    {"WithMultipleItemsAndTargets",
     R"py(with a as b, c as (d, e), f:
    pass
)py",
     R"d(With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Tuple(elts=[Name(id='d', ctx=Store()), Name(id='e', ctx=Store())], ctx=Store())), withitem(context_expr=Name(id='f', ctx=Load()))], body=[Pass()]))d"},
    {"WithParenthesizedItems",
     R"py(with (a as b, c as d,):
    pass
)py",
     R"d(With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()]))d"},
    {"WithParenthesizedNamesAreItems",
     R"py(with (a, b):
    pass
)py",
     R"d(With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()]))d"},
    {"WithParenthesizedExpressionAsTarget",
     R"py(with (a) as b:
    pass
)py",
     R"d(With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store()))], body=[Pass()]))d"},
    {"WithTupleExpressionAsTarget",
     R"py(with (a, b) as c:
    pass
)py",
     R"d(With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()]))d"},
    {"WithCallAndAttributeTarget",
     R"py(with open(p) as self.f:
    pass
)py",
     R"d(With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='p', ctx=Load())]), optional_vars=Attribute(value=Name(id='self', ctx=Load()), attr='f', ctx=Store()))], body=[Pass()]))d"},
    {"AssertWithMessage",
     R"py(assert x, "msg"
)py",
     R"d(Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')))d"},
    {"TryFull",
     R"py(try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
)py",
     R"d(Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()]))d"},
    {"TryFinallyOnly",
     R"py(try:
    x
finally:
    y
)py",
     R"d(Try(body=[Expr(value=Name(id='x', ctx=Load()))], finalbody=[Expr(value=Name(id='y', ctx=Load()))]))d"},
    {"RaiseForms",
     R"py(raise
)py",
     R"d(Raise())d"},
    {"RaiseFrom",
     R"py(raise E("x") from e
)py",
     R"d(Raise(exc=Call(func=Name(id='E', ctx=Load()), args=[Constant(value='x')]), cause=Name(id='e', ctx=Load())))d"},
    {"DeleteTargets",
     R"py(del a, b[0], c.d, (e, f), [g]
)py",
     R"d(Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del()), Tuple(elts=[Name(id='e', ctx=Del()), Name(id='f', ctx=Del())], ctx=Del()), List(elts=[Name(id='g', ctx=Del())], ctx=Del())]))d"},
    {"ReturnForms",
     R"py(def f():
    return
def g():
    return 1, 2
def h(): return *a, b
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Return()]), FunctionDef(name='g', args=arguments(), body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))]), FunctionDef(name='h', args=arguments(), body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))]))d"},
    {"PassBreakContinue",
     R"py(for x in y:
    if x: break
    else: continue
    pass
)py",
     R"d(For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[If(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()]), Pass()]))d"},
    {"YieldFormsMakeGenerator",
     R"py(def gen():
    yield
    yield 1
    x = yield 2
    yield from g()
    y = yield a, b
)py",
     R"d(FunctionDef(name='gen', args=arguments(), body=[Expr(value=Yield()), Expr(value=Yield(value=Constant(value=1))), Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Constant(value=2))), Expr(value=YieldFrom(value=Call(func=Name(id='g', ctx=Load())))), Assign(targets=[Name(id='y', ctx=Store())], value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], generator=True))d"},
    {"YieldInNestedScopesOnlyMarksThem",
     R"py(def outer():
    def inner():
        yield 1
    return lambda: (yield)
)py",
     R"d(FunctionDef(name='outer', args=arguments(), body=[FunctionDef(name='inner', args=arguments(), body=[Expr(value=Yield(value=Constant(value=1)))], generator=True), Return(value=Lambda(args=arguments(), body=Yield()))]))d"},
    {"YieldInFirstIterableBelongsToFunction",
     R"py(def f():
    return [i for i in (yield)]
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Return(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Yield(), is_async=0)]))], generator=True))d"},
    {"SemicolonsAndTrailingSemicolon",
     R"py(x = 1; y = 2;
)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2)))d"},
    {"ImplicitLineJoiningAndBackslash",
     R"py(x = [
    1,
    2,
]
y = (1 +
     2)
z = 1 + \
    2
)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load())), Assign(targets=[Name(id='y', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))), Assign(targets=[Name(id='z', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))))d"},
    {"CommentsAndBlankLines",
     R"py(# comment only

   # indented comment
x = 1  # trailing

)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)))d"},
    {"CommentsInsideBlocks",
     R"py(if x:
    # comment
    pass
        # odd comment
    y = 1
)py",
     R"d(If(test=Name(id='x', ctx=Load()), body=[Pass(), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1))]))d"},
    {"NestedFunctionsAndClasses",
     R"py(class A:
    class B:
        def f(self):
            def g():
                pass
            return g
)py",
     R"d(ClassDef(name='A', body=[ClassDef(name='B', body=[FunctionDef(name='f', args=arguments(args=[arg(arg='self')]), body=[FunctionDef(name='g', args=arguments(), body=[Pass()]), Return(value=Name(id='g', ctx=Load()))])])]))d"},
    {"MainGuard",
     R"py(if __name__ == "__main__":
    from torch._dynamo.test_case import run_tests
    run_tests()
)py",
     R"d(If(test=Compare(left=Name(id='__name__', ctx=Load()), ops=[Eq()], comparators=[Constant(value='__main__')]), body=[ImportFrom(module='torch._dynamo.test_case', names=[alias(name='run_tests')], level=0), Expr(value=Call(func=Name(id='run_tests', ctx=Load())))]))d"},
    {"NonAsciiIdentifiers",
     R"py(éè = 1; 变量 = 2; x变 = 3
)py",
     R"d(Assign(targets=[Name(id='éè', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='变量', ctx=Store())], value=Constant(value=2)), Assign(targets=[Name(id='x变', ctx=Store())], value=Constant(value=3)))d"},
    {"KeywordGluedToNumber",
     R"py(if 1if 1else 2: pass
)py",
     R"d(If(test=IfExp(test=Constant(value=1), body=Constant(value=1), orelse=Constant(value=2)), body=[Pass()]))d"},
    {"ExpressionStatementTupleTrailingComma",
     R"py(x = 1 if y else 2,
)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[IfExp(test=Name(id='y', ctx=Load()), body=Constant(value=1), orelse=Constant(value=2))], ctx=Load())))d"},
    {"ChainedAssignmentWithTuples",
     R"py(a = b, c = d
)py",
     R"d(Assign(targets=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load())))d"},
    {"DeleteParenthesized",
     R"py(del (a), [b], a.b[c]
)py",
     R"d(Delete(targets=[Name(id='a', ctx=Del()), List(elts=[Name(id='b', ctx=Del())], ctx=Del()), Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Del())]))d"},
    {"YieldStatementInLambdaInsideDef",
     R"py(def f():
    g = lambda: (yield)
    return g
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Assign(targets=[Name(id='g', ctx=Store())], value=Lambda(args=arguments(), body=Yield())), Return(value=Name(id='g', ctx=Load()))]))d"},
    {"BackslashAtColumnZeroTakesTheNextLinesIndentation",
     R"py(if 1:
  x
\
  y
)py",
     R"d(If(test=Constant(value=1), body=[Expr(value=Name(id='x', ctx=Load())), Expr(value=Name(id='y', ctx=Load()))]))d"},
    {"BackslashAfterIndentationFixesTheIndentation",
     R"py(def gen():
    yield
    \
x = yield 2
    yield 1
)py",
     R"d(FunctionDef(name='gen', args=arguments(), body=[Expr(value=Yield()), Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Constant(value=2))), Expr(value=Yield(value=Constant(value=1)))], generator=True))d"},
    {"VarargStarAnnotation",
     R"py(def f(*args: *Ts): pass
)py",
     R"d(FunctionDef(name='f', args=arguments(vararg=arg(arg='args', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load()))), body=[Pass()]))d"},
    {"StarredExpressionInSubscriptTakesAWholeExpression",
     R"py(a[x, *b in c]
)py",
     R"d(Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), Starred(value=Compare(left=Name(id='b', ctx=Load()), ops=[In()], comparators=[Name(id='c', ctx=Load())]), ctx=Load())], ctx=Load()), ctx=Load())))d"},
    {"EmptyFormatSpecInsideSpec",
     R"py(F"{x!s:^{w:}}"
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1, format_spec=JoinedStr())]))])))d"},
    {"ParenthesizedWalrusAsSliceBound",
     R"py(x[(a := 1):2]
)py",
     R"d(Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=NamedExpr(target=Name(id='a', ctx=Store()), value=Constant(value=1)), upper=Constant(value=2)), ctx=Load())))d"},
};

const DumpCase kExpressions[] = {
    {"SingletonsAndEllipsis",
     R"py(None; True; False; ...
)py",
     R"d(Expr(value=Constant(value=None)), Expr(value=Constant(value=True)), Expr(value=Constant(value=False)), Expr(value=Constant(value=Ellipsis)))d"},
    {"IntegerLiterals",
     R"py(1; 0x1F; 0o17; 0b101; 1_000_000; 00; 0_0; 0XfF; 0O7; 0B1
)py",
     R"d(Expr(value=Constant(value=1)), Expr(value=Constant(value=31)), Expr(value=Constant(value=15)), Expr(value=Constant(value=5)), Expr(value=Constant(value=1000000)), Expr(value=Constant(value=0)), Expr(value=Constant(value=0)), Expr(value=Constant(value=255)), Expr(value=Constant(value=7)), Expr(value=Constant(value=1)))d"},
    {"FloatAndImaginaryLiterals",
     R"py(1.5; 1e10; 0.5e-3; .5; 5.; 1_0.0_1; 1E+3; 1j; 3.14j; 1e3J
)py",
     R"d(Expr(value=Constant(value=1.5)), Expr(value=Constant(value=10000000000.0)), Expr(value=Constant(value=0.0005)), Expr(value=Constant(value=0.5)), Expr(value=Constant(value=5.0)), Expr(value=Constant(value=10.01)), Expr(value=Constant(value=1000.0)), Expr(value=Constant(value=1j)), Expr(value=Constant(value=3.14j)), Expr(value=Constant(value=1000j)))d"},
    {"FloatLiteralReprs",
     R"py(1e16; 1e15; 0.0001; 0.00001; 1e400; 1.7976931348623157e308
)py",
     R"d(Expr(value=Constant(value=1e+16)), Expr(value=Constant(value=1000000000000000.0)), Expr(value=Constant(value=0.0001)), Expr(value=Constant(value=1e-05)), Expr(value=Constant(value=inf)), Expr(value=Constant(value=1.7976931348623157e+308)))d"},
    {"IntegersBeyondInt64AreBig",
     R"py(9223372036854775807; 9223372036854775808; 123456789012345678901234567890; 0xFFFFFFFFFFFFFFFFFFFF; 0b11111111111111111111111111111111111111111111111111111111111111111; 0o7777777777777777777777777
)py",
     R"d(Expr(value=Constant(value=9223372036854775807)), Expr(value=Constant(value=9223372036854775808)), Expr(value=Constant(value=123456789012345678901234567890)), Expr(value=Constant(value=1208925819614629174706175)), Expr(value=Constant(value=36893488147419103231)), Expr(value=Constant(value=37778931862957161709567)))d"},
    {"Displays",
     R"py([1, 2, *a]; (1,); (1, 2); (); {1, 2, *s}; {}; {1: 2, **m, 3: 4}; [*a, *b]; [];
)py",
     R"d(Expr(value=List(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load())), Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load())), Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load())), Expr(value=Tuple(ctx=Load())), Expr(value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='s', ctx=Load()), ctx=Load())])), Expr(value=Dict()), Expr(value=Dict(keys=[Constant(value=1), None, Constant(value=3)], values=[Constant(value=2), Name(id='m', ctx=Load()), Constant(value=4)])), Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load())), Expr(value=List(ctx=Load())))d"},
    {"DisplaysTrailingCommas",
     R"py([1,]; {1,}; {1: 2,}; (1, 2,)
)py",
     R"d(Expr(value=List(elts=[Constant(value=1)], ctx=Load())), Expr(value=Set(elts=[Constant(value=1)])), Expr(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)])), Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load())))d"},
    {"Comprehensions",
     R"py([x for x in y]; {x for x in y if x if y}; {k: v for k, v in d.items()}; (x for x in y for z in x)
)py",
     R"d(Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)])), Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], is_async=0)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load())), is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), is_async=0)])))d"},
    {"ComprehensionMultipleClauses",
     R"py([x*y for x in range(3) if x for y in range(x) if y > 1]
)py",
     R"d(Expr(value=ListComp(elt=BinOp(left=Name(id='x', ctx=Load()), op=Mult(), right=Name(id='y', ctx=Load())), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)]), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='y', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Name(id='x', ctx=Load())]), ifs=[Compare(left=Name(id='y', ctx=Load()), ops=[Gt()], comparators=[Constant(value=1)])], is_async=0)])))d"},
    {"ComprehensionTupleTargetAndStarredTarget",
     R"py([a for a, *b in c]
)py",
     R"d(Expr(value=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), is_async=0)])))d"},
    {"ConditionalIsRightAssociative",
     R"py(a if b else c if d else e
)py",
     R"d(Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load())))))d"},
    {"ConditionalInsideLambda",
     R"py(lambda: a if b else c
)py",
     R"d(Expr(value=Lambda(args=arguments(), body=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))))d"},
    {"BooleanPrecedence",
     R"py(a or b and not c or d
)py",
     R"d(Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))]), Name(id='d', ctx=Load())])))d"},
    {"NotBindsLooserThanComparison",
     R"py(not a == b
)py",
     R"d(Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())]))))d"},
    {"ComparisonChain",
     R"py(a < b <= c == d != e > f >= g is h is not i in j not in k
)py",
     R"d(Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE(), Is(), IsNot(), In(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())])))d"},
    {"BinaryPrecedence",
     R"py(a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
)py",
     R"d(Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load())))))))))d"},
    {"LeftAssociativity",
     R"py(a - b - c; a / b * c
)py",
     R"d(Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Sub(), right=Name(id='b', ctx=Load())), op=Sub(), right=Name(id='c', ctx=Load()))), Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Div(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load()))))d"},
    {"PowerAndUnary",
     R"py(-a ** -b; ~a; +a; not a; -2**2; (-2)**2; a**b**c; 2**-1
)py",
     R"d(Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))))), Expr(value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load()))), Expr(value=UnaryOp(op=UAdd(), operand=Name(id='a', ctx=Load()))), Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load()))), Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2)))), Expr(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=2)), op=Pow(), right=Constant(value=2))), Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load())))), Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1)))))d"},
    {"AttributeSubscriptSlices",
     R"py(a.b.c; a[1]; a[1:2]; a[::3]; a[1:2, ::3]; a[..., 0]; a[:]; a[1:]; a[:2]; a[::]; a[x, y]; a[x,]
)py",
     R"d(Expr(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=3)), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=Ellipsis), Constant(value=0)], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1)), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(upper=Constant(value=2)), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()), ctx=Load())))d"},
    {"SubscriptStarredAndWalrus",
     R"py(a[*b]; a[b:=1]
)py",
     R"d(Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load())))d"},
    {"Calls",
     R"py(f(); f(a); f(a, b,); f(*a); f(**k); f(a, *b, c=1, **d); f(x for x in y); f(a)(b)(c)
)py",
     R"d(Expr(value=Call(func=Name(id='f', ctx=Load()))), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())])), Expr(value=Call(func=Name(id='f', ctx=Load()), keywords=[keyword(value=Name(id='k', ctx=Load()))])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)])])), Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())]), args=[Name(id='b', ctx=Load())]), args=[Name(id='c', ctx=Load())])))d"},
    {"CallStarAfterKeyword",
     R"py(f(a, k=1, *b)
)py",
     R"d(Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=1))])))d"},
    {"CallWithWalrusArgument",
     R"py(print(z := 1, k=2)
)py",
     R"d(Expr(value=Call(func=Name(id='print', ctx=Load()), args=[NamedExpr(target=Name(id='z', ctx=Store()), value=Constant(value=1))], keywords=[keyword(arg='k', value=Constant(value=2))])))d"},
    {"PrimaryChains",
     R"py(f(a)[b](c).d; a.b(c)[d].e; a[1:2][3]
)py",
     R"d(Expr(value=Attribute(value=Call(func=Subscript(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())]), slice=Name(id='b', ctx=Load()), ctx=Load()), args=[Name(id='c', ctx=Load())]), attr='d', ctx=Load())), Expr(value=Attribute(value=Subscript(value=Call(func=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), args=[Name(id='c', ctx=Load())]), slice=Name(id='d', ctx=Load()), ctx=Load()), attr='e', ctx=Load())), Expr(value=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()), slice=Constant(value=3), ctx=Load())))d"},
    {"Lambdas",
     R"py(f = lambda: 0
g = lambda a, b=1, *c, d, e=2, **f: a
h = lambda *, k: k
i = lambda a, /, b: a
)py",
     R"d(Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(), body=Constant(value=0))), Assign(targets=[Name(id='g', ctx=Store())], value=Lambda(args=arguments(args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Name(id='a', ctx=Load()))), Assign(targets=[Name(id='h', ctx=Store())], value=Lambda(args=arguments(kwonlyargs=[arg(arg='k')], kw_defaults=[None]), body=Name(id='k', ctx=Load()))), Assign(targets=[Name(id='i', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')]), body=Name(id='a', ctx=Load()))))d"},
    {"LambdaDefaultsAndNested",
     R"py(lambda x=lambda: 1: lambda y: x + y
)py",
     R"d(Expr(value=Lambda(args=arguments(args=[arg(arg='x')], defaults=[Lambda(args=arguments(), body=Constant(value=1))]), body=Lambda(args=arguments(args=[arg(arg='y')]), body=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Name(id='y', ctx=Load()))))))d"},
    {"NamedExpressions",
     R"py(x = (y := 10)
[w := 1, 2]
if (n := len(a)) > 10: pass
)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=10))), Expr(value=List(elts=[NamedExpr(target=Name(id='w', ctx=Store()), value=Constant(value=1)), Constant(value=2)], ctx=Load())), If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()]))d"},
    {"StarredExpressionsInTuples",
     R"py(t = 1,
u = *a, *b
)py",
     R"d(Assign(targets=[Name(id='t', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load())), Assign(targets=[Name(id='u', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load())))d"},
    {"ParenthesizedYield",
     R"py(def f():
    x = (yield)
    g((yield 1))
)py",
     R"d(FunctionDef(name='f', args=arguments(), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Expr(value=Call(func=Name(id='g', ctx=Load()), args=[Yield(value=Constant(value=1))]))], generator=True))d"},
    {"GroupKeepsInnerExpression",
     R"py(((a + b)) * c
)py",
     R"d(Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load()))))d"},
    {"DictUnpackingOnly",
     R"py({**a}; {**a, **b}
)py",
     R"d(Expr(value=Dict(keys=[None], values=[Name(id='a', ctx=Load())])), Expr(value=Dict(keys=[None, None], values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())])))d"},
    {"SetOfTuples",
     R"py({(1, 2), (3,)}
)py",
     R"d(Expr(value=Set(elts=[Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), Tuple(elts=[Constant(value=3)], ctx=Load())])))d"},
    {"ImplicitConcatenationOfAttributeCalls",
     R"py("-".join(x); 1 .real; (1).imag
)py",
     R"d(Expr(value=Call(func=Attribute(value=Constant(value='-'), attr='join', ctx=Load()), args=[Name(id='x', ctx=Load())])), Expr(value=Attribute(value=Constant(value=1), attr='real', ctx=Load())), Expr(value=Attribute(value=Constant(value=1), attr='imag', ctx=Load())))d"},
    {"SlicesWithExpressions",
     R"py(a[i+1:j*2:-1]; a[f():]
)py",
     R"d(Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=BinOp(left=Name(id='i', ctx=Load()), op=Add(), right=Constant(value=1)), upper=BinOp(left=Name(id='j', ctx=Load()), op=Mult(), right=Constant(value=2)), step=UnaryOp(op=USub(), operand=Constant(value=1))), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Call(func=Name(id='f', ctx=Load()))), ctx=Load())))d"},
};

const DumpCase kStrings[] = {
    {"QuotesAndTriples",
     R"py("abc"; 'abc'; """abc"""; '''a
b'''
)py",
     R"d(Expr(value=Constant(value='abc')), Expr(value=Constant(value='abc')), Expr(value=Constant(value='abc')), Expr(value=Constant(value='a\nb')))d"},
    {"ImplicitConcatenation",
     R"py("a" "b" 'c'
)py",
     R"d(Expr(value=Constant(value='abc')))d"},
    {"AllPrefixes",
     R"py(b"x"; B'y'; r"\n"; R'\t'; rb"\x"; bR"\d"; Br'q'; RB"w"; u"u"; U'v'
)py",
     R"d(Expr(value=Constant(value=b'x')), Expr(value=Constant(value=b'y')), Expr(value=Constant(value='\\n')), Expr(value=Constant(value='\\t')), Expr(value=Constant(value=b'\\x')), Expr(value=Constant(value=b'\\d')), Expr(value=Constant(value=b'q')), Expr(value=Constant(value=b'w')), Expr(value=Constant(value='u')), Expr(value=Constant(value='v')))d"},
    {"Escapes",
     R"py("\n\t\\\'\"\x41\u00e9\U0001F600\101\0\a\b\f\v\r"
)py",
     R"d(Expr(value=Constant(value='\n\t\\\'"Aé😀A\x00\x07\x08\x0c\x0b\r')))d"},
    {"UnknownEscapeKeepsBackslash",
     R"py("\d\q"
)py",
     R"d(Expr(value=Constant(value='\\d\\q')))d"},
    {"LineContinuationInsideString",
     R"py("a\
b"
)py",
     R"d(Expr(value=Constant(value='ab')))d"},
    {"BytesEscapes",
     R"py(b"\x00\xff\n\101\u1234"
)py",
     R"d(Expr(value=Constant(value=b'\x00\xff\nA\\u1234')))d"},
    {"NonAsciiStrings",
     R"py("中文字符串"; '日本語'
)py",
     R"d(Expr(value=Constant(value='中文字符串')), Expr(value=Constant(value='日本語')))d"},
    {"QuotesInRepr",
     R"py("it's"; 'say "hi"'; "both ' and \""
)py",
     R"d(Expr(value=Constant(value="it's")), Expr(value=Constant(value='say "hi"')), Expr(value=Constant(value='both \' and "')))d"},
    {"FStringSimple",
     R"py(f"{x}"; f"a{x!r}b"; f"{x:>10}"; f"{{}}"; f"{a['k']}"
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])), Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='b')])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))])), Expr(value=JoinedStr(values=[Constant(value='{}')])), Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='k'), ctx=Load()), conversion=-1)])))d"},
    {"FStringNestedSpec",
     R"py(f"{x:{w}.{p}}"; F"{x!s:^{w}}"; f"{x!r:>{w}}"
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1)]))])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))])))d"},
    {"FStringRaw",
     R"py(rf"\d{x}"; fr'{x}\n'
)py",
     R"d(Expr(value=JoinedStr(values=[Constant(value='\\d'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\n')])))d"},
    {"FStringConcatenation",
     R"py("a" f"{x}" "b" f"c"
)py",
     R"d(Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='bc')])))d"},
    {"FStringNested",
     R"py(f"{x + y * 2}" f'{f"{z}"}'
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=BinOp(left=Name(id='y', ctx=Load()), op=Mult(), right=Constant(value=2))), conversion=-1), FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]), conversion=-1)])))d"},
    {"FStringMultiline",
     R"py(f"""{
x
}"""
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])))d"},
    {"FStringEmpty",
     R"py(f""
)py",
     R"d(Expr(value=JoinedStr()))d"},
    {"FStringWithOperatorsThatLookLikeDelimiters",
     R"py(f"{a != b}"; f"{a == b}"; f"{a <= b}"; f"{x['a:b']}"; f"{(lambda: 1)()}"; f"{ {1: 2}[1] }"
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a', ctx=Load()), ops=[LtE()], comparators=[Name(id='b', ctx=Load())]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value='a:b'), ctx=Load()), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arguments(), body=Constant(value=1))), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), slice=Constant(value=1), ctx=Load()), conversion=-1)])))d"},
    {"FStringEscapes",
     R"py(f"\n{x}\t"; f"\x41{y}"
)py",
     R"d(Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\t')])), Expr(value=JoinedStr(values=[Constant(value='A'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)])))d"},
    {"FStringInsideCall",
     R"py(print(f"value: {x:.2f}", f'{y!a}')
)py",
     R"d(Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[Constant(value='value: '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]), JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=97)])])))d"},
    {"FStringConcatenatedStrings",
     R"py(x = f"{'a' 'b'}"
)py",
     R"d(Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Constant(value='ab'), conversion=-1)])))d"},
    {"FStringConversionAndSpecTogether",
     R"py(f"{x!r:10}"
)py",
     R"d(Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='10')]))])))d"},
};

auto nameOf = [](const ::testing::TestParamInfo<DumpCase>& info) { return caseName(info.param); };

} // namespace

TEST_P(StatementShape, MatchesCPython) { expectDump(GetParam()); }
TEST_P(ExpressionShape, MatchesCPython) { expectDump(GetParam()); }
TEST_P(StringShape, MatchesCPython) { expectDump(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Parser, StatementShape, ::testing::ValuesIn(kStatements), nameOf);
INSTANTIATE_TEST_SUITE_P(Parser, ExpressionShape, ::testing::ValuesIn(kExpressions), nameOf);
INSTANTIATE_TEST_SUITE_P(Parser, StringShape, ::testing::ValuesIn(kStrings), nameOf);
