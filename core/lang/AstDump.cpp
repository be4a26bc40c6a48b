#include "core/lang/AstDump.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/lang/Utf8.h"

namespace gs::lang {

namespace {

// Collects `name=value` pairs of one node, leaving out the empty ones.
class Fields {
public:
    explicit Fields(const char* type) : out_(type) { out_ += '('; }
    void add(const char* name, const std::string& value) {
        if (value.empty()) return;
        if (!first_) out_ += ", ";
        first_ = false;
        out_ += name;
        out_ += '=';
        out_ += value;
    }
    std::string str() && {
        out_ += ')';
        return std::move(out_);
    }

private:
    std::string out_;
    bool first_ = true;
};

std::string ctxName(ExprContext c) {
    switch (c) {
    case ExprContext::Load: return "Load()";
    case ExprContext::Store: return "Store()";
    case ExprContext::Del: return "Del()";
    }
    return "?";
}

const char* binOpName(BinOpKind op) {
    switch (op) {
    case BinOpKind::Add: return "Add()";
    case BinOpKind::Sub: return "Sub()";
    case BinOpKind::Mult: return "Mult()";
    case BinOpKind::MatMult: return "MatMult()";
    case BinOpKind::Div: return "Div()";
    case BinOpKind::Mod: return "Mod()";
    case BinOpKind::Pow: return "Pow()";
    case BinOpKind::LShift: return "LShift()";
    case BinOpKind::RShift: return "RShift()";
    case BinOpKind::BitOr: return "BitOr()";
    case BinOpKind::BitXor: return "BitXor()";
    case BinOpKind::BitAnd: return "BitAnd()";
    case BinOpKind::FloorDiv: return "FloorDiv()";
    }
    return "?";
}

const char* unaryOpName(UnaryOpKind op) {
    switch (op) {
    case UnaryOpKind::Invert: return "Invert()";
    case UnaryOpKind::Not: return "Not()";
    case UnaryOpKind::UAdd: return "UAdd()";
    case UnaryOpKind::USub: return "USub()";
    }
    return "?";
}

const char* cmpOpName(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Eq: return "Eq()";
    case CmpOpKind::NotEq: return "NotEq()";
    case CmpOpKind::Lt: return "Lt()";
    case CmpOpKind::LtE: return "LtE()";
    case CmpOpKind::Gt: return "Gt()";
    case CmpOpKind::GtE: return "GtE()";
    case CmpOpKind::Is: return "Is()";
    case CmpOpKind::IsNot: return "IsNot()";
    case CmpOpKind::In: return "In()";
    case CmpOpKind::NotIn: return "NotIn()";
    }
    return "?";
}

std::string str(const std::string& s) { return pythonRepr(s); }

std::string expr(const ExprPtr& e) { return e ? dumpAst(*e) : std::string(); }

// A list that prints null elements as None (Dict keys, kw_defaults).
std::string exprList(const std::vector<ExprPtr>& v, bool keepNulls = false) {
    if (v.empty()) return {};
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += v[i] ? dumpAst(*v[i]) : (keepNulls ? "None" : "");
    }
    return out + "]";
}

std::string body(const Body& b) {
    if (b.empty()) return {};
    std::string out = "[";
    for (size_t i = 0; i < b.size(); ++i) {
        if (i) out += ", ";
        out += dumpAst(*b[i]);
    }
    return out + "]";
}

std::string names(const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += str(v[i]);
    }
    return out + "]";
}

std::string arg(const Arg& a) {
    Fields f("arg");
    f.add("arg", str(a.name));
    f.add("annotation", expr(a.annotation));
    return std::move(f).str();
}

std::string argList(const std::vector<Arg>& v) {
    if (v.empty()) return {};
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += arg(v[i]);
    }
    return out + "]";
}

std::string arguments(const Arguments& a) {
    Fields f("arguments");
    f.add("posonlyargs", argList(a.posonlyargs));
    f.add("args", argList(a.args));
    if (a.vararg) f.add("vararg", arg(*a.vararg));
    f.add("kwonlyargs", argList(a.kwonlyargs));
    f.add("kw_defaults", exprList(a.kwDefaults, true));
    if (a.kwarg) f.add("kwarg", arg(*a.kwarg));
    f.add("defaults", exprList(a.defaults));
    return std::move(f).str();
}

std::string keywords(const std::vector<Keyword>& v) {
    if (v.empty()) return {};
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        Fields f("keyword");
        if (!v[i].arg.empty()) f.add("arg", str(v[i].arg));
        f.add("value", expr(v[i].value));
        out += std::move(f).str();
    }
    return out + "]";
}

