// PyTorch's test infrastructure as the test files import it: torch._dynamo.test_case,
// torch._inductor.test_case, torch.testing._internal.common_utils (TestCase, run_tests,
// parametrize, instantiate_parametrized_tests, subtest, skip decorators, IS_*/TEST_* flags,
// HardwareClassification), common_device_type, common_cuda, inductor_utils and logging_utils.
// Names and behaviour follow torch/testing/_internal/*.py and torch/_dynamo/test_case.py (test
// names of parametrized tests, what setUp/tearDown reset, which tests a missing GPU or a real
// inductor skips); the code is ours.
#include "core/engine/Engine.h"

namespace gs::engine {

namespace {

const char* kCommonUtilsSource = R"PY(
import contextlib
import enum
import functools
import os
import sys
import unittest
import torch

IS_WINDOWS = False
IS_MACOS = False
IS_LINUX = True
IS_FBCODE = False
IS_SANDCASTLE = False
IS_CI = False
IS_ARM64 = False
IS_JETSON = False
IS_PPC = False
IS_S390X = False
IS_X86 = True
IS_REMOTE_GPU = False
IS_TBB = False
IS_MEM_LEAK_CHECK = False
IS_FILESYSTEM_UTF8_ENCODING = True

TEST_CUDA = False
TEST_MPS = False
TEST_XPU = False
TEST_HPU = False
TEST_CUDA_GRAPH = False
TEST_ACCELERATOR = False
TEST_PRIVATEUSE1 = False
TEST_MULTIGPU = False
TEST_WITH_TORCHDYNAMO = False
TEST_WITH_TORCHINDUCTOR = False
TEST_WITH_AOT_EAGER = False
TEST_WITH_CROSSREF = False
TEST_WITH_ROCM = False
TEST_WITH_ASAN = False
TEST_WITH_TSAN = False
TEST_WITH_UBSAN = False
TEST_WITH_DEV_DBG_ASAN = False
TEST_WITH_SLOW = False
TEST_WITH_SLOW_GRADCHECK = False
TEST_SKIP_FAST = False
TEST_NUMPY = False
TEST_SCIPY = False
TEST_NUMBA = False
TEST_DILL = False
TEST_LIBROSA = False
TEST_Z3 = False
TEST_MKL = False
TEST_SAVE_XML = None
SEED = 1234
NAVI_ARCH = ()
MI300_ARCH = ()


class HardwareClassification(enum.Enum):
    GENERIC = "generic"
    ACCELERATOR = "accelerator"
    CPU = "cpu"
    CUDA = "cuda"
    MPS = "mps"
    XPU = "xpu"


def _skip_when(condition, reason):
    def decorator(fn):
        if condition:
            return unittest.skip(reason)(fn)
        return fn
    return decorator


def _maybe_called(default_reason, condition):
    # Decorators PyTorch lets you use bare (@skipIfTorchDynamo) or with a message
    # (@skipIfTorchDynamo("why")).
    def make(arg=None, *args, **kwargs):
        if callable(arg):
            return _skip_when(condition, default_reason)(arg)
        return _skip_when(condition, arg if isinstance(arg, str) else default_reason)
    return make


skipIfTorchDynamo = _maybe_called("test doesn't currently work with dynamo", TEST_WITH_TORCHDYNAMO)
skipIfTorchInductor = _maybe_called("test doesn't currently work with torchinductor", TEST_WITH_TORCHINDUCTOR)
skipIfCrossRef = _maybe_called("test doesn't currently work with crossref", TEST_WITH_CROSSREF)
skipIfRocm = _maybe_called("test doesn't currently work on the ROCm stack", TEST_WITH_ROCM)
skipIfWindows = _maybe_called("test doesn't currently work on Windows", IS_WINDOWS)
skipIfMacOS = _maybe_called("test doesn't currently work on macOS", IS_MACOS)
skipIfMps = _maybe_called("test doesn't currently work with MPS", TEST_MPS)
skipIfHpu = _maybe_called("test doesn't currently work with HPU", TEST_HPU)
skipIfXpu = _maybe_called("test doesn't currently work with XPU", TEST_XPU)
skipIfS390X = _maybe_called("test doesn't currently work on s390x", IS_S390X)
skipIfNotRocm = _maybe_called("test requires ROCm", not TEST_WITH_ROCM)
skipIfTorchDynamoInductor = skipIfTorchInductor
skipIfSlowGradcheckEnv = _maybe_called("test is slow with the slow-gradcheck environment", TEST_WITH_SLOW_GRADCHECK)
skipIfNoSciPy = _maybe_called("test require SciPy, but SciPy not found", not TEST_SCIPY)
skipIfNoDill = _maybe_called("no dill", not TEST_DILL)
skipIfNoLapack = _maybe_called("PyTorch compiled without Lapack", False)
slowTest = _maybe_called("test is slow; run with PYTORCH_TEST_WITH_SLOW to enable test", not TEST_WITH_SLOW)
serialTest = _maybe_called("", False)
skipCUDANonDefaultStreamIf = lambda condition: _skip_when(condition, "test doesn't work with non-default stream")


def skipIfRocmArch(arch):
    return lambda fn: fn


def skipIfRocmVersionLessThan(version=None):
    return lambda fn: fn


def _identity_decorator(arg=None, *args, **kwargs):
    if callable(arg) and not args and not kwargs:
        return arg
    return lambda fn: fn


xfailIfTorchDynamo = _identity_decorator
xfailIfS390X = _identity_decorator
markDynamoStrictTest = _identity_decorator
unMarkDynamoStrictTest = _identity_decorator
suppress_warnings = _identity_decorator
wrapDeterministicFlagAPITest = _identity_decorator
largeTensorTest = _identity_decorator
skipCUDAMemoryLeakCheckIf = _identity_decorator
skipRocmIfTorchInductor = _identity_decorator
decorateIf = lambda decorator, predicate: _identity_decorator


def xfailIf(condition):
    def decorator(fn):
        return unittest.expectedFailure(fn) if condition else fn
    return decorator


# --- parametrization (names as PyTorch builds them: test_x_<arg>_<value>, outer first) -------

class subtest:
    def __init__(self, arg_values, name=None, decorators=None):
        self.arg_values = arg_values
        self.name = name
        self.decorators = decorators or []


def _formatted_str_repr(idx, name, value):
    if isinstance(value, torch.dtype):
        return str(value).split(".")[-1]
    if isinstance(value, torch.device):
        return str(value)
    if isinstance(value, (int, float, str)):
        return f"{name}_{str(value).replace('.', '_')}"
    return f"{name}{idx}"


class _TestParametrizer:
    def _parametrize_test(self, test, generic_cls, device_cls):
        raise NotImplementedError

