def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 15)], max(range(1, 1000), key=collatz))
balance, years = 1000.0, 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(years, round(balance, 2))
queue = [1]
seen = []
while queue:
    node = queue.pop(0)
    seen.append(node)
    if node < 8:
        queue.extend([node * 2, node * 2 + 1])
print(seen)
stack, out = [3], []
while stack:
    v = stack.pop()
    out.append(v)
    if v > 0:
        stack.append(v - 1)
print(out)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
digits = []
n = 9876
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1])
