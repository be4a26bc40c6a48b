#include "core/engine/DynamoConfig.h"

#include <cstdio>

namespace gs::engine {

size_t DynamoConfig::add(ConfigEntry e) {
    e.defaultValue = e.value;
    entries_.push_back(std::move(e));
    return entries_.size() - 1;
}

DynamoConfig::DynamoConfig() {
    using S = std::string;
    iAutomatic_ = add({"automatic_dynamic_shapes", true, {}, {}, "a dim seen with two sizes is recompiled as dynamic"});
    iAssumeStatic_ = add({"assume_static_by_default", true, {}, {}, "first compile of a frame is static"});
    iMarkAs_ = add({"automatic_dynamic_shapes_mark_as", S("dynamic"), {}, {}, "dynamic | unbacked"});
    iSpecializeInt_ = add({"specialize_int", false, {}, {}, "specialize every Python int"});
    add({"specialize_float", false, {}, {}, "specialize every Python float", false});
    iForceParam_ = add({"force_parameter_static_shapes", true, {}, {}, "nn.Parameter inputs are always static"});
    iForceModuleProp_ = add({"force_nn_module_property_static_shapes", true, {}, {}, "module-owned tensors are static"});
    iUnspecIntModule_ = add({"allow_unspec_int_on_nn_module", false, {}, {}, "int module attributes may become dynamic"});
    iRecompileLimit_ = add({"recompile_limit", int64_t(8), {}, {"cache_size_limit"}, "entries per code object"});
    iAccumulated_ = add({"accumulated_recompile_limit", int64_t(256), {}, {"accumulated_cache_size_limit"},
                         "entries per code object, all ID_MATCH buckets"});
    iFailOnLimit_ = add({"fail_on_recompile_limit_hit", false, {}, {"fail_on_cache_limit_hit"},
                         "raise instead of falling back to eager at the limit"});
    iErrorOnRecompile_ = add({"error_on_recompile", false, {}, {}, "raise RecompileError on any recompile"});
    iAllowIgnoreMark_ = add({"allow_ignore_mark_dynamic", false, {}, {}, "mark_dynamic may be specialized silently"});
    add({"automatic_dynamic_exclusion_guard", false, {}, {}, "guards excluding earlier static sizes", false});
    add({"automatic_dynamic_local_pgo", true, {}, {}, "persist frame state (no effect without a job id)", false});
    iSkipAliasParams_ = add({"skip_no_tensor_aliasing_guards_on_parameters", true, {}, {},
                             "parameters are left out of NO_TENSOR_ALIASING"});
    add({"inline_inbuilt_nn_modules", true, {}, {}, "modules are inlined, not ID_MATCHed", false});
    iDebugDisableCounter_ = add({"debug_disable_compile_counter", false, {}, {}, "CompileCounter.frame_count equals anything"});
    add({"capture_scalar_outputs", false, {}, {}, "item() stays in the graph", false});
    add({"capture_dynamic_output_shape_ops", false, {}, {}, "", false});
    add({"guard_nn_modules", false, {}, {}, "", false});
    add({"suppress_errors", false, {}, {}, "", false});
    add({"verbose", false, {}, {}, "", false});
    add({"optimize_ddp", true, {}, {}, "", false});
    iDuckShape_ = add({"use_duck_shape", true, {}, {}, "equal sizes share a symbol under dynamic=True"});
}

std::optional<size_t> DynamoConfig::find(const std::string& name) const {
    for (size_t k = 0; k < entries_.size(); ++k) {
        if (entries_[k].name == name) return k;
        for (const auto& a : entries_[k].aliases)
            if (a == name) return k;
    }
    return std::nullopt;
}

std::optional<std::string> DynamoConfig::set(size_t k, const ConfigValue& v) {
    ConfigEntry& e = entries_[k];
    if (e.value.index() == v.index()) {
        e.value = v;
        return std::nullopt;
    }
    if (std::holds_alternative<int64_t>(e.value) && std::holds_alternative<bool>(v)) {
        e.value = int64_t(std::get<bool>(v));
        return std::nullopt;
    }
    if (std::holds_alternative<double>(e.value) && std::holds_alternative<int64_t>(v)) {
        e.value = double(std::get<int64_t>(v));
        return std::nullopt;
    }
    if (std::holds_alternative<bool>(e.value) && std::holds_alternative<int64_t>(v)) {
        e.value = std::get<int64_t>(v) != 0;
        return std::nullopt;
    }
    static const char* names[] = {"bool", "int", "float", "str"};
    return "torch._dynamo.config." + e.name + " expects a " + names[e.value.index()] + ", got a " + names[v.index()];
}

void DynamoConfig::resetToDefaults() {
    for (auto& e : entries_) e.value = e.defaultValue;
}

bool DynamoConfig::b(size_t k) const { return std::get<bool>(entries_[k].value); }
int64_t DynamoConfig::i(size_t k) const { return std::get<int64_t>(entries_[k].value); }

std::string DynamoConfig::toJson() const {
    std::string out = "{";
    for (size_t k = 0; k < entries_.size(); ++k) {
        if (k) out += ", ";
        out += "\"" + entries_[k].name + "\": ";
        const auto& v = entries_[k].value;
        if (auto* pb = std::get_if<bool>(&v)) out += *pb ? "true" : "false";
        else if (auto* pi = std::get_if<int64_t>(&v)) out += std::to_string(*pi);
        else if (auto* pd = std::get_if<double>(&v)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", *pd);
            out += buf;
        } else out += "\"" + std::get<std::string>(v) + "\"";
    }
    return out + "}";
}

} // namespace gs::engine