    def __call__(self, fn):
        if hasattr(fn, "parametrize_fn"):
            old = fn.parametrize_fn
            new = self._parametrize_test
            fn.parametrize_fn = _compose_parametrize_fns(old, new)
        else:
            fn.parametrize_fn = self._parametrize_test
        return fn


def _compose_parametrize_fns(old_parametrize_fn, new_parametrize_fn):
    def composite_fn(test, generic_cls, device_cls):
        for old_test, old_name, old_kwargs, old_dec_fn in list(old_parametrize_fn(test, generic_cls, device_cls)):
            for new_test, new_name, new_kwargs, new_dec_fn in new_parametrize_fn(old_test, generic_cls, device_cls):
                redundant = set(old_kwargs.keys()).intersection(new_kwargs.keys())
                if redundant:
                    raise RuntimeError(f"Parametrization over the same parameter by multiple parametrization decorators is not supported. For test \"{test.__name__}\", the following parameters are handled multiple times: {redundant}")
                full_kwargs = dict(old_kwargs)
                full_kwargs.update(new_kwargs)
                sep = "_" if old_name != "" and new_name != "" else ""
                merged_name = f"{new_name}{sep}{old_name}"

                def merged_dec_fn(param_kwargs, old_dec_fn=old_dec_fn, new_dec_fn=new_dec_fn):
                    return list(old_dec_fn(param_kwargs)) + list(new_dec_fn(param_kwargs))
                yield (new_test, merged_name, full_kwargs, merged_dec_fn)
    return composite_fn


class parametrize(_TestParametrizer):
    def __init__(self, arg_str, arg_values, name_fn=None):
        self.arg_names = [s.strip() for s in arg_str.split(",") if s != ""]
        self.arg_values = arg_values
        self.name_fn = name_fn

