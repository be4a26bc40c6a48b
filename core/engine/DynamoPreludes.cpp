// The parts of torch._dynamo that PyTorch writes in Python, written here in the scenario
// language with PyTorch's names and behaviour: torch._dynamo.utils (counters,
// disable_cache_limit, ...), torch._dynamo.source (Source classes and their names),
// torch._dynamo.guards (GuardFail, GuardManagerWrapper, the NO_TENSOR_ALIASING reason),
// torch._dynamo.eval_frame and torch.utils._config_module (config patch/hash for every config
// module). Facts from torch/_dynamo/{utils,source,guards,eval_frame}.py; the code is ours.
#include "core/engine/Engine.h"

namespace gs::engine {

namespace {

const char* kUtilsSource = R"PY(
import collections
import itertools
import logging
import sys
import torch
import torch._dynamo.config as config

counters = collections.defaultdict(collections.Counter)
# code object -> list of guard failure reasons (PyTorch: orig_code -> reasons)
guard_failures = collections.defaultdict(list)
orig_code_map = {}
troubleshooting_url = "https://pytorch.org/docs/main/torch.compiler_troubleshooting.html"
nnmodule_doc_url = "https://pytorch.org/docs/main/torch.compiler_nn_module.html"


class disable_cache_limit:
    # Both recompile limits set to sys.maxsize for the duration (a context manager and a
    # decorator, like the contextmanager PyTorch defines).
    def __enter__(self):
        self._prior = (config.recompile_limit, config.accumulated_recompile_limit)
        config.recompile_limit = sys.maxsize
        config.accumulated_recompile_limit = sys.maxsize
        return self

    def __exit__(self, *exc):
        config.recompile_limit, config.accumulated_recompile_limit = self._prior
        return False

    def __call__(self, fn):
        def wrapper(*args, **kwargs):
            with disable_cache_limit():
                return fn(*args, **kwargs)
        wrapper.__name__ = getattr(fn, "__name__", "wrapper")
        wrapper.__wrapped__ = fn
        return wrapper


def istype(obj, allowed_types):
    if isinstance(allowed_types, (tuple, list, set)):
        return type(obj) in allowed_types
    return type(obj) is allowed_types


def is_function(value):
    return callable(value) and hasattr(value, "__code__")


def clone_input(x, *, dtype=None):
    if isinstance(x, torch.Tensor):
        y = x.clone()
        if dtype is not None:
            y = y.to(dtype)
        y.requires_grad_(x.requires_grad)
        return y
    return x


def clone_inputs(example_inputs):
    if isinstance(example_inputs, dict):
        return {k: clone_input(v) for k, v in example_inputs.items()}
    return [clone_input(x) for x in example_inputs]


def same(ref, res, fp64_ref=None, cos_similarity=False, tol=1e-4, equal_nan=False, **kwargs):
    import torch._dynamo.testing
    return torch._dynamo.testing.same(ref, res, fp64_ref, cos_similarity, tol, equal_nan, **kwargs)


def ifdynstaticdefault(count1, count2):
    return count2 if config.assume_static_by_default else count1


log = logging.getLogger(__name__)


def tabulate(rows, headers):
    # PyTorch's fallback when the tabulate package is absent: comma-separated lines.
    return "\n".join(", ".join(map(str, row)) for row in itertools.chain([headers], rows))


def compile_times(repr="str", aggregate=False):
    # The engine's own measurements of each compile phase, in seconds.
    metrics = torch._dynamo._gs_compile_times()

    def fmt_fn(values, item_fn=lambda x: x):
        if aggregate:
            return item_fn(sum(values))
        return ", ".join(map(item_fn, values))

