#include "core/trace/GraphText.h"

#include <array>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "core/session/ReasonClassifier.h"

namespace gs::trace {
namespace {

using session::GraphNode;
using session::ReasonClassifier;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

size_t indentOf(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

bool isDottedName(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
    return !std::isdigit(static_cast<unsigned char>(s.front()));
}

struct Op {
    std::string_view text, target;
};
constexpr std::array<Op, 19> kBinary{{{" // ", "operator.floordiv"}, {" ** ", "operator.pow"}, {" << ", "operator.lshift"},
                                      {" >> ", "operator.rshift"}, {" <= ", "operator.le"}, {" >= ", "operator.ge"},
                                      {" == ", "operator.eq"}, {" != ", "operator.ne"}, {" + ", "operator.add"},
                                      {" - ", "operator.sub"}, {" * ", "operator.mul"}, {" / ", "operator.truediv"},
                                      {" % ", "operator.mod"}, {" @ ", "operator.matmul"}, {" & ", "operator.and_"},
                                      {" | ", "operator.or_"}, {" ^ ", "operator.xor"}, {" < ", "operator.lt"},
                                      {" > ", "operator.gt"}}};

const std::unordered_map<std::string_view, std::string_view>& shortToLong() {
    static const std::unordered_map<std::string_view, std::string_view> m{
        {"f32", "float32"}, {"f64", "float64"}, {"f16", "float16"}, {"bf16", "bfloat16"}, {"i64", "int64"},
        {"i32", "int32"},   {"i16", "int16"},   {"i8", "int8"},     {"u8", "uint8"},      {"b8", "bool"},
        {"c32", "complex32"}, {"c64", "complex64"}, {"c128", "complex128"}, {"u16", "uint16"}, {"u32", "uint32"},
        {"u64", "uint64"}};
    return m;
}

// "f32[2, 2][2, 1]cpu" → dtype float32, shape [2, 2]; "Sym(s0)" → shape Sym(s0); else nothing.
void applyAnnotation(std::string_view ann, GraphNode& n) {
    if (ann.substr(0, 4) == "Sym(") {
        n.shape = std::string(ann);
        return;
    }
    size_t i = 0;
    while (i < ann.size() && (std::isalnum(static_cast<unsigned char>(ann[i])) || ann[i] == '_')) ++i;
    if (i == 0 || (i < ann.size() && ann[i] != '[')) return; // e.g. "torch.Tensor"
    n.dtype = GraphText::dtypeFromShort(ann.substr(0, i));
    if (i < ann.size()) {
        size_t close = ann.find(']', i);
        if (close != std::string_view::npos) n.shape = std::string(ann.substr(i, close - i + 1));
    }
}

std::string_view unquote(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
    return s;
}

std::vector<std::string> listArgs(std::string_view inner) {
    std::vector<std::string> out;
    for (auto a : ReasonClassifier::splitTopLevel(inner, ",")) {
        a = trim(a);
        if (!a.empty()) out.emplace_back(a);
    }
    return out;
}

// "f(a, b)" with a dotted callee and the call's ")" last → callee and arguments.
bool splitCall(std::string_view e, std::string_view& callee, std::vector<std::string>& args) {
    size_t open = e.find('(');
    if (open == std::string_view::npos || e.back() != ')' || !isDottedName(e.substr(0, open))) return false;
    if (e.substr(open) == "()") {
        callee = e.substr(0, open);
        args.clear();
        return true;
    }
    auto a = ReasonClassifier::callArguments(e);
    if (a.empty()) return false;
    callee = e.substr(0, open);
    args.assign(a.begin(), a.end());
    return true;
}

// "# File: /p/t.py:8 in kernel, code: ..." → 8
int fileCommentLine(std::string_view c) {
    for (size_t colon = c.find(':', 7); colon != std::string_view::npos; colon = c.find(':', colon + 1)) {
        size_t d = colon + 1;
        while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
        if (d == colon + 1 || c.substr(d, 4) != " in ") continue;
        int v = 0;
        std::from_chars(c.data() + colon + 1, c.data() + d, v);
        return v;
    }
    return 0;
}

void classify(std::string_view e, GraphNode& n, const std::unordered_map<std::string, size_t>& known) {
    std::string_view callee;
    std::vector<std::string> args;
    if (e.substr(0, 5) == "self.") {
        std::string_view rest = e.substr(5);
        if (splitCall(rest, callee, args)) {
            n.op = "call_module";
            n.target = std::string(callee);
            n.args = std::move(args);
        } else {
            n.op = "get_attr";
            n.target = std::string(rest);
        }
        return;
    }
    if (splitCall(e, callee, args)) {
        size_t dot = callee.rfind('.');
        if (dot != std::string_view::npos && known.count(std::string(callee.substr(0, dot)))) {
            n.op = "call_method";
            n.target = std::string(callee.substr(dot + 1));
            n.args.clear();
            n.args.emplace_back(callee.substr(0, dot));
            for (auto& a : args) n.args.push_back(std::move(a));
        } else {
            n.op = "call_function";
            n.target = std::string(callee);
            n.args = std::move(args);
        }
        return;
    }
    n.op = "call_function";
    for (const Op& op : kBinary) {
        auto parts = ReasonClassifier::splitTopLevel(e, op.text);
        if (parts.size() == 2) {
            n.target = std::string(op.target);
            n.args = {std::string(trim(parts[0])), std::string(trim(parts[1]))};
            return;
        }
    }
    if (!e.empty() && (e.front() == '-' || e.front() == '~')) {
        n.target = e.front() == '-' ? "operator.neg" : "operator.invert";
        n.args = {std::string(trim(e.substr(1)))};
        return;
    }
    if (!e.empty() && e.back() == ']') {
        size_t open = e.find('[');
        if (open != std::string_view::npos && open > 0) {
            n.target = "operator.getitem";
            n.args = {std::string(e.substr(0, open)), std::string(e.substr(open + 1, e.size() - open - 2))};
            return;
        }
    }
    n.target = std::string(e); // not understood: keep the text
    n.args.clear();
}

} // namespace

std::string GraphText::dtypeFromShort(std::string_view abbrev) {
    auto it = shortToLong().find(abbrev);
    return std::string(it == shortToLong().end() ? abbrev : it->second);
}

std::string GraphText::dtypeToShort(std::string_view name) {
    for (const auto& [s, l] : shortToLong())
        if (l == name) return std::string(s);
    return std::string(name);
}

GraphParse GraphText::parse(std::string_view text, const std::vector<std::pair<std::string, std::string>>& sizes) {
    GraphParse out;
    std::unordered_map<std::string, size_t> byName; // node name → index
    size_t pos = 0, defIndent = 0, bodyIndent = 0;
    bool inForward = false;
    int currentLine = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        std::string_view s = trim(raw);
        if (!inForward) {
            if (out.found || s.substr(0, 16) != "def forward(self") continue;
            out.found = inForward = true;
            defIndent = indentOf(raw);
            size_t open = s.find('('), close = s.rfind(')');
            if (open == std::string_view::npos || close == std::string_view::npos || close <= open) continue;
            auto params = ReasonClassifier::splitTopLevel(s.substr(open + 1, close - open - 1), ",");
            for (size_t i = 1; i < params.size(); ++i) { // params[0] is self
                std::string_view p = trim(params[i]);
                if (p.empty() || p.front() == '*') continue;
                size_t colon = p.find(':');
                GraphNode n;
                n.name = std::string(trim(p.substr(0, colon)));
                n.op = "placeholder";
                n.target = n.name;
                if (colon != std::string_view::npos) applyAnnotation(unquote(p.substr(colon + 1)), n);
                n.id = static_cast<int>(out.nodes.size());
                byName[n.name] = out.nodes.size();
                out.nodes.push_back(std::move(n));
            }
            continue;
        }
        if (s.empty()) {
            currentLine = 0; // a blank line ends the statements of one source line
            continue;
        }
        size_t indent = indentOf(raw);
        if (indent <= defIndent) {
            inForward = false; // end of forward (a nested class or the end of the module)
            continue;
        }
        if (s.front() == '#') {
            if (s.substr(0, 7) == "# File:") currentLine = fileCommentLine(s);
            continue;
        }
        if (bodyIndent == 0) bodyIndent = indent;
        if (indent != bodyIndent) continue;
        if (s.substr(0, 6) == "return") {
            GraphNode n;
            n.name = "output";
            n.op = "output";
            n.target = "output";
            std::string_view r = trim(s.substr(6));
            if (r.size() >= 2 && r.front() == '(' && r.back() == ')') r = r.substr(1, r.size() - 2);
            n.args = listArgs(r);
            n.line = currentLine;
            n.id = static_cast<int>(out.nodes.size());
            out.nodes.push_back(std::move(n));
            continue;
        }
        auto stmts = ReasonClassifier::splitTopLevel(s, ";");
        std::string_view stmt = trim(stmts.front());
        auto sides = ReasonClassifier::splitTopLevel(stmt, " = ");
        if (sides.size() < 2) continue;
        std::string_view lhs = trim(sides[0]);
        std::string_view expr = trim(stmt.substr(static_cast<size_t>(sides[1].data() - stmt.data())));
        GraphNode n;
        size_t colon = lhs.find(':');
        n.name = std::string(trim(lhs.substr(0, colon)));
        if (colon != std::string_view::npos) applyAnnotation(unquote(lhs.substr(colon + 1)), n);
        // "l_x_ = L_x_": the placeholder's node name (the parameter name stays its target)
        auto ph = byName.find(std::string(expr));
        if (ph != byName.end() && out.nodes[ph->second].op == "placeholder" && out.nodes[ph->second].name == out.nodes[ph->second].target &&
            !byName.count(n.name)) {
            GraphNode& p = out.nodes[ph->second];
            size_t idx = ph->second;
            byName.erase(ph);
            p.name = n.name;
            byName[p.name] = idx;
            continue;
        }
        classify(expr, n, byName);
        n.line = currentLine;
        n.id = static_cast<int>(out.nodes.size());
        byName[n.name] = out.nodes.size();
        out.nodes.push_back(std::move(n));
    }
    for (const auto& [name, dims] : sizes) {
        auto it = byName.find(name);
        if (it != byName.end()) out.nodes[it->second].shape = dims;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> GraphText::sizesOf(const std::vector<GraphNode>& nodes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& n : nodes)
        if (n.op != "output" && !n.shape.empty() && n.shape.front() == '[' && n.shape.back() == ']') out.emplace_back(n.name, n.shape);
    return out;
}

std::string GraphText::render(const std::vector<GraphNode>& nodes, const std::string& file, const std::string& function) {
    auto annotation = [](const GraphNode& n) -> std::string {
        if (!n.dtype.empty()) {
            std::string a = dtypeToShort(n.dtype);
            if (!n.shape.empty() && n.shape.front() == '[') a += n.shape;
            return a;
        }
        if (n.shape.substr(0, 4) == "Sym(") return n.shape;
        return {};
    };
    auto join = [](const std::vector<std::string>& v, size_t from = 0) {
        std::string s;
        for (size_t i = from; i < v.size(); ++i) s += (i > from ? ", " : "") + v[i];
        return s;
    };
    std::string sig = "    def forward(self";
    std::string renames, body;
    for (const auto& n : nodes) {
        if (n.op != "placeholder") continue;
        std::string param = n.target.empty() ? n.name : n.target;
        sig += ", " + param;
        std::string a = annotation(n);
        if (!a.empty()) sig += ": \"" + a + "\"";
        if (param != n.name) renames += "        " + n.name + " = " + param + "\n";
    }
    sig += "):\n";
    int lastLine = 0;
    for (const auto& n : nodes) {
        if (n.op == "placeholder") continue;
        if (n.line != lastLine) {
            if (n.line > 0) body += "        \n        # File: " + file + ":" + std::to_string(n.line) + " in " + function + ", code: \n";
            else body += "        \n";
            lastLine = n.line;
        }
        if (n.op == "output") {
            body += "        return (" + join(n.args) + (n.args.size() == 1 ? ",)" : ")") + "\n";
            continue;
        }
        std::string expr;
        if (n.op == "call_module") expr = "self." + n.target + "(" + join(n.args) + ")";
        else if (n.op == "get_attr") expr = "self." + n.target;
        else if (n.op == "call_method" && !n.args.empty()) expr = n.args[0] + "." + n.target + "(" + join(n.args, 1) + ")";
        else {
            expr = n.target + "(" + join(n.args) + ")";
            for (const Op& op : kBinary)
                if (n.target == op.target && n.args.size() == 2) expr = n.args[0] + std::string(op.text) + n.args[1];
            if (n.target == "operator.neg" && n.args.size() == 1) expr = "-" + n.args[0];
            if (n.target == "operator.invert" && n.args.size() == 1) expr = "~" + n.args[0];
            if (n.target == "operator.getitem" && n.args.size() == 2) expr = n.args[0] + "[" + n.args[1] + "]";
        }
        std::string a = annotation(n);
        body += "        " + n.name + (a.empty() ? "" : ": \"" + a + "\"") + " = " + expr + "\n";
    }
    return "class GraphModule(torch.nn.Module):\n" + sig + renames + body + "        \n";
}

} // namespace gs::trace
