// Scope resolution in two passes, like CPython's symtable.c: pass 1 records, per scope, which
// names are bound / used / declared global or nonlocal; pass 2 decides local / cell / free /
// global top-down and propagates free variables bottom-up (turning the defining function's
// local into a cell and passing it through intermediate scopes, class bodies included).
#include "core/runtime/Resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/lang/Diagnostic.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Str.h"

namespace gs::runtime {
namespace {

using namespace gs::lang;

enum Flag : unsigned { Bound = 1, Used = 2, DeclGlobal = 4, DeclNonlocal = 8, Param = 16, WalrusFree = 32 };

struct Scope {
    CodeInfo::Kind kind;
    Scope* parent = nullptr;
    std::shared_ptr<CodeInfo> info;
    std::vector<std::string> order;  // first-seen order
    std::unordered_map<std::string, unsigned> flags;
    std::vector<std::string> params;
    std::vector<std::unique_ptr<Scope>> children;
    std::vector<const Name*> names;
    std::vector<std::pair<const void*, std::string>> sites;  // non-Name binding sites
    // analysis results
    std::map<std::string, NameScope> decided;
    std::vector<std::string> freeOrder;
    std::set<std::string> cells;

    bool functionLike() const {
        return kind == CodeInfo::Kind::Function || kind == CodeInfo::Kind::Lambda ||
               kind == CodeInfo::Kind::Comprehension;
    }
    void note(const std::string& n, unsigned f) {
        auto [it, inserted] = flags.try_emplace(n, 0u);
        if (inserted) order.push_back(n);
        it->second |= f;
    }
    void addFree(const std::string& n) {
        if (std::find(freeOrder.begin(), freeOrder.end(), n) == freeOrder.end()) freeOrder.push_back(n);
    }
};

class Builder {
public:
    Builder(Interpreter& in, std::shared_ptr<const SourceFile> file) : in_(in), file_(std::move(file)) {}

    std::unique_ptr<Scope> build(const lang::Module& m) {
        auto root = newScope(CodeInfo::Kind::Module, nullptr, "<module>", 1);
        cur_ = root.get();
        body(m.body);
        return root;
    }

    [[noreturn]] void error(const Loc& loc, const std::string& msg) {
        Diagnostic d;
        d.file = file_ ? file_->name : "<unknown>";
        d.line = loc.line;
        d.col = loc.col;
        d.message = msg;
        if (file_) d.lineText = std::string(file_->line(loc.line));
        throw SyntaxError(d);
    }

private:
    std::unique_ptr<Scope> newScope(CodeInfo::Kind k, Scope* parent, std::string name, int line) {
        auto s = std::make_unique<Scope>();
        s->kind = k;
        s->parent = parent;
        s->info = std::make_shared<CodeInfo>();
        s->info->kind = k;
        s->info->name = name;
        s->info->file = file_;
        s->info->firstLine = line;
        s->info->nameStr = in_.intern(name);
        if (parent && parent->kind != CodeInfo::Kind::Module) {
            std::string pq = parent->info->qualname;
            if (parent->functionLike()) pq += ".<locals>";
            s->info->qualname = pq + "." + name;
        } else {
            s->info->qualname = name;
        }
        return s;
    }

    Scope* push(std::unique_ptr<Scope> s) {
        Scope* raw = s.get();
        cur_->children.push_back(std::move(s));
        cur_ = raw;
        return raw;
    }
    void pop() { cur_ = cur_->parent; }

    void bindSite(const void* site, const std::string& n) {
        cur_->note(n, Bound);
        cur_->sites.emplace_back(site, n);
    }

    void body(const Body& b) {
        for (const auto& s : b) stmt(s.get());
    }

    void arguments(const Arguments& a) {
        // defaults are evaluated in the enclosing scope
        for (const auto& d : a.defaults) expr(d.get());
        for (const auto& d : a.kwDefaults)
            if (d) expr(d.get());
    }

    void params(Scope* s, const Arguments& a) {
        CodeInfo& ci = *s->info;
        auto add = [&](const Arg& arg) {
            if (s->flags.count(arg.name) && (s->flags[arg.name] & Param))
                error(arg.loc, "duplicate argument '" + arg.name + "' in function definition");
            s->note(arg.name, Bound | Param);
            s->params.push_back(arg.name);
        };
        for (const auto& p : a.posonlyargs) add(p);
        for (const auto& p : a.args) add(p);
        ci.nposonly = static_cast<int>(a.posonlyargs.size());
        ci.nargs = static_cast<int>(a.posonlyargs.size() + a.args.size());
        if (a.vararg) {
            ci.varargSlot = static_cast<int>(s->params.size());
            add(*a.vararg);
        }
        for (const auto& p : a.kwonlyargs) add(p);
        ci.nkwonly = static_cast<int>(a.kwonlyargs.size());
        if (a.kwarg) {
            ci.kwargSlot = static_cast<int>(s->params.size());
            add(*a.kwarg);
        }
        ci.args = &a;
        ci.plainPositional = !a.vararg && a.kwonlyargs.empty() && !a.kwarg;
    }

