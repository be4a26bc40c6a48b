import unittest


def parse_version(text):
    parts = text.split(".")
    if not all(p.isdigit() for p in parts):
        raise ValueError(f"bad version: {text!r}")
    return tuple(int(p) for p in parts)


class ParseTests(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(parse_version("1.2.3"), (1, 2, 3))

    def test_single(self):
        self.assertEqual(parse_version("7"), (7,))

    def test_bad(self):
        with self.assertRaisesRegex(ValueError, r"bad version: '1\.x'"):
            parse_version("1.x")

    def test_compare(self):
        self.assertLess(parse_version("1.2"), parse_version("1.10"))

    def test_wrong_expectation(self):
        self.assertEqual(parse_version("2.0"), (2, 1), "versions differ")


class Base(unittest.TestCase):
    value = 1

    def test_value_positive(self):
        self.assertGreater(self.value, 0)


class Derived(Base):
    value = 5

    def test_value_small(self):
        self.assertLessEqual(self.value, 10)


@unittest.skip("whole class skipped")
class Skipped(unittest.TestCase):
    def test_never(self):
        raise RuntimeError("should not run")


class Conditional(unittest.TestCase):
    @unittest.skipIf(True, "condition true")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, "runs")
    def test_skip_unless(self):
        print("skipUnless test ran")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)


if __name__ == "__main__":
    unittest.main()
