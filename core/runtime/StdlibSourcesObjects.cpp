// Standard modules written in the scenario language: weakref, types, enum (see Stdlib.h).
#include <string_view>

namespace gs::runtime::stdlib {

namespace {

// weakref over the native _weakref core (WeakRef.h). finalize keeps itself alive in a class
// registry until it runs or is detached, like CPython's.
const char* kWeakref = R"PY(
from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs


class WeakMethod:
    def __init__(self, meth, callback=None):
        self._obj = ref(meth.__self__, None if callback is None else (lambda _r: callback(self)))
        self._func = meth.__func__

    def __call__(self):
        obj = self._obj()
        if obj is None:
            return None
        return self._func.__get__(obj, type(obj))


class finalize:
    _registry = {}
    atexit = True

    def __init__(self, obj, func, /, *args, **kwargs):
        self._ref = ref(obj, self)
        finalize._registry[self] = (func, args, kwargs)

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            func, args, kwargs = info
            return func(*args, **kwargs)

    def detach(self):
        obj = self._ref()
        info = finalize._registry.pop(self, None)
        if obj is not None and info is not None:
            return (obj, info[0], info[1], info[2])

    def peek(self):
        obj = self._ref()
        info = finalize._registry.get(self)
        if obj is not None and info is not None:
            return (obj, info[0], info[1], info[2])

    @property
    def alive(self):
        return self in finalize._registry

    def __repr__(self):
        obj = self._ref()
        what = "dead" if obj is None else f"for {type(obj).__name__!r}"
        return f"<finalize object; {what}>"


class WeakValueDictionary:
    def __init__(self, other=(), **kwargs):
        self.data = {}
        self.update(other, **kwargs)

    def _remover(self, key):
        data = self.data

        def remove(wr):
            if data.get(key) is wr:
                del data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return sum(1 for wr in self.data.values() if wr() is not None)

    def get(self, key, default=None):
        wr = self.data.get(key)
        obj = None if wr is None else wr()
        return default if obj is None else obj

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def items(self):
        return [(k, wr()) for k, wr in list(self.data.items()) if wr() is not None]

    def keys(self):
        return [k for k, v in self.items()]

    def values(self):
        return [v for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def pop(self, key, *default):
        wr = self.data.pop(key, None)
        obj = None if wr is None else wr()
        if obj is None:
            if default:
                return default[0]
            raise KeyError(key)
        return obj

    def setdefault(self, key, default=None):
        obj = self.get(key)
        if obj is None:
            self[key] = default
            return default
        return obj

    def clear(self):
        self.data.clear()


class WeakKeyDictionary:
    def __init__(self, other=None):
        self.data = {}
        data = self.data

        def remove(wr):
            data.pop(wr, None)
        self._remove = remove
        if other is not None:
            self.update(other)

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v

    def items(self):
        return [(wr(), v) for wr, v in list(self.data.items()) if wr() is not None]

    def keys(self):
        return [k for k, v in self.items()]

    def values(self):
        return [v for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def clear(self):
        self.data.clear()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        members = self.data

        def remove(wr):
            members.discard(wr)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        return iter([x for x in (wr() for wr in list(self.data)) if x is not None])

    def __len__(self):
        return len(self.data)

    def clear(self):
        self.data.clear()


def proxy(obj, callback=None):
    raise TypeError("weakref.proxy is not supported by the Guardscope runtime")
)PY";

const char* kTypes = R"PY(
import sys


def _f():
    pass


class _C:
    def _m(self):
        pass


def _g():
    yield 1


FunctionType = type(_f)
LambdaType = FunctionType
CodeType = type(_f.__code__)
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
GeneratorType = type(_g())
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
CellType = type((lambda x: (lambda: x))(0).__closure__[0])
MappingProxyType = type(type.__dict__)
del _f, _C, _g


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        items = dict(mapping_or_iterable)
        items.update(kwargs)
        for k, v in items.items():
            setattr(self, k, v)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases) or (object,), ns)
)PY";

// Enum without metaclasses (the runtime has only `type`): members are made when the subclass is
// created (__init_subclass__), so `Color.RED.name`, `.value`, `Color(value)`, `Color.members()`
// and comparisons work; `Color["RED"]`, iteration over the class and `len(Color)` need a
// metaclass and are not supported (use `Color.__members__`).
const char* kEnum = R"PY(
class Enum:
    def __init_subclass__(cls, **kwargs):
        members = {}
        for name, value in list(cls.__dict__.items()):
            if name.startswith("_") or callable(value) or isinstance(value, (classmethod, staticmethod, property)):
                continue
            if isinstance(value, auto):
                value = len(members) + 1
            member = object.__new__(cls)
            member._name_ = name
            member._value_ = value
            setattr(cls, name, member)
            members[name] = member
        cls.__members__ = members
        cls._value2member_map_ = {m._value_: m for m in members.values()}

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __hash__(self):
        return hash(self._name_)

    def __reduce__(self):
        return (type(self), (self._value_,))


class IntEnum(Enum):
    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    pass


class IntFlag(IntEnum):
    pass


class auto:
    pass


def unique(cls):
    return cls
)PY";

} // namespace

const char* pythonSourceObjects(std::string_view name) {
    if (name == "weakref") return kWeakref;
    if (name == "types") return kTypes;
    if (name == "enum") return kEnum;
    return nullptr;
}

} // namespace gs::runtime::stdlib