    void stmt(const Stmt* s) {
        switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto* f = static_cast<const FunctionDef*>(s);
            for (const auto& d : f->decorators) expr(d.get());
            arguments(f->args);
            bindSite(f, f->name);
            Scope* sc = push(newScope(CodeInfo::Kind::Function, cur_, f->name,
                                      f->decorators.empty() ? f->loc.line : f->decorators.front()->loc.line));
            sc->info->firstLine = f->loc.line;
            params(sc, f->args);
            sc->info->body = &f->body;
            sc->info->isGenerator = f->isGenerator;
            if (f->isGenerator) sc->info->plainPositional = false;
            f->scopeInfo = sc->info;
            body(f->body);
            pop();
            break;
        }
        case StmtKind::ClassDef: {
            auto* c = static_cast<const ClassDef*>(s);
            for (const auto& d : c->decorators) expr(d.get());
            for (const auto& b : c->bases) expr(b.get());
            for (const auto& k : c->keywords) keyword(k);
            bindSite(c, c->name);
            Scope* sc = push(newScope(CodeInfo::Kind::Class, cur_, c->name, c->loc.line));
            sc->info->body = &c->body;
            c->scopeInfo = sc->info;
            body(c->body);
            pop();
            break;
        }
        case StmtKind::Return: {
            auto* r = static_cast<const Return*>(s);
            if (!cur_->functionLike()) error(s->loc, "'return' outside function");
            if (r->value) expr(r->value.get());
            break;
        }
        case StmtKind::Delete:
            for (const auto& t : static_cast<const Delete*>(s)->targets) expr(t.get());
            break;
        case StmtKind::Assign: {
            auto* a = static_cast<const Assign*>(s);
            expr(a->value.get());
            for (const auto& t : a->targets) expr(t.get());
            break;
        }
        case StmtKind::AugAssign: {
            auto* a = static_cast<const AugAssign*>(s);
            expr(a->value.get());
            expr(a->target.get());
            if (a->target->kind == ExprKind::Name) cur_->note(static_cast<const Name*>(a->target.get())->id, Used);
            break;
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<const AnnAssign*>(s);
            if (a->value) expr(a->value.get());
            expr(a->target.get());
            break;
        }
        case StmtKind::For: {
            auto* f = static_cast<const For*>(s);
            expr(f->iter.get());
            expr(f->target.get());
            body(f->body);
            body(f->orelse);
            break;
        }
        case StmtKind::While: {
            auto* w = static_cast<const While*>(s);
            expr(w->test.get());
            body(w->body);
            body(w->orelse);
            break;
        }
        case StmtKind::If: {
            auto* i = static_cast<const If*>(s);
            expr(i->test.get());
            body(i->body);
            body(i->orelse);
            break;
        }
        case StmtKind::With: {
            auto* w = static_cast<const With*>(s);
            for (const auto& it : w->items) {
                expr(it.contextExpr.get());
                if (it.optionalVars) expr(it.optionalVars.get());
            }
            body(w->body);
            break;
        }
        case StmtKind::Raise: {
            auto* r = static_cast<const Raise*>(s);
            if (r->exc) expr(r->exc.get());
            if (r->cause) expr(r->cause.get());
            break;
        }
        case StmtKind::Try: {
            auto* t = static_cast<const Try*>(s);
            body(t->body);
            for (const auto& h : t->handlers) {
                if (h.type) expr(h.type.get());
                if (!h.name.empty()) bindSite(&h, h.name);
                body(h.body);
            }
            body(t->orelse);
            body(t->finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto* a = static_cast<const Assert*>(s);
            expr(a->test.get());
            if (a->msg) expr(a->msg.get());
            break;
        }
        case StmtKind::Import:
            for (const auto& al : static_cast<const Import*>(s)->names) {
                std::string n = al.asname.empty() ? al.name.substr(0, al.name.find('.')) : al.asname;
                bindSite(&al, n);
            }
            break;
        case StmtKind::ImportFrom:
            for (const auto& al : static_cast<const ImportFrom*>(s)->names) {
                if (al.name == "*") {
                    if (cur_->kind != CodeInfo::Kind::Module)
                        error(al.loc, "import * only allowed at module level");
                    continue;
                }
                bindSite(&al, al.asname.empty() ? al.name : al.asname);
            }
            break;
        case StmtKind::Global:
            for (const auto& n : static_cast<const Global*>(s)->names) {
                auto it = cur_->flags.find(n);
                if (it != cur_->flags.end() && (it->second & DeclNonlocal))
                    error(s->loc, "name '" + n + "' is nonlocal and global");
                if (it != cur_->flags.end() && (it->second & Param))
                    error(s->loc, "name '" + n + "' is parameter and global");
                if (it != cur_->flags.end() && (it->second & (Bound | Used)))
                    error(s->loc, "name '" + n + "' is used prior to global declaration");
                cur_->note(n, DeclGlobal);
            }
            break;
        case StmtKind::Nonlocal:
            for (const auto& n : static_cast<const Nonlocal*>(s)->names) {
                if (cur_->kind == CodeInfo::Kind::Module) error(s->loc, "nonlocal declaration not allowed at module level");
                auto it = cur_->flags.find(n);
                if (it != cur_->flags.end() && (it->second & DeclGlobal))
                    error(s->loc, "name '" + n + "' is nonlocal and global");
                if (it != cur_->flags.end() && (it->second & Param))
                    error(s->loc, "name '" + n + "' is parameter and nonlocal");
                if (it != cur_->flags.end() && (it->second & (Bound | Used)))
                    error(s->loc, "name '" + n + "' is used prior to nonlocal declaration");
                cur_->note(n, DeclNonlocal);
                nonlocalLocs_[cur_][n] = s->loc;
            }
            break;
        case StmtKind::Expr:
            expr(static_cast<const ExprStmt*>(s)->value.get());
            break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            break;
        }
    }

