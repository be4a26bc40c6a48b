#include "core/session/GraphPrinter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace gs::session {
namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// torch/fx/graph.py magic_methods (+ reflectable_magic_methods) and inplace_methods.
const std::unordered_map<std::string_view, std::string_view>& operatorForms() {
    static const std::unordered_map<std::string_view, std::string_view> m{
        {"operator.add", "{} + {}"},      {"operator.sub", "{} - {}"},   {"operator.mul", "{} * {}"},
        {"operator.floordiv", "{} // {}"}, {"operator.truediv", "{} / {}"}, {"operator.div", "{} / {}"},
        {"operator.mod", "{} % {}"},      {"operator.pow", "{} ** {}"},  {"operator.lshift", "{} << {}"},
        {"operator.rshift", "{} >> {}"},  {"operator.and_", "{} & {}"},  {"operator.or_", "{} | {}"},
        {"operator.xor", "{} ^ {}"},      {"operator.getitem", "{}[{}]"}, {"operator.matmul", "{} @ {}"},
        {"operator.eq", "{} == {}"},      {"operator.ne", "{} != {}"},   {"operator.lt", "{} < {}"},
        {"operator.gt", "{} > {}"},       {"operator.le", "{} <= {}"},   {"operator.ge", "{} >= {}"},
        {"operator.pos", "+{}"},          {"operator.neg", "-{}"},       {"operator.invert", "~{}"}};
    return m;
}
const std::unordered_map<std::string_view, std::string_view>& inplaceForms() {
    static const std::unordered_map<std::string_view, std::string_view> m{
        {"operator.iadd", "{} += {}"},  {"operator.isub", "{} -= {}"},  {"operator.imul", "{} *= {}"},
        {"operator.ifloordiv", "{} //= {}"}, {"operator.itruediv", "{} /= {}"}, {"operator.imod", "{} %= {}"},
        {"operator.ipow", "{} **= {}"}, {"operator.ilshift", "{} <<= {}"}, {"operator.irshift", "{} >>= {}"},
        {"operator.iand", "{} &= {}"},  {"operator.ior", "{} |= {}"},  {"operator.ixor", "{} ^= {}"},
        {"operator.imatmul", "{} @= {}"}};
    return m;
}

// Fills the "{}" holes of a form with the arguments, in order.
std::string fill(std::string_view form, const std::vector<std::string>& args) {
    std::string out;
    size_t k = 0;
    for (size_t i = 0; i < form.size(); ++i) {
        if (form[i] == '{' && i + 1 < form.size() && form[i + 1] == '}') {
            out += k < args.size() ? args[k] : std::string();
            ++k;
            ++i;
        } else {
            out += form[i];
        }
    }
    return out;
}

size_t holes(std::string_view form) {
    size_t n = 0;
    for (size_t i = 0; i + 1 < form.size(); ++i)
        if (form[i] == '{' && form[i + 1] == '}') ++n;
    return n;
}

// A keyword argument is kept as "name=value" in GraphNode::args; FX prints "name = value".
bool splitKeyword(const std::string& a, std::string& key, std::string& value) {
    if (a.empty() || !isIdentStart(a[0])) return false;
    size_t i = 1;
    while (i < a.size() && isIdentChar(a[i])) ++i;
    if (i >= a.size() || a[i] != '=' || (i + 1 < a.size() && a[i + 1] == '=')) return false;
    key = a.substr(0, i);
    value = a.substr(i + 1);
    return true;
}

std::string formatArgs(const std::vector<std::string>& args, size_t from) {
    std::string s;
    for (size_t i = from; i < args.size(); ++i) {
        if (i > from) s += ", ";
        std::string k, v;
        s += splitKeyword(args[i], k, v) ? k + " = " + v : args[i];
    }
    return s;
}

// Names an argument text refers to, in order of first appearance: identifiers outside string
// literals that are not attribute names (after a '.') nor keyword-argument names.
std::vector<std::string> referencedNames(const std::string& a) {
    std::vector<std::string> out;
    std::string k, v;
    std::string_view s = a;
    if (splitKeyword(a, k, v)) s.remove_prefix(k.size() + 1);
    char quote = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (!isIdentStart(c) || (i > 0 && (isIdentChar(s[i - 1]) || s[i - 1] == '.'))) continue;
        size_t j = i;
        while (j < s.size() && isIdentChar(s[j])) ++j;
        std::string name(s.substr(i, j - i));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
        i = j - 1;
    }
    return out;
}

