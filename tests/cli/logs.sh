# `run --log CHANNELS`: TORCH_LOGS-style text on stderr, in PyTorch's wording
# (dynamo-semantics §5.1 recompiles, §5.3 recompile limit, §5.5 guards, §5.6 dynamic), while the
# script's own output stays on stdout.
source "$(dirname "$0")/lib.sh" "$@"
cd "$SRC"  # relative paths, so the file names in the logs are the ones given here
AD=resources/demos/automatic_dynamic.py

# Without --log: only the script's output.
cli run $AD --no-record
expect_rc 0
expect_output out "graphs compiled: 2"
expect_empty err

# --- recompiles: the function, its first line, and one reason per failed entry -----------------
cli run $AD --no-record --log recompiles
expect_rc 0
expect_output out "graphs compiled: 2"
expect_output err "[0/1] [__recompiles] Recompiling function scale in $AD:12
[0/1] [__recompiles]     triggered by the following guard failure(s):
[0/1] [__recompiles]     - 0/0: tensor 'x' size mismatch at index 0. expected 2, actual 3"

# --- guards: the TREE_GUARD_MANAGER of each entry --------------------------------------------------
cli run $AD --no-record --log guards
expect_rc 0
expect_line err "[0/0] [__guards] GUARDS:"
expect_line err "[0/0] [__guards] TREE_GUARD_MANAGER:"
expect_line err "[0/0] [__guards] +- RootGuardManager"
expect_line err "[0/0] [__guards] | +- GuardManager: source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)"
# The first entry is static (size=[2]); its guard remembers the line that made it.
expect_regex err "^\[0/0\] \[__guards\] \| \| \+- TENSOR_MATCH: check_tensor\(L\['x'\], Tensor, DispatchKeySet\(CPU, BackendSelect, ADInplaceOrView, AutogradCPU\), torch\.float32, device=None, requires_grad=False, size=\[2\], stride=\[1\]\) +# return x \* y  # demos/automatic_dynamic\.py:13"
# The recompiled entry has dim 0 dynamic (size=[None]) and the symbolic shape guards at the end.
expect_regex err "^\[0/1\] \[__guards\] \| \| \+- TENSOR_MATCH: check_tensor\(L\['x'\], Tensor, .*, size=\[None\], stride=\[1\]\)"
# shape guards are the root's epilogue guards: printed at depth 0 after the tree (dynamo-semantics §5.5)
expect_regex err "^\[0/1\] \[__guards\] \+- LAMBDA_GUARD: 2 <= L\['x'\]\.size\(\)\[0\] "
expect_not_contains err "[__recompiles]"

# --- dynamic: the automatic-dynamic promotion and the symbol it creates ---------------------------
cli run $AD --no-record --log dynamic
expect_rc 0
expect_line err "[0/1] [__dynamic] automatic dynamic size L['x'] size(0) 3 != 2"
expect_regex err "^\[0/1\] \[__dynamic\] create_symbol s77 = 3 for L\['x'\]\.size\(\)\[0\] \[2, int_oo\]( |$)"
expect_not_contains err "[0/0] [__dynamic]"  # the first compile is fully static

# Several channels at once, comma separated; a '+' (TORCH_LOGS' debug level) is accepted.
cli run $AD --no-record --log recompiles,+dynamic
expect_rc 0
expect_contains err "[__recompiles] Recompiling function scale in $AD:12"
expect_contains err "[__dynamic] create_symbol s77 = 3 for L['x'].size()[0] [2, int_oo]"
expect_not_contains err "[__guards]"

# A misspelt channel is refused, not silently ignored.
cli run $AD --no-record --log recompile
expect_rc 2
expect_empty out
expect_contains err "unknown log channel 'recompile'"

# --- the recompile limit: always printed, as PyTorch's warning --------------------------------------
cli run resources/demos/recompile_limit.py --no-record
expect_rc 0
expect_output out "graphs compiled: 3"
expect_contains err "torch._dynamo hit config.recompile_limit (3)"
expect_contains err "function: 'bump' (resources/demos/recompile_limit.py:15)"
expect_contains err "last reason: 0/2: tensor 'x' size mismatch at index 0. expected 3, actual 4"
expect_contains err 'To log all recompilation reasons, use TORCH_LOGS="recompiles".'

# With --log recompiles, each of the two real recompiles lists every older entry, newest first.
cli run resources/demos/recompile_limit.py --no-record --log recompiles
expect_rc 0
expect_contains err "[0/2] [__recompiles]     triggered by the following guard failure(s):
[0/2] [__recompiles]     - 0/1: tensor 'x' size mismatch at index 0. expected 2, actual 3
[0/2] [__recompiles]     - 0/0: tensor 'x' size mismatch at index 0. expected 1, actual 3"

# --- --json moves the script's output to stderr so stdout is only JSON -----------------------------
cli run $AD --no-record --json --log recompiles
expect_rc 0
expect_contains err "graphs compiled: 2"
expect_contains err "Recompiling function scale in $AD:12"
json_check 'pass'

finish
