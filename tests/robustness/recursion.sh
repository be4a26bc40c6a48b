# Recursion never overflows the machine stack, whatever --max-depth says: the limit raises a
# RecursionError the scenario can catch (naming the limit and the line); uncaught, the run stops
# with exit 3 and that message. Deeply nested data is freed without recursion blowing up.
source "$(dirname "$0")/lib.sh" "$@"

printf 'def down(n):\n    return down(n + 1)\n\ndown(0)\n' >"$TMP/deep.py"

# Far above what an 8 MiB stack holds (~10,000 calls before issue 12): stops at the limit.
mcli 120 run "$TMP/deep.py" --no-record --max-depth 100000
expect_clean_exit
expect_rc 3
if [[ $SANITIZED -eq 1 ]]; then
    # Under ASan the interpreter's stack is capped below 64 MiB (MachineStack.cpp) and its frames
    # are bigger: the stack check stops the run before the depth limit does.
    expect_regex err "^$TMP/deep\\.py:2: limit reached: (more than 100000 nested calls \\(raise it with --max-depth\\)|the machine stack is used up after [0-9]+ nested calls \\(--max-depth is 100000\\) \\(lower --max-depth, or recurse less deeply\\))$"
else
    expect_line err "$TMP/deep.py:2: limit reached: more than 100000 nested calls (raise it with --max-depth)"
fi
expect_peak_below 1500
note "--max-depth 100000: exit $RC, peak ${PEAK_MIB} MiB, ${WALL}s"

# A limit no stack could hold: a clean stop all the same (the stack check or the memory limit).
mcli 180 run "$TMP/deep.py" --no-record --max-depth 2000000000 --max-memory 1G
expect_clean_exit
expect_rc 3
expect_regex err "^$TMP/deep\\.py:2: limit reached: "
expect_peak_below 2200
note "--max-depth 2000000000: exit $RC, peak ${PEAK_MIB} MiB, ${WALL}s: $(head -c 200 "$ERR")"

# Catchable, as in Python; the message names the limit and the line.
cat >"$TMP/catch.py" <<'PY'
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print("after")
PY
mcli 60 run "$TMP/catch.py" --no-record --max-depth 5000
expect_clean_exit
expect_rc 0
expect_contains out "caught: maximum recursion depth exceeded at $TMP/catch.py:2: more than 5000 nested calls (raise it with --max-depth)"
expect_contains out "after"

# Deeply nested containers: building, printing and freeing them must not recurse off the stack.
cat >"$TMP/nested.py" <<'PY'
a = []
for i in range(300000):
    a = [a]
try:
    print(len(repr(a)))
except RecursionError:
    print("repr: RecursionError")
d = {}
for i in range(300000):
    d = {"k": d}
try:
    print(a == [a])
except RecursionError:
    print("compare: RecursionError")
a = None
d = None
print("freed")
PY
mcli 120 run "$TMP/nested.py" --no-record
expect_clean_exit
expect_rc 0
expect_contains out "repr: RecursionError"
expect_contains out "freed"
expect_peak_below 1500

# The regex engine: a long subject never overflows the machine stack (a repeated group over
# 100,000 characters crashed std::regex's recursive mode); a pattern with back-references,
# which needs that mode, refuses a subject too long for the stack with a catchable RecursionError.
cat >"$TMP/regex.py" <<'PY'
import re
print(re.match("(a|b)*", "ab" * 100000).end())
print(len(re.findall("a", "a" * 300000)))
try:
    re.match(r"(a*)b\1", "a" * 3000000 + "b")
except RecursionError as e:
    print("RecursionError:", str(e)[:60])
print(re.match(r"(a*)b\1", "aabaa").group(1))
PY
mcli 120 run "$TMP/regex.py" --no-record
expect_clean_exit
expect_rc 0
expect_line out "200000"
expect_line out "300000"
expect_line out "RecursionError: maximum recursion depth exceeded in re: a pattern with back-"
expect_line out "aa"
expect_peak_below 1500
note "regex over long subjects: exit $RC, peak ${PEAK_MIB} MiB, ${WALL}s"

finish
