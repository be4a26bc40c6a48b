#pragma once
// Small pieces shared by the RecursiveParser*.cpp files (internal to core/lang).
#include "core/lang/Parser.h"
#include "core/lang/RecursiveParser.h"

namespace gs::lang {

// Counts recursion through the grammar; deeper than kMaxNesting is a SyntaxError instead of
// a stack overflow.
class RecursiveParser::Guard {
public:
    explicit Guard(RecursiveParser& p) : ctx_(p.ctx_) {
        if (ctx_.depth >= kMaxNesting) p.errorAt(p.cur().start, "too deeply nested");
        ++ctx_.depth;
    }
    ~Guard() { --ctx_.depth; }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

private:
    ParseContext& ctx_;
};

// Opens a function / lambda / class scope for yield, return and loop checks.
class RecursiveParser::ScopeGuard {
public:
    ScopeGuard(RecursiveParser& p, ParseContext::ScopeKind kind) : ctx_(p.ctx_) {
        ctx_.scopes.push_back({kind, ctx_.nextScopeId++, 0});
    }
    ~ScopeGuard() { ctx_.scopes.pop_back(); }
    int id() const { return ctx_.scopes.back().id; }
    ScopeGuard(const ScopeGuard&) = delete;
    ScopeGuard& operator=(const ScopeGuard&) = delete;

private:
    ParseContext& ctx_;
};

template <class T, class... A>
std::unique_ptr<T> RecursiveParser::node(Pos start, A&&... args) {
    auto n = std::make_unique<T>(std::forward<A>(args)...);
    n->loc.line = start.line;
    n->loc.col = start.col;
    return n;
}

template <class T>
RecursiveParser::PE RecursiveParser::done(std::unique_ptr<T> n, int h) {
    n->loc.endLine = prevEnd_.line;
    n->loc.endCol = prevEnd_.col;
    checkHeight(h);
    return PE{std::move(n), h};
}

template <class T>
RecursiveParser::PS RecursiveParser::doneStmt(std::unique_ptr<T> n, int h) {
    n->loc.endLine = prevEnd_.line;
    n->loc.endCol = prevEnd_.col;
    checkHeight(h);
    return PS{std::move(n), h};
}

// CPython's _PyPegen_get_expr_name: how messages name an expression ("function call").
std::string expressionDescription(const Expr& e);

inline Pos startOf(const Expr& e) { return {e.loc.line, e.loc.col}; }

} // namespace gs::lang
