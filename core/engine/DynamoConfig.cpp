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
    const ConfigValue none = std::monostate{};
    iAutomatic_ = add({"automatic_dynamic_shapes", true, {}, {}, "a dim seen with two sizes is recompiled as dynamic"});
    iAssumeStatic_ = add({"assume_static_by_default", true, {}, {}, "first compile of a frame is static"});
    iMarkAs_ = add({"automatic_dynamic_shapes_mark_as", S("dynamic"), {}, {}, "dynamic | unbacked | oblivious"});
    iSpecializeInt_ = add({"specialize_int", false, {}, {}, "specialize every Python int"});
    iSpecializeFloat_ = add({"specialize_float", false, {}, {}, "specialize every Python float"});
    iForceParam_ = add({"force_parameter_static_shapes", true, {}, {}, "nn.Parameter inputs are always static"});
    iForceModuleProp_ = add({"force_nn_module_property_static_shapes", true, {}, {}, "module-owned tensors are static"});
    iUnspecIntModule_ = add({"allow_unspec_int_on_nn_module", false, {}, {}, "int module attributes may become dynamic"});
    iRecompileLimit_ = add({"recompile_limit", int64_t(8), {}, {"cache_size_limit"}, "entries per code object", true, true});
    iAccumulated_ = add({"accumulated_recompile_limit", int64_t(256), {}, {"accumulated_cache_size_limit"},
                         "entries per code object, all ID_MATCH buckets", true, true});
    iFailOnLimit_ = add({"fail_on_recompile_limit_hit", false, {}, {"fail_on_cache_limit_hit"},
                         "raise instead of falling back to eager at the limit", true, true});
    iErrorOnRecompile_ = add({"error_on_recompile", false, {}, {}, "raise RecompileError on any recompile", true, true});
    iAllowIgnoreMark_ = add({"allow_ignore_mark_dynamic", false, {}, {}, "mark_dynamic may be specialized silently"});
    add({"automatic_dynamic_exclusion_guard", false, {}, {}, "guards excluding earlier static sizes", false});
    add({"automatic_dynamic_local_pgo", true, {}, {}, "persist frame state (no effect without a job id)", false});
    iSkipAliasParams_ = add({"skip_no_tensor_aliasing_guards_on_parameters", true, {}, {},
                             "parameters are left out of NO_TENSOR_ALIASING"});
    iInlineNnModules_ = add({"inline_inbuilt_nn_modules", true, {}, {}, "modules are inlined, not ID_MATCHed"});
    iDebugDisableCounter_ = add({"debug_disable_compile_counter", false, {}, {}, "CompileCounter.frame_count equals anything"});
    iCaptureScalar_ = add({"capture_scalar_outputs", false, {}, {}, "item() stays in the graph (an unbacked SymInt/SymFloat)"});
    add({"capture_dynamic_output_shape_ops", false, {}, {}, "", false});
    iGuardNnModules_ = add({"guard_nn_modules", false, {}, {}, "guard module dicts (parameters, buffers, submodules)"});
    add({"suppress_errors", false, {}, {}, "", false});
    add({"verbose", false, {}, {}, "", false, true});
    add({"optimize_ddp", true, {}, {}, "", false});
    add({"dead_code_elimination", true, {}, {}, "", false});
    add({"raise_on_ctx_manager_usage", true, {}, {}, "", false});
    add({"log_compilation_metrics", true, {}, {}, "", false, true});
    add({"use_lamba_guard_for_object_aliasing", true, {}, {}, "object aliasing relations as one lambda guard", false});
    add({"debug_force_nested_calls", false, {}, {}, "", false});
    add({"skip_code_recursive_on_recompile_limit_hit", true, {}, {}, "", false, true});
    add({"enable_cpp_symbolic_shape_guards", false, {}, {}, "", false});
    add({"skip_tensor_guards_with_matching_dict_tags", true, {}, {},
         "tensors in unchanged module dicts skip tensor guards (Guardscope always guards them)", false});
    add({"skip_nnmodule_hook_guards", true, {}, {},
         "module hook dicts are not guarded (Guardscope always guards them: adding or removing a hook recompiles)", false});
    // torch.fx.experimental._config: checks PyTorch's own guard simplification with z3; no
    // effect on which guards exist.
    add({"translation_validation", false, {}, {}, "", false, true});
    // Knobs PyTorch marks compile-ignored (debugging and reporting only).
    for (const char* k : {"log_file_name", "repro_after", "repro_level", "base_dir", "debug_dir_root", "DEBUG_DIR_VAR_NAME"})
        add({k, none, {}, {}, "", false, true});
    for (const char* k : {"verify_correctness", "replay_record_enabled", "cprofile", "repro_forward_only",
                          "same_two_models_use_fp64", "report_guard_failures", "print_graph_breaks"})
        add({k, false, {}, {}, "", false, true});
    add({"repro_tolerance", 1e-3, {}, {}, "", false, true});
    iDuckShape_ = add({"use_duck_shape", true, {}, {}, "equal sizes share a symbol under dynamic=True"});
    iGuardLimit_ = add({"symbol_guard_limit_before_specialize", none, {}, {},
                        "a size symbol with more shape guards than this is specialized to its value", true, true});
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
    hashValid_ = false;
    ++generation_;
    // Optional knobs (default None) take None or any value.
    if (e.value.index() == v.index() || std::holds_alternative<std::monostate>(e.defaultValue) ||
        std::holds_alternative<std::monostate>(v)) {
        if (std::holds_alternative<std::monostate>(v) && !std::holds_alternative<std::monostate>(e.defaultValue))
            return "torch._dynamo.config." + e.name + " cannot be None";
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
    static const char* names[] = {"bool", "int", "float", "str", "None"};
    return "torch._dynamo.config." + e.name + " expects a " + names[e.value.index()] + ", got a " + names[v.index()];
}