    def _default_subtest_name(self, idx, values):
        return "_".join([_formatted_str_repr(idx, a, v) for a, v in zip(self.arg_names, values)])

    def _get_subtest_name(self, idx, values, explicit_name=None):
        if explicit_name:
            return explicit_name
        if self.name_fn:
            return self.name_fn(*values)
        return self._default_subtest_name(idx, values)

    def _parametrize_test(self, test, generic_cls, device_cls):
        if len(self.arg_names) == 0:
            yield (test, "", {}, lambda _: [])
            return
        for idx, values in enumerate(self.arg_values):
            maybe_name = None
            decorators = []
            gen_test = test
            if isinstance(values, subtest):
                sub = values
                values = sub.arg_values
                maybe_name = sub.name
                decorators = sub.decorators

                def test_wrapper(*args, **kwargs):
                    return test(*args, **kwargs)
                test_wrapper.__name__ = test.__name__
                gen_test = test_wrapper
            values = list(values) if len(self.arg_names) > 1 else [values]
            if len(values) != len(self.arg_names):
                raise RuntimeError(f"Expected # values == # arg names, but got: {len(values)} values and {len(self.arg_names)} names for test \"{test.__name__}\"")
            param_kwargs = dict(zip(self.arg_names, values))
            test_name = self._get_subtest_name(idx, values, explicit_name=maybe_name)

            def decorator_fn(_, decorators=decorators):
                return decorators
            yield (gen_test, test_name, param_kwargs, decorator_fn)


def instantiate_parametrized_tests(generic_cls):
    for attr_name in tuple(dir(generic_cls)):
        class_attr = getattr(generic_cls, attr_name)
        if not hasattr(class_attr, "parametrize_fn"):
            continue
        delattr(generic_cls, attr_name)

        def instantiate_test_helper(cls, name, test, param_kwargs):
            def instantiated_test(self, param_kwargs=param_kwargs):
                test(self, **param_kwargs)
            instantiated_test.__name__ = name
            instantiated_test.__qualname__ = f"{cls.__name__}.{name}"
            if hasattr(generic_cls, name):
                raise AssertionError(f"Redefinition of test {name}")
            setattr(generic_cls, name, instantiated_test)

        for test, test_suffix, param_kwargs, decorator_fn in class_attr.parametrize_fn(class_attr, generic_cls=generic_cls, device_cls=None):
            full_name = f"{test.__name__}_{test_suffix}"
            for decorator in decorator_fn(param_kwargs):
                test = decorator(test)
            instantiate_test_helper(cls=generic_cls, name=full_name, test=test, param_kwargs=param_kwargs)
    return generic_cls


# --- TestCase ---------------------------------------------------------------------------------

class TestCase(unittest.TestCase):
    precision = 1e-5
    rel_tol = 0
    maxDiff = None
    _ignore_not_implemented_error = False

    def setUp(self):
        super().setUp()
        torch.manual_seed(SEED)

