// Token handling, errors, entry points and simple statements of the scenario parser.
// Grammar rules are named as in CPython's Grammar/python.gram.
#include <algorithm>

#include "core/lang/RecursiveParserImpl.h"

namespace gs::lang {

namespace {

std::optional<BinOpKind> augmentedOp(Tok k) {
    switch (k) {
    case Tok::PlusEqual: return BinOpKind::Add;
    case Tok::MinEqual: return BinOpKind::Sub;
    case Tok::StarEqual: return BinOpKind::Mult;
    case Tok::AtEqual: return BinOpKind::MatMult;
    case Tok::SlashEqual: return BinOpKind::Div;
    case Tok::PercentEqual: return BinOpKind::Mod;
    case Tok::AmperEqual: return BinOpKind::BitAnd;
    case Tok::VBarEqual: return BinOpKind::BitOr;
    case Tok::CircumflexEqual: return BinOpKind::BitXor;
    case Tok::LeftShiftEqual: return BinOpKind::LShift;
    case Tok::RightShiftEqual: return BinOpKind::RShift;
    case Tok::DoubleStarEqual: return BinOpKind::Pow;
    case Tok::DoubleSlashEqual: return BinOpKind::FloorDiv;
    default: return std::nullopt;
    }
}

} // namespace

RecursiveParser::RecursiveParser(ParseContext& ctx, Lexer& lexer, std::string messagePrefix)
    : ctx_(ctx), lexer_(lexer), prefix_(std::move(messagePrefix)) {
    toks_.reserve(64);
}

// ---------------------------------------------------------------------------------------------
// Tokens

const Token& RecursiveParser::fill(size_t ahead) {
    while (toks_.size() <= idx_ + ahead) toks_.push_back(lexer_.next());
    return toks_[idx_ + ahead];
}

Token RecursiveParser::take() {
    Token t = peek(0);
    if (t.kind != Tok::EndMarker) ++idx_;
    if (t.kind != Tok::Newline && t.kind != Tok::Indent && t.kind != Tok::Dedent && t.kind != Tok::EndMarker)
        prevEnd_ = t.stop;
    return t;
}

bool RecursiveParser::accept(Tok k) {
    if (!at(k)) return false;
    take();
    return true;
}

Token RecursiveParser::expect(Tok k, const char* message) {
    if (!at(k)) {
        if (message) errorAt(cur().start, message);
        invalidSyntax();
    }
    return take();
}

void RecursiveParser::expectCloser(Tok closer) {
    if (accept(closer)) return;
    if (startsExpression() && cur().kind != Tok::Newline)
        errorAt(cur().start, "invalid syntax. Perhaps you forgot a comma?");
    invalidSyntax();
}

bool RecursiveParser::startsExpression() {
    switch (cur().kind) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::LPar: case Tok::LSqb:
    case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::KwNot:
    case Tok::KwLambda: case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse:
    case Tok::Ellipsis: case Tok::KwAwait:
        return true;
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

void RecursiveParser::errorAt(Pos p, const std::string& message) {
    throwSyntaxError(ctx_.src, p.line, p.col, prefix_ + message);
}

void RecursiveParser::invalidSyntax() {
    const Token& t = cur();
    switch (t.kind) {
    case Tok::Indent: errorAt(t.start, "unexpected indent");
    case Tok::EndMarker:
        // In an f-string field the end of the field is not the end of the file.
        errorAt(t.start, prefix_.empty() ? "unexpected EOF while parsing" : "invalid syntax");
    case Tok::KwAwait: errorAt(t.start, "'await' outside async function");
    case Tok::KwAsync: errorAt(t.start, "async functions and statements are not supported");
    default: errorAt(t.start, "invalid syntax");
    }
}

void RecursiveParser::checkHeight(int h) {
    if (h > kMaxTreeDepth) errorAt(prevEnd_, "too deeply nested");
}

void RecursiveParser::rejectLoneStarred(const Expr& e) {
    if (e.kind == ExprKind::Starred) errorAt(startOf(e), "can't use starred expression here");
}

ParseContext::Scope& RecursiveParser::statementScope() {
    for (auto it = ctx_.scopes.rbegin(); it != ctx_.scopes.rend(); ++it)
        if (it->kind != ParseContext::ScopeKind::Lambda) return *it;
    return ctx_.scopes.front();
}

void RecursiveParser::noteYield(Pos at) {
    const ParseContext::Scope& s = ctx_.scopes.back();
    if (s.kind == ParseContext::ScopeKind::Module || s.kind == ParseContext::ScopeKind::Class)
        errorAt(at, "'yield' outside function");
    ctx_.yields.push_back({s.id, at});
}

// ---------------------------------------------------------------------------------------------
// Entry points

Body RecursiveParser::parseFile() {
    ScopeGuard scope(*this, ParseContext::ScopeKind::Module);
    Body body;
    while (!at(Tok::EndMarker)) {
        parseStatementInto(body);
        // Between top-level statements nothing refers back to old tokens: drop them.
        if (idx_ > 256) {
            toks_.erase(toks_.begin(), toks_.begin() + static_cast<std::ptrdiff_t>(idx_));
            idx_ = 0;
        }
    }
    return body;
}

ExprPtr RecursiveParser::parseEval() {
    ScopeGuard scope(*this, ParseContext::ScopeKind::Module);
    PE e = parseStarExpressions();
    if (!at(Tok::EndMarker)) invalidSyntax();
    return std::move(e.e);
}

ExprPtr RecursiveParser::parseFStringField(int& height) {
    PE e = at(Tok::KwYield) ? parseYieldExpression() : parseStarExpressions();
    if (!at(Tok::EndMarker)) invalidSyntax();
    rejectLoneStarred(*e.e);
    height = e.h;
    return std::move(e.e);
}

// ---------------------------------------------------------------------------------------------
// Statements

int RecursiveParser::parseStatementInto(Body& out) {
    PS s;
    switch (cur().kind) {
    case Tok::KwDef: s = parseFunctionDef({}, 0); break;
    case Tok::At: s = parseDecorated(); break;
    case Tok::KwClass: s = parseClassDef({}, 0); break;
    case Tok::KwIf: s = parseIf(); break;
    case Tok::KwWhile: s = parseWhile(); break;
    case Tok::KwFor: s = parseFor(); break;
    case Tok::KwTry: s = parseTry(); break;
    case Tok::KwWith: s = parseWith(); break;
    case Tok::Indent: invalidSyntax();
    case Tok::KwAsync: invalidSyntax();
    default: return parseSimpleStatements(out);
    }
    out.push_back(std::move(s.s));
    return s.h;
}

int RecursiveParser::parseSimpleStatements(Body& out) {
    int h = 0;
    for (;;) {
        PS s = parseSimpleStatement();
        h = std::max(h, s.h);
        const Stmt* last = s.s.get();
        out.push_back(std::move(s.s));
        if (accept(Tok::Semi)) {
            if (at(Tok::Newline)) break;
            continue;
        }
        if (!at(Tok::Newline)) {
            // Python 2 habits get CPython's hint.
            if (last->kind == StmtKind::Expr) {
                const Expr& v = *static_cast<const ExprStmt*>(last)->value;
                if (v.kind == ExprKind::Name && startsExpression()) {
                    const std::string& id = static_cast<const Name&>(v).id;
                    if (id == "print" || id == "exec")
                        errorAt(startOf(v), "Missing parentheses in call to '" + id + "'. Did you mean " + id +
                                                "(...)?");
                }
            }
            if (cur().kind == Tok::Equal && last->kind == StmtKind::Expr)
                errorAt(cur().start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            invalidSyntax();
        }
        break;
    }
    take(); // NEWLINE
    return h;
}

RecursiveParser::PS RecursiveParser::parseSimpleStatement() {
    const Token t = cur();
    switch (t.kind) {
    case Tok::KwPass: take(); return doneStmt(node<Pass>(t.start), 1);
    case Tok::KwBreak:
        take();
        if (statementScope().loopDepth == 0) errorAt(t.start, "'break' outside loop");
        return doneStmt(node<Break>(t.start), 1);
    case Tok::KwContinue:
        take();
        if (statementScope().loopDepth == 0) errorAt(t.start, "'continue' not properly in loop");
        return doneStmt(node<Continue>(t.start), 1);
    case Tok::KwReturn: {
        take();
        if (statementScope().kind != ParseContext::ScopeKind::Function)
            errorAt(t.start, "'return' outside function");
        auto r = node<Return>(t.start);
        int h = 0;
        if (startsExpression() || at(Tok::Star)) {
            PE v = parseStarExpressions();
            rejectLoneStarred(*v.e);
            h = v.h;
            r->value = std::move(v.e);
        }
        return doneStmt(std::move(r), h + 1);
    }
    case Tok::KwRaise: {
        take();
        auto r = node<Raise>(t.start);
        int h = 0;
        if (startsExpression()) {
            PE e = parseExpression();
            h = e.h;
            r->exc = std::move(e.e);
            if (accept(Tok::KwFrom)) {
                PE c = parseExpression();
                h = std::max(h, c.h);
                r->cause = std::move(c.e);
            }
        }
        return doneStmt(std::move(r), h + 1);
    }
    case Tok::KwGlobal:
    case Tok::KwNonlocal: {
        take();
        const bool isGlobal = t.kind == Tok::KwGlobal;
        if (!isGlobal && statementScope().kind == ParseContext::ScopeKind::Module)
            errorAt(t.start, "nonlocal declaration not allowed at module level");
        std::vector<std::string> names;
        do {
            names.emplace_back(expect(Tok::Name).text);
        } while (accept(Tok::Comma));
        if (isGlobal) {
            auto g = node<Global>(t.start);
            g->names = std::move(names);
            return doneStmt(std::move(g), 1);
        }
        auto n = node<Nonlocal>(t.start);
        n->names = std::move(names);
        return doneStmt(std::move(n), 1);
    }
    case Tok::KwDel: return parseDelete();
    case Tok::KwAssert: {
        take();
        auto a = node<Assert>(t.start);
        PE test = parseExpression();
        int h = test.h;
        a->test = std::move(test.e);
        if (accept(Tok::Comma)) {
            PE msg = parseExpression();
            h = std::max(h, msg.h);
            a->msg = std::move(msg.e);
        }
        return doneStmt(std::move(a), h + 1);
    }
    case Tok::KwImport: return parseImport();
    case Tok::KwFrom: return parseFromImport();
    default: return parseExpressionStatement();
    }
}

RecursiveParser::PS RecursiveParser::parseExpressionStatement() {
    const Pos start = cur().start;
    auto rhs = [&] { return at(Tok::KwYield) ? parseYieldExpression() : parseStarExpressions(); };
    auto noStar = [&](const PE& v) { rejectLoneStarred(*v.e); };
    PE first = rhs();

    if (at(Tok::Equal)) {
        auto a = node<Assign>(start);
        std::vector<PE> items;
        items.push_back(std::move(first));
        while (accept(Tok::Equal)) items.push_back(rhs());
        int h = 0;
        for (size_t i = 0; i + 1 < items.size(); ++i) {
            setContext(*items[i].e, ExprContext::Store);
            h = std::max(h, items[i].h);
            a->targets.push_back(std::move(items[i].e));
        }
        noStar(items.back());
        h = std::max(h, items.back().h);
        a->value = std::move(items.back().e);
        return doneStmt(std::move(a), h + 1);
    }
    if (at(Tok::Colon)) {
        Expr& target = *first.e;
        if (target.kind == ExprKind::Tuple) errorAt(startOf(target), "only single target (not tuple) can be annotated");
        if (target.kind == ExprKind::List) errorAt(startOf(target), "only single target (not list) can be annotated");
        if (target.kind != ExprKind::Name && target.kind != ExprKind::Attribute && target.kind != ExprKind::Subscript)
            errorAt(startOf(target), "illegal target for annotation");
        setContext(target, ExprContext::Store);
        take();
        auto a = node<AnnAssign>(start);
        PE ann = parseExpression();
        int h = std::max(first.h, ann.h);
        a->target = std::move(first.e);
        a->annotation = std::move(ann.e);
        if (accept(Tok::Equal)) {
            PE v = rhs();
            noStar(v);
            h = std::max(h, v.h);
            a->value = std::move(v.e);
        }
        return doneStmt(std::move(a), h + 1);
    }
    if (auto op = augmentedOp(cur().kind)) {
        Expr& target = *first.e;
        if (target.kind != ExprKind::Name && target.kind != ExprKind::Attribute && target.kind != ExprKind::Subscript)
            errorAt(startOf(target), "'" + expressionDescription(target) +
                                         "' is an illegal expression for augmented assignment");
        setContext(target, ExprContext::Store);
        take();
        auto a = node<AugAssign>(start);
        a->op = *op;
        PE v = rhs();
        noStar(v);
        a->target = std::move(first.e);
        a->value = std::move(v.e);
        return doneStmt(std::move(a), std::max(first.h, v.h) + 1);
    }
    noStar(first);
    auto s = node<ExprStmt>(start);
    s->value = std::move(first.e);
    return doneStmt(std::move(s), first.h + 1);
}

std::string RecursiveParser::parseDottedName() {
    std::string name(expect(Tok::Name).text);
    while (at(Tok::Dot) && peek(1).kind == Tok::Name) {
        take();
        name += '.';
        name += take().text;
    }
    if (at(Tok::Dot)) {
        take();
        invalidSyntax();
    }
    return name;
}

RecursiveParser::PS RecursiveParser::parseImport() {
    auto imp = node<Import>(take().start);
    do {
        Alias a;
        a.loc.line = cur().start.line;
        a.loc.col = cur().start.col;
        a.name = parseDottedName();
        if (accept(Tok::KwAs)) a.asname = std::string(expect(Tok::Name).text);
        a.loc.endLine = prevEnd_.line;
        a.loc.endCol = prevEnd_.col;
        imp->names.push_back(std::move(a));
    } while (accept(Tok::Comma));
    return doneStmt(std::move(imp), 1);
}

RecursiveParser::PS RecursiveParser::parseFromImport() {
    auto imp = node<ImportFrom>(take().start);
    for (;;) {
        if (accept(Tok::Dot))
            imp->level += 1;
        else if (accept(Tok::Ellipsis))
            imp->level += 3;
        else
            break;
        if (imp->level > 10000) invalidSyntax();
    }
    if (at(Tok::Name) || imp->level == 0) imp->module = parseDottedName();
    expect(Tok::KwImport);
    auto alias = [&] {
        Alias a;
        a.loc.line = cur().start.line;
        a.loc.col = cur().start.col;
        a.name = std::string(expect(Tok::Name).text);
        if (accept(Tok::KwAs)) a.asname = std::string(expect(Tok::Name).text);
        a.loc.endLine = prevEnd_.line;
        a.loc.endCol = prevEnd_.col;
        imp->names.push_back(std::move(a));
    };
    if (at(Tok::Star)) {
        Token star = take();
        if (statementScope().kind == ParseContext::ScopeKind::Function)
            errorAt(star.start, "import * only allowed at module level");
        Alias a;
        a.name = "*";
        a.loc = {star.start.line, star.start.col, star.stop.line, star.stop.col};
        imp->names.push_back(std::move(a));
    } else if (accept(Tok::LPar)) {
        do {
            if (at(Tok::RPar) && !imp->names.empty()) break;
            alias();
        } while (accept(Tok::Comma));
        expectCloser(Tok::RPar);
    } else {
        do {
            if (at(Tok::Newline) || at(Tok::Semi))
                errorAt(cur().start, "trailing comma not allowed without surrounding parentheses");
            alias();
        } while (accept(Tok::Comma));
    }
    return doneStmt(std::move(imp), 1);
}

RecursiveParser::PS RecursiveParser::parseDelete() {
    auto d = node<Delete>(take().start);
    int h = 0;
    do {
        if (at(Tok::Newline) || at(Tok::Semi)) {
            if (d->targets.empty()) invalidSyntax();
            break;
        }
        PE t = at(Tok::Star) ? parseStarExpression() : parseExpression();
        setContext(*t.e, ExprContext::Del);
        h = std::max(h, t.h);
        d->targets.push_back(std::move(t.e));
    } while (accept(Tok::Comma));
    return doneStmt(std::move(d), h + 1);
}

} // namespace gs::lang
