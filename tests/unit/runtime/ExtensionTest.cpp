// The extension interface the engine builds on: native modules and types, source modules,
// visible-type proxies, the trace observer, calls and introspection from C++.
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "RuntimeTestUtil.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

using namespace gs::runtime;
using gs::runtime::test::run;

namespace {

// A tiny tensor-like native type: a vector of doubles with operators, indexing and len.
class Vec : public Object {
public:
    Vec(Type* t, std::vector<double> d) : Object(t), data(std::move(d)) {}
    std::vector<double> data;

    static Type* type_;
    std::string repr() override {
        std::string s = "Vec(";
        for (size_t i = 0; i < data.size(); ++i) s += (i ? ", " : "") + ops::repr(Value::real(data[i]));
        return s + ")";
    }
    int64_t len() override { return static_cast<int64_t>(data.size()); }
    int truth() override {
        if (data.size() != 1)
            Interpreter::current().raise("RuntimeError", "Boolean value of Vec with more than one value is ambiguous");
        return data[0] != 0;
    }
    Value getItem(const Value& key) override {
        if (auto* t = key.dyn<Tuple>()) return Value::integer(static_cast<int64_t>(t->items.size()));  // rank probe
        int64_t i = ops::toIndex(key);
        if (i < 0) i += static_cast<int64_t>(data.size());
        if (i < 0 || i >= static_cast<int64_t>(data.size())) Interpreter::current().raise("IndexError", "index out of range");
        return Value::real(data[static_cast<size_t>(i)]);
    }
    bool setItem(const Value& key, const Value& v) override {
        data.at(static_cast<size_t>(ops::toIndex(key))) = ops::toDouble(v);
        return true;
    }
    Value iter() override {
        std::vector<Value> items;
        for (double d : data) items.push_back(Value::real(d));
        return Value(new VectorIterator(Interpreter::current().types.iterator, std::move(items)));
    }
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override {
        std::vector<double> rhs;
        if (auto* o = other.dyn<Vec>()) rhs = o->data;
        else {
            double d;
            if (!ops::tryDouble(other, d)) return {};
            rhs.assign(data.size(), d);
        }
        if (rhs.size() != data.size()) return {};
        std::vector<double> out(data.size());
        for (size_t i = 0; i < data.size(); ++i) {
            double a = reflected ? rhs[i] : data[i], b = reflected ? data[i] : rhs[i];
            switch (op) {
            case BinOpKind::Add: out[i] = a + b; break;
            case BinOpKind::Sub: out[i] = a - b; break;
            case BinOpKind::Mult: out[i] = a * b; break;
            default: return {};
            }
        }
        return Value(new Vec(type(), out));
    }
    Value inplaceOp(BinOpKind op, const Value& other) override {
        if (op != BinOpKind::Add) return {};
        Value r = binaryOp(op, other, false);
        if (r.isNull()) return r;
        data = r.as<Vec>()->data;
        return Value(this);
    }
    Value unaryOp(UnaryOpKind op) override {
        if (op != UnaryOpKind::USub) return {};
        std::vector<double> out;
        for (double d : data) out.push_back(-d);
        return Value(new Vec(type(), out));
    }
    Value richCompare(CmpOpKind op, const Value& other) override {
        auto* o = other.dyn<Vec>();
        if (!o || op != CmpOpKind::Eq) return {};
        return Value::boolean(o->data == data);
    }
};
Type* Vec::type_ = nullptr;

// Tracks a Python int while pretending to be one (the engine's tracing proxy).
class IntProxy : public Object {
public:
    IntProxy(Type* t, int64_t v) : Object(t), v(v) {}
    int64_t v;
    Type* visibleType() override { return Interpreter::current().types.int_; }
    std::string repr() override { return std::to_string(v); }
    std::string format(std::string_view spec) override { return ops::format(Value::integer(v), spec); }
    bool toIndex(int64_t& out) override {
        out = v;
        return true;
    }
    int truth() override { return v != 0; }
    int64_t hash() override { return ops::hash(Value::integer(v)); }
    Value richCompare(CmpOpKind op, const Value& other) override {
        int64_t o;
        if (!ops::tryIndex(other, o)) return {};
        return Value::boolean(ops::compareBool(op, Value::integer(v), Value::integer(o)));
    }
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override {
        int64_t o;
        if (!ops::tryIndex(other, o)) return {};
        Value a = Value::integer(reflected ? o : v), b = Value::integer(reflected ? v : o);
        return ops::binary(op, a, b);
    }
};

Type* installVec(Interpreter& I) {
    Module* m = I.nativeModule("mini.tensor");
    Type* t = I.newNativeType("Vec", "mini.tensor");
    Vec::type_ = t;
    t->construct = [](Type* cls, const CallArgs& a) {
        std::vector<double> d;
        for (auto& v : ops::toVector(a[0])) d.push_back(ops::toDouble(v));
        return Value(new Vec(cls, d));
    };
    I.addMethod(t, "sum", [](const CallArgs& a) {
        double s = 0;
        for (double d : a[0].as<Vec>()->data) s += d;
        return Value::real(s);
    });
    I.addMethod(t, "scaled", [](const CallArgs& a) {
        ArgParser p(CallArgs{a.pos.subspan(1), a.kw}, "scaled", {"factor", "offset"}, 1);
        std::vector<double> out;
        for (double d : a[0].as<Vec>()->data) out.push_back(d * p.getFloat(0, 1) + p.getFloat(1, 0));
        return Value(new Vec(a[0].obj()->type(), out));
    });
    I.addProperty(
        t, "shape", [](const Value& self) { return Interpreter::current().newTuple({Value::integer(self.as<Vec>()->len())}); });
    I.addProperty(
        t, "first", [](const Value& self) { return Value::real(self.as<Vec>()->data.at(0)); },
        [](const Value& self, const Value& v) { self.as<Vec>()->data.at(0) = ops::toDouble(v); });
    I.setAttr(Value(m), "Vec", Value(t));
    Type* param = I.newNativeType("Param", "mini.tensor", t);
    param->construct = t->construct;
    I.setAttr(Value(m), "Param", Value(param));
    I.defineFunction(m, "ones", [t](const CallArgs& a) {
        return Value(new Vec(t, std::vector<double>(static_cast<size_t>(ops::toIndex(a[0])), 1.0)));
    });
    return t;
}

struct Recorder : TraceObserver {
    std::vector<std::string> events;
    bool replaceGlobal = false;
    void onLoadGlobal(Dict*, std::string_view name, Value& v) override {
        events.push_back("global " + std::string(name));
        if (replaceGlobal && name == "limit") v = Value::integer(99);
    }
    void onLoadDeref(Cell*, std::string_view name, Value&) override { events.push_back("deref " + std::string(name)); }
    void onGetAttr(const Value&, std::string_view name, Value&) override { events.push_back("attr " + std::string(name)); }
    void onGetItem(const Value&, const Value& key, Value&) override { events.push_back("item " + ops::repr(key)); }
    void onIterate(const Value& c) override { events.push_back("iter " + typeName(c)); }
    void onLen(const Value& c) override { events.push_back("len " + typeName(c)); }
    void onFunctionEnter(Function* f) override { events.push_back("enter " + f->name); }
    void onFunctionExit(Function* f) override { events.push_back("exit " + f->name); }
};

} // namespace

