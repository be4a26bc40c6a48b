// Scope decisions of the resolver (CPython symtable rules), checked on the annotated AST.
#include <gtest/gtest.h>

#include <functional>

#include "core/lang/Parser.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Resolver.h"

using namespace gs;
using namespace gs::runtime;

namespace {

// Collects every Name node with the given id, in source order.
void collect(const lang::Expr* e, const std::string& id, std::vector<const lang::Name*>& out);
void collectBody(const lang::Body& b, const std::string& id, std::vector<const lang::Name*>& out);

void collect(const lang::Expr* e, const std::string& id, std::vector<const lang::Name*>& out) {
    using namespace gs::lang;
    if (!e) return;
    switch (e->kind) {
    case ExprKind::Name:
        if (static_cast<const Name*>(e)->id == id) out.push_back(static_cast<const Name*>(e));
        break;
    case ExprKind::BinOp:
        collect(static_cast<const BinOp*>(e)->left.get(), id, out);
        collect(static_cast<const BinOp*>(e)->right.get(), id, out);
        break;
    case ExprKind::Call:
        collect(static_cast<const Call*>(e)->func.get(), id, out);
        for (const auto& a : static_cast<const Call*>(e)->args) collect(a.get(), id, out);
        break;
    case ExprKind::Lambda:
        collect(static_cast<const Lambda*>(e)->body.get(), id, out);
        break;
    case ExprKind::ListComp: {
        auto* c = static_cast<const Comp*>(e);
        for (const auto& g : c->generators) {
            collect(g.iter.get(), id, out);
            collect(g.target.get(), id, out);
        }
        collect(c->elt.get(), id, out);
        break;
    }
    default:
        break;
    }
}

void collectBody(const lang::Body& b, const std::string& id, std::vector<const lang::Name*>& out) {
    using namespace gs::lang;
    for (const auto& s : b) {
        switch (s->kind) {
        case StmtKind::FunctionDef: collectBody(static_cast<const FunctionDef*>(s.get())->body, id, out); break;
        case StmtKind::ClassDef: collectBody(static_cast<const ClassDef*>(s.get())->body, id, out); break;
        case StmtKind::Return: collect(static_cast<const Return*>(s.get())->value.get(), id, out); break;
        case StmtKind::Expr: collect(static_cast<const ExprStmt*>(s.get())->value.get(), id, out); break;
        case StmtKind::Assign:
            collect(static_cast<const Assign*>(s.get())->value.get(), id, out);
            for (const auto& t : static_cast<const Assign*>(s.get())->targets) collect(t.get(), id, out);
            break;
        case StmtKind::AugAssign: collect(static_cast<const AugAssign*>(s.get())->target.get(), id, out); break;
        default: break;
        }
    }
}

struct Resolved {
    Interpreter interp;
    std::unique_ptr<lang::Module> ast;
    const CodeInfo* module = nullptr;
    explicit Resolved(const std::string& src) {
        InterpreterScope scope(interp);
        ast = lang::parseModule(src, "t.py");
        module = Resolver(interp).resolve(*ast);
    }
    std::vector<const lang::Name*> names(const std::string& id) {
        std::vector<const lang::Name*> out;
        collectBody(ast->body, id, out);
        return out;
    }
    const CodeInfo* fn(size_t index) {
        return Resolver::codeOf(static_cast<const lang::FunctionDef*>(ast->body[index].get())->scopeInfo);
    }
};

} // namespace

TEST(Resolver, FunctionLocalsGetSlotsAndModuleNamesAreGlobal) {
    Resolved r("x = 1\ndef f(a, b):\n    c = a + b\n    return c + x\n");
    auto xs = r.names("x");
    ASSERT_EQ(xs.size(), 2u);
    EXPECT_EQ(xs[0]->scope, lang::NameScope::GlobalImplicit);
    EXPECT_EQ(xs[1]->scope, lang::NameScope::GlobalImplicit);
    auto cs = r.names("c");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(cs[0]->scope, lang::NameScope::Local);
    EXPECT_EQ(cs[0]->slot, 2);  // after the parameters a, b
    const CodeInfo* f = r.fn(1);
    EXPECT_EQ(f->nargs, 2);
    EXPECT_EQ(f->nlocals, 3);
    EXPECT_TRUE(f->cellSlots.empty());
}

