#include "core/engine/GraphRecorder.h"

#include <algorithm>

#include "core/engine/Tracer.h"
#include "core/engine/TrackedScalar.h"
#include "core/engine/ValueMeta.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Str.h"
#include "core/session/GraphPrinter.h"

namespace gs::engine {

using runtime::Value;

TracedTensor* GraphRecorder::find(const torch::TensorObject* t) {
    auto it = tensors_.find(t);
    return it == tensors_.end() ? nullptr : &it->second;
}

TracedTensor& GraphRecorder::add(const torch::TensorObject* t, TracedTensor v) { return tensors_.emplace(t, std::move(v)).first->second; }

void GraphRecorder::addSymArith(const char* target, const SymPtr& a, const SymPtr& b) {
    GraphNode n;
    n.kind = GraphNode::Kind::SymArith;
    n.target = target;
    std::string t = target;
    n.name = nodeName(t.rfind("operator.", 0) == 0 ? t.substr(9) : t.substr(t.rfind('.') + 1));  // add, sym_max
    n.segment = segment_;
    n.origin = tracer_.where();
    n.line = n.origin.line;
    ArgTemplate ta, tb;
    ta.kind = tb.kind = ArgTemplate::Kind::Sym;
    ta.sym = a;
    tb.sym = b;
    n.args = {ta, tb};
    graph_.nodes.push_back(std::move(n));
}

void GraphRecorder::breakSegment() {
    graph_.hasGraphBreak = true;
    bool nonEmpty = std::any_of(graph_.nodes.begin(), graph_.nodes.end(), [&](const GraphNode& n) { return n.segment == segment_; });
    if (nonEmpty) {
        ++segment_;
        graph_.segments = segment_ + 1;
    }
}

ArgTemplate GraphRecorder::convertArg(const Value& v, Value& real) {
    ArgTemplate t;
    real = v;
    if (auto* to = torch::asTensorObject(v)) {
        return tracer_.tensorVar(to).ref;
    }
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        if (s->kind == TrackedScalar::Kind::SymInt) {
            t.kind = ArgTemplate::Kind::Sym;
            t.sym = tracer_.shapeEnv.concrete(s->sym, tracer_.where(), &tracer_.dynamicLog);
            real = s->value;
            return t;
        }
        if (s->kind == TrackedScalar::Kind::SymFloat) {  // stays unspecialized (hits re-run)
            real = s->value;
            t.constant = real;
            return t;
        }
        real = tracer_.useScalar(s);
        t.constant = real;
        return t;
    }
    auto* tup = dynamic_cast<runtime::Tuple*>(v.obj());
    auto* lst = dynamic_cast<runtime::List*>(v.obj());
    if (tup || lst) {
        const auto& items = tup ? tup->items : lst->items;
        t.kind = tup ? ArgTemplate::Kind::Tuple : ArgTemplate::Kind::List;
        // A tuple or list read from a source (an argument, a module attribute such as a conv's
        // stride) hands the op its items: each is read as `c[i]` reads it — the length and the
        // item guarded, a tensor item an input of the graph — not baked into the graph unguarded
        // (torch.cat(xs) of a list argument, x.reshape(shape) of a tuple argument).
        std::vector<Value> read(items.begin(), items.end());
        if (tracer_.sourceOf(v.obj()) >= 0)
            for (size_t i = 0; i < read.size(); ++i) tracer_.onGetItem(v, Value::integer(static_cast<int64_t>(i)), read[i]);
        std::vector<Value> reals;
        bool changed = false;
        for (size_t i = 0; i < read.size(); ++i) {
            Value r;
            t.items.push_back(convertArg(read[i], r));
            changed |= !r.is(items[i]);
            reals.push_back(std::move(r));
        }
        bool constant = std::all_of(t.items.begin(), t.items.end(), [](const ArgTemplate& a) { return a.kind == ArgTemplate::Kind::Const; });
        if (changed) real = tup ? interp_.newTuple(std::move(reals)) : interp_.newList(std::move(reals));
        if (constant) {
            t.kind = ArgTemplate::Kind::Const;
            t.items.clear();
            t.constant = real;
        }
        return t;
    }
    t.constant = v;
    return t;
}

