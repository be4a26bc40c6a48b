# Generators here are consumed after they finish: the runtime evaluates generator bodies
# eagerly (documented limitation), so these scripts do not interleave producer and consumer.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(5)), sum(count_up(10)), max(count_up(4)))

def evens(limit):
    for x in range(limit):
        if x % 2 == 0:
            yield x

g = evens(10)
print(next(g), next(g), list(g))

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2))))

def pairs(xs):
    for i, x in enumerate(xs):
        for y in xs[i + 1:]:
            yield (x, y)

print(list(pairs([1, 2, 3])))

def early_return(n):
    for i in range(n):
        if i == 3:
            return
        yield i

print(list(early_return(10)))
gen = (x * x for x in range(5))
print(type(gen).__name__, list(gen), list(gen))
print(sorted(x for x in "hello"), dict((k, len(k)) for k in ["a", "bb"]), tuple(i for i in range(3)))
def fib():
    a, b = 0, 1
    for _ in range(10):
        yield a
        a, b = b, a + b
print(list(fib()))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
def empty():
    return
    yield
print(list(empty()))
for i, v in enumerate(count_up(3)):
    print(i, v)
print(all(x < 5 for x in count_up(5)), any(x > 3 for x in count_up(5)))
