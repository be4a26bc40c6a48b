#pragma once
// The stack trie of a session (issue 11 item 1, as tlparse's index page shows it): the user
// stacks of all compiles merged into one tree of frames, outermost at the top. Where two stacks
// part, the tree branches; each compile hangs on the node of its innermost frame. A quick map of
// where in a program the compiles happen.
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

struct StackTrieNode {
    int parent = -1;                // index of the parent node, -1 for a top-level frame
    int depth = 0;
    StackFrame frame;
    std::vector<int> compiles;      // indices into Session::compiles whose stack ends here
    std::vector<int> children;      // in the order they were first seen
};

class StackTrie {
public:
    // Nodes in depth-first order (a parent before its children). Trailing frames inside
    // torch/_dynamo (the compile machinery under the user's function, in older logs) are left
    // out, as tlparse does; compiles without a stack are not in the trie.
    static std::vector<StackTrieNode> build(const Session& s);
    // The nodes from the top down to the node compile `entry` hangs on; empty if it has none.
    static std::vector<int> pathOf(const std::vector<StackTrieNode>& nodes, int entry);
    // Every compile at or below `node`, in compile order.
    static std::vector<int> compilesUnder(const std::vector<StackTrieNode>& nodes, int node);
    // Indented text, one frame a line, each followed by its compile ids: "file:line in fn  [0/0] [0/1]".
    static std::string toText(const std::vector<StackTrieNode>& nodes, const Session& s);
};

} // namespace gs::session
