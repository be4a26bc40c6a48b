// The random module: CPython's Mersenne Twister seeding (init_by_array over the 32-bit words of
// the seed) and its derived methods, so random.seed(n) gives python3's sequences for
// random(), randint(), randrange(), choice(), shuffle(), uniform(), sample(), gauss(). An
// unseeded generator starts from seed 0 (deterministic runs), unlike CPython.
#include <cmath>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

namespace {
Interpreter& in() { return Interpreter::current(); }

class RandomObject : public Object {
public:
    explicit RandomObject(Type* t) : Object(t) { seed(0); }
    uint32_t mt[624];
    int mti = 625;
    double gaussNext = 0;
    bool hasGauss = false;

    void initGenrand(uint32_t s) {
        mt[0] = s;
        for (mti = 1; mti < 624; ++mti) mt[mti] = 1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + static_cast<uint32_t>(mti);
    }
    void initByArray(const std::vector<uint32_t>& key) {
        initGenrand(19650218U);
        size_t i = 1, j = 0;
        size_t k = 624 > key.size() ? 624 : key.size();
        for (; k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
            ++i;
            ++j;
            if (i >= 624) {
                mt[0] = mt[623];
                i = 1;
            }
            if (j >= key.size()) j = 0;
        }
        for (k = 623; k; --k) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
            ++i;
            if (i >= 624) {
                mt[0] = mt[623];
                i = 1;
            }
        }
        mt[0] = 0x80000000U;
        mti = 624;
    }
    void seed(int64_t s) {
        uint64_t a = s < 0 ? 0 - static_cast<uint64_t>(s) : static_cast<uint64_t>(s);
        std::vector<uint32_t> key;
        if (a == 0) key.push_back(0);
        while (a) {
            key.push_back(static_cast<uint32_t>(a & 0xffffffffU));
            a >>= 32;
        }
        initByArray(key);
        hasGauss = false;
    }
    uint32_t genrand() {
        static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
        uint32_t y;
        if (mti >= 624) {
            int kk;
            for (kk = 0; kk < 624 - 397; kk++) {
                y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                mt[kk] = mt[kk + 397] ^ (y >> 1) ^ mag01[y & 0x1U];
            }
            for (; kk < 623; kk++) {
                y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                mt[kk] = mt[kk + (397 - 624)] ^ (y >> 1) ^ mag01[y & 0x1U];
            }
            y = (mt[623] & 0x80000000U) | (mt[0] & 0x7fffffffU);
            mt[623] = mt[396] ^ (y >> 1) ^ mag01[y & 0x1U];
            mti = 0;
        }
        y = mt[mti++];
        y ^= (y >> 11);
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= (y >> 18);
        return y;
    }
    double random() {
        uint32_t a = genrand() >> 5, b = genrand() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
    uint64_t getrandbits(int k) {
        if (k <= 32) return genrand() >> (32 - k);
        uint64_t lo = genrand();
        uint64_t hi = genrand() >> (64 - k);
        return lo | (hi << 32);
    }
    int64_t randbelow(int64_t n) {
        if (n <= 0) return 0;
        int k = 0;
        for (uint64_t m = static_cast<uint64_t>(n); m; m >>= 1) ++k;
        uint64_t r = getrandbits(k);
        while (r >= static_cast<uint64_t>(n)) r = getrandbits(k);
        return static_cast<int64_t>(r);
    }
};

RandomObject* self(const CallArgs& a) {
    auto* r = a.size() ? a[0].dyn<RandomObject>() : nullptr;
    if (!r) in().raise(in().types.TypeError, "descriptor requires a 'Random' object");
    return r;
}
CallArgs rest(const CallArgs& a) { return CallArgs{a.pos.subspan(1), a.kw}; }

Value randrange(RandomObject* r, const CallArgs& a) {
    ArgParser p(a, "randrange", {"start", "stop", "step"}, 1);
    int64_t start = ops::toIndex(p[0]);
    if (!p.has(1) || p[1].isNone()) {
        if (start > 0) return Value::integer(r->randbelow(start));
        in().raise(in().types.ValueError, "empty range for randrange()");
    }
    int64_t stop = ops::toIndex(p[1]);
    int64_t step = p.getInt(2, 1);
    int64_t width = stop - start;
    if (step == 1) {
        if (width > 0) return Value::integer(start + r->randbelow(width));
        in().raise(in().types.ValueError, "empty range for randrange() (" + std::to_string(start) + ", " +
                                              std::to_string(stop) + ", " + std::to_string(width) + ")");
    }
    if (step == 0) in().raise(in().types.ValueError, "zero step for randrange()");
    int64_t n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (n <= 0) in().raise(in().types.ValueError, "empty range for randrange()");
    return Value::integer(start + step * r->randbelow(n));
}

} // namespace

