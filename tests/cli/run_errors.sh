# `run` of scenarios that go wrong: each kind has its exit code (0 ok, 1 failed tests or an
# uncaught exception, 2 syntax error or bad usage, 3 a limit) and a message that names the file
# and line, and the session is still recorded (as failed where the run did not finish).
source "$(dirname "$0")/lib.sh" "$@"

# --- a TestCase with one failing test: exit 1, FAIL with FILE:LINE, the tally -------------------
cat >"$TMP/failing_test.py" <<'EOF'
import torch
import torch._dynamo.test_case
import torch._dynamo.testing


class T(torch._dynamo.test_case.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_counts(self):
        cnt = torch._dynamo.testing.CompileCounter()
        f = torch.compile(lambda x: x + 1, backend=cnt)
        f(torch.ones(2))
        self.assertEqual(cnt.frame_count, 2)


if __name__ == "__main__":
    from torch._dynamo.test_case import run_tests
    run_tests()
EOF
cli run "$TMP/failing_test.py" --db "$DB"
expect_rc 1
expect_empty out
expect_line err "test_counts (__main__.T) ... FAIL"
expect_line err "    $TMP/failing_test.py:14: AssertionError: 1 != 2"
expect_line err "test_ok (__main__.T) ... ok"
expect_line err "1 passed, 1 failed"
expect_line err "recorded as session 1 in $DB"

# --- an uncaught exception: exit 1, a Python-style traceback; output before it is kept ---------
cat >"$TMP/raises.py" <<'EOF'
def f(n):
    return 1 / n

print("before")
f(0)
print("after")
EOF
cli run "$TMP/raises.py" --db "$DB"
expect_rc 1
expect_output out "before"
expect_contains err "Traceback (most recent call last):
  File \"$TMP/raises.py\", line 5, in <module>
    f(0)
  File \"$TMP/raises.py\", line 2, in f
    return 1 / n
ZeroDivisionError: division by zero"

# --- a syntax error: exit 2, FILE:LINE:COL: error:, the line and a caret under the column -------
printf 'x = 1\nif x ==:\n    pass\n' >"$TMP/syntax.py"
cli run "$TMP/syntax.py" --db "$DB"
expect_rc 2
expect_empty out
# CPython 3.11 reports this one at line 2, column 8 (1-based), the ':' after '=='.
expect_contains err "$TMP/syntax.py:2:8: error: invalid syntax
if x ==:
       ^"

# --- a runaway loop under --max-steps: exit 3, the limit, the option and the loop's line --------
printf 'def spin():\n    n = 0\n    while True: n += 1\n\nspin()\n' >"$TMP/spin.py"
cli run "$TMP/spin.py" --db "$DB" --max-steps 1000
expect_rc 3
expect_line err "$TMP/spin.py:3: limit reached: more than 1000 steps (raise it with --max-steps)"

# --- the same loop under a wall-time limit ------------------------------------------------------
cli run "$TMP/spin.py" --db "$DB" --timeout 0.2
expect_rc 3
expect_regex err "^$TMP/spin\.py:3: limit reached: more than 0\.2 seconds of run time \(raise it with --(timeout|max-seconds)\)$"
# The option the message names must be one `run` accepts.
flag=$(sed -n 's/.*(raise it with \(--[a-z-]*\))$/\1/p' "$ERR")
cli run "$TMP/spin.py" --no-record "$flag" 0.2
expect_rc 3
expect_not_contains err "unrecognised option"

# --- deep recursion under --max-depth -----------------------------------------------------------
printf 'def down(n):\n    return down(n + 1)\n\ndown(0)\n' >"$TMP/deep.py"
cli run "$TMP/deep.py" --db "$DB" --max-depth 50
expect_rc 3
expect_line err "$TMP/deep.py:2: limit reached: more than 50 nested calls (raise it with --max-depth)"

# --- a tensor over --max-tensor-elements: exit 3, the size, the limit and the line --------------
printf 'import torch\nsmall = torch.ones(10)\nbig = torch.zeros(100, 100)\nprint("not reached")\n' >"$TMP/big.py"
cli run "$TMP/big.py" --db "$DB" --max-tensor-elements 1000
expect_rc 3
expect_empty out
expect_line err "$TMP/big.py:3: limit reached: a tensor of 10000 elements (more than 1000) (raise it with --max-tensor-elements)"
# Just under the limit it runs.
cli run "$TMP/big.py" --no-record --max-tensor-elements 10000
expect_rc 0
expect_output out "not reached"

# --- a file that is not there: non-zero, the path and why; nothing recorded ---------------------
cli run "$TMP/no_such_scenario.py" --db "$DB"
expect_rc_nonzero
expect_empty out
expect_line err "$TMP/no_such_scenario.py: error: cannot open file (No such file or directory)"

# --- what was recorded: every run above except the missing file, with its final status ----------
cli sessions list --db "$DB"
expect_rc 0
expect_regex out "^1 +failing_test\.py +scenario .* complete +1 +1 +0$"
expect_regex out "^2 +raises\.py +scenario .* failed +0 +0 +0$"
expect_regex out "^3 +syntax\.py +scenario .* failed "
expect_regex out "^4 +spin\.py +scenario .* failed "
expect_regex out "^5 +spin\.py +scenario .* failed "
expect_regex out "^6 +deep\.py +scenario .* failed "
expect_regex out "^7 +big\.py +scenario .* failed "
expect_not_contains out "no_such_scenario"
rows=$(($(wc -l <"$OUT") - 1))
expect_eq "sessions recorded" 7 "$rows"

# The failing test is part of the recorded session.
cli sessions export 1 --json --db "$DB"
expect_rc 0
json_check '
t = {x["name"]: x for x in d["tests"]}
if set(t) != {"test_ok", "test_counts"}: print("tests:", sorted(t))
elif t["test_counts"]["status"] != "fail" or t["test_counts"]["line"] != 14: print("test_counts:", t["test_counts"])
elif t["test_ok"]["status"] != "pass": print("test_ok:", t["test_ok"])
if d["summary"]["tests_failed"] != 1 or d["summary"]["tests_passed"] != 1: print("summary:", d["summary"])
'

finish
