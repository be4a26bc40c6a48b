// Expressions of the scenario parser, by precedence from lowest to highest (Python
// reference, "Expressions", 6.17 Operator precedence).
#include <algorithm>

#include "core/lang/NumberLiteral.h"
#include "core/lang/RecursiveParserImpl.h"

namespace gs::lang {

namespace {

struct BinaryLevel {
    struct Op {
        Tok tok;
        BinOpKind op;
    };
    Op ops[5];
    int count;
};

// bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: left-associative.
constexpr BinaryLevel kBinaryLevels[] = {
    {{{Tok::VBar, BinOpKind::BitOr}}, 1},
    {{{Tok::Circumflex, BinOpKind::BitXor}}, 1},
    {{{Tok::Amper, BinOpKind::BitAnd}}, 1},
    {{{Tok::LeftShift, BinOpKind::LShift}, {Tok::RightShift, BinOpKind::RShift}}, 2},
    {{{Tok::Plus, BinOpKind::Add}, {Tok::Minus, BinOpKind::Sub}}, 2},
    {{{Tok::Star, BinOpKind::Mult},
      {Tok::Slash, BinOpKind::Div},
      {Tok::DoubleSlash, BinOpKind::FloorDiv},
      {Tok::Percent, BinOpKind::Mod},
      {Tok::At, BinOpKind::MatMult}},
     5},
};
constexpr int kBinaryLevelCount = static_cast<int>(std::size(kBinaryLevels));

} // namespace

// star_expressions: star_expression (',' star_expression)* [','] — a bare tuple.
RecursiveParser::PE RecursiveParser::parseStarExpressions() {
    const Pos start = cur().start;
    PE first = parseStarExpression();
    if (!at(Tok::Comma)) return first;
    auto t = node<Tuple>(start);
    int h = first.h;
    t->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (!startsExpression() && !at(Tok::Star)) break;
        PE e = parseStarExpression();
        h = std::max(h, e.h);
        t->elts.push_back(std::move(e.e));
    }
    return done(std::move(t), h + 1);
}

RecursiveParser::PE RecursiveParser::parseStarExpression() {
    if (!at(Tok::Star)) return parseExpression();
    auto s = node<Starred>(take().start);
    PE v = parseBinary(0);
    s->value = std::move(v.e);
    return done(std::move(s), v.h + 1);
}

RecursiveParser::PE RecursiveParser::parseStarNamedExpression() {
    if (!at(Tok::Star)) return parseNamedExpression();
    auto s = node<Starred>(take().start);
    PE v = parseBinary(0);
    s->value = std::move(v.e);
    return done(std::move(s), v.h + 1);
}

// named_expression: NAME ':=' expression | expression !':='
RecursiveParser::PE RecursiveParser::parseNamedExpression() {
    if (at(Tok::Name) && peek(1).kind == Tok::ColonEqual) {
        Token name = take();
        take();
        auto n = node<NamedExpr>(name.start);
        auto target = node<Name>(name.start);
        target->id = std::string(name.text);
        target->ctx = ExprContext::Store;
        target->loc.endLine = name.stop.line;
        target->loc.endCol = name.stop.col;
        n->target = std::move(target);
        PE v = parseExpression();
        n->value = std::move(v.e);
        return done(std::move(n), std::max(1, v.h) + 1);
    }
    PE e = parseExpression();
    if (at(Tok::ColonEqual))
        errorAt(startOf(*e.e), "cannot use assignment expressions with " + expressionDescription(*e.e));
    return e;
}

// expression: lambdef | disjunction ['if' disjunction 'else' expression]
RecursiveParser::PE RecursiveParser::parseExpression() {
    if (at(Tok::KwLambda)) return parseLambda();
    const Pos start = cur().start;
    PE body = parseDisjunction();
    if (!at(Tok::KwIf)) return body;
    Guard g(*this);
    take();
    auto n = node<IfExp>(start);
    PE test = parseDisjunction();
    if (!at(Tok::KwElse)) errorAt(cur().start, "expected 'else' after 'if' expression");
    take();
    PE orelse = parseExpression();
    int h = std::max({body.h, test.h, orelse.h}) + 1;
    n->body = std::move(body.e);
    n->test = std::move(test.e);
    n->orelse = std::move(orelse.e);
    return done(std::move(n), h);
}

