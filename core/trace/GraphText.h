#pragma once
// The captured FX graph of `dynamo_output_graph` (GraphModule.print_readable text plus the
// `sizes` metadata, torch-trace-format §1.3.5 / §1.3.6), both ways:
//
//   class GraphModule(torch.nn.Module):
//       def forward(self, L_x_: "f32[2, 2][2, 1]cpu"):
//           l_x_ = L_x_
//
//            # File: /path/t.py:8 in kernel, code: return x.sum()
//           sum_1: "f32[][]cpu" = l_x_.sum();  l_x_ = None
//           return (sum_1,)
//
// Nodes: forward parameters → placeholder (renamed by "l_x_ = L_x_" lines, target keeps the
// parameter name); "self.m(…)" → call_module; "self.a" → get_attr; "<node>.m(…)" → call_method;
// "f(…)" → call_function f; "a * b" and other operators → call_function operator.mul …;
// "a[i]" → operator.getitem; "return (…)" → output. Shapes from `sizes` (else the annotation),
// dtype, stride and device from the annotation (f32 → float32), line, file, function and code
// from the preceding "# File: <file>:<line> in <function>, code: <code>" comment.
// Only the top-level forward is read (nested submodules are skipped). Rendering is
// session::GraphPrinter's (the one printer of graphs).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

struct GraphParse {
    std::vector<session::GraphNode> nodes;
    bool found = false;   // a forward(...) was found
};

class GraphText {
public:
    static GraphParse parse(std::string_view text, const std::vector<std::pair<std::string, std::string>>& sizes);

    // print_readable text and `sizes` metadata (session::GraphPrinter) that parse() reads back
    // to the same nodes. `file`/`function` name the source of nodes that do not carry one.
    static std::string render(const std::vector<session::GraphNode>& nodes, const std::string& file, const std::string& function);
    static std::vector<std::pair<std::string, std::string>> sizesOf(const std::vector<session::GraphNode>& nodes);

    // dtype spellings: "f32" ↔ "float32" (unknown names pass through unchanged).
    static std::string dtypeFromShort(std::string_view abbrev);
    static std::string dtypeToShort(std::string_view name);
};

} // namespace gs::trace
