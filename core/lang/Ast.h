#pragma once
// The AST of the scenario language: the subset of Python 3 that recompile scenarios use.
// Shapes follow CPython's `ast` module so that its documentation is ours too.
// Ownership: every node owns its children through unique_ptr; a Module owns the tree and
// shares its SourceFile with everything that needs to print a source line later.
//
// Fields marked "resolver" are filled by the runtime's scope resolver (core/runtime), not by
// the parser; the parser leaves them at their defaults.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::lang {

// A source file kept alive by everything that points into it.
struct SourceFile {
    std::string name;                 // path as given by the user
    std::string text;                 // UTF-8 source
    std::vector<size_t> lineStarts;   // byte offset of each line's start (line 1 at index 0)

    SourceFile(std::string n, std::string t);
    int lineCount() const { return static_cast<int>(lineStarts.size()); }
    // Text of a 1-based line without its line terminator; empty if out of range.
    std::string_view line(int lineNo) const;
};

// 1-based line; 1-based column counted in Unicode code points (what a user sees).
struct Loc {
    int line = 0;
    int col = 0;
    int endLine = 0;
    int endCol = 0;
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
    Name, Constant, JoinedStr, FormattedValue, List, Tuple, Dict, Set,
    ListComp, SetComp, DictComp, GeneratorExp, IfExp, BoolOp, BinOp, UnaryOp, Compare,
    Attribute, Subscript, Slice, Call, Lambda, Starred, NamedExpr, Yield, YieldFrom
};

enum class ExprContext : uint8_t { Load, Store, Del };

enum class BinOpKind : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class BoolOpKind : uint8_t { And, Or };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// Operator spellings ("+", "@", "not in", ...), for messages.
std::string_view toString(BinOpKind);
std::string_view toString(UnaryOpKind);
std::string_view toString(CmpOpKind);

// Where a Name lives, decided like CPython's symbol table (resolver).
enum class NameScope : uint8_t {
    Unresolved,
    Local,        // fast local slot of the enclosing function
    Cell,         // local of this function captured by an inner one: slot holds a cell
    Free,         // captured from an enclosing function: index into the closure
    Global,       // declared `global`, or module-level code
    GlobalImplicit// not assigned in any enclosing function: globals, then builtins
};

// Per-site cache the interpreter may use to speed up attribute and call lookups (resolver /
// interpreter; opaque to the parser).
struct InlineCache {
    const void* key = nullptr;
    const void* value = nullptr;
    uint32_t version = 0;
    int32_t index = -1;
};

