#!/usr/bin/env python3
"""Reference AST dumps from CPython, in the format of gs::lang::dumpAst (core/lang/AstDump.h).

Used to write and check the expected strings of tests/unit/lang: the parser is tested against
CPython itself rather than against what we believe CPython does.

    python3 cpython_dump.py FILE        # dump the whole file
    python3 cpython_dump.py -c SOURCE   # dump one snippet

Differences from ast.dump: fields that are None or [] are left out (like 3.13's
show_empty=False), Constant.kind / type_comment / type_params are dropped, and FunctionDef gets
`generator=True` when its own body yields. f"{x=}" is not supported here (CPython folds the
debug text into a Constant; we keep it on the FormattedValue).
"""
import ast
import sys

ALWAYS = {("Constant", "value"), ("FormattedValue", "conversion"), ("ImportFrom", "level"),
          ("comprehension", "is_async"), ("AnnAssign", "simple")}
DROP = {"kind", "type_comment", "type_params", "type_ignores"}


def own_yield(fn):
    stack = list(fn.body)
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            # decorators / defaults belong to the enclosing scope
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)):
                stack.extend(n.decorator_list)
            continue
        stack.extend(ast.iter_child_nodes(n))
    return False


def fmt(node):
    if isinstance(node, list):
        return "[" + ", ".join(fmt(x) for x in node) + "]"
    if node is None:
        return "None"
    if not isinstance(node, ast.AST):
        if node is Ellipsis:
            return "Ellipsis"
        return repr(node)
    cls = type(node).__name__
    parts = []
    for name in node._fields:
        if name in DROP:
            continue
        value = getattr(node, name, None)
        if (cls, name) not in ALWAYS and (value is None or value == []):
            continue
        if cls == "ImportFrom" and name == "module" and value is None:
            continue
        parts.append(f"{name}={fmt(value)}")
    if cls == "FunctionDef" and own_yield(node):
        parts.append("generator=True")
    return f"{cls}({', '.join(parts)})"


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "-c":
        print(fmt(ast.parse(sys.argv[2])))
    else:
        with open(sys.argv[1], encoding="utf-8") as f:
            print(fmt(ast.parse(f.read(), sys.argv[1])))


if __name__ == "__main__":
    main()