std::string generators(const std::vector<Comprehension>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        Fields f("comprehension");
        f.add("target", expr(v[i].target));
        f.add("iter", expr(v[i].iter));
        f.add("ifs", exprList(v[i].ifs));
        f.add("is_async", "0");
        out += std::move(f).str();
    }
    return out + "]";
}

std::string constantValue(const Constant& c) {
    switch (c.type) {
    case Constant::Type::None: return "None";
    case Constant::Type::Bool: return c.b ? "True" : "False";
    case Constant::Type::Int: return std::to_string(c.i);
    case Constant::Type::BigInt: return c.s;
    case Constant::Type::Float: return pythonFloatRepr(c.f);
    case Constant::Type::Complex: {
        std::string r = pythonFloatRepr(c.f);
        if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
        return r + "j";
    }
    case Constant::Type::Str: return pythonRepr(c.s);
    case Constant::Type::Bytes: return pythonRepr(c.s, true);
    case Constant::Type::Ellipsis: return "Ellipsis";
    }
    return "?";
}

} // namespace

std::string pythonRepr(const std::string& s, bool bytes) {
    const bool hasSingle = s.find('\'') != std::string::npos;
    const bool hasDouble = s.find('"') != std::string::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out = bytes ? "b" : "";
    out += quote;
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        if (bytes) {
            cp = static_cast<unsigned char>(s[i]);
            ++i;
        } else {
            cp = utf8::decode(s, i);
        }
        if (cp == static_cast<char32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F || (bytes && cp >= 0x80)) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
            out += buf;
        } else if (cp >= 0x80 && utf8::isNonPrintable(cp)) {
            if (cp < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
            else if (cp < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            utf8::append(out, cp);
        }
    }
    out += quote;
    return out;
}

