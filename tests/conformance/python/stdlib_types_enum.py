import types
import enum


def f(a=1):
    return a


print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=3))
print(type(f.__code__) is types.CodeType)


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color("green") is Color.GREEN)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, isinstance(Color.RED, Color))
try:
    Color("blue")
except ValueError as e:
    print("ValueError:", e)
