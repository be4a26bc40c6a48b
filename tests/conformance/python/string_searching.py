text = "the rain in spain stays mainly in the plain"
print(text.count("ain"), text.find("ain"), text.rfind("ain"), text.find("ain", 10), text.find("ain", 10, 12))
print(text.index("in"), text.startswith("the"), text.endswith("plain"), text.startswith(("a", "t")))
print("ain" in text, text.split("ain"), text.replace("ain", "AIN", 2))
print([w for w in text.split() if w.endswith("ain")], sorted(set(text.split())))
print(text.title(), text.upper().count("AIN"), text.partition("spain"))
pos = []
start = 0
while True:
    i = text.find("in", start)
    if i < 0:
        break
    pos.append(i)
    start = i + 1
print(pos)
print("a,b;c d".replace(";", ",").replace(" ", ",").split(","))
print("  multiple   spaces  here ".split(), "  multiple   spaces  here ".split(" "))
print("CamelCaseString"[0].lower() + "CamelCaseString"[1:], "snake_case_name".split("_"))
print("".join(c for c in "a1b2c3" if c.isdigit()), "".join(c for c in "a1b2c3" if c.isalpha()))
print("abc".zfill(6), "-5".rjust(4, "0"), "x".center(4), "%-8s|" % "pad", "%8s|" % "pad")
print("ab" < "abc", "abc" < "abd", "Z" < "a", "é" > "z", max(["apple", "Apple", "banana"]))
print("racecar" == "racecar"[::-1], "hello"[1:-1], "hello"[-3:], "hello"[:-3], "hello"[10:], "hello"[::2])
