# No false green: a file that runs its tests but has none left (a class decorator that
# returns something else) says "no tests ran" and exits 5, as Python 3.12's unittest does.
source "$(dirname "$0")/lib.sh" "$@"
cat >"$TMP/lost.py" <<'PY'
import unittest
def lose(cls):
    return None
@lose
class T(unittest.TestCase):
    def test_a(self):
        pass
if __name__ == "__main__":
    unittest.main()
PY
mcli 60 run "$TMP/lost.py" --no-record
expect_clean_exit
expect_rc 5
expect_line err "no tests ran"
expect_not_contains err "0 passed, 0 failed"

# torch's run_tests() the same way.
cat >"$TMP/lost_torch.py" <<'PY'
from torch._dynamo.test_case import TestCase, run_tests
class T:
    def test_a(self):
        pass
if __name__ == "__main__":
    run_tests()
PY
cli run "$TMP/lost_torch.py" --no-record
expect_rc 5
expect_line err "no tests ran"

# One skipped test is a run test (Python 3.12 too): exit 0.
printf 'import unittest\nclass T(unittest.TestCase):\n    @unittest.skip("later")\n    def test_a(self):\n        pass\nunittest.main()\n' >"$TMP/skip.py"
cli run "$TMP/skip.py" --no-record
expect_rc 0
expect_line err "0 passed, 0 failed, 1 skipped"
finish
