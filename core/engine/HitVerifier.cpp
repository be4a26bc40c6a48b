#include "core/engine/HitVerifier.h"

#include <cmath>
#include <cstring>

#include "core/engine/Engine.h"
#include "core/torch/TorchBindings.h"
#include "core/engine/TrackedScalar.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/tensor/Copy.h"

namespace gs::engine {

using runtime::Value;

namespace {

// Deep enough for module trees (model._modules['body']._modules['0']._parameters['weight']),
// bounded so that a cyclic or huge object graph costs little.
constexpr int kMaxDepth = 12;
constexpr size_t kMaxTensors = 4096;

std::string tensorBrief(const ValueImage& t) {
    std::string s = t.text + "[";
    for (size_t i = 0; i < t.sizes.size(); ++i) s += (i ? ", " : "") + std::to_string(t.sizes[i]);
    return s + "]";
}

// The first element where two tensors' contents differ, printed as numbers.
std::string firstDifferentElement(const ValueImage& eager, const ValueImage& compiled) {
    int64_t n = eager.copy.defined() ? eager.copy.numel() : 0;
    size_t item = n > 0 ? eager.bytes.size() / static_cast<size_t>(n) : 1;
    for (int64_t k = 0; k < n; ++k) {
        size_t at = static_cast<size_t>(k) * item;
        if (std::memcmp(eager.bytes.data() + at, compiled.bytes.data() + at, item) != 0)
            return "element " + std::to_string(k) + " is " + compiled.copy.elementAt(k).repr() + ", eager gives " +
                   eager.copy.elementAt(k).repr();
    }
    return "contents differ";
}

bool isDictLike(runtime::Object* o) { return dynamic_cast<runtime::Dict*>(o) != nullptr; }

} // namespace

// ---------------------------------------------------------------------------------------------
// ValueImage

ValueImage ValueImage::of(const Value& v, int depth) {
    ValueImage im;
    switch (v.tag()) {
    case runtime::Tag::Null: return im;
    case runtime::Tag::None: im.kind = Kind::None; return im;
    case runtime::Tag::Bool: im.kind = Kind::Bool; im.i = v.asBool(); return im;
    case runtime::Tag::Int: im.kind = Kind::Int; im.i = v.asInt(); return im;
    case runtime::Tag::Float: im.kind = Kind::Float; im.f = v.asFloat(); return im;
    case runtime::Tag::Obj: break;
    }
    runtime::Object* o = v.obj();
    Value plain = concreteValue(v);
    if (!plain.is(v)) return of(plain, depth);
    if (auto* t = torch::asTensorObject(v)) {
        im.kind = Kind::Tensor;
        im.text = std::string(tensor::dtypeName(t->tensor.dtype()));
        im.sizes.assign(t->tensor.sizes().begin(), t->tensor.sizes().end());
        tensor::Tensor c = tensor::clone(t->tensor);
        if (!c.isContiguous()) c = tensor::contiguous(c);
        size_t n = static_cast<size_t>(c.numel() * c.itemSize());
        im.bytes.assign(c.data(), c.data() + n);
        im.copy = c;
        return im;
    }
    if (const runtime::BigInt* big = runtime::numbers::bigOf(v)) {
        im.kind = Kind::Int;  // past int64: compared by its digits (an int64 has none)
        im.text = big->toString(10);
        return im;
    }
    if (auto* cx = runtime::complex::of(v)) {
        im.kind = Kind::Object;  // compared by its exact repr (kind text), not by identity
        im.identity = o;
        im.text = "complex " + cx->repr();
        if (std::signbit(cx->re) || std::signbit(cx->im)) im.text += " (signs " + std::to_string(std::signbit(cx->re)) + std::to_string(std::signbit(cx->im)) + ")";
        return im;
    }
    if (auto* s = dynamic_cast<runtime::Str*>(o)) {
        im.kind = Kind::Str;
        im.text = s->s();
        return im;
    }
    if (depth > kMaxDepth) {
        im.kind = Kind::Object;
        im.identity = o;
        return im;
    }
    if (auto* t = dynamic_cast<runtime::Tuple*>(o)) {
        im.kind = Kind::Tuple;
        for (const auto& it : t->items) im.items.push_back(of(it, depth + 1));
        return im;
    }
    if (auto* l = dynamic_cast<runtime::List*>(o)) {
        im.kind = Kind::List;
        for (const auto& it : l->items) im.items.push_back(of(it, depth + 1));
        return im;
    }
    if (auto* d = dynamic_cast<runtime::Dict*>(o)) {
        im.kind = Kind::Dict;
        for (const auto& e : d->entries()) {
            if (e.key.isNull()) continue;
            im.items.push_back(of(e.key, depth + 1));
            im.items.push_back(of(e.value, depth + 1));
        }
        return im;
    }
    im.kind = Kind::Object;
    im.identity = o;
    im.text = o->type()->name();
    return im;
}

std::string ValueImage::difference(const ValueImage& a, const ValueImage& b, const std::string& path) {
    auto kindName = [](const ValueImage& x) -> std::string {
        switch (x.kind) {
        case Kind::Null: return "nothing";
        case Kind::None: return "None";
        case Kind::Bool: return "a bool";
        case Kind::Int: return "an int";
        case Kind::Float: return "a float";
        case Kind::Str: return "a str";
        case Kind::Tensor: return "a tensor";
        case Kind::Tuple: return "a tuple";
        case Kind::List: return "a list";
        case Kind::Dict: return "a dict";
        case Kind::Object: return "a " + x.text + " object";
        }
        return "?";
    };
    // A Python int and a bool (or float) compare by value, as Python's == does for results.
    bool numeric = (a.kind == Kind::Int || a.kind == Kind::Bool || a.kind == Kind::Float) &&
                   (b.kind == Kind::Int || b.kind == Kind::Bool || b.kind == Kind::Float);
    if (a.kind != b.kind && !numeric)
        return path + " is " + kindName(b) + " where the eager run gives " + kindName(a);
    switch (a.kind) {
    case Kind::Null:
    case Kind::None: return "";
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float: {
        double x = a.kind == Kind::Float ? a.f : static_cast<double>(a.i);
        double y = b.kind == Kind::Float ? b.f : static_cast<double>(b.i);
        bool same = (a.kind != Kind::Float && b.kind != Kind::Float) ? a.i == b.i
                                                                       : (x == y && std::signbit(x) == std::signbit(y)) ||
                                                                             (std::isnan(x) && std::isnan(y));
        if (!a.text.empty() || !b.text.empty()) same = a.kind == b.kind && a.text == b.text;
        if (same) return "";
        auto show = [](const ValueImage& v) {
            if (v.kind == Kind::Float) {
                char buf[40];
                std::snprintf(buf, sizeof buf, "%.17g", v.f);
                return std::string(buf);
            }
            if (v.kind == Kind::Bool) return std::string(v.i ? "True" : "False");
            if (!v.text.empty()) return v.text;
            return std::to_string(v.i);
        };
        return path + " is " + show(b) + ", eager gives " + show(a);
    }
    case Kind::Str:
        if (a.text == b.text) return "";
        return path + " is '" + b.text + "', eager gives '" + a.text + "'";
    case Kind::Tensor:
        if (a.text != b.text) return path + " has dtype " + b.text + ", eager gives " + a.text;
        if (a.sizes != b.sizes) return path + " has shape " + tensorBrief(b) + ", eager gives " + tensorBrief(a);
        if (a.bytes != b.bytes) return path + " (" + tensorBrief(a) + "): " + firstDifferentElement(a, b);
        return "";
    case Kind::Tuple:
    case Kind::List:
        if (a.items.size() != b.items.size())
            return path + " has " + std::to_string(b.items.size()) + " items, eager gives " + std::to_string(a.items.size());
        for (size_t i = 0; i < a.items.size(); ++i)
            if (auto d = difference(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
        return "";
    case Kind::Dict:
        if (a.items.size() != b.items.size())
            return path + " has " + std::to_string(b.items.size() / 2) + " keys, eager gives " + std::to_string(a.items.size() / 2);
        for (size_t i = 0; i + 1 < a.items.size(); i += 2) {
            if (auto d = difference(a.items[i], b.items[i], path + " key #" + std::to_string(i / 2)); !d.empty()) return d;
            std::string key = a.items[i].kind == Kind::Str ? "['" + a.items[i].text + "']" : "[#" + std::to_string(i / 2) + "]";
            if (auto d = difference(a.items[i + 1], b.items[i + 1], path + key); !d.empty()) return d;
        }
        return "";
    case Kind::Object:
        if (a.identity == b.identity) return "";
        if (a.text == b.text) return "";  // a fresh object of the same class each time: nothing to compare
        return path + " is " + kindName(b) + ", eager gives " + kindName(a);
    }
    return "";
}

// ---------------------------------------------------------------------------------------------
// TensorSnapshot

void TensorSnapshot::collect(const Value& root, int depth) {
    if (!root.isObj() || depth > kMaxDepth || tensors_.size() >= kMaxTensors) return;
    runtime::Object* o = root.obj();
    if (auto* t = torch::asTensorObject(root)) {
        if (seen_.count(t)) return;
        seen_.emplace(t, tensors_.size());
        Saved s;
        s.object = t;
        s.keep = root;
        s.label = label_;
        tensors_.push_back(std::move(s));
        return;
    }
    if (visited_.count(o)) return;
    visited_.emplace(o, true);
    if (auto* t = dynamic_cast<runtime::Tuple*>(o)) {
        for (const auto& it : t->items) collect(it, depth + 1);
    } else if (auto* l = dynamic_cast<runtime::List*>(o)) {
        for (const auto& it : l->items) collect(it, depth + 1);
    } else if (isDictLike(o)) {
        for (const auto& e : static_cast<runtime::Dict*>(o)->entries())
            if (!e.key.isNull()) collect(e.value, depth + 1);
    } else if (auto* inst = dynamic_cast<runtime::Instance*>(o)) {
        if (inst->dict)
            for (const auto& e : inst->dict->entries())
                if (!e.key.isNull()) collect(e.value, depth + 1);
    }
}

void TensorSnapshot::take() {
    bytes_.clear();
    for (auto& s : tensors_) {
        const tensor::Tensor& t = s.object->tensor;
        s.handle = t;
        tensor::TensorImpl* impl = t.impl();
        s.storage = impl->storage;
        s.sizes = impl->sizes;
        s.strides = impl->strides;
        s.offset = impl->offset;
        s.dtype = impl->dtype;
        s.requiresGrad = impl->requiresGrad;
        s.gradFn = impl->gradFn;
        const tensor::Storage* st = impl->storage.get();
        if (st && !bytes_.count(st)) bytes_.emplace(st, std::vector<char>(st->data(), st->data() + st->nbytes()));
    }
}

void TensorSnapshot::restore() const {
    for (const auto& [st, data] : bytes_) {
        auto* w = const_cast<tensor::Storage*>(st);
        // (an empty storage has no buffer: memcpy must not see its null pointer)
        if (!data.empty() && w->nbytes() == static_cast<int64_t>(data.size())) std::memcpy(w->data(), data.data(), data.size());
    }
    for (const auto& s : tensors_) {
        s.object->tensor = s.handle;
        tensor::TensorImpl* impl = s.handle.impl();
        impl->storage = s.storage;
        impl->sizes = s.sizes;
        impl->strides = s.strides;
        impl->offset = s.offset;
        impl->dtype = s.dtype;
        impl->requiresGrad = s.requiresGrad;
        impl->gradFn = s.gradFn;
        impl->refresh();
    }
}

std::string TensorSnapshot::differenceFrom(const TensorSnapshot& other) const {
    for (size_t i = 0; i < tensors_.size() && i < other.tensors_.size(); ++i) {
        const tensor::Tensor& now = tensors_[i].object->tensor;
        const Saved& then = other.tensors_[i];
        std::string who = "an input tensor (" + tensors_[i].label + ")";
        if (now.dtype() != then.dtype) return who + " ends with dtype " + std::string(tensor::dtypeName(now.dtype())) + ", eager leaves " +
                                              std::string(tensor::dtypeName(then.dtype));
        tensor::DimVector sizes(now.sizes().begin(), now.sizes().end());
        if (sizes != then.sizes) return who + " ends with another shape than the eager run leaves";
        auto it = other.bytes_.find(then.storage.get());
        const tensor::Storage* st = now.impl()->storage.get();
        if (it == other.bytes_.end() || !st) continue;
        if (static_cast<int64_t>(it->second.size()) != st->nbytes() ||
            (!it->second.empty() && std::memcmp(it->second.data(), st->data(), it->second.size()) != 0))
            return who + " holds other values after the call than after the eager run (an in-place update differs)";
    }
    return "";
}

// ---------------------------------------------------------------------------------------------
// HitVerifier

HitVerifier::Reference HitVerifier::runEager(runtime::Function* fn, const runtime::CallArgs& args, const CallFrame& frame,
                                             const CacheEntry& entry, std::vector<Value>& cache) {
    Reference ref;
    runtime::Interpreter& I = engine_.interp;
    // Roots: the bound arguments, then everything the trace read (globals, closure cells,
    // attributes), so in-place updates of any of them are undone before the replay.
    for (size_t i = 0; i < frame.slots.size(); ++i) {
        ref.before.label_ = i < fn->code->localNames.size() ? "L['" + fn->code->localNames[i] + "']" : "argument";
        ref.before.collect(frame.slots[i]);
    }
    for (int s = 0; s < entry.sources->size(); ++s) {
        ref.before.label_ = (*entry.sources)[s].text;
        ref.before.collect(entry.sources->fetch(s, frame, cache));
    }
    ref.before.take();
    tensor::Generator& gen = tensor::Generator::defaultGenerator();
    tensor::Generator::State rng = gen.state();

    auto out = I.output();
    I.setOutput([](std::string_view) {});
    ++engine_.verifyDepth_;
    Value eager;
    try {
        eager = I.callFunction(fn, args);
    } catch (const runtime::PyError& e) {
        ref.error = e.typeName() + ": " + e.message();
    } catch (...) {
        --engine_.verifyDepth_;
        I.setOutput(out);
        ref.before.restore();
        gen.setState(rng);
        throw;
    }
    --engine_.verifyDepth_;
    I.setOutput(out);
    ref.ran = true;
    if (ref.error.empty()) ref.result = ValueImage::of(eager);
    ref.after = ref.before;
    ref.after.take();
    ref.rngAfter = gen.state();
    ref.before.restore();
    gen.setState(rng);
    return ref;
}

std::string HitVerifier::compare(Reference& ref, const Value& compiled) const {
    if (!ref.ran) return "";
    if (!ref.error.empty()) return "the eager run raised " + ref.error + ", the compiled call did not";
    std::string d = ValueImage::difference(ref.result, ValueImage::of(compiled));
    if (!d.empty()) return d;
    d = ref.before.differenceFrom(ref.after);
    if (!d.empty()) return d;
    return "";
}

} // namespace gs::engine
