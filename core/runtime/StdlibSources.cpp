// Standard modules written in the scenario language itself (run on first import).
#include <string_view>

namespace gs::runtime::stdlib {

namespace {

const char* kFunctools = R"PY(
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __repr__(self):
        return f"CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})"

    def __eq__(self, other):
        return (self.hits, self.misses, self.maxsize, self.currsize) == tuple(other)

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))


_kwmark = object()


def _make_lru(user_function, maxsize):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = args
        if kwds:
            key += (_kwmark,) + tuple(sorted(kwds.items()))
        if key in cache:
            stats[0] += 1
            value = cache.pop(key)
            cache[key] = value
            return value
        stats[1] += 1
        result = user_function(*args, **kwds)
        cache[key] = result
        if maxsize is not None and len(cache) > maxsize:
            del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _make_lru(maxsize, 128)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        return _make_lru(user_function, maxsize)

    return decorating_function


def cache(user_function):
    return _make_lru(user_function, None)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d:
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: (not self < other) and self != other
        if '__le__' not in d:
            cls.__le__ = lambda self, other: self < other or self == other
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: not self < other
    elif '__gt__' in d:
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: (not self > other) and self != other
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: self > other or self == other
        if '__le__' not in d:
            cls.__le__ = lambda self, other: not self > other
    elif '__le__' in d:
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: (not self <= other) or self == other
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: self <= other and self != other
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: not self <= other
    elif '__ge__' in d:
        if '__le__' not in d:
            cls.__le__ = lambda self, other: (not self >= other) or self == other
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: self >= other and self != other
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: not self >= other
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    return cls
)PY";

const char* kTyping = R"PY(
TYPE_CHECKING = False


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, item):
        return self

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __or__(self, other):
        return self

    def __ror__(self, other):
        return self


for _n in ("Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable", "Iterable",
           "Iterator", "Sequence", "Mapping", "MutableMapping", "Type", "ClassVar", "Final", "Literal",
           "Generator", "Awaitable", "NoReturn", "Hashable", "Sized", "Container", "Collection", "Deque",
           "DefaultDict", "OrderedDict", "Counter", "ChainMap", "Annotated", "Self", "Never", "MutableSequence",
           "AbstractSet", "MutableSet", "SupportsInt", "SupportsFloat", "SupportsIndex", "Text", "AnyStr"):
    globals()[_n] = _Special(_n)


def TypeVar(name, *constraints, **kwargs):
    return _Special(name)


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


class Generic:
    def __class_getitem__(cls, item):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    return {}
)PY";

const char* kCopy = R"PY(
class Error(Exception):
    pass


_atomic = (int, float, bool, str, bytes, tuple, frozenset, type, range, type(None), type(len), type(lambda: 0))


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    y = object.__new__(cls)
    if isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        y.update(x)
    if hasattr(x, "__dict__"):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type, range, type(None), type(len), type(lambda: 0)):
        return x
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        y = object.__new__(cls)
        memo[d] = y
        if isinstance(x, list):
            for a in x:
                y.append(deepcopy(a, memo))
        elif isinstance(x, dict):
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        if hasattr(x, "__dict__"):
            for k, v in x.__dict__.items():
                y.__dict__[k] = deepcopy(v, memo)
    memo[d] = y
    return y
)PY";

const char* kOperator = R"PY(
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def neg(a): return -a
def pos(a): return +a
def not_(a): return not a
def truth(a): return bool(a)
def eq(a, b): return a == b
def ne(a, b): return a != b
def lt(a, b): return a < b
def le(a, b): return a <= b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def invert(a): return ~a
def lshift(a, b): return a << b
def rshift(a, b): return a >> b
def matmul(a, b): return a @ b
def contains(a, b): return b in a
def getitem(a, b): return a[b]
def setitem(a, b, c): a[b] = c
def delitem(a, b): del a[b]
def index(a): return a.__index__()
def iadd(a, b):
    a += b
    return a
def imul(a, b):
    a *= b
    return a


class itemgetter:
    def __init__(self, item, *items):
        self._items = (item,) + items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)


