# `run --summary`: per frame, every cache entry with its status and hit count; every recompile
# with its reasons, their categories and the suggested fix; then the totals. The expected numbers
# follow from the demos (worked out next to each block).
source "$(dirname "$0")/lib.sh" "$@"
cd "$SRC"

# automatic_dynamic: sizes 2,3,4,5,6,7. Call #0 compiles 0/0 static [2]; call #1 misses on size
# and compiles 0/1 with dim 0 dynamic; calls #2-#5 hit 0/1. So 0/0 has 0 hits, 0/1 has 4.
cli run resources/demos/automatic_dynamic.py --db "$DB" --summary
expect_rc 0
id=$(recorded_id)
expect_eq "recorded id" 1 "$id"
expect_line out "graphs compiled: 2"
expect_line out "Session 1: automatic_dynamic.py"  # the id it was recorded as, as `sessions show 1` says
expect_line out "Frame 0: scale  resources/demos/automatic_dynamic.py:12"
expect_line out "  Cache entries (2):"
expect_regex out "^    0/0  ok  0 hits  1 op  [0-9]+ guards  compiled at call #0$"
expect_regex out "^    0/1  ok  4 hits  1 op  [0-9]+ guards  compiled at call #1$"
expect_contains out "  Recompiles:
    0/1  at call #1
      [size_change]  0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3"
# issue 13: the fix covers every input whose size changes, with maybe_mark_dynamic (mark_dynamic
# raises ConstraintViolationError when the size gets specialized), or dynamic=True
expect_line out "        fix: Make the dimension dynamic on every input whose size changes, e.g. torch._dynamo.maybe_mark_dynamic(x, 0) before the call (mark_dynamic raises ConstraintViolationError if the size gets specialized), or compile with dynamic=True"
expect_line out "Totals: 1 frame · 6 calls · 2 compiles · 1 recompile · 4 cache hits"
expect_line out "Recompiles by first reason: size_change 1"

# recompile_limit (limit 3, automatic dynamic off): sizes 1..7 then 2 again. 0/0, 0/1, 0/2 are
# compiled at calls #0-#2; call #3 hits the limit (0/3 limit_hit, no entry); calls #3-#6 run
# eagerly (4 run-only); call #7 (size 2) still hits 0/1.
cli run resources/demos/recompile_limit.py --no-record --summary
expect_rc 0
expect_line out "  Cache entries (4):"
expect_regex out "^    0/0  ok +0 hits  1 op +[0-9]+ guards  compiled at call #0$"
expect_regex out "^    0/1  ok +1 hit  +1 op +[0-9]+ guards  compiled at call #1$"
expect_regex out "^    0/2  ok +0 hits  1 op +[0-9]+ guards  compiled at call #2$"
expect_regex out "^    0/3  limit_hit  0 hits  0 ops +0 guards  compiled at call #3$"
expect_line out "    0/3  at call #3  — recompile limit hit: no new entry, the frame runs without compiling"
expect_line out "Totals: 1 frame · 8 calls · 3 compiles · 2 recompiles · 1 cache hit · 4 run-only · 1 recompile limit hit"
expect_line out "Recompiles by first reason: size_change 2"

# Other categories, each with its own fix.
cli run resources/demos/train_eval.py --no-record --summary
expect_rc 0
expect_regex out "^      \[train_eval\]  0/0: self\._modules\['dropout'\]\.training == False "
expect_line out "        fix: Compile after choosing the mode (model.eval()), or keep one compiled module per mode"

cli run resources/demos/bool_flip.py --no-record --summary
expect_rc 0
expect_regex out "^      \[bool_flip\]  0/0: flag == True "
# a tensor alone would be a graph break where the flag is branched on: torch.where with it
expect_line out "        fix: Each value of a Python bool compiles its own graph (at most two); to share one graph pass it as a tensor and select with torch.where instead of \`if\` (an \`if\` on a tensor is a graph break)"

cli run resources/demos/int_becomes_symbolic.py --no-record --summary
expect_rc 0
expect_regex out "^      \[int_value_change\]  0/0: n == 2 "
expect_line out "        fix: A Python int argument is specialized on its first value and becomes dynamic after it changes; compile with dynamic=True to make it dynamic from the start, or pass a tensor"

# --no-compile: nothing is compiled, every call runs eagerly.
cli run resources/demos/automatic_dynamic.py --no-record --no-compile --summary
expect_rc 0
expect_line out "graphs compiled: 0"
expect_not_contains out "Cache entries"
expect_regex out "^Totals: .*0 compiles · 0 recompiles"

finish
