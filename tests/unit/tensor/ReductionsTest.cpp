#include <cmath>

#include "TensorTestUtil.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(ReductionsTest, SumMeanProdWithDims) {
    Tensor x = view(arange(6.0), {2, 3});
    EXPECT_EQ(sum(x).item().toDouble(), 15);
    EXPECT_EQ(sum(x).dim(), 0);
    EXPECT_EQ(V(sum(x, {0})), (std::vector<double>{3, 5, 7}));
    EXPECT_EQ(V(sum(x, {-1})), (std::vector<double>{3, 12}));
    EXPECT_EQ(sum(x, {1}, true).sizes(), (DimVector{2, 1}));
    EXPECT_EQ(V(mean(x, {1})), (std::vector<double>{1, 4}));
    EXPECT_EQ(mean(x).item().toDouble(), 2.5);
    EXPECT_EQ(V(prod(x, 1)), (std::vector<double>{0, 60}));
    EXPECT_EQ(sum(T({1, 2}, DType::Int32)).dtype(), DType::Int64);
    EXPECT_EQ(sum(T({1, 1}, DType::Bool)).item().toInt(), 2);
    expectError([] { mean(T({1, 2}, DType::Int64)); }, ErrorKind::RuntimeError,
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
                "Got: Long");
    expectError([&] { sum(x, {0, -2}); }, ErrorKind::RuntimeError, "dim 0 appears multiple times in the list of dims");
    expectError([&] { sum(x, {2}); }, ErrorKind::IndexError,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
}

TEST(ReductionsTest, MaxMinArgmax) {
    Tensor x = T({3, 7, 7, 1, 9, 2}, {2, 3});
    EXPECT_EQ(max(x).item().toDouble(), 9);
    EXPECT_EQ(min(x).item().toDouble(), 1);
    auto [vals, idx] = max(x, 1);
    EXPECT_EQ(V(vals), (std::vector<double>{7, 9}));
    EXPECT_EQ(V(idx), (std::vector<double>{1, 1})); // first of the tied 7s
    EXPECT_EQ(idx.dtype(), DType::Int64);
    EXPECT_EQ(argmax(x).item().toInt(), 4);
    EXPECT_EQ(V(argmin(x, 0)), (std::vector<double>{1, 0, 1}));
    EXPECT_EQ(V(amax(x, {0})), (std::vector<double>{3, 9, 7}));
    EXPECT_EQ(argmax(x, 1, true).sizes(), (DimVector{2, 1}));
    EXPECT_TRUE(std::isnan(max(T({1, NAN, 3})).item().toDouble()));
    expectError([] { max(zeros({0})); }, ErrorKind::RuntimeError,
                "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the "
                "'dim' argument.");
    expectError([] { amax(zeros({0, 2}), {0}); }, ErrorKind::IndexError,
                "amax(): Expected reduction dim 0 to have non-zero size.");
}

TEST(ReductionsTest, VarStdNormAllAny) {
    Tensor x = T({1, 2, 3, 4});
    EXPECT_NEAR(var(x).item().toDouble(), 1.6666666, 1e-6);
    EXPECT_NEAR(gs::tensor::std(x).item().toDouble(), 1.2909944, 1e-6);
    EXPECT_NEAR(var(x, std::nullopt, 0).item().toDouble(), 1.25, 1e-7);
    EXPECT_NEAR(norm(x).item().toDouble(), std::sqrt(30.0), 1e-6);
    EXPECT_NEAR(norm(x, 1).item().toDouble(), 10, 1e-6);
    EXPECT_EQ(V(norm(T({3, 4, 6, 8}, {2, 2}), 2, DimVector{1})), (std::vector<double>{5, 10}));
    EXPECT_TRUE(all(T({1, 2})).item().toBool());
    EXPECT_FALSE(all(T({1, 0})).item().toBool());
    EXPECT_TRUE(any(T({0, 2})).item().toBool());
    EXPECT_EQ(any(T({0, 2})).dtype(), DType::Bool);
    EXPECT_EQ(V(all(T({1, 0, 1, 1}, {2, 2}), 1)), (std::vector<double>{0, 1}));
    expectError([] { var(T({1, 2}, DType::Int64)); }, ErrorKind::RuntimeError,
                "std and var only support floating point and complex dtypes");
}

