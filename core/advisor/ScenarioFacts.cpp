#include "core/advisor/ScenarioFacts.h"

#include <algorithm>

#include "core/advisor/AstWalk.h"
#include "core/lang/Diagnostic.h"
#include "core/lang/Parser.h"

namespace gs::advisor {
namespace {

using namespace lang;

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool isCompileCallee(const Expr& e) {
    std::string d = AstWalk::dottedName(e);
    return d == "torch.compile" || d == "torch.compiler.compile";
}

bool isOptimizeCallee(const Expr& e) {
    std::string d = AstWalk::dottedName(e);
    return d == "torch._dynamo.optimize" || d == "torch._dynamo.optimize_assert";
}

// The config modules a scenario sets options on (dynamo-semantics §3.1).
bool isConfigTarget(const std::string& dotted) {
    return startsWith(dotted, "torch._dynamo.config.") || startsWith(dotted, "torch.fx.experimental._config.") ||
           startsWith(dotted, "torch.compiler.config.") || startsWith(dotted, "torch._inductor.config.");
}

const Expr* statementValue(const Stmt& s) {
    switch (s.kind) {
    case StmtKind::Expr: return static_cast<const ExprStmt&>(s).value.get();
    case StmtKind::Assign: return static_cast<const Assign&>(s).value.get();
    case StmtKind::AugAssign: return static_cast<const AugAssign&>(s).value.get();
    case StmtKind::AnnAssign: return static_cast<const AnnAssign&>(s).value.get();
    case StmtKind::Return: return static_cast<const Return&>(s).value.get();
    default: return nullptr;
    }
}

bool isParameter(const FunctionDef& d, const std::string& name) {
    auto in = [&](const std::vector<Arg>& v) { return std::any_of(v.begin(), v.end(), [&](const Arg& a) { return a.name == name; }); };
    return in(d.args.posonlyargs) || in(d.args.args) || in(d.args.kwonlyargs) || (d.args.vararg && d.args.vararg->name == name) ||
           (d.args.kwarg && d.args.kwarg->name == name);
}

} // namespace

ScenarioFacts::ScenarioFacts(std::string source, std::string fileName)
    : source_(std::move(source)), fileName_(std::move(fileName)), text_(source_) {
    try {
        module_ = lang::parseModule(source_, fileName_);
    } catch (const lang::SyntaxError& e) {
        error_ = lang::formatDiagnostic(e.diagnostic());
        module_.reset();
    } catch (const std::exception& e) {
        error_ = e.what();
        module_.reset();
    }
    if (module_) collect();
}

ScenarioFacts::~ScenarioFacts() = default;

void ScenarioFacts::collect() {
    std::set<std::string> classNames;
    for (const auto& s : module_->body)
        if (s->kind == StmtKind::ClassDef) classNames.insert(static_cast<const ClassDef&>(*s).name);

    // New config lines go after the imports that open the file (a docstring may come first).
    for (const auto& s : module_->body) {
        if (s->kind == StmtKind::Import || s->kind == StmtKind::ImportFrom) {
            configInsertLine_ = s->loc.endLine > 0 ? s->loc.endLine : s->loc.line;
            continue;
        }
        if (s->kind == StmtKind::Expr) {
            const Expr* v = static_cast<const ExprStmt&>(*s).value.get();
            if (v && v->kind == ExprKind::Constant && static_cast<const Constant*>(v)->type == Constant::Type::Str) continue;
        }
        break;
    }

    auto addCompileSite = [&](const Call& c, std::string boundName, bool decorator, const std::string& decoratedName) {
        CompileSite site;
        site.call = &c;
        site.loc = c.loc;
        site.boundName = std::move(boundName);
        site.decorator = decorator;
        const Call* kwCall = &c;
        if (c.func && c.func->kind == ExprKind::Call && isOptimizeCallee(*static_cast<const Call&>(*c.func).func))
            kwCall = static_cast<const Call*>(c.func.get());  // torch._dynamo.optimize(backend, dynamic=...)(fn)
        if (decorator) site.target = decoratedName;
        else if (!c.args.empty()) site.target = text_.slice(c.args[0]->loc);
        for (const auto& k : kwCall->keywords)
            if (!k.arg.empty() && k.value) site.keywords[k.arg] = k.value->loc;
        site.loc = kwCall->loc;
        site.keywordCall = kwCall;
        compileSites_.push_back(std::move(site));
    };

    AstWalk::statements(module_->body, [&](const StmtContext& ctx) {
        const Stmt& s = *ctx.stmt;
        statements_.push_back({&s, statementValue(s) != nullptr});
        if (s.kind == StmtKind::FunctionDef) {
            const auto& d = static_cast<const FunctionDef&>(s);
            FunctionInfo fi;
            fi.name = d.name;
            fi.line = d.loc.line;
            fi.firstLine = d.loc.line;
            fi.def = &d;
            bool method = ctx.cls && ctx.body == &ctx.cls->body;
            bool isStatic = false;
            for (const auto& dec : d.decorators) {
                fi.firstLine = std::min(fi.firstLine, dec->loc.line);
                if (AstWalk::dottedName(*dec) == "staticmethod") isStatic = true;
                if (isCompileCallee(*dec) && dec->kind != ExprKind::Call) {
                    CompileSite site;
                    site.loc = dec->loc;
                    site.target = d.name;
                    site.boundName = d.name;
                    site.decorator = true;
                    compileSites_.push_back(std::move(site));
                } else if (dec->kind == ExprKind::Call) {
                    const auto& dc = static_cast<const Call&>(*dec);
                    if (dc.func && (isCompileCallee(*dc.func) || isOptimizeCallee(*dc.func))) {
                        CompileSite site;
                        site.call = &dc;
                        site.keywordCall = &dc;
                        site.loc = dc.loc;
                        site.target = d.name;
                        site.boundName = d.name;
                        site.decorator = true;
                        for (const auto& k : dc.keywords)
                            if (!k.arg.empty() && k.value) site.keywords[k.arg] = k.value->loc;
                        compileSites_.push_back(std::move(site));
                    }
                }
            }
            if (method) fi.className = ctx.cls->name;
            for (const auto& a : d.args.posonlyargs) fi.params.push_back(a.name);
            for (const auto& a : d.args.args) fi.params.push_back(a.name);
            if (method && !isStatic && !fi.params.empty()) fi.params.erase(fi.params.begin());
            names_.insert(d.name);
            functions_.push_back(std::move(fi));
        } else if (s.kind == StmtKind::ClassDef) {
            names_.insert(static_cast<const ClassDef&>(s).name);
        } else if (s.kind == StmtKind::Assign) {
            const auto& a = static_cast<const Assign&>(s);
            if (a.targets.size() == 1 && a.value) {
                const Expr& t = *a.targets[0];
                std::string dotted = AstWalk::dottedName(t);
                if (t.kind == ExprKind::Attribute && isConfigTarget(dotted))
                    configs_.push_back({dotted, text_.slice(a.value->loc), s.loc.line, s.loc.endLine > 0 ? s.loc.endLine : s.loc.line});
                if (t.kind == ExprKind::Name && a.value->kind == ExprKind::Call) {
                    const auto& c = static_cast<const Call&>(*a.value);
                    std::string callee = c.func ? AstWalk::dottedName(*c.func) : "";
                    if (classNames.count(callee)) instanceClass_[static_cast<const Name&>(t).id] = callee;
                }
            }
        } else if (s.kind == StmtKind::Expr) {
            const Expr* v = static_cast<const ExprStmt&>(s).value.get();
            if (v && v->kind == ExprKind::Call) {
                const auto& c = static_cast<const Call&>(*v);
                std::string callee = c.func ? AstWalk::dottedName(*c.func) : "";
                bool mark = callee == "torch._dynamo.mark_dynamic" || callee == "torch._dynamo.maybe_mark_dynamic" ||
                            callee == "torch._dynamo.mark_unbacked" || callee == "torch._dynamo.mark_static";
                if (mark && c.args.size() == 2 && c.keywords.empty() && c.args[0]->kind == ExprKind::Name &&
                    c.args[1]->kind == ExprKind::Constant && static_cast<const Constant&>(*c.args[1]).type == Constant::Type::Int &&
                    s.loc.endLine <= s.loc.line)
                    marks_.push_back({callee, static_cast<const Name&>(*c.args[0]).id,
                                      static_cast<int>(static_cast<const Constant&>(*c.args[1]).i), s.loc.line});
            }
        } else if (s.kind == StmtKind::Import || s.kind == StmtKind::ImportFrom) {
            const auto& names = s.kind == StmtKind::Import ? static_cast<const Import&>(s).names : static_cast<const ImportFrom&>(s).names;
            for (const auto& al : names) {
                std::string n = al.asname.empty() ? al.name.substr(0, al.name.find('.')) : al.asname;
                names_.insert(n);
            }
        }
        // Compile sites written as expressions; the variable they are assigned to, if any.
        const Expr* value = statementValue(s);
        std::string assignedName;
        if (s.kind == StmtKind::Assign) {
            const auto& a = static_cast<const Assign&>(s);
            if (a.targets.size() == 1 && a.targets[0]->kind == ExprKind::Name) assignedName = static_cast<const Name&>(*a.targets[0]).id;
        }
        AstWalk::expressions(s, [&](const Expr& e) {
            // A parameter used inside its own function is that function's business: a name
            // hoisted next to a call elsewhere cannot collide with it.
            if (e.kind == ExprKind::Name && !(ctx.function && isParameter(*ctx.function, static_cast<const Name&>(e).id)))
                names_.insert(static_cast<const Name&>(e).id);
            if (e.kind != ExprKind::Call) return;
            const auto& c = static_cast<const Call&>(e);
            if (!c.func) return;
            bool compile = isCompileCallee(*c.func) && !c.args.empty();
            bool optimize = c.func->kind == ExprKind::Call && isOptimizeCallee(*static_cast<const Call&>(*c.func).func) && !c.args.empty();
            if (s.kind == StmtKind::FunctionDef && !compile && !optimize) return;
            if (compile || optimize) {
                if (s.kind == StmtKind::FunctionDef) return;  // decorators: handled above
                addCompileSite(c, &e == value ? assignedName : std::string(), false, "");
            }
        });
    });
}

const FunctionInfo* ScenarioFacts::functionOf(const session::Frame& frame) const {
    const FunctionInfo* byName = nullptr;
    int count = 0;
    for (const auto& f : functions_) {
        if (f.name != frame.name) continue;
        if (frame.firstLine > 0 && (f.firstLine == frame.firstLine || f.line == frame.firstLine)) return &f;
        byName = &f;
        ++count;
    }
    return count == 1 ? byName : nullptr;
}

std::vector<const CompileSite*> ScenarioFacts::compileSitesOf(const FunctionInfo& fn) const {
    std::vector<const CompileSite*> out;
    for (const auto& s : compileSites_) {
        bool names = s.target == fn.name;
        if (s.decorator) names = s.target == fn.name && s.loc.line >= fn.firstLine && s.loc.line <= fn.line;
        if (!fn.className.empty()) {
            if (startsWith(s.target, fn.className + "(")) names = true;
            auto it = instanceClass_.find(s.target);
            if (it != instanceClass_.end() && it->second == fn.className) names = true;
        }
        if (names) out.push_back(&s);
    }
    if (out.empty() && compileSites_.size() == 1) out.push_back(&compileSites_.front());
    return out;
}

std::set<std::string> ScenarioFacts::compiledNamesOf(const FunctionInfo& fn) const {
    std::set<std::string> out;
    for (const auto* s : compileSitesOf(fn))
        if (!s->boundName.empty()) out.insert(s->boundName);
    return out;
}

std::vector<CallSite> ScenarioFacts::callSitesAt(int line, const FunctionInfo& fn) const {
    std::vector<CallSite> out;
    if (!module_) return out;
    std::set<std::string> names = compiledNamesOf(fn);
    auto sites = compileSitesOf(fn);
    for (const auto& span : statements_) {
        const Stmt& s = *span.stmt;
        int endLine = s.loc.endLine > 0 ? s.loc.endLine : s.loc.line;
        if (line < s.loc.line || line > endLine) continue;
        if (s.kind == StmtKind::FunctionDef || s.kind == StmtKind::ClassDef) {
            // only the decorators of a def are evaluated where it stands
            continue;
        }
        const Expr* value = statementValue(s);
        AstWalk::expressions(s, [&](const Expr& e) {
            if (e.kind != ExprKind::Call) return;
            const auto& c = static_cast<const Call&>(e);
            if (!c.func) return;
            int cEnd = c.loc.endLine > 0 ? c.loc.endLine : c.loc.line;
            if (line < c.loc.line || line > cEnd) return;
            bool matches = false;
            if (c.func->kind == ExprKind::Name) matches = names.count(static_cast<const Name&>(*c.func).id) > 0;
            for (const auto* site : sites)
                if (site->call == c.func.get()) matches = true;  // torch.compile(f)(x)
            if (!matches) return;
            CallSite cs;
            cs.call = &c;
            cs.loc = c.loc;
            cs.callee = text_.slice(c.func->loc);
            for (const auto& a : c.args) {
                CallArgument arg;
                arg.loc = a->loc;
                arg.text = text_.slice(a->loc);
                arg.starred = a->kind == ExprKind::Starred;
                arg.isName = a->kind == ExprKind::Name;
                cs.args.push_back(std::move(arg));
            }
            for (const auto& k : c.keywords) {
                CallArgument arg;
                arg.keyword = k.arg;
                arg.starred = k.arg.empty();
                if (k.value) {
                    arg.loc = k.value->loc;
                    arg.text = text_.slice(k.value->loc);
                    arg.isName = k.value->kind == ExprKind::Name;
                }
                cs.args.push_back(std::move(arg));
            }
            cs.stmtLine = s.loc.line;
            cs.stmtEndLine = endLine;
            cs.indent = text_.indentOf(s.loc.line);
            // A statement that starts its line: a `;`-joined line or a compound header is not.
            bool ownsLine = text_.slice({s.loc.line, 1, s.loc.line, s.loc.col}).find_first_not_of(" \t") == std::string::npos;
            cs.hoistable = span.simpleValue && value == &e && ownsLine && text_.line(endLine).find(';') == std::string::npos;
            out.push_back(std::move(cs));
        });
    }
    return out;
}

const MarkCall* ScenarioFacts::markCallAt(int line) const {
    for (const auto& m : marks_)
        if (m.line == line) return &m;
    return nullptr;
}

const ConfigAssign* ScenarioFacts::configAssign(const std::string& target) const {
    const ConfigAssign* last = nullptr;
    for (const auto& c : configs_)
        if (c.target == target) last = &c;
    return last;
}

std::string ScenarioFacts::freshName(const std::string& wanted, const std::set<std::string>& taken) const {
    auto free = [&](const std::string& n) { return !names_.count(n) && !taken.count(n); };
    if (free(wanted)) return wanted;
    for (int i = 1;; ++i) {
        std::string n = wanted + (i == 1 ? "_in" : "_in" + std::to_string(i));
        if (free(n)) return n;
    }
}

} // namespace gs::advisor
