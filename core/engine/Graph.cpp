#include "core/engine/Graph.h"

#include "core/torch/TorchBindings.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
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

Value materialize(const ArgTemplate& a, const std::vector<Value>& nodeVals, const SourceTable& sources,
                  const CallFrame& frame, std::vector<Value>& cache, const std::vector<int64_t>& symVals) {
    auto& I = runtime::Interpreter::current();
    switch (a.kind) {
    case ArgTemplate::Kind::Const: return a.constant;
    case ArgTemplate::Kind::Node: return nodeVals[static_cast<size_t>(a.index)];
    case ArgTemplate::Kind::Source: return sources.fetch(a.index, frame, cache);
    case ArgTemplate::Kind::Sym: {
        auto v = a.sym->eval([&](int i) { return symVals[static_cast<size_t>(i)]; });
        return Value::integer(v.value_or(0));
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
        case runtime::Tag::Float: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", a.constant.asFloat());
            return buf;
        }
        default: return o ? o->repr() : "?";
        }
    }
    case ArgTemplate::Kind::Node: return nodes[static_cast<size_t>(a.index)].name;
    case ArgTemplate::Kind::Source: {
        std::string s = sources[a.index].text;
        std::string out;
        for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
        while (out.find("__") != std::string::npos) out.replace(out.find("__"), 2, "_");
        return out;
    }
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

Value Graph::replay(torch::TorchContext& ctx, const SourceTable& sources, const CallFrame& frame, std::vector<Value>& cache,
                    const std::vector<int64_t>& symVals) const {
    std::vector<Value> vals(nodes.size());
    std::vector<Value> args;
    std::vector<runtime::KwArg> kws;
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

std::vector<session::GraphNode> Graph::describe(const SourceTable& sources, const std::vector<std::string>& symNames) const {
    std::vector<session::GraphNode> out;
    int id = 0;
    for (int s : inputSources) {
        ArgTemplate a;
        a.kind = ArgTemplate::Kind::Source;
        a.index = s;
        out.push_back({id++, argText(a, nodes, sources, symNames), "placeholder", sources[s].text, {}, "", "", 0});
    }
    for (int s : symInputs) out.push_back({id++, symNames[static_cast<size_t>(s)], "placeholder", symNames[static_cast<size_t>(s)], {}, "", "int", 0});
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
        g.line = n.line;
        out.push_back(std::move(g));
    }
    session::GraphNode o;
    o.id = id;
    o.name = "output";
    o.op = "output";
    o.target = "output";
    o.args = {argText(output, nodes, sources, symNames)};
    out.push_back(std::move(o));
    return out;
}

std::string Graph::readable(const SourceTable& sources, const std::vector<std::string>& symNames) const {
    auto desc = describe(sources, symNames);
    std::string params, body;
    for (const auto& n : desc) {
        if (n.op == "placeholder") {
            params += ", " + n.name;
            continue;
        }
        if (n.op == "output") {
            body += "        return " + (n.args.empty() ? std::string("None") : n.args[0]) + "\n";
            continue;
        }
        std::string call;
        if (n.op == "call_method" && !n.args.empty()) {
            call = n.args[0] + "." + n.target + "(";
            for (size_t i = 1; i < n.args.size(); ++i) call += (i > 1 ? ", " : "") + n.args[i];
        } else {
            call = n.target + "(";
            for (size_t i = 0; i < n.args.size(); ++i) call += (i ? ", " : "") + n.args[i];
        }
        body += "        " + n.name + (n.shape.empty() ? "" : ": \"" + n.dtype + n.shape + "\"") + " = " + call + ")\n";
    }
    return "class GraphModule(torch.nn.Module):\n    def forward(self" + params + "):\n" + body;
}

} // namespace gs::engine