std::string GraphRecorder::nodeName(const std::string& target) {
    std::string base = target;
    size_t dot = base.rfind('.');
    if (dot != std::string::npos) base = base.substr(dot + 1);
    // FX's _Namespace.create_name: a name may not shadow a Python builtin or keyword, so the
    // first `sum` is sum_1 (as PyTorch prints it).
    int& n = nameCounts_[base];
    if (n == 0 && session::GraphPrinter::isReservedName(base)) n = 1;
    std::string name = n == 0 ? base : base + "_" + std::to_string(n);
    ++n;
    return name;
}

namespace {

// An op's name without its namespace: "view" for Tensor.view and torch.view.
std::string_view opBaseName(const torch::OpDef& def) {
    const size_t dot = def.name.rfind('.');
    return dot == std::string::npos ? std::string_view(def.name) : std::string_view(def.name).substr(dot + 1);
}

// Ops whose result holds the input's elements in another shape.
bool isViewOfSameElements(const torch::OpDef& def) {
    const std::string_view base = opBaseName(def);
    return base == "view" || base == "reshape" || base == "flatten" || base == "unflatten" || base == "view_as" ||
           base == "reshape_as";
}

// The items of a tuple or list, or null.
const std::vector<Value>* sequenceItemsOf(const Value& v) {
    if (auto* tup = dynamic_cast<runtime::Tuple*>(v.obj())) return &tup->items;
    if (auto* l = dynamic_cast<runtime::List*>(v.obj())) return &l->items;
    return nullptr;
}

bool holdsBoolTensor(const Value& v) {
    if (auto* t = torch::asTensorObject(v)) return t->tensor.dtype() == tensor::DType::Bool;
    if (const std::vector<Value>* items = sequenceItemsOf(v))
        for (const Value& it : *items)
            if (holdsBoolTensor(it)) return true;
    return false;
}

// The ATen op PyTorch names when an op's output size depends on the tensor's values, or null.
const char* dataDependentShapeOp(const torch::OpDef& def, const std::vector<Value>& args) {
    if (def.name == "torch.nonzero" || def.name == "Tensor.nonzero") return "aten.nonzero.default";
    if (def.name == "Tensor.__getitem__" && args.size() >= 2 && holdsBoolTensor(args[1])) return "aten.index.Tensor";
    return nullptr;
}

// Ops whose result has the input's sizes in another order.
bool movesDims(const torch::OpDef& def) {
    const std::string_view base = opBaseName(def);
    return base == "transpose" || base == "transpose_" || base == "permute" || base == "t" || base == "t_" || base == "movedim" ||
           base == "moveaxis" || base == "swapaxes" || base == "swapdims" || base == "adjoint" || base == "mT" || base == "mH" ||
           base == "T" || base == "H" || base == "rot90";
}

} // namespace

