#include "core/session/CategoryColor.h"

#include <cstdio>

namespace gs::session {

CategoryColor CategoryColor::of(ReasonCategory c) {
    switch (c) {
    // shapes: orange
    case ReasonCategory::SizeChange: return {0xe6, 0x7e, 0x22};
    case ReasonCategory::StrideChange: return {0xe6, 0x9f, 0x00};
    case ReasonCategory::RankChange: return {0xc8, 0x6a, 0x10};
    case ReasonCategory::ShapeGuard: return {0xf0, 0xa8, 0x3c};
    case ReasonCategory::DynamicIndices: return {0xd0, 0x8a, 0x2a};
    case ReasonCategory::ZeroOneSpecialization: return {0xcc, 0x79, 0xa7};  // reddish purple
    case ReasonCategory::DuckSizing: return {0xf0, 0xe4, 0x42};             // yellow
    // types: vermillion
    case ReasonCategory::TypeChange: return {0xd5, 0x5e, 0x00};
    case ReasonCategory::DtypeChange: return {0xc0, 0x4e, 0x10};
    case ReasonCategory::DeviceChange: return {0xb8, 0x44, 0x00};
    case ReasonCategory::RequiresGradChange: return {0xdf, 0x6a, 0x1e};
    // values: sky blue
    case ReasonCategory::IntValueChange: return {0x56, 0xb4, 0xe9};
    case ReasonCategory::BoolFlip: return {0x44, 0xa4, 0xdc};
    case ReasonCategory::ConstantChange: return {0x74, 0xc2, 0xee};
    // identity: bluish green
    case ReasonCategory::Alias: return {0x00, 0x9e, 0x73};
    case ReasonCategory::ObjectIdentity: return {0x1a, 0x8a, 0x66};
    // modes: blue
    case ReasonCategory::TrainEval: return {0x00, 0x72, 0xb2};
    case ReasonCategory::GlobalState: return {0x1c, 0x5f, 0xa0};
    case ReasonCategory::Other: return {0x85, 0x85, 0x85};
    }
    return {0x85, 0x85, 0x85};
}

std::string CategoryColor::hex(ReasonCategory c) {
    const CategoryColor k = of(c);
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", k.r, k.g, k.b);
    return buf;
}

} // namespace gs::session
