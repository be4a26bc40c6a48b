// torch.compile, torch._dynamo (config, exc, testing, test_case, mark_*), torch.compiler and
// torch.fx as scenario code sees them. Parts that PyTorch writes in Python are Python here too
// (CompileCounter counts `"call" in node.op` exactly as torch/_dynamo/testing.py does).
#include <algorithm>

#include "core/engine/Engine.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::engine {

using runtime::ArgParser;
using runtime::CallArgs;
using runtime::Value;

namespace {

const char* kFxSource = R"PY(
class Node:
    def __init__(self, op, name, target, args):
        self.op = op
        self.name = name
        self.target = target
        self.args = args

    def __repr__(self):
        return self.name


class Graph:
    def __init__(self, nodes):
        self.nodes = nodes

    def __str__(self):
        lines = ["graph():"]
        for n in self.nodes:
            lines.append("    %" + n.name + " : [num_users=?] = " + n.op + "[target=" + n.target + "](args = (" + ", ".join(n.args) + "))")
        return "\n".join(lines)


class GraphModule:
    def __init__(self, graph, code):
        self.graph = graph
        self.code = code

    def forward(self, *args):
        raise RuntimeError("Guardscope replays captured graphs itself; GraphModule.forward cannot be called")

    def __call__(self, *args):
        return self.forward(*args)

    def print_readable(self, print_output=True):
        if print_output:
            print(self.code)
        return self.code
)PY";

const char* kTestingSource = R"PY(
import torch


class CompileCounter:
    def __init__(self):
        self.frame_count = 0
        self.op_count = 0

    def __call__(self, gm, example_inputs):
        self.frame_count += 1
        for node in gm.graph.nodes:
            if "call" in node.op:
                self.op_count += 1
        return gm.forward

    def clear(self):
        self.frame_count = 0
        self.op_count = 0


class CompileCounterWithBackend:
    def __init__(self, backend):
        self.frame_count = 0
        self.op_count = 0
        self.backend = backend
        self.graphs = []

    def __call__(self, gm, example_inputs):
        self.frame_count += 1
        for node in gm.graph.nodes:
            if "call" in node.op:
                self.op_count += 1
        self.graphs.append(gm)
        return gm.forward

    def clear(self):
        self.frame_count = 0
        self.op_count = 0
        self.graphs = []


class EagerAndRecordGraphs:
    def __init__(self):
        self.graphs = []

    def __call__(self, gm, example_inputs):
        self.graphs.append(gm)
        return gm.forward


def same(ref, res, tol=1e-4):
    if isinstance(ref, (list, tuple)):
        return len(ref) == len(res) and all(same(a, b, tol) for a, b in zip(ref, res))
    if isinstance(ref, torch.Tensor):
        return isinstance(res, torch.Tensor) and ref.shape == res.shape and torch.allclose(ref, res, atol=tol, rtol=tol)
    return ref == res
)PY";

const char* kTestCaseSource = R"PY(
import unittest
import torch
import torch._dynamo


class TestCase(unittest.TestCase):
    def setUp(self):
        torch._dynamo.reset()

    def tearDown(self):
        torch._dynamo.reset()


def run_tests(needs=()):
    unittest.main()
)PY";

// torch._dynamo.config and torch.fx.experimental._config: attribute access on the engine's table.
class ConfigObject : public runtime::Object {
public:
    ConfigObject(runtime::Type* t, DynamoConfig& cfg, std::string prefix, std::vector<std::string> only)
        : runtime::Object(t), cfg(cfg), prefix(std::move(prefix)), only(std::move(only)) {}
    DynamoConfig& cfg;
    std::string prefix;
    std::vector<std::string> only;  // empty: every knob

    std::optional<size_t> find(std::string_view name) const {
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) return std::nullopt;
        return cfg.find(std::string(name));
    }
    Value getAttr(runtime::Str* name) override {
        auto i = find(name->view());
        if (!i) return {};
        const ConfigValue& v = cfg.entry(*i).value;
        if (auto* b = std::get_if<bool>(&v)) return Value::boolean(*b);
        if (auto* n = std::get_if<int64_t>(&v)) return Value::integer(*n);
        if (auto* d = std::get_if<double>(&v)) return Value::real(*d);
        return runtime::Interpreter::current().newStr(std::get<std::string>(v));
    }
    bool setAttr(runtime::Str* name, const Value& v) override {
        auto& I = runtime::Interpreter::current();
        auto i = find(name->view());
        if (!i) I.raise("AttributeError", prefix + "." + std::string(name->view()) + " does not exist");
        ConfigValue cv;
        if (v.isBool()) cv = v.asBool();
        else if (v.isInt()) cv = v.asInt();
        else if (v.isFloat()) cv = v.asFloat();
        else if (auto* s = dynamic_cast<runtime::Str*>(v.obj())) cv = s->s();
        else I.raise("TypeError", prefix + "." + std::string(name->view()) + " expects a bool, int, float or str");
        if (auto err = cfg.set(*i, cv)) I.raise("TypeError", *err);
        return true;
    }
    std::string repr() override { return "<module '" + prefix + "'>"; }
};

