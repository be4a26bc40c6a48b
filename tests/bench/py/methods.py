# Method calls and attribute updates on objects in a loop.
class Counter:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, x):
        self.total += x
        self.calls += 1
        return self.total


class Scaled(Counter):
    def add(self, x):
        return super().add(x * 2)


def run():
    c = Counter()
    s = Scaled()
    for i in range(500_000):
        c.add(i)
        s.add(i)
    return c.total + s.total, c.calls + s.calls


print(run())
