#pragma once
// The node kinds of compiled code (see CompiledCode.h) and the functions that pick a node's
// specialised implementation. Internal to the runtime: only Compiler and the Compiled*.cpp
// files include it.
#include <cstdint>

#include "core/runtime/CompiledCode.h"

namespace gs::runtime {

class Str;
class Type;

// How a binary operator or comparison reads an operand: a local slot read in place, an inline
// constant (int, float, bool, None), or any expression.
enum class Operand : uint8_t { Local, Const, Expr };

// Per-site cache of a class attribute lookup (type + type epoch), as Evaluator::cachedTypeAttr
// but also remembering where an instance keeps the attribute.
struct XAttrCache {
    Type* type = nullptr;
    uint32_t epoch = 0;
    bool plain = false;       // instances are Instance objects (attributes in their dict)
    bool getGeneric = false;  // __getattribute__, or a type / super object: no shortcuts
    bool setGeneric = false;  // __setattr__, or a type object
    bool dataDescr = false;   // the class attribute is a data descriptor (property, ...)
    bool method = false;      // the class attribute is a function or a binding native method
    bool hasInline = false;   // the class attribute is an inline value (int, float, ...)
    Value inlineAttr;         // that value (owns nothing)
    Object* descr = nullptr;  // the class attribute (null: none), alive while the epoch holds
    int32_t slot = -1;        // index of the attribute in the last instance dict seen
    Dict* lastDict = nullptr; // an instance dict known not to shadow the method ...
    uint64_t lastDictVersion = 0;  // ... while its keys are unchanged
};

// --- expressions ------------------------------------------------------------------------------

struct XFallbackExpr : XExpr {};  // the Evaluator runs `ast`

struct XLocal : XExpr {};  // XExpr::slot

struct XConst : XExpr {
    Value inlineValue;        // int, float, bool, None (owns nothing)
    Object* object = nullptr; // str / bytes / ellipsis, kept alive by the interpreter
};

struct XGlobal : XExpr {
    Str* name = nullptr;
    mutable Dict* globals = nullptr;
    mutable uint64_t globalsVersion = 0;
    mutable uint64_t builtinsVersion = 0;
    mutable int32_t index = 0;  // >= 0: globals entry; < 0: builtins entry -2 - index
};

struct XDeref : XExpr {
    int slot = 0;
    bool free = false;  // closure index (else the frame's cell slot)
};

struct XBinary : XExpr {
    const XExpr* left = nullptr;
    const XExpr* right = nullptr;
    int leftSlot = 0, rightSlot = 0;
    Value leftConst, rightConst;  // inline constants only
    lang::BinOpKind op = lang::BinOpKind::Add;
    lang::CmpOpKind cmp = lang::CmpOpKind::Eq;
};

struct XBoolOp : XExpr {
    const XExpr* const* values = nullptr;
    uint32_t size = 0;
    bool isAnd = true;
};

struct XUnary : XExpr {
    const XExpr* operand = nullptr;
    lang::UnaryOpKind op = lang::UnaryOpKind::Not;
};

struct XIfExp : XExpr {
    const XExpr* test_ = nullptr;
    const XExpr* body = nullptr;
    const XExpr* orelse = nullptr;
};

struct XAttr : XExpr {
    const XExpr* object = nullptr;
    Str* name = nullptr;
    mutable XAttrCache cache;
};

struct XSubscript : XExpr {
    const XExpr* object = nullptr;
    const XExpr* key = nullptr;
};

struct XSequence : XExpr {  // tuple and list displays without starred items
    const XExpr* const* items = nullptr;
    uint32_t size = 0;
};

// A call without keywords or starred arguments. `object`/`name` set: a method call obj.name(...).
struct XCall : XExpr {
    const XExpr* callee = nullptr;
    const XExpr* object = nullptr;
    Str* name = nullptr;
    const XExpr* const* args = nullptr;
    uint32_t nargs = 0;
    int line = 0;
    mutable XAttrCache cache;
};

// --- statements -------------------------------------------------------------------------------

struct XFallbackStmt : XStmt {};  // the Evaluator runs `ast` (it sets the line and steps itself)

struct XExprStmt : XStmt {
    const XExpr* value = nullptr;
};

struct XAssign : XStmt {
    const XExpr* value = nullptr;
    int slot = 0;                        // a single local target
    const XExpr* object = nullptr;       // a single attribute target: object.name
    Str* name = nullptr;
    mutable XAttrCache cache;
};

struct XAugAssign : XStmt {
    const XExpr* value = nullptr;
    int slot = 0;
    const XExpr* object = nullptr;
    Str* name = nullptr;
    lang::BinOpKind op = lang::BinOpKind::Add;
    mutable XAttrCache cache;
};

struct XIf : XStmt {
    const XExpr* test = nullptr;
    XBody body, orelse;
};

struct XWhile : XStmt {
    const XExpr* test = nullptr;
    XBody body, orelse;
};

struct XFor : XStmt {
    const XExpr* iter = nullptr;
    int slot = -1;                      // a local target, else `target` through the Evaluator
    const lang::Expr* target = nullptr;
    XBody body, orelse;
};

struct XReturn : XStmt {
    const XExpr* value = nullptr;  // null: return None
};

// --- implementations, chosen by the Compiler --------------------------------------------------

namespace compiled {

Value evalFallback(const XExpr* e, Frame& f);
bool testAny(const XExpr* e, Frame& f);  // truthiness of eval()
Value evalLocal(const XExpr* e, Frame& f);
Value evalConst(const XExpr* e, Frame& f);
bool testConst(const XExpr* e, Frame& f);
Value evalGlobal(const XExpr* e, Frame& f);
Value evalDeref(const XExpr* e, Frame& f);
XEvalFn binaryFn(lang::BinOpKind op, Operand l, Operand r);
XEvalFn compareFn(lang::CmpOpKind op, Operand l, Operand r);
XTestFn compareTestFn(lang::CmpOpKind op, Operand l, Operand r);
Value evalBoolOp(const XExpr* e, Frame& f);
bool testBoolOp(const XExpr* e, Frame& f);
Value evalUnary(const XExpr* e, Frame& f);
bool testNot(const XExpr* e, Frame& f);
Value evalIfExp(const XExpr* e, Frame& f);
Value evalAttr(const XExpr* e, Frame& f);
Value evalSubscript(const XExpr* e, Frame& f);
Value evalTuple(const XExpr* e, Frame& f);
Value evalList(const XExpr* e, Frame& f);
Value evalCall(const XExpr* e, Frame& f);
Value evalMethodCall(const XExpr* e, Frame& f);

ExecStatus execFallback(const XStmt* s, Frame& f);
ExecStatus execExpr(const XStmt* s, Frame& f);
ExecStatus execAssignLocal(const XStmt* s, Frame& f);
ExecStatus execAssignAttr(const XStmt* s, Frame& f);
ExecStatus execAssignAny(const XStmt* s, Frame& f);
ExecStatus execAugLocal(const XStmt* s, Frame& f);
ExecStatus execAugAttr(const XStmt* s, Frame& f);
ExecStatus execIf(const XStmt* s, Frame& f);
ExecStatus execWhile(const XStmt* s, Frame& f);
ExecStatus execFor(const XStmt* s, Frame& f);
ExecStatus execReturn(const XStmt* s, Frame& f);
ExecStatus execPass(const XStmt* s, Frame& f);
ExecStatus execBreak(const XStmt* s, Frame& f);
ExecStatus execContinue(const XStmt* s, Frame& f);

// Attribute load / store through a site cache (the Evaluator's loadAttr / storeAttr semantics).
Value loadAttr(Interpreter& I, const Value& obj, Str* name, XAttrCache& c);
void storeAttr(Interpreter& I, const Value& obj, Str* name, XAttrCache& c, const Value& v);

} // namespace compiled
} // namespace gs::runtime