    void keyword(const Keyword& k) {
        if (!k.arg.empty()) k.rtName = in_.intern(k.arg);
        expr(k.value.get());
    }

    void expr(const Expr* e) {
        if (!e) return;
        switch (e->kind) {
        case ExprKind::Name: {
            auto* n = static_cast<const Name*>(e);
            n->rtName = in_.intern(n->id);
            n->cache.key = n->rtName;
            cur_->names.push_back(n);
            cur_->note(n->id, n->ctx == ExprContext::Load ? Used : Bound);
            break;
        }
        case ExprKind::Constant:
            break;
        case ExprKind::JoinedStr:
            for (const auto& v : static_cast<const JoinedStr*>(e)->values) expr(v.get());
            break;
        case ExprKind::FormattedValue: {
            auto* f = static_cast<const FormattedValue*>(e);
            expr(f->value.get());
            expr(f->formatSpec.get());
            break;
        }
        case ExprKind::List:
            for (const auto& v : static_cast<const lang::List*>(e)->elts) expr(v.get());
            break;
        case ExprKind::Tuple:
            for (const auto& v : static_cast<const lang::Tuple*>(e)->elts) expr(v.get());
            break;
        case ExprKind::Set:
            for (const auto& v : static_cast<const lang::Set*>(e)->elts) expr(v.get());
            break;
        case ExprKind::Dict: {
            auto* d = static_cast<const lang::Dict*>(e);
            for (size_t i = 0; i < d->values.size(); ++i) {
                expr(d->keys[i].get());
                expr(d->values[i].get());
            }
            break;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp: {
            auto* c = static_cast<const Comp*>(e);
            // The outermost iterable is evaluated in the enclosing scope.
            expr(c->generators.front().iter.get());
            const char* nm = e->kind == ExprKind::ListComp  ? "<listcomp>"
                             : e->kind == ExprKind::SetComp ? "<setcomp>"
                             : e->kind == ExprKind::DictComp ? "<dictcomp>"
                                                             : "<genexpr>";
            Scope* sc = push(newScope(CodeInfo::Kind::Comprehension, cur_, nm, e->loc.line));
            sc->info->comp = c;
            c->scopeInfo = sc->info;
            for (size_t i = 0; i < c->generators.size(); ++i) {
                const auto& g = c->generators[i];
                if (i > 0) expr(g.iter.get());
                expr(g.target.get());
                for (const auto& cond : g.ifs) expr(cond.get());
            }
            expr(c->elt.get());
            expr(c->key.get());
            expr(c->value.get());
            pop();
            break;
        }
        case ExprKind::IfExp: {
            auto* i = static_cast<const IfExp*>(e);
            expr(i->test.get());
            expr(i->body.get());
            expr(i->orelse.get());
            break;
        }
        case ExprKind::BoolOp:
            for (const auto& v : static_cast<const BoolOp*>(e)->values) expr(v.get());
            break;
        case ExprKind::BinOp: {
            auto* b = static_cast<const BinOp*>(e);
            expr(b->left.get());
            expr(b->right.get());
            break;
        }
        case ExprKind::UnaryOp:
            expr(static_cast<const UnaryOp*>(e)->operand.get());
            break;
        case ExprKind::Compare: {
            auto* c = static_cast<const Compare*>(e);
            expr(c->left.get());
            for (const auto& v : c->comparators) expr(v.get());
            break;
        }
        case ExprKind::Attribute: {
            auto* a = static_cast<const Attribute*>(e);
            a->rtName = in_.intern(a->attr);
            expr(a->value.get());
            break;
        }
        case ExprKind::Subscript: {
            auto* s = static_cast<const Subscript*>(e);
            expr(s->value.get());
            expr(s->slice.get());
            break;
        }
        case ExprKind::Slice: {
            auto* s = static_cast<const lang::Slice*>(e);
            expr(s->lower.get());
            expr(s->upper.get());
            expr(s->step.get());
            break;
        }
        case ExprKind::Call: {
            auto* c = static_cast<const Call*>(e);
            expr(c->func.get());
            for (const auto& a : c->args) expr(a.get());
            for (const auto& k : c->keywords) keyword(k);
            break;
        }
        case ExprKind::Lambda: {
            auto* l = static_cast<const Lambda*>(e);
            arguments(l->args);
            Scope* sc = push(newScope(CodeInfo::Kind::Lambda, cur_, "<lambda>", e->loc.line));
            params(sc, l->args);
            sc->info->lambdaBody = l->body.get();
            l->scopeInfo = sc->info;
            expr(l->body.get());
            pop();
            break;
        }
        case ExprKind::Starred:
            expr(static_cast<const Starred*>(e)->value.get());
            break;
        case ExprKind::NamedExpr: {
            auto* n = static_cast<const NamedExpr*>(e);
            expr(n->value.get());
            auto* target = static_cast<const Name*>(n->target.get());
            target->rtName = in_.intern(target->id);
            target->cache.key = target->rtName;
            cur_->names.push_back(target);
            if (cur_->kind == CodeInfo::Kind::Comprehension) {
                // PEP 572: binds in the nearest enclosing non-comprehension scope.
                Scope* s = cur_;
                while (s->kind == CodeInfo::Kind::Comprehension) {
                    s->note(target->id, WalrusFree);
                    s = s->parent;
                }
                if (s->kind == CodeInfo::Kind::Class)
                    error(e->loc, "assignment expression within a comprehension cannot be used in a class body");
                s->note(target->id, Bound);
            } else {
                cur_->note(target->id, Bound);
            }
            break;
        }
        case ExprKind::Yield: {
            auto* y = static_cast<const Yield*>(e);
            if (!cur_->functionLike()) error(e->loc, "'yield' outside function");
            expr(y->value.get());
            break;
        }
        case ExprKind::YieldFrom:
            if (!cur_->functionLike()) error(e->loc, "'yield' outside function");
            expr(static_cast<const YieldFrom*>(e)->value.get());
            break;
        }
    }

public:
    std::map<Scope*, std::map<std::string, Loc>> nonlocalLocs_;

private:
    Interpreter& in_;
    std::shared_ptr<const SourceFile> file_;
    Scope* cur_ = nullptr;
};

// Pass 2. `visible`: names bound in enclosing function scopes (candidates for free variables).
void analyze(Builder& b, Scope* s, const std::set<std::string>& visible) {
    for (const auto& n : s->order) {
        unsigned f = s->flags[n];
        NameScope d;
        if (f & DeclGlobal) {
            d = NameScope::Global;
        } else if (f & DeclNonlocal) {
            if (!visible.count(n)) b.error(b.nonlocalLocs_[s][n], "no binding for nonlocal '" + n + "' found");
            d = NameScope::Free;
        } else if (f & WalrusFree) {
            // walrus target inside a comprehension: the enclosing function's variable, or a
            // module global
            Scope* t = s;
            while (t->kind == CodeInfo::Kind::Comprehension) t = t->parent;
            d = t->kind == CodeInfo::Kind::Module ? NameScope::Global : NameScope::Free;
        } else if (s->kind == CodeInfo::Kind::Module) {
            d = NameScope::GlobalImplicit;
        } else if (s->functionLike() && (f & Bound)) {
            d = NameScope::Local;
        } else if (s->kind == CodeInfo::Kind::Class && (f & Bound)) {
            d = NameScope::GlobalImplicit;  // class namespace, then globals (frame has classNs)
        } else if (visible.count(n)) {
            d = NameScope::Free;
        } else {
            d = NameScope::GlobalImplicit;
        }
        s->decided[n] = d;
        if (d == NameScope::Free) s->addFree(n);
    }
    std::set<std::string> childVisible = visible;
    if (s->functionLike()) {
        for (const auto& [n, d] : s->decided)
            if (d == NameScope::Local || d == NameScope::Free) childVisible.insert(n);
            else childVisible.erase(n);
    }
    for (auto& c : s->children) analyze(b, c.get(), childVisible);
    // Free variables of children: a local here becomes a cell; anything else passes through.
    for (auto& c : s->children) {
        for (const auto& n : c->freeOrder) {
            auto it = s->decided.find(n);
            if (s->functionLike() && it != s->decided.end() && it->second == NameScope::Local) {
                s->cells.insert(n);
            } else {
                s->addFree(n);
            }
        }
    }
}

// Pass 3: slots, closures, annotations.
void finish(Interpreter& in, Scope* s, Scope* parent) {
    CodeInfo& ci = *s->info;
    std::unordered_map<std::string, int> slots;
    if (s->functionLike()) {
        for (const auto& p : s->params) {
            slots[p] = static_cast<int>(ci.localNames.size());
            ci.localNames.push_back(p);
            ci.paramNames.push_back(in.intern(p));
        }
        for (const auto& n : s->order) {
            if (s->decided[n] == NameScope::Local && !slots.count(n)) {
                slots[n] = static_cast<int>(ci.localNames.size());
                ci.localNames.push_back(n);
            }
        }
        for (const auto& n : s->cells) ci.cellSlots.push_back(slots.at(n));
        std::sort(ci.cellSlots.begin(), ci.cellSlots.end());
    }
    ci.nlocals = static_cast<int>(ci.localNames.size());
    ci.freeNames = s->freeOrder;
    if (parent) {
        for (const auto& n : s->freeOrder) {
            ClosureSource src;
            if (parent->cells.count(n)) {
                src.fromClosure = false;
                src.index = static_cast<int>(std::find(parent->info->localNames.begin(), parent->info->localNames.end(), n) -
                                             parent->info->localNames.begin());
            } else {
                src.fromClosure = true;
                src.index = static_cast<int>(std::find(parent->freeOrder.begin(), parent->freeOrder.end(), n) -
                                             parent->freeOrder.begin());
            }
            ci.closureSources.push_back(src);
        }
    }
    auto refFor = [&](const std::string& n) {
        NameRef r;
        r.name = in.intern(n);
        NameScope d = s->decided.count(n) ? s->decided[n] : NameScope::GlobalImplicit;
        r.scope = d;
        if (d == NameScope::Local) {
            r.slot = slots.at(n);
            if (s->cells.count(n)) r.scope = NameScope::Cell;
        } else if (d == NameScope::Free) {
            r.slot = static_cast<int>(std::find(s->freeOrder.begin(), s->freeOrder.end(), n) - s->freeOrder.begin());
        }
        return r;
    };
    for (const Name* nm : s->names) {
        NameRef r = refFor(nm->id);
        nm->scope = r.scope;
        nm->slot = r.slot;
    }
    for (const auto& [site, n] : s->sites) ci.bindings[site] = refFor(n);
    for (auto& c : s->children) finish(in, c.get(), s);
}

// Keeps the CodeInfos of the whole tree alive from the module's scopeInfo.
struct ModuleScopes {
    std::unique_ptr<Scope> root;
};

} // namespace

int CodeInfo::slotOf(std::string_view n) const {
    for (size_t i = 0; i < localNames.size(); ++i)
        if (localNames[i] == n) return static_cast<int>(i);
    return -1;
}

const CodeInfo* Resolver::resolve(const lang::Module& module) {
    if (module.scopeInfo) return static_cast<ModuleScopes*>(module.scopeInfo.get())->root->info.get();
    Builder b(interp_, module.source);
    auto root = b.build(module);
    analyze(b, root.get(), {});
    finish(interp_, root.get(), nullptr);
    root->info->body = &module.body;
    auto holder = std::make_shared<ModuleScopes>();
    holder->root = std::move(root);
    const CodeInfo* ci = holder->root->info.get();
    module.scopeInfo = holder;
    return ci;
}

} // namespace gs::runtime
