#include "tests/fuzz/GuardScenario.h"

#include <string>
#include <vector>

namespace gs::fuzz {

uint32_t ByteChoices::pick(uint32_t n) {
    if (n <= 1) return 0;
    uint32_t v = 0;
    // Two bytes per choice: enough range for every list below, and minimisation stays local.
    for (int i = 0; i < 2; ++i) v = (v << 8) | (pos_ < size_ ? data_[pos_++] : 0u);
    return v % n;
}

namespace {

// Module state every scenario starts from. Everything the compiled function may read lives
// here, plus alternatives the mutations switch to (other methods, functions, closures).
constexpr const char* kPrologue = R"PY(import functools
import math
import torch

torch._dynamo.config.recompile_limit = 64
G_INT = 2
G_LIST = [1, 2, 3]
G_DICT = {"a": 1, "b": 2}
G_STR = "p"
math.gs_scale = 3


class Base:
    k = 1

    def __init__(self):
        self.v = 1

    def m(self, t):
        return t * 2 + self.v

    @property
    def pv(self):
        return self.v * 2

    @staticmethod
    def sm(t):
        return t + 1

    @classmethod
    def cm(cls, t):
        return t * cls.k

    def m2(self, t):
        return t - 1


class Mid(Base):
    pass


class Derived(Mid):
    def m2(self, t):
        return super().m2(t) + super().m(t)


def base_alt0(self, t):
    return t * 3


def base_alt1(self, t):
    return t - 1


class Op:
    def __call__(self, t):
        return t + 1


def op_alt(self, t):
    return t + 5


def helper(t):
    return t + 1


def helper_alt0(t):
    return t + 7


def helper_alt1(t):
    return t * 0.5


def make(n):
    def inner(t):
        return t * n

    return inner


def make_other(n):
    def inner(t):
        return t + n

    return inner


def with_default(t, k=2):
    return t + k


def with_kw(t, *, k=3):
    return t * k


G_TENS = [torch.ones(4)]
D_DEF = [1, 2]
E_DEF = 2


o1 = Derived()
o2 = Derived()
obj = o1
op = Op()
clo = make(2)
weights = {id(o1): 1, id(o2): 2}
net = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5))
net.eval()
G_SET = {1, 2}
part = functools.partial(with_default, k=2)
)PY";

// Statements of the compiled function's body; `y` is the running tensor.
const std::vector<std::string> kReads = {
    "y = y + G_INT",
    "y = y * G_LIST[0]",
    "y = y + len(G_LIST)",
    "for v in G_LIST:\n        y = y + v",
    "y = y + G_DICT[\"a\"]",
    "for key, v in G_DICT.items():\n        y = y + v",
    "y = y + G_DICT.get(\"c\", 5)",
    "if \"c\" in G_DICT:\n        y = y + 1",
    "if G_STR == \"p\":\n        y = y * 2",
    "y = obj.m(y)",
    "y = y + obj.v",
    "y = y + Base.k",
    "y = helper(y)",
    "y = clo(y)",
    "y = y + a",
    "y = y * b[0]",
    "for t in b:\n        y = y + t",
    "if s == \"p\":\n        y = y + 3",
    "y = y + math.gs_scale",
    "y = net(y)",
    "y = y + weights.get(id(obj), 0)",
    "y = with_default(y)",
    "y = op(y)",
    "y = y + sum([v * 2 for v in G_LIST])",
    "if isinstance(obj, Derived):\n        y = y + 1",
    "y = y + obj.k",
    "y = y + len(G_DICT)",
    "y = y + (a if a > 2 else -a)",
    "for key in G_DICT:\n        y = y + len(key)",
    "y = y + len(s)",
    "y = y + obj.pv",
    "y = obj.sm(y)",
    "y = Base.cm(y)",
    "y = obj.m2(y)",
    "y = with_kw(y)",
    "y = y + G_TENS[0]",
    "for key in G_DICT:\n        if key == \"a\":\n            y = y + 1",
    "y = y + Derived.k",
    // sizes made by ops from `z`, whose size and values the mutations change (dynamic shapes)
    "if z[::2].shape[0] > 3:\n        y = y + 1",
    "y = y + z.repeat(2).shape[0]",
    "if z.flatten().shape[0] > 5:\n        y = y * 2",
    "y = y + z.nonzero().shape[0]",
    "if z[z > 0].shape[0] > 2:\n        y = y - 1",
    "y = y + z.view(-1).shape[0] // 2",
    "if z.unsqueeze(0).expand(3, -1).shape[1] > 5:\n        y = y + 2",
    "y = y + z[1:].shape[0]",
    "if z.unsqueeze(1).repeat(1, 2).shape[1] == z.shape[0]:\n        y = y + 4",
    "y = y + z.sum()",
    // the compiled function's own defaults (d=D_DEF, *, e=E_DEF): locals of its frame
    "y = y + d[0]",
    "for v in d:\n        y = y + v",
    "y = y + len(d)",
    "y = y * e",
    "if e > 1:\n        y = y + 1",
    // reads of whole containers, sets, partials and tensor attributes (session 10)
    "y = y + dict(G_DICT)[\"a\"]",
    "y = y + G_LIST.count(2)",
    "y = y + (G_LIST + [0])[0]",
    "y = y + len(repr(G_LIST))",
    "y = y + int(b == [1, 2])",
    "for v in G_SET:\n        y = y * v",
    "y = part(y)",
    "y = y + x.storage_offset()",
    "try:\n        y = y + G_DICT[\"c\"]\n    except KeyError:\n        y = y - 1",
    "y = y + getattr(x, \"gs\", 0)",
    "y = y + (lambda **kw: len(kw) + kw.get(\"a\", 0))(**G_DICT)",
    "y = y + len(f\"{b}\")",
};

