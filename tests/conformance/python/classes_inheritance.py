class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"

p = Puppy("Rex", 1)
print(p.speak())
print(p.kind())
print([c.__name__ for c in Puppy.__mro__])
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(Puppy.__bases__[0].__name__, Animal.__base__.__name__)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))

class X: pass
class Y: pass
class P1(X, Y): pass
class P2(Y, X): pass
try:
    class Bad(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self):
        self.log = ["Base"]
class Mixin:
    def hello(self):
        return "hello from mixin " + type(self).__name__
class Child(Mixin, Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")

c = Child()
print(c.log, c.hello())
print(super(Child, c).hello())

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
for s in [Sq(3), Shape()]:
    try:
        print(s.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
