#include "core/advisor/EditBuilder.h"

#include <algorithm>
#include <map>

#include "core/advisor/AstWalk.h"

namespace gs::advisor {
namespace {

using namespace lang;

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return out;
}

bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Byte offset of (line, col) inside the block of lines that starts at `first`.
size_t blockOffset(const ScenarioText& t, int first, int line, int col) {
    size_t off = 0;
    for (int n = first; n < line; ++n) off += t.line(n).size() + 1;
    return off + t.byteColumn(line, col);
}

// An edit replacing the characters of `loc` with `text` (whole lines loc.line..loc.endLine).
Edit editRange(const ScenarioText& t, const Loc& loc, const std::string& text) {
    int endLine = loc.endLine > 0 ? loc.endLine : loc.line;
    std::string block = t.lines(loc.line, endLine);
    size_t from = blockOffset(t, loc.line, loc.line, loc.col);
    size_t to = blockOffset(t, loc.line, endLine, loc.endCol);
    block.replace(from, to - from, text);
    return t.replace(loc.line, endLine, block);
}

const Return* asReturn(const Stmt* s) {
    if (!s || s->kind != StmtKind::Return) return nullptr;
    const auto* r = static_cast<const Return*>(s);
    return r->value ? r : nullptr;
}

bool isNumber(const Expr* e, double v) {
    if (!e || e->kind != ExprKind::Constant) return false;
    const auto* c = static_cast<const Constant*>(e);
    return (c->type == Constant::Type::Float && c->f == v) || (c->type == Constant::Type::Int && static_cast<double>(c->i) == v);
}

} // namespace

bool EditBuilder::fail(std::string why) {
    why_ = std::move(why);
    return false;
}

int EditBuilder::argumentFor(const FunctionInfo& fn, const CallSite& site, const std::string& param) const {
    auto pos = std::find(fn.params.begin(), fn.params.end(), param);
    size_t index = pos == fn.params.end() ? SIZE_MAX : static_cast<size_t>(pos - fn.params.begin());
    size_t positional = 0;
    for (size_t i = 0; i < site.args.size(); ++i) {
        const CallArgument& a = site.args[i];
        if (!a.keyword.empty()) {
            if (a.keyword == param) return static_cast<int>(i);
            continue;
        }
        if (a.starred) {
            if (a.keyword.empty()) index = SIZE_MAX;  // positions after *args are unknown
            continue;
        }
        if (positional++ == index) return static_cast<int>(i);
    }
    return -1;
}

std::string EditBuilder::rewriteStatement(const CallSite& site, const std::vector<std::pair<size_t, std::string>>& replacements) const {
    const ScenarioText& t = facts_.text();
    std::string block = t.lines(site.stmtLine, site.stmtEndLine);
    std::vector<std::pair<size_t, std::string>> sorted = replacements;
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
        const Loc& la = site.args[a.first].loc;
        const Loc& lb = site.args[b.first].loc;
        return std::tie(la.line, la.col) > std::tie(lb.line, lb.col);
    });
    for (const auto& [i, text] : sorted) {
        const Loc& loc = site.args[i].loc;
        int endLine = loc.endLine > 0 ? loc.endLine : loc.line;
        size_t from = blockOffset(t, site.stmtLine, loc.line, loc.col);
        size_t to = blockOffset(t, site.stmtLine, endLine, loc.endCol);
        block.replace(from, to - from, text);
    }
    return block;
}

