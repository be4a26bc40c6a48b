def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = make_counter()
print(c(), c(), c())

def outer():
    x = 1
    def inner():
        return x
    x = 2  # rebinding after inner is created is seen through the cell
    return inner

print(outer()())

def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]

print(late_binding())

def default_binding():
    fs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs]

print(default_binding())

def nested():
    a = "a"
    def mid():
        b = "b"
        def inner():
            return a + b
        return inner
    return mid()()

print(nested())

def shared_cell():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get

add, get = shared_cell()
add(1); add(2)
print(get())

def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
    def read():
        return n
    return up, read

up, read = counter_pair()
up(); up(); up()
print(read())

def param_cell(p):
    def f():
        return p * 2
    p += 1
    return f()

print(param_cell(10))
