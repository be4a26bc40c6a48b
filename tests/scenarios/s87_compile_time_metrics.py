# torch._dynamo.utils.compile_times() reports how long each compile phase took, per phase: the
# whole frame compile ("_compile.compile_inner") and the backend call
# ("OutputGraph.call_user_compiler"). The times are the engine's own measurements, one per compile,
# and dump_compile_times() logs their sums on the torch._dynamo.utils logger.
import logging

import torch
import torch._dynamo.testing
import torch._dynamo.utils
from torch._dynamo.test_case import TestCase, run_tests


def double(x):
    return x * 2


class Times(TestCase):
    def test_one_time_per_compile(self):
        before = torch._dynamo.utils.compile_times(repr="csv")
        counts = {}
        for name, value in zip(*before):
            counts[name] = len(value.split(", ")) if value else 0
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(double, backend=cnt)
        f(torch.ones(2))
        f(torch.ones(2))          # a hit: no compile, no time
        f(torch.ones(3, 3))       # a recompile: one more
        self.assertEqual(cnt.frame_count, 2)
        names, values = torch._dynamo.utils.compile_times(repr="csv")
        self.assertIn("_compile.compile_inner", names)
        self.assertIn("OutputGraph.call_user_compiler", names)
        for name, value in zip(names, values):
            times = [float(t) for t in value.split(", ")]
            self.assertEqual(len(times), counts.get(name, 0) + 2, name)
            self.assertTrue(all(t >= 0.0 for t in times))

    def test_aggregate_sums_and_text_form(self):
        torch.compile(double, backend="eager")(torch.ones(5))
        names, each = torch._dynamo.utils.compile_times(repr="csv")
        _, summed = torch._dynamo.utils.compile_times(repr="csv", aggregate=True)
        for value, total in zip(each, summed):
            self.assertAlmostEqual(sum(float(t) for t in value.split(", ")), float(total), places=4)
        text = torch._dynamo.utils.compile_times()
        lines = text.split("\n")
        self.assertEqual(lines[0], "TorchDynamo compilation metrics:")
        self.assertEqual(lines[1], "Function, Runtimes (s)")
        self.assertTrue(any(line.startswith("_compile.compile_inner, ") for line in lines[2:]))

    def test_reset_keeps_the_times(self):
        torch.compile(double, backend="eager")(torch.ones(7))
        names, _ = torch._dynamo.utils.compile_times(repr="csv")
        torch._dynamo.reset()
        self.assertEqual(torch._dynamo.utils.compile_times(repr="csv")[0], names)


class Dump(TestCase):
    def test_dump_logs_one_record(self):
        # Our own handler, not stderr: the times differ from run to run.
        records = []

        class Keep(logging.Handler):
            def emit(self, record):
                records.append(record)

        log = logging.getLogger("torch._dynamo.utils")
        handler = Keep()
        old_level, old_propagate = log.level, log.propagate
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        try:
            torch.compile(double, backend="eager")(torch.ones(4))
            torch._dynamo.utils.dump_compile_times()
        finally:
            log.removeHandler(handler)
            log.setLevel(old_level)
            log.propagate = old_propagate
        found = [r for r in records if "TorchDynamo compilation metrics" in r.getMessage()]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].name, "torch._dynamo.utils")
        self.assertEqual(found[0].levelno, logging.INFO)


if __name__ == "__main__":
    run_tests()