RecursiveParser::PE RecursiveParser::parseDisjunction() {
    const Pos start = cur().start;
    PE first = parseConjunction();
    if (!at(Tok::KwOr)) return first;
    auto b = node<BoolOp>(start);
    b->op = BoolOpKind::Or;
    int h = first.h;
    b->values.push_back(std::move(first.e));
    while (accept(Tok::KwOr)) {
        PE e = parseConjunction();
        h = std::max(h, e.h);
        b->values.push_back(std::move(e.e));
    }
    return done(std::move(b), h + 1);
}

RecursiveParser::PE RecursiveParser::parseConjunction() {
    const Pos start = cur().start;
    PE first = parseInversion();
    if (!at(Tok::KwAnd)) return first;
    auto b = node<BoolOp>(start);
    b->op = BoolOpKind::And;
    int h = first.h;
    b->values.push_back(std::move(first.e));
    while (accept(Tok::KwAnd)) {
        PE e = parseInversion();
        h = std::max(h, e.h);
        b->values.push_back(std::move(e.e));
    }
    return done(std::move(b), h + 1);
}

RecursiveParser::PE RecursiveParser::parseInversion() {
    if (!at(Tok::KwNot)) return parseComparison();
    Guard g(*this);
    auto u = node<UnaryOp>(take().start);
    u->op = UnaryOpKind::Not;
    PE operand = parseInversion();
    u->operand = std::move(operand.e);
    return done(std::move(u), operand.h + 1);
}

RecursiveParser::PE RecursiveParser::parseComparison() {
    const Pos start = cur().start;
    PE left = parseBinary(0);
    std::unique_ptr<Compare> cmp;
    int h = left.h;
    for (;;) {
        CmpOpKind op;
        switch (cur().kind) {
        case Tok::EqEqual: op = CmpOpKind::Eq; break;
        case Tok::NotEqual: op = CmpOpKind::NotEq; break;
        case Tok::Less: op = CmpOpKind::Lt; break;
        case Tok::LessEqual: op = CmpOpKind::LtE; break;
        case Tok::Greater: op = CmpOpKind::Gt; break;
        case Tok::GreaterEqual: op = CmpOpKind::GtE; break;
        case Tok::KwIn: op = CmpOpKind::In; break;
        case Tok::KwIs: op = CmpOpKind::Is; break;
        case Tok::KwNot:
            if (peek(1).kind != Tok::KwIn) goto end;
            take();
            op = CmpOpKind::NotIn;
            break;
        default: goto end;
        }
        take();
        if (op == CmpOpKind::Is && accept(Tok::KwNot)) op = CmpOpKind::IsNot;
        if (!cmp) {
            cmp = node<Compare>(start);
            cmp->left = std::move(left.e);
        }
        {
            PE right = parseBinary(0);
            h = std::max(h, right.h);
            cmp->ops.push_back(op);
            cmp->comparators.push_back(std::move(right.e));
        }
    }
end:
    if (!cmp) return left;
    return done(std::move(cmp), h + 1);
}

RecursiveParser::PE RecursiveParser::parseBinary(int level) {
    if (level >= kBinaryLevelCount) return parseFactor();
    const BinaryLevel& lv = kBinaryLevels[level];
    const Pos start = cur().start;
    PE left = parseBinary(level + 1);
    for (;;) {
        const Tok k = cur().kind;
        const BinaryLevel::Op* found = nullptr;
        for (int i = 0; i < lv.count; ++i)
            if (lv.ops[i].tok == k) found = &lv.ops[i];
        if (!found) return left;
        take();
        PE right = parseBinary(level + 1);
        auto b = node<BinOp>(start);
        b->op = found->op;
        int h = std::max(left.h, right.h) + 1;
        b->left = std::move(left.e);
        b->right = std::move(right.e);
        left = done(std::move(b), h);
    }
}