std::string num(ByteChoices& in) { return std::to_string(static_cast<int>(in.pick(7)) - 1); }

// A mutation of module state between two calls.
std::string mutation(ByteChoices& in) {
    switch (in.pick(52)) {
    case 0: return "G_INT = " + num(in);
    case 1: return "G_LIST.append(" + num(in) + ")";
    case 2: return "G_LIST[0] = " + num(in);
    case 3: return "G_LIST = [" + num(in) + ", " + num(in) + "]";
    case 4: return "G_DICT[\"a\"] = " + num(in);
    case 5: return "G_DICT[\"c\"] = " + num(in);
    case 6: return "G_DICT.pop(\"c\", None)";
    case 7: return "G_DICT[\"a\"] = G_DICT.pop(\"a\")";
    case 8: return in.chance(2) ? "G_STR = \"q\"" : "G_STR = \"p\"";
    case 9: return in.chance(2) ? "Base.m = base_alt0" : "Base.m = base_alt1";
    case 10: return in.chance(2) ? "Mid.m = base_alt0" : "Derived.m = base_alt1";
    case 11: return "obj.m = lambda t: t - " + num(in);
    case 12: return "obj.v = " + num(in);
    case 13: return "Base.k = " + num(in);
    case 14: {
        static const char* alts[] = {"helper = helper_alt0", "helper = helper_alt1", "helper = make(3)"};
        return alts[in.pick(3)];
    }
    case 15: return "clo = make(" + num(in) + ")";
    case 16: return "clo = make_other(" + num(in) + ")";
    case 17: return "math.gs_scale = " + num(in);
    case 18: return in.chance(2) ? "net.train()" : "net.eval()";
    case 19: {
        static const char* alts[] = {"obj = Base()", "obj = o1", "obj = o2", "obj = Mid()"};
        return alts[in.pick(4)];
    }
    case 20: return "with_default.__defaults__ = (" + num(in) + ",)";
    case 21: return "a = " + num(in);
    case 22: {
        switch (in.pick(3)) {
        case 0: return "b = [" + num(in) + ", " + num(in) + "]";
        case 1: return "b.append(" + num(in) + ")";
        default: return "b[0] = " + num(in);
        }
    }
    case 23: return in.chance(2) ? "s = \"q\"" : "s = \"pp\"";
    case 24: return "Op.__call__ = op_alt";
    case 25: return "obj.__dict__.pop(\"m\", None)";
    case 26: return "weights[id(obj)] = " + num(in);
    case 27: return "net[1].p = 0.0";
    case 28: return "x = torch.full((4,), float(" + num(in) + "))";
    case 29: return "Base.pv = property(lambda self: " + num(in) + ")";
    case 30: return "Base.sm = staticmethod(lambda t: t * " + num(in) + ")";
    case 31: return "Derived.k = " + num(in);
    case 32: return "G_TENS[0] = torch.full((4,), float(" + num(in) + "))";
    case 33: return "G_TENS[0].add_(1)";
    case 34: return "with_kw.__kwdefaults__ = {\"k\": " + num(in) + "}";
    case 35: return "Mid.m2 = lambda self, t: t + " + num(in);
    case 36: return in.chance(2) ? "G_DICT = {\"b\": 2, \"a\": 1}" : "G_DICT = {\"a\": 1}";
    case 37: return in.chance(2) ? "Base.m.__code__ = base_alt0.__code__" : "helper_alt1.__code__ = helper_alt0.__code__";
    case 38: return "z = torch.ones(" + std::to_string(2 + in.pick(7)) + ")";
    case 39: return "z = torch.arange(float(" + std::to_string(2 + in.pick(7)) + ")) - " + num(in);
    case 40: return "D_DEF.append(" + num(in) + ")";
    case 41: return "D_DEF[0] = " + num(in);
    case 42: return "f.__defaults__ = ([" + num(in) + ", " + num(in) + "],)";
    case 43: return "f.__kwdefaults__ = {\"e\": " + num(in) + "}";
    case 44: return "f_other.__defaults__ = ([" + num(in) + "],)";
    case 45: return "G_SET.add(" + num(in) + ")";
    case 46: return "G_SET.discard(" + num(in) + ")";
    case 47: return "part.keywords[\"k\"] = " + num(in);
    case 48: return "x = torch.arange(" + std::to_string(6 + in.pick(3)) + ".0)[" + std::to_string(1 + in.pick(2)) + ":][:4]";
    case 49: return "x.gs = " + num(in);
    case 50: return in.chance(2) ? "G_SET = {3, 1}" : "G_SET = {1, 3}";
    default: return "op = Op()";
    }
}

} // namespace