TEST(ReductionsTest, SoftmaxAndLogSoftmax) {
    Tensor x = T({1, 2, 3, 1, 1, 1}, {2, 3});
    Tensor s = softmax(x, -1);
    std::vector<double> v = V(s);
    EXPECT_NEAR(v[0], 0.09003057, 1e-7);
    EXPECT_NEAR(v[2], 0.66524096, 1e-7);
    EXPECT_NEAR(v[3], 1.0 / 3, 1e-7);
    Tensor s0 = softmax(x, 0);
    EXPECT_NEAR(V(s0)[0], 0.5, 1e-7);
    EXPECT_NEAR(V(sum(s0, {0}))[1], 1.0, 1e-6);
    EXPECT_NEAR(V(log_softmax(x, 1))[2], std::log(0.66524096), 1e-6);
    expectError([] { softmax(T({1, 2}, DType::Int64), 0); }, ErrorKind::RuntimeError,
                "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'");
    EXPECT_EQ(softmax(T({1, 2}, DType::Int64), 0, DType::Float32).dtype(), DType::Float32);
}

TEST(LinearAlgebraTest, MatmulShapes) {
    Tensor a = view(arange(6.0), {2, 3});
    Tensor b = view(arange(12.0), {3, 4});
    Tensor c = matmul(a, b);
    EXPECT_EQ(c.sizes(), (DimVector{2, 4}));
    EXPECT_EQ(V(c), (std::vector<double>{20, 23, 26, 29, 56, 68, 80, 92}));
    EXPECT_EQ(matmul(T({1, 2, 3}), T({4, 5, 6})).item().toDouble(), 32);
    EXPECT_EQ(matmul(T({1, 2, 3}), T({4, 5, 6})).dim(), 0);
    EXPECT_EQ(V(matmul(a, T({1, 1, 1}))), (std::vector<double>{3, 12}));
    EXPECT_EQ(V(matmul(T({1, 1}), a)), (std::vector<double>{3, 5, 7}));
    Tensor batch = view(arange(24.0), {2, 2, 3, 2});
    EXPECT_EQ(matmul(batch, view(arange(6.0), {2, 3})).sizes(), (DimVector{2, 2, 3, 3}));
    EXPECT_EQ(matmul(zeros({5, 1, 2, 3}), zeros({4, 3, 7})).sizes(), (DimVector{5, 4, 2, 7}));
    EXPECT_EQ(matmul(T({1, 1}), zeros({4, 2, 3})).sizes(), (DimVector{4, 3}));
    EXPECT_EQ(matmul(zeros({4, 2, 3}), T({1, 1, 1})).sizes(), (DimVector{4, 2}));
    Tensor bb = bmm(view(arange(12.0), {2, 2, 3}), view(arange(12.0), {2, 3, 2}));
    EXPECT_EQ(V(bb), (std::vector<double>{10, 13, 28, 40, 172, 193, 244, 274}));
    EXPECT_EQ(V(matmul(t(a), a)), V(mm(contiguous(t(a)), a)));
    EXPECT_EQ(V(matmul(T({1, 2}, DType::Int64), T({3, 4}, DType::Int64))), (std::vector<double>{11}));
}

TEST(LinearAlgebraTest, ErrorsMatchPyTorch) {
    expectError([] { matmul(zeros({2, 3}), zeros({4, 5})); }, ErrorKind::RuntimeError,
                "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    expectError([] { matmul(zeros({3}), zeros({4})); }, ErrorKind::RuntimeError,
                "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 "
                "and 4 elements respectively");
    expectError([] { matmul(zeros({2, 3}), zeros({4})); }, ErrorKind::RuntimeError,
                "size mismatch, got input (2), mat (2x3), vec (4)");
    expectError([] { matmul(scalar_tensor(1.0), zeros({2})); }, ErrorKind::RuntimeError,
                "both arguments to matmul need to be at least 1D, but they are 0D and 1D");
    expectError([] { mm(zeros({2, 2}), zeros({2, 2}, {DType::Float64})); }, ErrorKind::RuntimeError,
                "expected mat1 and mat2 to have the same dtype, but got: float != double");
    expectError([] { bmm(zeros({2, 2, 3}), zeros({2, 4, 2})); }, ErrorKind::RuntimeError,
                "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].");
}

