#pragma once
// Where a guarded value comes from: Dynamo's "sources" (dynamo-semantics §2.1). A SourceTable
// interns them per compile; each source knows how to fetch its value again on a later call
// (the guard accessors) and how PyTorch prints it (`L['x']`, `G['g']`,
// `L['self']._modules['dropout'].training`, `L['xs'][0]`).
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/runtime/Function.h"
#include "core/runtime/Value.h"

namespace gs::engine {

struct Source {
    // Local `L['x']`, Closure (a free variable of the compiled function, printed as a local),
    // Global `G['g']`, Attr `P.name`, Item `P[k]`, and the sources reached through objects
    // (dynamo-semantics §2.4): TypeOf `type(P)`, MroClass `P.__mro__[k]` (k = 0 is P itself),
    // ClassDictItem `P.__dict__['name']` (the raw class attribute, no descriptor binding),
    // CellContents `P.__closure__[i].cell_contents`, Defaults `P.__defaults__[i]`,
    // KwDefaults `P.__kwdefaults__['name']`, DictValueAt `P[list(dict.keys(P))[i]]` (the value
    // of a dict's i-th key, for dicts whose keys are not all constants: builder.py's
    // DictGetItemSource over a ConstDictKeySource).
    enum class Kind : uint8_t { Local, Closure, Global, Attr, Item, TypeOf, MroClass, ClassDictItem, CellContents, Defaults, KwDefaults, DictValueAt, MethodCall };
    Kind kind = Kind::Local;
    std::string name;          // local/global/attribute name
    runtime::Value key;        // Item: the key (int or str)
    int parent = -1;           // the source it is read from (all but Local/Closure/Global)
    int slot = -1;             // Local: parameter slot; Closure/CellContents: closure index;
                               // MroClass: MRO index; Defaults, DictValueAt: index
    std::string text;          // as PyTorch prints it
    bool isParameterLike = false;  // reached through ._parameters / ._buffers (module-owned tensor)
    runtime::Str* nameStr = nullptr;  // interned `name` (Global, Attr, ClassDictItem, KwDefaults)
};

// The values a call provides, for fetching sources: the compiled function and its arguments
// bound to parameter slots.
struct CallFrame {
    runtime::Function* fn = nullptr;
    std::vector<runtime::Value> slots;  // parameter slots (Null where unbound)
};

class SourceTable {
public:
    int local(const std::string& name, int slot);
    int closure(const std::string& name, int index);
    int global(const std::string& name);
    int attr(int parent, const std::string& name);
    int item(int parent, const runtime::Value& key, const std::string& keyRepr);
    int typeOf(int parent);
    int mroClass(int typeSource, int index);
    int classDictItem(int classSource, const std::string& name);
    int cellContents(int function, int index);
    int defaults(int function, int index);
    int kwDefaults(int function, const std::string& name);
    int dictValueAt(int dict, int index);
    // P.name(): a method of P called without arguments (a tensor's storage_offset()).
    int methodCall(int parent, const std::string& name);
    const Source& operator[](int i) const { return sources_[static_cast<size_t>(i)]; }
    int size() const { return static_cast<int>(sources_.size()); }
    // Fetches source i's value for a call (Null if it cannot be read: missing attribute...).
    // `cache` memoizes per call (size() entries).
    runtime::Value fetch(int i, const CallFrame& frame, std::vector<runtime::Value>& cache) const;
    // The same without a copy; `cache` must already hold size() entries (the guard hot path).
    // Inline: most reads on a hit are of a source already fetched for this call.
    const runtime::Value& fetchRef(int i, const CallFrame& frame, std::vector<runtime::Value>& cache) const {
        const runtime::Value& slot = cache[static_cast<size_t>(i)];
        return slot.isNull() ? fetchMiss(i, frame, cache) : slot;
    }
    // Root of a source chain.
    int root(int i) const;

private:
    const runtime::Value& fetchMiss(int i, const CallFrame& frame, std::vector<runtime::Value>& cache) const;
    int intern(Source s);
    std::deque<Source> sources_;
    std::unordered_map<std::string, int> byText_;
};

// The class Python's type() reports for a value: a tensor subclass's or a proxy's visible type
// where it has one (what TYPE_MATCH guards and `type(x)` in a trace compare).
runtime::Type* visibleTypeOf(const runtime::Value& v);

// Binds call arguments to parameter slots like CPython (positional, keywords, defaults, *args,
// **kwargs). Returns false when the call does not fit (the eager call then raises the TypeError).
bool bindArguments(runtime::Function* fn, const runtime::CallArgs& args, std::vector<runtime::Value>& slots,
                   std::vector<bool>* fromDefault = nullptr);

} // namespace gs::engine