std::vector<SymPtr> GraphRecorder::outputSizes(const torch::OpDef& def, const std::vector<Value>& realArgs,
                                               const tensor::Tensor& out) {
    std::vector<std::vector<SymPtr>> ins;
    std::vector<SymPtr> pool;
    for (const auto& a : realArgs) {
        if (auto* to = torch::asTensorObject(a)) {
            auto it = tensors_.find(to);
            if (it != tensors_.end()) ins.push_back(it->second.sizes);
        }
    }
    Provenance p = tracer_.where();
    // An op of the Generic rule that keeps the rank and does not move dims (x[::2], repeat,
    // index_select, narrow, expand, masked_fill, ...): a size that changed at its position is
    // not taken for another input size of the same value — x.repeat(2, 1) of a (4, 8) tensor is
    // (8, 8), and its first 8 is not the second dim. Only SymInt arguments (expand(n, -1)) and
    // the size at the same position qualify there.
    const bool positional = def.shape == torch::ShapeRule::Generic && !ins.empty() &&
                            static_cast<int64_t>(ins[0].size()) == out.dim() && !movesDims(def);
    auto matchByValue = [&](std::vector<SymPtr> candidates) {
        std::vector<SymPtr> res;
        std::vector<size_t> unmatched;
        auto matches = [&](const SymPtr& c, int64_t s) -> SymPtr {
            SymPtr cs = tracer_.shapeEnv.simplify(c);
            return !cs->isConst() && tracer_.shapeEnv.hint(cs) == s ? cs : nullptr;
        };
        for (int64_t s : out.sizes()) {
            SymPtr found;
            if (s < 2 && positional) {
                // A 0 or 1 where the input's size is symbolic (x[1:] or x[::2] of a size-2 x,
                // x[1:].clone()): computed from that size, so it is that size when the hint
                // agrees, and otherwise opaque in it (a constant once read, for this input size
                // only). A plain constant here replayed 1 for every later size (fuzzer seeds
                // 14764, 16241: x[1:].shape[0]).
                SymPtr in = tracer_.shapeEnv.simplify(ins[0][res.size()]);
                if (!in->isConst())
                    found = tracer_.shapeEnv.hint(in) == s ? in : tracer_.shapeEnv.createOpaque(s, {in});
            } else if (s >= 2 && positional) {
                for (size_t j = 0; j < callSyms_.size() && !found; ++j) found = matches(callSyms_[j], s);
                if (!found) found = matches(ins[0][res.size()], s);
            } else if (s >= 2) {
                for (size_t j = 0; j < candidates.size() && !found; ++j) found = matches(candidates[j], s);
            }
            if (!found && s >= 2) unmatched.push_back(res.size());
            res.push_back(found ? found : SymExpr::constant(s));
        }
        // A view of the same elements (x.view(-1), x.reshape(n, -1), x.flatten()): the one size
        // the others do not give is the input's element count divided by theirs, as PyTorch's
        // infer_size computes it (s0*s1 for x.flatten()).
        if (unmatched.size() == 1 && isViewOfSameElements(def) && !ins.empty()) {
            SymPtr numel = SymExpr::constant(1), rest = SymExpr::constant(1);
            for (const auto& d : ins[0]) numel = SymExpr::mul(numel, tracer_.shapeEnv.simplify(d));
            for (size_t k = 0; k < res.size(); ++k)
                if (k != unmatched[0]) rest = SymExpr::mul(rest, res[k]);
            SymPtr e = tracer_.shapeEnv.simplify(SymExpr::floorDiv(numel, rest));
            if (!e->isConst() && tracer_.shapeEnv.hint(e) == out.sizes()[unmatched[0]]) {
                res[unmatched[0]] = e;
                unmatched.clear();
            }
        }
        // Any other size that is not one of the inputs' sizes (x[::2], x.repeat(2, 1) on dynamic
        // sizes) was computed from the symbolic inputs by a rule we do not model, unless the call
        // wrote that number as that size (torch.zeros(3, n), x.view(4, -1): the k-th size-like
        // argument; arange(0, n, 2) of 2 elements is not the 2 written last): it is opaque, a
        // constant once read and then only for these input sizes (ShapeEnv::createOpaque).
        // Sizes 0 and 1 stay constants (broadcast and keepdim ones).
        for (size_t k : unmatched) {
            const int64_t s = out.sizes()[k];
            const bool written = k < callSizeArgs_.size() && callSizeArgs_[k] == s;
            if (!written) res[k] = tracer_.shapeEnv.createOpaque(s, candidates);
        }
        return res;
    };
    if (def.shape == torch::ShapeRule::Elementwise && !ins.empty()) {
        size_t rank = 0;
        for (const auto& v : ins) rank = std::max(rank, v.size());
        std::vector<SymPtr> res(rank);
        for (size_t k = 0; k < rank; ++k) {
            SymPtr cur, one;
            for (const auto& v : ins) {
                if (k >= rank - v.size() + 0 && k + v.size() >= rank) {
                    SymPtr d = tracer_.shapeEnv.simplify(v[k - (rank - v.size())]);
                    if (d->isConst() && d->value == 1) continue;
                    // An opaque size of 1 broadcasts like a 1 without being read (a replay
                    // broadcasts the real tensors); the output keeps it when nothing else is there.
                    if (tracer_.shapeEnv.hint(d) == 1 && tracer_.shapeEnv.isOpaque(d)) {
                        if (!one) one = d;
                        continue;
                    }
                    if (!cur) cur = d;
                    else if (!(cur->isConst() && d->isConst())) {
                        tracer_.shapeEnv.unify(cur, d, p, &tracer_.dynamicLog);
                        cur = tracer_.shapeEnv.simplify(cur);
                    }
                }
            }
            res[k] = cur ? tracer_.shapeEnv.simplify(cur) : one ? one : SymExpr::constant(1);
        }
        if (res.size() == static_cast<size_t>(out.dim())) {
            for (size_t k = 0; k < res.size(); ++k)
                if (tracer_.shapeEnv.hint(res[k]) != out.sizes()[k]) res[k] = SymExpr::constant(out.sizes()[k]);
            return res;
        }
    }
    // torch.cat: the output's size along the joined dim is the sum of the inputs' sizes there
    // (2*s17 for cat([y, z]) with y, z of size s17), the other dims are the first input's.
    if ((def.name == "torch.cat" || def.name == "torch.concat" || def.name == "torch.concatenate") && !realArgs.empty()) {
        const std::vector<Value>* items = nullptr;
        if (auto* l = dynamic_cast<runtime::List*>(realArgs[0].obj())) items = &l->items;
        else if (auto* t = dynamic_cast<runtime::Tuple*>(realArgs[0].obj())) items = &t->items;
        int64_t dim = realArgs.size() > 1 && realArgs[1].isIntLike() ? realArgs[1].asInt() : 0;
        std::vector<std::vector<SymPtr>> parts;
        if (items)
            for (const auto& it : *items)
                if (auto* to = torch::asTensorObject(it)) {
                    const std::vector<SymPtr>& sizes = tracer_.tensorVar(to).sizes;
                    if (static_cast<int64_t>(sizes.size()) != out.dim()) {
                        parts.clear();
                        break;
                    }
                    parts.push_back(sizes);
                }
        if (dim < 0) dim += out.dim();
        if (!parts.empty() && dim >= 0 && dim < out.dim()) {
            std::vector<SymPtr> res = parts[0];
            SymPtr sum = SymExpr::constant(0);
            for (const auto& ps : parts) sum = SymExpr::add(sum, ps[static_cast<size_t>(dim)]);
            res[static_cast<size_t>(dim)] = tracer_.shapeEnv.simplify(sum);
            bool ok = true;
            for (size_t k = 0; k < res.size(); ++k) ok = ok && tracer_.shapeEnv.hint(res[k]) == out.sizes()[k];
            if (ok) return res;
        }
    }
    if (def.shape == torch::ShapeRule::Matmul && ins.size() >= 2 && !ins[0].empty() && !ins[1].empty()) {
        const auto& a = ins[0];
        const auto& b = ins[1];
        SymPtr ka = a.back();
        bool linear = def.name.find("linear") != std::string::npos;
        SymPtr kb = linear ? b.back() : (b.size() >= 2 ? b[b.size() - 2] : b.back());
        tracer_.shapeEnv.unify(ka, kb, p, &tracer_.dynamicLog);
    }
    for (const auto& v : ins)
        for (const auto& s : v) pool.push_back(s);
    // SymInt arguments (torch.empty(n), x.view(n, -1)) come first: a size made from one is that
    // symbol. The op ran on plain values, so they are read from the call's argument templates.
    const std::vector<SymPtr>& symArgs = callSyms_;
    pool.insert(pool.begin(), symArgs.begin(), symArgs.end());
    std::vector<SymPtr> res = matchByValue(pool);
    // A size of 0 or 1 made from a SymInt argument (torch.empty(n // 13 * 13)) is recorded as
    // a constant, like PyTorch's 0/1 specialization of sizes; what the program later reads from
    // that size (numel() == 0) is then no longer tied to the symbol, so the value the constant
    // came from is guarded here: the entry is only for inputs that give the same size.
    std::vector<bool> used(symArgs.size(), false);
    for (size_t k = 0; k < res.size(); ++k) {
        int64_t sz = out.sizes()[k];
        if (sz >= 2 || !res[k]->isConst()) continue;
        for (size_t j = 0; j < symArgs.size(); ++j) {
            if (used[j]) continue;
            SymPtr cs = tracer_.shapeEnv.simplify(symArgs[j]);
            // A size computed from data is not guarded (the entry re-runs on every hit).
            if (cs->isConst() || tracer_.shapeEnv.hint(cs) != sz || tracer_.shapeEnv.mentionsData(cs)) continue;
            used[j] = true;
            tracer_.shapeEnv.evaluate(RelOp::Eq, cs, SymExpr::constant(sz), p, &tracer_.dynamicLog);
            break;
        }
    }
    return res;
}