class attrgetter:
    def __init__(self, attr, *attrs):
        self._attrs = (attr,) + attrs

    def _get(self, obj, name):
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return self._get(obj, self._attrs[0])
        return tuple(self._get(obj, a) for a in self._attrs)


class methodcaller:
    def __init__(self, name, *args, **kwargs):
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)
)PY";

const char* kAbc = R"PY(
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    pass


class ABC:
    pass
)PY";

const char* kCollections = R"PY(
class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self.keys()))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self.items())) + ")"


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {dict.__repr__(self)})"

    def copy(self):
        return defaultdict(self.default_factory, self)


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] + count
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        for elem, count in kwds.items():
            self[elem] = self[elem] + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        for elem, count in kwds.items():
            self[elem] = self[elem] - count

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        out = []
        for elem, count in self.items():
            for _ in range(count):
                out.append(elem)
        return iter(out)

    def total(self):
        return sum(self.values())

    def __repr__(self):
        if not self:
            return "Counter()"
        return "Counter({" + ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common()) + "})"

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, it):
        for x in it:
            self.append(x)

    def extendleft(self, it):
        for x in it:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"


def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{typename}() takes {len(fields)} positional arguments but {len(args)} were given")
        values = list(args)
        for i in range(len(args), len(fields)):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif i >= len(fields) - len(defaults):
                values.append(defaults[i - (len(fields) - len(defaults))])
            else:
                raise TypeError(f"{typename}() missing 1 required positional argument: '{name}'")
        if kwargs:
            raise TypeError(f"{typename}() got an unexpected keyword argument '{next(iter(kwargs))}'")
        object.__setattr__(self, "_values", tuple(values))

    def __getattr__(self, name):
        if name in fields:
            return self._values[fields.index(name)]
        raise AttributeError(f"'{typename}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    def __repr__(self):
        return typename + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(fields, self._values)) + ")"

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(fields)

    def __getitem__(self, i):
        return self._values[i]

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __lt__(self, other):
        return tuple(self) < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **kwargs):
        values = self._asdict()
        values.update(kwargs)
        return cls(**values)

    ns = {"__init__": __init__, "__getattr__": __getattr__, "__setattr__": __setattr__, "__repr__": __repr__,
          "__iter__": __iter__, "__len__": __len__, "__getitem__": __getitem__, "__eq__": __eq__,
          "__lt__": __lt__, "__hash__": __hash__, "_asdict": _asdict, "_replace": _replace, "_fields": fields}
    cls = type(typename, (), ns)
    return cls
)PY";

const char* kUnittest = R"PY(
import _gs_unittest as _gs


class SkipTest(Exception):
    pass


_gs.register_skip_test(SkipTest)


def _safe_repr(obj):
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