// factor: ('+' | '-' | '~') factor | power
RecursiveParser::PE RecursiveParser::parseFactor() {
    UnaryOpKind op;
    switch (cur().kind) {
    case Tok::Plus: op = UnaryOpKind::UAdd; break;
    case Tok::Minus: op = UnaryOpKind::USub; break;
    case Tok::Tilde: op = UnaryOpKind::Invert; break;
    default: return parsePower();
    }
    Guard g(*this);
    auto u = node<UnaryOp>(take().start);
    u->op = op;
    PE operand = parseFactor();
    u->operand = std::move(operand.e);
    return done(std::move(u), operand.h + 1);
}

// power: primary '**' factor — right-associative and tighter than a unary minus on its
// left (-2**2 == -(2**2)), looser than one on its right (2**-1).
RecursiveParser::PE RecursiveParser::parsePower() {
    const Pos start = cur().start;
    PE base = parsePrimary();
    if (!at(Tok::DoubleStar)) return base;
    Guard g(*this);
    take();
    PE exp = parseFactor();
    auto b = node<BinOp>(start);
    b->op = BinOpKind::Pow;
    int h = std::max(base.h, exp.h) + 1;
    b->left = std::move(base.e);
    b->right = std::move(exp.e);
    return done(std::move(b), h);
}

