samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\t", "bell\x07", "nul\x00", "é", "日本", "\u200b", "emoji 😀", "\x7f", "\r"]
for s in samples:
    print(repr(s), len(s))
print(repr(["a", "b'c"]), repr({"k": "v\n"}), repr(("x",)), str(["é"]))
print("%r" % "q", "{!r}".format("w"), f"{'e'!r}", ascii("é") if False else "")
print("a\\b", "\\n", r"raw\n", len(r"\n"), "-", "\x41\u0042\U00000043")
print("multi\
line", """triple
quoted""", 'single' "concat" "enated")
