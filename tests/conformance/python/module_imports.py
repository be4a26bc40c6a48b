import math
import math as m
from math import sqrt, pi as PI
from collections import *
import itertools, functools
from unittest import mock
import unittest.mock
import typing
print(m is math, sqrt(9), PI == math.pi, "OrderedDict" in dir() or True, mock.patch is unittest.mock.patch)
print(math.__name__, type(math).__name__, hasattr(math, "floor"), callable(functools.partial))
def local_import():
    import random as r
    from itertools import count
    return r.__name__, next(count(5))
print(local_import())
print(__name__)
try:
    import definitely_missing.sub
except ModuleNotFoundError as e:
    print(e)
try:
    from itertools import nope
except ImportError as e:
    print(type(e).__name__)
print(deque([1]), defaultdict)
