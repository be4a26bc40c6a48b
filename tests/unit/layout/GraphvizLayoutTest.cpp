#include "core/layout/GraphvizLayout.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace gs::layout;

namespace {

// A complete binary-ish tree: node i's parent is (i-1)/2.
LayoutRequest tree(int n, double w = 80, double h = 24) {
    LayoutRequest r;
    for (int i = 0; i < n; ++i) r.nodes.push_back({"node:" + std::to_string(i), w + (i % 3) * 10, h});
    for (int i = 1; i < n; ++i)
        r.edges.push_back({"edge:" + std::to_string(i), "node:" + std::to_string((i - 1) / 2),
                           "node:" + std::to_string(i)});
    return r;
}

const NodeGeometry& node(const LayoutResult& r, const std::string& id) {
    for (const auto& n : r.nodes)
        if (n.id == id) return n;
    throw std::runtime_error("no node " + id);
}

// Distance from a point to the border of a node's box (0 on the border, negative inside).
double distanceToBox(const Point& p, const NodeGeometry& n) {
    const double dx = std::abs(p.x - n.center.x) - n.width / 2;
    const double dy = std::abs(p.y - n.center.y) - n.height / 2;
    if (dx <= 0 && dy <= 0) return std::max(dx, dy);
    return std::hypot(std::max(dx, 0.0), std::max(dy, 0.0));
}

} // namespace

TEST(GraphvizLayout, EmptyGraphHasNoGeometryAndNoError) {
    LayoutResult r = GraphvizLayout::layout({});
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.nodes.empty());
    EXPECT_EQ(r.width, 0);
}

TEST(GraphvizLayout, NodesKeepTheCallersIdsOrderAndSizes) {
    LayoutRequest req = tree(7);
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.nodes.size(), req.nodes.size());
    for (size_t i = 0; i < req.nodes.size(); ++i) {
        EXPECT_EQ(r.nodes[i].id, req.nodes[i].id);
        EXPECT_NEAR(r.nodes[i].width, req.nodes[i].width, 0.5);
        EXPECT_NEAR(r.nodes[i].height, req.nodes[i].height, 0.5);
    }
    ASSERT_EQ(r.edges.size(), req.edges.size());
    EXPECT_EQ(r.edges[0].from, "node:0");
    EXPECT_EQ(r.edges[0].to, "node:1");
}

TEST(GraphvizLayout, YIsFlippedSoTheRootIsAtTheTop) {
    LayoutResult r = GraphvizLayout::layout(tree(7));
    ASSERT_TRUE(r.ok()) << r.error;
    const auto& root = node(r, "node:0");
    EXPECT_NEAR(root.top(), 0, 1.0); // the root touches the top of the bounding box
    for (int i = 1; i < 7; ++i) EXPECT_GT(node(r, "node:" + std::to_string(i)).center.y, root.center.y);
    EXPECT_GT(node(r, "node:3").center.y, node(r, "node:1").center.y);
}

TEST(GraphvizLayout, LeftToRightPutsChildrenRightOfTheirParent) {
    LayoutRequest req = tree(3);
    req.direction = Direction::LeftToRight;
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_GT(node(r, "node:1").left(), node(r, "node:0").right());
}

TEST(GraphvizLayout, EveryNodeLiesInsideTheBoundingBox) {
    LayoutResult r = GraphvizLayout::layout(tree(40));
    ASSERT_TRUE(r.ok()) << r.error;
    for (const auto& n : r.nodes) {
        EXPECT_GE(n.left(), -0.5) << n.id;
        EXPECT_GE(n.top(), -0.5) << n.id;
        EXPECT_LE(n.right(), r.width + 0.5) << n.id;
        EXPECT_LE(n.bottom(), r.height + 0.5) << n.id;
    }
}

TEST(GraphvizLayout, NoTwoNodesOverlap) {
    LayoutResult r = GraphvizLayout::layout(tree(60));
    ASSERT_TRUE(r.ok()) << r.error;
    for (size_t i = 0; i < r.nodes.size(); ++i)
        for (size_t j = i + 1; j < r.nodes.size(); ++j) {
            const auto& a = r.nodes[i];
            const auto& b = r.nodes[j];
            const bool apart = a.right() <= b.left() + 0.5 || b.right() <= a.left() + 0.5 ||
                               a.bottom() <= b.top() + 0.5 || b.bottom() <= a.top() + 0.5;
            EXPECT_TRUE(apart) << a.id << " overlaps " << b.id;
        }
}

TEST(GraphvizLayout, EdgesStartAtTheTailAndEndAtTheHeadNode) {
    LayoutResult r = GraphvizLayout::layout(tree(15));
    ASSERT_TRUE(r.ok()) << r.error;
    for (const auto& e : r.edges) {
        ASSERT_GE(e.bezier.size(), 4u) << e.id;
        EXPECT_EQ((e.bezier.size() - 1) % 3, 0u) << e.id << ": a cubic Bezier has 3n+1 points";
        EXPECT_LT(std::abs(distanceToBox(e.bezier.front(), node(r, e.from))), 2.0) << e.id;
        ASSERT_TRUE(e.hasArrow) << e.id;
        // The spline stops short of the arrowhead; the arrow tip touches the head's border.
        EXPECT_LT(std::abs(distanceToBox(e.arrowTip, node(r, e.to))), 2.0) << e.id;
        EXPECT_LT(distanceToBox(e.bezier.back(), node(r, e.to)), 15.0) << e.id;
    }
}