std::optional<std::vector<Edit>> EditBuilder::markInputs(const FunctionInfo& fn, const std::set<int>& lines,
                                                         const std::vector<InputMarks>& marks, const std::string& markFn) {
    std::vector<Edit> edits;
    std::set<int> done;
    std::set<std::string> taken;
    for (int line : lines) {
        for (const CallSite& site : facts_.callSitesAt(line, fn)) {
            if (!done.insert(site.stmtLine).second) continue;
            std::vector<std::pair<int, const InputMarks*>> needed;
            for (const auto& m : marks) {
                int a = argumentFor(fn, site, m.param);
                if (a >= 0 && !site.args[static_cast<size_t>(a)].starred) needed.emplace_back(a, &m);
            }
            if (needed.empty()) continue;
            int last = 0;
            for (const auto& n : needed) last = std::max(last, n.first);
            // Arguments evaluated up to the last marked one move to their own lines in the same
            // order, so the RNG and any side effects see the same sequence as before.
            std::vector<std::string> before;
            std::vector<std::pair<size_t, std::string>> replacements;
            std::map<int, std::string> argName;
            for (int i = 0; i <= last; ++i) {
                const CallArgument& a = site.args[static_cast<size_t>(i)];
                if (a.starred) {
                    fail("line " + std::to_string(site.stmtLine) + ": a *args argument comes before the input to mark");
                    return std::nullopt;
                }
                if (a.isName) {
                    argName[i] = a.text;
                    continue;
                }
                bool isNeeded = std::any_of(needed.begin(), needed.end(), [&](const auto& n) { return n.first == i; });
                if (!isNeeded && a.text.find('(') == std::string::npos) continue;  // a literal: no side effect to order
                if (!site.hoistable) {
                    fail("line " + std::to_string(site.stmtLine) + ": the call is part of a larger expression, so its arguments "
                         "cannot be computed before it");
                    return std::nullopt;
                }
                std::string wanted = !a.keyword.empty() ? a.keyword
                                     : static_cast<size_t>(i) < fn.params.size() ? fn.params[static_cast<size_t>(i)]
                                                                                 : "arg" + std::to_string(i);
                std::string name = facts_.freshName(wanted, taken);
                taken.insert(name);
                argName[i] = name;
                before.push_back(site.indent + name + " = " + a.text);
                replacements.emplace_back(static_cast<size_t>(i), name);
            }
            // A mark of the same variable and dim right above the call is changed in place
            // (mark_dynamic(x, 0) -> mark_unbacked(x, 0)) rather than marked twice.
            std::map<std::pair<std::string, int>, int> existing;
            for (int l = site.stmtLine - 1; l >= 1; --l) {
                const MarkCall* mc = facts_.markCallAt(l);
                if (!mc || facts_.text().indentOf(l) != site.indent) break;
                existing[{mc->arg, mc->dim}] = l;
            }
            for (const auto& [i, m] : needed)
                for (int d : m->dims) {
                    std::string call = markFn + "(" + argName[i] + ", " + std::to_string(d) + ")";
                    auto ex = existing.find({argName[i], d});
                    if (ex == existing.end()) {
                        before.push_back(site.indent + call);
                    } else if (facts_.markCallAt(ex->second)->function != markFn && done.insert(ex->second).second) {
                        edits.push_back(facts_.text().replace(ex->second, ex->second, site.indent + call));
                    }
                }
            if (before.empty() && replacements.empty()) continue;  // only existing marks changed
            before.push_back(rewriteStatement(site, replacements));
            edits.push_back(facts_.text().replace(site.stmtLine, site.stmtEndLine, joinLines(before)));
        }
    }
    if (edits.empty()) {
        if (why_.empty()) fail("no call of " + fn.name + " passes the inputs to mark");
        return std::nullopt;
    }
    return edits;
}

std::optional<std::vector<Edit>> EditBuilder::setCompileKeyword(const FunctionInfo& fn, const std::string& key, const std::string& value) {
    std::vector<Edit> edits;
    const ScenarioText& t = facts_.text();
    for (const CompileSite* site : facts_.compileSitesOf(fn)) {
        auto kw = site->keywords.find(key);
        if (kw != site->keywords.end()) {
            if (t.slice(kw->second) == value) continue;
            edits.push_back(editRange(t, kw->second, value));
        } else if (!site->keywordCall) {  // a bare @torch.compile
            edits.push_back(editRange(t, site->loc, t.slice(site->loc) + "(" + key + "=" + value + ")"));
        } else {
            Loc at = site->keywordCall->loc;
            int endLine = at.endLine > 0 ? at.endLine : at.line;
            Loc insert{endLine, at.endCol - 1, endLine, at.endCol - 1};  // just before the closing parenthesis
            bool hasArgs = !site->keywordCall->args.empty() || !site->keywordCall->keywords.empty();
            edits.push_back(editRange(t, insert, (hasArgs ? ", " : "") + key + "=" + value));
        }
    }
    if (edits.empty()) {
        fail(facts_.compileSitesOf(fn).empty() ? "no torch.compile of " + fn.name + " found in the scenario"
                                               : "torch.compile of " + fn.name + " already has " + key + "=" + value);
        return std::nullopt;
    }
    return edits;
}

std::optional<std::vector<Edit>> EditBuilder::setConfig(const std::string& target, const std::string& value) {
    const ScenarioText& t = facts_.text();
    std::string line = target + " = " + value;
    Edit e;
    if (const ConfigAssign* c = facts_.configAssign(target)) {
        if (c->valueText == value) {
            fail("the scenario already sets " + line);
            return std::nullopt;
        }
        e = t.replace(c->line, c->endLine, t.indentOf(c->line) + line);
    } else if (t.lineCount() == 0) {
        fail("the scenario is empty");
        return std::nullopt;
    } else if (facts_.configInsertLine() > 0) {
        e = t.insertAround(facts_.configInsertLine(), line, false);
    } else {
        e = t.insertAround(1, line, true);
    }
    e.config = line;
    return std::vector<Edit>{e};
}

