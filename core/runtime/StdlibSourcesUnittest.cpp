// Standard modules written in the scenario language: unittest, unittest.mock (see Stdlib.h).
#include <string_view>

namespace gs::runtime::stdlib {

namespace {

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
    # A failure inside `with self.subTest(...)` is recorded and the test goes on, as in CPython;
    # the test then reports the first failure, its parameters appended to the message.
    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self.msg = msg
        self.params = params

    def _description(self):
        parts = []
        if self.msg is not None:
            parts.append(f"[{self.msg}]")
        if self.params:
            parts.append("(" + ", ".join(f"{k}={v!r}" for k, v in self.params.items()) + ")")
        return " ".join(parts) or "(<subtest>)"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            return True
        if issubclass(exc_type, Exception):
            self.test_case._subtest_failures.append((self._description(), exc_value))
            return True
        return False


class _CapturingHandler:
    def __init__(self, watcher):
        self.watcher = watcher
        self.level = 0
        self.filters = []

    def handle(self, record):
        self.watcher.records.append(record)
        self.watcher.output.append(f"{record.levelname}:{record.name}:{record.getMessage()}")

    def emit(self, record):
        self.handle(record)

    def flush(self):
        pass


class _LoggingWatcher:
    def __init__(self):
        self.records = []
        self.output = []


class _AssertLogsContext:
    def __init__(self, test_case, logger_name, level, no_logs):
        self.test_case = test_case
        self.logger_name = logger_name
        self.level = level
        self.no_logs = no_logs

    def __enter__(self):
        import logging
        if isinstance(self.logger_name, logging.Logger):
            logger = self.logger = self.logger_name
        else:
            logger = self.logger = logging.getLogger(self.logger_name)
        self.level_no = logging._checkLevel(self.level) if self.level else logging.INFO
        self.level_name = logging.getLevelName(self.level_no)
        self.watcher = _LoggingWatcher()
        handler = _CapturingHandler(self.watcher)
        handler.level = self.level_no
        self.old_handlers = logger.handlers[:]
        self.old_level = logger.level
        self.old_propagate = logger.propagate
        logger.handlers = [handler]
        logger.setLevel(self.level_no)
        logger.propagate = False
        if self.no_logs:
            return None
        return self.watcher

    def __exit__(self, exc_type, exc_value, tb):
        self.logger.handlers = self.old_handlers
        self.logger.propagate = self.old_propagate
        self.logger.setLevel(self.old_level)
        if exc_type is not None:
            return False
        if self.no_logs:
            if len(self.watcher.records) > 0:
                self.test_case.fail(f"Unexpected logs found: {self.watcher.output!r}")
        elif len(self.watcher.records) == 0:
            self.test_case.fail(f"no logs of level {self.level_name} or higher triggered on {self.logger.name}")
        return False


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    _class_cleanups = []

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._cleanups = []
        self._subtest_failures = []

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

    def enterContext(self, cm):
        result = type(cm).__enter__(cm)
        self.addCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        if "_class_cleanups" not in cls.__dict__:
            cls._class_cleanups = []
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        result = type(cm).__enter__(cm)
        cls.addClassCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    @classmethod
    def doClassCleanups(cls):
        cleanups = cls.__dict__.get("_class_cleanups", [])
        while cleanups:
            function, args, kwargs = cleanups.pop()
            function(*args, **kwargs)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def assertLogs(self, logger=None, level=None):
        return _AssertLogsContext(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        return _AssertLogsContext(self, logger, level, no_logs=True)

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
        if test._subtest_failures:
            description, exc = test._subtest_failures[0]
            if expecting:
                outcome = ("expected failure", None, None)
            elif isinstance(exc, AssertionError):
                outcome = ("fail", None, exc)
            else:
                outcome = ("error", None, exc)
            if outcome[2] is not None and exc.args:
                exc.args = (f"{description}: {exc.args[0]}",) + tuple(exc.args[1:])
        elif expecting:
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
    try:
        cls.doClassCleanups()
    except BaseException as e:
        _gs.report("doClassCleanups", cls, "error", None, e)


def _run_module(module_name):
    for cls in _gs.test_classes(module_name, TestCase):
        _run_class(cls, module_name)


class TestProgram:
    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None, testLoader=None,
                 exit=True, verbosity=1, failfast=None, catchbreak=None, buffer=None, warnings=None):
        if not isinstance(module, str):
            module = module.__name__
        status = _gs.run_tests(module)
        self.result = status == 0
        if exit:
            raise SystemExit(status)


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

} // namespace

const char* pythonSourceUnittest(std::string_view name) {
    if (name == "unittest") return kUnittest;
    if (name == "unittest.mock") return kUnittestMock;
    return nullptr;
}

} // namespace gs::runtime::stdlib