    if repr == "str":
        rows = [(k, fmt_fn(metrics[k], item_fn=lambda x: f"{x:.4f}")) for k in metrics]
        out = "TorchDynamo compilation metrics:\n"
        out += tabulate(rows, headers=("Function", "Runtimes (s)"))
        return out
    elif repr == "csv":
        values = [fmt_fn(v, item_fn=lambda x: f"{x:.6f}") for v in metrics.values()]
        headers = list(metrics.keys())
        return headers, values
    return None


def dump_compile_times():
    log.info(compile_times(repr="str", aggregate=True))


class dynamo_timed:
    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def is_compile_supported(device_type):
    return device_type == "cpu"


_warned = set()


def warn_once(msg, stacklevel=1):
    if msg not in _warned:
        _warned.add(msg)
        import warnings
        warnings.warn(msg, stacklevel=stacklevel + 1)
)PY";

// Sources print as PyTorch prints them (`L['x']`, `G['g']`, `L['m'].w`, `L['xs'][0]`,
// `list(dict.keys(L['d']))[0]`); `name` is a property as in current PyTorch.
const char* kSourceSource = R"PY(
import enum


class GuardSource(enum.Enum):
    LOCAL = 0
    GLOBAL = 1
    LOCAL_SPECIALIZED_NN_MODULE = 2
    GLOBAL_SPECIALIZED_NN_MODULE = 3
    CONSTANT = 4
    RANDOM_VALUE = 5
    SHAPE_ENV = 6
    LOCAL_FSDP_MODULE = 7
    GLOBAL_FSDP_MODULE = 8
    BACKWARD_STATE = 9
    EPHEMERAL = 10
    SYNTHETIC_LOCAL = 11
    LOCAL_UNSPECIALIZED_NN_MODULE = 12
    GLOBAL_UNSPECIALIZED_NN_MODULE = 13
    LOCAL_UNSPECIALIZED_BUILTIN_NN_MODULE = 14
    GLOBAL_UNSPECIALIZED_BUILTIN_NN_MODULE = 15

    def is_local(self):
        return self.name.startswith("LOCAL")


def _index_text(index):
    if isinstance(index, Source):
        return index.name
    if isinstance(index, slice):
        return f"slice({index.start!r}, {index.stop!r}, {index.step!r})"
    return repr(index)


class Source:
    def guard_source(self):
        return self.base.guard_source() if hasattr(self, "base") else GuardSource.LOCAL

    def is_dict_key(self):
        return False

    def is_ephemeral(self):
        return False

    def __repr__(self):
        return f"{type(self).__name__}({self.name})"

    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name

    def __hash__(self):
        return hash((type(self).__name__, self.name))


class ChainedSource(Source):
    def __init__(self, base):
        self.base = base

    def get_base(self):
        current = self
        while isinstance(current, ChainedSource):
            current = current.base
        return current


class LocalSource(Source):
    def __init__(self, local_name, is_input=False, dynamism=None, is_derefed_cell_contents=False):
        self.local_name = local_name
        self.is_input = is_input
        self.dynamism = dynamism
        self.is_derefed_cell_contents = is_derefed_cell_contents

    @property
    def name(self):
        return f"L[{self.local_name!r}]"

    def guard_source(self):
        return GuardSource.LOCAL


class SyntheticLocalSource(LocalSource):
    def guard_source(self):
        return GuardSource.SYNTHETIC_LOCAL


class GlobalSource(Source):
    def __init__(self, global_name):
        self.global_name = global_name

    @property
    def name(self):
        return f"G[{self.global_name!r}]"

    def guard_source(self):
        return GuardSource.GLOBAL


class ConstantSource(Source):
    def __init__(self, source_name):
        self.source_name = source_name

    @property
    def name(self):
        return self.source_name

    def guard_source(self):
        return GuardSource.CONSTANT


class AttrSource(ChainedSource):
    def __init__(self, base, member):
        super().__init__(base)
        if "." in member:
            parts = member.split(".")
            for p in parts[:-1]:
                base = AttrSource(base, p)
            self.base = base
            member = parts[-1]
        self.member = member

