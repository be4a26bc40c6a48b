// AST -> compiled nodes (see CompiledCode.h). A node kind is compiled when its fast path exists;
// anything else becomes a fallback node that runs the Evaluator on the AST, so the choice here
// affects speed only, never behaviour.
#include "core/runtime/Compiler.h"

#include "core/runtime/CompiledNodes.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"

namespace gs::runtime {

using namespace gs::lang;

namespace {

bool hasStarred(const std::vector<ExprPtr>& items) {
    for (const auto& e : items)
        if (e->kind == ExprKind::Starred) return true;
    return false;
}

bool isLocal(const Expr* e) {
    return e->kind == ExprKind::Name && static_cast<const Name*>(e)->scope == NameScope::Local;
}

bool isInlineConstant(const Expr* e) {
    if (e->kind != ExprKind::Constant) return false;
    auto t = static_cast<const Constant*>(e)->type;
    return t == Constant::Type::Int || t == Constant::Type::Float || t == Constant::Type::Bool ||
           t == Constant::Type::None;
}

Value inlineConstant(const Constant* c) {
    switch (c->type) {
    case Constant::Type::Int: return Value::integer(c->i);
    case Constant::Type::Float: return Value::real(c->f);
    case Constant::Type::Bool: return Value::boolean(c->b);
    default: return Value::none();
    }
}

Str* nameOf(const void* rtName) { return static_cast<Str*>(const_cast<void*>(rtName)); }

} // namespace

std::unique_ptr<CompiledCode> Compiler::compile(const CodeInfo* code) {
    if (code->isGenerator) return nullptr;
    if (code->kind != CodeInfo::Kind::Function && code->kind != CodeInfo::Kind::Lambda) return nullptr;
    auto out = std::make_unique<CompiledCode>();
    out_ = out.get();
    if (code->lambdaBody) out->lambda = expr(code->lambdaBody);
    else if (code->body) out->body = body(*code->body);
    else return nullptr;
    out_ = nullptr;
    return out;
}

template <class T> T* Compiler::node(const Expr* e) {
    T* n = out_->make<T>();
    n->I = &I_;
    n->ast = e;
    n->test = &compiled::testAny;
    return n;
}

template <class T> T* Compiler::node(const Stmt* s) {
    T* n = out_->make<T>();
    n->I = &I_;
    n->ast = s;
    n->line = s->loc.line;
    return n;
}

const XExpr* Compiler::fallback(const Expr* e) {
    auto* n = node<XFallbackExpr>(e);
    n->eval = &compiled::evalFallback;
    return n;
}

const XExpr* Compiler::name(const Name* n) {
    switch (n->scope) {
    case NameScope::Local: {
        auto* x = node<XLocal>(n);
        x->slot = n->slot;  // XExpr::slot: parents read the local in place
        x->eval = &compiled::evalLocal;
        return x;
    }
    case NameScope::Cell:
    case NameScope::Free: {
        auto* x = node<XDeref>(n);
        x->slot = n->slot;
        x->free = n->scope == NameScope::Free;
        x->eval = &compiled::evalDeref;
        return x;
    }
    case NameScope::Global:
    case NameScope::GlobalImplicit: {  // function bodies have no class namespace to look in first
        auto* x = node<XGlobal>(n);
        x->name = nameOf(n->rtName);
        x->eval = &compiled::evalGlobal;
        return x;
    }
    case NameScope::Unresolved:
        break;
    }
    return fallback(n);
}

const XExpr* Compiler::constant(const Constant* c) {
    switch (c->type) {
    case Constant::Type::Int:
    case Constant::Type::Float:
    case Constant::Type::Bool:
    case Constant::Type::None: {
        auto* x = node<XConst>(c);
        x->inlineValue = inlineConstant(c);
        x->eval = &compiled::evalConst;
        x->test = &compiled::testConst;
        return x;
    }
    case Constant::Type::Str:
    case Constant::Type::Bytes:
    case Constant::Type::BigInt:
    case Constant::Type::Complex:
    case Constant::Type::Ellipsis: {
        Value v = core(I_).eval().evalConstant(c);  // made once, kept alive by the interpreter
        auto* x = node<XConst>(c);
        x->object = v.obj();
        x->eval = &compiled::evalConst;
        x->test = &compiled::testConst;
        return x;
    }
    default:
        return fallback(c);
    }
}

const XExpr* Compiler::binary(const Expr* e, const Expr* l, const Expr* r, bool compare) {
    auto* x = node<XBinary>(e);
    auto kind = [](const Expr* o) {
        if (isLocal(o)) return Operand::Local;
        if (isInlineConstant(o)) return Operand::Const;
        return Operand::Expr;
    };
    Operand lk = kind(l), rk = kind(r);
    x->left = expr(l);
    x->right = expr(r);
    if (lk == Operand::Local) x->leftSlot = static_cast<const Name*>(l)->slot;
    if (rk == Operand::Local) x->rightSlot = static_cast<const Name*>(r)->slot;
    if (lk == Operand::Const) x->leftConst = inlineConstant(static_cast<const Constant*>(l));
    if (rk == Operand::Const) x->rightConst = inlineConstant(static_cast<const Constant*>(r));
    if (compare) {
        x->cmp = static_cast<const Compare*>(e)->ops[0];
        x->eval = compiled::compareFn(x->cmp, lk, rk);
        x->test = compiled::compareTestFn(x->cmp, lk, rk);
    } else {
        x->op = static_cast<const BinOp*>(e)->op;
        x->eval = compiled::binaryFn(x->op, lk, rk);
    }
    return x;
}

const XExpr* Compiler::call(const Call* c) {
    if (!c->keywords.empty() || hasStarred(c->args)) return fallback(c);
    auto* x = node<XCall>(c);
    x->line = c->loc.line;
    std::vector<const XExpr*> args;
    if (c->func->kind == ExprKind::Attribute) {
        auto* a = static_cast<const Attribute*>(c->func.get());
        x->object = expr(a->value.get());
        x->name = nameOf(a->rtName);
        x->eval = &compiled::evalMethodCall;
    } else {
        x->callee = expr(c->func.get());
        x->eval = &compiled::evalCall;
    }
    for (const auto& a : c->args) args.push_back(expr(a.get()));
    x->nargs = static_cast<uint32_t>(args.size());
    x->args = out_->exprs(std::move(args));
    return x;
}

const XExpr* Compiler::expr(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Name:
        return name(static_cast<const Name*>(e));
    case ExprKind::Constant:
        return constant(static_cast<const Constant*>(e));
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        return binary(e, b->left.get(), b->right.get(), false);
    }
    case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        if (c->ops.size() != 1) return fallback(e);
        return binary(e, c->left.get(), c->comparators[0].get(), true);
    }
    case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        auto* x = node<XBoolOp>(e);
        std::vector<const XExpr*> values;
        for (const auto& v : b->values) values.push_back(expr(v.get()));
        x->size = static_cast<uint32_t>(values.size());
        x->values = out_->exprs(std::move(values));
        x->isAnd = b->op == BoolOpKind::And;
        x->eval = &compiled::evalBoolOp;
        x->test = &compiled::testBoolOp;
        return x;
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(e);
        auto* x = node<XUnary>(e);
        x->operand = expr(u->operand.get());
        x->op = u->op;
        x->eval = &compiled::evalUnary;
        if (u->op == UnaryOpKind::Not) x->test = &compiled::testNot;
        return x;
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        auto* x = node<XIfExp>(e);
        x->test_ = expr(i->test.get());
        x->body = expr(i->body.get());
        x->orelse = expr(i->orelse.get());
        x->eval = &compiled::evalIfExp;
        return x;
    }
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        auto* x = node<XAttr>(e);
        x->object = expr(a->value.get());
        x->name = nameOf(a->rtName);
        x->eval = &compiled::evalAttr;
        return x;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        const Expr* key = s->slice.get();
        if (key->kind == ExprKind::Tuple && hasStarred(static_cast<const lang::Tuple*>(key)->elts)) return fallback(e);
        auto* x = node<XSubscript>(e);
        x->object = expr(s->value.get());
        x->key = expr(key);
        x->eval = &compiled::evalSubscript;
        return x;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
        const auto& elts = e->kind == ExprKind::Tuple ? static_cast<const lang::Tuple*>(e)->elts
                                                      : static_cast<const lang::List*>(e)->elts;
        if (hasStarred(elts)) return fallback(e);
        auto* x = node<XSequence>(e);
        std::vector<const XExpr*> items;
        for (const auto& v : elts) items.push_back(expr(v.get()));
        x->size = static_cast<uint32_t>(items.size());
        x->items = out_->exprs(std::move(items));
        x->eval = e->kind == ExprKind::Tuple ? &compiled::evalTuple : &compiled::evalList;
        return x;
    }
    case ExprKind::Call:
        return call(static_cast<const Call*>(e));
    default:
        return fallback(e);
    }
}

