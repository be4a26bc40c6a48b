// The itertools module (a native module: see Stdlib.h): lazy where the input may be infinite,
// eager (ordered like CPython) otherwise.
#include <algorithm>
#include <memory>
#include <numeric>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

namespace {

Interpreter& in() { return Interpreter::current(); }

Value iterOf(std::vector<Value> items) { return Value(new VectorIterator(in().types.iterator, std::move(items))); }

Value lazy(const char* kind, NativeIterator::Step step) {
    return Value(new NativeIterator(in().types.nativeIterator, kind, std::move(step)));
}

} // namespace

namespace {

Value itertools_count(const CallArgs& a) {
    ArgParser p(a, "count", {"start", "step"}, 0);
    Value cur = p.get(0, Value::integer(0)), step = p.get(1, Value::integer(1));
    auto state = std::make_shared<Value>(cur);
    return lazy("count", [state, step](Value& out) {
        out = *state;
        *state = ops::binary(BinOpKind::Add, *state, step);
        return true;
    });
}

Value itertools_repeat(const CallArgs& a) {
    ArgParser p(a, "repeat", {"object", "times"}, 1);
    Value obj = p[0];
    auto left = std::make_shared<int64_t>(p.has(1) ? std::max<int64_t>(0, ops::toIndex(p[1])) : -1);
    return lazy("repeat", [obj, left](Value& out) {
        if (*left == 0) return false;
        if (*left > 0) --*left;
        out = obj;
        return true;
    });
}

Value itertools_cycle(const CallArgs& a) {
    a.expect("cycle", 1, 1);
    auto items = std::make_shared<std::vector<Value>>(ops::toVector(a[0]));
    auto pos = std::make_shared<size_t>(0);
    return lazy("cycle", [items, pos](Value& out) {
        if (items->empty()) return false;
        out = (*items)[(*pos)++ % items->size()];
        return true;
    });
}

Value itertools_islice(const CallArgs& a) {
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
}

Value itertools_product(const CallArgs& a) {
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
        core(in()).step();
        size_t i = pools.size();
        while (i > 0) {
            --i;
            if (++idx[i] < pools[i].size()) break;
            idx[i] = 0;
            if (i == 0) return iterOf(std::move(out));
        }
        if (pools.empty()) return iterOf(std::move(out));
    }
}

Value itertools_permutations(const CallArgs& a) {
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
        core(in()).step();
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
}

Value itertools_accumulate(const CallArgs& a) {
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
}

Value itertools_zip_longest(const CallArgs& a) {
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
}

Value itertools_takewhile(const CallArgs& a) {
    a.expect("takewhile", 2, 2);
    Value fn = a[0], it = ops::getIter(a[1]);
    return lazy("takewhile", [fn, it](Value& out) {
        Value v;
        if (!ops::next(it, v) || !ops::truthy(ops::call1(fn, v))) return false;
        out = v;
        return true;
    });
}

Value itertools_dropwhile(const CallArgs& a) {
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
}

Value itertools_starmap(const CallArgs& a) {
    a.expect("starmap", 2, 2);
    Value fn = a[0], it = ops::getIter(a[1]);
    return lazy("starmap", [fn, it](Value& out) {
        Value v;
        if (!ops::next(it, v)) return false;
        std::vector<Value> args = ops::toVector(v);
        out = ops::call(fn, CallArgs{std::span<const Value>(args.data(), args.size()), {}});
        return true;
    });
}

Value itertools_pairwise(const CallArgs& a) {
    a.expect("pairwise", 1, 1);
    std::vector<Value> items = ops::toVector(a[0]), out;
    for (size_t i = 0; i + 1 < items.size(); ++i) out.push_back(in().newTuple({items[i], items[i + 1]}));
    return iterOf(std::move(out));
}

Value itertools_groupby(const CallArgs& a) {
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
}

Value itertools_tee(const CallArgs& a) {
    a.expect("tee", 1, 2);
    std::vector<Value> items = ops::toVector(a[0]);
    int64_t n = a.size() > 1 ? ops::toIndex(a[1]) : 2;
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i) out.push_back(iterOf(items));
    return in().newTuple(std::move(out));
}

// itertools.chain(*iterables): each source in turn, lazily.
Value chainOf(std::vector<Value> sources) {
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
}

Value chain_new(Type*, const CallArgs& a) {
    a.noKeywords("chain");
    return chainOf(std::vector<Value>(a.pos.begin(), a.pos.end()));
}

// chain.from_iterable(iterable), a classmethod: args[0] is the class.
Value chain_from_iterable(const CallArgs& a) {
    a.expect("from_iterable", 2, 2);
    return chainOf(ops::toVector(a[1]));
}

// itertools.combinations / combinations_with_replacement, in lexicographic index order.
Value combinations(const CallArgs& a, bool withReplacement) {
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
        core(in()).step();
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
}

Value itertools_combinations(const CallArgs& a) { return combinations(a, false); }
Value itertools_combinations_with_replacement(const CallArgs& a) { return combinations(a, true); }

constexpr NativeDef kItertoolsFunctions[] = {
    {"count", itertools_count},
    {"repeat", itertools_repeat},
    {"cycle", itertools_cycle},
    {"islice", itertools_islice},
    {"product", itertools_product},
    {"permutations", itertools_permutations},
    {"combinations", itertools_combinations},
    {"combinations_with_replacement", itertools_combinations_with_replacement},
    {"accumulate", itertools_accumulate},
    {"zip_longest", itertools_zip_longest},
    {"takewhile", itertools_takewhile},
    {"dropwhile", itertools_dropwhile},
    {"starmap", itertools_starmap},
    {"pairwise", itertools_pairwise},
    {"groupby", itertools_groupby},
    {"tee", itertools_tee},
};

} // namespace

void initItertools(Interpreter& I, Module* m) {
    defineFunctions(I, m, kItertoolsFunctions);
    Type* chainType = I.newNativeType("chain", "itertools");
    chainType->construct = chain_new;
    I.addClassMethod(chainType, "from_iterable", chain_from_iterable);
    m->dict->setStr("chain", Value(chainType));
}

} // namespace gs::runtime::stdlib
