class AppError(Exception):
    """Base for app errors."""
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError, ValueError):
    pass

def lookup(key):
    if key == "bad":
        raise Invalid("invalid key")
    raise NotFound(key)

for k in ["x", "bad"]:
    try:
        lookup(k)
    except NotFound as e:
        print("NotFound:", e, e.what, e.args)
    except ValueError as e:
        print("ValueError subclass:", type(e).__name__, e, isinstance(e, AppError))

print([c.__name__ for c in Invalid.__mro__])

def wrap():
    try:
        lookup("y")
    except AppError as e:
        raise RuntimeError("wrapped") from e
try:
    wrap()
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))

class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), NoArgs().args)
e = KeyError("a", "b")
print(e.args, str(e))

def gen_errors():
    errs = []
    for exc in (StopIteration, AssertionError, NotImplementedError, RecursionError, OverflowError, ImportError, ModuleNotFoundError, LookupError, ArithmeticError):
        try:
            raise exc("msg")
        except Exception as caught:
            errs.append(type(caught).__name__)
    return errs
print(gen_errors())
try:
    raise Exception("a", 1)
except Exception as e:
    print(e)
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print(e is err)
try:
    try:
        raise ValueError("orig")
    except ValueError as e:
        e.args = ("changed",)
        raise
except ValueError as e:
    print(e)
def raise_non_exception():
    try:
        raise 5
    except TypeError as e:
        print("TypeError:", e)
raise_non_exception()
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
