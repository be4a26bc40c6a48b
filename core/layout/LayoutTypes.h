#pragma once
// Plain geometry in and out of the graph layouter (ARCHITECTURE.md "core/layout"): no Qt, no
// Graphviz types. Units are points (1/72 in), origin top-left, Y pointing down — the caller
// measures its labels and draws; the layouter only places.
#include <string>
#include <vector>

namespace gs::layout {

struct Point {
    double x = 0, y = 0;
    bool operator==(const Point&) const = default;
};

// A node to place. `id` is the caller's model id (e.g. "guard:12"); it comes back unchanged.
struct NodeSpec {
    std::string id;
    double width = 0;   // points, measured by the caller (e.g. with QFontMetrics)
    double height = 0;  // points
};

struct EdgeSpec {
    std::string id;
    std::string from;   // NodeSpec::id of the tail
    std::string to;     // NodeSpec::id of the head
};

enum class Direction { TopToBottom, LeftToRight };

struct LayoutRequest {
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    Direction direction = Direction::TopToBottom;
    double nodeSep = 18;    // points between nodes of one rank
    double rankSep = 30;    // points between ranks
    bool keepChildOrder = true; // trees: children left to right in the order their edges are given
};

struct NodeGeometry {
    std::string id;
    Point center;           // top-left origin, Y down
    double width = 0, height = 0;
    // Axis-aligned box, convenient for drawing and tests.
    double left() const { return center.x - width / 2; }
    double top() const { return center.y - height / 2; }
    double right() const { return center.x + width / 2; }
    double bottom() const { return center.y + height / 2; }
};

struct EdgeGeometry {
    std::string id, from, to;
    // Cubic Bezier control points: p0, then three points per segment (3n+1 in total).
    std::vector<Point> bezier;
    bool hasArrow = false;
    Point arrowTip;         // where the arrowhead touches the head node (bezier stops short of it)
};

struct LayoutResult {
    double width = 0, height = 0;   // bounding box, from (0,0)
    std::vector<NodeGeometry> nodes; // same order as the request's nodes
    std::vector<EdgeGeometry> edges; // same order as the request's edges
    std::string error;              // empty on success; a sentence for the user otherwise
    bool ok() const { return error.empty(); }
};

} // namespace gs::layout