class _AssertRaisesContext:
    def __init__(self, expected, test_case, regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.regex = regex
        self.msg = msg
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            self.test_case.fail(self.test_case._formatMessage(self.msg, f"{name} not raised"))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.regex is not None:
            if not _gs.regex_search(self.regex, str(exc_value)):
                self.test_case.fail(self.test_case._formatMessage(
                    self.msg, f'"{self.regex}" does not match "{str(exc_value)}"'))
        return True


class _SubTest:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._cleanups = []

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def id(self):
        return f"{type(self).__module__}.{type(self).__qualname__}.{self._testMethodName}"

    def __str__(self):
        return f"{self._testMethodName} ({type(self).__module__}.{type(self).__qualname__})"

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__qualname__} testMethod={self._testMethodName}>"

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def subTest(self, msg=None, **params):
        return _SubTest()

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if msg is None:
            return standardMsg
        if not self.longMessage:
            return msg
        return f"{standardMsg} : {msg}"

    def assertEqual(self, first, second, msg=None):
        r = _gs.equal(first, second)
        if r is True:
            return
        if r is None:
            if first == second:
                return
            standardMsg = f"{_safe_repr(first)} != {_safe_repr(second)}"
        else:
            standardMsg = r
        self.fail(self._formatMessage(msg, standardMsg))

    assertEquals = assertEqual
    assertListEqual = assertEqual
    assertTupleEqual = assertEqual
    assertDictEqual = assertEqual
    assertSetEqual = assertEqual
    assertSequenceEqual = assertEqual
    assertMultiLineEqual = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, f"{_safe_repr(first)} == {_safe_repr(second)}"))

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, f"{_safe_repr(expr)} is not true"))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, f"{_safe_repr(expr)} is not false"))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, f"{_safe_repr(expr1)} is not {_safe_repr(expr2)}"))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, f"unexpectedly identical: {_safe_repr(expr1)}"))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, f"{_safe_repr(obj)} is not None"))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, f"{_safe_repr(member)} not found in {_safe_repr(container)}"))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, f"{_safe_repr(member)} unexpectedly found in {_safe_repr(container)}"))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f"{_safe_repr(obj)} is not an instance of {cls!r}"))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f"{_safe_repr(obj)} is an instance of {cls!r}"))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, f"{_safe_repr(a)} not greater than {_safe_repr(b)}"))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, f"{_safe_repr(a)} not greater than or equal to {_safe_repr(b)}"))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, f"{_safe_repr(a)} not less than {_safe_repr(b)}"))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, f"{_safe_repr(a)} not less than or equal to {_safe_repr(b)}"))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standardMsg = f"{_safe_repr(first)} != {_safe_repr(second)} within {_safe_repr(delta)} delta ({_safe_repr(diff)} difference)"
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standardMsg = f"{_safe_repr(first)} != {_safe_repr(second)} within {places!r} places ({_safe_repr(diff)} difference)"
        self.fail(self._formatMessage(msg, standardMsg))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standardMsg = f"{_safe_repr(first)} == {_safe_repr(second)} within {_safe_repr(delta)} delta ({_safe_repr(diff)} difference)"
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standardMsg = f"{_safe_repr(first)} == {_safe_repr(second)} within {places!r} places"
        self.fail(self._formatMessage(msg, standardMsg))

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        missing = list(b)
        for x in a:
            if x in missing:
                missing.remove(x)
            else:
                self.fail(self._formatMessage(msg, "Element counts were not equal"))
        if missing:
            self.fail(self._formatMessage(msg, "Element counts were not equal"))

    def assertRegex(self, text, expected_regex, msg=None):
        if not _gs.regex_search(expected_regex, text):
            self.fail(self._formatMessage(msg, f"Regex didn't match: {expected_regex!r} not found in {text!r}"))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if _gs.regex_search(unexpected_regex, text):
            self.fail(self._formatMessage(msg, f"Regex matched: {unexpected_regex!r} found in {text!r}"))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, msg=kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, *args = args
        with context:
            callable_obj(*args, **kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, expected_regex, kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, *args = args
        with context:
            callable_obj(*args, **kwargs)


def skip(reason):
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if callable(reason) and not isinstance(reason, str):
        test_item = reason
        reason = ""
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda f: f


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda f: f


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _test_names(cls):
    names = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            if name.startswith("test") and callable(getattr(cls, name, None)):
                names.add(name)
    return sorted(names)


def _run_one(cls, name):
    test = cls(name)
    method = getattr(test, name)
    why = getattr(method, "__unittest_skip_why__", None)
    if getattr(cls, "__unittest_skip__", False):
        return ("skipped", getattr(cls, "__unittest_skip_why__", ""), None)
    if getattr(method, "__unittest_skip__", False):
        return ("skipped", why or "", None)
    expecting = getattr(method, "__unittest_expecting_failure__", False)
    try:
        test.setUp()
    except SkipTest as e:
        return ("skipped", str(e), None)
    except BaseException as e:
        return ("error", None, e)
    outcome = ("ok", None, None)
    try:
        method()
    except SkipTest as e:
        outcome = ("skipped", str(e), None)
    except AssertionError as e:
        outcome = ("expected failure", None, None) if expecting else ("fail", None, e)
    except BaseException as e:
        outcome = ("error", None, e)
    else:
        if expecting:
            outcome = ("unexpected success", None, None)
    try:
        test.tearDown()
    except BaseException as e:
        if outcome[0] in ("ok", "skipped"):
            outcome = ("error", None, e)
    try:
        test.doCleanups()
    except BaseException as e:
        if outcome[0] in ("ok", "skipped"):
            outcome = ("error", None, e)
    return outcome


def _run_class(cls, module_name):
    names = _test_names(cls)
    if not names:
        return
    try:
        if not getattr(cls, "__unittest_skip__", False):
            cls.setUpClass()
    except BaseException as e:
        for name in names:
            _gs.report(name, cls, "error", None, e)
        return
    for name in names:
        status, why, exc = _run_one(cls, name)
        _gs.report(name, cls, status, why, exc)
    try:
        if not getattr(cls, "__unittest_skip__", False):
            cls.tearDownClass()
    except BaseException as e:
        _gs.report("tearDownClass", cls, "error", None, e)


def _run_module(module_name):
    for cls in _gs.test_classes(module_name, TestCase):
        _run_class(cls, module_name)


class TestProgram:
    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None, testLoader=None,
                 exit=True, verbosity=1, failfast=None, catchbreak=None, buffer=None, warnings=None):
        if not isinstance(module, str):
            module = module.__name__
        ok = _gs.run_tests(module)
        self.result = ok
        if exit:
            raise SystemExit(0 if ok else 1)


