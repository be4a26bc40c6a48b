#pragma once
// Automatic-dynamic memory per (code object, source name): the lattice of dynamo-semantics §3.3
// (pgo.py FrameStateSizeEntry). Atoms are unset, a concrete int, or auto_dynamic; merging only
// ever moves towards auto_dynamic, and is cleared only by torch._dynamo.reset().
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace gs::engine {

struct Atom {
    enum class Kind : uint8_t { Unset, Int, Auto };
    Kind kind = Kind::Unset;
    int64_t value = 0;
    bool real = false;  // value holds a float's bits (Python float scalars, §3.8)
    static Atom unset() { return {}; }
    static Atom of(int64_t v) { return {Kind::Int, v}; }
    static Atom ofFloat(double d);
    static Atom autoDynamic() { return {Kind::Auto, 0}; }
    bool isAuto() const { return kind == Kind::Auto; }
    bool operator==(const Atom&) const = default;
};

// A tuple of atoms that can itself be unset or wholly auto_dynamic (rank change).
struct AtomTuple {
    enum class Kind : uint8_t { Unset, Tuple, Auto };
    Kind kind = Kind::Unset;
    std::vector<Atom> items;
    static AtomTuple unset() { return {}; }
    static AtomTuple autoDynamic() { return {Kind::Auto, {}}; }
    static AtomTuple of(const std::vector<int64_t>& v);
    bool isAuto() const { return kind == Kind::Auto; }
    // Is element i auto_dynamic (or the whole tuple)?
    bool autoAt(size_t i) const { return kind == Kind::Auto || (kind == Kind::Tuple && i < items.size() && items[i].isAuto()); }
    bool operator==(const AtomTuple&) const = default;
};

struct FrameStateEntry {
    Atom scalar;
    AtomTuple size;
    AtomTuple stride;
    bool operator==(const FrameStateEntry&) const = default;
};

// What a trace saw of one source.
FrameStateEntry observeTensor(const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides);
FrameStateEntry observeInt(int64_t value);
FrameStateEntry observeFloat(double value);

// One line of "automatic dynamic" debug text per atom that became dynamic, e.g.
// `automatic dynamic size L['x'] size(0) 3 != 2` (format "automatic dynamic %s %s %s %s != %s").
struct FrameStateChange {
    std::string what;   // size | stride | int
    int dim = -1;       // -1 for scalar / whole tuple
    std::string text;
    std::string seen;   // "2 -> 3": the earlier value, then the new one
};

// `into |= seen` (§3.3); returns what turned dynamic, for the log and the shape events.
std::vector<FrameStateChange> mergeFrameState(FrameStateEntry& into, const FrameStateEntry& seen,
                                              const std::string& sourceName);

// The frame state of one code object: source name -> entry.
class FrameState {
public:
    // Merges an observation (or stores it when automatic dynamic shapes are off: §3.3 (e)).
    std::vector<FrameStateChange> record(const std::string& source, const FrameStateEntry& seen, bool automatic);
    const FrameStateEntry* find(const std::string& source) const;
    // Is dim `dim` of `source` auto_dynamic? dim -1 asks about the scalar (int sources).
    bool isDynamic(const std::string& source, int dim) const;
    void clear() { entries_.clear(); }
    size_t size() const { return entries_.size(); }

private:
    std::unordered_map<std::string, FrameStateEntry> entries_;
};

} // namespace gs::engine