TEST(LinearAlgebraTest, LinearIsXWtPlusB) {
    Tensor x = T({1, 2, 3, 4, 5, 6}, {2, 3});
    Tensor w = T({1, 0, 0, 0, 1, 1}, {2, 3});
    Tensor b = T({10, 20});
    EXPECT_EQ(V(linear(x, w, b)), (std::vector<double>{11, 25, 14, 31}));
    EXPECT_EQ(linear(x, w).sizes(), (DimVector{2, 2}));
    expectError([&] { linear(x, T({1, 2}, {1, 2})); }, ErrorKind::RuntimeError,
                "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x1)");
    Tensor wg = clone(w);
    wg.setRequiresGrad(true);
    EXPECT_STREQ(linear(x, wg, b).gradFn(), "AddmmBackward0");
}

TEST(ShapeOpsTest, CatStackRepeat) {
    Tensor a = T({1, 2, 3, 4}, {2, 2}), b = T({5, 6}, {1, 2});
    EXPECT_EQ(V(cat({a, b}, 0)), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(cat({a, T({9, 9}, {2, 1})}, -1).sizes(), (DimVector{2, 3}));
    EXPECT_EQ(cat({T({1}, DType::Int64), T({0.5})}).dtype(), DType::Float32);
    expectError([&] { cat({a, b}, 1); }, ErrorKind::RuntimeError,
                "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 1 for tensor number 1 in "
                "the list.");
    expectError([] { cat({}); }, ErrorKind::RuntimeError, "torch.cat(): expected a non-empty list of Tensors");
    Tensor s = stack({T({1, 2}), T({3, 4})}, 1);
    EXPECT_EQ(s.sizes(), (DimVector{2, 2}));
    EXPECT_EQ(V(s), (std::vector<double>{1, 3, 2, 4}));
    expectError([] { stack({T({1, 2}), T({3})}); }, ErrorKind::RuntimeError,
                "stack expects each tensor to be equal size, but got [2] at entry 0 and [1] at entry 1");
    Tensor r = repeat(T({1, 2}), {2, 2});
    EXPECT_EQ(r.sizes(), (DimVector{2, 4}));
    EXPECT_EQ(V(r), (std::vector<double>{1, 2, 1, 2, 1, 2, 1, 2}));
    expectError([] { repeat(zeros({2, 2}), {2}); }, ErrorKind::RuntimeError,
                "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
}

TEST(ShapeOpsTest, IndexSelectMaskedFillTriangles) {
    Tensor x = view(arange(6.0), {3, 2});
    EXPECT_EQ(V(index_select(x, 0, T({2, 0}, DType::Int64))), (std::vector<double>{4, 5, 0, 1}));
    expectError([&] { index_select(x, 0, T({3}, DType::Int64)); }, ErrorKind::IndexError, "index out of range in self");
    expectError([&] { index_select(x, 0, T({1})); }, ErrorKind::RuntimeError,
                "index_select(): Expected dtype int32 or int64 for index");
    Tensor m = masked_fill(x, gt(x, 2.0), -1.0);
    EXPECT_EQ(V(m), (std::vector<double>{0, 1, 2, -1, -1, -1}));
    expectError([&] { masked_fill(x, x, 0.0); }, ErrorKind::RuntimeError,
                "masked_fill_ only supports boolean masks, but got mask with dtype Float");
    Tensor sq = ones({3, 3});
    EXPECT_EQ(V(tril(sq)), (std::vector<double>{1, 0, 0, 1, 1, 0, 1, 1, 1}));
    EXPECT_EQ(V(triu(sq, 1)), (std::vector<double>{0, 1, 1, 0, 0, 1, 0, 0, 0}));
    expectError([] { tril(ones({3})); }, ErrorKind::RuntimeError, "tril: input tensor must have at least 2 dimensions");
    EXPECT_EQ(V(flip(T({1, 2, 3}), {0})), (std::vector<double>{3, 2, 1}));
}
