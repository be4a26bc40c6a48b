#include "core/engine/ValueMeta.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace gs::engine {
namespace {

// A product of sizes printed as sympy prints a Mul: the number first, then the factors in
// name order, repeated factors as powers (3*s17*s77, s0**2).
std::string productText(int64_t coefficient, std::vector<std::string> factors) {
    if (coefficient == 0) return "0";
    std::sort(factors.begin(), factors.end());
    std::string out = coefficient != 1 || factors.empty() ? std::to_string(coefficient) : "";
    for (size_t i = 0; i < factors.size();) {
        size_t j = i;
        while (j < factors.size() && factors[j] == factors[i]) ++j;
        std::string f = factors[i].find_first_of(" +-") != std::string::npos ? "(" + factors[i] + ")" : factors[i];
        if (j - i > 1) f += "**" + std::to_string(j - i);
        out += (out.empty() ? "" : "*") + f;
        i = j;
    }
    return out;
}

std::string listText(const std::vector<std::string>& items) {
    std::string s = "[";
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i];
    return s + "]";
}

} // namespace

ValueMeta ValueMeta::of(const ShapeEnv& env, const std::vector<SymPtr>& sizes, std::span<const int64_t> realSizes,
                        std::span<const int64_t> realStrides, std::string dtype, std::string device) {
    ValueMeta m;
    m.dtype = std::move(dtype);
    m.device = std::move(device);
    const size_t n = realSizes.size();
    std::vector<std::string> shape(n), stride(n);
    for (size_t i = 0; i < n; ++i)
        shape[i] = i < sizes.size() ? env.symbolText(sizes[i]) : std::to_string(realSizes[i]);
    m.shape = listText(shape);
    if (realStrides.size() != n) return m;
    // Dims from the smallest stride up (ties: the later dim first, as for a contiguous tensor).
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return realStrides[a] != realStrides[b] ? realStrides[a] < realStrides[b] : a > b;
    });
    int64_t expected = 1, coefficient = 1;
    std::vector<std::string> factors;
    bool dense = true;
    for (size_t d : order) {
        if (realSizes[d] != 1 && realStrides[d] != expected) {
            dense = false;
            break;
        }
        stride[d] = productText(coefficient, factors);
        expected *= realSizes[d];
        bool symbolic = d < sizes.size() && !sizes[d]->isConst();
        if (symbolic) factors.push_back(shape[d]);
        else coefficient *= realSizes[d];
    }
    if (!dense)
        for (size_t i = 0; i < n; ++i) stride[i] = std::to_string(realStrides[i]);
    m.stride = listText(stride);
    return m;
}

} // namespace gs::engine
