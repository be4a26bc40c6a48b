#include "core/session/ReasonClassifier.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace gs::session {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

bool isDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Digits → int; -1 when empty, not all digits or out of range (never throws).
int toDim(std::string_view s) {
    int v = -1;
    if (!isDigits(s)) return -1;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && ptr == s.data() + s.size() ? v : -1;
}

bool isIntLiteral(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    return isDigits(s);
}

// Scans `s` outside string literals and brackets. `onTopLevel(i)` is called for every index at
// bracket depth 0 outside quotes; returning true stops the scan (the index is returned).
template <class F>
size_t scanTopLevel(std::string_view s, F onTopLevel, bool bracketAware = true) {
    char quote = 0;
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (depth == 0 && onTopLevel(i)) return i;
        if (c == '\'' || c == '"') quote = c;
        else if (bracketAware && (c == '(' || c == '[' || c == '{')) ++depth;
        else if (bracketAware && (c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return std::string_view::npos;
}

// startsWith(s.substr(i), t), its first byte compared in line: the scans below ask it at every
// top-level index (stripComment runs for every guard of every imported compile, twice).
bool matchesAt(std::string_view s, size_t i, std::string_view t) {
    return (t.empty() || s[i] == t.front()) && s.substr(i, t.size()) == t;
}

size_t findTopLevel(std::string_view s, std::string_view needle, bool bracketAware = true) {
    return scanTopLevel(s, [&](size_t i) { return matchesAt(s, i, needle); }, bracketAware);
}

std::vector<std::string_view> splitTopLevel(std::string_view s, std::string_view sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    scanTopLevel(s, [&](size_t i) {
        if (i >= start && matchesAt(s, i, sep)) {
            out.push_back(s.substr(start, i - start));
            start = i + sep.size();
        }
        return false;
    });
    out.push_back(s.substr(start));
    return out;
}

// Arguments of "name(a, b, c)" at top level; empty if `call` is not a call.
std::vector<std::string_view> callArgs(std::string_view call) {
    size_t open = call.find('(');
    if (open == std::string_view::npos || open == 0 || call.back() != ')') return {};
    for (size_t i = 0; i < open; ++i) // the callee is a dotted name
        if (!(std::isalnum(static_cast<unsigned char>(call[i])) || call[i] == '_' || call[i] == '.')) return {};
    // "f(a) + g(b)" is not one call: the parenthesis opened after the callee must close last.
    std::string_view rest = call.substr(open + 1);
    if (findTopLevel(rest, ")") != rest.size() - 1) return {};
    std::string_view inner = call.substr(open + 1, call.size() - open - 2);
    std::vector<std::string_view> args;
    for (auto a : splitTopLevel(inner, ",")) {
        a = trim(a);
        if (!a.empty()) args.push_back(a);
    }
    return args;
}

// "index 0. expected 3, actual 4" style tails → expected / actual (without trailing punctuation).
void parseExpectedActual(std::string_view s, RecompileReason& r) {
    auto word = [](std::string_view rest) {
        rest = trim(rest);
        size_t end = rest.find_first_of(", \n");
        std::string_view w = rest.substr(0, end);
        while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
        return std::string(w);
    };
    size_t e = s.find("expected ");
    if (e == std::string_view::npos) e = s.find("Expected ");
    if (e != std::string_view::npos) r.expected = word(s.substr(e + 9));
    size_t a = s.find("actual ", e == std::string_view::npos ? 0 : e);
    if (a != std::string_view::npos) r.actual = word(s.substr(a + 7));
}

// The leading source of an expression: L['x'] / G['g'] / x, followed by .attr and [..]
// accessors, stopping before a method call ("L['x'].size()[0]" → "L['x']").
std::string_view leadingSource(std::string_view expr) {
    expr = trim(expr);
    size_t i = 0;
    auto identEnd = [&](size_t p) {
        while (p < expr.size() && (std::isalnum(static_cast<unsigned char>(expr[p])) || expr[p] == '_')) ++p;
        return p;
    };
    if (expr.empty() || !(std::isalpha(static_cast<unsigned char>(expr[0])) || expr[0] == '_')) return {};
    size_t end = identEnd(0);
    if (end == 0 || (end < expr.size() && expr[end] == '(')) return {}; // not a source: a call such as Eq(...)
    i = end;
    while (i < expr.size()) {
        if (expr[i] == '[') {
            size_t close = findTopLevel(expr.substr(i + 1), "]");
            if (close == std::string_view::npos) break;
            i = i + 1 + close + 1;
        } else if (expr[i] == '.') {
            size_t e2 = identEnd(i + 1);
            if (e2 == i + 1) break;
            if (e2 < expr.size() && expr[e2] == '(') break; // a method call: not part of the source
            i = e2;
        } else {
            break;
        }
    }
    return expr.substr(0, i);
}

// First "<src>.size()[<n>]" (or stride) in a symbolic guard → source and dim.
void findSizeReference(std::string_view expr, RecompileReason& r) {
    size_t sizeAt = expr.find(".size()["), strideAt = expr.find(".stride()[");
    if (sizeAt != std::string_view::npos || strideAt != std::string_view::npos) {
        size_t p = std::min(sizeAt, strideAt);
        std::string_view acc = p == sizeAt ? ".size()[" : ".stride()[";
        // walk back to the start of the source expression
        size_t start = p;
        int depth = 0;
        while (start > 0) {
            char c = expr[start - 1];
            if (c == ']') ++depth;
            else if (c == '[') {
                if (depth == 0) break;
                --depth;
            } else if (depth == 0 && !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '\'' || c == '"'))
                break;
            --start;
        }
        r.source = std::string(expr.substr(start, p - start));
        size_t numStart = p + acc.size();
        size_t numEnd = expr.find(']', numStart);
        if (numEnd != std::string_view::npos) r.dim = toDim(expr.substr(numStart, numEnd - numStart));
        return;
    }
    r.source = std::string(leadingSource(expr));
}

bool isSympyCall(std::string_view s) {
    static constexpr std::array<std::string_view, 19> kFns{
        "Eq(", "Ne(", "Lt(", "Le(", "Gt(", "Ge(", "Mod(", "And(", "Or(", "Not(", "Max(", "Min(",
        "FloorDiv(", "CeilDiv(", "PythonMod(", "IsNonOverlappingAndDenseIndicator(", "TruncToInt(",
        "ToFloat(", "Abs("};
    for (auto f : kFns)
        if (startsWith(s, f)) return true;
    return false;
}

bool mentionsSize(std::string_view s) {
    return contains(s, ".size()[") || contains(s, ".stride()[") || contains(s, ".storage_offset()") ||
           contains(s, ".numel()");
}

// Backend keys of a DispatchKeySet(...) text, for "dispatch key set mismatch".
std::string backendKeys(std::string_view set) {
    static constexpr std::array<std::string_view, 8> kBackends{"CPU", "CUDA", "MPS", "XPU", "Meta", "HIP", "XLA", "PrivateUse1"};
    std::string out;
    for (auto a : callArgs(set))
        for (auto b : kBackends)
            if (a == b) out += std::string(a) + ",";
    return out;
}

// "2 <= x.size()[0]" (or "x.size()[0] >= 2"): the lower bound every backed size symbol gets,
// because sizes 0 and 1 are specialized (dynamo-semantics §3.5). A range with an upper bound
// ("2 <= x.size()[0] <= 14") comes from mark_dynamic's min/max and is not this.
bool isZeroOneBound(std::string_view p) {
    p = trim(p);
    std::string_view rest;
    if (startsWith(p, "2 <= ")) rest = p.substr(5);
    else if (endsWith(p, " >= 2")) rest = p.substr(0, p.size() - 5);
    else return false;
    rest = trim(rest);
    return !contains(rest, " ") && (contains(rest, ".size()[") || contains(rest, ".numel()"));
}

void classifyPart(std::string_view p, RecompileReason& r) {
    using C = ReasonCategory;
    auto setSource = [&](std::string_view s) { r.source = ReasonClassifier::stripLocalScope(trim(s)); };

    // TENSOR_MATCH failures, produced in C++ (dynamo-semantics §2.2 row TENSOR_MATCH).
    if (startsWith(p, "tensor '")) {
        struct Marker { std::string_view text; C cat; };
        static constexpr std::array<Marker, 8> kMarkers{{
            {"' size mismatch at index ", C::SizeChange}, {"' stride mismatch at index ", C::StrideChange},
            {"' rank mismatch", C::RankChange}, {"' dtype mismatch", C::DtypeChange},
            {"' requires_grad mismatch", C::RequiresGradChange}, {"' Tensor device index mismatch", C::DeviceChange},
            {"' device mismatch", C::DeviceChange}, {"' dispatch key set mismatch", C::DeviceChange}}};
        r.guardKind = "TENSOR_MATCH";
        std::string_view body = p.substr(8);
        for (const auto& m : kMarkers) {
            size_t at = body.find(m.text);
            if (at == std::string_view::npos) continue;
            setSource(body.substr(0, at));
            std::string_view tail = body.substr(at + m.text.size());
            r.category = m.cat;
            if (m.cat == C::SizeChange || m.cat == C::StrideChange) {
                size_t dot = tail.find('.');
                std::string_view idx = tail.substr(0, dot);
                r.dim = toDim(idx);
                parseExpectedActual(tail, r);
            } else if (m.cat == C::RequiresGradChange) {
                size_t eq = tail.find("requires_grad=");
                if (eq != std::string_view::npos) {
                    bool expectedTrue = tail.substr(eq + 14, 1) == "1" || tail.substr(eq + 14, 4) == "True";
                    r.expected = expectedTrue ? "True" : "False";
                    r.actual = expectedTrue ? "False" : "True";
                }
            } else if (m.text == "' dispatch key set mismatch") {
                size_t e = tail.find("expected ");
                size_t a = tail.find(", actual ");
                if (e != std::string_view::npos && a != std::string_view::npos && a > e) {
                    r.expected = std::string(trim(tail.substr(e + 9, a - e - 9)));
                    r.actual = std::string(trim(tail.substr(a + 9)));
                    // Same backend on both sides: not a device move (e.g. a Python-key subclass).
                    if (backendKeys(r.expected) == backendKeys(r.actual)) r.category = C::Other;
                }
            } else if (m.cat == C::DeviceChange) {
                // "Expected device index to be 0, actual 1"
                size_t e = tail.find("device index to be ");
                if (e != std::string_view::npos) parseExpectedActual("expected " + std::string(tail.substr(e + 19)), r);
                else parseExpectedActual(tail, r);
            } else {
                parseExpectedActual(tail, r);
            }
            return;
        }
        size_t q = body.find("' ");
        if (q != std::string_view::npos) setSource(body.substr(0, q));
        r.category = C::Other;
        return;
    }
    if (startsWith(p, "expected type of '")) {
        std::string_view body = p.substr(18);
        size_t toBe = body.find("' to be ");
        size_t found = body.find(", but found ");
        r.category = C::TypeChange;
        r.guardKind = "TENSOR_MATCH";
        if (toBe != std::string_view::npos) {
            setSource(body.substr(0, toBe));
            if (found != std::string_view::npos && found > toBe) {
                r.expected = std::string(body.substr(toBe + 8, found - toBe - 8));
                r.actual = std::string(trim(body.substr(found + 12)));
            }
        }
        return;
    }
    // Failure messages of C++ guards, not guard code (dynamo-semantics §2.2).
    if (startsWith(p, "GLOBAL_STATE changed:")) {
        r.category = C::GlobalState;
        r.guardKind = "GLOBAL_STATE";
        r.source = std::string(trim(p.substr(21)));
        return;
    }
    if (startsWith(p, "BACKEND_MATCH")) {
        r.category = C::Other;
        r.guardKind = "BACKEND_MATCH";
        return;
    }
    if (startsWith(p, "Duplicate tensors found:")) {
        r.category = C::Alias;
        r.guardKind = "NO_TENSOR_ALIASING";
        setSource(p.substr(24));
        return;
    }
    if (startsWith(p, "Duplicate tensor found where not expected!")) {
        r.category = C::Alias;
        r.guardKind = "NO_TENSOR_ALIASING";
        std::string_view rest = trim(p.substr(42));
        size_t sn = rest.find("should not alias");
        setSource(rest.substr(0, sn));
        return;
    }
    if (startsWith(p, "NO_TENSOR_ALIASING")) {
        r.category = C::Alias;
        r.guardKind = "NO_TENSOR_ALIASING";
        return;
    }
    if (startsWith(p, "Cache line invalidated because")) {
        r.category = C::ObjectIdentity;
        std::string_view rest = p.substr(30);
        size_t got = rest.find(" got deallocated");
        setSource(rest.substr(0, got));
        return;
    }

    // Guard code: its kind from the one table (guardKindOfCode), then what each kind tells.
    const std::string kind = ReasonClassifier::guardKindOfCode(p);
    r.guardKind = kind;
    if (kind == "GLOBAL_STATE" || kind == "TORCH_FUNCTION_MODE_STACK") {
        r.category = C::GlobalState;
    } else if (kind == "DEFAULT_DEVICE") {
        r.category = C::GlobalState;
        r.source = "utils_device.CURRENT_DEVICE";
        size_t eq = p.find("==");
        if (eq != std::string_view::npos) r.expected = std::string(trim(p.substr(eq + 2)));
    } else if (kind == "BACKEND_MATCH") {
        r.category = C::Other;
    } else if (kind == "NO_TENSOR_ALIASING") {
        r.category = C::Alias;
        setSource(p.substr(18, p.size() - 19));
    } else if (kind == "ID_MATCH") {
        auto args = callArgs(p);
        if (!args.empty()) setSource(args[0]);
        if (args.size() > 1) r.expected = std::string(args[1]);
        // ≤2.3 guarded bools such as module.training with ID_MATCH (dynamo-semantics §2.2 BOOL_MATCH).
        r.category = endsWith(r.source, ".training") ? C::TrainEval : C::ObjectIdentity;
    } else if (kind == "TYPE_MATCH") {
        auto args = callArgs(p);
        r.category = C::TypeChange;
        if (!args.empty()) setSource(args[0]);
        if (args.size() > 1) r.expected = std::string(args[1]);
    } else if (kind == "NO_HASATTR") {
        r.category = C::DynamicIndices;
        auto args = callArgs(p.substr(0, p.find(')') + 1));
        if (!args.empty()) setSource(args[0]);
    } else if (kind == "DYNAMIC_INDICES") {
        r.category = C::DynamicIndices;
        size_t h = p.find("hasattr(");
        std::string_view body = p;
        while (startsWith(body, "(")) body.remove_prefix(1);
        size_t dot = body.find("._dynamo_dynamic_indices");
        if (dot != std::string_view::npos) setSource(body.substr(0, dot));
        else if (h != std::string_view::npos) {
            size_t close = p.find(')', h);
            auto args = callArgs(p.substr(h, close == std::string_view::npos ? 0 : close - h + 1));
            if (!args.empty()) setSource(args[0]);
        }
        size_t sub = p.find(".issubset(");
        if (sub != std::string_view::npos) {
            size_t close = p.find(')', sub);
            if (close != std::string_view::npos) r.expected = std::string(p.substr(sub + 10, close - sub - 10));
        }
    } else if (kind == "GUARDED_CODE") {
        r.category = C::Other;
        r.guardKind.clear(); // the entry was invalidated: no guard of the user's failed
    } else if (kind == "SHAPE_ENV" && (isSympyCall(p) || mentionsSize(p))) {
        r.category = C::ShapeGuard;
        r.expected = std::string(p);
        findSizeReference(ReasonClassifier::stripLocalScope(p), r);
    } else if (kind == "SHAPE_ENV") {
        // Range / inequality guards on symbolic ints, e.g. "y != 2", "2 <= n".
        r.category = C::ShapeGuard;
        r.expected = std::string(p);
        std::string stripped = ReasonClassifier::stripLocalScope(p);
        std::string_view sv = stripped;
        for (std::string_view op : {" != ", " <= ", " >= ", " < ", " > "}) {
            const size_t at = findTopLevel(sv, op);
            if (at == std::string_view::npos) continue;
            // the source is the side that is not a number
            std::string_view lhs = trim(sv.substr(0, at)), rhs = trim(sv.substr(at + op.size()));
            std::string_view side = isIntLiteral(lhs) ? rhs : lhs;
            size_t op2 = side.find_first_of("<>!=");
            r.source = std::string(trim(side.substr(0, op2)));
            break;
        }
    } else if (kind == "LENGTH_CHECK" && startsWith(p, "len(")) {
        size_t close = findTopLevel(p.substr(4), ")");
        r.category = C::ConstantChange;
        if (close != std::string_view::npos) {
            setSource(p.substr(4, close));
            size_t eq = p.find("==", 4 + close);
            if (eq != std::string_view::npos) r.expected = std::string(trim(p.substr(eq + 2)));
        }
    } else if (kind == "LENGTH_CHECK") { // "not x": empty list/tuple/dict (SEQUENCE_LENGTH of 0, DICT_LENGTH)
        r.category = C::ConstantChange;
        setSource(p.substr(4));
        r.expected = "0";
    } else if (kind == "DICT_CONTAINS") {
        r.category = C::Other;
        auto args = callArgs(p.substr(4));
        if (args.size() > 1) setSource(args[1]);
        if (!args.empty()) r.expected = "no key " + std::string(args[0]);
    } else if (kind == "EQUALS_MATCH" && startsWith(p, "(type(")) { // a NaN float: nan != nan
        r.category = C::ConstantChange;
        size_t close = p.find(')', 6);
        setSource(p.substr(6, close == std::string_view::npos ? 0 : close - 6));
        r.expected = "nan";
    } else if (kind == "NONE_MATCH" || kind == "DUPLICATE_INPUT") { // "x is None", "a is c"
        const size_t is = findTopLevel(p, " is ");
        std::string_view lhs = trim(p.substr(0, is)), rhs = trim(p.substr(is + 4));
        setSource(lhs);
        r.category = kind == "NONE_MATCH" ? C::ConstantChange : C::Alias;
        r.expected = kind == "NONE_MATCH" ? std::string(rhs) : ReasonClassifier::stripLocalScope(rhs);
    } else if (kind == "BOOL_MATCH" || kind == "EQUALS_MATCH") { // "x == True", "n == 3", "s == 'a'"
        const size_t eq = findTopLevel(p, " == ");
        std::string_view lhs = trim(p.substr(0, eq)), rhs = trim(p.substr(eq + 4));
        setSource(lhs);
        r.expected = std::string(rhs);
        if (kind == "BOOL_MATCH") {
            r.actual = rhs == "True" ? "False" : "True";
            r.category = endsWith(r.source, ".training") ? C::TrainEval : C::BoolFlip;
        } else {
            r.category = isIntLiteral(rhs) ? C::IntValueChange : C::ConstantChange;
        }
    } else {
        r.category = C::Other;
        r.source = ReasonClassifier::stripLocalScope(leadingSource(p));
    }
}


} // namespace

