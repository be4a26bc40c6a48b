values = ["1", "x", "3", None, "5"]
total = 0
errors = []
for v in values:
    try:
        total += int(v)
    except ValueError as e:
        errors.append(f"value: {e}")
        continue
    except TypeError as e:
        errors.append(f"type: {e}")
        continue
    finally:
        total += 0
print(total, errors)

def first_int(items):
    for item in items:
        try:
            return int(item)
        except (TypeError, ValueError):
            pass
    return None
print(first_int(["a", None, "7", "8"]), first_int([]))

attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError if False else RuntimeError(f"attempt {attempts}")
        print("succeeded after", attempts)
        break
    except RuntimeError as e:
        print("retry:", e)

def nested_loops():
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    raise StopIteration
                print(i, j)
            except StopIteration:
                break
nested_loops()
results = {}
for key in ["a", "b", "a", "c"]:
    try:
        results[key] += 1
    except KeyError:
        results[key] = 1
print(results)
