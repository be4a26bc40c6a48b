#pragma once
// Modules the runtime provides itself (math, random, itertools, functools, sys, typing,
// unittest, unittest.mock, ...), created lazily on first import.
#include <string_view>

namespace gs::runtime {
class Interpreter;
class Module;

namespace stdlib {
bool has(std::string_view name);
// Fills the freshly created module `m` (already registered under `name`).
void init(Interpreter& I, std::string_view name, Module* m);
} // namespace stdlib

} // namespace gs::runtime
