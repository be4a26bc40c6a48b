import itertools as it
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 5), 3)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.repeat("x", 3)), list(it.islice(it.repeat(7), 2)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.chain([1, 2], (3,), "ab")), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)), list(it.islice("abcdefg", 0, None, 2)))
print(list(it.product("ab", [1, 2])), list(it.product([0, 1], repeat=2)), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc")), list(it.permutations(range(3), 2)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(4), 3)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.zip_longest("abc", "x", fillvalue="-")), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise([1, 2, 3])))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
a, b = it.tee([1, 2]); print(list(a), list(b))
total = 0
for i in it.count(1):
    total += i
    if i >= 100:
        break
print(total)