TEST(Extension, NativeTypeSlotsMethodsAndProperties) {
    Interpreter I;
    installVec(I);
    auto c = run(I,
                 "from mini.tensor import Vec, Param, ones\n"
                 "import mini.tensor\n"
                 "a = Vec([1, 2, 3])\nb = ones(3)\n"
                 "print(a + b, a * 2, 2 * a, -a, a - 1, len(a), a[1], a[-1], a[0, 1], list(a), a.sum())\n"
                 "print(a.scaled(2, offset=1), a.shape, a.first)\n"
                 "a.first = 10\na[1] = 20\na += b\nprint(a, a == Vec([11, 21, 4]), 3.0 in a)\n"
                 "p = Param([1])\nprint(isinstance(p, Vec), isinstance(a, Param), type(p).__name__, bool(p), mini.tensor.Vec is Vec)\n"
                 "try:\n    bool(a)\nexcept RuntimeError as e:\n    print(e)\n"
                 "try:\n    a + 'x'\nexcept TypeError as e:\n    print(e)\n"
                 "try:\n    a.scaled()\nexcept TypeError as e:\n    print(e)\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out,
              "Vec(2.0, 3.0, 4.0) Vec(2.0, 4.0, 6.0) Vec(2.0, 4.0, 6.0) Vec(-1.0, -2.0, -3.0) Vec(0.0, 1.0, 2.0) 3 2.0 3.0 2 "
              "[1.0, 2.0, 3.0] 6.0\n"
              "Vec(3.0, 5.0, 7.0) (3,) 1.0\n"
              "Vec(11.0, 21.0, 4.0) True False\n"
              "True False Param True True\n"
              "Boolean value of Vec with more than one value is ambiguous\n"
              "unsupported operand type(s) for +: 'Vec' and 'str'\n"
              "scaled() missing 1 required positional argument: 'factor'\n");
}

