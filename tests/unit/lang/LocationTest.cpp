// Node locations: 1-based lines and code-point columns; ends are exclusive.
#include <gtest/gtest.h>

#include "LangTestUtil.h"

using namespace gs::lang;

namespace {

std::string loc(const Loc& l) {
    return std::to_string(l.line) + ":" + std::to_string(l.col) + "-" + std::to_string(l.endLine) + ":" +
           std::to_string(l.endCol);
}

template <class T>
const T& as(const Expr& e) {
    return static_cast<const T&>(e);
}
template <class T>
const T& as(const Stmt& s) {
    return static_cast<const T&>(s);
}

} // namespace

TEST(Locations, ExpressionsInALineWithChineseNames) {
    auto m = parseModule("x = foo(a, b=变量)\n", "t.py");
    const auto& assign = as<Assign>(*m->body[0]);
    EXPECT_EQ(loc(assign.loc), "1:1-1:17");
    EXPECT_EQ(loc(assign.targets[0]->loc), "1:1-1:2");
    const auto& call = as<Call>(*assign.value);
    EXPECT_EQ(loc(call.loc), "1:5-1:17");
    EXPECT_EQ(loc(call.func->loc), "1:5-1:8");
    EXPECT_EQ(loc(call.args[0]->loc), "1:9-1:10");
    EXPECT_EQ(loc(call.keywords[0].loc), "1:12-1:16");
    EXPECT_EQ(loc(call.keywords[0].value->loc), "1:14-1:16");
}

TEST(Locations, DecoratedFunctionStartsAtDef) {
    auto m = parseModule("@dec\ndef f(a, *, b: int):\n    return a\n", "t.py");
    const auto& f = as<FunctionDef>(*m->body[0]);
    EXPECT_EQ(loc(f.loc), "2:1-3:13");
    EXPECT_EQ(loc(f.decorators[0]->loc), "1:2-1:5");
    EXPECT_EQ(loc(f.args.args[0].loc), "2:7-2:8");
    EXPECT_EQ(loc(f.args.kwonlyargs[0].loc), "2:13-2:19");
    EXPECT_EQ(loc(f.body[0]->loc), "3:5-3:13");
}

TEST(Locations, BinaryChainsStartAtTheLeftOperand) {
    auto e = parseExpression("a + b * c");
    EXPECT_EQ(loc(e->loc), "1:1-1:10");
    EXPECT_EQ(loc(as<BinOp>(*e).right->loc), "1:5-1:10");
}

TEST(Locations, ParenthesizedGroupKeepsInnerLocationTupleIncludesParens) {
    EXPECT_EQ(loc(parseExpression("(  a  )")->loc), "1:4-1:5");
    EXPECT_EQ(loc(parseExpression("(a, b)")->loc), "1:1-1:7");
    EXPECT_EQ(loc(parseExpression("a, b")->loc), "1:1-1:5");
}

TEST(Locations, AttributeSubscriptAndCallSpanTheWholePrimary) {
    auto e = parseExpression("a.b[0](x)");
    EXPECT_EQ(loc(e->loc), "1:1-1:10");
    EXPECT_EQ(loc(as<Call>(*e).func->loc), "1:1-1:7");
    EXPECT_EQ(loc(as<Subscript>(*as<Call>(*e).func).value->loc), "1:1-1:4");
}

TEST(Locations, FStringFieldsHaveExactPositions) {
    auto m = parseModule("x = f\"ab{变量 + 1}\"\n", "t.py");
    const auto& js = as<JoinedStr>(*as<Assign>(*m->body[0]).value);
    EXPECT_EQ(loc(js.loc), "1:5-1:18");
    ASSERT_EQ(js.values.size(), 2u);
    EXPECT_EQ(loc(js.values[0]->loc), "1:7-1:9");
    const auto& fv = as<FormattedValue>(*js.values[1]);
    EXPECT_EQ(loc(fv.loc), "1:9-1:17");
    EXPECT_EQ(loc(fv.value->loc), "1:10-1:16");
    EXPECT_EQ(loc(as<BinOp>(*fv.value).right->loc), "1:15-1:16");
}

TEST(Locations, MultiLineFStringField) {
    auto m = parseModule("s = f'''a\n{\n  x}'''\n", "t.py");
    const auto& js = as<JoinedStr>(*as<Assign>(*m->body[0]).value);
    const auto& fv = as<FormattedValue>(*js.values[1]);
    EXPECT_EQ(loc(fv.value->loc), "3:3-3:4");
}

TEST(Locations, StatementsAfterCrLfLines) {
    auto m = parseModule("a = 1\r\nif a:\r\n    b = 2\r\n", "t.py");
    EXPECT_EQ(loc(m->body[1]->loc), "2:1-3:10");
    EXPECT_EQ(loc(as<If>(*m->body[1]).body[0]->loc), "3:5-3:10");
}

TEST(Locations, TabIndentedStatementsCountTheTabAsOneColumn) {
    auto m = parseModule("if a:\n\tb = 2\n", "t.py");
    EXPECT_EQ(loc(as<If>(*m->body[0]).body[0]->loc), "2:2-2:7");
}

TEST(Locations, ImportAliasesAndHandlers) {
    auto m = parseModule("import a.b as c\ntry:\n    pass\nexcept E as e:\n    pass\n", "t.py");
    EXPECT_EQ(loc(as<Import>(*m->body[0]).names[0].loc), "1:8-1:16");
    EXPECT_EQ(loc(as<Try>(*m->body[1]).handlers[0].loc), "4:1-5:9");
}
