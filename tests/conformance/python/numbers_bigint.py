# Unbounded ints: values past int64 keep Python semantics (arithmetic, bitwise, shifts, hashing,
# formatting, conversions, struct), and results that fit come back as ordinary ints.
import struct, math
a = 2**63
print(a, type(a), a - 1, type(a-1), -a, -2**63 - 1)
print(2**100, hex(2**100), bin(2**65), oct(-2**70))
x = 0xFFF8000000001234
print(x, hex(x), x >> 60, x & 0xFF, x | 1, ~x, -x >> 3, (-x) & 0xFFFF)
print(struct.pack(">Q", x))
d = struct.unpack(">d", struct.pack(">Q", x))[0]
print(d, math.copysign(1.0, d))
print(struct.unpack(">Q", struct.pack(">Q", x))[0] == x)
print(hash(2**61 - 1), hash(2**64), hash(-2**64), hash(2**63) == hash(2**63 - 2**61 + 1 + 2**61 - 1))
print(divmod(-2**70, 7), divmod(2**70, -7), -2**70 // 7, -2**70 % 7, (-2**63) // -1)
print(int("123456789012345678901234567890"), int("-0x" + "f"*20, 16), int(1e30), float(2**80), 2**80 == 2.0**80, 2**80 < 1.5*2**80)
print(f"{2**70:,}", f"{2**70:x}", "%d" % 2**70, str(-2**70), repr(2**70), f"{2**70:.3e}")
d = {2**70: "a"}; print(d[2**69 * 2], 2**64 in {2**64}, (1 << 64) >> 64, 1 << 63, 3 * 2**62)
print(10**20 / 10**10, 2**64 * 1.5, abs(-2**64), round(2**70, -20), pow(2**70, 3, 10**9+7), pow(3, 200, 2**70))
print(isinstance(2**64, int), type(2**64) is int, int(2**64), 2**64 // 2**32, 2**64 - 2**64, (2**64 - 2**64) == 0)
try: float(2**1100)
except OverflowError as e: print("OverflowError", e)
try: [1][2**64]
except (IndexError, OverflowError) as e: print("index too large")
i = 9223372036854775807
i += 1
print(i, i - 1, -9223372036854775808, 9223372036854775807 + 9223372036854775807)
print(sum([2**62, 2**62, 2**62]), max(2**64, 3), sorted([2**64, 1, -2**64]), bool(2**64))
m = -9223372036854775808
print(m // -1, m % -1, -m, abs(m), m * -1, m - 1, (m - 1) + 1 == m, type((m - 1) + 1) is int)
print((1 << 64) - 1, (1 << 64) >> 1, -(1 << 64) >> 1, -1 >> 100, (2**64 + 5) % -3, -(2**64 + 5) // 3, (2**64 + 5) // -3)
print(2**200 // 2**100 == 2**100, 3**80, -(3**81), (3**80) % (2**64), int("-" + "9" * 40) + 10**40)
print(hash(2**61), hash(-(2**61)), hash(2**64 + 1) == hash(2**64 + 1), hash(9223372036854775807), {2**64: 1, 2**64 - 2**64: 2})
print(float(2**63), int(float(2**63)), 2**63 > 9.2e18, 2**53 + 1 == float(2**53 + 1), 2**1000 > 1e300, 2**1100 > float("inf"))
print(0xFFFF_FFFF_FFFF_FFFF_FF, 0b1 << 70, 0o7777777777777777777777777, -0x8000000000000000, ~(2**64), (2**64) ^ (2**63), (-(2**64)) | 1)
print(struct.pack("<Q", 2**64 - 1), struct.unpack("<q", struct.pack("<Q", 2**63))[0], struct.unpack("<Q", b"\xff" * 8)[0])
for bad in (2**64, -1):
    try: struct.pack("<Q", bad)
    except struct.error as e: print("struct.error", e)
try: struct.pack("<q", 2**63)
except struct.error as e: print("struct.error", e)
print(format(2**70, "#x"), format(-2**70, "+,d"), format(2**70, ">30"), format(2**70, "b")[:5], "{:e}".format(2**70))
print(divmod(2**64, 2**32 + 1), divmod(-2**64, 2**32 + 1), 7 ** 30 // 7 ** 28, 10 ** 30 % 10 ** 29, 2 ** -70 == 1 / 2 ** 70)
