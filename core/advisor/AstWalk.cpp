#include "core/advisor/AstWalk.h"

namespace gs::advisor {
namespace {

using namespace lang;

void walkBody(const Body& body, const FunctionDef* fn, const ClassDef* cls, int depth,
              const std::function<void(const StmtContext&)>& visit);

void walkStmt(const Stmt& s, const Body& body, const FunctionDef* fn, const ClassDef* cls, int depth,
              const std::function<void(const StmtContext&)>& visit) {
    visit(StmtContext{&s, &body, fn, cls, depth});
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        const auto& d = static_cast<const FunctionDef&>(s);
        walkBody(d.body, &d, cls, depth + 1, visit);
        break;
    }
    case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        walkBody(c.body, fn, &c, depth + 1, visit);
        break;
    }
    case StmtKind::For: {
        const auto& f = static_cast<const For&>(s);
        walkBody(f.body, fn, cls, depth + 1, visit);
        walkBody(f.orelse, fn, cls, depth + 1, visit);
        break;
    }
    case StmtKind::While: {
        const auto& w = static_cast<const While&>(s);
        walkBody(w.body, fn, cls, depth + 1, visit);
        walkBody(w.orelse, fn, cls, depth + 1, visit);
        break;
    }
    case StmtKind::If: {
        const auto& i = static_cast<const If&>(s);
        walkBody(i.body, fn, cls, depth + 1, visit);
        walkBody(i.orelse, fn, cls, depth + 1, visit);
        break;
    }
    case StmtKind::With: walkBody(static_cast<const With&>(s).body, fn, cls, depth + 1, visit); break;
    case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        walkBody(t.body, fn, cls, depth + 1, visit);
        for (const auto& h : t.handlers) walkBody(h.body, fn, cls, depth + 1, visit);
        walkBody(t.orelse, fn, cls, depth + 1, visit);
        walkBody(t.finalbody, fn, cls, depth + 1, visit);
        break;
    }
    default: break;
    }
}

void walkBody(const Body& body, const FunctionDef* fn, const ClassDef* cls, int depth,
              const std::function<void(const StmtContext&)>& visit) {
    for (const auto& s : body) walkStmt(*s, body, fn, cls, depth, visit);
}

void each(const ExprPtr& e, const std::function<void(const Expr&)>& visit) {
    if (e) AstWalk::expression(*e, visit);
}

void eachArgs(const Arguments& a, const std::function<void(const Expr&)>& visit) {
    for (const auto& d : a.defaults) each(d, visit);
    for (const auto& d : a.kwDefaults) each(d, visit);
}

} // namespace

void AstWalk::statements(const Body& body, const std::function<void(const StmtContext&)>& visit) {
    walkBody(body, nullptr, nullptr, 0, visit);
}

