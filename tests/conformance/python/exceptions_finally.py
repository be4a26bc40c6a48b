def ret_override():
    try:
        return 1
    finally:
        return 2
print(ret_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("fin")
    return out
print(loop_continue())

def order():
    log = []
    try:
        log.append("try")
        raise KeyError("k")
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    try:
        log.append("try2")
    except KeyError:
        log.append("except2")
    else:
        log.append("else2")
    finally:
        log.append("finally2")
    return log
print(order())

def nested():
    log = []
    try:
        try:
            raise ValueError("inner")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer caught {e}")
    return log
print(nested())

def else_exception():
    try:
        try:
            pass
        except Exception:
            print("not here")
        else:
            raise RuntimeError("from else")
    except RuntimeError as e:
        print("caught", e)
else_exception()

def multi():
    for exc in [ValueError("v"), TypeError("t"), KeyError("k"), IndexError("i")]:
        try:
            raise exc
        except (ValueError, TypeError) as e:
            print("group1", type(e).__name__)
        except LookupError as e:
            print("lookup", type(e).__name__)
multi()

def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            print("tick", i)
print(while_finally())

def return_in_except():
    try:
        raise ValueError()
    except ValueError:
        return "from except"
    finally:
        print("cleanup")
print(return_in_except())

def exception_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__)
exception_in_finally()

def bare_except():
    try:
        [][0]
    except:
        return "bare caught"
print(bare_except())