namespace {

Value random_seed(const CallArgs& a) {
    auto* r = self(a);
    Value s = a.size() > 1 ? a[1] : Value::none();
    if (s.isNone()) r->seed(0);
    else if (s.isIntLike()) r->seed(s.asInt());
    else if (s.isFloat()) r->seed(ops::hash(s));
    else if (auto* str = s.dyn<Str>()) r->seed(Str::computeHash(str->view()) & INT64_MAX);
    else r->seed(ops::hash(s));
    return Value::none();
}

Value random_random(const CallArgs& a) { return Value::real(self(a)->random()); }

Value random_getrandbits(const CallArgs& a) {
    a.expect("getrandbits", 2, 2);
    int64_t k = ops::toIndex(a[1]);
    if (k < 0) in().raise(in().types.ValueError, "number of bits must be non-negative");
    if (k > 63) in().raise(in().types.OverflowError, "integer overflow (Guardscope ints are 64-bit)");
    return Value::integer(k == 0 ? 0 : static_cast<int64_t>(self(a)->getrandbits(static_cast<int>(k))));
}

Value random_randrange(const CallArgs& a) { return randrange(self(a), rest(a)); }

Value random_randint(const CallArgs& a) {
    a.expect("randint", 3, 3);
    int64_t lo = ops::toIndex(a[1]), hi = ops::toIndex(a[2]);
    Value args[2] = {Value::integer(lo), Value::integer(hi + 1)};
    return randrange(self(a), CallArgs{std::span<const Value>(args, 2), {}});
}

Value random_choice(const CallArgs& a) {
    a.expect("choice", 2, 2);
    int64_t n = ops::length(a[1]);
    if (n == 0) in().raise(in().types.IndexError, "Cannot choose from an empty sequence");
    return ops::getItem(a[1], Value::integer(self(a)->randbelow(n)));
}

Value random_shuffle(const CallArgs& a) {
    a.expect("shuffle", 2, 2);
    auto* r = self(a);
    int64_t n = ops::length(a[1]);
    for (int64_t i = n - 1; i > 0; --i) {
        int64_t j = r->randbelow(i + 1);
        Value vi = ops::getItem(a[1], Value::integer(i)), vj = ops::getItem(a[1], Value::integer(j));
        ops::setItem(a[1], Value::integer(i), vj);
        ops::setItem(a[1], Value::integer(j), vi);
    }
    return Value::none();
}

Value random_uniform(const CallArgs& a) {
    a.expect("uniform", 3, 3);
    double lo = ops::toDouble(a[1]), hi = ops::toDouble(a[2]);
    return Value::real(lo + (hi - lo) * self(a)->random());
}

Value random_gauss(const CallArgs& a) {
    auto* r = self(a);
    ArgParser p(rest(a), "gauss", {"mu", "sigma"}, 0);
    double mu = p.getFloat(0, 0.0), sigma = p.getFloat(1, 1.0);
    double z;
    if (r->hasGauss) {
        z = r->gaussNext;
        r->hasGauss = false;
    } else {
        double x2pi = r->random() * 2 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->random()));
        z = std::cos(x2pi) * g2rad;
        r->gaussNext = std::sin(x2pi) * g2rad;
        r->hasGauss = true;
    }
    return Value::real(mu + z * sigma);
}

