#pragma once
// The PyTorch release whose behaviour the engine emulates where releases differ
// (`guardscope-cli run --torch-version X.Y`; default: the newest). Every behaviour that depends
// on it asks one of the named predicates below, so the list in docs/torch-versions.md and the
// code stay one table: add a predicate here, use it where the behaviour is, add a row there.
#include <optional>
#include <string>
#include <string_view>

namespace gs::engine {

class TorchRelease {
public:
    constexpr TorchRelease() = default;
    constexpr TorchRelease(int major, int minor) : major_(major), minor_(minor) {}

    // The releases the engine can emulate: oldest() .. newest().
    static constexpr TorchRelease oldest() { return {2, 3}; }
    static constexpr TorchRelease newest() { return {2, 10}; }
    // "2.5" -> 2.5; nullopt when malformed or outside oldest()..newest().
    static std::optional<TorchRelease> parse(std::string_view text);
    std::string str() const;  // "2.10"

    constexpr bool atLeast(int major, int minor) const {
        return major_ > major || (major_ == major && minor_ >= minor);
    }
    constexpr bool operator==(const TorchRelease&) const = default;

    // --- behaviours that differ between releases (docs/torch-versions.md) ------------------
    // Reasons print sources after strip_local_scope: `tensor 'x' …` (older: `tensor 'L['x']' …`).
    bool stripsLocalScope() const { return atLeast(2, 7); }
    // Symbols named after their source's hash (s77) rather than in creation order (s0, s1).
    bool hashedSymbolNames() const { return atLeast(2, 7); }
    // The limit knob is recompile_limit (cache_size_limit an alias); older: only cache_size_limit.
    bool hasRecompileLimitName() const { return atLeast(2, 6); }
    // torch._dynamo.config.specialize_float defaults to False (floats are not specialized).
    bool floatsDynamicByDefault() const { return atLeast(2, 6); }
    // automatic_dynamic_shapes_mark_as accepts "oblivious" (removed later).
    bool acceptsObliviousMarkAs() const { return !atLeast(2, 6); }
    // A parameter's failing TENSOR_MATCH suggests force_parameter_static_shapes = False.
    bool parameterGuardHint() const { return atLeast(2, 5); }
    // TENSOR_MATCH type failure: "expected type of 'b' to be <class 'torch.Tensor'>, but found …"
    // (older: "expected type of 'b' to be a tensor type, ' but found …").
    bool tensorTypeReasonNamesClass() const { return atLeast(2, 10); }
    // NO_TENSOR_ALIASING reasons also name the sources that no longer evaluate.
    bool aliasingReasonNamesUnavailableSources() const { return atLeast(2, 10); }
    // torch.compile(..., recompile_limit=N) exists.
    bool compileTakesRecompileLimit() const { return atLeast(2, 10); }
    // Limit hit under fullgraph / fail_on_recompile_limit_hit raises FailOnRecompileLimitHit
    // "Hard failure due to …" (2.6–2.7: "recompile_limit reached with fullgraph=True…"; older:
    // Unsupported("cache_size_limit reached")).
    bool hardFailureTexts() const { return atLeast(2, 8); }
    // bools are guarded with BOOL_MATCH (older: ID_MATCH ___check_obj_id).
    bool boolMatch() const { return atLeast(2, 4); }

private:
    int major_ = 2, minor_ = 10;
};

} // namespace gs::engine
