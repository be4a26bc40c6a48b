from contextlib import contextmanager, suppress, nullcontext, ExitStack

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("a") as t:
    print("inside", t)

with tag("outer"):
    with tag("inner"):
        print("nested body")

@contextmanager
def swallow(exc_type):
    try:
        yield
    except exc_type as e:
        print("swallowed", type(e).__name__, e)

with swallow(KeyError):
    {}["missing"]
print("after swallow")

try:
    with swallow(KeyError):
        raise ValueError("not swallowed")
except ValueError as e:
    print("escaped", e)

@tag("decorated")
def work():
    print("working")
work()

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

with nullcontext(5) as v:
    print("null", v)

with ExitStack() as stack:
    a = stack.enter_context(tag("x"))
    b = stack.enter_context(tag("y"))
    stack.callback(print, "callback ran")
    print("stack body", a, b)

@contextmanager
def timer_like():
    state = {"entered": True}
    yield state
    state["exited"] = True
    print("state", sorted(state.items()))

with timer_like() as s:
    s["work"] = 1