std::string qualifiedTarget(const std::string& target) {
    return target.rfind("self.", 0) == 0 ? target : "self." + target;
}

std::string expression(const GraphNode& n) {
    if (n.op == "call_method" && !n.args.empty()) return n.args[0] + "." + n.target + "(" + formatArgs(n.args, 1) + ")";
    if (n.op == "call_module") return qualifiedTarget(n.target) + "(" + formatArgs(n.args, 0) + ")";
    if (n.op == "get_attr") return qualifiedTarget(n.target);
    auto op = operatorForms().find(n.target);
    if (op != operatorForms().end() && holes(op->second) == n.args.size()) return fill(op->second, n.args);
    return n.target + "(" + formatArgs(n.args, 0) + ")";
}

// "# File: /p/demo.py:13 in scale, code: return x * 2" (torch/fx/graph.py
// _ParsedStackTrace.get_summary_str), or FX's words for a node without a user frame.
std::string summaryOf(const GraphNode& n, const std::string& fallbackFile, const std::string& fallbackFunction) {
    const std::string& file = n.file.empty() ? fallbackFile : n.file;
    if (n.line <= 0 || file.empty()) return "# No stacktrace found for following nodes";
    const std::string& fn = n.file.empty() ? fallbackFunction : n.function;
    return "# File: " + file + ":" + std::to_string(n.line) + " in " + fn + ", code: " + n.code;
}

const std::vector<std::pair<std::string_view, std::string_view>>& dtypeAbbrevs() {
    // torch/fx/graph.py dtype_abbrs
    static const std::vector<std::pair<std::string_view, std::string_view>> v{
        {"bfloat16", "bf16"}, {"float64", "f64"}, {"float32", "f32"}, {"float16", "f16"},
        {"float8_e4m3fn", "f8e4m3fn"}, {"float8_e5m2", "f8e5m2"}, {"float8_e4m3fnuz", "f8e4m3fnuz"},
        {"float8_e5m2fnuz", "f8e5m2fnuz"}, {"complex32", "c32"}, {"complex64", "c64"}, {"complex128", "c128"},
        {"int8", "i8"}, {"int16", "i16"}, {"int32", "i32"}, {"int64", "i64"}, {"bool", "b8"}, {"uint8", "u8"},
        {"uint16", "u16"}, {"uint32", "u32"}, {"uint64", "u64"}, {"bits16", "b16"}, {"bits1x8", "b1x8"}};
    return v;
}

bool isSymbolic(const GraphNode& n) {
    return n.shape.rfind("Sym(", 0) == 0 || (n.op == "placeholder" && n.shape.empty() && n.dtype == "int");
}

} // namespace

std::string GraphPrinter::dtypeToShort(std::string_view name) {
    for (const auto& [l, s] : dtypeAbbrevs())
        if (l == name) return std::string(s);
    return std::string(name);
}

std::string GraphPrinter::dtypeFromShort(std::string_view abbrev) {
    for (const auto& [l, s] : dtypeAbbrevs())
        if (s == abbrev) return std::string(l);
    return std::string(abbrev);
}

std::string GraphPrinter::annotation(const GraphNode& n) {
    if (n.shape.rfind("Sym(", 0) == 0) return n.shape;
    if (isSymbolic(n)) return "Sym(" + n.name + ")";
    if (n.dtype.empty() || n.shape.empty() || n.shape.front() != '[') return {};
    return dtypeToShort(n.dtype) + n.shape + n.stride + n.device;
}

std::string GraphPrinter::inputName(std::string_view source) {
    std::string out;
    bool gap = false;
    for (char c : source) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (gap) out += '_';
            gap = false;
            out += c;
        } else {
            gap = true;
        }
    }
    if (gap) out += '_';
    return out;
}

std::string GraphPrinter::snakeCase(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]))) out += '_';
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

bool GraphPrinter::isReservedName(std::string_view name) {
    // keyword.kwlist, the names of builtins.__dict__ an op or input could take, and FX's
    // _custom_builtins (torch/fx/graph.py).
    static const std::unordered_set<std::string_view> reserved{
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
        "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
        "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
        "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
        "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord",
        "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
        "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
        "inf", "nan", "NoneType", "torch", "device", "fx_pytree", "pytree"};
    return reserved.count(name) != 0;
}

