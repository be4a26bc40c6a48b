#include <cmath>

#include "TensorTestUtil.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(BroadcastTest, ShapesAndValues) {
    Tensor a = view(arange(6.0), {2, 3});
    Tensor b = T({10, 20, 30});
    Tensor r = add(a, b);
    EXPECT_EQ(r.sizes(), (DimVector{2, 3}));
    EXPECT_EQ(V(r), (std::vector<double>{10, 21, 32, 13, 24, 35}));
    Tensor col = T({1, 2}, {2, 1});
    EXPECT_EQ(mul(col, b).sizes(), (DimVector{2, 3}));
    EXPECT_EQ(V(mul(col, b)), (std::vector<double>{10, 20, 30, 20, 40, 60}));
    EXPECT_EQ(broadcastShapes({5, 1, 4}, {3, 1}), (DimVector{5, 3, 4}));
}

TEST(BroadcastTest, ErrorTextNamesTheOutputDim) {
    expectError([] { add(zeros({3}), zeros({4})); }, ErrorKind::RuntimeError,
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
    expectError([] { add(zeros({2, 3}), zeros({2, 4})); }, ErrorKind::RuntimeError,
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
    expectError([] { add(zeros({2, 3}), zeros({5, 3, 1})); }, ErrorKind::RuntimeError,
                "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1");
    EXPECT_EQ(add(zeros({2, 3}), zeros({5, 2, 1})).sizes(), (DimVector{5, 2, 3}));
}

TEST(PromotionTest, TensorsAndWeakScalars) {
    Tensor i64 = T({1, 2}, DType::Int64);
    Tensor f16 = T({1, 2}, DType::Float16);
    EXPECT_EQ(mul(i64, 2.5).dtype(), DType::Float32);
    EXPECT_EQ(mul(f16, 2.0).dtype(), DType::Float16);
    EXPECT_EQ(mul(i64, 2).dtype(), DType::Int64);
    EXPECT_EQ(add(T({1, 0}, DType::Bool), 1).dtype(), DType::Int64);
    EXPECT_EQ(add(T({1}, DType::Int32), T({1}, DType::Int64)).dtype(), DType::Int64);
    EXPECT_EQ(add(f16, T({1, 2}, DType::BFloat16)).dtype(), DType::Float32);
    // 0-dim tensors only win with a higher category.
    EXPECT_EQ(add(T({1, 2}, DType::Int32), scalar_tensor(1, {DType::Int64})).dtype(), DType::Int32);
    EXPECT_EQ(add(T({1, 2}, DType::Int32), scalar_tensor(1, {DType::Float64})).dtype(), DType::Float64);
    EXPECT_EQ(add(f16, scalar_tensor(1, {DType::Float64})).dtype(), DType::Float16);
    EXPECT_EQ(resultType(T({1}, DType::Float32), T({1}, DType::Float64)), DType::Float64);
}

TEST(PointwiseTest, DivisionFamilies) {
    Tensor a = T({7, -7, 6}, DType::Int64), b = T({2, 2, 3}, DType::Int64);
    Tensor d = div(a, b);
    EXPECT_EQ(d.dtype(), DType::Float32);
    EXPECT_EQ(V(d), (std::vector<double>{3.5, -3.5, 2}));
    EXPECT_EQ(V(floor_divide(a, b)), (std::vector<double>{3, -4, 2}));
    EXPECT_EQ(floor_divide(a, b).dtype(), DType::Int64);
    EXPECT_EQ(V(remainder(a, b)), (std::vector<double>{1, 1, 0}));
    EXPECT_EQ(V(fmod(a, b)), (std::vector<double>{1, -1, 0}));
    EXPECT_EQ(V(div(a, b, "trunc")), (std::vector<double>{3, -3, 2}));
    EXPECT_EQ(V(div(a, b, "floor")), (std::vector<double>{3, -4, 2}));
    EXPECT_EQ(V(floor_divide(T({-7.5}), 2.0)), (std::vector<double>{-4}));
    EXPECT_EQ(V(remainder(T({-7.5}), 2.0)), (std::vector<double>{0.5}));
    expectError([&] { floor_divide(a, T({0, 1, 1}, DType::Int64)); }, ErrorKind::RuntimeError, "ZeroDivisionError");
    EXPECT_TRUE(std::isinf(V(div(T({1}), 0.0))[0]));
}

TEST(PointwiseTest, PowAndScalarOnTheLeft) {
    EXPECT_EQ(V(pow(T({2, 3}, DType::Int64), 2)), (std::vector<double>{4, 9}));
    EXPECT_EQ(pow(T({2, 3}, DType::Int64), 2).dtype(), DType::Int64);
    EXPECT_EQ(V(pow(2, T({0, 3}, DType::Int64))), (std::vector<double>{1, 8}));
    EXPECT_EQ(pow(T({2}, DType::Int64), 0.5).dtype(), DType::Float32);
    expectError([] { pow(T({2}, DType::Int64), -1); }, ErrorKind::RuntimeError,
                "Integers to negative integer powers are not allowed.");
    EXPECT_EQ(V(sub(10, T({1, 2}))), (std::vector<double>{9, 8}));
    EXPECT_EQ(V(div(1, T({2, 4}, DType::Int64))), (std::vector<double>{0.5, 0.25}));
    EXPECT_EQ(V(add(T({1, 2}), T({10, 20}), 2)), (std::vector<double>{21, 42}));
    expectError([] { add(T({1}, DType::Int64), T({1}, DType::Int64), 2.5); }, ErrorKind::RuntimeError,
                "For integral input tensors, argument alpha must not be a floating point number.");
}

TEST(PointwiseTest, ComparisonsAndLogic) {
    Tensor a = T({1, 2, 3}), b = T({3, 2, 1});
    Tensor lt_ = lt(a, b);
    EXPECT_EQ(lt_.dtype(), DType::Bool);
    EXPECT_EQ(V(lt_), (std::vector<double>{1, 0, 0}));
    EXPECT_EQ(V(eq(a, 2)), (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(V(ge(T({1, 2}, DType::Int64), 1.5)), (std::vector<double>{0, 1}));
    EXPECT_EQ(V(logical_and(a, T({0, 1, 1}))), (std::vector<double>{0, 1, 1}));
    EXPECT_EQ(V(logical_not(T({0, 5}))), (std::vector<double>{1, 0}));
    EXPECT_EQ(V(bitwise_and(T({6, 3}, DType::Int64), T({3, 1}, DType::Int64))), (std::vector<double>{2, 1}));
    EXPECT_EQ(V(bitwise_not(T({1, 0}, DType::Bool))), (std::vector<double>{0, 1}));
    expectError([] { bitwise_and(T({1.5}), T({1.5})); }, ErrorKind::RuntimeError,
                "\"bitwise_and_cpu\" not implemented for 'Float'");
}

TEST(PointwiseTest, UnaryOpsAndTheirDtypes) {
    Tensor i = T({-1, 0, 4}, DType::Int64);
    EXPECT_EQ(sqrt(i).dtype(), DType::Float32);
    EXPECT_EQ(V(abs(i)), (std::vector<double>{1, 0, 4}));
    EXPECT_EQ(abs(i).dtype(), DType::Int64);
    EXPECT_EQ(V(relu(i)), (std::vector<double>{0, 0, 4}));
    EXPECT_EQ(V(neg(i)), (std::vector<double>{1, 0, -4}));
    EXPECT_NEAR(V(sigmoid(T({0})))[0], 0.5, 1e-7);
    EXPECT_NEAR(V(gelu(T({1})))[0], 0.8413447, 1e-6);
    EXPECT_NEAR(V(gelu(T({1}), "tanh"))[0], 0.8411920, 1e-6);
    EXPECT_NEAR(V(tanh(T({0.5})))[0], std::tanh(0.5), 1e-6);
    EXPECT_NEAR(V(rsqrt(T({4})))[0], 0.5, 1e-7);
    EXPECT_EQ(V(round(T({0.5, 1.5, 2.5}))), (std::vector<double>{0, 2, 2}));
    expectError([] { neg(T({1}, DType::Bool)); }, ErrorKind::RuntimeError,
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use "
                "the `~` or `logical_not()` operator instead.");
    expectError([] { sub(T({1}, DType::Bool), T({1}, DType::Bool)); }, ErrorKind::RuntimeError,
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
                "operator instead.");
}

TEST(PointwiseTest, ClampMaximumWhere) {
    Tensor x = T({-2, 0.5, 3});
    EXPECT_EQ(V(clamp(x, Scalar(0.0), Scalar(1.0))), (std::vector<double>{0, 0.5, 1}));
    EXPECT_EQ(V(clamp_min(x, 0.0)), (std::vector<double>{0, 0.5, 3}));
    EXPECT_EQ(V(clamp_max(x, 0.0)), (std::vector<double>{-2, 0, 0}));
    EXPECT_EQ(clamp(T({1, 2}, DType::Int64), Scalar(0.5), std::nullopt).dtype(), DType::Float32);
    expectError([&] { clamp(x, std::nullopt, std::nullopt); }, ErrorKind::RuntimeError,
                "torch.clamp: At least one of 'min' or 'max' must not be None");
    Tensor m = maximum(T({1, NAN}), T({2, 0}));
    EXPECT_EQ(V(m)[0], 2);
    EXPECT_TRUE(std::isnan(V(m)[1]));
    Tensor w = where(gt(x, 0.0), x, 0.0);
    EXPECT_EQ(V(w), (std::vector<double>{0, 0.5, 3}));
    EXPECT_EQ(where(gt(x, 0.0), 1, 0).dtype(), DType::Int64);
    expectError([&] { where(x, x, x); }, ErrorKind::RuntimeError,
                "where expected condition to be a boolean tensor, but got a tensor with dtype Float");
}

TEST(InplaceTest, WritesThroughViewsAndChecksCasts) {
    Tensor x = zeros({2, 2});
    Tensor r = select(x, 0, 0);
    add_(r, T({1, 2}));
    mul_(r, 3);
    EXPECT_EQ(V(x), (std::vector<double>{3, 6, 0, 0}));
    sub_(x, 1.0, 2.0);
    EXPECT_EQ(V(x), (std::vector<double>{1, 4, -2, -2}));
    div_(x, 2);
    EXPECT_EQ(V(x), (std::vector<double>{0.5, 2, -1, -1}));
    clamp_(x, Scalar(0.0), std::nullopt);
    relu_(x);
    EXPECT_EQ(V(x), (std::vector<double>{0.5, 2, 0, 0}));
    zero_(x);
    EXPECT_EQ(V(x), (std::vector<double>{0, 0, 0, 0}));
    Tensor i = T({1, 2}, DType::Int64);
    expectError([&] { add_(i, 1.5); }, ErrorKind::RuntimeError, "result type Float can't be cast to the desired output type Long");
    expectError([&] { div_(i, 2); }, ErrorKind::RuntimeError, "result type Float can't be cast to the desired output type Long");
    Tensor h = T({1, 2}, DType::Float16);
    add_(h, T({0.5, 0.5}, DType::Float32)); // Float result casts down to Half
    EXPECT_EQ(V(h), (std::vector<double>{1.5, 2.5}));
    expectError([] { add_(zeros({3}), zeros({2, 3})); }, ErrorKind::RuntimeError,
                "output with shape [3] doesn't match the broadcast shape [2, 3]");
    expectError([] { add_(expand(zeros({1}), {3}), 1.0); }, ErrorKind::RuntimeError,
                "unsupported operation: more than one element of the written-to tensor refers to a single memory "
                "location. Please clone() the tensor before performing the operation.");
    Tensor self = arange(3.0);
    add_(self, self);
    EXPECT_EQ(V(self), (std::vector<double>{0, 2, 4}));
    copy_(self, T({7}, DType::Int64));
    EXPECT_EQ(V(self), (std::vector<double>{7, 7, 7}));
}

TEST(DeviceRuleTest, MixedDevicesFailLikePyTorch) {
    Tensor c = zeros({3}, {std::nullopt, Device::cuda(0), false});
    expectError([&] { add(zeros({3}), c); }, ErrorKind::RuntimeError,
                "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!");
    Tensor c1 = zeros({3}, {std::nullopt, Device::cuda(1), false});
    expectError([&] { mul(c, c1); }, ErrorKind::RuntimeError,
                "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cuda:1!");
    EXPECT_EQ(add(c, scalar_tensor(1.0)).device(), Device::cuda(0)); // CPU scalars may join
    EXPECT_EQ(mul(c, 2).device(), Device::cuda(0));
}

TEST(GradMetadataTest, OpsPropagateRequiresGrad) {
    Tensor x = ones({2}, {std::nullopt, {}, true});
    Tensor y = mul(x, 2);
    EXPECT_TRUE(y.requiresGrad());
    EXPECT_FALSE(y.isLeaf());
    EXPECT_STREQ(y.gradFn(), "MulBackward0");
    EXPECT_FALSE(detach(y).requiresGrad());
    EXPECT_FALSE(gt(x, 0.0).requiresGrad());
    {
        GradMode::Guard noGrad(false);
        EXPECT_FALSE(add(x, 1).requiresGrad());
    }
    expectError([&] { add_(x, 1); }, ErrorKind::RuntimeError,
                "a leaf Variable that requires grad is being used in an in-place operation.");
}

TEST(LayoutTest, ElementwiseResultFollowsInputStrideOrder) {
    Tensor xt = t(zeros({3, 4}));
    Tensor r = add(xt, 1);
    EXPECT_EQ(r.strides(), (DimVector{1, 4}));
    Tensor r2 = add(zeros({4, 3}), xt);
    EXPECT_EQ(r2.strides(), (DimVector{3, 1}));
}