void GraphRecorder::registerOutput(const Value& v, int node, const torch::OpDef& def, const std::vector<Value>& realArgs) {
    if (auto* to = torch::asTensorObject(v)) {
        if (def.inplace && tensors_.count(to)) return;  // same object, same graph value
        TracedTensor var;
        var.keep = v;
        var.ref.kind = ArgTemplate::Kind::Node;
        var.ref.index = node;
        var.sizes = outputSizes(def, realArgs, to->tensor);
        ValueMeta meta = ValueMeta::of(tracer_.shapeEnv, var.sizes, to->tensor.sizes(), to->tensor.strides(),
                                       std::string(tensor::dtypeName(to->tensor.dtype())), to->tensor.device().str());
        GraphNode& g = graph_.nodes[static_cast<size_t>(node)];
        g.shape = std::move(meta.shape);
        g.stride = std::move(meta.stride);
        g.dtype = std::move(meta.dtype);
        g.device = std::move(meta.device);
        tensors_[to] = std::move(var);
        return;
    }
    std::vector<Value>* items = nullptr;
    if (auto* t = dynamic_cast<runtime::Tuple*>(v.obj())) items = &t->items;
    else if (auto* l = dynamic_cast<runtime::List*>(v.obj())) items = &l->items;
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        if (!torch::asTensorObject((*items)[i])) continue;
        GraphNode g;
        g.kind = GraphNode::Kind::GetItem;
        g.from = node;
        g.item = static_cast<int>(i);
        g.target = "operator.getitem";
        g.name = nodeName("getitem");
        g.segment = segment_;
        g.origin = tracer_.where();
        g.line = g.origin.line;
        graph_.nodes.push_back(std::move(g));
        torch::OpDef generic = def;
        generic.inplace = false;
        generic.shape = torch::ShapeRule::Generic;
        registerOutput((*items)[i], static_cast<int>(graph_.nodes.size()) - 1, generic, realArgs);
    }
}