std::string generateGuardScenario(ByteChoices& in) {
    std::string src = kPrologue;
    // Two functions made by one `def` (one code object, hence one cache) with their own defaults.
    src += "\n\ndef make_f(dd):\n    def f(x, a, b, s, z, d=dd, *, e=E_DEF):\n        y = x * 1\n";
    uint32_t reads = 2 + in.pick(7);
    for (uint32_t i = 0; i < reads; ++i) {
        std::string read = kReads[in.pick(static_cast<uint32_t>(kReads.size()))];
        for (size_t at = read.find('\n'); at != std::string::npos; at = read.find('\n', at + 1)) read.insert(at + 1, "    ");
        src += "        " + read + "\n";
    }
    src += "        return y\n\n    return f\n\n\nf = make_f(D_DEF)\nf_other = make_f([3, 4])\n";
    static const char* dynamics[] = {"", ", dynamic=True", ", dynamic=False"};
    const char* dynamic = dynamics[in.pick(3)];
    src += std::string("cf = torch.compile(f, backend=\"eager\"") + dynamic + ")\n";
    src += std::string("cf_other = torch.compile(f_other, backend=\"eager\"") + dynamic + ")\n";
    src += "x = torch.ones(4)\na = 1\nb = [1, 2]\ns = \"p\"\nz = torch.arange(4.0) - 1\n";
    uint32_t calls = 4 + in.pick(12);
    for (uint32_t i = 0; i < calls; ++i) {
        uint32_t changes = i == 0 ? 0 : in.pick(3);
        for (uint32_t k = 0; k < changes; ++k) src += mutation(in) + "\n";
        const char* call = in.chance(4) ? "cf_other(x, a, b, s, z)\n" : "cf(x, a, b, s, z)\n";
        src += call;
        if (in.chance(3)) src += call;  // an unchanged repeat: a hit to check
    }
    return src;
}

} // namespace gs::fuzz
