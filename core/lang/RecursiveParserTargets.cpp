// Assignment and deletion targets: set ExprContext Store / Del and reject what cannot be
// assigned to, with CPython's wording ("cannot assign to function call").
#include "core/lang/RecursiveParserImpl.h"

namespace gs::lang {

std::string expressionDescription(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
        const auto& c = static_cast<const Constant&>(e);
        if (c.type == Constant::Type::None) return "None";
        if (c.type == Constant::Type::Bool) return c.b ? "True" : "False";
        if (c.type == Constant::Type::Ellipsis) return "ellipsis";
        return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

void RecursiveParser::setContext(Expr& e, ExprContext ctx) {
    const bool del = ctx == ExprContext::Del;
    switch (e.kind) {
    case ExprKind::Name: {
        auto& n = static_cast<Name&>(e);
        if (n.id == "__debug__") errorAt(e.loc, del ? "cannot delete __debug__" : "cannot assign to __debug__");
        n.ctx = ctx;
        return;
    }
    case ExprKind::Attribute: static_cast<Attribute&>(e).ctx = ctx; return;
    case ExprKind::Subscript: static_cast<Subscript&>(e).ctx = ctx; return;
    case ExprKind::Tuple:
    case ExprKind::List: {
        auto& elts = e.kind == ExprKind::Tuple ? static_cast<Tuple&>(e).elts : static_cast<List&>(e).elts;
        if (e.kind == ExprKind::Tuple)
            static_cast<Tuple&>(e).ctx = ctx;
        else
            static_cast<List&>(e).ctx = ctx;
        bool starred = false;
        for (ExprPtr& elt : elts) {
            if (elt->kind == ExprKind::Starred) {
                if (del) errorAt(elt->loc, "cannot delete starred");
                if (starred) errorAt(elt->loc, "multiple starred expressions in assignment");
                starred = true;
                auto& s = static_cast<Starred&>(*elt);
                s.ctx = ctx;
                setContext(*s.value, ctx);
            } else {
                setContext(*elt, ctx);
            }
        }
        return;
    }
    case ExprKind::Starred:
        errorAt(e.loc, del ? "cannot delete starred" : "starred assignment target must be in a list or tuple");
    default:
        errorAt(e.loc, (del ? "cannot delete " : "cannot assign to ") + expressionDescription(e));
    }
}

} // namespace gs::lang
