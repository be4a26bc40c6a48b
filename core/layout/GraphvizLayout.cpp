#include "core/layout/GraphvizLayout.h"

// Every Graphviz header stays inside this file (STYLE.md "Graphviz").
#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>

#include <charconv>
#include <cmath>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gs::layout {
namespace {

constexpr double kPointsPerInch = 72.0;
// dot is superlinear; beyond this the user waits minutes. Refuse with a sentence instead.
constexpr size_t kMaxNodes = 5000;
constexpr size_t kMaxEdges = 20000;
constexpr double kMinSide = 1.0;

// Graphviz 2.42/2.43 takes char* for names and attribute values (TOOLCHAIN.md "const-ness").
char* cs(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* cs(const char* s) { return const_cast<char*>(s); }

// Locale-independent number text: QApplication sets LC_NUMERIC from the environment, and
// printf-style formatting would then write "1,5" (TOOLCHAIN.md "Locale and Qt").
std::string number(double v) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
    return std::string(buf, res.ptr);
}

// One context per process, created on first use and never freed: a second gvContext() after
// gvFreeContext() is a use-after-free in the pango plugin (TOOLCHAIN.md).
GVC_t* context() {
    static GVC_t* gvc = [] {
        agseterr(AGERR); // silence "size too small for label" style warnings on stderr
        return gvContext();
    }();
    return gvc;
}

std::mutex& layoutMutex() {
    static std::mutex m;
    return m;
}

// Owns one Agraph_t and frees its layout and the graph on every path out.
class GraphHandle {
public:
    GraphHandle() { graph_ = agopen(cs("g"), Agdirected, nullptr); }
    ~GraphHandle() {
        if (!graph_) return;
        if (laidOut_) gvFreeLayout(context(), graph_);
        agclose(graph_);
        agreseterrors();
    }
    GraphHandle(const GraphHandle&) = delete;
    GraphHandle& operator=(const GraphHandle&) = delete;
    Agraph_t* get() const { return graph_; }
    void setLaidOut() { laidOut_ = true; }

private:
    Agraph_t* graph_ = nullptr;
    bool laidOut_ = false;
};

bool finite(double v) { return std::isfinite(v); }

} // namespace

const char* GraphvizLayout::graphvizVersion() { return PACKAGE_VERSION; }

LayoutResult GraphvizLayout::layout(const LayoutRequest& request) {
    LayoutResult result;
    if (request.nodes.size() > kMaxNodes || request.edges.size() > kMaxEdges) {
        result.error = "The graph is too large to lay out (" + std::to_string(request.nodes.size()) +
                       " nodes, " + std::to_string(request.edges.size()) + " edges; the limit is " +
                       std::to_string(kMaxNodes) + " nodes and " + std::to_string(kMaxEdges) + " edges).";
        return result;
    }
    std::unordered_map<std::string, size_t> nodeIndex;
    nodeIndex.reserve(request.nodes.size());
    for (size_t i = 0; i < request.nodes.size(); ++i) {
        if (!nodeIndex.emplace(request.nodes[i].id, i).second) {
            result.error = "Two nodes have the same id '" + request.nodes[i].id + "'.";
            return result;
        }
    }
    for (const auto& e : request.edges) {
        if (!nodeIndex.count(e.from) || !nodeIndex.count(e.to)) {
            result.error = "Edge '" + e.id + "' connects '" + e.from + "' to '" + e.to +
                           "', but one of them is not a node of the graph.";
            return result;
        }
    }
    if (request.nodes.empty()) return result;

    std::lock_guard lock(layoutMutex());
    GVC_t* gvc = context();
    GraphHandle handle;
    Agraph_t* g = handle.get();
    if (!gvc || !g) {
        result.error = "Graphviz could not be initialised.";
        return result;
    }

    agattr(g, AGRAPH, cs("rankdir"), cs(request.direction == Direction::LeftToRight ? "LR" : "TB"));
    agattr(g, AGRAPH, cs("nodesep"), cs(number(std::max(0.02, request.nodeSep / kPointsPerInch))));
    agattr(g, AGRAPH, cs("ranksep"), cs(number(std::max(0.02, request.rankSep / kPointsPerInch))));
    agattr(g, AGRAPH, cs("splines"), cs("spline"));
    agattr(g, AGRAPH, cs("pad"), cs("0"));
    if (request.keepChildOrder) agattr(g, AGRAPH, cs("ordering"), cs("out"));
    // The caller draws labels itself; Graphviz only needs the box each label occupies.
    agattr(g, AGNODE, cs("shape"), cs("box"));
    agattr(g, AGNODE, cs("fixedsize"), cs("true"));
    agattr(g, AGNODE, cs("label"), cs(""));
    Agsym_t* widthSym = agattr(g, AGNODE, cs("width"), cs("0.75"));
    Agsym_t* heightSym = agattr(g, AGNODE, cs("height"), cs("0.5"));
    agattr(g, AGEDGE, cs("label"), cs(""));

    std::vector<Agnode_t*> nodes(request.nodes.size());
    for (size_t i = 0; i < request.nodes.size(); ++i) {
        const auto& spec = request.nodes[i];
        const std::string name = "n" + std::to_string(i); // ids may hold any character
        Agnode_t* n = agnode(g, cs(name), 1);
        const double w = finite(spec.width) ? std::max(kMinSide, spec.width) : kMinSide;
        const double h = finite(spec.height) ? std::max(kMinSide, spec.height) : kMinSide;
        agxset(n, widthSym, cs(number(w / kPointsPerInch)));
        agxset(n, heightSym, cs(number(h / kPointsPerInch)));
        nodes[i] = n;
    }
    std::vector<Agedge_t*> edges(request.edges.size());
    for (size_t i = 0; i < request.edges.size(); ++i) {
        const auto& spec = request.edges[i];
        const std::string name = "e" + std::to_string(i);
        edges[i] = agedge(g, nodes[nodeIndex[spec.from]], nodes[nodeIndex[spec.to]], cs(name), 1);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        const char* msg = aglasterr();
        result.error = std::string("Graphviz could not lay out the graph") + (msg ? ": " + std::string(msg) : ".");
        return result;
    }
    handle.setLaidOut();

    const boxf bb = GD_bb(g);
    result.width = bb.UR.x - bb.LL.x;
    result.height = bb.UR.y - bb.LL.y;
    // Graphviz has y up with the origin at the bottom-left; we hand out y down from the top.
    auto flip = [&](pointf p) { return Point{p.x - bb.LL.x, bb.UR.y - p.y}; };

    result.nodes.reserve(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        NodeGeometry ng;
        ng.id = request.nodes[i].id;
        ng.center = flip(ND_coord(nodes[i]));
        ng.width = ND_width(nodes[i]) * kPointsPerInch;
        ng.height = ND_height(nodes[i]) * kPointsPerInch;
        result.nodes.push_back(std::move(ng));
    }
    result.edges.reserve(edges.size());
    for (size_t i = 0; i < edges.size(); ++i) {
        EdgeGeometry eg;
        eg.id = request.edges[i].id;
        eg.from = request.edges[i].from;
        eg.to = request.edges[i].to;
        if (const splines* spl = ED_spl(edges[i])) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                for (int p = 0; p < bz.size; ++p) eg.bezier.push_back(flip(bz.list[p]));
                if (bz.eflag) {
                    eg.hasArrow = true;
                    eg.arrowTip = flip(bz.ep);
                }
            }
        }
        result.edges.push_back(std::move(eg));
    }
    return result;
}

} // namespace gs::layout
