// Lazily created standard modules (see Stdlib.h): native ones here (sys, math, itertools, time),
// random in Random.cpp, the ones written in the scenario language in StdlibSources.cpp.
#include "core/runtime/Stdlib.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

// Defined in Random.cpp / Unittest.cpp / StdlibSources.cpp.
void initRandom(Interpreter& I, Module* m);
void initUnittestNatives(Interpreter& I, Module* m);
void initRe(Interpreter& I, Module* m);
const char* pythonSource(std::string_view name);

namespace {
Interpreter& in() { return Interpreter::current(); }

double num(const Value& v) { return ops::toDouble(v); }

[[noreturn]] void domain() { in().raise(in().types.ValueError, "math domain error"); }

void initSys(Interpreter& I, Module* m) {
    Dict* d = m->dict.get();
    std::vector<Value> argv;
    for (const auto& a : I.argv) argv.push_back(I.newStr(a));
    d->setStr("argv", I.newList(std::move(argv)));
    d->setStr("version", I.newStr("3.11.0 (Guardscope scenario runtime)"));
    d->setStr("version_info", I.newTuple({Value::integer(3), Value::integer(11), Value::integer(0), I.newStr("final"), Value::integer(0)}));
    d->setStr("maxsize", Value::integer(INT64_MAX));
    d->setStr("platform", I.newStr("linux"));
    d->setStr("byteorder", I.newStr("little"));
    d->setStr("path", I.newList());
    I.defineFunction(m, "exit", [](const CallArgs& a) -> Value {
        in().raiseArgs(in().types.SystemExit, std::vector<Value>(a.pos.begin(), a.pos.end()));
    });
    I.defineFunction(m, "getrecursionlimit", [](const CallArgs&) { return Value::integer(in().limits().maxDepth); });
    I.defineFunction(m, "setrecursionlimit", [](const CallArgs& a) {
        a.expect("setrecursionlimit", 1, 1);
        return Value::none();  // the host's --max-depth limit stays in charge
    });
    Type* streamType = I.newNativeType("TextIOWrapper", "io");
    I.addMethod(streamType, "write", [](const CallArgs& a) {
        a.expect("write", 2, 2);
        auto* s = a[1].dyn<Str>();
        if (!s) in().raise(in().types.TypeError, "write() argument must be str, not " + typeName(a[1]));
        bool err = ops::truthy(in().getAttr(a[0], "_err"));
        if (err) in().writeError(s->s());
        else in().write(s->s());
        return Value::integer(s->length());
    });
    I.addMethod(streamType, "flush", [](const CallArgs&) { return Value::none(); });
    for (auto [name, isErr] : {std::pair{"stdout", false}, std::pair{"stderr", true}}) {
        Ref<Object> s(new Instance(streamType));
        static_cast<Instance*>(s.get())->dict->setStr("_err", Value::boolean(isErr));
        d->setStr(name, Value(s.get()));
        d->setStr(std::string("__") + name + "__", Value(s.get()));
    }
}

void initMath(Interpreter& I, Module* m) {
    Dict* d = m->dict.get();
    d->setStr("pi", Value::real(M_PI));
    d->setStr("e", Value::real(M_E));
    d->setStr("tau", Value::real(2 * M_PI));
    d->setStr("inf", Value::real(INFINITY));
    d->setStr("nan", Value::real(NAN));
    auto unary = [&](const char* name, double (*f)(double), bool (*ok)(double)) {
        std::string n = name;
        I.defineFunction(m, name, [f, ok, n](const CallArgs& a) {
            a.expect(n, 1, 1);
            double x = num(a[0]);
            if (ok && !ok(x)) domain();
            double r = f(x);
            if (std::isnan(r) && !std::isnan(x)) domain();
            return Value::real(r);
        });
    };
    unary("sqrt", [](double x) { return std::sqrt(x); }, [](double x) { return x >= 0 || std::isnan(x); });
    unary("exp", [](double x) { return std::exp(x); }, nullptr);
    unary("sin", [](double x) { return std::sin(x); }, [](double x) { return !std::isinf(x); });
    unary("cos", [](double x) { return std::cos(x); }, [](double x) { return !std::isinf(x); });
    unary("tan", [](double x) { return std::tan(x); }, [](double x) { return !std::isinf(x); });
    unary("asin", [](double x) { return std::asin(x); }, [](double x) { return x >= -1 && x <= 1; });
    unary("acos", [](double x) { return std::acos(x); }, [](double x) { return x >= -1 && x <= 1; });
    unary("atan", [](double x) { return std::atan(x); }, nullptr);
    unary("sinh", [](double x) { return std::sinh(x); }, nullptr);
    unary("cosh", [](double x) { return std::cosh(x); }, nullptr);
    unary("tanh", [](double x) { return std::tanh(x); }, nullptr);
    unary("fabs", [](double x) { return std::fabs(x); }, nullptr);
    unary("log2", [](double x) { return std::log2(x); }, [](double x) { return x > 0; });
    unary("log10", [](double x) { return std::log10(x); }, [](double x) { return x > 0; });
    unary("log1p", [](double x) { return std::log1p(x); }, [](double x) { return x > -1; });
    unary("expm1", [](double x) { return std::expm1(x); }, nullptr);
    unary("degrees", [](double x) { return x * 180.0 / M_PI; }, nullptr);
    unary("radians", [](double x) { return x * M_PI / 180.0; }, nullptr);
    unary("erf", [](double x) { return std::erf(x); }, nullptr);
    unary("erfc", [](double x) { return std::erfc(x); }, nullptr);
    unary("gamma", [](double x) { return std::tgamma(x); }, nullptr);
    unary("lgamma", [](double x) { return std::lgamma(x); }, nullptr);
    I.defineFunction(m, "log", [](const CallArgs& a) {
        a.expect("log", 1, 2);
        double x = num(a[0]);
        if (x <= 0) domain();
        double r = std::log(x);
        if (a.size() == 2) {
            double b = num(a[1]);
            if (b <= 0 || b == 1) {
                if (b == 1) in().raise(in().types.ZeroDivisionError, "float division by zero");
                domain();
            }
            r /= std::log(b);
        }
        return Value::real(r);
    });
    auto toIntRounded = [](double r) {
        if (std::isnan(r)) in().raise(in().types.ValueError, "cannot convert float NaN to integer");
        if (std::isinf(r)) in().raise(in().types.OverflowError, "cannot convert float infinity to integer");
        if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) numbers::overflow();
        return Value::integer(static_cast<int64_t>(r));
    };
    I.defineFunction(m, "floor", [toIntRounded](const CallArgs& a) {
        a.expect("floor", 1, 1);
        if (a[0].isIntLike()) return Value::integer(a[0].asInt());
        if (Object* o = a[0].obj(); o && o->type()->heap) {
            Value fn = ops::findDunder(o->type(), in().names.__floor__);
            if (fn) return ops::call1(fn, a[0]);
        }
        return toIntRounded(std::floor(num(a[0])));
    });
    I.defineFunction(m, "ceil", [toIntRounded](const CallArgs& a) {
        a.expect("ceil", 1, 1);
        if (a[0].isIntLike()) return Value::integer(a[0].asInt());
        if (Object* o = a[0].obj(); o && o->type()->heap) {
            Value fn = ops::findDunder(o->type(), in().names.__ceil__);
            if (fn) return ops::call1(fn, a[0]);
        }
        return toIntRounded(std::ceil(num(a[0])));
    });
    I.defineFunction(m, "trunc", [toIntRounded](const CallArgs& a) {
        a.expect("trunc", 1, 1);
        if (a[0].isIntLike()) return Value::integer(a[0].asInt());
        return toIntRounded(std::trunc(num(a[0])));
    });
    I.defineFunction(m, "pow", [](const CallArgs& a) {
        a.expect("pow", 2, 2);
        double x = num(a[0]), y = num(a[1]);
        if (x == 0 && y < 0) domain();
        if (x < 0 && std::floor(y) != y && std::isfinite(y)) domain();
        return Value::real(std::pow(x, y));
    });
    I.defineFunction(m, "atan2", [](const CallArgs& a) {
        a.expect("atan2", 2, 2);
        return Value::real(std::atan2(num(a[0]), num(a[1])));
    });
    I.defineFunction(m, "copysign", [](const CallArgs& a) {
        a.expect("copysign", 2, 2);
        return Value::real(std::copysign(num(a[0]), num(a[1])));
    });
    I.defineFunction(m, "fmod", [](const CallArgs& a) {
        a.expect("fmod", 2, 2);
        double y = num(a[1]);
        if (y == 0) domain();
        return Value::real(std::fmod(num(a[0]), y));
    });
    I.defineFunction(m, "hypot", [](const CallArgs& a) {
        double s = 0;
        for (const auto& v : a.pos) s += num(v) * num(v);
        return Value::real(std::sqrt(s));
    });
    I.defineFunction(m, "isnan", [](const CallArgs& a) {
        a.expect("isnan", 1, 1);
        return Value::boolean(std::isnan(num(a[0])));
    });
    I.defineFunction(m, "isinf", [](const CallArgs& a) {
        a.expect("isinf", 1, 1);
        return Value::boolean(std::isinf(num(a[0])));
    });
    I.defineFunction(m, "isfinite", [](const CallArgs& a) {
        a.expect("isfinite", 1, 1);
        return Value::boolean(std::isfinite(num(a[0])));
    });
    I.defineFunction(m, "isclose", [](const CallArgs& a) {
        ArgParser p(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2);
        double x = num(p[0]), y = num(p[1]);
        double rel = p.getFloat(2, 1e-9), abs = p.getFloat(3, 0.0);
        if (rel < 0 || abs < 0) in().raise(in().types.ValueError, "tolerances must be non-negative");
        if (x == y) return Value::boolean(true);
        if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
        double diff = std::fabs(y - x);
        return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs);
    });
    I.defineFunction(m, "prod", [](const CallArgs& a) {
        ArgParser p(a, "prod", {"iterable", "start"}, 1, 1);
        Value acc = p.has(1) ? p[1] : Value::integer(1);
        for (auto& v : ops::toVector(p[0])) acc = ops::binary(BinOpKind::Mult, acc, v);
        return acc;
    });
    I.defineFunction(m, "fsum", [](const CallArgs& a) {
        a.expect("fsum", 1, 1);
        long double s = 0;
        for (auto& v : ops::toVector(a[0])) s += num(v);
        return Value::real(static_cast<double>(s));
    });
    I.defineFunction(m, "gcd", [](const CallArgs& a) {
        int64_t g = 0;
        for (const auto& v : a.pos) g = std::gcd(g, ops::toIndex(v));
        return Value::integer(g < 0 ? -g : g);
    });
    I.defineFunction(m, "lcm", [](const CallArgs& a) {
        int64_t l = 1;
        for (const auto& v : a.pos) {
            int64_t x = ops::toIndex(v);
            if (x == 0) return Value::integer(0);
            int64_t g = std::gcd(l, x);
            int64_t r;
            if (__builtin_mul_overflow(l / g, x < 0 ? -x : x, &r)) numbers::overflow();
            l = r;
        }
        return Value::integer(l);
    });
    I.defineFunction(m, "factorial", [](const CallArgs& a) {
        a.expect("factorial", 1, 1);
        if (!a[0].isIntLike()) in().raise(in().types.TypeError, "'" + typeName(a[0]) + "' object cannot be interpreted as an integer");
        int64_t n = a[0].asInt();
        if (n < 0) in().raise(in().types.ValueError, "factorial() not defined for negative values");
        int64_t r = 1;
        for (int64_t k = 2; k <= n; ++k)
            if (__builtin_mul_overflow(r, k, &r)) numbers::overflow();
        return Value::integer(r);
    });
    I.defineFunction(m, "comb", [](const CallArgs& a) {
        a.expect("comb", 2, 2);
        int64_t n = ops::toIndex(a[0]), k = ops::toIndex(a[1]);
        if (n < 0 || k < 0) in().raise(in().types.ValueError, n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
        if (k > n) return Value::integer(0);
        k = std::min(k, n - k);
        __extension__ using I128 = __int128;
        I128 r = 1;
        for (int64_t i = 1; i <= k; ++i) {
            r = r * (n - k + i) / i;
            if (r > INT64_MAX) numbers::overflow();
        }
        return Value::integer(static_cast<int64_t>(r));
    });
    I.defineFunction(m, "perm", [](const CallArgs& a) {
        a.expect("perm", 1, 2);
        int64_t n = ops::toIndex(a[0]);
        int64_t k = a.size() > 1 && !a[1].isNone() ? ops::toIndex(a[1]) : n;
        if (n < 0 || k < 0) in().raise(in().types.ValueError, n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
        if (k > n) return Value::integer(0);
        int64_t r = 1;
        for (int64_t i = 0; i < k; ++i)
            if (__builtin_mul_overflow(r, n - i, &r)) numbers::overflow();
        return Value::integer(r);
    });
    I.defineFunction(m, "modf", [](const CallArgs& a) {
        a.expect("modf", 1, 1);
        double ip;
        double fp = std::modf(num(a[0]), &ip);
        return in().newTuple({Value::real(fp), Value::real(ip)});
    });
    I.defineFunction(m, "frexp", [](const CallArgs& a) {
        a.expect("frexp", 1, 1);
        int e;
        double m2 = std::frexp(num(a[0]), &e);
        return in().newTuple({Value::real(m2), Value::integer(e)});
    });
    I.defineFunction(m, "ldexp", [](const CallArgs& a) {
        a.expect("ldexp", 2, 2);
        return Value::real(std::ldexp(num(a[0]), static_cast<int>(ops::toIndex(a[1]))));
    });
    I.defineFunction(m, "isqrt", [](const CallArgs& a) {
        a.expect("isqrt", 1, 1);
        int64_t n = ops::toIndex(a[0]);
        if (n < 0) in().raise(in().types.ValueError, "isqrt() argument must be nonnegative");
        auto r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
        while (r * r > n) --r;
        while ((r + 1) * (r + 1) <= n) ++r;
        return Value::integer(r);
    });
}

// --- itertools: lazy where the input may be infinite, eager (ordered like CPython) otherwise.

Value iterOf(std::vector<Value> items) { return Value(new VectorIterator(in().types.iterator, std::move(items))); }

Value lazy(const char* kind, NativeIterator::Step step) {
    return Value(new NativeIterator(in().types.nativeIterator, kind, std::move(step)));
}

void initItertools(Interpreter& I, Module* m) {
    I.defineFunction(m, "count", [](const CallArgs& a) {
        ArgParser p(a, "count", {"start", "step"}, 0);
        Value cur = p.get(0, Value::integer(0)), step = p.get(1, Value::integer(1));
        auto state = std::make_shared<Value>(cur);
        return lazy("count", [state, step](Value& out) {
            out = *state;
            *state = ops::binary(BinOpKind::Add, *state, step);
            return true;
        });
    });
    I.defineFunction(m, "repeat", [](const CallArgs& a) {
        ArgParser p(a, "repeat", {"object", "times"}, 1);
        Value obj = p[0];
        auto left = std::make_shared<int64_t>(p.has(1) ? std::max<int64_t>(0, ops::toIndex(p[1])) : -1);
        return lazy("repeat", [obj, left](Value& out) {
            if (*left == 0) return false;
            if (*left > 0) --*left;
            out = obj;
            return true;
        });
    });
    I.defineFunction(m, "cycle", [](const CallArgs& a) {
        a.expect("cycle", 1, 1);
        auto items = std::make_shared<std::vector<Value>>(ops::toVector(a[0]));
        auto pos = std::make_shared<size_t>(0);
        return lazy("cycle", [items, pos](Value& out) {
            if (items->empty()) return false;
            out = (*items)[(*pos)++ % items->size()];
            return true;
        });
    });
    auto chain = [](std::vector<Value> sources) {
        auto srcs = std::make_shared<std::vector<Value>>(std::move(sources));
        auto idx = std::make_shared<size_t>(0);
        auto cur = std::make_shared<Value>();
        return lazy("chain", [srcs, idx, cur](Value& out) {
            while (true) {
                if (cur->isNull()) {
                    if (*idx >= srcs->size()) return false;
                    *cur = ops::getIter((*srcs)[(*idx)++]);
                }
                if (ops::next(*cur, out)) return true;
                *cur = Value();
            }
        });
    };
    Type* chainType = I.newNativeType("chain", "itertools");
    chainType->construct = [chain](Type*, const CallArgs& a) {
        a.noKeywords("chain");
        return chain(std::vector<Value>(a.pos.begin(), a.pos.end()));
    };
    I.addClassMethod(chainType, "from_iterable", [chain](const CallArgs& a) {
        a.expect("from_iterable", 2, 2);
        return chain(ops::toVector(a[1]));
    });
    m->dict->setStr("chain", Value(chainType));
    I.defineFunction(m, "islice", [](const CallArgs& a) {
        a.expect("islice", 2, 4);
        int64_t start = 0, stop = -1, step = 1;
        if (a.size() == 2) {
            if (!a[1].isNone()) stop = ops::toIndex(a[1]);
        } else {
            if (!a[1].isNone()) start = ops::toIndex(a[1]);
            if (!a[2].isNone()) stop = ops::toIndex(a[2]);
            if (a.size() == 4 && !a[3].isNone()) step = ops::toIndex(a[3]);
        }
        if (start < 0 || (stop < -1) || step <= 0)
            in().raise(in().types.ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        Value it = ops::getIter(a[0]);
        auto pos = std::make_shared<int64_t>(0);
        auto next = std::make_shared<int64_t>(start);
        return lazy("islice", [it, pos, next, stop, step](Value& out) {
            if (stop >= 0 && *next >= stop) return false;
            Value v;
            while (*pos <= *next) {
                if (!ops::next(it, v)) return false;
                ++*pos;
            }
            out = v;
            *next += step;
            return true;
        });
    });
    I.defineFunction(m, "product", [](const CallArgs& a) {
        int64_t repeat = 1;
        for (const auto& k : a.kw) {
            if (k.name->view() == "repeat") repeat = ops::toIndex(k.value);
            else in().raise(in().types.TypeError, "product() got an unexpected keyword argument '" + k.name->s() + "'");
        }
        std::vector<std::vector<Value>> pools;
        for (int64_t r = 0; r < repeat; ++r)
            for (const auto& v : a.pos) pools.push_back(ops::toVector(v));
        std::vector<Value> out;
        std::vector<size_t> idx(pools.size(), 0);
        for (const auto& p : pools)
            if (p.empty()) return iterOf({});
        while (true) {
            std::vector<Value> row;
            for (size_t i = 0; i < pools.size(); ++i) row.push_back(pools[i][idx[i]]);
            out.push_back(in().newTuple(std::move(row)));
            in().step();
            size_t i = pools.size();
            while (i > 0) {
                --i;
                if (++idx[i] < pools[i].size()) break;
                idx[i] = 0;
                if (i == 0) return iterOf(std::move(out));
            }
            if (pools.empty()) return iterOf(std::move(out));
        }
    });
    I.defineFunction(m, "permutations", [](const CallArgs& a) {
        ArgParser p(a, "permutations", {"iterable", "r"}, 1);
        std::vector<Value> pool = ops::toVector(p[0]);
        auto n = static_cast<int64_t>(pool.size());
        int64_t r = p.has(1) && !p[1].isNone() ? ops::toIndex(p[1]) : n;
        std::vector<Value> out;
        if (r > n) return iterOf({});
        std::vector<int64_t> indices(static_cast<size_t>(n)), cycles;
        std::iota(indices.begin(), indices.end(), 0);
        for (int64_t i = n; i > n - r; --i) cycles.push_back(i);
        auto emit = [&]() {
            std::vector<Value> row;
            for (int64_t i = 0; i < r; ++i) row.push_back(pool[static_cast<size_t>(indices[static_cast<size_t>(i)])]);
            out.push_back(in().newTuple(std::move(row)));
            in().step();
        };
        emit();
        while (n > 0) {
            bool done = true;
            for (int64_t i = r - 1; i >= 0; --i) {
                auto ui = static_cast<size_t>(i);
                if (--cycles[ui] == 0) {
                    std::rotate(indices.begin() + i, indices.begin() + i + 1, indices.end());
                    cycles[ui] = n - i;
                } else {
                    std::swap(indices[ui], indices[static_cast<size_t>(n - cycles[ui])]);
                    emit();
                    done = false;
                    break;
                }
            }
            if (done) break;
        }
        return iterOf(std::move(out));
    });
    auto combos = [](const CallArgs& a, bool withReplacement) {
        const char* name = withReplacement ? "combinations_with_replacement" : "combinations";
        ArgParser p(a, name, {"iterable", "r"}, 2);
        std::vector<Value> pool = ops::toVector(p[0]);
        auto n = static_cast<int64_t>(pool.size());
        int64_t r = ops::toIndex(p[1]);
        if (r < 0) in().raise(in().types.ValueError, "r must be non-negative");
        std::vector<Value> out;
        if (!withReplacement && r > n) return iterOf({});
        if (withReplacement && n == 0 && r > 0) return iterOf({});
        std::vector<int64_t> idx(static_cast<size_t>(r));
        for (int64_t i = 0; i < r; ++i) idx[static_cast<size_t>(i)] = withReplacement ? 0 : i;
        while (true) {
            std::vector<Value> row;
            for (auto i : idx) row.push_back(pool[static_cast<size_t>(i)]);
            out.push_back(in().newTuple(std::move(row)));
            in().step();
            int64_t i = r - 1;
            if (withReplacement) {
                while (i >= 0 && idx[static_cast<size_t>(i)] == n - 1) --i;
                if (i < 0) break;
                int64_t v = idx[static_cast<size_t>(i)] + 1;
                for (int64_t j = i; j < r; ++j) idx[static_cast<size_t>(j)] = v;
            } else {
                while (i >= 0 && idx[static_cast<size_t>(i)] == i + n - r) --i;
                if (i < 0) break;
                ++idx[static_cast<size_t>(i)];
                for (int64_t j = i + 1; j < r; ++j) idx[static_cast<size_t>(j)] = idx[static_cast<size_t>(j - 1)] + 1;
            }
        }
        return iterOf(std::move(out));
    };
    I.defineFunction(m, "combinations", [combos](const CallArgs& a) { return combos(a, false); });
    I.defineFunction(m, "combinations_with_replacement", [combos](const CallArgs& a) { return combos(a, true); });
    I.defineFunction(m, "accumulate", [](const CallArgs& a) {
        ArgParser p(a, "accumulate", {"iterable", "func", "initial"}, 1);
        Value it = ops::getIter(p[0]);
        Value fn = p.get(1, Value::none());
        auto acc = std::make_shared<Value>(p.get(2, Value()));
        auto first = std::make_shared<bool>(p.has(2) && !p[2].isNone());
        if (p.has(2) && p[2].isNone()) *acc = Value();
        return lazy("accumulate", [it, fn, acc, first](Value& out) {
            if (*first) {
                *first = false;
                out = *acc;
                return true;
            }
            Value v;
            if (!ops::next(it, v)) return false;
            if (acc->isNull()) *acc = v;
            else *acc = fn.isNone() ? ops::binary(BinOpKind::Add, *acc, v) : ops::call2(fn, *acc, v);
            out = *acc;
            return true;
        });
    });
    I.defineFunction(m, "zip_longest", [](const CallArgs& a) {
        Value fill = Value::none();
        for (const auto& k : a.kw)
            if (k.name->view() == "fillvalue") fill = k.value;
        std::vector<Value> its;
        for (const auto& v : a.pos) its.push_back(ops::getIter(v));
        auto active = std::make_shared<std::vector<bool>>(its.size(), true);
        return lazy("zip_longest", [its, fill, active](Value& out) {
            std::vector<Value> row;
            bool any = false;
            for (size_t i = 0; i < its.size(); ++i) {
                Value v;
                if ((*active)[i] && ops::next(its[i], v)) {
                    any = true;
                    row.push_back(v);
                } else {
                    (*active)[i] = false;
                    row.push_back(fill);
                }
            }
            if (!any) return false;
            out = in().newTuple(std::move(row));
            return true;
        });
    });
    I.defineFunction(m, "takewhile", [](const CallArgs& a) {
        a.expect("takewhile", 2, 2);
        Value fn = a[0], it = ops::getIter(a[1]);
        return lazy("takewhile", [fn, it](Value& out) {
            Value v;
            if (!ops::next(it, v) || !ops::truthy(ops::call1(fn, v))) return false;
            out = v;
            return true;
        });
    });
    I.defineFunction(m, "dropwhile", [](const CallArgs& a) {
        a.expect("dropwhile", 2, 2);
        Value fn = a[0], it = ops::getIter(a[1]);
        auto dropping = std::make_shared<bool>(true);
        return lazy("dropwhile", [fn, it, dropping](Value& out) {
            Value v;
            while (ops::next(it, v)) {
                if (*dropping && ops::truthy(ops::call1(fn, v))) continue;
                *dropping = false;
                out = v;
                return true;
            }
            return false;
        });
    });
    I.defineFunction(m, "starmap", [](const CallArgs& a) {
        a.expect("starmap", 2, 2);
        Value fn = a[0], it = ops::getIter(a[1]);
        return lazy("starmap", [fn, it](Value& out) {
            Value v;
            if (!ops::next(it, v)) return false;
            std::vector<Value> args = ops::toVector(v);
            out = ops::call(fn, CallArgs{std::span<const Value>(args.data(), args.size()), {}});
            return true;
        });
    });
    I.defineFunction(m, "pairwise", [](const CallArgs& a) {
        a.expect("pairwise", 1, 1);
        std::vector<Value> items = ops::toVector(a[0]), out;
        for (size_t i = 0; i + 1 < items.size(); ++i) out.push_back(in().newTuple({items[i], items[i + 1]}));
        return iterOf(std::move(out));
    });
    I.defineFunction(m, "groupby", [](const CallArgs& a) {
        ArgParser p(a, "groupby", {"iterable", "key"}, 1);
        std::vector<Value> items = ops::toVector(p[0]), out;
        Value key = p.get(1, Value::none());
        size_t i = 0;
        while (i < items.size()) {
            Value k = key.isNone() ? items[i] : ops::call1(key, items[i]);
            std::vector<Value> group{items[i]};
            size_t j = i + 1;
            for (; j < items.size(); ++j) {
                Value kj = key.isNone() ? items[j] : ops::call1(key, items[j]);
                if (!ops::equals(kj, k)) break;
                group.push_back(items[j]);
            }
            out.push_back(in().newTuple({k, iterOf(std::move(group))}));
            i = j;
        }
        return iterOf(std::move(out));
    });
    I.defineFunction(m, "tee", [](const CallArgs& a) {
        a.expect("tee", 1, 2);
        std::vector<Value> items = ops::toVector(a[0]);
        int64_t n = a.size() > 1 ? ops::toIndex(a[1]) : 2;
        std::vector<Value> out;
        for (int64_t i = 0; i < n; ++i) out.push_back(iterOf(items));
        return in().newTuple(std::move(out));
    });
}

void initTime(Interpreter& I, Module* m) {
    I.defineFunction(m, "time", [](const CallArgs&) {
        return Value::real(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
    });
    auto mono = [](const CallArgs&) {
        return Value::real(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
    };
    I.defineFunction(m, "perf_counter", mono);
    I.defineFunction(m, "monotonic", mono);
    I.defineFunction(m, "process_time", mono);
    I.defineFunction(m, "sleep", [](const CallArgs& a) {
        a.expect("sleep", 1, 1);
        double s = ops::toDouble(a[0]);
        if (s < 0) in().raise(in().types.ValueError, "sleep length must be non-negative");
        std::this_thread::sleep_for(std::chrono::duration<double>(std::min(s, 5.0)));
        return Value::none();
    });
}

} // namespace

bool has(std::string_view name) {
    static const std::string_view natives[] = {"sys", "math", "itertools", "time", "random", "_gs_unittest", "re"};
    for (auto n : natives)
        if (n == name) return true;
    return pythonSource(name) != nullptr;
}

void init(Interpreter& I, std::string_view name, Module* m) {
    if (name == "sys") {
        initSys(I, m);
        return;
    }
    if (name == "math") return initMath(I, m);
    if (name == "itertools") return initItertools(I, m);
    if (name == "time") return initTime(I, m);
    if (name == "random") return initRandom(I, m);
    if (name == "re") return initRe(I, m);
    if (name == "_gs_unittest") return initUnittestNatives(I, m);
    if (const char* src = pythonSource(name)) I.execInModule(m, "<" + std::string(name) + ">", src);
}

} // namespace gs::runtime::stdlib