std::string ReasonClassifier::stripLocalScope(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == 'L' && i + 1 < text.size() && text[i + 1] == '[') {
            size_t j = i + 2;
            while (j < text.size() && isSpace(text[j])) ++j;
            if (j < text.size() && (text[j] == '\'' || text[j] == '"')) {
                // Non-greedy (.*?) up to the first quote followed by optional spaces and ']'.
                // Like Python's '.', the inner name never spans a newline.
                size_t k = j + 1;
                bool matched = false;
                for (; k < text.size() && text[k] != '\n'; ++k) {
                    if (text[k] != '\'' && text[k] != '"') continue;
                    size_t m = k + 1;
                    while (m < text.size() && isSpace(text[m])) ++m;
                    if (m < text.size() && text[m] == ']') {
                        out.append(text.substr(j + 1, k - j - 1));
                        i = m + 1;
                        matched = true;
                        break;
                    }
                }
                if (matched) continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

std::vector<std::string_view> ReasonClassifier::splitTopLevel(std::string_view text, std::string_view separator) {
    return gs::session::splitTopLevel(text, separator);
}
std::vector<std::string_view> ReasonClassifier::callArguments(std::string_view call) { return callArgs(trim(call)); }
std::string_view ReasonClassifier::leadingSource(std::string_view expr) { return gs::session::leadingSource(expr); }

std::string ReasonClassifier::firstSourceReference(std::string_view code) {
    for (size_t i = 0; i + 1 < code.size(); ++i) {
        bool startOfName = i == 0 || !(std::isalnum(static_cast<unsigned char>(code[i - 1])) || code[i - 1] == '_');
        if (startOfName && (code[i] == 'L' || code[i] == 'G') && code[i + 1] == '[') return std::string(gs::session::leadingSource(code.substr(i)));
    }
    return {};
}

std::string_view ReasonClassifier::stripComment(std::string_view code) {
    size_t at = findTopLevel(code, "  #", /*bracketAware=*/false);
    if (at != std::string_view::npos) code = code.substr(0, at);
    return trim(code);
}

std::string ReasonClassifier::guardKindOfCode(std::string_view code) {
    // The one table from guard code to kind (dynamo-semantics §2.2): reasons (classify) and
    // imported guard trees (the trace importer) both ask it. Order matters: the first match wins.
    std::string_view p = stripComment(code);
    if (startsWith(p, "check_tensor(")) return "TENSOR_MATCH";
    if (contains(p, "___check_global_state()")) return "GLOBAL_STATE";
    if (contains(p, "___check_torch_function_mode_stack()")) return "TORCH_FUNCTION_MODE_STACK";
    if (startsWith(p, "utils_device.CURRENT_DEVICE")) return "DEFAULT_DEVICE";
    if (contains(p, "___check_current_backend(")) return "BACKEND_MATCH";
    if (startsWith(p, "check_no_aliasing(")) return "NO_TENSOR_ALIASING";
    if (startsWith(p, "___check_obj_id(")) return "ID_MATCH";
    if (startsWith(p, "___check_type_id(")) return "TYPE_MATCH";
    if (startsWith(p, "hasattr(") && contains(p, "_dynamo_dynamic_indices")) return "NO_HASATTR";
    if (contains(p, "_dynamo_dynamic_indices")) return "DYNAMIC_INDICES";
    if (startsWith(p, "___guarded_code.valid")) return "GUARDED_CODE";
    if (isSympyCall(p) || mentionsSize(p)) return "SHAPE_ENV";
    if (startsWith(p, "len(")) return "LENGTH_CHECK";
    if (startsWith(p, "not ___dict_contains(")) return "DICT_CONTAINS";
    if (startsWith(p, "not ")) return "LENGTH_CHECK";
    if (startsWith(p, "(type(") && contains(p, "__math_isnan")) return "EQUALS_MATCH";
    if (size_t is = findTopLevel(p, " is "); is != std::string_view::npos) {
        std::string_view rhs = trim(p.substr(is + 4));
        return rhs == "None" || rhs == "not None" ? "NONE_MATCH" : "DUPLICATE_INPUT";
    }
    if (size_t eq = findTopLevel(p, " == "); eq != std::string_view::npos) {
        std::string_view rhs = trim(p.substr(eq + 4));
        return rhs == "True" || rhs == "False" ? "BOOL_MATCH" : "EQUALS_MATCH";
    }
    for (std::string_view op : {" != ", " <= ", " >= ", " < ", " > "})
        if (findTopLevel(p, op) != std::string_view::npos) return "SHAPE_ENV";
    return {};
}

RecompileReason ReasonClassifier::classify(std::string_view reason) {
    RecompileReason r;
    std::string_view s = trim(reason);
    if (startsWith(s, "- ")) s = trim(s.substr(2)); // a bullet copied from TORCH_LOGS=recompiles
    // "F/N: " or "!ca/F/N: " or "F/N_attempt: " prefix (dynamo-semantics §2.1 "Reason string").
    {
        size_t i = 0;
        if (i < s.size() && s[i] == '!') ++i;
        size_t groups = 0;
        bool ok = true;
        while (ok) {
            size_t st = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == st) { ok = false; break; }
            ++groups;
            if (i < s.size() && s[i] == '/') { ++i; continue; }
            if (i < s.size() && s[i] == '_') { // attempt suffix
                ++i;
                size_t st2 = i;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
                ok = i > st2;
            }
            break;
        }
        if (ok && groups >= 2 && s.substr(i, 2) == ": ") {
            r.failedEntryId = std::string(s.substr(0, i));
            s = trim(s.substr(i + 2));
        }
    }
    r.text = std::string(s);

    // Classify only the guard itself: the first line (newest PyTorch appends "\nUser stack
    // trace:" blocks) without trailing hints.
    std::string_view core = s.substr(0, s.find('\n'));
    if (size_t hint = core.find(" (HINT: "); hint != std::string_view::npos) core = core.substr(0, hint);
    if (size_t hint = core.find(" [HINT: "); hint != std::string_view::npos) core = core.substr(0, hint);
    for (auto part : splitTopLevel(core, "; ")) {
        std::string_view code = stripComment(part);
        if (!code.empty()) r.allFailures.emplace_back(code);
    }
    if (!r.allFailures.empty()) classifyPart(r.allFailures.front(), r);
    if (r.category == ReasonCategory::ShapeGuard) {
        // The two framework-made shape assumptions have their own categories and fixes
        // (dynamo-semantics §3.5): the duck-sizing equality (PyTorch appends "duck sizing added
        // this equality" to its code part) and the `2 <= size` bound of 0/1 specialization.
        if (contains(s, "duck sizing added this equality")) r.category = ReasonCategory::DuckSizing;
        else if (isZeroOneBound(r.allFailures.front()) || contains(s, "due to 0/1 specialization"))
            r.category = ReasonCategory::ZeroOneSpecialization;
    }
    r.fix = suggestedFix(r);
    return r;
}

ReasonCategory ReasonClassifier::recompileCategory(const Recompile& r) {
    for (ReasonCategory special : {ReasonCategory::ZeroOneSpecialization, ReasonCategory::DuckSizing})
        for (const auto& reason : r.reasons)
            if (reason.category == special) return special;
    for (const auto& reason : r.reasons)
        if (reason.category != ReasonCategory::Other) return reason.category;
    return r.reasons.empty() ? ReasonCategory::Other : r.reasons.front().category;
}

void ReasonClassifier::refine(Recompile& recompile) {
    // A size that became 0 or 1 after it was symbolic fails the `2 <=` bound of the dynamic
    // entry and the exact size of every static one; all of them were rejected for the same
    // cause (dynamo-semantics §3.4, the table's x=[1] and x=[0] rows).
    std::vector<std::pair<std::string, int>> zeroOne;
    for (const auto& r : recompile.reasons)
        if (r.category == ReasonCategory::ZeroOneSpecialization && r.dim >= 0) zeroOne.emplace_back(r.source, r.dim);
    if (zeroOne.empty()) return;
    for (auto& r : recompile.reasons) {
        if (r.category != ReasonCategory::SizeChange || (r.actual != "0" && r.actual != "1")) continue;
        if (std::find(zeroOne.begin(), zeroOne.end(), std::make_pair(r.source, r.dim)) == zeroOne.end()) continue;
        r.category = ReasonCategory::ZeroOneSpecialization;
        r.fix = suggestedFix(r);
    }
}

std::string ReasonClassifier::suggestedFix(const RecompileReason& r) {
    // One sentence per category, worded as the PyTorch docs advise (torch.compiler dynamic-shapes
    // and troubleshooting pages); the concrete, re-run-proven edit for a scenario comes from
    // core/advisor, which looks at every reason of the chain, not at this one alone.
    using C = ReasonCategory;
    const std::string src = r.source.empty() ? std::string("x") : r.source;
    const std::string dim = r.dim >= 0 ? std::to_string(r.dim) : std::string("dim");
    switch (r.category) {
    case C::SizeChange:
        return "Make the dimension dynamic on every input whose size changes, e.g. torch._dynamo.maybe_mark_dynamic(" + src + ", " +
               dim + ") before the call (mark_dynamic raises ConstraintViolationError if the size gets specialized), or compile with "
               "dynamic=True";
    case C::StrideChange:
        return "The memory layout of '" + src + "' changed (a transposed or sliced view); pass a contiguous tensor (" + src +
               ".contiguous()) or mark the dimension dynamic";
    case C::RankChange:
        return "The number of dimensions of '" + src + "' changed; keep the rank fixed (reshape or unsqueeze before the call) or accept one graph per rank";
    case C::DtypeChange:
        return "The dtype of '" + src + "' changed; cast inputs to one dtype before the call (e.g. " + src + ".float())";
    case C::DeviceChange:
        return "'" + src + "' moved to another device; keep inputs on one device, or accept one graph per device";
    case C::RequiresGradChange:
        return "requires_grad of '" + src + "' changed; keep it the same on every call (detach() or requires_grad_()), or accept one graph per setting";
    case C::TypeChange:
        return "The Python type of '" + src + "' changed; pass the same type on every call (e.g. always a tensor, never a Python number)";
    case C::Alias:
        return "The same tensor is passed twice (or aliases a global); if that is accidental pass distinct tensors (x.clone()), "
               "otherwise the extra graph is needed";
    case C::BoolFlip:
        return "Each value of a Python bool compiles its own graph (at most two); to share one graph pass it as a tensor and "
               "select with torch.where instead of `if` (an `if` on a tensor is a graph break)";
    case C::IntValueChange:
        if (startsWith(src, "G["))
            return "A global Python int is always specialized; pass it to the function as an argument (or a tensor) instead of reading the global";
        if (startsWith(src, "self."))
            return "Integer attributes of an nn.Module are static; set torch._dynamo.config.allow_unspec_int_on_nn_module = True or store the value in a tensor";
        return "A Python int argument is specialized on its first value and becomes dynamic after it changes; compile with "
               "dynamic=True to make it dynamic from the start, or pass a tensor";
    case C::ConstantChange:
        return "The constant '" + src + "' (a string, float, None, tuple or length) is baked into the graph; keep it the same or pass a tensor";
    case C::ObjectIdentity:
        return "A guarded object was replaced by another object (new function/module instance each call); reuse the same object";
    case C::TrainEval:
        return "Compile after choosing the mode (model.eval()), or keep one compiled module per mode";
    case C::GlobalState:
        return "Grad mode or another global setting changed between calls; keep it constant around the compiled call";
    case C::ShapeGuard:
        return "A symbolic shape guard on '" + src + "' failed: a relation between sizes (or a size range) the graph assumed no "
               "longer holds; mark the sizes that vary dynamic, or keep the relation";
    case C::DuckSizing:
        return "Duck sizing gave sizes that were equal when traced one symbol; set torch.fx.experimental._config.use_duck_shape = "
               "False so each size gets its own";
    case C::ZeroOneSpecialization:
        return "Sizes 0 and 1 are always specialized, so '" + src + "' of size 0 or 1 compiles its own graph; use "
               "torch._dynamo.mark_unbacked(" + src + ", " + dim + ") or set torch._dynamo.config.automatic_dynamic_shapes_mark_as = "
               "\"unbacked\" (no 0/1 specialization)";
    case C::DynamicIndices:
        return "mark_dynamic now covers different dimensions of '" + src + "' than when the entry was compiled; mark the same dimensions on every call";
    case C::Other:
        break;
    }
    return "A guard failed; keep the guarded value the same between calls, or accept one graph per distinct value";
}

} // namespace gs::session
