for i in range(3):
    pass
else:
    print("for-else ran", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
else:
    print("small")
print("yes" if x else "no", x and "and", 0 or "or", None or 0, [] and 1, 1 and 2 and 3, 0 or "" or None)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print(total)
count = 0
for _ in []:
    count += 1
print(count)
def find(xs, t):
    for idx, v in enumerate(xs):
        if v == t:
            return idx
    return -1
print(find([4, 5, 6], 6), find([], 1))
i = 0
while i < 10:
    i += 1
    if i < 5:
        continue
    print("i", i)
    if i == 6:
        break
if not []:
    print("empty is falsy")
if (y := 10) > 5:
    print("walrus", y)
pass_through = [v for v in range(20) if v % 3 == 0 if v % 2 == 0]
print(pass_through)
assert True, "fine"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e))
