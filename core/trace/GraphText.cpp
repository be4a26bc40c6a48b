#include "core/trace/GraphText.h"

#include <array>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "core/session/GraphPrinter.h"
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

// "f32[2, 2][2, 1]cpu" → dtype float32, shape [2, 2], stride [2, 1], device cpu;
// "Sym(s0)" → shape Sym(s0); else nothing.
void applyAnnotation(std::string_view ann, GraphNode& n) {
    if (ann.substr(0, 4) == "Sym(") {
        n.shape = std::string(ann);
        return;
    }
    size_t i = 0;
    while (i < ann.size() && (std::isalnum(static_cast<unsigned char>(ann[i])) || ann[i] == '_')) ++i;
    if (i == 0 || (i < ann.size() && ann[i] != '[')) return; // e.g. "torch.Tensor"
    n.dtype = GraphText::dtypeFromShort(ann.substr(0, i));
    if (i >= ann.size()) return;
    size_t close = ann.find(']', i);
    if (close == std::string_view::npos) return;
    n.shape = std::string(ann.substr(i, close - i + 1));
    std::string_view rest = ann.substr(close + 1);
    if (!rest.empty() && rest.front() == '[') {
        size_t c2 = rest.find(']');
        if (c2 == std::string_view::npos) return;
        n.stride = std::string(rest.substr(0, c2 + 1));
        rest.remove_prefix(c2 + 1);
    }
    n.device = std::string(rest);
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

// FX prints a keyword argument as "dim = 1"; the model keeps "dim=1".
void joinKeyword(std::string& a) {
    size_t i = 0;
    while (i < a.size() && (std::isalnum(static_cast<unsigned char>(a[i])) || a[i] == '_')) ++i;
    if (i > 0 && !std::isdigit(static_cast<unsigned char>(a[0])) && a.compare(i, 3, " = ") == 0) a.erase(i, 1).erase(i + 1, 1);
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
    for (auto& arg : args) joinKeyword(arg);
    return true;
}

// "# File: /p/t.py:8 in kernel, code: return x.sum()" → line 8, file, function and code
// (torch/fx/graph.py _ParsedStackTrace.get_summary_str); line 0 when it is not such a comment.
struct FileComment {
    int line = 0;
    std::string file, function, code;
};
FileComment fileComment(std::string_view c) {
    FileComment out;
    for (size_t colon = c.find(':', 7); colon != std::string_view::npos; colon = c.find(':', colon + 1)) {
        size_t d = colon + 1;
        while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
        if (d == colon + 1 || c.substr(d, 4) != " in ") continue;
        std::from_chars(c.data() + colon + 1, c.data() + d, out.line);
        out.file = std::string(trim(c.substr(7, colon - 7)));
        std::string_view rest = c.substr(d + 4);
        size_t code = rest.find(", code:");  // "code: " loses its space when the code is empty
        out.function = std::string(rest.substr(0, code));
        if (code != std::string_view::npos) out.code = std::string(trim(rest.substr(code + 7)));
        return out;
    }
    return out;
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
        // A method of an earlier node, or of a tensor constant of the graph (FX names those
        // `_tensor_constantN`; our own graphs print them as `_tensor_constant` without the
        // get_attr line PyTorch prints first).
        const std::string_view receiver = dot == std::string_view::npos ? std::string_view() : callee.substr(0, dot);
        if (dot != std::string_view::npos &&
            (known.count(std::string(receiver)) || receiver.substr(0, 16) == "_tensor_constant")) {
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

std::string GraphText::dtypeFromShort(std::string_view abbrev) { return session::GraphPrinter::dtypeFromShort(abbrev); }

std::string GraphText::dtypeToShort(std::string_view name) { return session::GraphPrinter::dtypeToShort(name); }

GraphParse GraphText::parse(std::string_view text, const std::vector<std::pair<std::string, std::string>>& sizes) {
    GraphParse out;
    std::unordered_map<std::string, size_t> byName; // node name → index
    size_t pos = 0, defIndent = 0, bodyIndent = 0;
    bool inForward = false;
    FileComment current;
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
            current = {}; // a blank line ends the statements of one source line
            continue;
        }
        size_t indent = indentOf(raw);
        if (indent <= defIndent) {
            inForward = false; // end of forward (a nested class or the end of the module)
            continue;
        }
        if (s.front() == '#') {
            // "# File: …" names the frame of the nodes below; "# No stacktrace found …" ends it
            current = s.substr(0, 7) == "# File:" ? fileComment(s) : FileComment{};
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
            n.line = current.line;  // FX prints no frame for the output: the last one seen
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
        n.line = current.line;
        n.file = current.file;
        n.function = current.function;
        n.code = current.code;
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
    return session::GraphPrinter::sizes(nodes);
}

std::string GraphText::render(const std::vector<GraphNode>& nodes, const std::string& file, const std::string& function) {
    return session::GraphPrinter::readable(nodes, file, function);
}

} // namespace gs::trace
