#pragma once
// `run --verify` (issue 10, dynamo-semantics §2.4 "A simulator can check itself"): on a cache
// hit the entry's graph is replayed as usual, and the Python function is also run eagerly on
// the same inputs; the two must agree. A difference means the entry was reused although
// something it depends on changed: a guard is missing.
//
// The eager reference runs first. Every tensor reachable from the call's arguments and from the
// sources the entry's trace read is snapshotted (storage bytes and metadata) together with the
// default generator's state, the function runs (its output discarded, nested compiled calls
// running as plain Python), its result and the tensors' contents are recorded, and the
// snapshot is restored, so the replay starts from exactly the state the eager run saw. The
// Python-level side effects of the eager run (appends, attribute writes) are kept: they happen
// once, as they would in PyTorch, where a hit replays them.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/engine/Source.h"
#include "core/runtime/Value.h"
#include "core/tensor/Generator.h"
#include "core/tensor/Tensor.h"

namespace gs::torch {
class TensorObject;
}

namespace gs::engine {

class Engine;
struct CacheEntry;

// A comparable copy of a value: tensors by dtype, shape and bytes; containers by items;
// scalars and strings by value; other objects by identity (or their attribute dict).
struct ValueImage {
    enum class Kind : uint8_t { Null, None, Bool, Int, Float, Str, Tensor, Tuple, List, Dict, Object };
    Kind kind = Kind::Null;
    int64_t i = 0;
    double f = 0;
    std::string text;                 // Str value; Tensor dtype; Object type name
    std::vector<int64_t> sizes;       // Tensor
    std::vector<char> bytes;          // Tensor contents, contiguous
    tensor::Tensor copy;              // Tensor: a contiguous copy (for printing elements)
    const void* identity = nullptr;   // Object
    std::vector<ValueImage> items;    // Tuple/List items; Dict key,value pairs; Object dict pairs

    static ValueImage of(const runtime::Value& v, int depth = 0);
    // Empty when equal, else where they first differ (`[1]`, `.weight`, `shape`) and how.
    static std::string difference(const ValueImage& eager, const ValueImage& compiled, const std::string& path = "result");
};

// The tensors reachable from a set of roots, with what they held: restored after the eager run.
class TensorSnapshot {
public:
    void collect(const runtime::Value& root, int depth = 0);
    void take();                                   // record current contents (after collect)
    void restore() const;                          // put the recorded contents back
    // Differences of every collected tensor's current contents from `other`'s record.
    std::string differenceFrom(const TensorSnapshot& other) const;
    size_t size() const { return tensors_.size(); }

private:
    struct Saved {
        torch::TensorObject* object = nullptr;
        runtime::Value keep;
        tensor::Tensor handle;
        tensor::Ref<tensor::Storage> storage;
        tensor::DimVector sizes, strides;
        int64_t offset = 0;
        tensor::DType dtype = tensor::DType::Float32;
        bool requiresGrad = false;
        const char* gradFn = nullptr;
        std::string label;              // where it was found, for messages
    };
    std::vector<Saved> tensors_;
    std::unordered_map<const void*, size_t> seen_;
    std::unordered_map<const tensor::Storage*, std::vector<char>> bytes_;
    std::unordered_map<const void*, bool> visited_;
    std::string label_ = "argument";
    friend class HitVerifier;
};

class HitVerifier {
public:
    explicit HitVerifier(Engine& engine) : engine_(engine) {}

    // Everything the comparison needs from the eager run.
    struct Reference {
        bool ran = false;
        std::string error;              // the exception the eager run raised, if any
        ValueImage result;
        TensorSnapshot after;           // the inputs' tensors after the eager run
        TensorSnapshot before;          // ... and before (restored for the replay)
        tensor::Generator::State rngAfter;
    };

    // Runs fn eagerly on the call's arguments and restores the tensors and the generator.
    Reference runEager(runtime::Function* fn, const runtime::CallArgs& args, const CallFrame& frame,
                       const CacheEntry& entry, std::vector<runtime::Value>& cache);
    // Empty when the replay agreed with the eager run, else the difference in words.
    std::string compare(Reference& ref, const runtime::Value& compiled) const;

private:
    Engine& engine_;
};

} // namespace gs::engine