TEST(Extension, SourceModuleClassesCanBeSubclassed) {
    Interpreter I;
    I.addSourceModule("nnlike", "");
    I.addSourceModule("nnlike.modules",
                      "class Module:\n"
                      "    def __init__(self):\n        object.__setattr__(self, '_modules', {})\n        self.training = True\n"
                      "    def __setattr__(self, name, value):\n"
                      "        if isinstance(value, Module):\n            self._modules[name] = value\n"
                      "        else:\n            object.__setattr__(self, name, value)\n"
                      "    def __getattr__(self, name):\n"
                      "        if name in self._modules:\n            return self._modules[name]\n"
                      "        raise AttributeError(f\"'{type(self).__name__}' object has no attribute '{name}'\")\n"
                      "    def __call__(self, *args):\n        return self.forward(*args)\n"
                      "    def eval(self):\n        self.training = False\n        return self\n",
                      "<nnlike/modules.py>");
    auto c = run(I,
                 "import nnlike.modules\nfrom nnlike import modules\nfrom nnlike.modules import Module\n"
                 "class Inner(Module):\n    def forward(self, x):\n        return x + 1\n"
                 "class Outer(Module):\n    def __init__(self):\n        super().__init__()\n        self.inner = Inner()\n"
                 "    def forward(self, x):\n        return self.inner(x) * 2\n"
                 "m = Outer()\nprint(m(3), list(m._modules), m.training, m.eval().training, modules is nnlike.modules)\n"
                 "try:\n    m.missing\nexcept AttributeError as e:\n    print(e)\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out, "8 ['inner'] True False True\n'Outer' object has no attribute 'missing'\n");
}

TEST(Extension, VisibleTypeProxyBehavesLikeInt) {
    Interpreter I;
    Type* proxyT = I.newNativeType("IntProxy", "tracer");
    Module* m = I.nativeModule("tracer");
    I.defineFunction(m, "wrap", [proxyT](const CallArgs& a) { return Value(new IntProxy(proxyT, a[0].asInt())); });
    auto c = run(I,
                 "from tracer import wrap\ny = wrap(2)\n"
                 "print(type(y) is int, isinstance(y, int), y.__class__ is int, list(range(y)), [10, 20, 30][y], int(y), str(y))\n"
                 "print(f'{y:03d}', y + 1, 1 + y, y * y, y < 5, 5 <= y, {2: 'two'}[y], hex(y), 'ab' * y, bool(y))\n");
    EXPECT_EQ(c.rc, 0) << c.err;
    EXPECT_EQ(c.out, "True True True [0, 1] 30 2 2\n002 3 3 4 True False two 0x2 abab True\n");
}

TEST(Extension, ObserverSeesLoadsAndCanReplaceValues) {
    Interpreter I;
    Recorder rec;
    rec.replaceGlobal = true;
    I.setOutput([](std::string_view) {});
    Module* m = I.runSource("o.py",
                            "limit = 3\n"
                            "class Box:\n    def __init__(self):\n        self.items = [1, 2]\n"
                            "def outer():\n    k = 5\n    def f(b):\n        n = len(b.items)\n"
                            "        for x in b.items:\n            pass\n        return b.items[0] + k + limit\n"
                            "    return f\n"
                            "fn = outer()\nbox = Box()\n");
    InterpreterScope scope(I);
    Value fn = I.getAttr(Value(m), "fn"), box = I.getAttr(Value(m), "box");
    I.setObserver(&rec);
    Value r = I.call(fn, {box});
    I.setObserver(nullptr);
    EXPECT_EQ(r.asInt(), 1 + 5 + 99);
    std::vector<std::string> expected = {"enter f", "global len", "attr items", "len list", "attr items", "iter list",
                                         "attr items", "item 0", "deref k", "global limit", "exit f"};
    EXPECT_EQ(rec.events, expected);
}

TEST(Extension, CallsWithKeywordsAndFunctionIntrospection) {
    Interpreter I;
    I.setOutput([](std::string_view) {});
    Module* m = I.runSource("f.py", "scale = 10\ndef make(k):\n    def f(a, b=2, *, c=3):\n        return (a + b + c) * k * scale\n"
                                    "    return f\nf1 = make(1)\nf2 = make(2)\n");
    InterpreterScope scope(I);
    Value f1 = I.getAttr(Value(m), "f1"), f2 = I.getAttr(Value(m), "f2");
    EXPECT_EQ(I.call(f1, {Value::integer(1)}, {{"c", Value::integer(0)}}).asInt(), 30);
    auto* fn = f2.dyn<Function>();
    ASSERT_NE(fn, nullptr);
    EXPECT_EQ(fn->code, f1.as<Function>()->code);  // same def -> same code identity
    EXPECT_EQ(fn->name, "f");
    EXPECT_EQ(fn->qualname, "make.<locals>.f");
    EXPECT_EQ(fn->code->file->name, "f.py");
    EXPECT_EQ(fn->code->firstLine, 3);
    ASSERT_EQ(fn->code->freeNames.size(), 1u);
    EXPECT_EQ(fn->code->freeNames[0], "k");
    EXPECT_EQ(fn->closure[0].as<Cell>()->value.asInt(), 2);
    EXPECT_EQ(fn->globals.get(), m->dict.get());
    ASSERT_EQ(fn->defaults.size(), 1u);
    EXPECT_EQ(fn->defaults[0].asInt(), 2);
    try {
        I.call(f1, {}, {});
        FAIL();
    } catch (PyError& e) {
        EXPECT_EQ(e.message(), "make.<locals>.f() missing 1 required positional argument: 'a'");
    }
}

TEST(Extension, CurrentLocationAndStackFromNativeCode) {
    Interpreter I;
    Module* m = I.nativeModule("probe");
    std::vector<SourceLocation> seen;
    I.defineFunction(m, "where", [&I, &seen](const CallArgs&) {
        seen = I.stack();
        return Value::none();
    });
    auto c = run(I, "import probe\ndef inner():\n    probe.where()\ndef outer():\n    inner()\nouter()\n", "loc.py");
    ASSERT_EQ(c.rc, 0) << c.err;
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0].function, "inner");
    EXPECT_EQ(seen[0].line, 3);
    EXPECT_EQ(seen[0].text, "probe.where()");
    EXPECT_EQ(seen[1].function, "outer");
    EXPECT_EQ(seen[2].function, "<module>");
    EXPECT_EQ(seen[2].file, "loc.py");
}