main = TestProgram


class TestSuite:
    def __init__(self, tests=()):
        self._tests = list(tests)

    def addTest(self, test):
        self._tests.append(test)


class TestLoader:
    def loadTestsFromTestCase(self, cls):
        return TestSuite(cls(n) for n in _test_names(cls))


class TextTestRunner:
    def __init__(self, *args, **kwargs):
        pass
)PY";

const char* kUnittestMock = R"PY(
import functools as _functools


class _SentinelObject:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "sentinel." + self.name


class _Sentinel:
    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._sentinels.setdefault(name, _SentinelObject(name))


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING


class _Call:
    def __init__(self, args=(), kwargs=None):
        self.args = tuple(args)
        self.kwargs = dict(kwargs or {})

    def __eq__(self, other):
        if isinstance(other, _Call):
            return self.args == other.args and self.kwargs == other.kwargs
        if isinstance(other, tuple) and len(other) == 2:
            return self.args == tuple(other[0]) and self.kwargs == dict(other[1])
        return NotImplemented

    def __iter__(self):
        return iter((self.args, self.kwargs))

    def __getitem__(self, i):
        return (self.args, self.kwargs)[i]

    def __repr__(self):
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return "call(" + ", ".join(parts) + ")"


def call(*args, **kwargs):
    return _Call(args, kwargs)


class NonCallableMock:
    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, name=None, **kwargs):
        object.__setattr__(self, "_mock_children", {})
        object.__setattr__(self, "_mock_name", name)
        object.__setattr__(self, "_mock_return_value", return_value)
        object.__setattr__(self, "side_effect", side_effect)
        object.__setattr__(self, "call_args_list", [])
        object.__setattr__(self, "method_calls", [])
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        children = self._mock_children
        if name not in children:
            children[name] = MagicMock(name=name)
        return children[name]

    def __repr__(self):
        return f"<{type(self).__name__} name='{self._mock_name}' id='{id(self)}'>" if self._mock_name else f"<{type(self).__name__} id='{id(self)}'>"

    def _get_return_value(self):
        if self._mock_return_value is DEFAULT:
            object.__setattr__(self, "_mock_return_value", MagicMock())
        return self._mock_return_value

    def _set_return_value(self, value):
        object.__setattr__(self, "_mock_return_value", value)

    return_value = property(_get_return_value, _set_return_value)

    @property
    def called(self):
        return len(self.call_args_list) > 0

    @property
    def call_count(self):
        return len(self.call_args_list)

    @property
    def call_args(self):
        return self.call_args_list[-1] if self.call_args_list else None

    def reset_mock(self):
        self.call_args_list.clear()

    def assert_called(self):
        if not self.call_args_list:
            raise AssertionError(f"Expected '{self._mock_name or 'mock'}' to have been called.")

    def assert_not_called(self):
        if self.call_args_list:
            raise AssertionError(f"Expected '{self._mock_name or 'mock'}' to not have been called. Called {len(self.call_args_list)} times.")

    def assert_called_once(self):
        if len(self.call_args_list) != 1:
            raise AssertionError(f"Expected '{self._mock_name or 'mock'}' to have been called once. Called {len(self.call_args_list)} times.")

    def assert_called_with(self, *args, **kwargs):
        if not self.call_args_list:
            raise AssertionError(f"expected call not found.\nExpected: mock{args}\nActual: not called.")
        if self.call_args_list[-1] != _Call(args, kwargs):
            raise AssertionError(f"expected call not found.\nExpected: {_Call(args, kwargs)!r}\nActual: {self.call_args_list[-1]!r}")

    def assert_called_once_with(self, *args, **kwargs):
        self.assert_called_once()
        self.assert_called_with(*args, **kwargs)

    def assert_any_call(self, *args, **kwargs):
        if _Call(args, kwargs) not in self.call_args_list:
            raise AssertionError(f"{_Call(args, kwargs)!r} call not found")


