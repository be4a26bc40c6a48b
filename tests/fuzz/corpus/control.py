def gen(a, *, b):
    global g
    try:
        with open(a) as f, (yield b) as h:
            yield from f
    except (ValueError, TypeError) as e:
        raise RuntimeError("bad") from e
    except:
        raise
    else:
        pass
    finally:
        g = 1
    while True:
        for i in range(3):
            if i: continue
            elif i > 1: break
        else:
            return
    def inner():
        nonlocal b
        b: int = 2
        assert b, "msg"


@decorator(1)
class C(Base, metaclass=Meta):
    x: int = 0
