#include "core/engine/Graph.h"

#include "core/torch/TorchBindings.h"
#include "core/runtime/Numbers.h"
#include "core/session/GraphPrinter.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::Value;

int Graph::opCount(int segment) const {
    int n = 0;
    for (const auto& node : nodes)
        if (segment < 0 || node.segment == segment) ++n;  // every node is a call_* node
    return n;
}

namespace {

// A symbolic int evaluated with Python's unbounded ints (when int64 overflowed).
Value exactValue(const SymExpr& e, const std::vector<int64_t>& symVals) {
    using K = SymExpr::Kind;
    switch (e.kind) {
    case K::Const: return Value::integer(e.value);
    case K::Symbol: return Value::integer(symVals[static_cast<size_t>(e.symbol)]);
    case K::Neg: return runtime::ops::unary(runtime::UnaryOpKind::USub, exactValue(*e.args[0], symVals));
    default: break;
    }
    Value x = exactValue(*e.args[0], symVals), y = exactValue(*e.args[1], symVals);
    runtime::BinOpKind op = e.kind == K::Add ? runtime::BinOpKind::Add
                            : e.kind == K::Mul ? runtime::BinOpKind::Mult
                            : e.kind == K::FloorDiv ? runtime::BinOpKind::FloorDiv
                                                    : runtime::BinOpKind::Mod;
    return runtime::ops::binary(op, x, y);
}

Value materialize(const ArgTemplate& a, const std::vector<Value>& nodeVals, const SourceTable& sources,
                  const CallFrame& frame, std::vector<Value>& cache, const std::vector<int64_t>& symVals) {
    auto& I = runtime::Interpreter::current();
    switch (a.kind) {
    case ArgTemplate::Kind::Const: return a.constant;
    case ArgTemplate::Kind::Node: return nodeVals[static_cast<size_t>(a.index)];
    case ArgTemplate::Kind::Source: return sources.fetch(a.index, frame, cache);
    case ArgTemplate::Kind::Sym: {
        auto v = a.sym->eval([&](int i) { return symVals[static_cast<size_t>(i)]; });
        if (v) return Value::integer(*v);
        return exactValue(*a.sym, symVals);  // past int64 (or a division by zero: raises as Python)
    }
    case ArgTemplate::Kind::Tuple:
    case ArgTemplate::Kind::List: {
        std::vector<Value> items;
        items.reserve(a.items.size());
        for (const auto& it : a.items) items.push_back(materialize(it, nodeVals, sources, frame, cache, symVals));
        return a.kind == ArgTemplate::Kind::Tuple ? I.newTuple(std::move(items)) : I.newList(std::move(items));
    }
    case ArgTemplate::Kind::Dict: {
        auto d = I.newDict();
        for (size_t i = 0; i + 1 < a.items.size(); i += 2)
            d->set(materialize(a.items[i], nodeVals, sources, frame, cache, symVals),
                   materialize(a.items[i + 1], nodeVals, sources, frame, cache, symVals));
        return Value(d.get());
    }
    }
    return Value();
}

std::string argText(const ArgTemplate& a, const std::vector<GraphNode>& nodes, const SourceTable& sources,
                    const std::vector<std::string>& symNames) {
    switch (a.kind) {
    case ArgTemplate::Kind::Const: {
        if (a.constant.isNull()) return "None";
        auto* o = a.constant.obj();
        if (o && torch::asTensorObject(a.constant)) return "_tensor_constant";
        switch (a.constant.tag()) {
        case runtime::Tag::None: return "None";
        case runtime::Tag::Bool: return a.constant.asBool() ? "True" : "False";
        case runtime::Tag::Int: return std::to_string(a.constant.asInt());
        case runtime::Tag::Float: return runtime::numbers::floatRepr(a.constant.asFloat());
        default: return o ? o->repr() : "?";
        }
    }
    case ArgTemplate::Kind::Node: return nodes[static_cast<size_t>(a.index)].name;
    case ArgTemplate::Kind::Source:  // the placeholder's node name (l_x_ for L['x'])
        return session::GraphPrinter::snakeCase(session::GraphPrinter::inputName(sources[a.index].text));
    case ArgTemplate::Kind::Sym: return a.sym->str([&](int i) { return symNames[static_cast<size_t>(i)]; });
    case ArgTemplate::Kind::Tuple:
    case ArgTemplate::Kind::List:
    case ArgTemplate::Kind::Dict: {
        std::string s = a.kind == ArgTemplate::Kind::List ? "[" : a.kind == ArgTemplate::Kind::Dict ? "{" : "(";
        for (size_t i = 0; i < a.items.size(); ++i) {
            if (i) s += a.kind == ArgTemplate::Kind::Dict && i % 2 ? ": " : ", ";
            s += argText(a.items[i], nodes, sources, symNames);
        }
        if (a.kind == ArgTemplate::Kind::Tuple && a.items.size() == 1) s += ",";
        return s + (a.kind == ArgTemplate::Kind::List ? "]" : a.kind == ArgTemplate::Kind::Dict ? "}" : ")");
    }
    }
    return "?";
}

} // namespace

