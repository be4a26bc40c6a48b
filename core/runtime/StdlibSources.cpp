// Standard modules written in the scenario language itself (run on first import), grouped in
// StdlibSourcesCore.cpp, StdlibSourcesData.cpp, StdlibSourcesUnittest.cpp,
// StdlibSourcesObjects.cpp (weakref, types, enum) and StdlibSourcesLogging.cpp (logging, json).
#include <string_view>

namespace gs::runtime::stdlib {

const char* pythonSourceCore(std::string_view name);
const char* pythonSourceData(std::string_view name);
const char* pythonSourceUnittest(std::string_view name);
const char* pythonSourceObjects(std::string_view name);
const char* pythonSourceLogging(std::string_view name);

const char* pythonSource(std::string_view name) {
    if (const char* s = pythonSourceCore(name)) return s;
    if (const char* s = pythonSourceData(name)) return s;
    if (const char* s = pythonSourceObjects(name)) return s;
    if (const char* s = pythonSourceLogging(name)) return s;
    return pythonSourceUnittest(name);
}

} // namespace gs::runtime::stdlib