    def assertEqual(self, x, y, msg=None, *, atol=None, rtol=None, equal_nan=True, exact_dtype=True,
                    exact_device=False, exact_layout=False, exact_stride=False, exact_is_coalesced=False):
        if atol is not None or rtol is not None:
            if isinstance(x, torch.Tensor) or isinstance(y, torch.Tensor):
                xt = x if isinstance(x, torch.Tensor) else torch.tensor(x)
                yt = y if isinstance(y, torch.Tensor) else torch.tensor(y)
                if not torch.allclose(xt, yt, atol=atol or 0.0, rtol=rtol or 0.0, equal_nan=equal_nan):
                    self.fail(self._formatMessage(msg, f"Tensor-likes are not close!\n\n{x!r} != {y!r} (atol={atol}, rtol={rtol})"))
                return
            if abs(x - y) <= (atol or 0.0) + (rtol or 0.0) * abs(y):
                return
            self.fail(self._formatMessage(msg, f"Scalars are not close!\n\nExpected {y!r} but got {x!r}."))
        if exact_dtype and isinstance(x, torch.Tensor) and isinstance(y, torch.Tensor) and x.dtype != y.dtype:
            self.fail(self._formatMessage(msg, f"The values for attribute 'dtype' do not match: {x.dtype} != {y.dtype}."))
        super().assertEqual(x, y, msg)

    def assertNotEqual(self, x, y, msg=None, *, atol=None, rtol=None, **kwargs):
        try:
            self.assertEqual(x, y, atol=atol, rtol=rtol)
        except AssertionError:
            return
        self.fail(self._formatMessage(msg, f"{x!r} == {y!r}"))

    def assertExpectedInline(self, actual, expect, skip=0):
        if not isinstance(actual, str):
            actual = str(actual)
        if actual != expect:
            self.fail(f"{expect!r} != {actual!r}\nTo accept the new output, re-run test with envvar EXPECTTEST_ACCEPT=1 "
                      "(we recommend staging/committing your changes before doing this)")

    def assertExpectedRaisesInline(self, exc_type, callable, expect, *args, **kwargs):
        try:
            callable(*args, **kwargs)
        except exc_type as e:
            self.assertExpectedInline(str(e), expect, skip=1)
            return
        self.fail(msg="Did not raise when expected to")

    def assertExpected(self, s, subname=None):
        pass

    def assertWarnsOnceRegex(self, category, regex=""):
        return contextlib.nullcontext()

    def assertLeaksNoCudaTensors(self, name=None):
        return contextlib.nullcontext()

    def assertNoUnraisable(self, callable, *args, **kwargs):
        return callable(*args, **kwargs)


def run_tests(argv=None):
    unittest.main()


@contextlib.contextmanager
def freeze_rng_state():
    yield


@contextlib.contextmanager
def set_default_dtype(dtype):
    saved = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        yield
    finally:
        torch.set_default_dtype(saved)


def set_rng_seed(seed):
    torch.manual_seed(seed)


def munge_exc(e, *, suppress_suffix=True, suppress_prefix=True, file=None, skip=0):
    s = str(e)
    if suppress_suffix:
        s = s.split("\n\nfrom user code:")[0]
        s = s.split("\n\nSet TORCH_LOGS")[0]
    return s


def make_dynamo_test(fn=None):
    if fn is None:
        return lambda f: f
    return fn


class TemporaryFileName:
    def __init__(self, *args, **kwargs):
        self.name = "/tmp/guardscope-temporary-file"

    def __enter__(self):
        return self.name

    def __exit__(self, *exc):
        return False


def find_free_port():
    raise unittest.SkipTest("Guardscope runs no network code")


def load_tests(loader, tests, pattern):
    return tests
)PY";

const char* kCommonDeviceTypeSource = R"PY(
import unittest
from torch.testing._internal.common_utils import TestCase


def instantiate_device_type_tests(generic_test_class, scope, except_for=None, only_for=None, include_lazy=False,
                                  allow_mps=False, allow_xpu=False):
    # Only the CPU device exists here: Name -> NameCPU with test_x(self, device) -> test_x_cpu(self).
    if only_for is not None and "cpu" not in (only_for if isinstance(only_for, (list, tuple)) else [only_for]):
        return
    if except_for is not None and "cpu" in (except_for if isinstance(except_for, (list, tuple)) else [except_for]):
        return
    name = generic_test_class.__name__ + "CPU"
    namespace = {}
    for attr in dir(generic_test_class):
        if not attr.startswith("test"):
            continue
        fn = getattr(generic_test_class, attr)

