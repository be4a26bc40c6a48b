// The struct module: pack, unpack, calcsize, iter_unpack and Struct objects for the format
// codes x c b B ? h H i I l L q Q n N e f d s p P, with CPython's byte-order prefixes
// (@ native size and alignment, = < > ! standard sizes) and struct.error messages.
#include <bit>
#include <cmath>
#include <cstring>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

namespace {

Interpreter& in() { return Interpreter::current(); }

[[noreturn]] void structError(const std::string& msg) {
    Module* m = in().findModule("struct");
    Type* err = m ? m->dict->getStr("error").as<Type>() : nullptr;
    if (err) in().raise(err, msg);
    in().raise(in().types.ValueError, msg);
}

struct Item {
    char code;
    int64_t count;   // repeat count (for s/p: the byte length)
    size_t offset;   // of the first element
    size_t size;     // of one element
};

struct Layout {
    bool little = true;
    bool native = true;
    std::vector<Item> items;
    size_t size = 0;
    size_t values = 0;  // number of Python values packed/unpacked
};

size_t codeSize(char c, bool native) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

Layout parse(const std::string& fmt) {
    Layout L;
    size_t i = 0;
    if (!fmt.empty() && std::strchr("@=<>!", fmt[0])) {
        char p = fmt[0];
        L.native = p == '@';
        L.little = !(p == '>' || p == '!');
        i = 1;
    }
    while (i < fmt.size()) {
        char c = fmt[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        int64_t count = 1;
        if (std::isdigit(static_cast<unsigned char>(c))) {
            count = 0;
            while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
                count = count * 10 + (fmt[i] - '0');
                if (count > (int64_t(1) << 31)) structError("total struct size too long");
                ++i;
            }
            if (i >= fmt.size()) structError("repeat count given without format specifier");
            c = fmt[i];
        }
        size_t sz = codeSize(c, L.native);
        if (sz == 0) structError("bad char in struct format");
        if (L.native && c != 's' && c != 'p' && c != 'x' && c != 'c') L.size = (L.size + sz - 1) / sz * sz;  // alignment
        Item it{c, count, L.size, sz};
        if (c == 's' || c == 'p') {
            L.size += static_cast<size_t>(count);
            L.values += 1;
        } else {
            L.size += sz * static_cast<size_t>(count);
            if (c != 'x') L.values += static_cast<size_t>(count);
        }
        L.items.push_back(it);
        ++i;
    }
    return L;
}

std::string formatOf(const Value& v) {
    if (auto* s = v.dyn<Str>()) return s->s();
    if (auto* b = v.dyn<Bytes>()) return b->data;
    in().raise(in().types.TypeError, "Struct() argument 1 must be a str or bytes object, not " + typeName(v));
}

void putInt(std::string& out, size_t off, uint64_t v, size_t size, bool little) {
    for (size_t k = 0; k < size; ++k) {
        size_t pos = little ? off + k : off + size - 1 - k;
        out[pos] = static_cast<char>((v >> (8 * k)) & 0xFF);
    }
}

uint64_t getInt(const std::string& in, size_t off, size_t size, bool little) {
    uint64_t v = 0;
    for (size_t k = 0; k < size; ++k) {
        size_t pos = little ? off + k : off + size - 1 - k;
        v |= static_cast<uint64_t>(static_cast<unsigned char>(in[pos])) << (8 * k);
    }
    return v;
}

uint16_t toHalf(double d) {
    float f = static_cast<float>(d);
    uint32_t x = std::bit_cast<uint32_t>(f);
    uint32_t sign = (x >> 16) & 0x8000;
    int32_t exp = static_cast<int32_t>((x >> 23) & 0xFF) - 127 + 15;
    uint32_t mant = x & 0x7FFFFF;
    if (std::isnan(f)) return static_cast<uint16_t>(sign | 0x7E00);
    if (exp >= 31) {
        if (std::isinf(f)) return static_cast<uint16_t>(sign | 0x7C00);
        structError("float too large to pack with e format");
    }
    if (exp <= 0) {
        if (exp < -10) return static_cast<uint16_t>(sign);
        mant |= 0x800000;
        uint32_t shift = static_cast<uint32_t>(14 - exp);
        uint32_t half = mant >> shift;
        uint32_t rem = mant & ((1u << shift) - 1);
        uint32_t mid = 1u << (shift - 1);
        if (rem > mid || (rem == mid && (half & 1))) ++half;
        return static_cast<uint16_t>(sign | half);
    }
    uint32_t half = sign | (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
    uint32_t rem = mant & 0x1FFF;
    if (rem > 0x1000 || (rem == 0x1000 && (half & 1))) ++half;
    return static_cast<uint16_t>(half);
}

double fromHalf(uint16_t h) {
    uint32_t sign = (h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1F;
    uint32_t mant = h & 0x3FF;
    uint32_t x;
    if (exp == 0) {
        if (mant == 0) x = sign;
        else {
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while (!(mant & 0x400));
            x = sign | (static_cast<uint32_t>(127 - 15 - e) << 23) | ((mant & 0x3FF) << 13);
        }
    } else if (exp == 31) x = sign | 0x7F800000u | (mant << 13);
    else x = sign | ((exp - 15 + 127) << 23) | (mant << 13);
    return static_cast<double>(std::bit_cast<float>(x));
}

int64_t intArg(const Value& v) {
    int64_t n;
    if (v.isFloat() || !ops::tryIndex(v, n)) structError("required argument is not an integer");
    return n;
}

void checkRange(char c, int64_t n, size_t size, bool native) {
    bool isUnsigned = std::strchr("BHILQN", c) != nullptr;
    if (size >= 8) {
        if (isUnsigned && n < 0) structError(std::string("argument out of range"));
        return;
    }
    int64_t lo = isUnsigned ? 0 : -(int64_t(1) << (8 * size - 1));
    int64_t hi = isUnsigned ? (int64_t(1) << (8 * size)) - 1 : (int64_t(1) << (8 * size - 1)) - 1;
    if (n < lo || n > hi) {
        if (c == 'b') structError("byte format requires -128 <= number <= 127");
        if (c == 'B') structError("ubyte format requires 0 <= number <= 255");
        if (c == 'h') structError("short format requires -32768 <= number <= 32767");
        if (c == 'H') structError("ushort format requires 0 <= number <= 65535");
        (void)native;
        structError("'" + std::string(1, c) + "' format requires " + std::to_string(lo) + " <= number <= " + std::to_string(hi));
    }
}

std::string pack(const Layout& L, std::span<const Value> args) {
    if (args.size() != L.values)
        structError("pack expected " + std::to_string(L.values) + " items for packing (got " + std::to_string(args.size()) + ")");
    std::string out(L.size, '\0');
    size_t a = 0;
    for (const Item& it : L.items) {
        if (it.code == 'x') continue;
        if (it.code == 's' || it.code == 'p') {
            auto* b = args[a++].dyn<Bytes>();
            if (!b) structError("argument for 's' must be a bytes object");
            size_t n = std::min(b->data.size(), static_cast<size_t>(it.count));
            if (it.code == 'p') {
                n = std::min(n, it.count > 0 ? static_cast<size_t>(it.count - 1) : 0);
                if (it.count > 0) out[it.offset] = static_cast<char>(std::min<size_t>(n, 255));
                std::memcpy(&out[it.offset + 1], b->data.data(), n);
            } else std::memcpy(&out[it.offset], b->data.data(), n);
            continue;
        }
        for (int64_t k = 0; k < it.count; ++k) {
            const Value& v = args[a++];
            size_t off = it.offset + static_cast<size_t>(k) * it.size;
            switch (it.code) {
            case 'c': {
                auto* b = v.dyn<Bytes>();
                if (!b || b->data.size() != 1) structError("char format requires a bytes object of length 1");
                out[off] = b->data[0];
                break;
            }
            case '?': out[off] = ops::truthy(v) ? 1 : 0; break;
            case 'e': putInt(out, off, toHalf(ops::toDouble(v)), 2, L.little); break;
            case 'f': {
                double d = ops::toDouble(v);
                if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38) structError("float too large to pack with f format");
                putInt(out, off, std::bit_cast<uint32_t>(static_cast<float>(d)), 4, L.little);
                break;
            }
            case 'd': putInt(out, off, std::bit_cast<uint64_t>(ops::toDouble(v)), 8, L.little); break;
            default: {
                if (const BigInt* big = numbers::bigOf(v)) {
                    // Only an unsigned 8-byte field holds ints beyond int64: [2**63, 2**64).
                    bool isUnsigned = std::strchr("BHILQNP", it.code) != nullptr;
                    if (!isUnsigned || it.size != 8 || big->isNegative() || big->bitLength() > 64)
                        structError("argument out of range");
                    putInt(out, off, big->low64(), it.size, L.little);
                    break;
                }
                int64_t n = intArg(v);
                checkRange(it.code, n, it.size, L.native);
                putInt(out, off, static_cast<uint64_t>(n), it.size, L.little);
            }
            }
        }
    }
    return out;
}

Value unpack(const Layout& L, const std::string& data, size_t base) {
    std::vector<Value> out;
    for (const Item& it : L.items) {
        if (it.code == 'x') continue;
        if (it.code == 's') {
            out.push_back(in().newBytes(data.substr(base + it.offset, static_cast<size_t>(it.count))));
            continue;
        }
        if (it.code == 'p') {
            size_t n = it.count > 0 ? std::min<size_t>(static_cast<unsigned char>(data[base + it.offset]), static_cast<size_t>(it.count - 1)) : 0;
            out.push_back(in().newBytes(data.substr(base + it.offset + 1, n)));
            continue;
        }
        for (int64_t k = 0; k < it.count; ++k) {
            size_t off = base + it.offset + static_cast<size_t>(k) * it.size;
            uint64_t raw = getInt(data, off, it.size, L.little);
            // One named value per field, moved into the tuple: a temporary per case made GCC 12
            // warn (-Warray-bounds) about the temporaries' destructors.
            Value item;
            switch (it.code) {
            case 'c': item = in().newBytes(std::string(1, data[off])); break;
            case '?': item = Value::boolean(raw != 0); break;
            case 'e': item = Value::real(fromHalf(static_cast<uint16_t>(raw))); break;
            case 'f': item = Value::real(static_cast<double>(std::bit_cast<float>(static_cast<uint32_t>(raw)))); break;
            case 'd': item = Value::real(std::bit_cast<double>(raw)); break;
            default: {
                bool isUnsigned = std::strchr("BHILQNP", it.code) != nullptr;
                int64_t n;
                if (isUnsigned) {
                    if (it.size == 8 && raw > static_cast<uint64_t>(INT64_MAX)) {
                        item = numbers::fromBig(BigInt::fromU64(raw));
                        break;
                    }
                    n = static_cast<int64_t>(raw);
                } else if (it.size < 8) {
                    uint64_t signBit = uint64_t(1) << (8 * it.size - 1);
                    n = (raw & signBit) ? static_cast<int64_t>(raw) - static_cast<int64_t>(signBit << 1) : static_cast<int64_t>(raw);
                } else n = static_cast<int64_t>(raw);
                item = Value::integer(n);
            }
            }
            out.push_back(std::move(item));
        }
    }
    return in().newTuple(std::move(out));
}

const std::string& bufferOf(const Value& v) {
    if (auto* b = v.dyn<Bytes>()) return b->data;
    in().raise(in().types.TypeError, "a bytes-like object is required, not '" + typeName(v) + "'");
}


Value struct_calcsize(const CallArgs& a) {
    a.expect("calcsize", 1, 1);
    return Value::integer(static_cast<int64_t>(parse(formatOf(a[0])).size));
}

Value struct_pack(const CallArgs& a) {
    if (a.pos.empty()) in().raise(in().types.TypeError, "pack expected at least 1 argument, got 0");
    return in().newBytes(pack(parse(formatOf(a[0])), a.pos.subspan(1)));
}

Value struct_unpack(const CallArgs& a) {
    a.expect("unpack", 2, 2);
    Layout L = parse(formatOf(a[0]));
    const std::string& data = bufferOf(a[1]);
    if (data.size() != L.size) structError("unpack requires a buffer of " + std::to_string(L.size) + " bytes");
    return unpack(L, data, 0);
}

Value struct_unpack_from(const CallArgs& a) {
    ArgParser p(a, "unpack_from", {"format", "buffer", "offset"}, 2);
    Layout L = parse(formatOf(p[0]));
    const std::string& data = bufferOf(p[1]);
    int64_t off = p.getInt(2, 0);
    if (off < 0) off += static_cast<int64_t>(data.size());
    if (off < 0 || static_cast<size_t>(off) + L.size > data.size())
        structError("unpack_from requires a buffer of at least " + std::to_string(L.size + static_cast<size_t>(std::max<int64_t>(off, 0))) +
                    " bytes for unpacking " + std::to_string(L.size) + " bytes at offset " + std::to_string(off) +
                    " (actual buffer size is " + std::to_string(data.size()) + ")");
    return unpack(L, data, static_cast<size_t>(off));
}

Value struct_iter_unpack(const CallArgs& a) {
    a.expect("iter_unpack", 2, 2);
    Layout L = parse(formatOf(a[0]));
    const std::string& data = bufferOf(a[1]);
    if (L.size == 0) structError("cannot iteratively unpack with a struct of length 0");
    if (data.size() % L.size != 0)
        structError("iterative unpacking requires a buffer of a multiple of " + std::to_string(L.size) + " bytes");
    std::vector<Value> out;
    for (size_t off = 0; off < data.size(); off += L.size) out.push_back(unpack(L, data, off));
    return ops::getIter(in().newList(std::move(out)));
}

constexpr NativeDef kStructFunctions[] = {
    {"calcsize", struct_calcsize}, {"pack", struct_pack}, {"unpack", struct_unpack},
    {"unpack_from", struct_unpack_from}, {"iter_unpack", struct_iter_unpack},
};

} // namespace

void initStruct(Interpreter& I, Module* m) {
    I.newExceptionClass("error", m, I.types.Exception);
    defineFunctions(I, m, kStructFunctions);
}

} // namespace gs::runtime::stdlib
