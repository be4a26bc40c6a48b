#pragma once
// The recursive-descent parser behind parseModule / parseExpression (Parser.h). It follows
// CPython's PEG grammar (Python reference, "Full Grammar specification") rule by rule, with
// CPython's messages for the common mistakes. Internal to core/lang.
#include <memory>
#include <string>
#include <vector>

#include "core/lang/Ast.h"
#include "core/lang/Lexer.h"
#include "core/lang/Token.h"

namespace gs::lang {

// State shared by a parser and the sub-parsers it starts for f-string replacement fields.
struct ParseContext {
    enum class ScopeKind : uint8_t { Module, Class, Function, Lambda };
    struct Scope {
        ScopeKind kind;
        int id;
        int loopDepth = 0;
    };
    struct YieldSite {
        int scopeId;
        Pos pos;
    };

    explicit ParseContext(const SourceFile& s) : src(s) {}

    const SourceFile& src;
    int depth = 0;                 // recursion guard, at most kMaxNesting
    int nextScopeId = 0;
    std::vector<Scope> scopes;
    std::vector<YieldSite> yields; // yield expressions of the open function / lambda scopes
};

class RecursiveParser {
public:
    RecursiveParser(ParseContext& ctx, Lexer& lexer, std::string messagePrefix = {});

    Body parseFile();                       // file: statements ENDMARKER
    ExprPtr parseEval();                    // eval: expressions ENDMARKER
    ExprPtr parseFStringField(int& height); // (yield_expr | star_expressions) ENDMARKER

private:
    // A parsed expression and the height of its tree (a leaf is 1). Heights are tracked so
    // that no tree gets deeper than kMaxTreeDepth, whatever loops built it.
    struct PE {
        ExprPtr e;
        int h = 0;
    };
    struct PS {
        StmtPtr s;
        int h = 0;
    };
    class Guard;
    class ScopeGuard;
    struct FString;

    // tokens
    const Token& peek(size_t ahead = 0) {
        return idx_ + ahead < toks_.size() ? toks_[idx_ + ahead] : fill(ahead);
    }
    const Token& fill(size_t ahead);
    const Token& cur() { return peek(0); }
    bool at(Tok k) { return peek(0).kind == k; }
    Token take();
    bool accept(Tok k);
    Token expect(Tok k, const char* message = nullptr);
    void expectCloser(Tok closer);
    bool startsExpression();

    // errors
    [[noreturn]] void errorAt(Pos p, const std::string& message);
    [[noreturn]] void errorAt(const Loc& l, const std::string& message) { errorAt(Pos{l.line, l.col}, message); }
    [[noreturn]] void invalidSyntax();

    template <class T, class... A>
    std::unique_ptr<T> node(Pos start, A&&... args);
    template <class T>
    PE done(std::unique_ptr<T> n, int h);
    template <class T>
    PS doneStmt(std::unique_ptr<T> n, int h);
    void checkHeight(int h);
    void rejectLoneStarred(const Expr& e); // "can't use starred expression here"

    // statements
    int parseStatementInto(Body& out);
    int parseSimpleStatements(Body& out);
    PS parseSimpleStatement();
    PS parseExpressionStatement();
    PS parseImport();
    PS parseFromImport();
    PS parseDelete();
    PS parseDecorated();
    PS parseFunctionDef(std::vector<ExprPtr> decorators, int decoratorHeight);
    PS parseClassDef(std::vector<ExprPtr> decorators, int decoratorHeight);
    PS parseIf();
    PS parseWhile();
    PS parseFor();
    PS parseWith();
    PS parseTry();
    int parseBlock(Body& out, const std::string& what, int line);
    int parseLoopBody(Body& out, const std::string& what, int line);
    int parseWithItem(std::vector<WithItem>& items);
    int parseParameters(Arguments& a, bool isLambda, Tok closer);
    Arg parseParameter(bool isLambda, int& height, bool starAnnotation = false);
    int parseCallArguments(std::vector<ExprPtr>& args, std::vector<Keyword>& keywords, Pos open,
                           bool allowGenerator);
    std::string parseDottedName();
    void noteYield(Pos at);
    ParseContext::Scope& statementScope();

    // expressions
    PE parseStarExpressions();
    PE parseStarExpression();
    PE parseStarNamedExpression();
    PE parseNamedExpression();
    PE parseExpression();
    PE parseDisjunction();
    PE parseConjunction();
    PE parseInversion();
    PE parseComparison();
    PE parseBinary(int level);
    PE parseFactor();
    PE parsePower();
    PE parsePrimary();
    PE parseAtom();
    PE parseParenthesized();
    PE parseListDisplay();
    PE parseBraceDisplay();
    PE parseLambda();
    PE parseYieldExpression();
    PE parseSlices();
    PE parseSliceItem();
    PE parseStarTargets();
    PE parseStarTarget();
    PE parseComprehension(ExprKind kind, Pos start, size_t yieldMark, PE elt, PE value, Tok closer);
    PE parseNumber();

    // strings (RecursiveParserStrings.cpp)
    PE parseStrings();
    void parseFStringPart(const Token& tok, size_t begin, size_t end, bool raw, FString& out);
    size_t parseFStringLiteral(const Token& tok, size_t i, size_t end, bool raw, bool inSpec,
                               int specDepth, FString& out);
    size_t parseReplacementField(const Token& tok, size_t open, size_t end, bool raw, int specDepth,
                                 FString& out);
    Pos positionIn(const Token& tok, size_t offset);

    // targets (RecursiveParserTargets.cpp)
    void setContext(Expr& e, ExprContext ctx);

    ParseContext& ctx_;
    Lexer& lexer_;
    std::string prefix_;
    std::vector<Token> toks_;
    size_t idx_ = 0;
    Pos prevEnd_;
    // Incremental position inside the string token being decoded (keeps f-strings linear).
    size_t cursorOffset_ = 0;
    Pos cursorPos_;
    uint32_t cursorToken_ = UINT32_MAX;
};

} // namespace gs::lang