void AstWalk::expression(const Expr& e, const std::function<void(const Expr&)>& visit) {
    visit(e);
    switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Constant: break;
    case ExprKind::JoinedStr:
        for (const auto& v : static_cast<const JoinedStr&>(e).values) each(v, visit);
        break;
    case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        each(f.value, visit);
        each(f.formatSpec, visit);
        break;
    }
    case ExprKind::List:
        for (const auto& v : static_cast<const List&>(e).elts) each(v, visit);
        break;
    case ExprKind::Tuple:
        for (const auto& v : static_cast<const Tuple&>(e).elts) each(v, visit);
        break;
    case ExprKind::Set:
        for (const auto& v : static_cast<const Set&>(e).elts) each(v, visit);
        break;
    case ExprKind::Dict: {
        const auto& d = static_cast<const Dict&>(e);
        for (size_t i = 0; i < d.values.size(); ++i) {
            if (i < d.keys.size()) each(d.keys[i], visit);
            each(d.values[i], visit);
        }
        break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const Comp&>(e);
        each(c.elt, visit);
        each(c.key, visit);
        each(c.value, visit);
        for (const auto& g : c.generators) {
            each(g.target, visit);
            each(g.iter, visit);
            for (const auto& i : g.ifs) each(i, visit);
        }
        break;
    }
    case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        each(i.test, visit);
        each(i.body, visit);
        each(i.orelse, visit);
        break;
    }
    case ExprKind::BoolOp:
        for (const auto& v : static_cast<const BoolOp&>(e).values) each(v, visit);
        break;
    case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOp&>(e);
        each(b.left, visit);
        each(b.right, visit);
        break;
    }
    case ExprKind::UnaryOp: each(static_cast<const UnaryOp&>(e).operand, visit); break;
    case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        each(c.left, visit);
        for (const auto& v : c.comparators) each(v, visit);
        break;
    }
    case ExprKind::Attribute: each(static_cast<const Attribute&>(e).value, visit); break;
    case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        each(s.value, visit);
        each(s.slice, visit);
        break;
    }
    case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        each(s.lower, visit);
        each(s.upper, visit);
        each(s.step, visit);
        break;
    }
    case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        each(c.func, visit);
        for (const auto& a : c.args) each(a, visit);
        for (const auto& k : c.keywords) each(k.value, visit);
        break;
    }
    case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        eachArgs(l.args, visit);
        each(l.body, visit);
        break;
    }
    case ExprKind::Starred: each(static_cast<const Starred&>(e).value, visit); break;
    case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        each(n.target, visit);
        each(n.value, visit);
        break;
    }
    case ExprKind::Yield: each(static_cast<const Yield&>(e).value, visit); break;
    case ExprKind::YieldFrom: each(static_cast<const YieldFrom&>(e).value, visit); break;
    }
}

void AstWalk::expressions(const Stmt& s, const std::function<void(const Expr&)>& visit) {
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        const auto& d = static_cast<const FunctionDef&>(s);
        for (const auto& dec : d.decorators) each(dec, visit);
        eachArgs(d.args, visit);
        break;
    }
    case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        for (const auto& dec : c.decorators) each(dec, visit);
        for (const auto& b : c.bases) each(b, visit);
        for (const auto& k : c.keywords) each(k.value, visit);
        break;
    }
    case StmtKind::Return: each(static_cast<const Return&>(s).value, visit); break;
    case StmtKind::Delete:
        for (const auto& t : static_cast<const Delete&>(s).targets) each(t, visit);
        break;
    case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        for (const auto& t : a.targets) each(t, visit);
        each(a.value, visit);
        break;
    }
    case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssign&>(s);
        each(a.target, visit);
        each(a.value, visit);
        break;
    }
    case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        each(a.target, visit);
        each(a.value, visit);
        break;
    }
    case StmtKind::For: {
        const auto& f = static_cast<const For&>(s);
        each(f.target, visit);
        each(f.iter, visit);
        break;
    }
    case StmtKind::While: each(static_cast<const While&>(s).test, visit); break;
    case StmtKind::If: each(static_cast<const If&>(s).test, visit); break;
    case StmtKind::With:
        for (const auto& i : static_cast<const With&>(s).items) {
            each(i.contextExpr, visit);
            each(i.optionalVars, visit);
        }
        break;
    case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        each(r.exc, visit);
        each(r.cause, visit);
        break;
    }
    case StmtKind::Try:
        for (const auto& h : static_cast<const Try&>(s).handlers) each(h.type, visit);
        break;
    case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        each(a.test, visit);
        each(a.msg, visit);
        break;
    }
    case StmtKind::Expr: each(static_cast<const ExprStmt&>(s).value, visit); break;
    default: break;
    }
}

std::string AstWalk::dottedName(const Expr& e) {
    if (e.kind == ExprKind::Name) return static_cast<const Name&>(e).id;
    if (e.kind == ExprKind::Attribute) {
        const auto& a = static_cast<const Attribute&>(e);
        if (!a.value) return {};
        std::string base = dottedName(*a.value);
        return base.empty() ? std::string() : base + "." + a.attr;
    }
    return {};
}

} // namespace gs::advisor