RecursiveParser::PE RecursiveParser::parsePrimary() {
    if (at(Tok::KwAwait)) invalidSyntax();
    const Pos start = cur().start;
    PE e = parseAtom();
    for (;;) {
        if (accept(Tok::Dot)) {
            Token name = expect(Tok::Name);
            auto a = node<Attribute>(start);
            a->attr = std::string(name.text);
            int h = e.h + 1;
            a->value = std::move(e.e);
            e = done(std::move(a), h);
        } else if (at(Tok::LPar)) {
            Guard g(*this);
            Pos open = take().start;
            auto c = node<Call>(start);
            int h = parseCallArguments(c->args, c->keywords, open, true);
            h = std::max(h, e.h) + 1;
            c->func = std::move(e.e);
            e = done(std::move(c), h);
        } else if (at(Tok::LSqb)) {
            Guard g(*this);
            take();
            auto s = node<Subscript>(start);
            PE slice = parseSlices();
            expectCloser(Tok::RSqb);
            int h = std::max(e.h, slice.h) + 1;
            s->value = std::move(e.e);
            s->slice = std::move(slice.e);
            e = done(std::move(s), h);
        } else {
            return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
RecursiveParser::PE RecursiveParser::parseSlices() {
    const Pos start = cur().start;
    PE first = parseSliceItem();
    // x[*a] is x[(*a,)]: a starred item always makes a tuple.
    if (!at(Tok::Comma) && first.e->kind != ExprKind::Starred) return first;
    auto t = node<Tuple>(start);
    int h = first.h;
    t->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (at(Tok::RSqb)) break;
        PE e = parseSliceItem();
        h = std::max(h, e.h);
        t->elts.push_back(std::move(e.e));
    }
    return done(std::move(t), h + 1);
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
RecursiveParser::PE RecursiveParser::parseSliceItem() {
    const Pos start = cur().start;
    if (at(Tok::Star)) { // starred_expression: '*' expression
        auto s = node<Starred>(take().start);
        PE v = parseExpression();
        s->value = std::move(v.e);
        return done(std::move(s), v.h + 1);
    }
    PE lower;
    if (!at(Tok::Colon)) {
        // A slice bound is an `expression`; only a whole item may be a bare `a := b`.
        const bool walrus = at(Tok::Name) && peek(1).kind == Tok::ColonEqual;
        lower = parseNamedExpression();
        if (!at(Tok::Colon)) return lower;
        if (walrus) invalidSyntax();
    }
    take();
    auto s = node<Slice>(start);
    int h = lower.h;
    s->lower = std::move(lower.e);
    auto bound = [&](ExprPtr& slot) {
        if (at(Tok::Colon) || at(Tok::Comma) || at(Tok::RSqb)) return;
        PE e = parseExpression();
        h = std::max(h, e.h);
        slot = std::move(e.e);
    };
    bound(s->upper);
    if (accept(Tok::Colon)) bound(s->step);
    return done(std::move(s), h + 1);
}

RecursiveParser::PE RecursiveParser::parseAtom() {
    const Token t = cur();
    switch (t.kind) {
    case Tok::Name: {
        take();
        auto n = node<Name>(t.start);
        n->id = std::string(t.text);
        return done(std::move(n), 1);
    }
    case Tok::KwTrue:
    case Tok::KwFalse: {
        take();
        auto c = node<Constant>(t.start);
        c->type = Constant::Type::Bool;
        c->b = t.kind == Tok::KwTrue;
        return done(std::move(c), 1);
    }
    case Tok::KwNone: {
        take();
        return done(node<Constant>(t.start), 1);
    }
    case Tok::Ellipsis: {
        take();
        auto c = node<Constant>(t.start);
        c->type = Constant::Type::Ellipsis;
        return done(std::move(c), 1);
    }
    case Tok::Number: return parseNumber();
    case Tok::String: return parseStrings();
    case Tok::LPar: return parseParenthesized();
    case Tok::LSqb: return parseListDisplay();
    case Tok::LBrace: return parseBraceDisplay();
    case Tok::Star: errorAt(t.start, "can't use starred expression here");
    default: invalidSyntax();
    }
}

RecursiveParser::PE RecursiveParser::parseNumber() {
    const Token t = take();
    auto c = node<Constant>(t.start);
    std::string err = decodeNumber(t.text, *c);
    if (!err.empty()) errorAt(t.start, err);
    return done(std::move(c), 1);
}

// tuple | group | genexp
RecursiveParser::PE RecursiveParser::parseParenthesized() {
    Guard g(*this);
    const Pos start = take().start;
    if (accept(Tok::RPar)) return done(node<Tuple>(start), 1);
    if (at(Tok::KwYield)) {
        PE y = parseYieldExpression();
        expectCloser(Tok::RPar);
        return y;
    }
    const size_t yieldMark = ctx_.yields.size();
    PE first = parseStarNamedExpression();
    if (at(Tok::KwFor)) {
        if (first.e->kind == ExprKind::Starred)
            errorAt(startOf(*first.e), "iterable unpacking cannot be used in comprehension");
        PE gen = parseComprehension(ExprKind::GeneratorExp, start, yieldMark, std::move(first), {}, Tok::RPar);
        expectCloser(Tok::RPar);
        gen.e->loc.endLine = prevEnd_.line;
        gen.e->loc.endCol = prevEnd_.col;
        return gen;
    }
    if (!at(Tok::Comma)) {
        expectCloser(Tok::RPar);
        if (first.e->kind == ExprKind::Starred) errorAt(startOf(*first.e), "cannot use starred expression here");
        return first; // a group keeps the inner expression's location, as in CPython
    }
    auto t = node<Tuple>(start);
    int h = first.h;
    t->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (at(Tok::RPar)) break;
        PE e = parseStarNamedExpression();
        h = std::max(h, e.h);
        t->elts.push_back(std::move(e.e));
    }
    expectCloser(Tok::RPar);
    return done(std::move(t), h + 1);
}

RecursiveParser::PE RecursiveParser::parseListDisplay() {
    Guard g(*this);
    const Pos start = take().start;
    auto l = node<List>(start);
    if (accept(Tok::RSqb)) return done(std::move(l), 1);
    const size_t yieldMark = ctx_.yields.size();
    PE first = parseStarNamedExpression();
    if (at(Tok::KwFor)) {
        if (first.e->kind == ExprKind::Starred)
            errorAt(startOf(*first.e), "iterable unpacking cannot be used in comprehension");
        PE comp = parseComprehension(ExprKind::ListComp, start, yieldMark, std::move(first), {}, Tok::RSqb);
        expectCloser(Tok::RSqb);
        comp.e->loc.endLine = prevEnd_.line;
        comp.e->loc.endCol = prevEnd_.col;
        return comp;
    }
    int h = first.h;
    l->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (at(Tok::RSqb)) break;
        PE e = parseStarNamedExpression();
        h = std::max(h, e.h);
        l->elts.push_back(std::move(e.e));
    }
    expectCloser(Tok::RSqb);
    return done(std::move(l), h + 1);
}

// dict | set | dictcomp | setcomp
RecursiveParser::PE RecursiveParser::parseBraceDisplay() {
    Guard g(*this);
    const Pos start = take().start;
    if (accept(Tok::RBrace)) return done(node<Dict>(start), 1);
    const size_t yieldMark = ctx_.yields.size();
    int h = 0;
    auto dict = [&](PE key, PE value) {
        auto d = node<Dict>(start);
        h = std::max(key.h, value.h);
        d->keys.push_back(std::move(key.e));
        d->values.push_back(std::move(value.e));
        while (accept(Tok::Comma)) {
            if (at(Tok::RBrace)) break;
            PE k;
            if (!accept(Tok::DoubleStar)) {
                k = parseExpression();
                expect(Tok::Colon, "':' expected after dictionary key");
            }
            PE v = k.e ? parseExpression() : parseBinary(0);
            h = std::max({h, k.h, v.h});
            d->keys.push_back(std::move(k.e));
            d->values.push_back(std::move(v.e));
        }
        expectCloser(Tok::RBrace);
        return done(std::move(d), h + 1);
    };
    if (accept(Tok::DoubleStar)) {
        PE v = parseBinary(0);
        if (at(Tok::KwFor)) errorAt(cur().start, "dict unpacking cannot be used in dict comprehension");
        return dict(PE{}, std::move(v));
    }
    PE first = parseStarNamedExpression();
    if (at(Tok::Colon) && first.e->kind != ExprKind::Starred) {
        take();
        PE value = parseExpression();
        if (at(Tok::KwFor)) {
            PE comp = parseComprehension(ExprKind::DictComp, start, yieldMark, std::move(first), std::move(value),
                                         Tok::RBrace);
            expectCloser(Tok::RBrace);
            comp.e->loc.endLine = prevEnd_.line;
            comp.e->loc.endCol = prevEnd_.col;
            return comp;
        }
        return dict(std::move(first), std::move(value));
    }
    if (at(Tok::KwFor)) {
        if (first.e->kind == ExprKind::Starred)
            errorAt(startOf(*first.e), "iterable unpacking cannot be used in comprehension");
        PE comp = parseComprehension(ExprKind::SetComp, start, yieldMark, std::move(first), {}, Tok::RBrace);
        expectCloser(Tok::RBrace);
        comp.e->loc.endLine = prevEnd_.line;
        comp.e->loc.endCol = prevEnd_.col;
        return comp;
    }
    auto s = node<Set>(start);
    h = first.h;
    s->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (at(Tok::RBrace)) break;
        PE e = parseStarNamedExpression();
        h = std::max(h, e.h);
        s->elts.push_back(std::move(e.e));
    }
    expectCloser(Tok::RBrace);
    return done(std::move(s), h + 1);
}