std::vector<std::pair<std::string, std::string>> GraphPrinter::sizes(const std::vector<GraphNode>& nodes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& n : nodes)
        if (n.op != "output" && !isSymbolic(n) && !n.shape.empty() && n.shape.front() == '[' && n.shape.back() == ']')
            out.emplace_back(n.name, n.shape);
    return out;
}

std::string GraphPrinter::readable(const std::vector<GraphNode>& nodes, const std::string& fallbackFile,
                                   const std::string& fallbackFunction) {
    // Last uses (CodeGen._gen_python_code register_last_uses): walking the nodes backwards,
    // the first user met of each input is its last use.
    std::unordered_map<std::string, size_t> defined;  // name -> position
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].op != "output") defined.emplace(nodes[i].name, i);
    std::vector<std::vector<std::string>> inputs(nodes.size());
    std::vector<size_t> users(nodes.size(), 0);
    for (size_t i = 0; i < nodes.size(); ++i)
        for (const auto& a : nodes[i].args)
            for (auto& name : referencedNames(a)) {
                auto it = defined.find(name);
                if (it == defined.end() || it->second >= i) continue;
                if (std::find(inputs[i].begin(), inputs[i].end(), name) != inputs[i].end()) continue;
                inputs[i].push_back(name);
                ++users[it->second];
            }
    std::vector<std::vector<std::string>> freedAfter(nodes.size());
    std::set<std::string> seen;
    for (size_t i = nodes.size(); i-- > 0;)
        for (const auto& name : inputs[i])
            if (seen.insert(name).second) freedAfter[i].push_back(name);

    std::string params, body;
    std::string previousSummary;
    bool anySummary = false;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const GraphNode& n = nodes[i];
        if (n.op == "placeholder") {
            const std::string param = n.target.empty() ? n.name : n.target;
            const std::string ann = annotation(n);
            params += ", " + param + (ann.empty() ? "" : ": \"" + ann + "\"");
            if (param != n.name) body += n.name + " = " + param + "\n";
            continue;
        }
        if (n.op != "output") {
            std::string summary = summaryOf(n, fallbackFile, fallbackFunction);
            if (!anySummary || summary != previousSummary) body += "\n" + summary + "\n";
            anySummary = true;
            previousSummary = std::move(summary);
        }
        if (n.op == "output") {
            std::string tuple = "(";
            for (size_t k = 0; k < n.args.size(); ++k) tuple += (k ? ", " : "") + n.args[k];
            body += "return " + tuple + (n.args.size() == 1 ? ",)" : ")") + "\n";
            continue;
        }
        const std::string ann = annotation(n);
        const std::string lhs = n.name + (ann.empty() ? "" : ": \"" + ann + "\"");
        auto inplace = inplaceForms().find(n.target);
        if (n.op == "call_function" && inplace != inplaceForms().end() && n.args.size() == 2)
            body += fill(inplace->second, n.args) + ";  " + lhs + " = " + n.args[0];
        else
            body += lhs + " = " + expression(n);
        // A node nobody uses is freed right away (newer FX: side-effecting calls such as
        // torch._C._set_grad_enabled).
        std::vector<std::string> freed = freedAfter[i];
        if (users[i] == 0) freed.push_back(n.name);
        if (!freed.empty()) {
            body += ";  ";
            for (const auto& f : freed) body += f + " = ";
            body += "None";
        }
        body += "\n";
    }
    if (body.empty()) body = "pass\n";
    // python_code: strip leading newlines, indent every line by 4; print_readable: the class
    // line, then _addindent(…, 4) of every line after the first.
    size_t start = body.find_first_not_of('\n');
    body = start == std::string::npos ? std::string() : body.substr(start);
    std::string code = "def forward(self" + params + "):\n";
    size_t pos = 0;
    for (;;) {
        size_t nl = body.find('\n', pos);
        code += "    " + body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (nl == std::string::npos) break;
        code += "\n";
        pos = nl + 1;
    }
    std::string out = "class GraphModule(torch.nn.Module):";
    pos = 0;
    for (;;) {
        size_t nl = code.find('\n', pos);
        out += "\n    " + code.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return out;
}

} // namespace gs::session