// What config.patch(...) returns: a context manager and a decorator.
class ConfigPatch : public runtime::Object {
public:
    ConfigPatch(runtime::Type* t, Value config, std::vector<std::pair<std::string, Value>> changes)
        : runtime::Object(t), config(std::move(config)), changes(std::move(changes)) {}
    Value config;
    std::vector<std::pair<std::string, Value>> changes;
    std::vector<std::vector<std::pair<std::string, Value>>> saved;

    void enter() {
        auto& I = runtime::Interpreter::current();
        std::vector<std::pair<std::string, Value>> old;
        for (const auto& [k, v] : changes) {
            old.emplace_back(k, I.getAttr(config, k));
            I.setAttr(config, k, v);
        }
        saved.push_back(std::move(old));
    }
    void exit() {
        auto& I = runtime::Interpreter::current();
        if (saved.empty()) return;
        auto old = std::move(saved.back());
        saved.pop_back();
        for (auto it = old.rbegin(); it != old.rend(); ++it) I.setAttr(config, it->first, it->second);
    }
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override {
        auto& I = runtime::Interpreter::current();
        args.expect("patch", 1, 1);
        Value fn = args[0];
        Value self(this);
        Value wrapper = I.newFunction("patched", [self, fn](const CallArgs& a) {
            auto* p = static_cast<ConfigPatch*>(self.obj());
            p->enter();
            try {
                Value r = runtime::Interpreter::current().call(fn, a);
                p->exit();
                return r;
            } catch (...) {
                p->exit();
                throw;
            }
        });
        // Binds like a def when it decorates a method (self is passed on).
        if (auto* nf = dynamic_cast<runtime::NativeFunction*>(wrapper.obj())) nf->binds = true;
        return wrapper;
    }
    void clearRefs() override {
        config = Value();
        changes.clear();
        saved.clear();
    }
};

std::vector<int64_t> indexList(const Value& v, int64_t ndim) {
    auto& I = runtime::Interpreter::current();
    std::vector<int64_t> out;
    auto add = [&](const Value& x) {
        int64_t d = 0;
        if (x.isIntLike()) d = x.asInt();
        else if (!(x.obj() && x.obj()->toIndex(d))) I.raise("TypeError", "dimension must be an int");
        if (d < 0) d += ndim;
        if (d < 0 || d >= ndim) I.raise("IndexError", "Dimension out of range");
        if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
    };
    if (auto* l = dynamic_cast<runtime::List*>(v.obj())) for (const auto& x : l->items) add(x);
    else if (auto* t = dynamic_cast<runtime::Tuple*>(v.obj())) for (const auto& x : t->items) add(x);
    else add(v);
    return out;
}

void markDims(std::vector<int64_t>& into, const std::vector<int64_t>& dims) {
    for (int64_t d : dims)
        if (std::find(into.begin(), into.end(), d) == into.end()) into.push_back(d);
    std::sort(into.begin(), into.end());
}

} // namespace

