#include "core/engine/FrameState.h"

#include <bit>
#include <cstdio>

namespace gs::engine {

AtomTuple AtomTuple::of(const std::vector<int64_t>& v) {
    AtomTuple t;
    t.kind = Kind::Tuple;
    t.items.reserve(v.size());
    for (int64_t x : v) t.items.push_back(Atom::of(x));
    return t;
}

FrameStateEntry observeTensor(const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides) {
    return {Atom::autoDynamic(), AtomTuple::of(sizes), AtomTuple::of(strides)};
}

FrameStateEntry observeInt(int64_t value) {
    return {Atom::of(value), AtomTuple::autoDynamic(), AtomTuple::autoDynamic()};
}

Atom Atom::ofFloat(double d) {
    Atom a = of(std::bit_cast<int64_t>(d));
    a.real = true;
    return a;
}

FrameStateEntry observeFloat(double value) {
    return {Atom::ofFloat(value), AtomTuple::autoDynamic(), AtomTuple::autoDynamic()};
}

namespace {

std::string atomText(const Atom& a) {
    switch (a.kind) {
    case Atom::Kind::Unset: return "None";
    case Atom::Kind::Int: {
        if (!a.real) return std::to_string(a.value);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", std::bit_cast<double>(a.value));
        return buf;
    }
    case Atom::Kind::Auto: return "auto_dynamic";
    }
    return "?";
}

std::string tupleText(const AtomTuple& t) {
    if (t.kind == AtomTuple::Kind::Unset) return "None";
    if (t.kind == AtomTuple::Kind::Auto) return "auto_dynamic";
    std::string s = "(";
    for (size_t i = 0; i < t.items.size(); ++i) {
        if (i) s += ", ";
        s += atomText(t.items[i]);
    }
    if (t.items.size() == 1) s += ",";
    return s + ")";
}

// unset ∨ y = y; equal ints stay; different ints or anything ∨ auto = auto.
bool mergeAtom(Atom& into, const Atom& seen) {
    if (seen.kind == Atom::Kind::Unset || into.isAuto()) return false;
    if (into.kind == Atom::Kind::Unset) {
        into = seen;
        return false;  // first observation: nothing became dynamic
    }
    if (seen.isAuto() || seen.value != into.value) {
        into = Atom::autoDynamic();
        return true;
    }
    return false;
}

void mergeTuple(AtomTuple& into, const AtomTuple& seen, const std::string& what, const std::string& source,
                std::vector<FrameStateChange>& changes) {
    if (seen.kind == AtomTuple::Kind::Unset || into.isAuto()) return;
    if (into.kind == AtomTuple::Kind::Unset) {
        into = seen;
        return;
    }
    if (seen.isAuto() || seen.items.size() != into.items.size()) {
        changes.push_back({what, -1,
                           "automatic dynamic " + what + " " + source + " " + what + " " + tupleText(seen) + " != " + tupleText(into),
                           tupleText(into) + " -> " + tupleText(seen)});
        into = AtomTuple::autoDynamic();
        return;
    }
    for (size_t i = 0; i < into.items.size(); ++i) {
        Atom before = into.items[i];
        if (mergeAtom(into.items[i], seen.items[i]))
            changes.push_back({what, static_cast<int>(i),
                               "automatic dynamic " + what + " " + source + " " + what + "(" + std::to_string(i) + ") " +
                                   atomText(seen.items[i]) + " != " + atomText(before),
                               atomText(before) + " -> " + atomText(seen.items[i])});
    }
}

} // namespace

std::vector<FrameStateChange> mergeFrameState(FrameStateEntry& into, const FrameStateEntry& seen,
                                              const std::string& sourceName) {
    std::vector<FrameStateChange> changes;
    Atom before = into.scalar;
    if (mergeAtom(into.scalar, seen.scalar) && before.kind == Atom::Kind::Int)
        changes.push_back({before.real ? "float" : "int", -1, std::string("automatic dynamic ") + (before.real ? "float " : "int ") + sourceName + " val " + atomText(seen.scalar) +
                                          " != " + atomText(before), atomText(before) + " -> " + atomText(seen.scalar)});
    mergeTuple(into.size, seen.size, "size", sourceName, changes);
    mergeTuple(into.stride, seen.stride, "stride", sourceName, changes);
    return changes;
}

std::vector<FrameStateChange> FrameState::record(const std::string& source, const FrameStateEntry& seen,
                                                 bool automatic) {
    auto it = entries_.find(source);
    if (it == entries_.end()) {
        entries_.emplace(source, seen);
        return {};
    }
    if (!automatic) {  // §3.3 (e): overwritten, never dynamic
        it->second = seen;
        return {};
    }
    return mergeFrameState(it->second, seen, source);
}

const FrameStateEntry* FrameState::find(const std::string& source) const {
    auto it = entries_.find(source);
    return it == entries_.end() ? nullptr : &it->second;
}

bool FrameState::isDynamic(const std::string& source, int dim) const {
    const FrameStateEntry* e = find(source);
    if (!e) return false;
    if (dim < 0) return e->scalar.isAuto();
    return e->size.autoAt(static_cast<size_t>(dim));
}

} // namespace gs::engine
