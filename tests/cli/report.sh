# `guardscope-cli report` (issue 11 item 4): a static HTML site a user can send a teammate.
#  - from a recorded scenario (by id): index.html and one page per compile; every page is
#    well-formed (polyglot XHTML: an XML parser reads it), every relative link points at a file
#    of the report, no page loads anything from the network or runs a script; the index names
#    every compile and the recompile reasons; a compile page has its guard tree picture, its
#    graph as PyTorch prints it and the guard diff against the entry before;
#  - straight from a TORCH_TRACE log and from a folder of ranks (../shared, when there);
#  - bad input: an unknown id, a missing log, an output folder with other files in it;
#  - rendered by headless chromium (when installed): the index is a picture with content.
source "$(dirname "$0")/lib.sh" "$@"

# check_site DIR: prints one line per problem of the report in DIR.
check_site() {
    python3 - "$1" <<'PYEOF'
import os, re, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
ns = "{http://www.w3.org/1999/xhtml}"
pages = 0
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"):
            continue
        pages += 1
        path = os.path.join(d, f)
        text = open(path, encoding="utf-8").read()
        try:
            tree = ET.fromstring(text.split("\n", 1)[1])  # without the <!DOCTYPE html> line
        except ET.ParseError as e:
            print("%s is not well-formed: %s" % (os.path.relpath(path, root), e))
            continue
        if re.search(r"<script|https?://(?!www\.w3\.org/)", text):
            print("%s loads from the network or runs a script" % os.path.relpath(path, root))
        for a in tree.iter(ns + "a"):
            href = a.get("href", "")
            if href.startswith("#") or not href:
                continue
            target = os.path.normpath(os.path.join(d, href.split("#")[0]))
            if not os.path.isfile(target):
                print("%s links to %s, which is not in the report" % (os.path.relpath(path, root), href))
if pages == 0:
    print("no pages in", root)
PYEOF
}

# --- a scenario by id ------------------------------------------------------------------------
cli run "$DEMOS/automatic_dynamic.py" --db "$DB"
id=$(recorded_id)
cli report "$id" --db "$DB" -o "$TMP/site"
expect_rc 0
expect_contains out "wrote"
problems=$(check_site "$TMP/site")
[[ -n $problems ]] && fail "the report of automatic_dynamic.py is broken" "$problems"
cli sessions export "$id" --db "$DB" --json
python3 - "$OUT" "$TMP/site" >"$TMP/content" <<'PYEOF'
import html, json, os, re, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
site = sys.argv[2]
index = open(site + "/index.html", encoding="utf-8").read()
for c in s["compiles"]:
    if ">%s<" % c["compile_id"] not in index:
        print("index.html does not name compile", c["compile_id"])
for r in s["recompiles"]:
    for reason in r["reasons"][:1]:
        if html.escape(reason["text"], quote=True).replace("&#x27;", "&#39;") not in index:
            print("index.html does not give the reason", reason["text"])
pages = sorted(os.listdir(site + "/compile"))
if len(pages) != len(s["compiles"]):
    print("compile pages:", pages, "for", len(s["compiles"]), "compiles")
second = open(site + "/compile/0_1.html", encoding="utf-8").read()
for want in ("<svg", "GraphModule(torch.nn.Module)", "Guards changed since 0/0", "Why it was compiled"):
    if want not in second:
        print("compile/0_1.html has no", want)
PYEOF
[[ -s $TMP/content ]] && fail "the report of automatic_dynamic.py misses content" "$(cat "$TMP/content")"

# --- rendered: the index is a picture with something on it ------------------------------------
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [[ -n $CHROMIUM ]]; then
    set +e
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
        --user-data-dir="$TMP/chromium-profile" --screenshot="$TMP/index.png" "file://$TMP/site/index.html" >"$TMP/chromium.log" 2>&1
    set -e
    if [[ ! -s $TMP/index.png ]]; then
        fail "chromium made no screenshot of index.html" "$(tail -5 "$TMP/chromium.log")"
    else
        # Decode the PNG (8-bit RGB/RGBA, as chromium writes it) and count colours and inked rows.
        verdict=$(python3 - "$TMP/index.png" <<'PYEOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride = zlib.decompress(idat), w * bpp
prev, colours, inked = bytearray(stride), set(), 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    px = {bytes(line[i:i + 3]) for i in range(0, stride, bpp)}
    colours |= px
    inked += len(px) > 1
    prev = line
print(w, h, len(colours), inked)
PYEOF
)
        read -r w h colours inked <<<"$verdict"
        # A page with the summary cards, the bars in category colours and the chains has many
        # colours on many rows; a blank or unstyled page has one or a few.
        if [[ ${colours:-0} -lt 50 || ${inked:-0} -lt 300 ]]; then
            fail "the rendered index.html looks empty" "width $w height $h colours $colours rows with content $inked"
        fi
        [[ -n ${GS_REPORT_SCREENSHOT:-} ]] && cp "$TMP/index.png" "$GS_REPORT_SCREENSHOT"
    fi
else
    echo "note: chromium is not installed (scripts/install-deps.sh installs it); the report was not rendered" >&2
fi

# --- straight from logs -------------------------------------------------------------------------
TRACES=$SHARED/traces/torch_trace
if [[ -f $TRACES/dedicated_log_torch_trace_rank_1.log ]]; then
    cli report "$TRACES/dedicated_log_torch_trace_rank_1.log" -o "$TMP/rank1"
    expect_rc 0
    problems=$(check_site "$TMP/rank1")
    [[ -n $problems ]] && fail "the report of rank_1.log is broken" "$problems"
    ls "$TMP"/rank1/artifacts/*/ >/dev/null 2>&1 || fail "the report of rank_1.log has no artifact files" "$(ls -R "$TMP/rank1" | head)"
    mkdir "$TMP/ranks"
    cp "$TRACES"/dedicated_log_torch_trace_rank_[01].log "$TMP/ranks/"
    cli report "$TMP/ranks" -o "$TMP/ranks-site"
    expect_rc 0
    problems=$(check_site "$TMP/ranks-site")
    [[ -n $problems ]] && fail "the report of a folder of ranks is broken" "$problems"
    for r in 0 1; do
        [[ -f $TMP/ranks-site/rank-$r/index.html ]] || fail "the folder report has no rank-$r/index.html" "$(ls "$TMP/ranks-site")"
    done
    grep -q "Where the ranks disagree" "$TMP/ranks-site/index.html" || fail "the folder report does not compare the ranks"
else
    echo "note: $TRACES is not there; reports from logs are not checked" >&2
fi

# --- bad input ---------------------------------------------------------------------------------
cli report 999 --db "$DB" -o "$TMP/none"
expect_rc 1
expect_contains err "no session 999"
[[ -e $TMP/none ]] && fail "a failed report left $TMP/none behind"
cli report "$TMP/no-such.log" -o "$TMP/none"
expect_rc 1
expect_contains err "no-such.log"
mkdir "$TMP/busy" && echo "mine" >"$TMP/busy/notes.txt"
cli report "$id" --db "$DB" -o "$TMP/busy"
expect_rc 1
expect_contains err "not empty"
expect_eq "the user's file in the output folder" "mine" "$(cat "$TMP/busy/notes.txt")"
cli report "$id" --db "$DB" -o "$TMP/busy" --overwrite
expect_rc 0
expect_eq "the user's file after --overwrite" "mine" "$(cat "$TMP/busy/notes.txt")"
cli report "$id" --db "$DB"
expect_rc 2

finish
