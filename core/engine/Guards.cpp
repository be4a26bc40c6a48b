#include "core/engine/Guards.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/session/ReasonClassifier.h"
#include "core/tensor/Autocast.h"
#include "core/tensor/GradMode.h"

namespace gs::engine {

using runtime::Value;

const char* guardKindName(GuardKind k) {
    switch (k) {
    case GuardKind::GlobalState: return "GLOBAL_STATE";
    case GuardKind::DefaultDevice: return "DEFAULT_DEVICE";
    case GuardKind::TensorMatch: return "TENSOR_MATCH";
    case GuardKind::NoHasattr: return "NO_HASATTR";
    case GuardKind::DynamicIndices: return "DYNAMIC_INDICES";
    case GuardKind::NoTensorAliasing: return "NO_TENSOR_ALIASING";
    case GuardKind::DuplicateInput: return "DUPLICATE_INPUT";
    case GuardKind::BoolMatch: return "BOOL_MATCH";
    case GuardKind::EqualsMatch: return "EQUALS_MATCH";
    case GuardKind::NoneMatch: return "NONE_MATCH";
    case GuardKind::TypeMatch: return "TYPE_MATCH";
    case GuardKind::IdMatch: return "ID_MATCH";
    case GuardKind::SequenceLength: return "SEQUENCE_LENGTH";
    case GuardKind::ShapeEnv: return "LAMBDA_GUARD";
    case GuardKind::FloatCompare: return "LAMBDA_GUARD";
    case GuardKind::Hasattr: return "HASATTR";
    case GuardKind::DictContains: return "DICT_CONTAINS";
    case GuardKind::DictKeys: return "DICT_KEYS_MATCH";
    case GuardKind::ObjectAliasing: return "OBJECT_ALIASING";
    }
    return "?";
}

GlobalStateSnapshot currentGlobalState() {
    using tensor::Autocast;
    using DT = tensor::Device::Type;
    return {tensor::GradMode::isEnabled(), tensor::defaultFloatDType(), Autocast::isEnabled(DT::CPU), Autocast::isEnabled(DT::CUDA),
            Autocast::dtype(DT::CPU), Autocast::dtype(DT::CUDA)};
}

int64_t objectId(const void* p) {
    // CPython ids are addresses; ours are stable, address-shaped numbers.
    return 140000000000000LL + static_cast<int64_t>((reinterpret_cast<uintptr_t>(p) >> 4) % 1000000000LL) * 16;
}

namespace {

std::string typeRepr(runtime::Type* t) {
    if (!t) return "<class 'NoneType'>";
    std::string name = t->name();
    if (name == "Parameter") return "<class 'torch.nn.parameter.Parameter'>";
    std::string module;
    if (t->dict()) {
        Value m = t->dict()->getStr("__module__");
        if (auto* s = m.obj() ? dynamic_cast<runtime::Str*>(m.obj()) : nullptr) module = s->s();
    }
    if (name == "Tensor" && (module.empty() || module == "torch")) return "<class 'torch.Tensor'>";
    if (!module.empty() && module != "builtins") return "<class '" + module + "." + name + "'>";
    return "<class '" + name + "'>";
}

bool equalsConstant(const Value& v, const Value& c) {
    if (v.tag() != c.tag()) return false;
    switch (v.tag()) {
    case runtime::Tag::Bool:
    case runtime::Tag::Int: return v.asInt() == c.asInt();
    case runtime::Tag::Float: {
        // Bitwise, like newest PyTorch float guards: -0.0 is not 0.0, and a NaN matches only
        // the NaN with the same sign and payload (both are observable: math.copysign, struct).
        double a = v.asFloat(), b = c.asFloat();
        return std::memcmp(&a, &b, sizeof a) == 0;
    }
    case runtime::Tag::None: return true;
    case runtime::Tag::Obj: {
        if (v.obj() == c.obj()) return true;
        auto* a = dynamic_cast<runtime::Str*>(v.obj());
        auto* b = dynamic_cast<runtime::Str*>(c.obj());
        if (a && b) return a->s() == b->s();
        // a complex matches bitwise per component (a NaN component only its own bits)
        if (auto* p = runtime::complex::of(c)) {
            auto* q = runtime::complex::of(v);
            return q && std::memcmp(&p->re, &q->re, sizeof p->re) == 0 && std::memcmp(&p->im, &q->im, sizeof p->im) == 0;
        }
        // ints past int64 (LongInt) are equal by value, not identity
        // a set read from a source: equal as a set to the frozen copy made while tracing (its
        // items hash natively: Tracer::useContents)
        if (auto* want = dynamic_cast<runtime::SetObject*>(c.obj())) {
            auto* have = dynamic_cast<runtime::SetObject*>(v.obj());
            if (!have || have->size() != want->size()) return false;
            for (const Value& item : want->items())
                if (!have->has(item)) return false;
            return true;
        }
        const runtime::BigInt* x = runtime::numbers::bigOf(v);
        const runtime::BigInt* y = x ? runtime::numbers::bigOf(c) : nullptr;
        return x && y && *x == *y;
    }
    case runtime::Tag::Null: return false;
    }
    return false;
}

int64_t sequenceLength(const Value& v) {
    if (auto* o = v.obj()) {
        if (auto* l = dynamic_cast<runtime::List*>(o)) return static_cast<int64_t>(l->items.size());
        if (auto* t = dynamic_cast<runtime::Tuple*>(o)) return static_cast<int64_t>(t->items.size());
        if (auto* d = dynamic_cast<runtime::Dict*>(o)) return static_cast<int64_t>(d->size());
        if (auto* st = dynamic_cast<runtime::SetObject*>(o)) return static_cast<int64_t>(st->size());
    }
    return -1;
}

std::string strip(const std::string& s) { return session::ReasonClassifier::stripLocalScope(s); }

bool isTensorMatchFailure(const std::string& why) { return why.rfind("tensor '", 0) == 0; }

// The mapping a DICT_CONTAINS guard looks into: a dict itself, else the object's __dict__ (an
// instance's attributes, a class's namespace, a module's globals).
runtime::Dict* containsTarget(const Value& v) {
    runtime::Object* o = v.obj();
    if (!o) return nullptr;
    if (auto* d = dynamic_cast<runtime::Dict*>(o)) return d;
    if (auto* t = dynamic_cast<runtime::Type*>(o)) return t->dict();
    return o->instanceDict();
}

} // namespace

// The dispatch key set a TENSOR_MATCH records, as PyTorch prints it for the common cases.
std::string dispatchKeySetText(tensor::Device::Type type) {
    switch (type) {
    case tensor::Device::Type::CUDA: return "DispatchKeySet(CUDA, BackendSelect, ADInplaceOrView, AutogradCUDA)";
    case tensor::Device::Type::Meta: return "DispatchKeySet(Meta, ADInplaceOrView, AutogradMeta)";
    default: return "DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU)";
    }
}

std::string pythonClassRepr(const Value& v) { return typeRepr(visibleTypeOf(v)); }

namespace {

// One check. Explain = false is the hot path of every call (check()): the failure wording is
// compiled out, so the function is small enough to stay cheap per guard; explain() runs the same
// code with Explain = true (one source for both, no second copy of a guard's rule).
template <bool Explain>
bool evaluateCheck(const GuardSet& gs, const GuardCheck& c, const CallFrame& frame, std::vector<Value>& cache,
                   AliasSeen& aliasSeen, std::vector<int64_t>& symVals, bool& symReady, std::string* why) {
    switch (c.kind) {
    case GuardKind::GlobalState: {
        GlobalStateSnapshot now = currentGlobalState();
        if (now == c.global) return true;
        if (Explain && Explain && why) {
            std::string changed;
            if (now.gradMode != c.global.gradMode) changed += "grad_mode ";
            if (now.defaultDtype != c.global.defaultDtype) changed += "default_dtype ";
            if (now.autocastCpu != c.global.autocastCpu || now.autocastCuda != c.global.autocastCuda ||
                (now.autocastCpu && now.autocastCpuDtype != c.global.autocastCpuDtype) ||
                (now.autocastCuda && now.autocastCudaDtype != c.global.autocastCudaDtype))
                changed += "autocast ";
            *why = "GLOBAL_STATE changed: " + changed;
        }
        return false;
    }
    case GuardKind::DefaultDevice: return true;  // torch.set_default_device is not modelled
    case GuardKind::ShapeEnv: {
        if (!symReady) {
            if (!gs.symbolValues(frame, cache, symVals)) {
                if (Explain && Explain && why) *why = gs.shapeGuards[static_cast<size_t>(c.shapeGuard)].verbose;
                return false;
            }
            symReady = true;
        }
        const ProducedGuard& g = gs.shapeGuards[static_cast<size_t>(c.shapeGuard)];
        auto get = [&](int i) { return symVals[static_cast<size_t>(i)]; };
        auto x = g.lhs->eval(get), y = g.rhs->eval(get);
        bool ok = x && y && relHolds(g.op, *x, *y);
        if (ok && g.upper) {  // a range `lo <= s <= hi`
            auto u = g.upper->eval(get);
            ok = u && *y <= *u;
        }
        if (!ok && Explain && why) *why = g.verbose;
        return ok;
    }
    default: break;
    }
    // The caller sized `cache` (check(), explain()): it does not grow below, so v stays valid.
    const Value& v = gs.sources->fetchRef(c.source, frame, cache);
    // The source's text only for a failure's wording (a deque lookup the hot path skips).
    auto name = [&]() -> const std::string& { return (*gs.sources)[c.source].text; };
    switch (c.kind) {
    case GuardKind::TensorMatch: {
        // Exact type, like Dynamo's check (a Parameter is not a Tensor entry's input).
        runtime::Object* o = v.obj();
        torch::TensorObject* t = o && o->type() == c.tensorType ? static_cast<torch::TensorObject*>(o) : nullptr;
        if (!t) {
            if (Explain && Explain && why) {
                // dynamo-semantics §2.2; the wording depends on the release (docs/torch-versions.md).
                if (gs.release.tensorTypeReasonNamesClass())
                    *why = "expected type of '" + name() + "' to be " + typeRepr(c.tensorType) + ", but found " + pythonClassRepr(v);
                else *why = "expected type of '" + name() + "' to be a tensor type, ' but found " + pythonClassRepr(v);
            }
            return false;
        }
        const tensor::Tensor& x = t->tensor;
        if (static_cast<uint8_t>(x.device().type()) != c.deviceType) {
            if (Explain && Explain && why)
                *why = "tensor '" + name() + "' dispatch key set mismatch. expected " + dispatchKeySetText(static_cast<tensor::Device::Type>(c.deviceType)) +
                       ", actual " + dispatchKeySetText(x.device().type());
            return false;
        }
        if (x.dtype() != c.dtype) {
            if (Explain && Explain && why)
                *why = "tensor '" + name() + "' dtype mismatch. expected " + std::string(tensor::dtypeShortName(c.dtype)) +
                       ", actual " + std::string(tensor::dtypeShortName(x.dtype()));
            return false;
        }
        int dev = x.device().index();
        if (dev != c.deviceIndex) {
            if (Explain && Explain && why)
                *why = "tensor '" + name() + "' Tensor device index mismatch. Expected device index to be " +
                       std::to_string(std::max(c.deviceIndex, 0)) + ", actual " + std::to_string(std::max(dev, 0));
            return false;
        }
        if (x.requiresGrad() != c.requiresGrad) {
            if (Explain && Explain && why) *why = "tensor '" + name() + "' requires_grad mismatch. expected requires_grad=" + (c.requiresGrad ? "1" : "0");
            return false;
        }
        if (static_cast<size_t>(x.dim()) != c.sizes.size()) {
            if (Explain && Explain && why)
                *why = "tensor '" + name() + "' rank mismatch. expected " + std::to_string(c.sizes.size()) + ", actual " +
                       std::to_string(x.dim());
            return false;
        }
        for (size_t i = 0; i < c.sizes.size(); ++i) {
            if (c.sizes[i] && *c.sizes[i] != x.sizes()[i]) {
                if (Explain && Explain && why)
                    *why = "tensor '" + name() + "' size mismatch at index " + std::to_string(i) + ". expected " +
                           std::to_string(*c.sizes[i]) + ", actual " + std::to_string(x.sizes()[i]);
                return false;
            }
            if (c.strides[i] && *c.strides[i] != x.strides()[i]) {
                if (Explain && Explain && why)
                    *why = "tensor '" + name() + "' stride mismatch at index " + std::to_string(i) + ". expected " +
                           std::to_string(*c.strides[i]) + ", actual " + std::to_string(x.strides()[i]);
                return false;
            }
        }
        return true;
    }
    case GuardKind::NoHasattr: {
        runtime::Object* o = v.obj();
        torch::TensorObject* t = o && o->type() == c.tensorType ? static_cast<torch::TensorObject*>(o) : torch::asTensorObject(v);
        bool ok = !t || t->dynamicIndices.empty();
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::DynamicIndices: {
        runtime::Object* o = v.obj();
        torch::TensorObject* t = o && o->type() == c.tensorType ? static_cast<torch::TensorObject*>(o) : torch::asTensorObject(v);
        bool ok = true;
        if (t)
            for (int64_t d : t->dynamicIndices)
                if (std::find(c.allowed.begin(), c.allowed.end(), d) == c.allowed.end()) ok = false;
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::NoTensorAliasing: {
        const runtime::Object* o = v.obj();
        for (const auto& [seen, src] : aliasSeen)
            if (seen == o) {
                if (Explain && Explain && why) *why = "Duplicate tensors found: [\"" + (*gs.sources)[src].text + "\", \"" + name() + "\"]";
                return false;
            }
        aliasSeen.emplace_back(o, c.source);
        return true;
    }
    case GuardKind::DuplicateInput: {
        const Value& w = gs.sources->fetchRef(c.source2, frame, cache);
        bool ok = v.is(w);
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::BoolMatch:
    case GuardKind::EqualsMatch: {
        bool ok = equalsConstant(v, c.constant);
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::FloatCompare: {
        // TYPE_MATCH (earlier in the tree) keeps v a float; an int here fails, never converts.
        bool ok = v.isFloat();
        if (ok) {
            double x = v.asFloat();
            if (c.constant.isNone()) ok = !std::isnan(x);
            else ok = relHolds(c.rel, x, c.constant.asFloat());
        }
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::NoneMatch: {
        bool ok = v.isNone();
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::TypeMatch: {
        bool ok = visibleTypeOf(v) == c.type;
        // An int entry guarded by type computes with int64 symbols; an int past int64 (a
        // LongInt, also of type int) must compile its own entry, where it is a constant.
        if (ok && v.isObj() && runtime::numbers::bigOf(v)) ok = false;
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::IdMatch: {
        bool ok = v.is(c.constant);
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::SequenceLength: {
        bool ok = sequenceLength(v) == c.length;
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::Hasattr: {
        bool ok = gs.sources->fetchRef(c.source2, frame, cache).isNull() != c.present;
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::DictContains: {
        runtime::Dict* d = containsTarget(v);
        bool has = d && !d->get(c.constant).isNull();
        bool ok = d && has == c.present;
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::DictKeys: {
        auto* d = dynamic_cast<runtime::Dict*>(v.obj());
        bool ok = d && d->size() == c.keys.size();
        if (ok) {
            size_t k = 0;
            for (const auto& e : d->entries()) {
                if (e.key.isNull()) continue;
                if (k >= c.keys.size() || !equalsConstant(e.key, c.keys[k])) {
                    ok = false;
                    break;
                }
                ++k;
            }
        }
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    case GuardKind::ObjectAliasing: {
        const Value& w = gs.sources->fetchRef(c.source2, frame, cache);
        bool ok = v.is(w);
        if (!ok && Explain && why) *why = c.verbose;
        return ok;
    }
    default: return true;
    }
}

} // namespace

bool GuardSet::run(const GuardCheck& c, const CallFrame& frame, std::vector<Value>& cache,
                   AliasSeen& aliasSeen, std::vector<int64_t>& symVals, bool& symReady,
                   std::string* why) const {
    return evaluateCheck<true>(*this, c, frame, cache, aliasSeen, symVals, symReady, why);
}

bool GuardSet::symbolValues(const CallFrame& frame, std::vector<Value>& cache, std::vector<int64_t>& out) const {
    out.resize(symbols.size());
    for (size_t i = 0; i < symbols.size(); ++i) {
        const SymbolBinding& b = symbols[i];
        Value v = sources->fetch(b.source, frame, cache);
        if (b.dim < 0) {
            int64_t x;
            // Only ints (or traced ints) have a value here; a tensor in an int's place fails the
            // TYPE_MATCH before, and must not be asked for __index__ while explaining.
            if (v.isIntLike()) out[i] = v.asInt();
            else if (v.obj() && v.obj()->visibleType() && v.obj()->toIndex(x)) out[i] = x;
            else return false;
        } else {
            torch::TensorObject* t = torch::asTensorObject(v);
            if (!t || t->tensor.dim() <= b.dim) return false;
            out[i] = t->tensor.sizes()[static_cast<size_t>(b.dim)];
        }
    }
    return true;
}

bool GuardSet::check(const CallFrame& frame, std::vector<Value>& cache) const {
    if (sources && cache.size() < static_cast<size_t>(sources->size())) cache.resize(static_cast<size_t>(sources->size()));
    AliasSeen aliasSeen;
    std::vector<int64_t> symVals;
    bool symReady = false;
    for (const auto& c : checks)
        if (!evaluateCheck<false>(*this, c, frame, cache, aliasSeen, symVals, symReady, nullptr)) return false;
    return true;
}

GuardSet::Explanation GuardSet::explain(const CallFrame& frame) const {
    Explanation ex;
    std::vector<Value> cache(sources ? static_cast<size_t>(sources->size()) : 0);
    AliasSeen aliasSeen;
    std::vector<int64_t> symVals;
    bool symReady = false;
    for (size_t i = 0; i < checks.size(); ++i) {
        std::string why;
        ++ex.evaluated;
        if (!run(checks[i], frame, cache, aliasSeen, symVals, symReady, &why)) {
            if (ex.firstFailed < 0) ex.firstFailed = static_cast<int>(i);
            ex.failed.push_back(static_cast<int>(i));
            // guards.py: a failing tensor guard on a parameter suggests dynamic parameters.
            if (checks[i].kind == GuardKind::TensorMatch && checks[i].parameter && release.parameterGuardHint() && isTensorMatchFailure(why))
                why += ". Guard failed on a parameter, consider using torch._dynamo.config.force_parameter_static_shapes = False "
                       "to allow dynamism on parameters.";
            ex.reasons.push_back(release.stripsLocalScope() ? strip(why) : why);
        }
    }
    return ex;
}

} // namespace gs::engine