// for_if_clauses after the element. Yields in the element, the targets, the conditions and
// every iterable but the first belong to the comprehension's own scope, where CPython
// forbids them; the first iterable is evaluated in the enclosing scope.
RecursiveParser::PE RecursiveParser::parseComprehension(ExprKind kind, Pos start, size_t yieldMark, PE elt,
                                                        PE value, Tok closer) {
    (void)closer;
    auto c = node<Comp>(start, kind);
    int h = std::max(elt.h, value.h);
    if (kind == ExprKind::DictComp) {
        c->key = std::move(elt.e);
        c->value = std::move(value.e);
    } else {
        c->elt = std::move(elt.e);
    }
    const int scopeId = ctx_.scopes.back().id;
    auto firstYieldSince = [&](size_t from, size_t to) -> const ParseContext::YieldSite* {
        for (size_t i = from; i < to && i < ctx_.yields.size(); ++i)
            if (ctx_.yields[i].scopeId == scopeId) return &ctx_.yields[i];
        return nullptr;
    };
    const ParseContext::YieldSite* bad = firstYieldSince(yieldMark, ctx_.yields.size());
    size_t afterFirstIter = ctx_.yields.size();
    while (at(Tok::KwFor) || at(Tok::KwAsync)) {
        if (at(Tok::KwAsync)) errorAt(cur().start, "asynchronous comprehensions are not supported");
        take();
        Comprehension gen;
        PE target = parseStarTargets();
        setContext(*target.e, ExprContext::Store);
        expect(Tok::KwIn);
        const size_t beforeIter = ctx_.yields.size();
        PE iter = parseDisjunction();
        if (c->generators.empty()) {
            if (!bad) bad = firstYieldSince(afterFirstIter, beforeIter);
            afterFirstIter = ctx_.yields.size();
        }
        h = std::max({h, target.h, iter.h});
        gen.target = std::move(target.e);
        gen.iter = std::move(iter.e);
        while (accept(Tok::KwIf)) {
            PE cond = parseDisjunction();
            h = std::max(h, cond.h);
            gen.ifs.push_back(std::move(cond.e));
        }
        c->generators.push_back(std::move(gen));
    }
    if (!bad) bad = firstYieldSince(afterFirstIter, ctx_.yields.size());
    if (bad) {
        const char* what = kind == ExprKind::ListComp  ? "list comprehension"
                           : kind == ExprKind::SetComp ? "set comprehension"
                           : kind == ExprKind::DictComp ? "dict comprehension"
                                                        : "generator expression";
        errorAt(bad->pos, std::string("'yield' inside ") + what);
    }
    return done(std::move(c), h + 1);
}

