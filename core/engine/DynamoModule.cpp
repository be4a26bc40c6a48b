// torch.compile, torch._dynamo (optimize, reset, config, exc, testing, mark_*, disable,
// graph_break), torch.compiler (set_stance, ...) and torch.fx as scenario code sees them. Parts
// that PyTorch writes in Python are Python here too (CompileCounter counts `"call" in node.op`
// exactly as torch/_dynamo/testing.py does; DynamoPreludes.cpp and TestingPreludes.cpp hold the
// rest).
#include <algorithm>

#include "core/engine/ConfigObject.h"
#include "core/engine/Engine.h"
#include "core/engine/Tracer.h"
#include "core/engine/TrackedScalar.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Function.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
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


# PyTorch's accuracy check (torch/_dynamo/utils.py same): containers element-wise, dicts by
# key; a Tensor or float reference is compared as tensors (a plain number result becomes a
# 0-d tensor, shapes broadcast as in allclose), dtypes must match unless exact_dtype=False;
# other values (int, str, None, bool, device) compare with ==.
def same(ref, res, fp64_ref=None, cos_similarity=False, tol=1e-4, equal_nan=False,
         exact_dtype=True, relax_numpy_equality=False, ignore_non_fp=False, **kwargs):
    def again(a, b):
        return same(a, b, None, cos_similarity, tol, equal_nan, exact_dtype,
                    relax_numpy_equality, ignore_non_fp)
    if isinstance(ref, (list, tuple, torch.Size)):
        if not isinstance(res, (list, tuple)):
            return False
        return len(ref) == len(res) and all(again(a, b) for a, b in zip(ref, res))
    if isinstance(ref, dict):
        if not isinstance(res, dict) or set(ref.keys()) != set(res.keys()):
            return False
        return all(again(ref[k], res[k]) for k in ref.keys())
    if isinstance(ref, set):
        return isinstance(res, set) and set(ref) == set(res)
    if isinstance(ref, (torch.Tensor, float)):
        if not isinstance(ref, torch.Tensor):
            ref = torch.tensor(ref)
        if not isinstance(res, torch.Tensor):
            if not isinstance(res, (int, float, bool)):
                return False
            res = torch.tensor(res)
        if exact_dtype and ref.dtype != res.dtype:
            return False
        if ref.dtype == torch.bool:
            if ignore_non_fp:
                return True
            return bool(torch.equal(ref, res)) if ref.shape == res.shape else bool((ref == res).all())
        if not exact_dtype:
            ref = ref.to(res.dtype)
        return torch.allclose(ref, res, atol=tol, rtol=tol, equal_nan=equal_nan)
    if ignore_non_fp:
        return True
    return ref == res
)PY";


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

std::optional<bool> optionalBool(const ArgParser& p, size_t i) {
    if (!p.has(i) || p[i].isNone()) return std::nullopt;
    return p.getBool(i, false);
}

// The function a wrapper of a wrapper compiles (eval_frame.innermost_fn).
Value innermost(const Value& v) {
    Value cur = v;
    while (auto* cf = dynamic_cast<CompiledFunction*>(cur.obj())) {
        if (cf->isModule) break;
        cur = cf->target;
    }
    return cur;
}

} // namespace

void Engine::install() {
    auto& I = interp;
    config.applyRelease(options.release);
    scalarProxyType = I.newNativeType("int", "builtins");
    compiledFunctionType = I.newNativeType("OptimizedModule", "torch._dynamo.eval_frame");

    I.addSourceModule("torch.fx", kFxSource, "<torch/fx/graph_module.py>");
    I.addSourceModule("torch._dynamo.testing", kTestingSource, "<torch/_dynamo/testing.py>");

    runtime::Module* dynamo = I.nativeModule("torch._dynamo");
    runtime::Module* exc = I.nativeModule("torch._dynamo.exc");
    runtime::Type* dynamoExc = I.newExceptionClass("TorchDynamoException", exc, I.types.RuntimeError);
    runtime::Type* unsupported = I.newExceptionClass("Unsupported", exc, dynamoExc);
    I.newExceptionClass("RecompileError", exc, dynamoExc);
    I.newExceptionClass("BackendCompilerFailed", exc, dynamoExc);
    I.newExceptionClass("TorchRuntimeError", exc, dynamoExc);
    I.newExceptionClass("InternalTorchDynamoError", exc, dynamoExc);
    I.newExceptionClass("RecompileLimitExceeded", exc, unsupported);
    I.newExceptionClass("SkipFrame", exc, dynamoExc);
    I.newExceptionClass("FailOnRecompileLimitHit", exc, I.types.Exception);
    runtime::Type* userError = I.newExceptionClass("UserError", exc, unsupported);
    I.newExceptionClass("UncapturedHigherOrderOpError", exc, unsupported);
    // torch.fx.experimental.symbolic_shapes.ConstraintViolationError (dynamo-semantics §3.5)
    runtime::Module* symbolic = I.nativeModule("torch.fx.experimental.symbolic_shapes");
    I.newExceptionClass("ConstraintViolationError", symbolic, I.types.RuntimeError);
    I.newExceptionClass("GuardOnDataDependentSymNode", symbolic, I.types.RuntimeError);
    (void)userError;

    runtime::Type* configType = ConfigObject::install(I, config);
    Value configValue(new ConfigObject(configType, config, "torch._dynamo.config", {}));
    I.setAttr(Value(dynamo), "config", configValue);
    runtime::Module* fxConfigModule = I.nativeModule("torch.fx.experimental");
    Value fxConfig(new ConfigObject(configType, config, "torch.fx.experimental._config",
                                       {std::begin(DynamoConfig::kFxExperimentalKnobs), std::end(DynamoConfig::kFxExperimentalKnobs)}));
    I.setAttr(Value(fxConfigModule), "_config", fxConfig);
    // `import torch._dynamo.config` and `from torch._dynamo import config as dc` find the object.
    I.setAttr(Value(dynamo), "_gs_config_object", configValue);
    I.addSourceModule("torch._dynamo.config", "import torch._dynamo as _d\n_d.config = _d._gs_config_object\n",
                      "<torch/_dynamo/config.py>");

    installLogging();
    installDynamoPreludes();
    installTestingPreludes();
    installDynamoFunctions();
}

