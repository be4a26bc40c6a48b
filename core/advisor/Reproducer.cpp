#include "core/advisor/Reproducer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "core/advisor/RecompilePicture.h"

namespace gs::advisor {
namespace {

using session::ArgDesc;
using session::ReasonCategory;

// How a parameter of the reproduced function is used, so that it gets the guard kind the
// recorded run had (dynamo-semantics §2.3).
enum class Role { Callable, Tuple, Tensor, Int, Float, Bool, None };

struct Param {
    std::string name;
    Role role = Role::Tensor;
};

// L['name'] -> name, with what follows it ("" for the local itself, "[0]" for an item, ".x" ...).
bool splitLocal(const std::string& source, std::string& name, std::string& rest) {
    if (source.rfind("L['", 0) != 0) return false;
    size_t close = source.find("']", 3);
    if (close == std::string::npos) return false;
    name = source.substr(3, close - 3);
    rest = source.substr(close + 2);
    if (name.empty()) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return !std::isdigit(static_cast<unsigned char>(name[0]));
}

int itemIndex(const std::string& rest) {
    if (rest.size() < 3 || rest.front() != '[' || rest.back() != ']') return -1;
    std::string d = rest.substr(1, rest.size() - 2);
    if (d.empty() || d.size() > 6 || !std::all_of(d.begin(), d.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return -1;
    return std::stoi(d);
}

bool isKeyword(const std::string& s) {
    static const std::set<std::string> kw{"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                                          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                                          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                                          "return", "try", "while", "with", "yield", "torch", "cnt", "acc"};
    return kw.count(s) > 0;
}

bool isIdentifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return !isKeyword(s);
}

std::string pyBool(const std::string& v) {
    std::string l = v;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return l == "true" || l == "1" ? "True" : "False";
}

bool isFloatDtype(const std::string& d) { return d == "float16" || d == "float32" || d == "float64" || d == "bfloat16"; }

std::string tensorExpr(const ArgDesc& a, bool withDevice) {
    std::string dtype = a.dtype.empty() ? "float32" : a.dtype;
    bool isFloat = isFloatDtype(dtype);
    std::vector<std::string> kw;
    if (dtype != "float32") kw.push_back("dtype=torch." + dtype);
    if (withDevice && !a.device.empty()) kw.push_back("device=\"" + a.device + "\"");
    bool param = a.type == "Parameter";
    if (a.requiresGrad && isFloat && !param) kw.push_back("requires_grad=True");
    std::string kws;
    for (const auto& k : kw) kws += ", " + k;
    std::string expr;
    if (a.shape.empty()) {
        expr = std::string("torch.tensor(") + (isFloat ? "0.5" : dtype == "bool" ? "True" : "1") + kws + ")";
    } else {
        // A transposed 2-D tensor (stride (1, rows)) keeps its layout: stride guards see it.
        bool transposed = a.shape.size() == 2 && a.stride.size() == 2 && a.stride[0] == 1 && a.shape[0] > 1 && a.shape[1] > 1 &&
                          a.stride[1] == a.shape[0];
        std::vector<int64_t> dims = a.shape;
        if (transposed) std::swap(dims[0], dims[1]);
        std::string d;
        for (size_t i = 0; i < dims.size(); ++i) d += (i ? ", " : "") + std::to_string(dims[i]);
        expr = std::string(isFloat ? "torch.randn(" : dtype == "bool" ? "torch.zeros(" : "torch.ones(") + d + kws + ")";
        if (transposed) expr += ".t()";
    }
    if (param) expr = "torch.nn.Parameter(" + expr + (a.requiresGrad ? "" : ", requires_grad=False") + ")";
    return expr;
}

// `L['n'] == 3` / `L['flag'] == True` guards of an entry: the values the log specialized on.
std::map<std::string, std::string> specializedValues(const session::CompileEntry* e) {
    std::map<std::string, std::string> out;
    if (!e) return out;
    for (const auto& g : e->guards) {
        if (g.kind != "EQUALS_MATCH" && g.kind != "BOOL_MATCH") continue;
        size_t eq = g.code.find(" == ");
        std::string name, rest;
        if (eq == std::string::npos || !splitLocal(g.code.substr(0, eq), name, rest) || !rest.empty()) continue;
        std::string v = g.code.substr(eq + 4);
        size_t hash = v.find("  #");
        if (hash != std::string::npos) v = v.substr(0, hash);
        while (!v.empty() && v.back() == ' ') v.pop_back();
        out[name] = v;
    }
    return out;
}

std::string shortReason(const std::string& text) {
    std::string t = text.substr(0, text.find('\n'));
    size_t hash = t.find("  #");
    if (hash != std::string::npos) t = t.substr(0, hash);
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t.size() > 90 ? t.substr(0, 87) + "..." : t;
}

struct Config {
    const char* key;
    const char* defaultValue;  // as the log writes it
};

// The options that change when and how Dynamo recompiles (dynamo-semantics §1.4, §3.1).
constexpr Config kConfigs[] = {{"automatic_dynamic_shapes", "true"},  {"assume_static_by_default", "true"},
                               {"recompile_limit", "8"},              {"accumulated_recompile_limit", "256"},
                               {"specialize_int", "false"},           {"force_parameter_static_shapes", "true"},
                               {"allow_unspec_int_on_nn_module", "false"}, {"fail_on_recompile_limit_hit", "false"}};

} // namespace

std::vector<ReasonCategory> Reproducer::chain(const session::Session& s) {
    std::vector<ReasonCategory> out;
    for (const auto& r : s.recompiles) out.push_back(RecompilePicture::categoryOf(r));
    return out;
}

std::string Reproducer::compareChains(const session::Session& recorded, const session::Session& replayed) {
    session::Summary a = recorded.summary(), b = replayed.summary();
    if (a.compiles != b.compiles)
        return std::to_string(b.compiles) + " compiles instead of the log's " + std::to_string(a.compiles);
    auto ca = chain(recorded), cb = chain(replayed);
    if (ca.size() != cb.size()) return std::to_string(cb.size()) + " recompiles instead of " + std::to_string(ca.size());
    for (size_t i = 0; i < ca.size(); ++i)
        if (ca[i] != cb[i])
            return "recompile " + std::to_string(i + 1) + " is " + std::string(session::toString(cb[i])) + " instead of " +
                   std::string(session::toString(ca[i]));
    return {};
}

Reproduction Reproducer::reproduce(const session::Session& s) {
    Reproduction out;
    std::ostringstream py;
    py << "# Reproduces the recompiles of a recorded run: " << (s.info.title.empty() ? s.info.sourcePath : s.info.title) << "\n";
    py << "# Written by `guardscope-cli reproduce`: one function per compiled frame, taking its guarded\n"
          "# inputs; one call per compile of the log, with the sizes, values, types and objects that\n"
          "# drove each recompile. Tensor values are random: only what the guards check is kept.\n";
    py << "import torch\nimport torch._dynamo.testing\n";
    for (const auto& c : kConfigs) {
        auto it = s.info.metadata.find(std::string("dynamo_config.") + c.key);
        if (it == s.info.metadata.end() || it->second == c.defaultValue) continue;
        std::string v = it->second == "true" || it->second == "false" ? pyBool(it->second) : it->second;
        bool numeric = !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
        if (v != "True" && v != "False" && !numeric) continue;
        py << "torch._dynamo.config." << c.key << " = " << v << "\n";
    }

    std::vector<FramePicture> pictures = RecompilePicture::of(s);
    std::map<int, size_t> pictureOf;
    for (size_t i = 0; i < pictures.size(); ++i)
        for (int id : pictures[i].frameIds) pictureOf[id] = i;

    struct Model {
        std::string fn;
        std::vector<Param> params;
        std::map<std::string, int> tupleSize;  // tuple param -> items
        std::map<std::string, bool> tupleOfTensors;
        std::map<std::string, bool> deviceVaries;
        int callables = 0;
    };
    std::vector<Model> models(pictures.size());
    std::set<std::string> usedNames;
    std::set<std::string> notModelled;
    for (size_t i = 0; i < pictures.size(); ++i) {
        Model& m = models[i];
        std::string base = isIdentifier(pictures[i].frame.name) ? pictures[i].frame.name : "frame" + std::to_string(i);
        m.fn = base;
        for (int k = 2; usedNames.count(m.fn); ++k) m.fn = base + "_" + std::to_string(k);
        usedNames.insert(m.fn);
        // Inputs from the calls' argument descriptions.
        std::map<std::string, Role> roles;
        std::vector<std::string> order;
        std::map<std::string, std::set<std::string>> devices;
        auto note = [&](const std::string& name, Role r) {
            if (!roles.count(name)) order.push_back(name);
            roles[name] = r;
        };
        for (const auto& in : pictures[i].inputs) {
            std::string name, rest;
            if (!splitLocal(in.source, name, rest) || !isIdentifier(name)) continue;
            if (rest.empty()) {
                const std::string kind = in.kinds.empty() ? "" : *in.kinds.begin();
                Role r = kind == "tensor" ? Role::Tensor : kind == "int" ? Role::Int : kind == "float" ? Role::Float
                         : kind == "bool" ? Role::Bool : kind == "none" ? Role::None : Role::Tensor;
                if (kind != "tensor" && kind != "int" && kind != "float" && kind != "bool" && kind != "none") continue;
                if (!roles.count(name) || roles[name] != Role::Callable) note(name, r);
            } else if (int idx = itemIndex(rest); idx >= 0) {
                if (!roles.count(name)) note(name, Role::Tuple);
                m.tupleSize[name] = std::max(m.tupleSize[name], idx + 1);
                if (!m.tupleOfTensors.count(name)) m.tupleOfTensors[name] = true;
                if (in.kinds != std::set<std::string>{"tensor"}) m.tupleOfTensors[name] = false;
            }
        }
        for (const auto& c : s.calls)
            if (pictureOf.count(c.frameId) && pictureOf[c.frameId] == i)
                for (const auto& a : c.args) devices[a.source].insert(a.device);
        for (const auto& [src, ds] : devices) m.deviceVaries[src] = ds.size() > 1;
        // Identity-guarded callables and specialized ints/bools from the guards and reasons.
        for (const auto& e : s.compiles) {
            if (!pictureOf.count(e.frameId) || pictureOf[e.frameId] != i) continue;
            for (const auto& g : e.guards) {
                std::string name, rest;
                if (!splitLocal(g.source, name, rest) || !isIdentifier(name)) continue;
                if (g.kind == "ID_MATCH" && (rest.empty() || rest == ".__code__") && (!roles.count(name) || roles[name] == Role::Tensor))
                    note(name, Role::Callable);
                else if (rest.empty() && !roles.count(name) && (g.kind == "EQUALS_MATCH" || g.kind == "BOOL_MATCH"))
                    note(name, g.kind == "BOOL_MATCH" ? Role::Bool : Role::Int);
            }
        }
        for (const auto& r : s.recompiles) {
            if (!pictureOf.count(r.frameId) || pictureOf[r.frameId] != i) continue;
            for (const auto& reason : r.reasons) {
                ReasonCategory c = reason.category;
                if (c == ReasonCategory::TrainEval || c == ReasonCategory::GlobalState || c == ReasonCategory::DeviceChange ||
                    c == ReasonCategory::Other || c == ReasonCategory::ConstantChange || c == ReasonCategory::DynamicIndices)
                    notModelled.insert(std::string(session::toString(c)) + " (" + shortReason(reason.text) + ")");
            }
        }
        static const Role rank[] = {Role::Callable, Role::Tuple, Role::Tensor, Role::Int, Role::Float, Role::Bool, Role::None};
        for (Role r : rank)
            for (const auto& name : order)
                if (roles[name] == r) m.params.push_back({name, r});
    }
    for (const auto& n : notModelled) out.notes.push_back("not modelled: " + n);

    // Callables: a new object at each recompile whose reasons name it (ID_MATCH failed).
    std::ostringstream calls;
    std::map<std::string, std::string> currentCallable;  // fn.param -> current object name
    std::map<std::string, std::vector<std::string>> tupleLast;
    std::map<std::string, std::string> lastValue;
    std::set<std::string> callableDefs;
    for (const auto& c : s.calls) {
        if (!pictureOf.count(c.frameId)) continue;
        size_t pi = pictureOf[c.frameId];
        Model& m = models[pi];
        // Ids restart after torch._dynamo.reset(): the entry of this call's epoch.
        const session::CompileEntry* entry = c.entryId.empty() ? nullptr : s.compile(c.entryId, s.epochOfCall(c.index));
        const session::Recompile* rec = nullptr;
        for (const auto& r : s.recompiles)
            if (r.frameId == c.frameId && r.compileId == c.entryId && (r.callIndex == c.index || r.callIndex < 0)) rec = &r;
        auto values = specializedValues(entry);
        std::map<std::string, const ArgDesc*> bySource;
        for (const auto& a : c.args) bySource[a.source] = &a;
        std::vector<std::string> pre, args;
        std::map<size_t, std::string> aliasVar;
        for (size_t k = 0; k < c.args.size(); ++k)
            if (c.args[k].aliasOf >= 0) aliasVar[static_cast<size_t>(c.args[k].aliasOf)] = "t" + std::to_string(c.args[k].aliasOf);
        auto tensorFor = [&](const std::string& source) -> std::string {
            auto it = bySource.find(source);
            if (it == bySource.end()) {
                auto last = lastValue.find(m.fn + "|" + source);
                return last == lastValue.end() ? "torch.randn(2)" : last->second;
            }
            const ArgDesc& a = *it->second;
            size_t idx = static_cast<size_t>(it->second - c.args.data());
            std::string expr;
            if (a.aliasOf >= 0) expr = "t" + std::to_string(a.aliasOf);
            else if (aliasVar.count(idx)) {
                pre.push_back(aliasVar[idx] + " = " + tensorExpr(a, m.deviceVaries[source]));
                expr = aliasVar[idx];
            } else expr = tensorExpr(a, m.deviceVaries[source]);
            lastValue[m.fn + "|" + source] = tensorExpr(a, m.deviceVaries[source]);
            return expr;
        };
        for (const auto& p : m.params) {
            const std::string src = "L['" + p.name + "']";
            switch (p.role) {
            case Role::Callable: {
                std::string key = m.fn + "." + p.name;
                bool renew = !currentCallable.count(key);
                if (rec)
                    for (const auto& reason : rec->reasons)
                        if (reason.category == ReasonCategory::ObjectIdentity &&
                            (reason.source == p.name || reason.source.rfind(p.name + ".", 0) == 0))
                            renew = true;
                if (renew) {
                    std::string obj = p.name + "_" + std::to_string(m.callables++);
                    currentCallable[key] = pi == 0 ? obj : m.fn + "_" + obj;
                    callableDefs.insert(currentCallable[key]);
                }
                args.push_back(currentCallable[key]);
                break;
            }
            case Role::Tuple: {
                std::vector<std::string> items;
                int n = 0;
                for (int k = 0; k < m.tupleSize[p.name]; ++k)
                    if (bySource.count(src + "[" + std::to_string(k) + "]")) n = k + 1;
                if (n == 0 && tupleLast.count(m.fn + "|" + p.name)) items = tupleLast[m.fn + "|" + p.name];
                for (int k = 0; k < n; ++k) {
                    std::string item = src + "[" + std::to_string(k) + "]";
                    const ArgDesc* a = bySource.count(item) ? bySource[item] : nullptr;
                    if (a && a->kind != "tensor") items.push_back(a->kind == "bool" ? pyBool(a->value) : a->value.empty() ? "0" : a->value);
                    else items.push_back(tensorFor(item));
                }
                tupleLast[m.fn + "|" + p.name] = items;
                std::string t = "(";
                for (size_t k = 0; k < items.size(); ++k) t += (k ? ", " : "") + items[k];
                args.push_back(t + (items.size() == 1 ? ",)" : ")"));
                break;
            }
            case Role::Tensor: args.push_back(tensorFor(src)); break;
            case Role::Int:
            case Role::Float:
            case Role::Bool:
            case Role::None: {
                std::string v;
                if (bySource.count(src) && !bySource[src]->value.empty()) v = bySource[src]->value;
                else if (values.count(p.name)) v = values[p.name];
                else if (lastValue.count(m.fn + "|" + src)) v = lastValue[m.fn + "|" + src];
                else v = p.role == Role::Bool ? "True" : p.role == Role::Float ? "1.0" : p.role == Role::None ? "None" : "1";
                if (p.role == Role::Bool) v = pyBool(v);
                lastValue[m.fn + "|" + src] = v;
                args.push_back(v);
                break;
            }
            }
        }
        for (const auto& l : pre) calls << l << "\n";
        calls << "opt_" << m.fn << "(";
        for (size_t k = 0; k < args.size(); ++k) calls << (k ? ", " : "") << args[k];
        calls << ")";
        if (!c.entryId.empty()) {
            calls << "  # " << c.entryId;
            if (rec && !rec->reasons.empty())
                calls << ": " << session::toString(RecompilePicture::categoryOf(*rec)) << " — " << rec->reasons.front().failedEntryId << ": "
                      << shortReason(rec->reasons.front().text);
        }
        calls << "\n";
    }

    py << "\n";
    for (const auto& d : callableDefs) py << "\ndef " << d << "(value):  # one object per identity the log saw\n    return value\n\n";
    for (const auto& m : models) {
        py << "\ndef " << m.fn << "(";
        for (size_t k = 0; k < m.params.size(); ++k) py << (k ? ", " : "") << m.params[k].name;
        py << "):\n    acc = 0\n";
        for (const auto& p : m.params) {
            switch (p.role) {
            case Role::Callable: py << "    acc = " << p.name << "(acc)\n"; break;
            case Role::Tuple:
                if (m.tupleOfTensors.at(p.name)) py << "    for item in " << p.name << ":\n        acc = acc + item.sum()\n";
                else
                    for (int k = 0; k < m.tupleSize.at(p.name); ++k) py << "    acc = acc + " << p.name << "[" << k << "]\n";
                break;
            case Role::Tensor: py << "    acc = acc + " << p.name << ".sum()\n"; break;
            case Role::Int:
            case Role::Float: py << "    acc = acc + " << p.name << "\n"; break;
            case Role::Bool: py << "    if " << p.name << ":\n        acc = acc + 1\n"; break;
            case Role::None: py << "    if " << p.name << " is None:\n        acc = acc + 1\n"; break;
            }
        }
        py << "    return acc\n\n";
    }
    py << "\ncnt = torch._dynamo.testing.CompileCounter()\n";
    for (const auto& m : models) py << "opt_" << m.fn << " = torch.compile(" << m.fn << ", backend=cnt)\n";
    py << calls.str();
    session::Summary sum = s.summary();
    py << "print(\"graphs compiled:\", cnt.frame_count)  # the log: " << sum.compiles << " compiles, " << sum.recompiles << " recompiles\n";
    out.scenario = py.str();
    return out;
}

} // namespace gs::advisor
