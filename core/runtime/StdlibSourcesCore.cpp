// Standard modules written in the scenario language: functools, typing, copy, operator, abc, contextlib (see Stdlib.h).
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

} // namespace

const char* pythonSourceCore(std::string_view name) {
    if (name == "functools") return kFunctools;
    if (name == "typing") return kTyping;
    if (name == "copy") return kCopy;
    if (name == "operator") return kOperator;
    if (name == "abc") return kAbc;
    if (name == "contextlib") return kContextlib;
    return nullptr;
}

} // namespace gs::runtime::stdlib
