#include "core/engine/GuardRecorder.h"

#include <algorithm>
#include <functional>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Type.h"
#include "core/tensor/DType.h"

namespace gs::engine {

namespace {

std::string optionalList(const std::vector<std::optional<int64_t>>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out.append(", ");
        out.append(v[i] ? std::to_string(*v[i]) : std::string("None"));
    }
    out.append("]");
    return out;
}

// A dynamic dim whose symbol tracing specialized to a constant (x.size(0) == 10 taken as true,
// an f-string of the size kept) is static in the tensor's guard, and the shape guards leave it
// out (PyTorch's produce_guards skips static tensor sizes: check_tensor covers them). A
// recompile then reads "tensor 'x' size mismatch at index 0. expected 10, actual 9".
void staticDimsFromSpecialized(GuardCheck& c, const ShapeEnv& env) {
    bool changed = false;
    for (size_t i = 0; i < c.sizes.size() && i < c.dimSyms.size(); ++i) {
        if (c.sizes[i] || !c.dimSyms[i]) continue;
        SymPtr e = env.simplify(c.dimSyms[i]);
        if (!e->isConst()) continue;
        c.sizes[i] = e->value;
        changed = true;
    }
    c.dimSyms.clear();
    if (!changed) return;
    // Strides stay as recorded (a dynamic one stays unchecked): the tensor's real strides are
    // not kept here, and a size list already tells equal-shaped tensors apart.
    size_t at = c.code.rfind(", size=[");
    if (at == std::string::npos) return;
    // (appended piece by piece: GCC 12 reports a false -Wrestrict for a chain of + here, bug 105329)
    std::string code = c.code.substr(0, at);
    code.append(", size=").append(optionalList(c.sizes)).append(", stride=").append(optionalList(c.strides)).append(")");
    c.code = std::move(code);
}

} // namespace

using runtime::Value;

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// 60-column padding then the user-frame comment (dynamo-semantics §2.1 get_verbose_code_part).
std::string verbose(const std::string& code, const Provenance& p) {
    std::string s = code;
    if (s.size() < 60) s.append(60 - s.size(), ' ');
    return s + p.comment();
}

// How a guard manager reaches its source from its parent (PyTorch's accessor names).
std::string accessorText(const Source& src, int frameLocals) {
    switch (src.kind) {
    case Source::Kind::Local: return "FrameLocalsGuardAccessor(key='" + src.name + "', framelocals_idx=" + std::to_string(src.slot) + ")";
    case Source::Kind::Closure: return "FrameLocalsGuardAccessor(key='" + src.name + "', framelocals_idx=" + std::to_string(frameLocals + src.slot) + ")";
    case Source::Kind::Global: return "DictGetItemGuardAccessor('" + src.name + "')";
    case Source::Kind::Attr: return "GetAttrGuardAccessor(" + src.name + ")";
    case Source::Kind::Item: return (src.key.isInt() ? "ListGetItemGuardAccessor(" : "DictGetItemGuardAccessor(") + runtime::ops::repr(src.key) + ")";
    case Source::Kind::TypeOf: return "TypeGuardAccessor";
    case Source::Kind::MroClass: return "TupleGetItemGuardAccessor(" + std::to_string(src.slot) + ")";
    case Source::Kind::ClassDictItem: return "DictGetItemGuardAccessor('" + src.name + "')";
    case Source::Kind::CellContents: return "GetAttrGuardAccessor(cell_contents)";
    case Source::Kind::Defaults: return "TupleGetItemGuardAccessor(" + std::to_string(src.slot) + ")";
    case Source::Kind::KwDefaults: return "DictGetItemGuardAccessor('" + src.name + "')";
    case Source::Kind::DictValueAt: return "ValueManager(index=" + std::to_string(src.slot) + ")";
    case Source::Kind::MethodCall: return "CallMethodGuardAccessor(" + src.name + ")";
    }
    return {};
}

} // namespace

Provenance userFrame(const runtime::Interpreter& interp) {
    for (const auto& loc : interp.stack()) {
        if (!loc.file.empty() && loc.file[0] == '<') continue;  // our torch preludes are framework code
        return {loc.text, loc.file, loc.line, loc.function};
    }
    return {};
}

void GuardRecorder::add(GuardCheck c, int source, const Provenance& where) {
    c.source = source;
    if (c.verbose.empty()) c.verbose = verbose(c.code, where);
    guards_.push_back({std::move(c), where});
}

