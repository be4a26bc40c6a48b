#pragma once
// A Python literal as the binding layer sees it: a number, a bool, or a list of NestedValues
// (torch.tensor([[1, 2], [3, 4]])).
#include <cstdint>
#include <variant>
#include <vector>

namespace gs::tensor {

struct NestedValue {
    using List = std::vector<NestedValue>;
    std::variant<bool, int64_t, double, List> value;

    NestedValue() : value(List{}) {}
    NestedValue(bool v) : value(v) {}                   // NOLINT
    NestedValue(int v) : value(static_cast<int64_t>(v)) {} // NOLINT
    NestedValue(int64_t v) : value(v) {}                // NOLINT
    NestedValue(double v) : value(v) {}                 // NOLINT
    NestedValue(List v) : value(std::move(v)) {}        // NOLINT
    NestedValue(std::initializer_list<NestedValue> v) : value(List(v)) {}

    bool isList() const { return std::holds_alternative<List>(value); }
    const List& list() const { return std::get<List>(value); }
};

} // namespace gs::tensor
