def check(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

check(lambda: 1 / 0)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: 1.0 / 0)
check(lambda: {}["a"])
check(lambda: [1][5])
check(lambda: (1,)[5])
check(lambda: "abc"[10])
check(lambda: int("x1"))
check(lambda: float("abc"))
check(lambda: 1 + "a")
check(lambda: "a" + 1)
check(lambda: [] + ())
check(lambda: undefined)
check(lambda: None.attr)
check(lambda: (5).foo)
check(lambda: len(5))
check(lambda: 5())
check(lambda: [].pop())
check(lambda: [1, 2].index(3))
check(lambda: {}.popitem())
check(lambda: set().pop())
check(lambda: next(iter([])))
check(lambda: int(None))
check(lambda: "a" < 1)
check(lambda: [1] < "a")
check(lambda: hash([]))
check(lambda: {[]: 1})
check(lambda: "abc".index("z"))
check(lambda: chr(-1))
check(lambda: ord("ab"))
check(lambda: range(1, 2, 0))
check(lambda: "a" * "b")
check(lambda: -"a")
check(lambda: [1, 2, 3][1.5])
check(lambda: {1: 2}[[1]])
check(lambda: max([]))
check(lambda: min())
check(lambda: sum(["a", "b"]))
check(lambda: divmod(1, 0))
check(lambda: 2 ** -1 + 0 ** -1)
check(lambda: "{} {}".format(1))
check(lambda: "%d" % "x")
check(lambda: "%s %s" % (1,))
check(lambda: "%s" % (1, 2))
check(lambda: tuple(5))
check(lambda: list(None))
check(lambda: dict([1, 2]))
check(lambda: getattr(1, "x"))
check(lambda: setattr(1, "x", 2))
check(lambda: object().x)
check(lambda: isinstance(1, 2))
check(lambda: sorted([3, "a"]))

class MyError(Exception):
    pass
class Detailed(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

try:
    raise MyError("custom")
except Exception as e:
    print(type(e).__name__, e, e.args, isinstance(e, Exception))
try:
    raise Detailed(42, "bad thing")
except ValueError as e:
    print(e, e.code, repr(e.args))
print(repr(ValueError("x")), repr(KeyError("k")), str(KeyError("k")), repr(Exception()), repr(Exception(1, 2)))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError),
      issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError),
      issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError),
      issubclass(OverflowError, ArithmeticError), issubclass(Exception, BaseException),
      issubclass(IndexError, LookupError), issubclass(StopIteration, Exception))
try:
    raise TypeError
except TypeError as e:
    print("bare class raised:", repr(e))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", e)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
e_name_deleted = True
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)