class Mock(NonCallableMock):
    def __call__(self, *args, **kwargs):
        self.call_args_list.append(_Call(args, kwargs))
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, type) and issubclass(effect, BaseException):
                raise effect()
            if isinstance(effect, BaseException):
                raise effect
            if callable(effect):
                result = effect(*args, **kwargs)
                if result is not DEFAULT:
                    return result
            else:
                return next(iter(effect)) if not isinstance(effect, list) else effect.pop(0)
        return self.return_value


class MagicMock(Mock):
    def __len__(self):
        return 0

    def __iter__(self):
        return iter([])

    def __bool__(self):
        return True

    def __enter__(self):
        children = self._mock_children
        if "__enter__" not in children:
            children["__enter__"] = MagicMock(name="__enter__")
        return children["__enter__"]

    def __exit__(self, *exc):
        return False


def _describe(target):
    name = getattr(target, "__name__", None)
    return repr(target) if name is None else repr(target)


class _patch:
    def __init__(self, getter, attribute, new, create=False, new_callable=None):
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.create = create
        self.new_callable = new_callable
        self._saved = []

    def _make_new(self):
        if self.new is not DEFAULT:
            return self.new
        if self.new_callable is not None:
            return self.new_callable()
        return MagicMock()

    def __enter__(self):
        target = self.getter()
        name = self.attribute
        original = getattr(target, name, _missing)
        if original is _missing and not self.create:
            raise AttributeError(f"{target!r} does not have the attribute {name!r}")
        local = False
        try:
            local = name in vars(target)
        except TypeError:
            local = original is not _missing
        new = self._make_new()
        self._saved.append((target, original, local))
        setattr(target, name, new)
        return new

    def __exit__(self, *exc_info):
        target, original, local = self._saved.pop()
        if local and original is not _missing:
            setattr(target, self.attribute, original)
        else:
            delattr(target, self.attribute)
        return False

    def start(self):
        return self.__enter__()

    def stop(self):
        return self.__exit__(None, None, None)

    def __call__(self, func):
        if isinstance(func, type):
            for attr in list(vars(func)):
                if attr.startswith("test"):
                    value = getattr(func, attr)
                    if callable(value):
                        setattr(func, attr, _patch(self.getter, self.attribute, self.new, self.create,
                                                   self.new_callable)(value))
            return func
        patcher = self

        @_functools.wraps(func)
        def patched(*args, **kwargs):
            with patcher as new:
                if patcher.new is DEFAULT:
                    args = args + (new,)
                return func(*args, **kwargs)

        return patched


class _patch_dict:
    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._saved = []

    def _dict(self):
        if isinstance(self.in_dict, str):
            return _importer(self.in_dict)
        return self.in_dict

    def __enter__(self):
        d = self._dict()
        self._saved.append(dict(d))
        if self.clear:
            d.clear()
        d.update(self.values)
        return d

    def __exit__(self, *exc_info):
        d = self._dict()
        original = self._saved.pop()
        d.clear()
        d.update(original)
        return False

    def start(self):
        return self.__enter__()

    def stop(self):
        return self.__exit__(None, None, None)

    def __call__(self, func):
        patcher = self

        @_functools.wraps(func)
        def patched(*args, **kwargs):
            with patcher:
                return func(*args, **kwargs)

        return patched