std::string pythonFloatRepr(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    // Shortest round-trip digits, laid out like Python's repr (float_repr_style 'short').
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (!sci.empty() && sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const size_t e = sci.find('e');
    std::string digits = sci.substr(0, e);
    const int exp = std::stoi(sci.substr(e + 1));
    if (digits.size() > 1) digits.erase(1, 1); // drop the '.'
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int n = static_cast<int>(digits.size());
    const int decpt = exp + 1;
    std::string out;
    if (decpt <= -4 || decpt > 16) {
        out = digits.substr(0, 1);
        if (n > 1) out += "." + digits.substr(1);
        std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += buf;
    } else if (decpt <= 0) {
        out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
    } else if (decpt >= n) {
        out = digits + std::string(static_cast<size_t>(decpt - n), '0') + ".0";
    } else {
        out = digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
    }
    return sign + out;
}

std::string dumpAst(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(e);
        Fields f("Name");
        f.add("id", str(n.id));
        f.add("ctx", ctxName(n.ctx));
        return std::move(f).str();
    }
    case ExprKind::Constant: {
        Fields f("Constant");
        f.add("value", constantValue(static_cast<const Constant&>(e)));
        return std::move(f).str();
    }
    case ExprKind::JoinedStr: {
        Fields f("JoinedStr");
        f.add("values", exprList(static_cast<const JoinedStr&>(e).values));
        return std::move(f).str();
    }
    case ExprKind::FormattedValue: {
        const auto& v = static_cast<const FormattedValue&>(e);
        Fields f("FormattedValue");
        f.add("value", expr(v.value));
        f.add("conversion", std::to_string(v.conversion ? static_cast<int>(v.conversion) : -1));
        f.add("format_spec", expr(v.formatSpec));
        if (!v.debugText.empty()) f.add("debug", str(v.debugText));
        return std::move(f).str();
    }
    case ExprKind::List: {
        const auto& l = static_cast<const List&>(e);
        Fields f("List");
        f.add("elts", exprList(l.elts));
        f.add("ctx", ctxName(l.ctx));
        return std::move(f).str();
    }
    case ExprKind::Tuple: {
        const auto& t = static_cast<const Tuple&>(e);
        Fields f("Tuple");
        f.add("elts", exprList(t.elts));
        f.add("ctx", ctxName(t.ctx));
        return std::move(f).str();
    }
    case ExprKind::Dict: {
        const auto& d = static_cast<const Dict&>(e);
        Fields f("Dict");
        f.add("keys", exprList(d.keys, true));
        f.add("values", exprList(d.values));
        return std::move(f).str();
    }
    case ExprKind::Set: {
        Fields f("Set");
        f.add("elts", exprList(static_cast<const Set&>(e).elts));
        return std::move(f).str();
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::DictComp: {
        const auto& c = static_cast<const Comp&>(e);
        Fields f(e.kind == ExprKind::ListComp  ? "ListComp"
                 : e.kind == ExprKind::SetComp ? "SetComp"
                 : e.kind == ExprKind::DictComp ? "DictComp"
                                                : "GeneratorExp");
        f.add("elt", expr(c.elt));
        f.add("key", expr(c.key));
        f.add("value", expr(c.value));
        f.add("generators", generators(c.generators));
        return std::move(f).str();
    }
    case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        Fields f("IfExp");
        f.add("test", expr(i.test));
        f.add("body", expr(i.body));
        f.add("orelse", expr(i.orelse));
        return std::move(f).str();
    }
    case ExprKind::BoolOp: {
        const auto& b = static_cast<const BoolOp&>(e);
        Fields f("BoolOp");
        f.add("op", b.op == BoolOpKind::And ? "And()" : "Or()");
        f.add("values", exprList(b.values));
        return std::move(f).str();
    }
    case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOp&>(e);
        Fields f("BinOp");
        f.add("left", expr(b.left));
        f.add("op", binOpName(b.op));
        f.add("right", expr(b.right));
        return std::move(f).str();
    }
    case ExprKind::UnaryOp: {
        const auto& u = static_cast<const UnaryOp&>(e);
        Fields f("UnaryOp");
        f.add("op", unaryOpName(u.op));
        f.add("operand", expr(u.operand));
        return std::move(f).str();
    }
    case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        Fields f("Compare");
        f.add("left", expr(c.left));
        std::string ops = "[";
        for (size_t i = 0; i < c.ops.size(); ++i) ops += (i ? ", " : "") + std::string(cmpOpName(c.ops[i]));
        f.add("ops", ops + "]");
        f.add("comparators", exprList(c.comparators));
        return std::move(f).str();
    }
    case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(e);
        Fields f("Attribute");
        f.add("value", expr(a.value));
        f.add("attr", str(a.attr));
        f.add("ctx", ctxName(a.ctx));
        return std::move(f).str();
    }
    case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        Fields f("Subscript");
        f.add("value", expr(s.value));
        f.add("slice", expr(s.slice));
        f.add("ctx", ctxName(s.ctx));
        return std::move(f).str();
    }
    case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        Fields f("Slice");
        f.add("lower", expr(s.lower));
        f.add("upper", expr(s.upper));
        f.add("step", expr(s.step));
        return std::move(f).str();
    }
    case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        Fields f("Call");
        f.add("func", expr(c.func));
        f.add("args", exprList(c.args));
        f.add("keywords", keywords(c.keywords));
        return std::move(f).str();
    }
    case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        Fields f("Lambda");
        f.add("args", arguments(l.args));
        f.add("body", expr(l.body));
        return std::move(f).str();
    }
    case ExprKind::Starred: {
        const auto& s = static_cast<const Starred&>(e);
        Fields f("Starred");
        f.add("value", expr(s.value));
        f.add("ctx", ctxName(s.ctx));
        return std::move(f).str();
    }
    case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        Fields f("NamedExpr");
        f.add("target", expr(n.target));
        f.add("value", expr(n.value));
        return std::move(f).str();
    }
    case ExprKind::Yield: {
        Fields f("Yield");
        f.add("value", expr(static_cast<const Yield&>(e).value));
        return std::move(f).str();
    }
    case ExprKind::YieldFrom: {
        Fields f("YieldFrom");
        f.add("value", expr(static_cast<const YieldFrom&>(e).value));
        return std::move(f).str();
    }
    }
    return "?";
}