void DynamoConfig::resetToDefaults() {
    for (auto& e : entries_) e.value = e.defaultValue;
    hashValid_ = false;
    ++generation_;
}

void DynamoConfig::applyRelease(const TorchRelease& release) {
    if (!release.hasRecompileLimitName())
        for (size_t k : {iRecompileLimit_, iAccumulated_, iFailOnLimit_}) {
            ConfigEntry& e = entries_[k];
            std::swap(e.name, e.aliases.front());
            e.aliases.clear();  // the newer name does not exist yet
        }
    if (!release.floatsDynamicByDefault()) {
        entries_[iSpecializeFloat_].value = entries_[iSpecializeFloat_].defaultValue = true;
    }
    hashValid_ = false;
    ++generation_;
}

std::string DynamoConfig::repr(const ConfigValue& v) {
    if (auto* pb = std::get_if<bool>(&v)) return *pb ? "True" : "False";
    if (auto* pi = std::get_if<int64_t>(&v)) return std::to_string(*pi);
    if (auto* pd = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *pd);
        return buf;
    }
    if (auto* ps = std::get_if<std::string>(&v)) return "'" + *ps + "'";
    return "None";
}

uint64_t DynamoConfig::hash() const {
    if (hashValid_) return hash_;
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
    };
    for (const auto& e : entries_) {
        if (e.compileIgnored) continue;
        mix(e.name);
        mix("=");
        mix(repr(e.value));
        mix(";");
    }
    hash_ = h;
    hashValid_ = true;
    return h;
}

std::vector<std::string> DynamoConfig::compileIgnoredKeys() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) {
        if (!e.compileIgnored) continue;
        out.push_back(e.name);
        out.insert(out.end(), e.aliases.begin(), e.aliases.end());
    }
    return out;
}

std::vector<std::string> DynamoConfig::differences(const DynamoConfig& other) const {
    std::vector<std::string> out;
    for (size_t k = 0; k < entries_.size() && k < other.entries_.size(); ++k) {
        if (entries_[k].compileIgnored || entries_[k].value == other.entries_[k].value) continue;
        out.push_back(entries_[k].name + ": " + repr(other.entries_[k].value) + " -> " + repr(entries_[k].value));
    }
    return out;
}

bool DynamoConfig::b(size_t k) const { return std::get<bool>(entries_[k].value); }
int64_t DynamoConfig::i(size_t k) const { return std::get<int64_t>(entries_[k].value); }

std::optional<int64_t> DynamoConfig::symbolGuardLimitBeforeSpecialize() const {
    const ConfigValue& v = entries_[iGuardLimit_].value;
    if (const auto* n = std::get_if<int64_t>(&v)) return *n;
    if (const auto* b = std::get_if<bool>(&v)) return int64_t(*b);
    return std::nullopt;
}

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
        } else if (auto* ps = std::get_if<std::string>(&v)) out += "\"" + *ps + "\"";
        else out += "null";
    }
    return out + "}";
}

} // namespace gs::engine