def _importer(target):
    components = target.split(".")
    import_path = components.pop(0)
    thing = __import__(import_path)
    for comp in components:
        import_path += "." + comp
        try:
            thing = getattr(thing, comp)
        except AttributeError:
            __import__(import_path)
            thing = getattr(thing, comp)
    return thing


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
                  new_callable=None, **kwargs):
    return _patch(lambda: target, attribute, new, create, new_callable)


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None, new_callable=None, **kwargs):
    if not isinstance(target, str):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    target_path, attribute = target.rsplit(".", 1)
    return _patch(lambda: _importer(target_path), attribute, new, create, new_callable)


patch.object = _patch_object
patch.dict = _patch_dict
)PY";

const char* kContextlib = R"PY(
import functools as _functools


class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        return _GeneratorContextManager(self.func, self.args, self.kwds)

    def __call__(self, func):
        @_functools.wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    @_functools.wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        return False


class ExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def __enter__(self):
        return self

    def enter_context(self, cm):
        result = type(cm).__enter__(cm)
        self._exit_callbacks.append(lambda *exc: type(cm).__exit__(cm, *exc))
        return result

    def callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append(lambda *exc: callback(*args, **kwds))
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending = exc_details[1] if received_exc else None
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                details = (type(pending), pending, None) if pending is not None else (None, None, None)
                if cb(*details):
                    suppressed = True
                    pending = None
            except BaseException as e:
                pending = e
        if pending is not None and (not received_exc or pending is not exc_details[1]):
            raise pending
        return received_exc and pending is None
)PY";

const char* kWarnings = R"PY(
import _gs_unittest as _gs

_seen = set()
_filters = []
_records = None


def warn(message, category=None, stacklevel=1, source=None):
    if category is None:
        category = message.__class__ if isinstance(message, Warning) else UserWarning
    text = str(message)
    for action, cat in _filters:
        if issubclass(category, cat):
            if action == "ignore":
                return
            if action == "error":
                raise category(text)
            break
    file, line, code = _gs.caller_location(stacklevel)
    if _records is not None:
        _records.append(WarningMessage(message if isinstance(message, Warning) else category(text), category, file, line))
        return
    key = (file, line, category, text)
    if key in _seen:
        return
    _seen.add(key)
    _gs.write_error(f"{file}:{line}: {category.__name__}: {text}\n" + (f"  {code}\n" if code else ""))


class WarningMessage:
    def __init__(self, message, category, filename, lineno):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno


def simplefilter(action, category=Warning, lineno=0, append=False):
    _filters.insert(0, (action, category))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _filters.insert(0, (action, category))


def resetwarnings():
    _filters.clear()


class catch_warnings:
    def __init__(self, *, record=False, **kwargs):
        self._record = record

    def __enter__(self):
        global _records
        self._saved = (list(_filters), _records)
        if self._record:
            _records = []
            return _records
        return None

    def __exit__(self, *exc):
        global _records
        _filters[:] = self._saved[0]
        _records = self._saved[1]
        return False
)PY";

const char* kOs = R"PY(
import _gs_unittest as _gs

environ = _gs.environ()
sep = "/"
linesep = "\n"
name = "posix"


def getenv(key, default=None):
    return environ.get(key, default)


def getcwd():
    return "."


class _Path:
    sep = "/"

    def join(self, a, *parts):
        out = a
        for p in parts:
            if p.startswith("/"):
                out = p
            elif not out or out.endswith("/"):
                out = out + p
            else:
                out = out + "/" + p
        return out

    def basename(self, p):
        return p.rsplit("/", 1)[-1]

    def dirname(self, p):
        return p.rsplit("/", 1)[0] if "/" in p else ""

    def split(self, p):
        return (self.dirname(p), self.basename(p))

    def splitext(self, p):
        base = self.basename(p)
        if "." not in base.lstrip("."):
            return (p, "")
        i = p.rfind(".")
        return (p[:i], p[i:])

    def exists(self, p):
        return False

    def isfile(self, p):
        return False

    def isdir(self, p):
        return False

    def abspath(self, p):
        return p


path = _Path()
)PY";

