#include "core/session/CategoryColor.h"

#include <cstdio>

namespace gs::session {

CategoryColor CategoryColor::of(ReasonCategory c) {
    switch (c) {
    case ReasonCategory::SizeChange: return {0xe6, 0x7e, 0x22};
    case ReasonCategory::StrideChange: return {0xd3, 0x54, 0x00};
    case ReasonCategory::RankChange: return {0xc0, 0x39, 0x2b};
    case ReasonCategory::DtypeChange: return {0x8e, 0x44, 0xad};
    case ReasonCategory::DeviceChange: return {0x9b, 0x59, 0xb6};
    case ReasonCategory::RequiresGradChange: return {0xb0, 0x6a, 0xb3};
    case ReasonCategory::TypeChange: return {0xe0, 0x4f, 0x8f};
    case ReasonCategory::Alias: return {0xc2, 0x8f, 0x00};
    case ReasonCategory::BoolFlip: return {0x16, 0xa0, 0x85};
    case ReasonCategory::IntValueChange: return {0x27, 0xae, 0x60};
    case ReasonCategory::ConstantChange: return {0x6a, 0x9a, 0x1f};
    case ReasonCategory::ObjectIdentity: return {0x00, 0x8b, 0x8b};
    case ReasonCategory::TrainEval: return {0x29, 0x80, 0xb9};
    case ReasonCategory::GlobalState: return {0x34, 0x5e, 0xc9};
    case ReasonCategory::ShapeGuard: return {0xf3, 0x9c, 0x12};
    case ReasonCategory::DynamicIndices: return {0xa0, 0x52, 0x2d};
    case ReasonCategory::DuckSizing: return {0xb8, 0x86, 0x0b};
    case ReasonCategory::ZeroOneSpecialization: return {0xcc, 0x79, 0xa7};
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
