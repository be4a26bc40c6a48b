def level3(x):
    return x["key"]

def level2(x):
    return level3(x)

def level1():
    print("before the error")
    return level2({})

level1()
print("never printed")