const char* kDataclasses = R"PY(
class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True, kw_only=False):
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.kw_only = kw_only
        self.name = None
        self.type = None

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=False):
    return Field(default, default_factory, init, repr, compare, kw_only)


def fields(class_or_instance):
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    try:
        return tuple(cls.__dataclass_fields__.values())
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _convert(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        return factory([(f.name, _convert(getattr(value, f.name), factory)) for f in fields(value)])
    if isinstance(value, list):
        return [_convert(v, factory) for v in value]
    if isinstance(value, tuple):
        return tuple(_convert(v, factory) for v in value)
    if isinstance(value, dict):
        return {_convert(k, factory): _convert(v, factory) for k, v in value.items()}
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory)


def astuple(obj):
    return tuple(_convert(getattr(obj, f.name), dict) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def _is_classvar(annotation):
    return annotation.startswith("ClassVar") or annotation.startswith("typing.ClassVar")


def _process_class(cls, init, repr_, eq, order, frozen, unsafe_hash):
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields:
            all_fields.update(base_fields)
    annotations = cls.__dict__.get("__annotations__", {})
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else Field(default=default)
        f.name = name
        f.type = annotation
        all_fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = all_fields
    flist = list(all_fields.values())
    seen_default = False
    for f in flist:
        if not f.init or f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")

    def set_new(name, value):
        if name in cls.__dict__:
            return
        setattr(cls, name, value)

    if init:
        def __init__(self, *args, **kwargs):
            positional = [f for f in flist if f.init and not f.kw_only]
            if len(args) > len(positional):
                raise TypeError(f"{cls.__qualname__}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given")
            for i, f in enumerate(flist):
                if not f.init:
                    if f.default_factory is not MISSING:
                        object.__setattr__(self, f.name, f.default_factory())
                    elif f.default is not MISSING:
                        object.__setattr__(self, f.name, f.default)
                    continue
                if f in positional and positional.index(f) < len(args):
                    if f.name in kwargs:
                        raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument '{f.name}'")
                    value = args[positional.index(f)]
                elif f.name in kwargs:
                    value = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    raise TypeError(f"{cls.__qualname__}.__init__() missing 1 required positional argument: '{f.name}'")
                object.__setattr__(self, f.name, value)
            if kwargs:
                raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
            post_init = getattr(self, "__post_init__", None)
            if post_init is not None:
                post_init()
        set_new("__init__", __init__)

    if repr_:
        def __repr__(self):
            parts = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in flist if f.repr)
            return f"{type(self).__qualname__}({parts})"
        set_new("__repr__", __repr__)

    def as_tuple(self):
        return tuple(getattr(self, f.name) for f in flist if f.compare)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        set_new("__eq__", __eq__)

    if order:
        def make(op):
            def compare(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return op(as_tuple(self), as_tuple(other))
            return compare
        set_new("__lt__", make(lambda a, b: a < b))
        set_new("__le__", make(lambda a, b: a <= b))
        set_new("__gt__", make(lambda a, b: a > b))
        set_new("__ge__", make(lambda a, b: a >= b))

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        if unsafe_hash or (eq and frozen):
            cls.__hash__ = lambda self: hash(as_tuple(self))
        elif eq:
            cls.__hash__ = None
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, frozen, unsafe_hash)
    if cls is None:
        return wrap
    return wrap(cls)
)PY";

const char* kUnittestPkgMock = "from unittest.mock import *\n";

} // namespace

const char* pythonSource(std::string_view name) {
    if (name == "functools") return kFunctools;
    if (name == "typing") return kTyping;
    if (name == "copy") return kCopy;
    if (name == "operator") return kOperator;
    if (name == "abc") return kAbc;
    if (name == "collections") return kCollections;
    if (name == "unittest") return kUnittest;
    if (name == "unittest.mock") return kUnittestMock;
    if (name == "contextlib") return kContextlib;
    if (name == "warnings") return kWarnings;
    if (name == "os") return kOs;
    if (name == "dataclasses") return kDataclasses;
    (void)kUnittestPkgMock;
    return nullptr;
}

} // namespace gs::runtime::stdlib
