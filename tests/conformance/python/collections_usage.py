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
# a namedtuple compares with anything (== None is False), hashes and slices as a tuple
print(p == None, p != None, None == p, p == (1, 2), (1, 2) == p, p == [1, 2], p < (1, 3), p[::-1])
print(hash(p) == hash((1, 2)), {p: "v"}[(1, 2)], Point._make([7, 8]), Color._field_defaults)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, x=3)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 3
except AttributeError:
    print("AttributeError on set")
print(sorted([Point(2, 1), Point(1, 5)]), max(Point(1, 2)))