TEST(Extension, InterpretersAreIndependent) {
    Interpreter a, b;
    a.setOutput([](std::string_view) {});
    b.setOutput([](std::string_view) {});
    Module* ma = a.runSource("a.py", "x = [1]\n");
    Module* mb = b.runSource("b.py", "x = 'other'\n");
    {
        InterpreterScope scope(a);
        EXPECT_EQ(ops::repr(a.getAttr(Value(ma), "x")), "[1]");
    }
    InterpreterScope scope(b);
    EXPECT_EQ(ops::repr(b.getAttr(Value(mb), "x")), "'other'");
}

TEST(Extension, HandBuiltAstRuns) {
    using namespace gs::lang;
    Interpreter I;
    std::string out;
    I.setOutput([&](std::string_view s) { out += s; });
    auto mod = std::make_unique<gs::lang::Module>();
    mod->source = std::make_shared<SourceFile>("hand.py", "print(1 + 2)\n");
    auto call = std::make_unique<Call>();
    auto fn = std::make_unique<Name>();
    fn->id = "print";
    call->func = std::move(fn);
    auto add = std::make_unique<BinOp>();
    auto one = std::make_unique<Constant>();
    one->type = Constant::Type::Int;
    one->i = 1;
    auto two = std::make_unique<Constant>();
    two->type = Constant::Type::Int;
    two->i = 2;
    add->left = std::move(one);
    add->right = std::move(two);
    call->args.push_back(std::move(add));
    auto stmt = std::make_unique<ExprStmt>();
    stmt->loc.line = 1;
    stmt->value = std::move(call);
    mod->body.push_back(std::move(stmt));
    I.runModule(std::move(mod));
    EXPECT_EQ(out, "3\n");
}

TEST(Extension, InterpretersOnTwoThreadsRunConcurrently) {
    const std::string src =
        "class Acc:\n    def __init__(self):\n        self.items = {}\n"
        "    def add(self, k):\n        self.items[k] = self.items.get(k, 0) + 1\n"
        "def gen(n):\n    for i in range(n):\n        yield i % 7\n"
        "a = Acc()\nfor v in gen(20000):\n    try:\n        a.add(str(v))\n        if v == 3:\n            raise KeyError(v)\n"
        "    except KeyError:\n        pass\nprint(sorted(a.items.items()), {3, 1, 2})\n";
    std::string outs[2];
    auto work = [&](int k) {
        Interpreter I;
        auto c = run(I, src);
        outs[k] = c.out + c.err;
    };
    std::thread t1(work, 0), t2(work, 1);
    t1.join();
    t2.join();
    EXPECT_EQ(outs[0], outs[1]);
    EXPECT_NE(outs[0].find("('0', 2858), ('1', 2857)"), std::string::npos) << outs[0];
}