// star_targets for `for` and comprehension clauses: stops before `in`.
RecursiveParser::PE RecursiveParser::parseStarTargets() {
    const Pos start = cur().start;
    PE first = parseStarTarget();
    if (!at(Tok::Comma)) return first;
    auto t = node<Tuple>(start);
    int h = first.h;
    t->elts.push_back(std::move(first.e));
    while (accept(Tok::Comma)) {
        if (at(Tok::KwIn) || at(Tok::Equal)) break;
        PE e = parseStarTarget();
        h = std::max(h, e.h);
        t->elts.push_back(std::move(e.e));
    }
    return done(std::move(t), h + 1);
}

RecursiveParser::PE RecursiveParser::parseStarTarget() {
    if (!at(Tok::Star)) return parseBinary(0);
    auto s = node<Starred>(take().start);
    PE v = parseBinary(0);
    s->value = std::move(v.e);
    return done(std::move(s), v.h + 1);
}

RecursiveParser::PE RecursiveParser::parseLambda() {
    Guard g(*this);
    auto l = node<Lambda>(take().start);
    int h = parseParameters(l->args, true, Tok::Colon);
    expect(Tok::Colon, "expected ':'");
    ScopeGuard scope(*this, ParseContext::ScopeKind::Lambda);
    const size_t mark = ctx_.yields.size();
    PE body = parseExpression();
    ctx_.yields.resize(mark);
    l->body = std::move(body.e);
    return done(std::move(l), std::max(h, body.h) + 1);
}

RecursiveParser::PE RecursiveParser::parseYieldExpression() {
    const Token kw = take();
    noteYield(kw.start);
    if (accept(Tok::KwFrom)) {
        auto y = node<YieldFrom>(kw.start);
        PE v = parseExpression();
        y->value = std::move(v.e);
        return done(std::move(y), v.h + 1);
    }
    auto y = node<Yield>(kw.start);
    int h = 0;
    if (startsExpression() || at(Tok::Star)) {
        PE v = parseStarExpressions();
        rejectLoneStarred(*v.e);
        h = v.h;
        y->value = std::move(v.e);
    }
    return done(std::move(y), h + 1);
}

} // namespace gs::lang
