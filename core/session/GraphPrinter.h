#pragma once
// A captured graph printed the way PyTorch prints a Dynamo output graph:
// GraphModule.print_readable(include_stride=True, include_device=True), the payload of the
// `dynamo_output_graph` TORCH_TRACE record (torch-trace-format §1.3.5 / §1.3.6):
//
//   class GraphModule(torch.nn.Module):
//       def forward(self, s77: "Sym(s77)", L_x_: "f32[s77][1]cpu"):
//           l_x_ = L_x_
//
//           # File: /path/demo.py:13 in scale, code: return x * 2
//           mul: "f32[s77][1]cpu" = l_x_ * 2;  l_x_ = None
//           return (mul,)
//
// The rules follow torch/fx/graph.py (CodeGen._gen_python_code: placeholders become forward
// parameters, `name = target` when they differ, one "# File:" comment per change of user
// frame, "# No stacktrace found for following nodes" for nodes without one, operators printed
// as Python operators, values freed after their last use with `;  a = b = None`) and
// torch/fx/graph_module.py (_print_readable: the class line, 4-space indents, trailing indent).
// The text is valid Python. One place knows these rules: the engine's GraphModule code, the
// TORCH_TRACE exporter and the HTML report all print through here.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

class GraphPrinter {
public:
    // The print_readable text. Nodes without a `file` but with a line get `fallbackFile` /
    // `fallbackFunction` in their comment (sessions stored before nodes carried their frame).
    static std::string readable(const std::vector<GraphNode>& nodes, const std::string& fallbackFile = {},
                                const std::string& fallbackFunction = {});
    // `dynamo_output_graph`'s `sizes` metadata: node name -> "[2, s77]" for every node whose
    // value is a tensor (placeholders included), in graph order.
    static std::vector<std::pair<std::string, std::string>> sizes(const std::vector<GraphNode>& nodes);
    // The value annotation without quotes: "f32[s77][1]cpu", "Sym(s77)", or "" when unknown.
    static std::string annotation(const GraphNode& n);

    // Dynamo's graph-input name for a source: runs of characters other than [A-Za-z0-9]
    // become one "_" (L['x'] -> L_x_, L['self']._modules['lin'].weight -> L_self_modules_lin_weight).
    static std::string inputName(std::string_view source);
    // FX's _snake_case: "_" before an upper-case letter that follows a lower-case one, then
    // lower case (L_x_ -> l_x_): the node name of a placeholder.
    static std::string snakeCase(std::string_view name);
    // FX's _is_illegal_name: Python keywords and builtins (a node may not shadow `sum`, so FX
    // names it sum_1).
    static bool isReservedName(std::string_view name);

    // dtype spellings of FX's dtype_abbrs: "float32" <-> "f32" (unknown names pass through).
    static std::string dtypeToShort(std::string_view name);
    static std::string dtypeFromShort(std::string_view abbrev);
};

} // namespace gs::session
