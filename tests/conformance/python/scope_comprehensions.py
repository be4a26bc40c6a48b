x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)

print({k: v for k, v in [("a", 1), ("b", 2)]})
print({c for c in "hello"} == set("helo"))
print(sorted({c for c in "hello"}))

matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix)

flat = [y for row in matrix for y in row if y % 2 == 0]
print(flat)

def in_function(n):
    factor = 3
    return [i * factor for i in range(n)]

print(in_function(4))

gen = (i * 2 for i in range(4))
print(list(gen))
print(sum(i for i in range(10)))

def walrus():
    data = [1, 5, 10, 20]
    out = [y for v in data if (y := v * 2) > 5]
    return out, y

print(walrus())

class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]

print(K.doubled)

nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([(a, b) for a in range(3) for b in range(a)])
print(dict(zip("abc", range(3))))