XBody Compiler::body(const Body& b) {
    std::vector<const XStmt*> stmts;
    stmts.reserve(b.size());
    for (const auto& s : b) stmts.push_back(stmt(s.get()));
    XBody out;
    out.size = static_cast<uint32_t>(stmts.size());
    out.stmts = out_->stmts(std::move(stmts));
    return out;
}

const XStmt* Compiler::assign(const Assign* a) {
    auto* x = node<XAssign>(a);
    x->value = expr(a->value.get());
    x->exec = &compiled::execAssignAny;
    if (a->targets.size() == 1) {
        const Expr* t = a->targets[0].get();
        if (isLocal(t)) {
            x->slot = static_cast<const Name*>(t)->slot;
            x->exec = &compiled::execAssignLocal;
        } else if (t->kind == ExprKind::Attribute) {
            auto* at = static_cast<const Attribute*>(t);
            x->object = expr(at->value.get());
            x->name = nameOf(at->rtName);
            x->exec = &compiled::execAssignAttr;
        }
    }
    return x;
}

const XStmt* Compiler::augAssign(const AugAssign* a) {
    const Expr* t = a->target.get();
    if (isLocal(t)) {
        auto* x = node<XAugAssign>(a);
        x->slot = static_cast<const Name*>(t)->slot;
        x->op = a->op;
        x->value = expr(a->value.get());
        x->exec = &compiled::execAugLocal;
        return x;
    }
    if (t->kind == ExprKind::Attribute) {
        auto* at = static_cast<const Attribute*>(t);
        auto* x = node<XAugAssign>(a);
        x->object = expr(at->value.get());
        x->name = nameOf(at->rtName);
        x->op = a->op;
        x->value = expr(a->value.get());
        x->exec = &compiled::execAugAttr;
        return x;
    }
    auto* x = node<XFallbackStmt>(a);
    x->exec = &compiled::execFallback;
    return x;
}

