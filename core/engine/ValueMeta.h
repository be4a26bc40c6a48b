#pragma once
// How a traced tensor value is annotated in a printed graph (FX print_readable with
// include_stride / include_device, torch-trace-format §1.3.6): "f32[s77, 3][3, 1]cpu".
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/engine/ShapeEnv.h"
#include "core/engine/SymExpr.h"

namespace gs::engine {

struct ValueMeta {
    std::string shape;   // [s77, 3]
    std::string stride;  // [3, 1]
    std::string dtype;   // float32
    std::string device;  // cpu, cuda:0

    // Strides follow the symbolic sizes where the real tensor is dense (each stride the product
    // of the sizes of the dims with smaller strides, as for a fake tensor made from sizes), so a
    // contiguous [s77, s52] tensor prints [s52, 1]; other layouts print the real numbers.
    static ValueMeta of(const ShapeEnv& env, const std::vector<SymPtr>& sizes, std::span<const int64_t> realSizes,
                        std::span<const int64_t> realStrides, std::string dtype, std::string device);
};

} // namespace gs::engine