Value random_sample(const CallArgs& a) {
    auto* r = self(a);
    ArgParser p(rest(a), "sample", {"population", "k"}, 2);
    std::vector<Value> pop = ops::toVector(p[0]);
    auto n = static_cast<int64_t>(pop.size());
    int64_t k = ops::toIndex(p[1]);
    if (k < 0 || k > n) in().raise(in().types.ValueError, "Sample larger than population or is negative");
    std::vector<Value> result(static_cast<size_t>(k));
    int64_t setsize = 21;
    if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<Value> pool = pop;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = r->randbelow(n - i);
            result[static_cast<size_t>(i)] = pool[static_cast<size_t>(j)];
            pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
        }
    } else {
        std::vector<bool> selected(static_cast<size_t>(n), false);
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = r->randbelow(n);
            while (selected[static_cast<size_t>(j)]) j = r->randbelow(n);
            selected[static_cast<size_t>(j)] = true;
            result[static_cast<size_t>(i)] = pop[static_cast<size_t>(j)];
        }
    }
    return in().newList(std::move(result));
}

Value random_choices(const CallArgs& a) {
    auto* r = self(a);
    ArgParser p(rest(a), "choices", {"population", "weights", "cum_weights", "k"}, 1, 2);
    std::vector<Value> pop = ops::toVector(p[0]);
    int64_t k = p.getInt(3, 1);
    auto n = static_cast<double>(pop.size());
    std::vector<Value> out;
    std::vector<double> cum;
    if (p.has(1) && !p[1].isNone()) {
        double acc = 0;
        for (auto& w : ops::toVector(p[1])) cum.push_back(acc += ops::toDouble(w));
    } else if (p.has(2) && !p[2].isNone()) {
        for (auto& w : ops::toVector(p[2])) cum.push_back(ops::toDouble(w));
    }
    for (int64_t i = 0; i < k; ++i) {
        if (cum.empty()) {
            out.push_back(pop[static_cast<size_t>(std::floor(r->random() * n))]);
        } else {
            double x = r->random() * cum.back();
            size_t lo = 0, hi = cum.size() - 1;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (x < cum[mid]) hi = mid;
                else lo = mid + 1;
            }
            out.push_back(pop[lo]);
        }
    }
    return in().newList(std::move(out));
}

// Random(seed=None)
Value random_new(Type* cls, const CallArgs& a) {
    auto* r = new RandomObject(cls);
    Value v(r);
    if (a.size() && !a[0].isNone()) r->seed(a[0].isIntLike() ? a[0].asInt() : ops::hash(a[0]));
    return v;
}

constexpr NativeDef kRandomMethods[] = {
    {"seed", random_seed},
    {"random", random_random},
    {"getrandbits", random_getrandbits},
    {"randrange", random_randrange},
    {"randint", random_randint},
    {"choice", random_choice},
    {"shuffle", random_shuffle},
    {"uniform", random_uniform},
    {"gauss", random_gauss},
    {"sample", random_sample},
    {"choices", random_choices},
};

} // namespace

void initRandom(Interpreter& I, Module* m) {
    Type* t = I.newNativeType("Random", "random");
    t->construct = random_new;
    defineMethods(I, t, kRandomMethods);
    m->dict->setStr("Random", Value(t));
    Value inst = ops::call0(Value(t));
    m->dict->setStr("_inst", inst);
    for (const char* n : {"seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "uniform", "gauss",
                          "sample", "choices"})
        m->dict->setStr(n, ops::getAttr(inst, I.intern(n)));
}

} // namespace gs::runtime::stdlib
