// Compound statements (def, class, if, while, for, with, try), parameter lists and call
// arguments of the scenario parser. Grammar rules are named as in CPython's
// Grammar/python.gram.
#include <algorithm>
#include <unordered_set>

#include "core/lang/RecursiveParserImpl.h"

namespace gs::lang {

// ---------------------------------------------------------------------------------------------
// Compound statements

int RecursiveParser::parseBlock(Body& out, const std::string& what, int line) {
    Guard g(*this);
    expect(Tok::Colon, "expected ':'");
    if (!at(Tok::Newline)) return parseSimpleStatements(out);
    take();
    if (!at(Tok::Indent))
        errorAt(cur().start, "expected an indented block after " + what + " on line " + std::to_string(line));
    take();
    int h = 0;
    while (!at(Tok::Dedent) && !at(Tok::EndMarker)) h = std::max(h, parseStatementInto(out));
    accept(Tok::Dedent);
    return h;
}

int RecursiveParser::parseLoopBody(Body& out, const std::string& what, int line) {
    ParseContext::Scope& s = statementScope();
    ++s.loopDepth;
    struct Restore {
        ParseContext& ctx;
        size_t index;
        ~Restore() { --ctx.scopes[index].loopDepth; }
    } restore{ctx_, static_cast<size_t>(&s - ctx_.scopes.data())};
    return parseBlock(out, what, line);
}

RecursiveParser::PS RecursiveParser::parseDecorated() {
    std::vector<ExprPtr> decorators;
    int h = 0;
    while (accept(Tok::At)) {
        PE d = parseNamedExpression();
        h = std::max(h, d.h);
        decorators.push_back(std::move(d.e));
        expect(Tok::Newline);
    }
    if (at(Tok::KwDef)) return parseFunctionDef(std::move(decorators), h);
    if (at(Tok::KwClass)) return parseClassDef(std::move(decorators), h);
    invalidSyntax();
}

RecursiveParser::PS RecursiveParser::parseFunctionDef(std::vector<ExprPtr> decorators, int decoratorHeight) {
    const Token def = take();
    auto f = node<FunctionDef>(def.start);
    f->decorators = std::move(decorators);
    f->name = std::string(expect(Tok::Name).text);
    expect(Tok::LPar, "expected '('");
    int h = std::max(decoratorHeight, parseParameters(f->args, false, Tok::RPar));
    expectCloser(Tok::RPar);
    if (accept(Tok::RArrow)) {
        PE r = parseExpression();
        h = std::max(h, r.h);
        f->returns = std::move(r.e);
    }
    {
        ScopeGuard scope(*this, ParseContext::ScopeKind::Function);
        const size_t mark = ctx_.yields.size();
        h = std::max(h, parseBlock(f->body, "function definition", def.start.line));
        // A generator is a function whose own body yields (nested defs and lambdas have
        // their own scope ids).
        for (size_t i = mark; i < ctx_.yields.size(); ++i)
            if (ctx_.yields[i].scopeId == scope.id()) f->isGenerator = true;
        ctx_.yields.resize(mark);
    }
    return doneStmt(std::move(f), h + 1);
}

RecursiveParser::PS RecursiveParser::parseClassDef(std::vector<ExprPtr> decorators, int decoratorHeight) {
    const Token cls = take();
    auto c = node<ClassDef>(cls.start);
    c->decorators = std::move(decorators);
    c->name = std::string(expect(Tok::Name).text);
    int h = decoratorHeight;
    if (at(Tok::LPar)) {
        Guard g(*this);
        Pos open = take().start;
        h = std::max(h, parseCallArguments(c->bases, c->keywords, open, false));
    }
    ScopeGuard scope(*this, ParseContext::ScopeKind::Class);
    h = std::max(h, parseBlock(c->body, "class definition", cls.start.line));
    return doneStmt(std::move(c), h + 1);
}

RecursiveParser::PS RecursiveParser::parseIf() {
    struct Clause {
        Pos start;
        PE test;
        Body body;
        int h;
    };
    std::vector<Clause> clauses;
    Body orelse;
    int elseHeight = 0;
    auto clause = [&](const char* what) {
        Token kw = take();
        Clause c{kw.start, parseNamedExpression(), {}, 0};
        if (at(Tok::Equal)) errorAt(cur().start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        c.h = parseBlock(c.body, what, kw.start.line);
        clauses.push_back(std::move(c));
    };
    clause("'if' statement");
    while (at(Tok::KwElif)) clause("'elif' statement");
    if (at(Tok::KwElse)) {
        Token kw = take();
        elseHeight = parseBlock(orelse, "'else' statement", kw.start.line);
    }
    // `elif` is an If nested in the orelse of the previous one; build from the last.
    PS chain;
    int h = elseHeight;
    for (size_t i = clauses.size(); i-- > 0;) {
        Clause& c = clauses[i];
        auto n = node<If>(c.start);
        n->test = std::move(c.test.e);
        n->body = std::move(c.body);
        if (chain.s)
            n->orelse.push_back(std::move(chain.s));
        else
            n->orelse = std::move(orelse);
        h = std::max({h, c.test.h, c.h}) + 1;
        chain = doneStmt(std::move(n), h);
    }
    return chain;
}

RecursiveParser::PS RecursiveParser::parseWhile() {
    const Token kw = take();
    auto w = node<While>(kw.start);
    PE test = parseNamedExpression();
    if (at(Tok::Equal)) errorAt(cur().start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    int h = std::max(test.h, parseLoopBody(w->body, "'while' statement", kw.start.line));
    w->test = std::move(test.e);
    if (at(Tok::KwElse)) {
        Token e = take();
        h = std::max(h, parseBlock(w->orelse, "'else' statement", e.start.line));
    }
    return doneStmt(std::move(w), h + 1);
}

RecursiveParser::PS RecursiveParser::parseFor() {
    const Token kw = take();
    auto f = node<For>(kw.start);
    PE target = parseStarTargets();
    setContext(*target.e, ExprContext::Store);
    expect(Tok::KwIn);
    PE iter = parseStarExpressions();
    rejectLoneStarred(*iter.e);
    int h = std::max(target.h, iter.h);
    f->target = std::move(target.e);
    f->iter = std::move(iter.e);
    h = std::max(h, parseLoopBody(f->body, "'for' statement", kw.start.line));
    if (at(Tok::KwElse)) {
        Token e = take();
        h = std::max(h, parseBlock(f->orelse, "'else' statement", e.start.line));
    }
    return doneStmt(std::move(f), h + 1);
}

int RecursiveParser::parseWithItem(std::vector<WithItem>& items) {
    PE e = parseExpression();
    WithItem item;
    int h = e.h;
    item.contextExpr = std::move(e.e);
    if (accept(Tok::KwAs)) {
        PE t = parseStarTarget();
        setContext(*t.e, ExprContext::Store);
        h = std::max(h, t.h);
        item.optionalVars = std::move(t.e);
    }
    items.push_back(std::move(item));
    return h;
}

RecursiveParser::PS RecursiveParser::parseWith() {
    const Token kw = take();
    auto w = node<With>(kw.start);
    int h = 0;
    bool parsed = false;
    if (at(Tok::LPar)) {
        // 'with' '(' ','.with_item+ ','? ')' ':' — or else the parenthesis belongs to the
        // first item's expression. PEG tries the first; so do we, and rewind on failure.
        const size_t markIdx = idx_;
        const Pos markEnd = prevEnd_;
        const size_t markYields = ctx_.yields.size();
        try {
            Guard g(*this);
            take();
            int hh = 0;
            do {
                if (at(Tok::RPar) && !w->items.empty()) break;
                hh = std::max(hh, parseWithItem(w->items));
            } while (accept(Tok::Comma));
            expect(Tok::RPar);
            if (!at(Tok::Colon)) invalidSyntax();
            h = hh;
            parsed = true;
        } catch (const SyntaxError&) {
            idx_ = markIdx;
            prevEnd_ = markEnd;
            ctx_.yields.resize(markYields);
            w->items.clear();
        }
    }
    if (!parsed) {
        do {
            h = std::max(h, parseWithItem(w->items));
        } while (accept(Tok::Comma));
    }
    h = std::max(h, parseBlock(w->body, "'with' statement", kw.start.line));
    return doneStmt(std::move(w), h + 1);
}

RecursiveParser::PS RecursiveParser::parseTry() {
    const Token kw = take();
    auto t = node<Try>(kw.start);
    int h = parseBlock(t->body, "'try' statement", kw.start.line);
    const ExceptHandler* bare = nullptr;
    while (at(Tok::KwExcept)) {
        const Token ex = take();
        if (bare) errorAt(bare->loc, "default 'except:' must be last");
        if (at(Tok::Star)) errorAt(cur().start, "'except*' is not supported");
        ExceptHandler handler;
        handler.loc.line = ex.start.line;
        handler.loc.col = ex.start.col;
        if (!at(Tok::Colon)) {
            PE type = parseExpression();
            if (at(Tok::Comma)) errorAt(startOf(*type.e), "multiple exception types must be parenthesized");
            h = std::max(h, type.h);
            handler.type = std::move(type.e);
            if (accept(Tok::KwAs)) handler.name = std::string(expect(Tok::Name).text);
        }
        h = std::max(h, parseBlock(handler.body, "'except' statement", ex.start.line));
        handler.loc.endLine = prevEnd_.line;
        handler.loc.endCol = prevEnd_.col;
        t->handlers.push_back(std::move(handler));
        if (!t->handlers.back().type) bare = &t->handlers.back();
    }
    if (at(Tok::KwElse)) {
        if (t->handlers.empty()) invalidSyntax();
        Token e = take();
        h = std::max(h, parseBlock(t->orelse, "'else' statement", e.start.line));
    }
    if (at(Tok::KwFinally)) {
        Token f = take();
        h = std::max(h, parseBlock(t->finalbody, "'finally' statement", f.start.line));
    }
    if (t->handlers.empty() && t->finalbody.empty()) errorAt(cur().start, "expected 'except' or 'finally' block");
    return doneStmt(std::move(t), h + 1);
}

// ---------------------------------------------------------------------------------------------
// Parameters (def and lambda) and call arguments

Arg RecursiveParser::parseParameter(bool isLambda, int& h, bool starAnnotation) {
    Token name = expect(Tok::Name);
    Arg a;
    a.name = std::string(name.text);
    a.loc = {name.start.line, name.start.col, name.stop.line, name.stop.col};
    if (!isLambda && accept(Tok::Colon)) {
        // `*args: *Ts` (PEP 646) may unpack its annotation.
        PE ann = starAnnotation && at(Tok::Star) ? parseStarExpression() : parseExpression();
        h = std::max(h, ann.h);
        a.annotation = std::move(ann.e);
        a.loc.endLine = prevEnd_.line;
        a.loc.endCol = prevEnd_.col;
    }
    return a;
}

int RecursiveParser::parseParameters(Arguments& a, bool isLambda, Tok closer) {
    int h = 0;
    bool seenSlash = false;
    bool seenStar = false;
    bool seenDefault = false;
    bool seenKwarg = false;
    std::optional<Pos> bareStar;
    std::unordered_set<std::string> names;
    auto checkName = [&](const Arg& arg) {
        if (!names.insert(arg.name).second)
            errorAt(Pos{arg.loc.line, arg.loc.col}, "duplicate argument '" + arg.name + "' in function definition");
    };
    while (!at(closer)) {
        if (seenKwarg) errorAt(cur().start, "arguments cannot follow var-keyword argument");
        if (at(Tok::Slash)) {
            Token t = take();
            if (seenSlash) errorAt(t.start, "/ may appear only once");
            if (seenStar) errorAt(t.start, "/ must be ahead of *");
            if (a.args.empty()) errorAt(t.start, "at least one argument must precede /");
            a.posonlyargs = std::move(a.args);
            a.args.clear();
            seenSlash = true;
        } else if (at(Tok::Star)) {
            Token t = take();
            if (seenStar) errorAt(t.start, "* argument may appear only once");
            seenStar = true;
            if (at(Tok::Name)) {
                a.vararg = parseParameter(isLambda, h, true);
                checkName(*a.vararg);
                if (at(Tok::Equal)) errorAt(cur().start, "var-positional argument cannot have default value");
            } else {
                bareStar = t.start;
            }
        } else if (at(Tok::DoubleStar)) {
            take();
            a.kwarg = parseParameter(isLambda, h);
            checkName(*a.kwarg);
            if (at(Tok::Equal)) errorAt(cur().start, "var-keyword argument cannot have default value");
            seenKwarg = true;
        } else if (at(Tok::Name)) {
            Arg arg = parseParameter(isLambda, h);
            checkName(arg);
            PE def;
            if (accept(Tok::Equal)) {
                def = parseExpression();
                h = std::max(h, def.h);
            }
            if (seenStar) {
                a.kwonlyargs.push_back(std::move(arg));
                a.kwDefaults.push_back(std::move(def.e));
            } else {
                if (def.e) {
                    a.defaults.push_back(std::move(def.e));
                    seenDefault = true;
                } else if (seenDefault) {
                    errorAt(Pos{arg.loc.line, arg.loc.col},
                            "parameter without a default follows parameter with a default");
                }
                a.args.push_back(std::move(arg));
            }
        } else {
            invalidSyntax();
        }
        if (!accept(Tok::Comma)) break;
    }
    if (bareStar && a.kwonlyargs.empty()) errorAt(*bareStar, "named arguments must follow bare *");
    return h + 1;
}

int RecursiveParser::parseCallArguments(std::vector<ExprPtr>& args, std::vector<Keyword>& keywords, Pos open,
                                        bool allowGenerator) {
    int h = 0;
    bool sawKeyword = false;
    bool sawDoubleStar = false;
    std::unordered_set<std::string> seen;
    while (!at(Tok::RPar)) {
        const Pos argStart = cur().start;
        if (accept(Tok::Star)) {
            if (sawDoubleStar) errorAt(argStart, "iterable argument unpacking follows keyword argument unpacking");
            auto s = node<Starred>(argStart);
            PE v = parseExpression();
            s->value = std::move(v.e);
            PE st = done(std::move(s), v.h + 1);
            h = std::max(h, st.h);
            args.push_back(std::move(st.e));
        } else if (accept(Tok::DoubleStar)) {
            PE v = parseExpression();
            h = std::max(h, v.h);
            keywords.push_back({"", std::move(v.e), {argStart.line, argStart.col, prevEnd_.line, prevEnd_.col}});
            sawDoubleStar = true;
        } else if (at(Tok::Name) && peek(1).kind == Tok::Equal) {
            std::string name(take().text);
            take();
            if (!seen.insert(name).second) errorAt(argStart, "keyword argument repeated: " + name);
            PE v = parseExpression();
            h = std::max(h, v.h);
            keywords.push_back({name, std::move(v.e), {argStart.line, argStart.col, prevEnd_.line, prevEnd_.col}});
            sawKeyword = true;
        } else {
            const size_t yieldMark = ctx_.yields.size();
            PE e = parseNamedExpression();
            if (at(Tok::KwFor)) {
                const Pos eltStart = startOf(*e.e);
                if (!allowGenerator || !args.empty() || !keywords.empty())
                    errorAt(eltStart, "Generator expression must be parenthesized");
                PE g = parseComprehension(ExprKind::GeneratorExp, open, yieldMark, std::move(e), {}, Tok::RPar);
                if (!at(Tok::RPar)) errorAt(eltStart, "Generator expression must be parenthesized");
                // The generator's parentheses are the call's.
                g.e->loc.endLine = cur().stop.line;
                g.e->loc.endCol = cur().stop.col;
                h = std::max(h, g.h);
                args.push_back(std::move(g.e));
                break;
            }
            if (at(Tok::Equal)) {
                const Expr& x = *e.e;
                if (x.kind == ExprKind::Constant) {
                    const auto& c = static_cast<const Constant&>(x);
                    if (c.type == Constant::Type::Bool || c.type == Constant::Type::None)
                        errorAt(startOf(x), "cannot assign to " + expressionDescription(x));
                }
                errorAt(startOf(x), "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (sawDoubleStar) errorAt(argStart, "positional argument follows keyword argument unpacking");
            if (sawKeyword) errorAt(argStart, "positional argument follows keyword argument");
            h = std::max(h, e.h);
            args.push_back(std::move(e.e));
        }
        if (!accept(Tok::Comma)) break;
    }
    expectCloser(Tok::RPar);
    return h;
}

} // namespace gs::lang