std::string dumpAst(const Stmt& s) {
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        const auto& d = static_cast<const FunctionDef&>(s);
        Fields f("FunctionDef");
        f.add("name", str(d.name));
        f.add("args", arguments(d.args));
        f.add("body", body(d.body));
        f.add("decorator_list", exprList(d.decorators));
        f.add("returns", expr(d.returns));
        if (d.isGenerator) f.add("generator", "True");
        return std::move(f).str();
    }
    case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        Fields f("ClassDef");
        f.add("name", str(c.name));
        f.add("bases", exprList(c.bases));
        f.add("keywords", keywords(c.keywords));
        f.add("body", body(c.body));
        f.add("decorator_list", exprList(c.decorators));
        return std::move(f).str();
    }
    case StmtKind::Return: {
        Fields f("Return");
        f.add("value", expr(static_cast<const Return&>(s).value));
        return std::move(f).str();
    }
    case StmtKind::Delete: {
        Fields f("Delete");
        f.add("targets", exprList(static_cast<const Delete&>(s).targets));
        return std::move(f).str();
    }
    case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        Fields f("Assign");
        f.add("targets", exprList(a.targets));
        f.add("value", expr(a.value));
        return std::move(f).str();
    }
    case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssign&>(s);
        Fields f("AugAssign");
        f.add("target", expr(a.target));
        f.add("op", binOpName(a.op));
        f.add("value", expr(a.value));
        return std::move(f).str();
    }
    case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        Fields f("AnnAssign");
        f.add("target", expr(a.target));
        f.add("annotation", expr(a.annotation));
        f.add("value", expr(a.value));
        f.add("simple", a.target->kind == ExprKind::Name ? "1" : "0");
        return std::move(f).str();
    }
    case StmtKind::For: {
        const auto& x = static_cast<const For&>(s);
        Fields f("For");
        f.add("target", expr(x.target));
        f.add("iter", expr(x.iter));
        f.add("body", body(x.body));
        f.add("orelse", body(x.orelse));
        return std::move(f).str();
    }
    case StmtKind::While: {
        const auto& x = static_cast<const While&>(s);
        Fields f("While");
        f.add("test", expr(x.test));
        f.add("body", body(x.body));
        f.add("orelse", body(x.orelse));
        return std::move(f).str();
    }
    case StmtKind::If: {
        const auto& x = static_cast<const If&>(s);
        Fields f("If");
        f.add("test", expr(x.test));
        f.add("body", body(x.body));
        f.add("orelse", body(x.orelse));
        return std::move(f).str();
    }
    case StmtKind::With: {
        const auto& w = static_cast<const With&>(s);
        std::string items = "[";
        for (size_t i = 0; i < w.items.size(); ++i) {
            Fields it("withitem");
            it.add("context_expr", expr(w.items[i].contextExpr));
            it.add("optional_vars", expr(w.items[i].optionalVars));
            items += (i ? ", " : "") + std::move(it).str();
        }
        Fields f("With");
        f.add("items", items + "]");
        f.add("body", body(w.body));
        return std::move(f).str();
    }
    case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        Fields f("Raise");
        f.add("exc", expr(r.exc));
        f.add("cause", expr(r.cause));
        return std::move(f).str();
    }
    case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        std::string handlers;
        if (!t.handlers.empty()) {
            handlers = "[";
            for (size_t i = 0; i < t.handlers.size(); ++i) {
                Fields h("ExceptHandler");
                h.add("type", expr(t.handlers[i].type));
                if (!t.handlers[i].name.empty()) h.add("name", str(t.handlers[i].name));
                h.add("body", body(t.handlers[i].body));
                handlers += (i ? ", " : "") + std::move(h).str();
            }
            handlers += "]";
        }
        Fields f("Try");
        f.add("body", body(t.body));
        f.add("handlers", handlers);
        f.add("orelse", body(t.orelse));
        f.add("finalbody", body(t.finalbody));
        return std::move(f).str();
    }
    case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        Fields f("Assert");
        f.add("test", expr(a.test));
        f.add("msg", expr(a.msg));
        return std::move(f).str();
    }
    case StmtKind::Import:
    case StmtKind::ImportFrom: {
        const auto& list = s.kind == StmtKind::Import ? static_cast<const Import&>(s).names
                                                      : static_cast<const ImportFrom&>(s).names;
        std::string aliases = "[";
        for (size_t i = 0; i < list.size(); ++i) {
            Fields a("alias");
            a.add("name", str(list[i].name));
            if (!list[i].asname.empty()) a.add("asname", str(list[i].asname));
            aliases += (i ? ", " : "") + std::move(a).str();
        }
        aliases += "]";
        if (s.kind == StmtKind::Import) {
            Fields f("Import");
            f.add("names", aliases);
            return std::move(f).str();
        }
        const auto& imp = static_cast<const ImportFrom&>(s);
        Fields f("ImportFrom");
        if (!imp.module.empty()) f.add("module", str(imp.module));
        f.add("names", aliases);
        f.add("level", std::to_string(imp.level));
        return std::move(f).str();
    }
    case StmtKind::Global: {
        Fields f("Global");
        f.add("names", names(static_cast<const Global&>(s).names));
        return std::move(f).str();
    }
    case StmtKind::Nonlocal: {
        Fields f("Nonlocal");
        f.add("names", names(static_cast<const Nonlocal&>(s).names));
        return std::move(f).str();
    }
    case StmtKind::Expr: {
        Fields f("Expr");
        f.add("value", expr(static_cast<const ExprStmt&>(s).value));
        return std::move(f).str();
    }
    case StmtKind::Pass: return "Pass()";
    case StmtKind::Break: return "Break()";
    case StmtKind::Continue: return "Continue()";
    }
    return "?";
}

std::string dumpAst(const Module& m) {
    Fields f("Module");
    f.add("body", body(m.body));
    return std::move(f).str();
}

} // namespace gs::lang