    @property
    def name(self):
        if not self.member.isidentifier():
            return f"getattr({self.base.name}, {self.member!r})"
        return f"{self.base.name}.{self.member}"


class GenericAttrSource(AttrSource):
    @property
    def name(self):
        return f"object.__getattribute__({self.base.name}, {self.member!r})"


class GetItemSource(ChainedSource):
    def __init__(self, base, index, index_is_slice=False):
        super().__init__(base)
        self.index = index
        self.index_is_slice = index_is_slice

    @property
    def name(self):
        return f"{self.base.name}[{_index_text(self.index)}]"


class ListGetItemSource(GetItemSource):
    @property
    def name(self):
        return f"list.__getitem__({self.base.name}, {_index_text(self.index)})"


class TupleIteratorGetItemSource(GetItemSource):
    @property
    def name(self):
        return f"___tuple_iterator_getitem({self.base.name}, {self.index!r})"


class DictGetItemSource(ChainedSource):
    def __init__(self, base, index):
        super().__init__(base)
        self.index = index

    @property
    def name(self):
        return f"{self.base.name}[{_index_text(self.index)}]"


class DictSubclassGetItemSource(DictGetItemSource):
    pass


class ConstDictKeySource(ChainedSource):
    def __init__(self, base, index):
        super().__init__(base)
        self.index = index

    def is_dict_key(self):
        return True

    @property
    def name(self):
        return f"list(dict.keys({self.base.name}))[{self.index!r}]"


class DefaultsSource(ChainedSource):
    def __init__(self, base, idx_key, is_kw=False):
        super().__init__(base)
        self.idx_key = idx_key
        self.is_kw = is_kw
        self.field = "__kwdefaults__" if is_kw else "__defaults__"

    @property
    def name(self):
        return f"{self.base.name}.{self.field}[{self.idx_key!r}]"


class CallFunctionNoArgsSource(ChainedSource):
    @property
    def name(self):
        return f"{self.base.name}()"


class TypeSource(ChainedSource):
    @property
    def name(self):
        return f"type({self.base.name})"


class ClosureSource(ChainedSource):
    def __init__(self, base, index):
        super().__init__(base)
        self.index = index

    @property
    def name(self):
        return f"{self.base.name}.__closure__[{self.index}].cell_contents"


class NNModuleSource(ChainedSource):
    @property
    def name(self):
        return self.base.name


class UnspecializedNNModuleSource(NNModuleSource):
    pass


class GradSource(ChainedSource):
    def __init__(self, base, member="grad"):
        super().__init__(base)
        self.member = member

    @property
    def name(self):
        return f"{self.base.name}.{self.member}"


class TensorPropertySource(ChainedSource):
    def __init__(self, base, prop, idx=None):
        super().__init__(base)
        self.prop = prop
        self.idx = idx

    @property
    def name(self):
        if self.prop == "numel":
            return f"{self.base.name}.numel()"
        return f"{self.base.name}.{self.prop}()[{self.idx}]"


def is_from_local_source(source, *, only_allow_input=False):
    base = source.get_base() if isinstance(source, ChainedSource) else source
    if not isinstance(base, LocalSource):
        return False
    return base.is_input if only_allow_input else True


def is_from_global_source(source):
    base = source.get_base() if isinstance(source, ChainedSource) else source
    return isinstance(base, GlobalSource)
)PY";

// What the engine's guards need from Python: GuardFail (what guard_fail_fn receives),
// GuardManagerWrapper, strip_local_scope and the NO_TENSOR_ALIASING reason with its report of
// sources that no longer evaluate. A source is evaluated by walking its chain once (a source
// read twice gives the same object, as the guard accessors do); a lookup that finds nothing
// (a missing attribute, key or index, a value that is not a container) makes the source
// unavailable, while an exception raised by user code on the way (a property, __getattr__,
// __getitem__, __missing__, __hash__, a call) propagates.
const char* kGuardsSource = R"PY(
import collections
import re
from collections import namedtuple
import torch
from torch._dynamo.source import (AttrSource, CallFunctionNoArgsSource, ClosureSource, ConstantSource,
                                  ConstDictKeySource, DefaultsSource, DictGetItemSource,
                                  DictSubclassGetItemSource, GetItemSource, GlobalSource, ListGetItemSource,
                                  LocalSource, Source, TypeSource, ChainedSource)