bool GuardRecorder::claimValueGuard(int source) {
    if (contains(valueGuarded_, source)) return false;
    valueGuarded_.push_back(source);
    return true;
}

void GuardRecorder::guardType(int source, const Value& v, const Provenance& where) {
    if (contains(typeGuarded_, source)) return;
    typeGuarded_.push_back(source);
    GuardCheck c;
    c.kind = GuardKind::TypeMatch;
    runtime::Type* t = v.obj() ? (v.obj()->visibleType() ? v.obj()->visibleType() : v.obj()->type()) : nullptr;
    if (v.isIntLike()) t = v.isBool() ? interp_.types.bool_ : interp_.types.int_;
    else if (v.isFloat()) t = interp_.types.float_;
    else if (v.isNone()) t = interp_.types.noneType;
    c.type = t;
    c.code = "___check_type_id(" + sources_[source].text + ", " + std::to_string(objectId(t)) + ")";
    add(std::move(c), source, where);
}

void GuardRecorder::guardSequence(int source, const Value& container, const Provenance& where) {
    if (contains(sequenceGuarded_, source)) return;
    int64_t n = -1;
    bool dict = false;
    if (auto* l = dynamic_cast<runtime::List*>(container.obj())) n = static_cast<int64_t>(l->items.size());
    else if (auto* t = dynamic_cast<runtime::Tuple*>(container.obj())) n = static_cast<int64_t>(t->items.size());
    else if (auto* d = dynamic_cast<runtime::Dict*>(container.obj())) n = static_cast<int64_t>(d->size()), dict = true;
    else if (auto* st = dynamic_cast<runtime::SetObject*>(container.obj())) n = static_cast<int64_t>(st->size());
    if (n < 0) return;
    sequenceGuarded_.push_back(source);
    if (!dict) guardType(source, container, where);  // PyTorch's SEQUENCE_LENGTH type-checks all but dicts
    GuardCheck c;
    c.kind = GuardKind::SequenceLength;
    c.length = n;
    c.code = n == 0 ? "not " + sources_[source].text : "len(" + sources_[source].text + ") == " + std::to_string(n);
    add(std::move(c), source, where);
}

void GuardRecorder::guardDictKeys(int source, const Value& dict, const Provenance& where) {
    auto* d = dynamic_cast<runtime::Dict*>(dict.obj());
    if (!d || contains(keysGuarded_, source)) return;
    keysGuarded_.push_back(source);
    guardSequence(source, dict, where);
    GuardCheck c;
    c.kind = GuardKind::DictKeys;
    std::string list = "[";
    for (const auto& e : d->entries()) {
        if (e.key.isNull()) continue;
        list += (c.keys.empty() ? "" : ", ") + runtime::ops::repr(e.key);
        c.keys.push_back(e.key);
    }
    c.code = "list(dict.keys(" + sources_[source].text + ")) == " + list + "]";
    add(std::move(c), source, where);
}

void GuardRecorder::guardDictContains(int source, const Value& key, bool present, bool attributeDict, const Provenance& where) {
    std::string k = runtime::ops::repr(key);
    for (const auto& [s, existing] : containsGuarded_)
        if (s == source && existing == k) return;
    containsGuarded_.emplace_back(source, k);
    GuardCheck c;
    c.kind = GuardKind::DictContains;
    c.constant = key;
    c.present = present;
    c.code = std::string(present ? "" : "not ") + "___dict_contains(" + k + ", " + sources_[source].text +
             (attributeDict ? ".__dict__)" : ")");
    add(std::move(c), source, where);
}

void GuardRecorder::guardIdentity(int source, const Value& object, const Provenance& where) {
    if (!claimValueGuard(source)) return;
    GuardCheck c;
    c.kind = GuardKind::IdMatch;
    c.constant = object;
    c.code = "___check_obj_id(" + sources_[source].text + ", " + std::to_string(objectId(object.obj())) + ")";
    add(std::move(c), source, where);
}

