// Standard modules written in the scenario language: collections, dataclasses, warnings, os (see Stdlib.h).
#include <string_view>

namespace gs::runtime::stdlib {

namespace {

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
            raise TypeError(f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given")
        values = list(args)
        for i in range(len(args), len(fields)):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif i >= len(fields) - len(defaults):
                values.append(defaults[i - (len(fields) - len(defaults))])
            else:
                raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
        if kwargs:
            name = next(iter(kwargs))
            if name in fields:
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
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

    # Compared as tuples with tuples and other named tuples; anything else is not equal (a
    # named tuple == None is False), as for CPython's tuple subclass.
    def comparable(other):
        return isinstance(other, tuple) or hasattr(type(other), "_fields")

    def __eq__(self, other):
        if not comparable(other):
            return NotImplemented
        return self._values == tuple(other)

    def __lt__(self, other):
        if not comparable(other):
            return NotImplemented
        return self._values < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **kwargs):
        values = self._asdict()
        values.update(kwargs)
        return cls(**values)

    def _make(iterable):
        values = tuple(iterable)
        if len(values) != len(fields):
            raise TypeError(f"Expected {len(fields)} arguments, got {len(values)}")
        return cls(*values)

    ns = {"__init__": __init__, "__getattr__": __getattr__, "__setattr__": __setattr__, "__repr__": __repr__,
          "__iter__": __iter__, "__len__": __len__, "__getitem__": __getitem__, "__eq__": __eq__,
          "__lt__": __lt__, "__hash__": __hash__, "_asdict": _asdict, "_replace": _replace, "_fields": fields,
          "_make": staticmethod(_make), "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults))}
    cls = type(typename, (), ns)
    return cls
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

} // namespace

const char* pythonSourceData(std::string_view name) {
    if (name == "collections") return kCollections;
    if (name == "dataclasses") return kDataclasses;
    if (name == "warnings") return kWarnings;
    if (name == "os") return kOs;
    return nullptr;
}

} // namespace gs::runtime::stdlib
