class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append(f"open {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return False

log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append("body")
print(log)

log = []
try:
    with Resource("x", log):
        with Resource("y", log):
            raise ValueError("boom")
except ValueError:
    log.append("handled")
print(log)

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

with Suppress(KeyError):
    {}["k"]
print("suppressed KeyError")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError passed through")

def in_function():
    log = []
    with Resource("r", log):
        return log
print(in_function())

def loop_with():
    log = []
    for i in range(3):
        with Resource(str(i), log):
            if i == 1:
                continue
            if i == 2:
                break
            log.append("work")
    return log
print(loop_with())

class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *args):
        self.exited = True
with Timer() as t:
    pass
print(t.entered, t.exited)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et, type(ev).__name__, tb is None or True)
        return True
with ExitArgs():
    raise KeyError("x")