std::optional<std::vector<Edit>> EditBuilder::wrapArgument(const FunctionInfo& fn, const std::set<int>& lines, const std::string& param,
                                                           const std::string& prefix, const std::string& suffix, bool onlyAliased) {
    std::vector<Edit> edits;
    std::set<int> done;
    for (int line : lines) {
        for (const CallSite& site : facts_.callSitesAt(line, fn)) {
            int a = argumentFor(fn, site, param);
            if (a < 0 || site.args[static_cast<size_t>(a)].starred || done.count(site.stmtLine)) continue;
            const CallArgument& arg = site.args[static_cast<size_t>(a)];
            if (onlyAliased) {
                bool twice = arg.isName && std::any_of(site.args.begin(), site.args.end(), [&](const CallArgument& o) {
                                 return &o != &arg && o.isName && o.text == arg.text;
                             });
                if (!twice) continue;
            }
            std::string text = arg.text;
            if (!arg.isName && !prefix.empty() && prefix.back() != '(') text = "(" + text + ")";
            else if (!arg.isName && prefix.empty() && !suffix.empty()) text = "(" + text + ")";
            done.insert(site.stmtLine);
            edits.push_back(facts_.text().replace(site.stmtLine, site.stmtEndLine,
                                                  rewriteStatement(site, {{static_cast<size_t>(a), prefix + text + suffix}})));
        }
    }
    if (edits.empty()) {
        fail(onlyAliased ? "no call of " + fn.name + " passes the same variable twice" : "no call of " + fn.name + " passes " + param);
        return std::nullopt;
    }
    return edits;
}

std::optional<std::vector<Edit>> EditBuilder::branchToWhere(const FunctionInfo& fn, const std::string& param) {
    if (!fn.def) return std::nullopt;
    const Body& body = fn.def->body;
    const ScenarioText& t = facts_.text();
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i]->kind != StmtKind::If) continue;
        const auto& s = static_cast<const If&>(*body[i]);
        bool negated = false;
        const Expr* test = s.test.get();
        if (test && test->kind == ExprKind::UnaryOp && static_cast<const UnaryOp*>(test)->op == UnaryOpKind::Not) {
            negated = true;
            test = static_cast<const UnaryOp*>(test)->operand.get();
        }
        if (!test || test->kind != ExprKind::Name || static_cast<const Name*>(test)->id != param) continue;
        const Return* a = s.body.size() == 1 ? asReturn(s.body[0].get()) : nullptr;
        const Return* b = nullptr;
        const Stmt* last = nullptr;
        if (s.orelse.size() == 1) {
            b = asReturn(s.orelse[0].get());
            last = b;
        } else if (s.orelse.empty() && i + 1 < body.size()) {
            b = asReturn(body[i + 1].get());
            last = b;
        }
        if (!a || !b) continue;
        std::string ta = t.slice(a->value->loc), tb = t.slice(b->value->loc);
        if (negated) std::swap(ta, tb);
        int endLine = last->loc.endLine > 0 ? last->loc.endLine : last->loc.line;
        std::string repl = t.indentOf(s.loc.line) + "return torch.where(" + param + ", " + ta + ", " + tb + ")";
        return std::vector<Edit>{t.replace(s.loc.line, endLine, repl)};
    }
    fail(fn.name + " does not branch on " + param + " as `if " + param + ": return …` followed by `return …`");
    return std::nullopt;
}

std::optional<std::vector<Edit>> EditBuilder::replaceSubmodule(const std::string& className, const std::string& attr,
                                                               const std::string& calleeSuffix, double onlyIfArg,
                                                               const std::string& replacement) {
    const ScenarioText& t = facts_.text();
    for (const auto& fn : facts_.functions()) {
        if (fn.className != className || !fn.def) continue;
        std::optional<Edit> found;
        AstWalk::statements(fn.def->body, [&](const StmtContext& ctx) {
            if (found || ctx.stmt->kind != StmtKind::Assign) return;
            const auto& as = static_cast<const Assign&>(*ctx.stmt);
            if (as.targets.size() != 1 || AstWalk::dottedName(*as.targets[0]) != "self." + attr) return;
            if (!as.value || as.value->kind != ExprKind::Call) return;
            const auto& c = static_cast<const Call&>(*as.value);
            std::string callee = c.func ? AstWalk::dottedName(*c.func) : "";
            if (!endsWith(callee, calleeSuffix)) return;
            const Expr* p = c.args.empty() ? nullptr : c.args[0].get();
            for (const auto& k : c.keywords)
                if (k.arg == "p") p = k.value.get();
            if (!isNumber(p, onlyIfArg)) return;
            found = editRange(t, as.value->loc, replacement);
        });
        if (found) return std::vector<Edit>{*found};
    }
    fail("no `self." + attr + " = …" + calleeSuffix + "(…)` with that argument in class " + className);
    return std::nullopt;
}

} // namespace gs::advisor
