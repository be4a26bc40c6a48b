rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<10}{'price':>8}{'qty':>5}")
for name, price, qty in rows:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}")
total = sum(p * q for _, p, q in rows)
print(f"{'total':<10}{total:>8.2f}")
print("-" * 23)
table = "\n".join("|".join(str(c).center(5) for c in r) for r in [(1, 2), (30, 40)])
print(table)
parts = []
for i in range(5):
    parts.append(str(i))
print(",".join(parts), "".join(reversed(parts)))
s = ""
for ch in "abc":
    s += ch.upper() * 2
print(s)
csv = "name,age\nann,30\nbob,25"
records = [dict(zip(csv.splitlines()[0].split(","), line.split(","))) for line in csv.splitlines()[1:]]
print(records)
print("%-6s|%6s|" % ("ab", "cd"), "%3d%%" % 50, "%.1e" % 0.000123)
words = "the quick brown the lazy the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print("Hello {name}, you are {age}".format(**{"name": "Zed", "age": 7}))
print("{:>{width}}|".format("x", width=4), "{0:.{1}f}".format(3.14159, 3))
print(str(1/3)[:5], "abc".upper().lower().title(), "  x ".strip().center(3, "-"))
print("a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "path/to/file.txt".rpartition("/")[2])
print(repr("line1\nline2"), "tab\tsep".split("\t"), "ÀÉ".lower(), len("ÀÉ"))