        def bound(self, fn=fn):
            return fn(self, "cpu")
        bound.__name__ = attr + "_cpu"
        namespace[attr + "_cpu"] = bound
    cls = type(name, (generic_test_class,), namespace)
    for attr in dir(generic_test_class):
        if attr.startswith("test") and attr in generic_test_class.__dict__:
            setattr(cls, attr, None)
    cls.__module__ = generic_test_class.__module__
    cls.device_type = "cpu"
    scope[name] = cls
    scope.pop(generic_test_class.__name__, None)


def onlyCPU(fn):
    return fn


def onlyCUDA(fn):
    return unittest.skip("Only runs on cuda")(fn)


def onlyOn(device_type):
    return onlyCPU if device_type == "cpu" else onlyCUDA


def skipCUDAIf(condition, reason):
    return lambda fn: fn


def skipCPUIf(condition, reason):
    return unittest.skipIf(condition, reason)


class dtypes:
    def __init__(self, *args, **kwargs):
        self.args = args

    def __call__(self, fn):
        return fn


dtypesIfCUDA = dtypes
)PY";

const char* kCommonCudaSource = R"PY(
import unittest

TEST_CUDA = False
TEST_MULTIGPU = False
TEST_CUDNN = False
SM53OrLater = SM60OrLater = SM70OrLater = SM80OrLater = SM89OrLater = SM90OrLater = False
PLATFORM_SUPPORTS_FLASH_ATTENTION = False
PLATFORM_SUPPORTS_MEM_EFF_ATTENTION = False
PLATFORM_SUPPORTS_FP8 = False
PLATFORM_SUPPORTS_BF16 = False
TEST_WITH_ROCM = False
requires_cuda = unittest.skipUnless(False, "requires cuda")
)PY";

const char* kInductorUtilsSource = R"PY(
import unittest

# No C++ compiler and no GPU behind Guardscope's torch: PyTorch's own markers say so, and the
# tests that need a real Inductor or a GPU skip themselves with PyTorch's decorators.
HAS_CPU = False
HAS_CUDA = False
HAS_GPU = False
HAS_XPU = False
HAS_MPS = False
HAS_CUDA_AND_TRITON = False
HAS_MULTIGPU = False
GPU_TYPE = None
RUN_CPU = False
RUN_GPU = False
requires_gpu = unittest.skipUnless(False, "requires gpu")
requires_triton = lambda: unittest.skipUnless(False, "requires triton")
requires_cuda_and_triton = unittest.skipUnless(False, "requires cuda and triton")
requires_cuda = unittest.skipUnless(False, "requires cuda")
skipCUDAIf = lambda cond, msg: (lambda fn: fn)
skipCPUIf = lambda cond, msg: unittest.skipIf(cond, msg)
)PY";

const char* kDynamoTestCaseSource = R"PY(
import contextlib
import importlib
import logging
import unittest
import torch
import torch._dynamo
import torch._dynamo.config as config
import torch._dynamo.utils as utils
from torch.testing._internal.common_utils import TestCase as TorchTestCase, IS_WINDOWS, TEST_WITH_CROSSREF, TEST_WITH_TORCHDYNAMO

log = logging.getLogger(__name__)


def run_tests(needs=()):
    from torch.testing._internal.common_utils import run_tests
    if TEST_WITH_TORCHDYNAMO or IS_WINDOWS or TEST_WITH_CROSSREF:
        return
    if isinstance(needs, str):
        needs = (needs,)
    for need in needs:
        if need == "cuda":
            if not torch.cuda.is_available():
                return
        else:
            try:
                importlib.import_module(need)
            except ImportError:
                return
    run_tests()


class TestCase(TorchTestCase):
    _exit_stack = None

    @classmethod
    def tearDownClass(cls):
        cls._exit_stack.close()
        super().tearDownClass()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._exit_stack = contextlib.ExitStack()
        cls._exit_stack.enter_context(
            config.patch(raise_on_ctx_manager_usage=True, suppress_errors=False, log_compilation_metrics=False))

    def setUp(self):
        self._prior_is_grad_enabled = torch.is_grad_enabled()
        super().setUp()
        torch._dynamo.reset()
        utils.counters.clear()

    def tearDown(self):
        torch._dynamo.reset()
        utils.counters.clear()
        super().tearDown()
        if self._prior_is_grad_enabled is not torch.is_grad_enabled():
            log.warning("Running test changed grad mode")
            torch.set_grad_enabled(self._prior_is_grad_enabled)