namespace {
// Buffers of replay(), one set per nesting level (an op may run Python that replays another
// graph): a hit allocates no vectors. Emptied after each replay, so they hold no values.
struct ReplayBuffers {
    std::vector<Value> vals, args;
    std::vector<runtime::KwArg> kws;
};
thread_local std::vector<std::unique_ptr<ReplayBuffers>> tReplayBuffers;
thread_local size_t tReplayDepth = 0;
} // namespace

Value Graph::replay(torch::TorchContext& ctx, const SourceTable& sources, const CallFrame& frame, std::vector<Value>& cache,
                    const std::vector<int64_t>& symVals) const {
    if (tReplayDepth == tReplayBuffers.size()) tReplayBuffers.push_back(std::make_unique<ReplayBuffers>());
    ReplayBuffers& b = *tReplayBuffers[tReplayDepth];
    struct Level {
        ReplayBuffers& b;
        Level(ReplayBuffers& buffers) : b(buffers) { ++tReplayDepth; }
        ~Level() {
            b.vals.clear();
            b.args.clear();
            b.kws.clear();
            --tReplayDepth;
        }
    } level(b);
    std::vector<Value>& vals = b.vals;
    vals.resize(nodes.size());
    std::vector<Value>& args = b.args;
    std::vector<runtime::KwArg>& kws = b.kws;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const GraphNode& n = nodes[i];
        if (n.kind == GraphNode::Kind::GetItem) {
            const Value& from = vals[static_cast<size_t>(n.from)];
            if (auto* t = dynamic_cast<runtime::Tuple*>(from.obj())) vals[i] = t->items[static_cast<size_t>(n.item)];
            else if (auto* l = dynamic_cast<runtime::List*>(from.obj())) vals[i] = l->items[static_cast<size_t>(n.item)];
            continue;
        }
        // Python arithmetic on SymInts: a node for op_count and display; its value is the symbolic
        // expression that later arguments carry (ArgTemplate::Kind::Sym), evaluated from symVals.
        if (n.kind == GraphNode::Kind::SymArith) continue;
        args.clear();
        kws.clear();
        for (const auto& a : n.args) args.push_back(materialize(a, vals, sources, frame, cache, symVals));
        for (const auto& [k, a] : n.kwargs)
            kws.push_back({static_cast<runtime::Str*>(k.obj()), materialize(a, vals, sources, frame, cache, symVals)});
        runtime::CallArgs ca{std::span<const Value>(args), std::span<const runtime::KwArg>(kws)};
        vals[i] = ctx.runImpl(n.op, ca);
    }
    return materialize(output, vals, sources, frame, cache, symVals);
}

