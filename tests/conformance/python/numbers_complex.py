# complex: literals, construction, arithmetic with CPython's rounding, repr, hashing, equality
# with ints and floats, and the errors for what complex does not support.
nan = float("nan")
inf = float("inf")
print(1j, 2.5j, -3j, 1 + 2j, 1.5 - 0.5j, complex(), complex(1), complex(1, 2), complex(-0.0, -1.0))
print(complex(5.0, nan), complex(nan, 7), complex(inf, -inf), complex("1+2j"), complex(" (3-4j) "), complex("-j"), complex("2.5e3"))
print(complex(1 + 2j, 3 + 4j), complex(2**70, 1), (1 + 2j).real, (1 + 2j).imag, (1 + 2j).conjugate(), type(1j).__name__, isinstance(1j, complex))
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, b / a, a ** 2, a ** -2, a ** 0.5, a ** b, (1j) ** 2, 2 ** a, abs(a), -a, +a)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 1 / a, a - True, a == 3 + 4j, a != 3 + 4j, 2 + 0j == 2, 2.0 == 2 + 0j, (2**70 + 0j) == 2**70)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(3 + 4j), hash(-1 + 0j), {1 + 0j: "a"}[1], bool(0j), bool(1j), bool(0 + 0j))
print(repr(1e16 + 1j), repr(0.1 + 0.2j), str(1e-7j), f"{1 + 2j}", [1j, -0j, 0j], (0.0 - 0j))
print((1 + 1j) * (1 - 1j), (1e308 + 1e308j) * 2, (1 + 2j) / (3 + 0j), 0j ** 0, (1 + 1j) ** 100)
for bad in ("(1+2j) < (2+3j)", "1j // 2", "1j % 2", "float(1j)", "int(1j)", "1 / 0j", "0j ** -1", "complex('abc')", "complex('1', 2)", "complex([])", "~1j"):
    try:
        eval(bad)
        print("no error:", bad)
    except Exception as e:
        print(type(e).__name__ + ":", bad)
print(complex(1.0, -0.0), complex(-0.0, 0.0), complex(1j, -0.0), complex(0.0, 1j), complex(-0.0))