TEST(GraphvizLayout, SameInputGivesTheSameGeometry) {
    LayoutRequest req = tree(31);
    LayoutResult a = GraphvizLayout::layout(req);
    LayoutResult b = GraphvizLayout::layout(req);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) EXPECT_EQ(a.nodes[i].center, b.nodes[i].center);
    for (size_t i = 0; i < a.edges.size(); ++i) EXPECT_EQ(a.edges[i].bezier, b.edges[i].bezier);
}

TEST(GraphvizLayout, ChildrenKeepTheOrderOfTheirEdges) {
    LayoutRequest req;
    for (const char* id : {"root", "c", "a", "b"}) req.nodes.push_back({id, 40, 20});
    for (const char* id : {"c", "a", "b"}) req.edges.push_back({std::string("e") + id, "root", id});
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_LT(node(r, "c").center.x, node(r, "a").center.x);
    EXPECT_LT(node(r, "a").center.x, node(r, "b").center.x);
}

TEST(GraphvizLayout, IdsWithQuotesAndSpacesAreKeptVerbatim) {
    LayoutRequest req;
    req.nodes.push_back({"L['x'] \"q\"", 50, 20});
    req.nodes.push_back({"a b;c", 50, 20});
    req.edges.push_back({"x -> y", "L['x'] \"q\"", "a b;c"});
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.nodes[0].id, "L['x'] \"q\"");
    EXPECT_EQ(r.edges[0].to, "a b;c");
}

TEST(GraphvizLayout, DuplicateNodeIdsAreAClearError) {
    LayoutRequest req;
    req.nodes.push_back({"a", 10, 10});
    req.nodes.push_back({"a", 10, 10});
    LayoutResult r = GraphvizLayout::layout(req);
    EXPECT_EQ(r.error, "Two nodes have the same id 'a'.");
}

TEST(GraphvizLayout, EdgeToAnUnknownNodeIsAClearError) {
    LayoutRequest req;
    req.nodes.push_back({"a", 10, 10});
    req.edges.push_back({"e", "a", "zz"});
    LayoutResult r = GraphvizLayout::layout(req);
    EXPECT_NE(r.error.find("'zz'"), std::string::npos) << r.error;
    EXPECT_TRUE(r.nodes.empty());
}

TEST(GraphvizLayout, NonsenseSizesAreClampedNotFatal) {
    LayoutRequest req;
    req.nodes.push_back({"a", -5, std::nan("")});
    req.nodes.push_back({"b", 0, 0});
    req.edges.push_back({"e", "a", "b"});
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_GT(r.nodes[0].width, 0);
    EXPECT_TRUE(std::isfinite(r.nodes[0].height));
}

TEST(GraphvizLayout, TooLargeGraphIsRefusedWithASentence) {
    LayoutRequest req;
    for (int i = 0; i < 5001; ++i) req.nodes.push_back({std::to_string(i), 10, 10});
    LayoutResult r = GraphvizLayout::layout(req);
    EXPECT_NE(r.error.find("too large"), std::string::npos);
}

TEST(GraphvizLayout, CyclesAndSelfLoopsAreRouted) {
    LayoutRequest req;
    for (const char* id : {"a", "b", "c"}) req.nodes.push_back({id, 30, 20});
    req.edges = {{"1", "a", "b"}, {"2", "b", "c"}, {"3", "c", "a"}, {"4", "b", "b"}};
    LayoutResult r = GraphvizLayout::layout(req);
    ASSERT_TRUE(r.ok()) << r.error;
    for (const auto& e : r.edges) EXPECT_FALSE(e.bezier.empty()) << e.id;
}

TEST(GraphvizLayout, DecimalCommaLocaleDoesNotChangeTheGeometry) {
    // The GUI runs under the user's locale; sizes must not be parsed as "80,5" -> 80.
    LayoutRequest req = tree(5, 80.5, 24.25);
    LayoutResult c = GraphvizLayout::layout(req);
    const char* old = std::setlocale(LC_NUMERIC, nullptr);
    std::string saved = old ? old : "C";
    bool switched = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
    if (!switched) {
        // Only C and POSIX are installed here: build de_DE in the build tree (TOOLCHAIN.md
        // "Testing a German locale"); glibc reads LOCPATH on every setlocale().
        const std::string dir = std::string(GS_BINARY_DIR) + "/locale";
        std::filesystem::create_directories(dir);
        const std::string cmd = "localedef -i de_DE -f UTF-8 '" + dir + "/de_DE.UTF-8' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) >= 0) {
            setenv("LOCPATH", dir.c_str(), 1);
            switched = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
        }
    }
    if (switched) {
        EXPECT_EQ(std::string(localeconv()->decimal_point), ",");
    }
    LayoutResult de = GraphvizLayout::layout(req);
    std::setlocale(LC_NUMERIC, saved.c_str());
    if (!switched) GTEST_SKIP() << "de_DE.UTF-8 locale not installed";
    ASSERT_TRUE(de.ok());
    for (size_t i = 0; i < c.nodes.size(); ++i) EXPECT_EQ(c.nodes[i].center, de.nodes[i].center);
}
