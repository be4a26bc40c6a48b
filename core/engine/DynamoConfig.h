#pragma once
// torch._dynamo.config: the knobs of dynamo-semantics §1.4 and §3.1, with PyTorch's names,
// defaults and aliases (cache_size_limit = recompile_limit, …). Values are typed. Knobs marked
// compile-ignored (PyTorch's `# [@compile_ignored]`) do not change what a trace produces; the
// others make up the config hash a cache entry is compiled under (config.get_hash()).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/engine/TorchRelease.h"

namespace gs::engine {

// std::monostate is Python's None (knobs such as repro_after default to None and take a str).
using ConfigValue = std::variant<bool, int64_t, double, std::string, std::monostate>;

struct ConfigEntry {
    std::string name;
    ConfigValue value;
    ConfigValue defaultValue;
    std::vector<std::string> aliases;
    std::string doc;
    bool implemented = true;   // false: accepted and stored, but the engine ignores it (documented)
    bool compileIgnored = false;  // not part of the config hash
};

class DynamoConfig {
public:
    DynamoConfig();
    // Index of a knob by name or alias; nullopt if unknown.
    std::optional<size_t> find(const std::string& name) const;
    // The knobs that belong to torch.fx.experimental._config (not saved with a compile's
    // torch._dynamo.config snapshot: read live, as PyTorch reads that module).
    static constexpr const char* kFxExperimentalKnobs[] = {"use_duck_shape", "translation_validation",
                                                           "symbol_guard_limit_before_specialize"};
    const ConfigEntry& entry(size_t i) const { return entries_[i]; }
    const std::vector<ConfigEntry>& entries() const { return entries_; }
    // Sets a knob; returns an error sentence when the type does not fit (bool for an int knob is
    // accepted as Python would).
    std::optional<std::string> set(size_t i, const ConfigValue& v);
    void resetToDefaults();
    // Names and defaults of the release emulated (docs/torch-versions.md): before 2.6 the limit
    // knobs are only cache_size_limit / accumulated_cache_size_limit / fail_on_cache_limit_hit,
    // and specialize_float defaults to True.
    void applyRelease(const TorchRelease& release);
    // Bumped by every change: lets callers cache what they derive from the config.
    uint64_t generation() const { return generation_; }
    // 64-bit hash of the knobs that are not compile-ignored (cached until the next change).
    uint64_t hash() const;
    // The names (and aliases) of the compile-ignored knobs: config._compile_ignored_keys.
    std::vector<std::string> compileIgnoredKeys() const;
    // "name: old -> new" for each knob that is not compile-ignored and differs from `other`.
    std::vector<std::string> differences(const DynamoConfig& other) const;
    // Python repr of a value (True, 8, 'dynamic', None).
    static std::string repr(const ConfigValue& v);
    // Snapshot as a JSON object (session config, compilation_metrics.dynamo_config).
    std::string toJson() const;

    // Fast typed accessors for the knobs the engine reads on every compile.
    bool automaticDynamicShapes() const { return b(iAutomatic_); }
    bool assumeStaticByDefault() const { return b(iAssumeStatic_); }
    std::string automaticDynamicShapesMarkAs() const { return std::get<std::string>(entries_[iMarkAs_].value); }
    bool specializeInt() const { return b(iSpecializeInt_); }
    bool forceParameterStaticShapes() const { return b(iForceParam_); }
    bool forceNnModulePropertyStaticShapes() const { return b(iForceModuleProp_); }
    bool allowUnspecIntOnNnModule() const { return b(iUnspecIntModule_); }
    int64_t recompileLimit() const { return i(iRecompileLimit_); }
    int64_t accumulatedRecompileLimit() const { return i(iAccumulated_); }
    bool failOnRecompileLimitHit() const { return b(iFailOnLimit_); }
    bool errorOnRecompile() const { return b(iErrorOnRecompile_); }
    bool allowIgnoreMarkDynamic() const { return b(iAllowIgnoreMark_); }
    bool skipNoTensorAliasingGuardsOnParameters() const { return b(iSkipAliasParams_); }
    bool debugDisableCompileCounter() const { return b(iDebugDisableCounter_); }
    bool useDuckShape() const { return b(iDuckShape_); }
    bool specializeFloat() const { return b(iSpecializeFloat_); }
    bool captureScalarOutputs() const { return b(iCaptureScalar_); }
    bool inlineInbuiltNnModules() const { return b(iInlineNnModules_); }
    bool guardNnModules() const { return b(iGuardNnModules_); }
    std::optional<int64_t> symbolGuardLimitBeforeSpecialize() const;

private:
    bool b(size_t k) const;
    int64_t i(size_t k) const;
    size_t add(ConfigEntry e);
    std::vector<ConfigEntry> entries_;
    mutable uint64_t hash_ = 0;
    uint64_t generation_ = 1;
    mutable bool hashValid_ = false;
    size_t iAutomatic_, iAssumeStatic_, iMarkAs_, iSpecializeInt_, iForceParam_, iForceModuleProp_, iUnspecIntModule_,
        iRecompileLimit_, iAccumulated_, iFailOnLimit_, iErrorOnRecompile_, iAllowIgnoreMark_, iSkipAliasParams_,
        iDebugDisableCounter_, iDuckShape_, iSpecializeFloat_, iCaptureScalar_, iInlineNnModules_, iGuardNnModules_, iGuardLimit_;
};

} // namespace gs::engine