# A NamedTuple in PyTorch (reason, orig_code): `failure == None` is False, `reason, code = failure`.
GuardFail = namedtuple("GuardFail", ["reason", "orig_code"], module="torch._dynamo.guards")


class GuardManagerWrapper:
    def __init__(self, root=None):
        self.root = root
        self.diff_guard_root = None
        self.closure_vars = {}
        self.args = None
        self.code_parts = []
        self.verbose_code_parts = []
        self.global_scope = {}
        self.guard_fail_fn = None
        self.cache_entry = None
        self.extra_state = None
        self.id_matched_objs = {}
        self.no_tensor_aliasing_sources = []
        self.printed_relational_guards = set()


def strip_local_scope(s):
    return re.sub(r"L\[\s*['\"](.*?)['\"]\s*\]", r"\1", s)


class _Unavailable(Exception):
    pass


_BUILTIN_MODULES = frozenset({"builtins", "collections", "functools", "typing", "torch", "torch.nn"})


def _is_user_type(t):
    return getattr(t, "__module__", "builtins") not in _BUILTIN_MODULES


def _getattr(obj, name):
    t = type(obj)
    for klass in t.__mro__:
        if klass is not object and name in klass.__dict__ and _is_user_type(klass):
            return getattr(obj, name)  # a descriptor or method of user code: errors propagate
    d = obj.__dict__ if hasattr(obj, "__dict__") and isinstance(getattr(obj, "__dict__", None), dict) else None
    if d is not None and name in d:
        return d[name]
    if any("__getattr__" in k.__dict__ for k in t.__mro__ if k is not object and _is_user_type(k)):
        return getattr(obj, name)
    try:
        return getattr(obj, name)
    except AttributeError as e:
        raise _Unavailable(e)


def _getitem(obj, index, user_ok=True):
    t = type(obj)
    if user_ok and _is_user_type(t) and hasattr(t, "__getitem__"):
        return obj[index]
    if not hasattr(obj, "__getitem__"):
        raise _Unavailable(TypeError(f"'{t.__name__}' object is not subscriptable"))
    try:
        return obj[index]
    except (IndexError, KeyError, TypeError) as e:
        raise _Unavailable(e)


def _dict_getitem(obj, key):
    if not isinstance(obj, dict):
        if _is_user_type(type(obj)) and hasattr(type(obj), "__getitem__"):
            return obj[key]
        raise _Unavailable(TypeError(f"'{type(obj).__name__}' object is not a dict"))
    hash(key)  # a key's own __hash__ is user code
    if dict.__contains__(obj, key):
        return dict.__getitem__(obj, key)
    missing = getattr(type(obj), "__missing__", None)
    if missing is not None:
        return missing(obj, key)
    raise _Unavailable(KeyError(key))


