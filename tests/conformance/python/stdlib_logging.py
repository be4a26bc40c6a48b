import logging
import sys


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


log = logging.getLogger("torch._dynamo.convert_frame")
parent = logging.getLogger("torch._dynamo")
print(log.parent is parent, parent.parent is logging.getLogger("torch") or parent.parent.name)
h = ListHandler()
parent.addHandler(h)
parent.setLevel(logging.WARNING)
log.warning("hit %s (%d)", "limit", 8)
log.info("not shown")
print(len(h.records), h.records[0].getMessage(), h.records[0].levelname, h.records[0].name)
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), logging.getLevelName(10))
parent.propagate = False
child = logging.getLogger("torch._dynamo.guards.__recompiles")
child.setLevel(logging.DEBUG)
child.debug("Recompiling function %s", "f")
print(len(h.records), h.records[-1].getMessage())
fmt = logging.Formatter("%(levelname)s:%(name)s:%(message)s")
print(fmt.format(h.records[0]))
s = logging.StreamHandler(sys.stdout)
s.setFormatter(logging.Formatter("[%(name)s] %(message)s"))
parent.addHandler(s)
log.error("boom")
parent.removeHandler(s)
print(logging.getLogger() is logging.root, logging.root.level)
logging.getLogger("quiet").addHandler(logging.NullHandler())
logging.getLogger("quiet").warning("nothing")