class CPythonTestCase(TestCase):
    pass
)PY";

const char* kInductorTestCaseSource = R"PY(
import contextlib
import torch._inductor.config as config
from torch._dynamo.test_case import TestCase as DynamoTestCase, run_tests as dynamo_run_tests
from torch.testing._internal.inductor_utils import HAS_CPU, HAS_GPU


class TestCase(DynamoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._inductor_test_stack = contextlib.ExitStack()
        cls._inductor_test_stack.enter_context(config.patch({"debug": True, "implicit_fallbacks": False}))

    @classmethod
    def tearDownClass(cls):
        cls._inductor_test_stack.close()
        super().tearDownClass()


def run_tests(needs=()):
    if HAS_CPU or HAS_GPU:
        dynamo_run_tests(needs)
)PY";

// Python-valued config modules: each knob is a module global; patch/get_hash/... come from
// torch.utils._config_module through an adaptor over the module namespace.
const char* kPythonConfigHelpers = R"PY(
class _Namespace:
    def __init__(self, namespace, prefix, keys):
        object.__setattr__(self, "_ns", namespace)
        object.__setattr__(self, "_gs_prefix", prefix)
        object.__setattr__(self, "_keys", keys)

    def _gs_keys(self):
        return self._keys

    def __getattr__(self, name):
        ns = object.__getattribute__(self, "_ns")
        if name in ns:
            return ns[name]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        self._ns[name] = value


def install_config_module(namespace, prefix, ignored=()):
    import torch.utils._config_module as cm
    keys = [k for k in namespace if not k.startswith("_") and not callable(namespace[k]) and type(namespace[k]).__name__ != "module"]
    adaptor = _Namespace(namespace, prefix, keys)
    namespace["_compile_ignored_keys"] = set(ignored)
    namespace["_default"] = {k: namespace[k] for k in keys}
    namespace["patch"] = lambda arg1=None, arg2=None, **kwargs: cm.patch(adaptor, arg1, arg2, **kwargs)
    namespace["get_hash"] = lambda: repr(sorted((k, repr(namespace[k])) for k in keys if k not in namespace["_compile_ignored_keys"])).encode()
    namespace["to_dict"] = lambda: {k: namespace[k] for k in keys}
    namespace["get_config_copy"] = namespace["to_dict"]
    namespace["shallow_copy_dict"] = namespace["to_dict"]
    namespace["save_config"] = namespace["to_dict"]
    namespace["save_config_portable"] = namespace["to_dict"]

    def load_config(config):
        for k, v in dict(config).items():
            if k in keys:
                namespace[k] = v
    namespace["load_config"] = load_config
    namespace["_gs_keys"] = lambda: keys
)PY";

const char* kInductorConfigSource = R"PY(
debug = False
fx_graph_cache = True
fx_graph_remote_cache = None
autotune_local_cache = True
implicit_fallbacks = True
generate_intermediate_hooks = False
freezing = False
max_autotune = False
max_autotune_pointwise = False
max_autotune_gemm = False
coordinate_descent_tuning = False
force_disable_caches = False
split_reductions = True
fallback_random = False
emulate_precision_casts = False
compile_threads = 1
size_asserts = True
nan_asserts = False
cpp_wrapper = False
triton_autotune_pointwise = True
aot_inductor_debug_compile = False
graph_partition = False
unsafe_ignore_unsupported_triton_autotune_args = False

from torch.utils._config_helpers import install_config_module as _install
_install(globals(), "torch._inductor.config", ignored={"debug", "fx_graph_cache", "fx_graph_remote_cache", "autotune_local_cache", "compile_threads"})
)PY";