def _eval_source(source, scope, global_scope, memo):
    key = source.name
    if key in memo:
        return memo[key]
    if isinstance(source, LocalSource):
        locals_ = scope.get("L", {})
        if source.local_name not in locals_:
            raise _Unavailable(KeyError(source.local_name))
        value = locals_[source.local_name]
    elif isinstance(source, GlobalSource):
        globals_ = scope.get("G", global_scope.get("G", {}))
        if source.global_name not in globals_:
            raise _Unavailable(KeyError(source.global_name))
        value = globals_[source.global_name]
    elif isinstance(source, ConstantSource):
        env = dict(global_scope)
        value = eval(source.source_name, env, scope)
    elif isinstance(source, AttrSource):
        value = _getattr(_eval_source(source.base, scope, global_scope, memo), source.member)
    elif isinstance(source, ConstDictKeySource):
        base = _eval_source(source.base, scope, global_scope, memo)
        if not isinstance(base, dict):
            raise _Unavailable(TypeError(f"descriptor 'keys' for 'dict' objects doesn't apply to a '{type(base).__name__}' object"))
        keys = list(dict.keys(base))
        if not (-len(keys) <= source.index < len(keys)):
            raise _Unavailable(IndexError("list index out of range"))
        value = keys[source.index]
    elif isinstance(source, DictSubclassGetItemSource):
        base = _eval_source(source.base, scope, global_scope, memo)
        index = _eval_source(source.index, scope, global_scope, memo) if isinstance(source.index, Source) else source.index
        value = base[index]
    elif isinstance(source, DictGetItemSource):
        base = _eval_source(source.base, scope, global_scope, memo)
        index = _eval_source(source.index, scope, global_scope, memo) if isinstance(source.index, Source) else source.index
        value = _dict_getitem(base, index)
    elif isinstance(source, ListGetItemSource):
        base = _eval_source(source.base, scope, global_scope, memo)
        if not isinstance(base, list):
            raise _Unavailable(TypeError(f"descriptor '__getitem__' for 'list' objects doesn't apply to a '{type(base).__name__}' object"))
        value = _getitem(base, source.index, user_ok=False)
    elif isinstance(source, GetItemSource):
        base = _eval_source(source.base, scope, global_scope, memo)
        index = _eval_source(source.index, scope, global_scope, memo) if isinstance(source.index, Source) else source.index
        value = _getitem(base, index)
    elif isinstance(source, DefaultsSource):
        defaults = _getattr(_eval_source(source.base, scope, global_scope, memo), source.field)
        value = _getitem(defaults, source.idx_key, user_ok=False)
    elif isinstance(source, ClosureSource):
        closure = _getattr(_eval_source(source.base, scope, global_scope, memo), "__closure__")
        value = _getitem(closure, source.index, user_ok=False).cell_contents
    elif isinstance(source, CallFunctionNoArgsSource):
        value = _eval_source(source.base, scope, global_scope, memo)()
    elif isinstance(source, TypeSource):
        value = type(_eval_source(source.base, scope, global_scope, memo))
    elif isinstance(source, ChainedSource):
        value = _eval_source(source.base, scope, global_scope, memo)
    else:
        raise TypeError(f"cannot evaluate source {source!r}")
    memo[key] = value
    return value


def recompilation_reason_for_no_tensor_aliasing_guard(guard_manager, scope):
    global_scope = dict(guard_manager.global_scope)
    memo = {}
    ids_to_source = collections.defaultdict(list)
    unavailable = []
    for source in guard_manager.no_tensor_aliasing_sources:
        try:
            value = _eval_source(source, scope, global_scope, memo)
        except _Unavailable as e:
            error = e.args[0]
            unavailable.append(f"{source.name} ({type(error).__name__}: {error})")
            continue
        ids_to_source[id(value)].append(source.name)
    duplicates = [f"{names}" for names in ids_to_source.values() if len(names) > 1]
    reasons = []
    if duplicates:
        reasons.append("Duplicate tensors found: " + ", ".join(duplicates))
    if unavailable:
        reasons.append("NO_TENSOR_ALIASING guard source(s) no longer evaluate: " + ", ".join(unavailable))
    return reasons or ["NO_TENSOR_ALIASING guard failed"]
)PY";

const char* kEvalFrameSource = R"PY(
import torch
import torch._dynamo


def innermost_fn(fn):
    unaltered_fn = fn
    while hasattr(unaltered_fn, "_torchdynamo_orig_callable"):
        unaltered_fn = unaltered_fn._torchdynamo_orig_callable
    return unaltered_fn


