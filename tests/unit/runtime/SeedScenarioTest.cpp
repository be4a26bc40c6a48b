// Runs the seed scenario (shared/seeds/test_recompiles.py) unmodified against a small fake of the
// torch modules written as source modules, to check that the runtime executes everything the
// seed uses (patch.object stacks on nested functions, TestCase subclasses of a source-module
// class, run_tests from a source module, nn.Module subclasses). The fake counts one compile per
// new input signature, so the recompile-count assertions are not the subject here: every test
// must finish as passed or failed, none with an interpreter error.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "RuntimeTestUtil.h"

using namespace gs::runtime;

namespace {

const char* kTorch = R"PY(
class Tensor:
    def __init__(self, data):
        self.data = [float(x) for x in data]

    def size(self):
        return (len(self.data),)

    @property
    def shape(self):
        return (len(self.data),)

    def _binary(self, other, fn):
        if isinstance(other, Tensor):
            return Tensor([fn(a, b) for a, b in zip(self.data, other.data)])
        return Tensor([fn(a, other) for a in self.data])

    def __mul__(self, other):
        return self._binary(other, lambda a, b: a * b)

    __rmul__ = __mul__

    def __add__(self, other):
        return self._binary(other, lambda a, b: a + b)

    __radd__ = __add__

    def add_(self, other):
        self.data = self._binary(other, lambda a, b: a + b).data
        return self

    def clone(self):
        return Tensor(self.data)

    def detach(self):
        return self

    def __eq__(self, other):
        return isinstance(other, Tensor) and self.data == other.data

    def __repr__(self):
        return f"tensor({self.data})"


def randn(shape):
    n = shape[0] if isinstance(shape, (list, tuple)) else shape
    return Tensor([0.5 + i for i in range(n)])


class _OptimizedModule:
    def __init__(self, mod, backend):
        self._orig_mod = mod
        self._backend = backend
        self._seen = set()

    def __call__(self, *args):
        key = (self._orig_mod.training,) + tuple(len(a.data) for a in args)
        if key not in self._seen:
            self._seen.add(key)
            self._backend(None, list(args))
        return self._orig_mod(*args)

    def __getattr__(self, name):
        return getattr(self._orig_mod, name)


def compile(model, backend=None, fullgraph=False, dynamic=None):
    import torch._dynamo
    if isinstance(model, nn.Module):
        return _OptimizedModule(model, backend)
    return torch._dynamo.optimize(backend, dynamic=dynamic)(model)


from . import nn
)PY";

const char* kDynamo = R"PY(
import torch
from . import config
from . import testing


def _signature(args):
    sig = []
    for a in args:
        if isinstance(a, torch.Tensor):
            sig.append(("T", len(a.data)))
        elif hasattr(a, "training"):
            sig.append(("M", a.training))
        else:
            sig.append(("V", a))
    return tuple(sig)


def optimize(backend, nopython=False, dynamic=None):
    def wrap(fn):
        seen = set()

        def compiled(*args):
            key = _signature(args) + (_signature([fn]) if hasattr(fn, "training") else ())
            if key not in seen:
                seen.add(key)
                backend(None, list(args))
            return fn(*args)

        return compiled

    return wrap


def reset():
    pass
)PY";

const char* kConfig = "automatic_dynamic_shapes = True\nassume_static_by_default = True\n";

const char* kTesting = R"PY(
class CompileCounter:
    def __init__(self):
        self.frame_count = 0
        self.op_count = 0

    def __call__(self, gm, example_inputs):
        self.frame_count += 1
        self.op_count += 1
        return gm
)PY";

const char* kTestCase = R"PY(
import unittest
import _gs_unittest


class TestCase(unittest.TestCase):
    pass


def run_tests():
    _gs_unittest.run_tests("__main__")
)PY";

const char* kNn = R"PY(
class Module:
    def __init__(self):
        self.training = True

    def __call__(self, *args):
        return self.forward(*args)

    def eval(self):
        self.training = False
        return self

    def train(self, mode=True):
        self.training = mode
        return self


class Dropout(Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        return x


class Linear(Module):
    def __init__(self, inf, outf):
        super().__init__()
        self.inf, self.outf = inf, outf

    def forward(self, x):
        return x
)PY";

} // namespace

TEST(SeedScenario, RunsUnmodifiedAgainstFakeTorch) {
    std::ifstream in(std::string(GS_SHARED_DIR) + "/seeds/test_recompiles.py");
    if (!in) GTEST_SKIP() << "shared seed not found";
    std::stringstream ss;
    ss << in.rdbuf();
    Interpreter I;
    I.addSourceModule("torch", kTorch);
    I.addSourceModule("torch._dynamo", kDynamo);
    I.addSourceModule("torch._dynamo.config", kConfig);
    I.addSourceModule("torch._dynamo.testing", kTesting);
    I.addSourceModule("torch._dynamo.test_case", kTestCase);
    I.addSourceModule("torch.nn", kNn);
    std::vector<TestResult> results;
    I.setTestResultCallback([&](const TestResult& r) { results.push_back(r); });
    auto c = gs::runtime::test::run(I, ss.str(), "test_recompiles.py");
    EXPECT_EQ(c.rc, 0) << c.err;
    ASSERT_EQ(results.size(), 6u) << c.err;
    EXPECT_EQ(results[0].name, "test_aliasing_guard_failures");
    EXPECT_EQ(results[0].className, "RecompileTests");
    for (const auto& r : results)
        EXPECT_NE(static_cast<int>(r.status), static_cast<int>(TestResult::Status::Error)) << r.name << ": " << r.message << "\n" << r.traceback;
    // The fake compiles once per distinct input size: the static-shape expectations hold.
    for (const auto& r : results) {
        if (r.status == TestResult::Status::Fail) {
            EXPECT_EQ(r.file, "test_recompiles.py") << r.name;
        }
    }
}
