class Meta:
    registry = []
    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Meta.registry.append((cls.__name__, tag))
class A(Meta, tag="a"):
    pass
class B(A):
    pass
print(Meta.registry)

Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
print(Dyn().hello(), Dyn.__name__, type(Dyn()).__name__)

class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)

class Outer:
    class Inner:
        def who(self):
            return type(self).__qualname__
    def make(self):
        return self.Inner()
print(Outer().make().who(), Outer.Inner.__qualname__)

class WithClassVar:
    count = 0
    def __init__(self):
        type(self).count += 1
WithClassVar(); WithClassVar()
print(WithClassVar.count)

class Chain:
    def __init__(self):
        self.ops = []
    def add(self, x):
        self.ops.append(x)
        return self
print(Chain().add(1).add(2).ops)

class Base:
    def template(self):
        return f"{self.prefix()}-{self.body()}"
    def prefix(self):
        return "base"
    def body(self):
        return "body"
class Derived(Base):
    def prefix(self):
        return "derived"
print(Derived().template(), Base().template())

class Cls:
    @classmethod
    def create(cls, *args):
        obj = cls()
        obj.args = args
        return obj
    @classmethod
    def name(cls):
        return cls.__name__
class SubCls(Cls):
    @classmethod
    def name(cls):
        return "Sub:" + super().name()
print(SubCls.create(1, 2).args, SubCls.name(), SubCls().name())

class Props:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 10
    def delx(self):
        print("deleting x")
        del self._x
    x = property(getx, setx, delx, "the x")
p = Props(); p.x = 2; print(p.x); del p.x; print(hasattr(p, "_x"))

class ListSub(list):
    def total(self):
        return sum(self)
ls = ListSub([1, 2, 3]); ls.append(4)
print(ls, ls.total(), len(ls), isinstance(ls, list), ls[1:])

class DictSub(dict):
    def __missing__(self, key):
        return key.upper()
ds = DictSub(a=1)
print(ds["a"], ds["zz"], ds, isinstance(ds, dict))

class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def __eq__(self, other):
        return isinstance(other, Account) and self.owner == other.owner
    def __hash__(self):
        return hash(self.owner)
    def __lt__(self, other):
        return self.balance < other.balance
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
accts = [Account("b", 50), Account("a", 100), Account("c", 10)]
print(sorted(accts), max(accts), {Account("a"), Account("a")}, Account("x") == Account("x", 5))
print(Account.__dict__["interest"], "owner" in vars(accts[0]))
# __hash__'s result is the hash itself when it fits a machine word (-1 becomes -2); bigger ints are hashed
class HashAs:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return hash(self) == hash(other)


for h in (hash((1, 2)), -1, 2**61, -(2**62), 2**70, True):
    print(hash(HashAs(h)) == hash(h) or hash(HashAs(h)))
print({HashAs(hash((1, 2))): "found"}.get((1, 2)), hash(HashAs(-1)))
