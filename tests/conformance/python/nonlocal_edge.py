def outer():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner()
    mid()
    mid()
    return a
print(outer())

def rebind_in_loop():
    fs = []
    x = 0
    for i in range(3):
        x = i * 10
        fs.append(lambda: x)
    return [f() for f in fs]
print(rebind_in_loop())

def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    def reset():
        nonlocal count
        count = 0
    return inc, get, reset
inc, get, reset = counter()
inc(); inc(5)
print(get())
reset()
print(get(), inc())

def param_captured(n):
    def show():
        return n
    n = n * 2
    return show()
print(param_captured(21))

def deleted_then_read():
    v = 1
    def r():
        return v
    del v
    try:
        return r()
    except NameError as e:
        return str(e)
print(deleted_then_read())

def closure_in_comprehension():
    base = 100
    return [(lambda: base + i)() for i in range(3)]
print(closure_in_comprehension())
x = "global x"
def shadow_global():
    x = "local x"
    def g():
        return x
    return g()
print(shadow_global(), x)