GuardSet GuardRecorder::build(const ShapeEnv& shapeEnv, const std::vector<SymbolBinding>& slotBindings, int frameLocals) const {
    GuardSet gs;
    auto& tree = gs.tree;
    tree.push_back({0, -1, "RootGuardManager", "", "", "", "", 0});
    auto leaf = [&](int parent, const std::string& kind, const std::string& source, const std::string& code,
                    const Provenance& p) {
        session::Guard g{static_cast<int>(tree.size()), parent, kind, source, code, p.userCode, p.file, p.line};
        tree.push_back(g);
        return g.id;
    };
    // Ambient guards (dynamo-semantics §1.3).
    GuardCheck dd;
    dd.kind = GuardKind::DefaultDevice;
    dd.code = "utils_device.CURRENT_DEVICE == None";
    dd.sessionGuard = leaf(0, "DEFAULT_DEVICE", "", dd.code, {});
    gs.checks.push_back(dd);
    GuardCheck glob;
    glob.kind = GuardKind::GlobalState;
    glob.global = entryState_;
    glob.code = std::string("___check_global_state() against {\"default_dtype\":\"") + std::string(tensor::dtypeReprName(glob.global.defaultDtype)) +
                "\",\"grad_mode\":" + (glob.global.gradMode ? "true" : "false") + "}";
    glob.sessionGuard = leaf(0, "GLOBAL_STATE", "", glob.code, {});
    gs.checks.push_back(glob);
    // Per-source managers in first-access order; a source's leaves, then its children.
    std::vector<std::vector<int>> children(static_cast<size_t>(sources_.size()));
    std::vector<int> roots;
    for (int i = 0; i < sources_.size(); ++i) (sources_[i].parent < 0 ? roots : children[static_cast<size_t>(sources_[i].parent)]).push_back(i);
    std::vector<bool> used(static_cast<size_t>(sources_.size()), false);
    for (const auto& g : guards_) {
        int s = g.check.source;
        while (s >= 0) {
            used[static_cast<size_t>(s)] = true;
            s = sources_[s].parent;
        }
    }
    for (int s : aliasGroup_) used[static_cast<size_t>(s)] = true;
    bool aliasing = aliasGroup_.size() >= 2;
    std::function<void(int, int)> visit = [&](int s, int parentNode) {
        if (!used[static_cast<size_t>(s)]) return;
        const Source& src = sources_[s];
        int node = static_cast<int>(tree.size());
        tree.push_back({node, parentNode, "GuardManager", src.text, "source=" + src.text + ", accessed_by=" + accessorText(src, frameLocals), "", "", 0});
        for (const auto& g : guards_) {
            if (g.check.source != s || g.check.kind == GuardKind::FloatCompare) continue;
            GuardCheck c = g.check;
            if (c.kind == GuardKind::TensorMatch) staticDimsFromSpecialized(c, shapeEnv);
            c.sessionGuard = leaf(node, guardKindName(c.kind), src.text, c.code, g.where);
            gs.checks.push_back(std::move(c));
        }
        if (aliasing && contains(aliasGroup_, s)) {
            GuardCheck c;
            c.kind = GuardKind::NoTensorAliasing;
            c.source = s;
            c.sessionGuard = -2;  // patched below to the root-level node
            gs.checks.push_back(c);
        }
        for (int ch : children[static_cast<size_t>(s)]) visit(ch, node);
    };
    for (int r : roots) visit(r, 0);
    if (aliasing) {
        std::string list;
        for (size_t i = 0; i < aliasGroup_.size(); ++i) list += (i ? ", " : "") + sources_[aliasGroup_[i]].text;
        int aliasNode = leaf(0, "NO_TENSOR_ALIASING", "", "check_no_aliasing(" + list + ")", {});
        for (auto& c : gs.checks)
            if (c.sessionGuard == -2) c.sessionGuard = aliasNode;
    }
    gs.shapeGuards = shapeEnv.produceGuards();
    for (size_t i = 0; i < gs.shapeGuards.size(); ++i) {
        GuardCheck c;
        c.kind = GuardKind::ShapeEnv;
        c.shapeGuard = static_cast<int>(i);
        c.code = gs.shapeGuards[i].code;
        c.verbose = gs.shapeGuards[i].verbose;
        // Shape guards are the root's epilogue lambda guards: printed after the tree at depth 0
        // (`+- LAMBDA_GUARD: 2 <= L['x'].size()[0]`), as in PyTorch's TORCH_LOGS=guards.
        c.sessionGuard = leaf(-1, "LAMBDA_GUARD", "", c.code, gs.shapeGuards[i].where);
        gs.checks.push_back(std::move(c));
    }
    // Guards on unspecialized float inputs are ShapeEnv guards in PyTorch: after the shape
    // guards, at depth 0 too.
    for (const auto& g : guards_) {
        if (g.check.kind != GuardKind::FloatCompare) continue;
        GuardCheck c = g.check;
        c.sessionGuard = leaf(-1, "LAMBDA_GUARD", "", c.code, g.where);
        gs.checks.push_back(std::move(c));
    }
    gs.symbols = slotBindings;
    return gs;
}

} // namespace gs::engine
