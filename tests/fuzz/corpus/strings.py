s = "a\n\t\x41\u00e9\U0001F600\101" 'b' """triple
quoted""" r"\d+" rb'\x00' b"\xff"
f"{x!r:>{width}.{prec}} {{braces}} {y=} {z!s}" f'{a["k"]}' rf"\w{1 + 2}"
g = f"""{
    x
    + 1
}"""
