#pragma once
// Graphviz (libgvc, "dot") layout into plain geometry. Graphviz is not thread-safe and a second
// GVC_t in one process crashes its pango plugin (TOOLCHAIN.md), so there is one context per
// process, and every call is serialised: the GUI calls this only from its layout owner thread,
// the mutex inside protects tests and tools that do not.
#include "core/layout/LayoutTypes.h"

namespace gs::layout {

class GraphvizLayout {
public:
    // Places the nodes and routes the edges. Never throws for bad input: duplicate node ids,
    // edges to unknown nodes and Graphviz failures come back as LayoutResult::error.
    static LayoutResult layout(const LayoutRequest& request);

    // The Graphviz version the library was built against, e.g. "2.43.0".
    static const char* graphvizVersion();
};

} // namespace gs::layout