const char* kCompilerConfigSource = R"PY(
job_id = None
dynamic_sources = ""
unbacked_sources = ""
cache_key_tag = ""
force_disable_caches = False
automatic_dynamic_local_pgo = True
automatic_dynamic_remote_pgo = None
pgo_extra_read_key = None
pgo_extra_write_key = None

from torch.utils._config_helpers import install_config_module as _install
_install(globals(), "torch.compiler.config", ignored={"job_id", "cache_key_tag", "force_disable_caches"})
)PY";

const char* kFunctorchConfigSource = R"PY(
functionalize_rng_ops = False
view_replay_for_aliased_outputs = False
debug_assert = False
cse = True
enable_autograd_cache = True

from torch.utils._config_helpers import install_config_module as _install
_install(globals(), "torch._functorch.config", ignored=set())
)PY";

// torch.testing._internal.logging_utils (LoggingTestCase, make_logging_test, log_settings,
// kwargs_to_settings): the same settings strings and record capture as PyTorch's.
const char* kLoggingUtilsSource = R"PY(
import contextlib
import logging
import os
import unittest.mock
import torch
import torch._dynamo
import torch._dynamo.test_case
import torch._inductor.config as inductor_config
import torch._logging
import torch._logging._internal


@contextlib.contextmanager
def preserve_log_state():
    prev_state = torch._logging._internal._get_log_state()
    torch._logging._internal._set_log_state(torch._logging._internal.LogState())
    try:
        yield
    finally:
        torch._logging._internal._set_log_state(prev_state)
        torch._logging._internal._init_logs()


def log_settings(settings):
    exit_stack = contextlib.ExitStack()
    settings_patch = unittest.mock.patch.dict(os.environ, {"TORCH_LOGS": settings})
    exit_stack.enter_context(preserve_log_state())
    exit_stack.enter_context(settings_patch)
    torch._logging._internal._init_logs()
    return exit_stack


def logs_to_string(module, log_option):
    # The text TORCH_LOGS=<log_option> writes through `module`'s artifact logger, captured in a
    # StringIO while the returned context manager is active.
    import io
    log_stream = io.StringIO()
    handler = logging.StreamHandler(stream=log_stream)

    @contextlib.contextmanager
    def tmp_redirect_logs():
        logger = torch._logging.getArtifactLogger(module, log_option)
        try:
            logger.addHandler(handler)
            yield
        finally:
            logger.removeHandler(handler)

    def ctx_manager():
        exit_stack = log_settings(log_option)
        exit_stack.enter_context(tmp_redirect_logs())
        return exit_stack

    return log_stream, ctx_manager


def log_api(**kwargs):
    exit_stack = contextlib.ExitStack()
    exit_stack.enter_context(preserve_log_state())
    torch._logging.set_logs(**kwargs)
    return exit_stack


def kwargs_to_settings(**kwargs):
    INT_TO_VERBOSITY = {10: "+", 20: "", 40: "-"}
    settings = []

    def append_setting(name, level):
        if isinstance(name, str) and isinstance(level, int) and level in INT_TO_VERBOSITY:
            settings.append(INT_TO_VERBOSITY[level] + name)
            return
        raise ValueError("Invalid value for setting")

    for name, val in kwargs.items():
        if isinstance(val, bool):
            settings.append(name)
        elif isinstance(val, int):
            append_setting(name, val)
        elif isinstance(val, dict) and name == "modules":
            for module_qname, level in val.items():
                append_setting(module_qname, level)
        else:
            raise ValueError("Invalid value for setting")
    return ",".join(settings)


def make_logging_test(**kwargs):
    def wrapper(fn):
        @inductor_config.patch({"fx_graph_cache": False})
        def test_fn(self):
            torch._dynamo.reset()
            records = []
            if len(kwargs) == 0:
                with self._handler_watcher(records):
                    fn(self, records)
            else:
                with log_settings(kwargs_to_settings(**kwargs)):
                    with self._handler_watcher(records):
                        fn(self, records)
            torch._dynamo.reset()
            records.clear()
            with log_api(**kwargs), self._handler_watcher(records):
                fn(self, records)
        test_fn.__name__ = fn.__name__
        return test_fn
    return wrapper


