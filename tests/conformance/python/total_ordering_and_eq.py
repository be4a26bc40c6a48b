import functools

@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __hash__(self):
        return hash((self.major, self.minor))
    def __repr__(self):
        return f"v{self.major}.{self.minor}"

vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), min(vs))
print(Version(1, 0) <= Version(1, 0), Version(2, 0) > Version(1, 9), Version(1, 1) >= Version(1, 2))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1), len({Version(1, 0), Version(1, 0)}))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
print(Money(150) + Money(275), Money(5) == Money(5), Money(5) == 5, Money(5) != "x")
print([Money(1), Money(2)].index(Money(2)), Money(3) in [Money(3)])
