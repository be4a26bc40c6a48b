x = 1
class A:
    x = x + 1
    y = [x * i for i in range(3)]
    def m(self):
        return x
print(A.x, A.y, A().m())

def factory(v):
    class Local:
        value = v
        def get(self):
            return v
        def get_class_attr(self):
            return self.value
    return Local
L = factory(10)
print(L().get(), L().get_class_attr(), L.__qualname__)

def shadowing():
    v = "func"
    class C:
        v = "class"
        def read(self):
            return v
        seen_in_body = v
    return C().read(), C.seen_in_body
print(shadowing())

class Counter:
    total = 0
    def add(self):
        Counter.total += 1
        return Counter.total
c = Counter()
c.add(); c.add()
print(Counter.total)

class Config:
    items = {}
    def __init__(self):
        self.items = {}
cfg = Config()
cfg.items["a"] = 1
print(Config.items, cfg.items)

def nonlocal_in_method():
    count = 0
    class Inc:
        def bump(self):
            nonlocal count
            count += 1
            return count
    i = Inc()
    i.bump(); i.bump()
    return count
print(nonlocal_in_method())

def uses_global_in_class():
    class G:
        def f(self):
            global x
            x = 100
    G().f()
uses_global_in_class()
print(x)