void Engine::install() {
    auto& I = interp;
    scalarProxyType = I.newNativeType("int", "builtins");
    compiledFunctionType = I.newNativeType("OptimizedModule", "torch._dynamo.eval_frame");

    I.addSourceModule("torch.fx", kFxSource, "<torch/fx/graph_module.py>");
    I.addSourceModule("torch._dynamo.testing", kTestingSource, "<torch/_dynamo/testing.py>");
    I.addSourceModule("torch._dynamo.test_case", kTestCaseSource, "<torch/_dynamo/test_case.py>");

    runtime::Module* dynamo = I.nativeModule("torch._dynamo");
    runtime::Module* exc = I.nativeModule("torch._dynamo.exc");
    runtime::Type* dynamoExc = I.newExceptionClass("TorchDynamoException", exc, I.types.RuntimeError);
    I.newExceptionClass("Unsupported", exc, dynamoExc);
    I.newExceptionClass("RecompileError", exc, dynamoExc);
    I.newExceptionClass("BackendCompilerFailed", exc, dynamoExc);
    I.newExceptionClass("TorchRuntimeError", exc, dynamoExc);
    I.newExceptionClass("FailOnRecompileLimitHit", exc, I.types.Exception);

    runtime::Type* configType = I.newNativeType("ConfigModule", "torch.utils._config_module");
    runtime::Type* patchType = I.newNativeType("ConfigPatch", "torch.utils._config_module");
    Value config(new ConfigObject(configType, this->config, "torch._dynamo.config", {}));
    I.setAttr(Value(dynamo), "config", config);
    runtime::Module* fxConfigModule = I.nativeModule("torch.fx.experimental");
    Value fxConfig(new ConfigObject(configType, this->config, "torch.fx.experimental._config", {"use_duck_shape"}));
    I.setAttr(Value(fxConfigModule), "_config", fxConfig);
    I.addMethod(configType, "patch", [patchType](const CallArgs& a) {
        auto& I = runtime::Interpreter::current();
        std::vector<std::pair<std::string, Value>> changes;
        if (a.size() == 3) {
            auto* s = dynamic_cast<runtime::Str*>(a[1].obj());
            if (!s) I.raise("TypeError", "config.patch(name, value): name must be a str");
            changes.emplace_back(s->s(), a[2]);
        } else if (a.size() == 2) {
            auto* d = dynamic_cast<runtime::Dict*>(a[1].obj());
            if (!d) I.raise("TypeError", "config.patch() takes a dict, a name and a value, or keyword arguments");
            for (const auto& k : d->keys()) changes.emplace_back(static_cast<runtime::Str*>(k.obj())->s(), d->get(k));
        }
        for (const auto& kw : a.kw) changes.emplace_back(std::string(kw.name->view()), kw.value);
        for (const auto& [k, v] : changes)
            if (I.getAttrOr(a[0], k, Value()).isNull()) I.raise("AttributeError", "torch._dynamo.config." + k + " does not exist");
        return Value(new ConfigPatch(patchType, a[0], std::move(changes)));
    });
    I.addMethod(patchType, "__enter__", [](const CallArgs& a) {
        static_cast<ConfigPatch*>(a[0].obj())->enter();
        return a[0];
    });
    I.addMethod(patchType, "__exit__", [](const CallArgs& a) {
        static_cast<ConfigPatch*>(a[0].obj())->exit();
        return Value::boolean(false);
    });

    Engine* self = this;
    auto compileFn = [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "compile", {"model", "fullgraph", "dynamic", "backend", "mode", "options", "disable"}, 0, 1);
        bool fullgraph = p.getBool(1, false);
        std::optional<bool> dynamic;
        if (p.has(2) && !p[2].isNone()) dynamic = p.getBool(2, false);
        Value backend = p.get(3, I.newStr("inductor"));
        if (!p.has(0) || p[0].isNone()) {
            // @torch.compile(...) with arguments: return the decorator.
            return I.newFunction("compile", [self, fullgraph, dynamic, backend](const CallArgs& b) {
                b.expect("compile", 1, 1);
                return self->compile(b[0], backend, fullgraph, dynamic, Value());
            });
        }
        return self->compile(p[0], backend, fullgraph, dynamic, Value());
    };
    runtime::Module* torch = I.nativeModule("torch");
    I.defineFunction(torch, "compile", compileFn);

    I.defineFunction(dynamo, "optimize", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "optimize", {"backend", "nopython", "guard_fail_fn", "disable", "dynamic"}, 0, 1);
        Value backend = p.get(0, I.newStr("inductor"));
        bool nopython = p.getBool(1, false);
        Value guardFail = p.get(2, Value::none());
        std::optional<bool> dynamic;
        if (p.has(4) && !p[4].isNone()) dynamic = p.getBool(4, false);
        return I.newFunction("optimize", [self, backend, nopython, guardFail, dynamic](const CallArgs& b) {
            b.expect("optimize", 1, 1);
            return self->compile(b[0], backend, nopython, dynamic, guardFail);
        });
    });
    auto resetFn = [self](const CallArgs&) {
        self->reset();
        return Value::none();
    };
    I.defineFunction(dynamo, "reset", resetFn);
    auto isCompiling = [self](const CallArgs&) { return Value::boolean(self->isCompiling()); };
    I.defineFunction(dynamo, "is_compiling", isCompiling);

    auto mark = [](std::vector<int64_t> torch::TensorObject::*field, const char* name) {
        return [field, name](const CallArgs& a) -> Value {
            auto& I = runtime::Interpreter::current();
            ArgParser p(a, name, {"t", "index", "min", "max"}, 1);
            torch::TensorObject* t = torch::asTensorObject(p[0]);
            if (!t) I.raise("TypeError", std::string(name) + "() expects a tensor");
            std::vector<int64_t> dims;
            if (!p.has(1) || p[1].isNone())
                for (int64_t d = 0; d < t->tensor.dim(); ++d) dims.push_back(d);
            else dims = indexList(p[1], t->tensor.dim());
            markDims(t->*field, dims);
            return Value::none();
        };
    };
    I.defineFunction(dynamo, "mark_dynamic", mark(&torch::TensorObject::dynamicIndices, "mark_dynamic"));
    I.defineFunction(dynamo, "maybe_mark_dynamic", mark(&torch::TensorObject::weakDynamicIndices, "maybe_mark_dynamic"));
    I.defineFunction(dynamo, "mark_static", mark(&torch::TensorObject::staticIndices, "mark_static"));
    I.defineFunction(dynamo, "mark_unbacked", mark(&torch::TensorObject::unbackedIndices, "mark_unbacked"));

    runtime::Module* compiler = I.nativeModule("torch.compiler");
    I.defineFunction(compiler, "reset", resetFn);
    I.defineFunction(compiler, "is_compiling", isCompiling);
    I.defineFunction(compiler, "is_dynamo_compiling", isCompiling);
}

} // namespace gs::engine
