#include "core/session/StackTrie.h"

#include <algorithm>
#include <functional>

namespace gs::session {

namespace {

bool isDynamoInternal(const StackFrame& f) {
    return f.file.find("/torch/_dynamo/") != std::string::npos || f.file.rfind("torch/_dynamo/", 0) == 0;
}

bool sameFrame(const StackFrame& a, const StackFrame& b) { return a.file == b.file && a.line == b.line && a.function == b.function; }

} // namespace

std::vector<StackTrieNode> StackTrie::build(const Session& s) {
    // Built with children lists first, then laid out depth-first.
    std::vector<StackTrieNode> tree;
    std::vector<int> roots;
    for (size_t e = 0; e < s.compiles.size(); ++e) {
        const auto& stack = s.compiles[e].stack;
        size_t end = stack.size();
        while (end > 0 && isDynamoInternal(stack[end - 1])) --end;
        if (end == 0) continue;
        int parent = -1;
        for (size_t i = 0; i < end; ++i) {
            std::vector<int>& siblings = parent < 0 ? roots : tree[size_t(parent)].children;
            auto it = std::find_if(siblings.begin(), siblings.end(), [&](int n) { return sameFrame(tree[size_t(n)].frame, stack[i]); });
            int node;
            if (it != siblings.end()) {
                node = *it;
            } else {
                node = int(tree.size());
                StackTrieNode n;
                n.parent = parent;
                n.depth = int(i);
                n.frame = stack[i];
                tree.push_back(std::move(n));
                (parent < 0 ? roots : tree[size_t(parent)].children).push_back(node);
            }
            parent = node;
        }
        tree[size_t(parent)].compiles.push_back(int(e));
    }
    std::vector<StackTrieNode> out;
    out.reserve(tree.size());
    std::vector<int> newIndex(tree.size(), -1);
    std::function<void(int, int)> visit = [&](int n, int newParent) {
        const int me = int(out.size());
        newIndex[size_t(n)] = me;
        StackTrieNode copy = tree[size_t(n)];
        copy.parent = newParent;
        copy.children.clear();
        out.push_back(std::move(copy));
        if (newParent >= 0) out[size_t(newParent)].children.push_back(me);
        for (int c : tree[size_t(n)].children) visit(c, me);
    };
    for (int r : roots) visit(r, -1);
    return out;
}

std::vector<int> StackTrie::pathOf(const std::vector<StackTrieNode>& nodes, int entry) {
    for (size_t n = 0; n < nodes.size(); ++n)
        if (std::find(nodes[n].compiles.begin(), nodes[n].compiles.end(), entry) != nodes[n].compiles.end()) {
            std::vector<int> path;
            for (int p = int(n); p >= 0; p = nodes[size_t(p)].parent) path.push_back(p);
            std::reverse(path.begin(), path.end());
            return path;
        }
    return {};
}

std::vector<int> StackTrie::compilesUnder(const std::vector<StackTrieNode>& nodes, int node) {
    std::vector<int> out;
    if (node < 0 || size_t(node) >= nodes.size()) return out;
    std::function<void(int)> visit = [&](int n) {
        const auto& x = nodes[size_t(n)];
        out.insert(out.end(), x.compiles.begin(), x.compiles.end());
        for (int c : x.children) visit(c);
    };
    visit(node);
    std::sort(out.begin(), out.end());
    return out;
}

std::string StackTrie::toText(const std::vector<StackTrieNode>& nodes, const Session& s) {
    std::string out;
    for (const auto& n : nodes) {
        out += std::string(size_t(n.depth) * 2, ' ') + n.frame.file + ":" + std::to_string(n.frame.line) + " in " + n.frame.function;
        for (int e : n.compiles) out += " [" + s.compiles[size_t(e)].compileId + "]";
        out += "\n";
    }
    return out;
}

} // namespace gs::session