def make_settings_test(settings):
    def wrapper(fn):
        def test_fn(self):
            torch._dynamo.reset()
            records = []
            with log_settings(settings), self._handler_watcher(records):
                fn(self, records)
        test_fn.__name__ = fn.__name__
        return test_fn
    return wrapper


class LoggingTestCase(torch._dynamo.test_case.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._exit_stack.enter_context(unittest.mock.patch.dict(os.environ, {"___LOG_TESTING": ""}))
        cls._exit_stack.enter_context(unittest.mock.patch.object(torch._dynamo.config, "suppress_errors", True))
        cls._exit_stack.enter_context(unittest.mock.patch.object(torch._dynamo.config, "verbose", False))

    @classmethod
    def tearDownClass(cls):
        cls._exit_stack.close()
        torch._logging._internal.log_state.clear()
        torch._logging._init_logs()

    def hasRecord(self, records, m):
        return any(m in r.getMessage() for r in records)

    def getRecord(self, records, m):
        record = None
        for r in records:
            if m in r.getMessage():
                self.assertIsNone(record, msg=f"multiple matching records: {record} and {r} among {records}")
                record = r
        if record is None:
            self.fail(f"did not find record with {m} among {records}")
        return record

    def _handler_watcher(self, record_list):
        exit_stack = contextlib.ExitStack()

        def emit_post_hook(record):
            record_list.append(record)

        for log_qname in torch._logging._internal.log_registry.get_log_qnames():
            logger = logging.getLogger(log_qname)
            num_handlers = len(logger.handlers)
            self.assertLessEqual(num_handlers, 2, "All pt2 loggers should only have at most two handlers (debug artifacts and messages above debug level).")
            self.assertGreater(num_handlers, 0, "All pt2 loggers should have more than zero handlers")
            for handler in logger.handlers:
                old_emit = handler.emit

                def new_emit(record, old_emit=old_emit):
                    old_emit(record)
                    emit_post_hook(record)
                exit_stack.enter_context(unittest.mock.patch.object(handler, "emit", new_emit))
        return exit_stack
)PY";

} // namespace

void Engine::installTestingPreludes() {
    auto& I = interp;
    // The packages the preludes live in (importing a.b.c needs a and a.b).
    for (const char* pkg : {"torch.testing._internal", "torch._inductor", "torch._functorch", "torch.utils"}) I.nativeModule(pkg);
    I.addSourceModule("torch.testing._internal.common_utils", kCommonUtilsSource,
                      "<torch/testing/_internal/common_utils.py>");
    I.addSourceModule("torch.testing._internal.common_device_type", kCommonDeviceTypeSource,
                      "<torch/testing/_internal/common_device_type.py>");
    I.addSourceModule("torch.testing._internal.common_cuda", kCommonCudaSource, "<torch/testing/_internal/common_cuda.py>");
    I.addSourceModule("torch.testing._internal.inductor_utils", kInductorUtilsSource,
                      "<torch/testing/_internal/inductor_utils.py>");
    I.addSourceModule("torch._dynamo.test_case", kDynamoTestCaseSource, "<torch/_dynamo/test_case.py>");
    I.addSourceModule("torch._inductor.test_case", kInductorTestCaseSource, "<torch/_inductor/test_case.py>");
    I.addSourceModule("torch.utils._config_helpers", kPythonConfigHelpers, "<torch/utils/_config_module.py>");
    I.addSourceModule("torch._inductor.config", kInductorConfigSource, "<torch/_inductor/config.py>");
    I.addSourceModule("torch.compiler.config", kCompilerConfigSource, "<torch/compiler/config.py>");
    I.addSourceModule("torch._functorch.config", kFunctorchConfigSource, "<torch/_functorch/config.py>");
    I.addSourceModule("torch.testing._internal.logging_utils", kLoggingUtilsSource,
                      "<torch/testing/_internal/logging_utils.py>");
}

} // namespace gs::engine