namespace {

// Does `text` mention `name` as a whole token (a symbol inside "[s77, 3]")?
bool mentions(const std::string& text, const std::string& name) {
    for (size_t p = text.find(name); p != std::string::npos; p = text.find(name, p + 1)) {
        bool before = p == 0 || !(std::isalnum(static_cast<unsigned char>(text[p - 1])) || text[p - 1] == '_');
        size_t e = p + name.size();
        bool after = e >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_');
        if (before && after) return true;
    }
    return false;
}

// The graph's outputs as Dynamo returns them: a flat tuple of the values the graph computes.
void flattenOutput(const ArgTemplate& a, const std::vector<GraphNode>& nodes, const SourceTable& sources,
                   const std::vector<std::string>& symNames, std::vector<std::string>& out) {
    switch (a.kind) {
    case ArgTemplate::Kind::Const: return;
    case ArgTemplate::Kind::Node:
    case ArgTemplate::Kind::Source:
    case ArgTemplate::Kind::Sym: out.push_back(argText(a, nodes, sources, symNames)); return;
    case ArgTemplate::Kind::Tuple:
    case ArgTemplate::Kind::List:
        for (const auto& it : a.items) flattenOutput(it, nodes, sources, symNames, out);
        return;
    case ArgTemplate::Kind::Dict:
        for (size_t i = 1; i < a.items.size(); i += 2) flattenOutput(a.items[i], nodes, sources, symNames, out);
        return;
    }
}

} // namespace

std::vector<session::GraphNode> Graph::describe(const SourceTable& sources, const std::vector<std::string>& symNames) const {
    std::vector<session::GraphNode> out;
    int id = 0;
    // Placeholders in PyTorch's order: a size symbol is lifted as a graph input just before the
    // first tensor input whose size mentions it (forward(self, s77: "Sym(s77)", L_x_: …)); int
    // inputs that became symbols follow the tensors.
    std::vector<bool> placed(symInputs.size(), false);
    auto symbolInput = [&](size_t k) {
        const std::string& name = symNames[static_cast<size_t>(symInputs[k])];
        session::GraphNode g;
        g.id = id++;
        g.name = g.target = name;
        g.op = "placeholder";
        g.shape = "Sym(" + name + ")";  // a SymInt input, annotated as FX prints it
        placed[k] = true;
        out.push_back(std::move(g));
    };
    for (size_t i = 0; i < inputSources.size(); ++i) {
        const ValueMeta meta = i < inputMeta.size() ? inputMeta[i] : ValueMeta{};
        for (size_t k = 0; k < symInputs.size(); ++k)
            if (!placed[k] && (mentions(meta.shape, symNames[static_cast<size_t>(symInputs[k])]) ||
                               mentions(meta.stride, symNames[static_cast<size_t>(symInputs[k])])))
                symbolInput(k);
        session::GraphNode g;
        g.id = id++;
        g.target = session::GraphPrinter::inputName(sources[inputSources[i]].text);
        g.name = session::GraphPrinter::snakeCase(g.target);
        g.op = "placeholder";
        g.shape = meta.shape;
        g.stride = meta.stride;
        g.dtype = meta.dtype;
        g.device = meta.device;
        out.push_back(std::move(g));
    }
    for (size_t k = 0; k < symInputs.size(); ++k)
        if (!placed[k]) symbolInput(k);
    for (const auto& n : nodes) {
        session::GraphNode g;
        g.id = id++;
        g.name = n.name;
        g.op = n.kind == GraphNode::Kind::Op ? (n.isMethod ? "call_method" : "call_function") : "call_function";
        g.target = n.target;
        for (const auto& a : n.args) g.args.push_back(argText(a, nodes, sources, symNames));
        for (const auto& [k, a] : n.kwargs)
            g.args.push_back(static_cast<runtime::Str*>(k.obj())->s() + "=" + argText(a, nodes, sources, symNames));
        if (n.kind == GraphNode::Kind::GetItem) {
            g.args = {nodes[static_cast<size_t>(n.from)].name, std::to_string(n.item)};
        }
        g.shape = n.shape;
        g.dtype = n.dtype;
        g.stride = n.stride;
        g.device = n.device;
        g.line = n.line;
        if (n.line > 0) {
            g.file = n.origin.file;
            g.function = n.origin.function;
            g.code = n.origin.userCode;
        }
        out.push_back(std::move(g));
    }
    session::GraphNode o;
    o.id = id;
    o.name = "output";
    o.op = "output";
    o.target = "output";
    flattenOutput(output, nodes, sources, symNames, o.args);
    out.push_back(std::move(o));
    return out;
}

std::string Graph::readable(const SourceTable& sources, const std::vector<std::string>& symNames) const {
    return session::GraphPrinter::readable(describe(sources, symNames));
}

} // namespace gs::engine
