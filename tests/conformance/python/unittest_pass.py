import unittest


class Calculator:
    def add(self, a, b):
        return a + b

    def div(self, a, b):
        if b == 0:
            raise ZeroDivisionError("cannot divide by zero")
        return a / b


class CalculatorTests(unittest.TestCase):
    def setUp(self):
        self.calc = Calculator()
        print("setUp", self._testMethodName)

    def tearDown(self):
        print("tearDown", self._testMethodName)

    def test_add(self):
        self.assertEqual(self.calc.add(2, 3), 5)
        self.assertNotEqual(self.calc.add(2, 2), 5)

    def test_div(self):
        self.assertAlmostEqual(self.calc.div(1, 3), 0.3333333, places=5)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        with self.assertRaises(ZeroDivisionError) as cm:
            self.calc.div(1, 0)
        self.assertEqual(str(cm.exception), "cannot divide by zero")
        self.assertRaises(ZeroDivisionError, self.calc.div, 1, 0)
        self.assertRaisesRegex(ZeroDivisionError, "divide by", self.calc.div, 2, 0)

    def test_truth_and_identity(self):
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNot(self.calc, Calculator())
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, {1: 2})
        self.assertIsInstance(self.calc, Calculator)
        self.assertGreater(3, 2)
        self.assertGreaterEqual(3, 3)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello world", r"wor\w+")

    def test_containers(self):
        self.assertEqual([1, 2], [1, 2])
        self.assertEqual({"a": 1}, {"a": 1})
        self.assertEqual((1, "x"), (1, "x"))
        self.assertListEqual([1], [1])
        self.assertDictEqual({}, {})

    @unittest.skip("demonstrating skip")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_skip_inside(self):
        self.skipTest("skipped from inside")

    def helper_not_a_test(self):
        raise AssertionError("not collected")


class OtherTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", cls.__name__)
        cls.shared = [1, 2, 3]

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass", cls.__name__)

    def test_shared(self):
        self.assertEqual(len(self.shared), 3)

    def test_cleanup(self):
        self.addCleanup(print, "cleanup ran")
        self.assertTrue(True)


if __name__ == "__main__":
    unittest.main()
