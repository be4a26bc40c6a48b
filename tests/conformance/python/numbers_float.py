import math
print(0.1 + 0.2, 1.1 * 3, 1e300 * 1e10, -1e300 * 1e10, 2.0 ** 0.5, 10 / 3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 5.0 // 0.1, 1e16 + 1)
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"), float(3), float("nan") != float("nan"))
print(math.pi, math.e, math.inf, -math.inf, math.sqrt(16), math.sqrt(2))
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), type(math.floor(2.7)).__name__)
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.exp(1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.isnan(float("nan")), math.isinf(float("inf")), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.prod([1, 2, 3, 4]), math.gcd(12, 18), math.gcd(0, 5), math.factorial(10), math.comb(5, 2), math.perm(5, 2))
print(math.fabs(-3), math.copysign(2, -1), math.fmod(7, 3), math.modf(3.5), math.degrees(math.pi), math.radians(180))
print((1.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio(), float.__name__, type(1.0) is float)
print(1.0 == 1, 0.5 < 1, -0.0 == 0.0, abs(-2.5), round(-0.5), round(1e-5, 3), 3.0 * 2)
print(int(2.9999), int(-0.1), float(True), 1 / 4, 2 ** 0.5 * 2 ** 0.5)
print(sum([0.1, 0.2, 0.3]), max(1.5, 2), min(-0.0, 0.0), sorted([2.5, -1.0, 3]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
for v in [1e-4, 1.5e-5, 123.0, 1e15, 9.999e15, 1e16, 0.1234567890123, 100.5, 1/7]:
    print(v, str(v), repr(v))