void Engine::installDynamoFunctions() {
    auto& I = interp;
    Engine* self = this;
    runtime::Module* dynamo = I.nativeModule("torch._dynamo");
    runtime::Module* torch = I.nativeModule("torch");

    // torch.compile(model=None, *, fullgraph, dynamic, backend, mode, options, disable, recompile_limit)
    I.defineFunction(torch, "compile", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "compile", {"model", "fullgraph", "dynamic", "backend", "mode", "options", "disable", "recompile_limit"}, 0, 1);
        if (p.has(7) && !self->options.release.compileTakesRecompileLimit())
            I.raise("TypeError", "compile() got an unexpected keyword argument 'recompile_limit'");
        CompileOptions o;
        o.fullgraph = p.getBool(1, false);
        o.dynamic = optionalBool(p, 2);
        o.backend = p.get(3, I.newStr("inductor"));
        o.savedConfig = std::make_shared<const DynamoConfig>(self->config);
        if (p.has(7) && !p[7].isNone()) o.recompileLimit = p.getInt(7, 8);
        bool disable = p.getBool(6, false);
        if (!p.has(0) || p[0].isNone()) {
            // @torch.compile(...) with arguments: the decorator.
            return I.newFunction("compile", [self, o, disable](const CallArgs& b) {
                b.expect("compile", 1, 1);
                return disable ? b[0] : self->compile(innermost(b[0]), o);
            });
        }
        // torch.compile of a compiled function compiles the function itself with the new
        // options: torch.compile goes through optimize, whose context unwraps innermost_fn
        // (test_misc.py test_nested_optimize: the inner backend never compiles).
        return disable ? p[0] : self->compile(innermost(p[0]), o);
    });

    // torch._dynamo.run(fn=None): fn (unwrapped from torch.compile, eval_frame.innermost_fn) runs
    // in run-only mode (RunOnlyContext, dynamo-semantics §1.4): its frame and its callees use the
    // entries their code objects already have and nothing compiles. Without fn: the decorator.
    I.defineFunction(dynamo, "run", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        a.expect("run", 0, 1);
        auto wrap = [self](const Value& fn) -> Value {
            Value target = innermost(fn);
            return runtime::Interpreter::current().newFunction("run", [self, target](const CallArgs& b) -> Value {
                auto& In = runtime::Interpreter::current();
                auto* f = target.dyn<runtime::Function>();
                if (!f) return In.call(target, b);
                return self->runEager(f, b, true, true);  // the frame itself uses its entries too
            });
        };
        if (a.size() == 0 || a[0].isNone()) return I.newFunction("run", [wrap](const CallArgs& b) {
            b.expect("run", 1, 1);
            return wrap(b[0]);
        });
        return wrap(a[0]);
    });

    // torch._dynamo.optimize(backend, *, nopython, guard_export_fn, guard_fail_fn, disable, dynamic, save_config)
    I.defineFunction(dynamo, "optimize", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "optimize", {"backend", "nopython", "guard_export_fn", "guard_fail_fn", "disable", "dynamic", "save_config",
                                    "guard_filter_fn"}, 0, 1);
        CompileOptions o;
        o.backend = p.get(0, I.newStr("inductor"));
        o.fullgraph = p.getBool(1, false);
        o.guardFailFn = p.get(3, Value::none());
        o.dynamic = optionalBool(p, 5);
        if (p.getBool(6, true)) o.savedConfig = std::make_shared<const DynamoConfig>(self->config);
        bool disable = p.getBool(4, false);
        return I.newFunction("optimize", [self, o, disable](const CallArgs& b) {
            b.expect("optimize", 1, 1);
            return disable ? b[0] : self->compile(innermost(b[0]), o);
        });
    });

    // torch._dynamo.optimize_assert(backend, *, hooks, export, export_constraints, dynamic,
    // rebuild_ctx): optimize with nopython=True (a graph break is an error).
    I.defineFunction(dynamo, "optimize_assert", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "optimize_assert", {"backend", "hooks", "export", "export_constraints", "dynamic", "rebuild_ctx"}, 0, 1);
        CompileOptions o;
        o.backend = p.get(0, I.newStr("inductor"));
        o.fullgraph = true;
        o.dynamic = optionalBool(p, 4);
        o.savedConfig = std::make_shared<const DynamoConfig>(self->config);
        return I.newFunction("optimize_assert", [self, o](const CallArgs& b) {
            b.expect("optimize_assert", 1, 1);
            return self->compile(innermost(b[0]), o);
        });
    });

    auto resetFn = [self](const CallArgs&) {
        self->reset();
        return Value::none();
    };
    I.defineFunction(dynamo, "reset", resetFn);
    auto isCompiling = [self](const CallArgs&) { return Value::boolean(self->isCompiling()); };
    I.defineFunction(dynamo, "is_compiling", isCompiling);

    // mark_dynamic & co. are forbidden in a traced function (PyTorch's @forbid_in_graph): calling
    // one while tracing raises AssertionError: Attempt to trace forbidden callable.
    auto mark = [self](std::vector<int64_t> torch::TensorObject::*field, const char* name, bool forbidden) {
        return [self, field, name, forbidden](const CallArgs& a) -> Value {
            auto& I = runtime::Interpreter::current();
            if (forbidden && self->tracer() && self->tracer()->active)
                I.raise("AssertionError", std::string("Attempt to trace forbidden callable <function ") + name + ">");
            ArgParser p(a, name, {"t", "index", "min", "max", "specialize_on"}, 1);
            torch::TensorObject* t = torch::asTensorObject(p[0]);
            if (!t) I.raise("TypeError", std::string(name) + "() expects a tensor");
            std::vector<int64_t> dims;
            if (!p.has(1) || p[1].isNone())
                for (int64_t d = 0; d < t->tensor.dim(); ++d) dims.push_back(d);
            else dims = indexList(p[1], t->tensor.dim());
            markDims(t->*field, dims);
            if (field == &torch::TensorObject::dynamicIndices && ((p.has(2) && !p[2].isNone()) || (p.has(3) && !p[3].isNone()))) {
                torch::TensorObject::DimRange r;
                if (p.has(2) && !p[2].isNone()) r.min = p.getInt(2, 0);
                if (p.has(3) && !p[3].isNone()) r.max = p.getInt(3, 0);
                for (int64_t d : dims) {
                    std::erase_if(t->dynamicRanges, [&](const auto& old) { return old.dim == d; });
                    r.dim = d;
                    t->dynamicRanges.push_back(r);
                }
            }
            return Value::none();
        };
    };
    I.defineFunction(dynamo, "mark_dynamic", mark(&torch::TensorObject::dynamicIndices, "mark_dynamic", true));
    I.defineFunction(dynamo, "maybe_mark_dynamic", mark(&torch::TensorObject::weakDynamicIndices, "maybe_mark_dynamic", true));
    I.defineFunction(dynamo, "mark_static", mark(&torch::TensorObject::staticIndices, "mark_static", false));
    I.defineFunction(dynamo, "mark_unbacked", mark(&torch::TensorObject::unbackedIndices, "mark_unbacked", true));

    // torch._dynamo.graph_break(): a graph break while tracing, nothing when eager.
    I.defineFunction(dynamo, "graph_break", [self](const CallArgs& a) -> Value {
        a.expect("graph_break", 0, 1);
        if (self->tracer() && self->tracer()->active) self->tracer()->graphBreak("Call to `torch._dynamo.graph_break()`");
        return Value::none();
    });

    // comptime.assert_static's question (torch/_dynamo/comptime.py): is this value symbolic in
    // the trace being made? A SymInt whose expression is not a number, or an unspecialized float.
    I.defineFunction(dynamo, "_gs_is_dynamic", [self](const CallArgs& a) -> Value {
        a.expect("_gs_is_dynamic", 1, 1);
        auto* s = dynamic_cast<TrackedScalar*>(a[0].obj());
        if (!s || !self->tracer() || !self->tracer()->active) return Value::boolean(false);
        if (s->kind == TrackedScalar::Kind::SymFloat) return Value::boolean(true);
        if (s->kind != TrackedScalar::Kind::SymInt || !s->sym) return Value::boolean(false);
        return Value::boolean(!self->tracer()->shapeEnv.simplify(s->sym)->isConst());
    });

    // torch._dynamo.disable(fn=None, recursive=True, *, reason=None): the function runs eagerly,
    // a call of it inside a traced function is a graph break, and compiled functions it calls
    // run eagerly too (recursive).
    auto disableFn = [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        ArgParser p(a, "disable", {"fn", "recursive", "reason", "wrapping"}, 0);
        auto wrap = [self](Value fn) -> Value {
            auto& In = runtime::Interpreter::current();
            Value target = fn;
            if (auto* cf = dynamic_cast<CompiledFunction*>(fn.obj()); cf && !cf->isModule) target = cf->target;
            Value wrapper = In.newFunction("_fn", [self, target](const CallArgs& b) {
                auto& Ix = runtime::Interpreter::current();
                Tracer* tr = self->tracer();
                bool tracing = tr && tr->active;
                if (tracing) tr->graphBreak("Skip calling `torch.compiler.disable()`d function");
                // Not traced: the tracer neither observes nor records what the function does.
                if (tracing) tr->active = false;
                ++self->disabledDepth;
                try {
                    Value r = Ix.call(target, b);
                    --self->disabledDepth;
                    if (tracing) tr->active = true;
                    return r;
                } catch (...) {
                    --self->disabledDepth;
                    if (tracing) tr->active = true;
                    throw;
                }
            });
            if (auto* nf = dynamic_cast<runtime::NativeFunction*>(wrapper.obj())) nf->binds = true;
            In.setAttr(wrapper, "_torchdynamo_disable", Value::boolean(true));
            In.setAttr(wrapper, "_torchdynamo_orig_callable", target);
            return wrapper;
        };
        if (p.has(0) && !p[0].isNone()) return wrap(p[0]);
        return I.newFunction("disable", [wrap](const CallArgs& b) {
            b.expect("disable", 1, 1);
            return wrap(b[0]);
        });
    };
    I.defineFunction(dynamo, "disable", disableFn);
    auto identityDecorator = [](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        if (a.size() >= 1 && runtime::ops::isCallable(a[0])) return a[0];
        return I.newFunction("decorator", [](const CallArgs& b) { return b[0]; });
    };
    I.defineFunction(dynamo, "allow_in_graph", identityDecorator);
    I.defineFunction(dynamo, "assume_constant_result", identityDecorator);

    // The cache of one code object, most recently used first (PyTorch's cache-entry list order:
    // a hit moves its entry to the front): (compile id, code) pairs that
    // torch._dynamo.eval_frame._debug_get_cache_entry_list wraps as CacheEntry objects.
    // Empty for a code object that was never compiled, or after torch._dynamo.reset().
    I.defineFunction(dynamo, "_gs_cache_entries", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        a.expect("_gs_cache_entries", 1, 1);
        std::vector<Value> out;
        for (const auto& [code, cc] : self->caches_) {
            Value codeObject = core(I).codeObject(code);
            if (!a[0].isObj() || codeObject.obj() != a[0].obj()) continue;
            for (const auto& e : cc->entries) out.push_back(I.newTuple({I.newStr(e->compileId), codeObject}));
            break;
        }
        return I.newList(std::move(out));
    });

    // torch._dynamo.utils.compile_times reads the phase times from here: {phase: [seconds, ...]}.
    // torch._dynamo.reset() keeps them, as PyTorch's compilation_time_metrics survives it.
    I.defineFunction(dynamo, "_gs_compile_times", [self](const CallArgs& a) -> Value {
        auto& I = runtime::Interpreter::current();
        a.expect("_gs_compile_times", 0, 0);
        Value out = I.newDict();
        for (const auto& [phase, times] : self->compileTimes_) {
            std::vector<Value> items;
            items.reserve(times.size());
            for (double t : times) items.push_back(Value::real(t));
            runtime::ops::setItem(out, I.newStr(phase), I.newList(std::move(items)));
        }
        return out;
    });

    // torch.compiler
    runtime::Module* compiler = I.nativeModule("torch.compiler");
    I.defineFunction(compiler, "reset", resetFn);
    I.defineFunction(compiler, "is_compiling", isCompiling);
    I.defineFunction(compiler, "is_dynamo_compiling", isCompiling);
    I.defineFunction(compiler, "disable", disableFn);
    I.defineFunction(compiler, "allow_in_graph", identityDecorator);
    I.defineFunction(compiler, "assume_constant_result", identityDecorator);
    I.defineFunction(compiler, "cudagraph_mark_step_begin", [](const CallArgs&) { return Value::none(); });
    installStance();
}

} // namespace gs::engine
