log = []
def t(name, value):
    log.append(name)
    return value
print(t("a", 0) and t("b", 1), log)
log.clear()
print(t("a", 1) or t("b", 0), log)
log.clear()
print(t("a", 1) and t("b", 2) and t("c", 0) and t("d", 3), log)
log.clear()
print(t("x", 1) < t("y", 2) < t("z", 0), log)
log.clear()
print(t("x", 5) < t("y", 2) < t("z", 9), log)
log.clear()
print(t("c", True) if t("cond", False) else t("e", "else"), log)
log.clear()
result = [t(i, i) for i in range(3) if t("f", i % 2 == 0)]
print(result, log)
print(not 0, not [1], not None, (not 1) == False)
print(None or [] or {} or "last", 1 and [] and 3, "" or 0 or None)
x = 0
x = x or 10
print(x)