Value GraphRecorder::call(int opIndex, const runtime::CallArgs& args) {
    const torch::OpDef& def = ctx_.ops[static_cast<size_t>(opIndex)];
    GraphNode node;
    node.op = opIndex;
    node.target = def.target;
    node.isMethod = def.isMethod;
    node.segment = segment_;
    node.origin = tracer_.where();
    node.line = node.origin.line;
    std::vector<Value> real(args.pos.size());
    for (size_t i = 0; i < args.pos.size(); ++i) node.args.push_back(convertArg(args.pos[i], real[i]));
    std::vector<Value> kwVals(args.kw.size());
    std::vector<runtime::KwArg> kws;
    for (size_t i = 0; i < args.kw.size(); ++i) {
        node.kwargs.emplace_back(Value(args.kw[i].name), convertArg(args.kw[i].value, kwVals[i]));
        kws.push_back({args.kw[i].name, kwVals[i]});
    }
    if (def.shape == torch::ShapeRule::NoTensorOut) tracer_.graphBreak(def.target + " returns data to Python");
    // An output size read from the data, not the sizes (nonzero, x[mask]): PyTorch breaks the
    // graph there unless capture_dynamic_output_shape_ops (unbacked sizes, not modelled: we
    // break either way). The op runs eagerly, and so does every hit of the entry.
    const char* dynamicShapeOp = dataDependentShapeOp(def, real);
    if (dynamicShapeOp)
        tracer_.graphBreak(std::string("dynamic shape operator: ") + dynamicShapeOp +
                           "; to enable, set torch._dynamo.config.capture_dynamic_output_shape_ops = True");
    runtime::CallArgs realArgs{std::span<const Value>(real), std::span<const runtime::KwArg>(kws)};
    Value result = ctx_.runImpl(opIndex, realArgs);
    if (def.shape == torch::ShapeRule::NoTensorOut || dynamicShapeOp) return result;
    node.name = nodeName(def.target);
    callSyms_.clear();
    callSizeArgs_.clear();
    auto collect = [this](const ArgTemplate& t, auto& self) -> void {
        if (t.kind == ArgTemplate::Kind::Sym && t.sym) callSyms_.push_back(t.sym);
        for (const auto& it : t.items) self(it, self);
    };
    for (const auto& a : node.args) collect(a, collect);
    for (const auto& kv : node.kwargs) collect(kv.second, collect);
    auto writtenInt = [](const Value& v) { return v.isInt() ? std::optional<int64_t>(v.asInt()) : std::nullopt; };
    auto sizeArg = [&](const ArgTemplate& t) {
        callSizeArgs_.push_back(t.kind == ArgTemplate::Kind::Const ? writtenInt(t.constant) : std::nullopt);
    };
    for (size_t i = 0; i < node.args.size(); ++i) {
        const ArgTemplate& a = node.args[i];
        if (a.kind == ArgTemplate::Kind::Node || a.kind == ArgTemplate::Kind::Source || torch::asTensorObject(real[i])) continue;
        if (a.kind == ArgTemplate::Kind::Tuple || a.kind == ArgTemplate::Kind::List) {
            for (const auto& it : a.items) sizeArg(it);
        } else if (const std::vector<Value>* items = sequenceItemsOf(a.constant)) {
            for (const auto& it : *items) callSizeArgs_.push_back(writtenInt(it));
        } else {
            sizeArg(a);
        }
    }
    graph_.nodes.push_back(std::move(node));
    registerOutput(result, static_cast<int>(graph_.nodes.size()) - 1, def, real);
    callSyms_.clear();
    callSizeArgs_.clear();
    return result;
}

