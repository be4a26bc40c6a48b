#pragma once
// Where the compiles come from, as tlparse shows it: a tree of the user stacks that reached
// each compiled frame (outermost first), with the compiles hanging off the frame they started
// in. One plain list when every compile has the same stack.
#include <string>
#include <vector>

#include "core/report/ReportContext.h"

namespace gs::report {

class StackTrie {
public:
    // The report section, empty when no compile has a stack.
    static std::string section(const ReportContext& ctx);
    // The stack of compile `i`: its recorded user stack, or for sessions recorded before stacks
    // were kept, the call site and the compiled function.
    static std::vector<session::StackFrame> stackOf(const ReportContext& ctx, size_t i);
};

} // namespace gs::report