TEST(Resolver, CapturedVariableBecomesCellAndInnerSeesFree) {
    Resolved r("def outer():\n    v = 1\n    def inner():\n        return v\n    v = 2\n    return inner\n");
    auto vs = r.names("v");
    ASSERT_EQ(vs.size(), 3u);
    EXPECT_EQ(vs[0]->scope, lang::NameScope::Cell);
    EXPECT_EQ(vs[1]->scope, lang::NameScope::Free);
    EXPECT_EQ(vs[1]->slot, 0);
    EXPECT_EQ(vs[2]->scope, lang::NameScope::Cell);
    const CodeInfo* outer = r.fn(0);
    ASSERT_EQ(outer->cellSlots.size(), 1u);
}

TEST(Resolver, GlobalAndNonlocalDeclarations) {
    Resolved r("g = 0\ndef f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n += 1\n    return h\n");
    auto gs = r.names("g");
    EXPECT_EQ(gs[1]->scope, lang::NameScope::Global);
    auto ns = r.names("n");
    ASSERT_GE(ns.size(), 2u);
    EXPECT_EQ(ns[0]->scope, lang::NameScope::Cell);
    EXPECT_EQ(ns[1]->scope, lang::NameScope::Free);
}

TEST(Resolver, ClassBodyIsNotVisibleToMethods) {
    Resolved r("class C:\n    y = 1\n    def m(self):\n        return y\n");
    auto ys = r.names("y");
    ASSERT_EQ(ys.size(), 2u);
    EXPECT_EQ(ys[0]->scope, lang::NameScope::GlobalImplicit);  // class namespace
    EXPECT_EQ(ys[1]->scope, lang::NameScope::GlobalImplicit);  // method: global lookup, not the class
}

TEST(Resolver, ComprehensionIsItsOwnScope) {
    Resolved r("def f(xs):\n    k = 2\n    return [i * k for i in xs]\n");
    auto is = r.names("i");
    ASSERT_EQ(is.size(), 2u);
    EXPECT_EQ(is[0]->scope, lang::NameScope::Local);  // comprehension-local
    auto ks = r.names("k");
    ASSERT_EQ(ks.size(), 2u);
    EXPECT_EQ(ks[0]->scope, lang::NameScope::Cell);  // captured by the comprehension
    EXPECT_EQ(ks[1]->scope, lang::NameScope::Free);
}

TEST(Resolver, NonlocalWithoutBindingIsASyntaxError) {
    Interpreter interp;
    InterpreterScope scope(interp);
    auto ast = lang::parseModule("def f():\n    nonlocal q\n    q = 1\n", "bad.py");
    try {
        Resolver(interp).resolve(*ast);
        FAIL() << "expected SyntaxError";
    } catch (const lang::SyntaxError& e) {
        EXPECT_EQ(e.diagnostic().message, "no binding for nonlocal 'q' found");
        EXPECT_EQ(e.diagnostic().line, 2);
    }
}

TEST(Resolver, CodeIdentityIsStablePerDefinition) {
    Interpreter interp;
    interp.setOutput([](std::string_view) {});
    Module* m = interp.runSource("t.py", "def mk():\n    def inner():\n        return 1\n    return inner\na = mk()\nb = mk()\n");
    InterpreterScope scope(interp);
    Value a = interp.getAttr(Value(m), "a"), b = interp.getAttr(Value(m), "b");
    ASSERT_NE(a.dyn<Function>(), nullptr);
    EXPECT_NE(a.obj(), b.obj());
    EXPECT_EQ(a.as<Function>()->code, b.as<Function>()->code);
    EXPECT_EQ(a.as<Function>()->code->qualname, "mk.<locals>.inner");
}
