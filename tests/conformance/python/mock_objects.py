from unittest.mock import MagicMock, Mock, patch, sentinel
m = Mock(return_value=42)
print(m(1, k=2), m.called, m.call_count, m.call_args)
m.assert_called_with(1, k=2)
m.assert_called_once()
try:
    m.assert_called_with(5)
except AssertionError:
    print("assert_called_with raised")
side = Mock(side_effect=ValueError("boom"))
try:
    side()
except ValueError as e:
    print("side effect:", e)
seq = Mock(side_effect=[1, 2, 3])
print(seq(), seq(), seq())
fn = Mock(side_effect=lambda x: x * 10)
print(fn(4))
mm = MagicMock()
mm.method.return_value = "child"
print(mm.method(), mm.method.call_count, mm.other is mm.other)
with mm as ctx:
    print("ctx is mock:", ctx is mm)
class Service:
    def fetch(self):
        return "real"
svc = Service()
with patch.object(Service, "fetch", return_value="fake") if False else patch.object(Service, "fetch", lambda self: "fake"):
    print(svc.fetch())
print(svc.fetch())
with patch.object(svc, "fetch") as mocked:
    mocked.return_value = "mocked"
    print(svc.fetch(), mocked.called)
print(svc.fetch())
print(sentinel.token is sentinel.token, sentinel.token)
