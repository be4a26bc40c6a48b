print(int("12"), int(12.9), int("-0b11", 0), int("z", 36), int("  42\n"), int(True), int(" 1_0 "))
print(float("3"), float(" 1e-3 "), float(7), float("-.5"), str(1e-3), str(7.0), str(-3))
print(bool(0.0), bool(0j) if False else False, bool(" "), bool([]), bool({}), bool(set()), bool(None), bool(range(0)))
print(list(range(3)), tuple(range(3)), set(range(3)), frozenset("aa"), dict([(1, 2)]), list({1: 2}.items()))
print(str(b"x"), bytes(3), bytes([1, 2]), len(bytes(5)), list(bytes("A", "ascii")))
print(repr(int), repr(str), int.__name__, str.__name__, list.__name__, dict.__name__)
for bad in ["", "1.5", "abc", "1e3", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["", "x", "1,5"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
print(str(), int(), float(), list(), tuple(), dict(), bool())
print(type(int("5")) is int, isinstance(float("5"), float), type(str(5)) is str)
print(chr(ord("a") + 1), [ord(c) for c in "AZ"], "".join(chr(i) for i in range(97, 102)))
print(abs(-0.0), abs(True), int(-2.5), int(2.5), round(-2.5), -2.5 // 1, int(1e10))
