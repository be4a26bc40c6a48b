class Base:
    color = "red"
    tags = ["base"]
    def describe(self):
        return f"{type(self).__name__}:{self.color}"
class Child(Base):
    color = "blue"
b, c = Base(), Child()
print(b.describe(), c.describe())
c.color = "green"
print(c.describe(), Child.color, Base.color)
del c.color
print(c.describe())
Base.color = "yellow"
print(b.describe(), Child().describe())
c.tags.append("child")
print(Base.tags, Child.tags is Base.tags)
Child.tags = ["own"]
print(Base.tags, Child.tags)
print(hasattr(Child, "describe"), "describe" in Child.__dict__, "describe" in Base.__dict__)
print(sorted(k for k in vars(Child) if not k.startswith("__")))
class Defaults:
    retries = 3
    def __init__(self, **overrides):
        for k, v in overrides.items():
            setattr(self, k, v)
d1, d2 = Defaults(), Defaults(retries=5)
print(d1.retries, d2.retries, Defaults.retries)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
objs = [Counter() for _ in range(3)]
print([o.id for o in objs], Counter.instances)
class M:
    def method(self):
        return "method"
m = M()
m.method = lambda: "instance attr"
print(m.method(), M().method(), M.method(m))
