from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
od = OrderedDict(); od["b"] = 1; od["a"] = 2; od.move_to_end("b"); print(od, list(od), od.popitem(), od)
dd = defaultdict(int)
for w in "the cat the hat".split():
    dd[w] += 1
print(dict(dd), dd["missing"], sorted(dd.items()))
groups = defaultdict(list)
for name, team in [("a", 1), ("b", 2), ("c", 1)]:
    groups[team].append(name)
print(dict(groups))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sorted(c.elements())[:4], c.total())
c.update("ss"); print(c["s"])
dq = deque([1, 2, 3]); dq.append(4); dq.appendleft(0); print(dq, dq.pop(), dq.popleft(), dq, len(dq))
dq.rotate(1); print(dq, list(dq), 2 in dq)
ring = deque(maxlen=3)
for i in range(5):
    ring.append(i)
print(ring)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], list(p), p._asdict(), p._replace(x=5), p == Point(1, 2), len(p))
x, y = p
print(x + y)
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), Color._fields)