const XStmt* Compiler::stmt(const Stmt* s) {
    switch (s->kind) {
    case StmtKind::Expr: {
        auto* x = node<XExprStmt>(s);
        x->value = expr(static_cast<const ExprStmt*>(s)->value.get());
        x->exec = &compiled::execExpr;
        return x;
    }
    case StmtKind::Assign:
        return assign(static_cast<const Assign*>(s));
    case StmtKind::AugAssign:
        return augAssign(static_cast<const AugAssign*>(s));
    case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        auto* x = node<XIf>(s);
        x->test = expr(i->test.get());
        x->body = body(i->body);
        x->orelse = body(i->orelse);
        x->exec = &compiled::execIf;
        return x;
    }
    case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        auto* x = node<XWhile>(s);
        x->test = expr(w->test.get());
        x->body = body(w->body);
        x->orelse = body(w->orelse);
        x->exec = &compiled::execWhile;
        return x;
    }
    case StmtKind::For: {
        auto* fo = static_cast<const For*>(s);
        auto* x = node<XFor>(s);
        x->iter = expr(fo->iter.get());
        x->target = fo->target.get();
        if (isLocal(x->target)) x->slot = static_cast<const Name*>(x->target)->slot;
        x->body = body(fo->body);
        x->orelse = body(fo->orelse);
        x->exec = &compiled::execFor;
        return x;
    }
    case StmtKind::Return: {
        auto* r = static_cast<const Return*>(s);
        auto* x = node<XReturn>(s);
        x->value = r->value ? expr(r->value.get()) : nullptr;
        x->exec = &compiled::execReturn;
        return x;
    }
    case StmtKind::Pass:
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        auto* x = node<XStmt>(s);
        x->exec = &compiled::execPass;
        return x;
    }
    case StmtKind::Break: {
        auto* x = node<XStmt>(s);
        x->exec = &compiled::execBreak;
        return x;
    }
    case StmtKind::Continue: {
        auto* x = node<XStmt>(s);
        x->exec = &compiled::execContinue;
        return x;
    }
    default: {
        auto* x = node<XFallbackStmt>(s);
        x->exec = &compiled::execFallback;
        return x;
    }
    }
}

} // namespace gs::runtime
