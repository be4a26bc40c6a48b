# Counting loops: a while loop with a local counter and a for loop over range summing.
def count():
    i = 0
    while i < 5_000_000:
        i += 1
    return i


def total():
    s = 0
    for k in range(5_000_000):
        s += k
    return s


print(count(), total())
