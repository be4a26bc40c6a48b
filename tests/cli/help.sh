# --help of the program and of every command exits 0, goes to stdout and names every option;
# a missing or unknown command is a usage error (exit 2) that still shows the commands.
source "$(dirname "$0")/lib.sh" "$@"

COMMANDS=(bench export import run sessions)

for flag in --help -h help; do
    cli "$flag"
    expect_rc 0
    expect_line out "Usage: guardscope-cli COMMAND [OPTIONS]"
    for c in "${COMMANDS[@]}"; do expect_regex out "^  $c +[a-z]"; done
    expect_empty err
done

cli
expect_rc 2
expect_empty out
expect_line err "Usage: guardscope-cli COMMAND [OPTIONS]"

cli frobnicate
expect_rc 2
expect_contains err "guardscope-cli: unknown command 'frobnicate'"
expect_regex err "^  run +"

cli --version
expect_rc 0
expect_regex out '^guardscope-cli [0-9]+\.[0-9]+\.[0-9]+ \(git ([0-9a-f]{12}(-dirty)?|unknown)\)$'
cli -V
expect_rc 0
expect_regex out '^guardscope-cli [0-9]+\.[0-9]+\.[0-9]+ \(git '

# command -> every option its --help must name (as "--name" or "-x [ --name ]")
declare -A OPTIONS=(
    [run]="--help --seed --max-steps --max-depth --max-tensor-elements --timeout --max-seconds --log --summary --json --no-compile --no-record --db"
    [bench]="--help --iterations --calls --repeat --interpreter-only --engine-only --in-process-only"
    [import]="--help --db --json --strict --no-record"
    [export]="--help --torch-trace --db"
    [sessions]="--db --help"
)
for c in "${COMMANDS[@]}"; do
    for flag in --help -h; do
        cli "$c" "$flag"
        expect_rc 0
        expect_regex out "^Usage: guardscope-cli $c"
        for o in ${OPTIONS[$c]}; do expect_regex out "(^| )$o( |,|\$)"; done
        expect_empty err
    done
done

# run: the exit codes are part of its contract; the help states them.
cli run --help
expect_contains out "Exit code: 0 ok, 1 failed tests or an uncaught exception, 2 syntax error or bad usage,
3 a limit was reached, 4 the session could not be recorded in the history database"
for ch in recompiles recompiles_verbose guards dynamic graph_breaks; do expect_regex out "[ :]$ch(,| |\$)"; done

# sessions: every subcommand is listed, and each has its own --help naming its options.
cli sessions --help
for sub in "list" "show ID" "delete ID" "rename ID TITLE" "export ID --json \[-o FILE\]" "diff ID1 ID2"; do
    expect_regex out "^  $sub  "
done
declare -A SUB_OPTIONS=(
    [list]="--db --help" [show]="--db --help" [delete]="--db --help" [rename]="--db --help"
    [export]="--db --help --json --output" [diff]="--db --help"
)
for sub in list show delete rename export diff; do
    cli sessions "$sub" --help
    expect_rc 0
    expect_regex out "^Usage: guardscope-cli sessions $sub"
    for o in ${SUB_OPTIONS[$sub]}; do expect_regex out "(^| )$o( |,|\$)"; done
    expect_empty err
done
cli sessions export --help
expect_contains out "-o [ --output ] FILE"

# Bad usage of a command: exit 2 and a pointer to its --help.
cli run
expect_rc 2
expect_line err "Usage: guardscope-cli run FILE [OPTIONS]"
cli run "$DEMOS/automatic_dynamic.py" --no-such-option
expect_rc 2
expect_contains err "guardscope-cli run: unrecognised option '--no-such-option'"
expect_contains err "Run \`guardscope-cli run --help\` for the options."
cli run "$DEMOS/automatic_dynamic.py" --max-steps many
expect_rc 2
expect_contains err "the argument ('many') for option '--max-steps' is invalid"
cli sessions
expect_rc 2
expect_regex err "^Usage: guardscope-cli sessions"
cli sessions frob
expect_rc 2
expect_contains err "guardscope-cli sessions: unknown subcommand 'frob'"

finish
