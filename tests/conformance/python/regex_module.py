import re
m = re.match(r"(\w+) (\w+)", "hello world again")
print(m.group(0), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(), bool(m), m)
print(re.search(r"\d+", "abc 123 def 45").group(), re.search("z", "abc"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "12a"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"), re.findall(r"(\d)x", "1x2x"))
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host"), re.subn("a", "b", "aaa"))
print(re.sub(r"\d", lambda mo: str(int(mo.group()) * 2), "a1b2"), re.split(r"[,;]\s*", "a, b;c"), re.split(r"(-)", "1-2-3"))
p = re.compile(r"(?P<key>\w+)=(?P<val>\d+)")
mo = p.search("x=10 y=20")
print(mo.group("key"), mo["val"], mo.groupdict(), p.pattern, p.groups, [m.group(1) for m in p.finditer("a=1 b=2")])
print(re.match("abc", "ABC", re.IGNORECASE) is not None, re.findall("^x", "x\nx", re.M), re.escape("a.b*c"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.match(r"a.c", "a\nc"), re.match(r"a.c", "a\nc", re.S) is not None)
try:
    re.compile("(")
except re.error:
    print("re.error raised")
