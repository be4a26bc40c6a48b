class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)

class Counter:
    created = 0

    def __init__(self):
        Counter.created += 1

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def add(a, b):
        return a + b

class Sub(Counter):
    pass

print(type(Sub.make()).__name__, Counter.created)
print(Counter.add(2, 3), Counter().add(4, 5))

class Upper:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj._name.upper()
    def __set__(self, obj, value):
        obj._name = value

class Person:
    name = Upper()
    def __init__(self, n):
        self.name = n

p = Person("ada")
print(p.name, p._name, type(Person.name).__name__)

class Lazy:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value

class Data:
    calls = 0
    @Lazy
    def expensive(self):
        Data.calls += 1
        return 42

d = Data()
print(d.expensive, d.expensive, Data.calls)

class Fallback:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"<{name}>"

f = Fallback()
print(f.real, f.virtual, getattr(f, "other"))

class Guarded:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)

g = Guarded()
g.a = 1
g.b = 2
print(g.log, g.a, g.b)

class Slotless:
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)
s = Slotless()
s.x = 1
del s.x
print(hasattr(s, "x"))