OptimizedModule = type(torch._dynamo.optimize("eager")(torch.nn.Identity()))


def _callback_from_stance(callback):
    return callback


class CacheEntry:
    """One compiled entry of a code object's cache (torch._C._dynamo.eval_frame.CacheEntry)."""

    def __init__(self, compile_id, code):
        self.compile_id = compile_id
        self.code = code

    def __repr__(self):
        return f"<CacheEntry {self.compile_id}>"


def _debug_get_cache_entry_list(code):
    # A function (or anything callable with a __code__) stands for its code object.
    # A builtin (our graph_break is native, PyTorch's is Python) has no compiled entries.
    if callable(code):
        code = getattr(code, "__code__", None)
        if code is None:
            return []
    return [CacheEntry(cid, c) for cid, c in torch._dynamo._gs_cache_entries(code)]


class DisableContext:
    def __init__(self, msg=None, wrapping=True):
        self.msg = msg
        self.wrapping = wrapping

    def __call__(self, fn):
        return torch._dynamo.disable(fn, reason=self.msg)
)PY";

// Config modules: patch() as context manager, function decorator and TestCase class decorator
// (torch/utils/_config_module.py ContextDecorator), get_hash() over the knobs that are not
// compile_ignored, and helpers for config modules written in Python (torch._inductor.config,
// torch.compiler.config, ...).
const char* kConfigModuleSource = R"PY(
import functools
import unittest


class ConfigPatch:
    def __init__(self, config, changes):
        self.config = config
        self.changes = changes
        self._prior = []

    def __enter__(self):
        prior = {}
        for key, value in self.changes.items():
            prior[key] = getattr(self.config, key)
        for key, value in self.changes.items():
            setattr(self.config, key, value)
        self._prior.append(prior)
        return self

    def __exit__(self, *exc):
        prior = self._prior.pop()
        for key, value in reversed(list(prior.items())):
            setattr(self.config, key, value)
        return False

    def __call__(self, func):
        if isinstance(func, type) and issubclass(func, unittest.TestCase):
            patch = self

            # The class itself gets the patch around its class fixtures (PyTorch returns a
            # same-named subclass; the tests it collects are the same). A class's own
            # setUpClass/tearDownClass still run inside the patch.
            own_setup = func.__dict__.get("setUpClass")
            own_teardown = func.__dict__.get("tearDownClass")

            def setUpClass(cls):
                patch.__enter__()
                try:
                    if own_setup is not None:
                        own_setup.__func__(cls)
                    else:
                        super(func, cls).setUpClass()
                except Exception:
                    patch.__exit__(None, None, None)
                    raise

            def tearDownClass(cls):
                try:
                    if own_teardown is not None:
                        own_teardown.__func__(cls)
                    else:
                        super(func, cls).tearDownClass()
                finally:
                    patch.__exit__(None, None, None)

            func.setUpClass = classmethod(setUpClass)
            func.tearDownClass = classmethod(tearDownClass)
            return func

        @functools.wraps(func)
        def _fn(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return _fn


def _changes(config, arg1=None, arg2=None, kwargs=None):
    changes = {}
    if arg1 is not None:
        if arg2 is not None:
            changes[arg1] = arg2
        else:
            changes.update(arg1)
    elif arg2 is not None:
        raise AssertionError("second argument given without a first")
    changes.update(kwargs or {})
    for key in changes:
        if key not in config._gs_keys():
            raise AttributeError(f"{config._gs_prefix}.{key} does not exist")
    return changes


def patch(config, arg1=None, arg2=None, **kwargs):
    return ConfigPatch(config, _changes(config, arg1, arg2, kwargs))


class PythonConfig:
    # A config module whose knobs are Python values (torch._inductor.config, ...).
    def __init__(self, prefix, defaults, ignored=()):
        object.__setattr__(self, "_gs_prefix", prefix)
        object.__setattr__(self, "_gs_values", dict(defaults))
        object.__setattr__(self, "_gs_defaults", dict(defaults))
        object.__setattr__(self, "_compile_ignored_keys", set(ignored))

    def _gs_keys(self):
        return self._gs_values.keys()

    def __getattr__(self, name):
        values = object.__getattribute__(self, "_gs_values")
        if name in values:
            return values[name]
        raise AttributeError(f"{object.__getattribute__(self, '_gs_prefix')}.{name} does not exist")

    def __setattr__(self, name, value):
        if name not in self._gs_values:
            raise AttributeError(f"{self._gs_prefix}.{name} does not exist")
        self._gs_values[name] = value

    def patch(self, arg1=None, arg2=None, **kwargs):
        return patch(self, arg1, arg2, **kwargs)

    def get_hash(self):
        items = sorted((k, repr(v)) for k, v in self._gs_values.items() if k not in self._compile_ignored_keys)
        return repr(items).encode()

    def to_dict(self):
        return dict(self._gs_values)

    def get_config_copy(self):
        return dict(self._gs_values)

    def shallow_copy_dict(self):
        return dict(self._gs_values)

    def save_config(self):
        return dict(self._gs_values)

    def load_config(self, maybe_pickled):
        for k, v in dict(maybe_pickled).items():
            if k in self._gs_values:
                self._gs_values[k] = v

    def __repr__(self):
        return f"<module '{self._gs_prefix}'>"
)PY";

} // namespace

