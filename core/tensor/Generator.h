#pragma once
// Deterministic random numbers: Philox4x32-10 (a counter-based generator, the same family
// PyTorch's CUDA generator uses) keyed by the seed. Normals come from Box-Muller in double
// precision. Nothing comes from <random>'s distributions, whose output differs between standard
// libraries, so a seed gives the same numbers on every machine. The values do not match
// PyTorch's CPU generator (mt19937); only the determinism contract does.
#include <array>
#include <cstdint>

namespace gs::tensor {

class Generator {
public:
    static constexpr uint64_t kDefaultSeed = 67280421310721ULL; // torch's default_rng_seed_val

    explicit Generator(uint64_t seed = kDefaultSeed) { manualSeed(seed); }

    void manualSeed(uint64_t seed);
    uint64_t initialSeed() const { return seed_; }

    uint32_t nextUint32();
    uint64_t nextUint64();
    float nextFloat();   // uniform [0, 1), 24 random bits
    double nextDouble(); // uniform [0, 1), 53 random bits
    double nextNormal(); // standard normal

    // Everything needed to replay (torch.get_rng_state / set_rng_state).
    struct State {
        uint64_t seed = 0;
        uint64_t counter = 0;
        std::array<uint32_t, 4> buffer{};
        uint32_t index = 4;
        bool hasCachedNormal = false;
        double cachedNormal = 0.0;
        friend bool operator==(const State&, const State&) = default;
    };
    State state() const;
    void setState(const State& s);

    // torch.default_generator: one per thread (the engine runs a scenario on one thread); it
    // starts at kDefaultSeed and the runner reseeds it at the start of each run.
    static Generator& defaultGenerator();

private:
    void refill();

    uint64_t seed_ = 0;
    uint64_t counter_ = 0;
    std::array<uint32_t, 4> buffer_{};
    uint32_t index_ = 4;
    bool hasCachedNormal_ = false;
    double cachedNormal_ = 0.0;
};

// Philox4x32-10 block function: exposed so tests can check it against the published vectors.
std::array<uint32_t, 4> philox4x32(std::array<uint32_t, 4> counter, std::array<uint32_t, 2> key);

} // namespace gs::tensor
