import unittest


class Messages(unittest.TestCase):
    def check(self, fn, *args):
        try:
            fn(*args)
        except AssertionError as e:
            print(type(e).__name__ + ":", e)
        else:
            print("passed")

    def test_messages(self):
        self.check(self.assertEqual, 1, 2)
        self.check(self.assertEqual, 1.5, 2)
        self.check(self.assertNotEqual, 3, 3)
        self.check(self.assertTrue, 0)
        self.check(self.assertFalse, [1])
        self.check(self.assertIs, 1, None)
        self.check(self.assertIsNot, None, None)
        self.check(self.assertIsNone, 5)
        self.check(self.assertIsNotNone, None)
        self.check(self.assertIn, 4, [1, 2])
        self.check(self.assertNotIn, 1, [1, 2])
        self.check(self.assertIsInstance, 1, str)
        self.check(self.assertNotIsInstance, 1, int)
        self.check(self.assertGreater, 1, 2)
        self.check(self.assertGreaterEqual, 1, 2)
        self.check(self.assertLess, 2, 1)
        self.check(self.assertLessEqual, 2, 1)
        self.check(self.assertAlmostEqual, 1.0, 1.1)
        self.check(self.assertAlmostEqual, 1.0, 1.00000001)
        self.check(self.assertAlmostEqual, 1.0, 1.5, None, None, 0.1)
        self.check(self.assertNotAlmostEqual, 1.0, 1.0)
        self.check(self.assertEqual, None, 0, "values differ")
        self.check(self.fail)
        self.check(self.fail, "custom")

    def test_raises_context(self):
        with self.assertRaises(KeyError) as cm:
            {}["k"]
        print(type(cm.exception).__name__, cm.exception.args)
        try:
            with self.assertRaises(KeyError):
                raise ValueError("other")
        except ValueError as e:
            print("propagated", e)


if __name__ == "__main__":
    unittest.main()
