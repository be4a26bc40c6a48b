// Lazily created standard modules (see Stdlib.h): native ones here (sys, time), math in
// StdlibMath.cpp, itertools in StdlibItertools.cpp, random in Random.cpp, re in Regex.cpp, the
// ones written in the scenario language in StdlibSources.cpp.
#include "core/runtime/Stdlib.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/WeakRef.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

// Defined in Random.cpp / Unittest.cpp / StdlibSources.cpp.
void initRandom(Interpreter& I, Module* m);
void initUnittestNatives(Interpreter& I, Module* m);
void initRe(Interpreter& I, Module* m);
void initMath(Interpreter& I, Module* m);       // StdlibMath.cpp
void initItertools(Interpreter& I, Module* m);  // StdlibItertools.cpp
void initStruct(Interpreter& I, Module* m);
const char* pythonSource(std::string_view name);

namespace {
Interpreter& in() { return Interpreter::current(); }

namespace {

Value sys_exit(const CallArgs& a) {
    in().raiseArgs(in().types.SystemExit, std::vector<Value>(a.pos.begin(), a.pos.end()));
}

Value sys_getrecursionlimit(const CallArgs&) { return Value::integer(in().limits().maxDepth); }

Value sys_setrecursionlimit(const CallArgs& a) {
    a.expect("setrecursionlimit", 1, 1);
    return Value::none();  // the host's --max-depth limit stays in charge
}

Value stream_write(const CallArgs& a) {
    a.expect("write", 2, 2);
    auto* s = a[1].dyn<Str>();
    if (!s) in().raise(in().types.TypeError, "write() argument must be str, not " + typeName(a[1]));
    bool err = ops::truthy(in().getAttr(a[0], "_err"));
    if (err) in().writeError(s->s());
    else in().write(s->s());
    return Value::integer(s->length());
}

Value stream_flush(const CallArgs&) { return Value::none(); }

constexpr NativeDef kSysFunctions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
};
constexpr NativeDef kStreamMethods[] = {
    {"write", stream_write},
    {"flush", stream_flush},
};

} // namespace

void initSys(Interpreter& I, Module* m) {
    Dict* d = m->dict.get();
    std::vector<Value> argv;
    for (const auto& a : core(I).argv) argv.push_back(I.newStr(a));
    d->setStr("argv", I.newList(std::move(argv)));
    d->setStr("version", I.newStr("3.11.0 (Guardscope scenario runtime)"));
    d->setStr("version_info", I.newTuple({Value::integer(3), Value::integer(11), Value::integer(0), I.newStr("final"), Value::integer(0)}));
    d->setStr("maxsize", Value::integer(INT64_MAX));
    d->setStr("platform", I.newStr("linux"));
    d->setStr("byteorder", I.newStr("little"));
    d->setStr("path", I.newList());
    defineFunctions(I, m, kSysFunctions);
    Type* streamType = I.newNativeType("TextIOWrapper", "io");
    defineMethods(I, streamType, kStreamMethods);
    for (auto [name, isErr] : {std::pair{"stdout", false}, std::pair{"stderr", true}}) {
        Ref<Object> s(new Instance(streamType));
        static_cast<Instance*>(s.get())->dict->setStr("_err", Value::boolean(isErr));
        d->setStr(name, Value(s.get()));
        d->setStr(std::string("__") + name + "__", Value(s.get()));
    }
}

namespace {

Value time_time(const CallArgs&) {
    return Value::real(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
}

Value time_sleep(const CallArgs& a) {
    a.expect("sleep", 1, 1);
    double s = ops::toDouble(a[0]);
    if (s < 0) in().raise(in().types.ValueError, "sleep length must be non-negative");
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(s, 5.0)));
    return Value::none();
}

Value time_monotonic(const CallArgs&) {
    return Value::real(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

constexpr NativeDef kTimeFunctions[] = {
    {"time", time_time},
    {"perf_counter", time_monotonic},
    {"monotonic", time_monotonic},
    {"process_time", time_monotonic},
    {"sleep", time_sleep},
};

} // namespace

void initTime(Interpreter& I, Module* m) {
    defineFunctions(I, m, kTimeFunctions);
}

} // namespace

// importlib.import_module(name, package=None)
Value importlib_import_module(const CallArgs& a) {
    ArgParser p(a, "import_module", {"name", "package"}, 1);
    std::string name = p.getStr(0, "");
    if (!name.empty() && name[0] == '.') {
        std::string pkg = p.has(1) && !p[1].isNone() ? p.getStr(1, "") : "";
        if (pkg.empty()) in().raise("TypeError", "the 'package' argument is required to perform a relative import for '" + name + "'");
        size_t dots = name.find_first_not_of('.');
        for (size_t i = 1; i < dots; ++i) pkg = pkg.substr(0, pkg.rfind('.'));
        name = pkg + "." + name.substr(dots);
    }
    return Value(in().importModule(name));
}

constexpr NativeDef kImportlibFunctions[] = {{"import_module", importlib_import_module}};

bool has(std::string_view name) {
    static const std::string_view natives[] = {"sys", "math", "itertools", "time", "random", "_gs_unittest", "re", "_weakref", "struct", "importlib"};
    for (auto n : natives)
        if (n == name) return true;
    return pythonSource(name) != nullptr;
}

void init(Interpreter& I, std::string_view name, Module* m) {
    if (name == "sys") {
        initSys(I, m);
        return;
    }
    if (name == "math") return initMath(I, m);
    if (name == "itertools") return initItertools(I, m);
    if (name == "time") return initTime(I, m);
    if (name == "random") return initRandom(I, m);
    if (name == "re") return initRe(I, m);
    if (name == "_gs_unittest") return initUnittestNatives(I, m);
    if (name == "_weakref") return weak::initModule(I, m);
    if (name == "importlib") return defineFunctions(I, m, kImportlibFunctions);
    if (name == "struct") {
        initStruct(I, m);
        // Struct objects wrap the module functions (CPython caches the parsed format the same way).
        core(I).execInModule(m, "<struct>", R"PY(
class Struct:
    def __init__(self, format):
        self.format = format
        self.size = calcsize(format)

    def pack(self, *v):
        return pack(self.format, *v)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
)PY");
        return;
    }
    if (const char* src = pythonSource(name)) core(I).execInModule(m, "<" + std::string(name) + ">", src);
}

} // namespace gs::runtime::stdlib
