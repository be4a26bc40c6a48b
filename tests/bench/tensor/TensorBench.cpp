// Small-tensor op overhead (the engine's compiled `x * y` budget) and a mid-size matmul.
#include <benchmark/benchmark.h>

#include "core/tensor/Ops.h"

using namespace gs::tensor;

static void BM_Mul4Float(benchmark::State& state) {
    Tensor x = randn({4}), y = randn({4});
    for (auto _ : state) {
        Tensor z = mul(x, y);
        benchmark::DoNotOptimize(z.data());
    }
}
BENCHMARK(BM_Mul4Float);

static void BM_MulScalar4Float(benchmark::State& state) {
    Tensor x = randn({4});
    for (auto _ : state) {
        Tensor z = mul(x, 2.0);
        benchmark::DoNotOptimize(z.data());
    }
}
BENCHMARK(BM_MulScalar4Float);

static void BM_AddInplace4Float(benchmark::State& state) {
    Tensor x = randn({4}), y = randn({4});
    for (auto _ : state) {
        add_(x, y);
        benchmark::DoNotOptimize(x.data());
    }
}
BENCHMARK(BM_AddInplace4Float);

static void BM_AddBroadcast64x64(benchmark::State& state) {
    Tensor x = randn({64, 64}), y = randn({64});
    for (auto _ : state) {
        Tensor z = add(x, y);
        benchmark::DoNotOptimize(z.data());
    }
}
BENCHMARK(BM_AddBroadcast64x64);

static void BM_Matmul256(benchmark::State& state) {
    Tensor a = randn({256, 256}), b = randn({256, 256});
    for (auto _ : state) {
        Tensor c = matmul(a, b);
        benchmark::DoNotOptimize(c.data());
    }
    state.SetItemsProcessed(state.iterations() * 2 * 256 * 256 * 256);
}
BENCHMARK(BM_Matmul256)->Unit(benchmark::kMillisecond);

static void BM_SumRows256(benchmark::State& state) {
    Tensor a = randn({256, 256});
    for (auto _ : state) {
        Tensor s = sum(a, {1});
        benchmark::DoNotOptimize(s.data());
    }
}
BENCHMARK(BM_SumRows256)->Unit(benchmark::kMicrosecond);

static void BM_Repr3x3(benchmark::State& state) {
    Tensor a = randn({3, 3});
    for (auto _ : state) {
        std::string s = a.repr();
        benchmark::DoNotOptimize(s.data());
    }
}
BENCHMARK(BM_Repr3x3)->Unit(benchmark::kMicrosecond);