ArgTemplate GraphRecorder::outputTemplate(const Value& v, Value& plain) {
    ArgTemplate t;
    plain = v;
    if (auto* to = torch::asTensorObject(v)) {
        auto it = tensors_.find(to);
        if (it != tensors_.end()) {
            t = it->second.ref;
            if (t.kind == ArgTemplate::Kind::Node)
                for (size_t d = 0; d < it->second.sizes.size() && d < 64; ++d)
                    if (tracer_.shapeEnv.knownDynamic(it->second.sizes[d])) t.dynamicDims |= uint64_t(1) << d;
            return t;
        }
        int src = tracer_.sourceOf(to);
        if (src >= 0) {
            t.kind = ArgTemplate::Kind::Source;
            t.index = src;
            return t;
        }
        t.constant = v;
        return t;
    }
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        plain = s->value;
        if (s->kind == TrackedScalar::Kind::SymInt) {
            t.kind = ArgTemplate::Kind::Sym;
            t.sym = tracer_.shapeEnv.concrete(s->sym, tracer_.where(), &tracer_.dynamicLog);
            return t;
        }
        if (s->source >= 0) {
            t.kind = ArgTemplate::Kind::Source;
            t.index = s->source;
            return t;
        }
        t.constant = s->value;
        return t;
    }
    auto* tup = dynamic_cast<runtime::Tuple*>(v.obj());
    auto* lst = dynamic_cast<runtime::List*>(v.obj());
    if ((tup || lst) && tracer_.sourceOf(v.obj()) < 0) {
        t.kind = tup ? ArgTemplate::Kind::Tuple : ArgTemplate::Kind::List;
        std::vector<Value> plains;
        for (const auto& it : tup ? tup->items : lst->items) {
            Value p;
            t.items.push_back(outputTemplate(it, p));
            plains.push_back(std::move(p));
        }
        plain = tup ? interp_.newTuple(std::move(plains)) : interp_.newList(std::move(plains));
        return t;
    }
    if (auto* d = dynamic_cast<runtime::Dict*>(v.obj()); d && tracer_.sourceOf(d) < 0) {
        t.kind = ArgTemplate::Kind::Dict;
        auto out = interp_.newDict();
        for (const auto& k : d->keys()) {
            Value p;
            ArgTemplate kt;
            tracer_.onUse(k);
            kt.constant = k;
            t.items.push_back(kt);
            t.items.push_back(outputTemplate(d->get(k), p));
            out->set(k, p);
        }
        plain = Value(out.get());
        return t;
    }
    int src = v.isObj() ? tracer_.sourceOf(v.obj()) : -1;
    if (src >= 0) {
        t.kind = ArgTemplate::Kind::Source;
        t.index = src;
        return t;
    }
    tracer_.onUse(v);  // a string read from a source and returned is baked in: guard it
    t.constant = v;
    return t;
}

Value GraphRecorder::finish(const Value& result) {
    Value plain;
    graph_.output = outputTemplate(result, plain);
    return plain;
}

} // namespace gs::engine
