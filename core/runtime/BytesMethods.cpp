// Methods and constructor of bytes (the little the scenarios need: bytes(...), decode, hex).
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

Value bytes_decode(const CallArgs& a) { return in().newStr(a[0].as<Bytes>()->data); }

Value bytes_hex(const CallArgs& a) {
    std::string out;
    char buf[4];
    for (unsigned char c : a[0].as<Bytes>()->data) {
        std::snprintf(buf, sizeof buf, "%02x", c);
        out += buf;
    }
    return in().newStr(out);
}

Value bytes_new(Type*, const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "bytes", {"source", "encoding", "errors"}, 0);
    if (!p.has(0)) return In.newBytes("");
    if (auto* s = p[0].dyn<Str>()) {
        if (!p.has(1)) In.raise(In.types.TypeError, "string argument without an encoding");
        return In.newBytes(s->s());
    }
    if (p[0].isIntLike()) return In.newBytes(std::string(static_cast<size_t>(std::max<int64_t>(0, p[0].asInt())), '\0'));
    std::string out;
    for (auto& v : ops::toVector(p[0])) {
        int64_t c = ops::toIndex(v);
        if (c < 0 || c > 255) In.raise(In.types.ValueError, "bytes must be in range(0, 256)");
        out += static_cast<char>(c);
    }
    return In.newBytes(out);
}

constexpr NativeDef kBytesMethods[] = {
    {"decode", bytes_decode},
    {"hex", bytes_hex},
};

} // namespace

void setupBytesMethods(Interpreter& I) {
    I.types.bytes->construct = bytes_new;
    defineMethods(I, I.types.bytes, kBytesMethods);
}

} // namespace gs::runtime
