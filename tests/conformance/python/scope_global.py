g = 10

def read_global():
    return g

def write_global():
    global g
    g = 20

print(read_global())
write_global()
print(g, read_global())

def shadow():
    g = 5
    return g

print(shadow(), g)

def unbound():
    try:
        print(h)
        h = 3
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

unbound()

def missing():
    try:
        return undefined_name
    except NameError as e:
        print("NameError:", e)

missing()

counter = 0
def bump():
    global counter
    for _ in range(3):
        counter += 1

bump()
print(counter)

def builtin_shadow():
    len = lambda x: 42
    return len([1, 2])

print(builtin_shadow(), len([1, 2]))

x = "module"
class C:
    x = "class"
    def method(self):
        return x  # class scope is not visible to methods
    y = x + "!"

print(C().method(), C.y)

def f():
    x = "enclosing"
    class D:
        x = "class-level"
        def m(self):
            return x
        z = x
    return D().m(), D.z

print(f())
