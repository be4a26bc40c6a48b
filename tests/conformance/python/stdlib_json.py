import json
print(json.dumps({"b": [1, 2.5, None, True], "a": "x\n\u00e9"}))
print(json.dumps({"b": 1, "a": {"c": []}}, sort_keys=True, indent=2))
print(json.dumps([1, "a"], separators=(",", ":")))
print(json.loads('{"a": [1, -2.5e3, "\\u00e9\\n", null, true, false], "b": {}}'))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print("error:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", str(e).split(" is ")[0])
print(json.dumps(float("nan")), json.dumps(1e100))