struct Expr {
    ExprKind kind;
    Loc loc;
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Name : Expr {
    std::string id;
    ExprContext ctx = ExprContext::Load;
    mutable NameScope scope = NameScope::Unresolved; // resolver
    mutable int slot = -1;                           // resolver: local/cell slot or closure index
    mutable InlineCache cache;                       // interpreter: global/builtin lookups
    mutable const void* rtName = nullptr;            // runtime: interned name
    Name() : Expr(ExprKind::Name) {}
};

struct Constant : Expr {
    enum class Type : uint8_t { None, Bool, Int, BigInt, Float, Complex, Str, Bytes, Ellipsis };
    Type type = Type::None;
    bool b = false;
    int64_t i = 0;        // Int
    double f = 0;         // Float, and the imaginary part of Complex
    std::string s;        // Str / Bytes payload (UTF-8 / raw bytes); BigInt: decimal digits
    mutable const void* rtValue = nullptr;  // runtime: the str/bytes object made once
    Constant() : Expr(ExprKind::Constant) {}
};

// f"...": a sequence of Constant(Str) and FormattedValue parts.
struct JoinedStr : Expr {
    std::vector<ExprPtr> values;
    JoinedStr() : Expr(ExprKind::JoinedStr) {}
};

struct FormattedValue : Expr {
    ExprPtr value;
    char conversion = 0;          // 0, 's', 'r' or 'a'
    ExprPtr formatSpec;           // JoinedStr or null
    std::string debugText;        // f"{x=}": the text "x=" (empty otherwise)
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
};

struct List : Expr {
    std::vector<ExprPtr> elts;
    ExprContext ctx = ExprContext::Load;
    List() : Expr(ExprKind::List) {}
};

struct Tuple : Expr {
    std::vector<ExprPtr> elts;
    ExprContext ctx = ExprContext::Load;
    Tuple() : Expr(ExprKind::Tuple) {}
};

// {k: v, **m}: a null key means `**value`.
struct Dict : Expr {
    std::vector<ExprPtr> keys;
    std::vector<ExprPtr> values;
    Dict() : Expr(ExprKind::Dict) {}
};

struct Set : Expr {
    std::vector<ExprPtr> elts;
    Set() : Expr(ExprKind::Set) {}
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    std::vector<ExprPtr> ifs;
};

// ListComp, SetComp, GeneratorExp use `elt`; DictComp uses `key` and `value`.
// A comprehension is its own scope (resolver fills `scopeInfo`).
struct Comp : Expr {
    ExprPtr elt;
    ExprPtr key;
    ExprPtr value;
    std::vector<Comprehension> generators;
    mutable std::shared_ptr<void> scopeInfo; // resolver
    explicit Comp(ExprKind k) : Expr(k) {}
};

struct IfExp : Expr {
    ExprPtr test, body, orelse;
    IfExp() : Expr(ExprKind::IfExp) {}
};

struct BoolOp : Expr {
    BoolOpKind op = BoolOpKind::And;
    std::vector<ExprPtr> values;
    BoolOp() : Expr(ExprKind::BoolOp) {}
};

struct BinOp : Expr {
    BinOpKind op = BinOpKind::Add;
    ExprPtr left, right;
    BinOp() : Expr(ExprKind::BinOp) {}
};

struct UnaryOp : Expr {
    UnaryOpKind op = UnaryOpKind::Not;
    ExprPtr operand;
    UnaryOp() : Expr(ExprKind::UnaryOp) {}
};

// a < b <= c: left=a, ops={Lt, LtE}, comparators={b, c}
struct Compare : Expr {
    ExprPtr left;
    std::vector<CmpOpKind> ops;
    std::vector<ExprPtr> comparators;
    Compare() : Expr(ExprKind::Compare) {}
};

struct Attribute : Expr {
    ExprPtr value;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
    mutable InlineCache cache;  // interpreter
    mutable const void* rtName = nullptr;  // runtime: interned attribute name
    Attribute() : Expr(ExprKind::Attribute) {}
};

struct Subscript : Expr {
    ExprPtr value;
    ExprPtr slice;              // any expression, a Slice, or a Tuple of them
    ExprContext ctx = ExprContext::Load;
    Subscript() : Expr(ExprKind::Subscript) {}
};

struct Slice : Expr {
    ExprPtr lower, upper, step;  // each may be null
    Slice() : Expr(ExprKind::Slice) {}
};

struct Keyword {
    std::string arg;             // empty for **value
    ExprPtr value;
    Loc loc;
    mutable const void* rtName = nullptr;  // runtime: interned `arg`
};

struct Call : Expr {
    ExprPtr func;
    std::vector<ExprPtr> args;   // may contain Starred (*a)
    std::vector<Keyword> keywords;
    mutable InlineCache cache;   // interpreter
    Call() : Expr(ExprKind::Call) {}
};

struct Arg {
    std::string name;
    ExprPtr annotation;          // parsed and kept, never evaluated
    Loc loc;
};

// Parameters as CPython's ast.arguments.
struct Arguments {
    std::vector<Arg> posonlyargs;
    std::vector<Arg> args;
    std::optional<Arg> vararg;
    std::vector<Arg> kwonlyargs;
    std::vector<ExprPtr> kwDefaults; // same length as kwonlyargs; null = required
    std::optional<Arg> kwarg;
    std::vector<ExprPtr> defaults;   // for the last len(defaults) of posonlyargs+args
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct Lambda : Expr {
    Arguments args;
    ExprPtr body;
    mutable std::shared_ptr<void> scopeInfo; // resolver
    Lambda() : Expr(ExprKind::Lambda) {}
};

struct Starred : Expr {
    ExprPtr value;
    ExprContext ctx = ExprContext::Load;
    Starred() : Expr(ExprKind::Starred) {}
};

// (x := value)
struct NamedExpr : Expr {
    ExprPtr target;              // a Name
    ExprPtr value;
    NamedExpr() : Expr(ExprKind::NamedExpr) {}
};

struct Yield : Expr {
    ExprPtr value;               // may be null
    Yield() : Expr(ExprKind::Yield) {}
};

struct YieldFrom : Expr {
    ExprPtr value;
    YieldFrom() : Expr(ExprKind::YieldFrom) {}
};

// ---------------------------------------------------------------------------------------------
// Statements

enum class StmtKind : uint8_t {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
    Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt {
    StmtKind kind;
    Loc loc;
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
};

struct FunctionDef : Stmt {
    std::string name;
    Arguments args;
    Body body;
    std::vector<ExprPtr> decorators;
    ExprPtr returns;                         // annotation, never evaluated
    bool isGenerator = false;                // parser: body contains yield (not in nested defs)
    mutable std::shared_ptr<void> scopeInfo; // resolver
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
};

struct ClassDef : Stmt {
    std::string name;
    std::vector<ExprPtr> bases;
    std::vector<Keyword> keywords;           // e.g. metaclass=...
    Body body;
    std::vector<ExprPtr> decorators;
    mutable std::shared_ptr<void> scopeInfo; // resolver
    ClassDef() : Stmt(StmtKind::ClassDef) {}
};

struct Return : Stmt {
    ExprPtr value;                           // may be null
    Return() : Stmt(StmtKind::Return) {}
};

struct Delete : Stmt {
    std::vector<ExprPtr> targets;
    Delete() : Stmt(StmtKind::Delete) {}
};

// a = b = value: targets={a, b}
struct Assign : Stmt {
    std::vector<ExprPtr> targets;
    ExprPtr value;
    Assign() : Stmt(StmtKind::Assign) {}
};

struct AugAssign : Stmt {
    ExprPtr target;
    BinOpKind op = BinOpKind::Add;
    ExprPtr value;
    AugAssign() : Stmt(StmtKind::AugAssign) {}
};

// x: int = 3 (annotation kept, never evaluated)
struct AnnAssign : Stmt {
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value;                           // may be null
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
};

struct For : Stmt {
    ExprPtr target;
    ExprPtr iter;
    Body body;
    Body orelse;
    For() : Stmt(StmtKind::For) {}
};

struct While : Stmt {
    ExprPtr test;
    Body body;
    Body orelse;
    While() : Stmt(StmtKind::While) {}
};

struct If : Stmt {
    ExprPtr test;
    Body body;
    Body orelse;                             // `elif` is a nested If as the only statement
    If() : Stmt(StmtKind::If) {}
};

struct WithItem {
    ExprPtr contextExpr;
    ExprPtr optionalVars;                    // may be null
};

struct With : Stmt {
    std::vector<WithItem> items;
    Body body;
    With() : Stmt(StmtKind::With) {}
};

struct Raise : Stmt {
    ExprPtr exc;                             // may be null (re-raise)
    ExprPtr cause;                           // `from` part, may be null
    Raise() : Stmt(StmtKind::Raise) {}
};

struct ExceptHandler {
    ExprPtr type;                            // may be null (bare except)
    std::string name;                        // `as` name, may be empty
    Body body;
    Loc loc;
};

struct Try : Stmt {
    Body body;
    std::vector<ExceptHandler> handlers;
    Body orelse;
    Body finalbody;
    Try() : Stmt(StmtKind::Try) {}
};

struct Assert : Stmt {
    ExprPtr test;
    ExprPtr msg;                             // may be null
    Assert() : Stmt(StmtKind::Assert) {}
};

struct Alias {
    std::string name;                        // dotted for `import a.b.c`
    std::string asname;                      // may be empty
    Loc loc;
};

struct Import : Stmt {
    std::vector<Alias> names;
    Import() : Stmt(StmtKind::Import) {}
};

struct ImportFrom : Stmt {
    std::string module;                      // may be empty for `from . import x`
    std::vector<Alias> names;                // name "*" for `import *`
    int level = 0;                           // leading dots
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
};

struct Global : Stmt {
    std::vector<std::string> names;
    Global() : Stmt(StmtKind::Global) {}
};

struct Nonlocal : Stmt {
    std::vector<std::string> names;
    Nonlocal() : Stmt(StmtKind::Nonlocal) {}
};

struct ExprStmt : Stmt {
    ExprPtr value;
    ExprStmt() : Stmt(StmtKind::Expr) {}
};

struct Pass : Stmt {
    Pass() : Stmt(StmtKind::Pass) {}
};

struct Break : Stmt {
    Break() : Stmt(StmtKind::Break) {}
};

struct Continue : Stmt {
    Continue() : Stmt(StmtKind::Continue) {}
};

// A parsed file.
struct Module {
    std::shared_ptr<const SourceFile> source;
    Body body;
    mutable std::shared_ptr<void> scopeInfo; // resolver
};

} // namespace gs::lang
