import unittest


class FailingTests(unittest.TestCase):
    def test_a_equal_fails(self):
        print("running a")
        self.assertEqual(1, 2)

    def test_b_error(self):
        print("running b")
        {}["missing"]

    def test_c_passes(self):
        print("running c")
        self.assertEqual("x", "x")

    def test_d_true_fails(self):
        self.assertTrue(0, "zero is falsy")

    def test_e_raises_missing(self):
        with self.assertRaises(ValueError):
            pass

    def test_f_fail(self):
        self.fail("explicit failure")

    def test_g_teardown_after_failure(self):
        self.assertIn(3, [1, 2])

    def tearDown(self):
        print("tearDown", self._testMethodName)


if __name__ == "__main__":
    unittest.main()