// torch._dynamo.comptime: helpers that act while a function is being traced and do nothing in
// eager code. comptime(fn) itself (fn called with a ComptimeContext) is not emulated.
const char* kComptimeSource = R"PY(
import torch
import torch._dynamo


class _Comptime:
    def __call__(self, fn, fallback_fn=None):
        raise NotImplementedError(
            "comptime(fn): calling fn with a ComptimeContext at trace time is not emulated by Guardscope")

    @staticmethod
    def graph_break():
        torch._dynamo.graph_break()

    @staticmethod
    def print(e):
        if torch._dynamo.is_compiling():
            print(e)

    @staticmethod
    def assert_static(val):
        if torch._dynamo._gs_is_dynamic(val):
            raise AssertionError("expected static but got dynamic (run with TORCH_LOGS=dynamic for more info)")

    @staticmethod
    def breakpoint():
        pass

    @staticmethod
    def sleep(sec):
        pass


comptime = _Comptime()
)PY";

void Engine::installDynamoPreludes() {
    interp.addSourceModule("torch.utils._config_module", kConfigModuleSource, "<torch/utils/_config_module.py>");
    interp.addSourceModule("torch._dynamo.utils", kUtilsSource, "<torch/_dynamo/utils.py>");
    interp.addSourceModule("torch._dynamo.source", kSourceSource, "<torch/_dynamo/source.py>");
    interp.addSourceModule("torch._dynamo.guards", kGuardsSource, "<torch/_dynamo/guards.py>");
    interp.addSourceModule("torch._dynamo.eval_frame", kEvalFrameSource, "<torch/_dynamo/eval_frame.py>");
    interp.addSourceModule("torch._dynamo.comptime", kComptimeSource, "<torch/_dynamo/comptime.py>");
    // `import torch._dynamo` runs the package's __init__, which in PyTorch imports eval_frame and
    // (through convert_frame) utils, guards and source: after it, torch._dynamo.eval_frame & co.
    // are attributes without importing them by name.
    interp.addSourceModule("torch._dynamo",
                           "import torch._dynamo.utils\nimport torch._dynamo.source\nimport torch._dynamo.guards\n"
                           "import torch._dynamo.eval_frame\n"
                           "from torch._dynamo.eval_frame import OptimizedModule\n",
                           "<torch/_dynamo/__init__.py>");
}

} // namespace gs::engine
