#include <cmath>

#include "TensorTestUtil.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(ClosenessTest, AllcloseAndEqual) {
    EXPECT_TRUE(allclose(T({1, 2}), T({1, 2.000001})));
    EXPECT_FALSE(allclose(T({1, 2}), T({1, 2.1})));
    EXPECT_TRUE(allclose(T({1, 2}), T({1, 2.1}), 0.1, 0));
    EXPECT_FALSE(allclose(T({NAN}), T({NAN})));
    EXPECT_TRUE(allclose(T({NAN}), T({NAN}), 1e-5, 1e-8, true));
    expectError([] { allclose(T({1}), T({1}, DType::Float64)); }, ErrorKind::RuntimeError, "Float did not match Double");
    EXPECT_TRUE(equal(T({1, 2}), T({1, 2})));
    EXPECT_FALSE(equal(T({1, 2}), T({1, 2, 3})));
}

TEST(ClosenessTest, AssertCloseMessagesMatchTorchTesting) {
    EXPECT_EQ(assertClose(T({1, 2, 3}), T({1, 2, 3})), std::nullopt);
    EXPECT_EQ(assertClose(T({1, 2, 3}), T({1, 2.5, 3})).value(),
              "Tensor-likes are not close!\n\n"
              "Mismatched elements: 1 / 3 (33.3%)\n"
              "Greatest absolute difference: 0.5 at index (1,) (up to 1e-05 allowed)\n"
              "Greatest relative difference: 0.20000000298023224 at index (1,) (up to 1.3e-06 allowed)");
    EXPECT_EQ(assertClose(T({1, 2, 3}, DType::Int64), T({1, 2, 4}, DType::Int64)).value(),
              "Tensor-likes are not equal!\n\n"
              "Mismatched elements: 1 / 3 (33.3%)\n"
              "Greatest absolute difference: 1 at index (2,)\n"
              "Greatest relative difference: 0.25 at index (2,)");
    EXPECT_EQ(assertClose(T({1, 2}), T({1, 2, 3})).value(),
              "The values for attribute 'shape' do not match: torch.Size([2]) != torch.Size([3]).");
    EXPECT_EQ(assertClose(T({1}), T({1}, DType::Float64)).value(),
              "The values for attribute 'dtype' do not match: torch.float32 != torch.float64.");
    EXPECT_EQ(assertClose(scalar_tensor(1.5, {DType::Float64}), scalar_tensor(2.0, {DType::Float64})).value(),
              "Scalars are not close!\n\n"
              "Expected 2.0 but got 1.5.\n"
              "Absolute difference: 0.5 (up to 1e-07 allowed)\n"
              "Relative difference: 0.25 (up to 1e-07 allowed)");
    EXPECT_EQ(assertClose(T({1, 2}, {2, 1}), T({1, 3}, {2, 1})).value(),
              "Tensor-likes are not close!\n\n"
              "Mismatched elements: 1 / 2 (50.0%)\n"
              "Greatest absolute difference: 1.0 at index (1, 0) (up to 1e-05 allowed)\n"
              "Greatest relative difference: 0.3333333432674408 at index (1, 0) (up to 1.3e-06 allowed)");
    EXPECT_EQ(assertClose(T({1, 2.0001}), T({1, 2}), AssertCloseOptions{1e-3, 1e-3}), std::nullopt);
}

TEST(LimitsTest, ElementLimitIsDistinctFromTensorErrors) {
    ElementLimit::Scope scope(100);
    EXPECT_NO_THROW(zeros({10, 10}));
    try {
        zeros({10, 11});
        FAIL() << "expected LimitError";
    } catch (const TensorError&) {
        FAIL() << "a LimitError must not be a TensorError";
    } catch (const LimitError& e) {
        EXPECT_EQ(e.elements(), 110);
        EXPECT_EQ(e.limit(), 100);
        EXPECT_NE(std::string(e.what()).find("max-tensor-elements"), std::string::npos);
    }
    EXPECT_THROW(add(expand(zeros({1}), {200}), 1), LimitError); // a view may be large, its result may not
    EXPECT_NO_THROW(expand(zeros({1}), {200}));
}

TEST(LimitsTest, ScopeRestoresPreviousLimit) {
    const int64_t before = ElementLimit::current();
    {
        ElementLimit::Scope s(5);
        EXPECT_EQ(ElementLimit::current(), 5);
    }
    EXPECT_EQ(ElementLimit::current(), before);
}

TEST(LimitsTest, BadSizesAreErrorsNotAllocations) {
    expectError([] { zeros({-1}); }, ErrorKind::RuntimeError, "Trying to create tensor with negative dimension -1: [-1]");
    expectError([] { zeros({2, -3}); }, ErrorKind::RuntimeError,
                "Trying to create tensor with negative dimension -3: [2, -3]");
    EXPECT_THROW(zeros({int64_t{1} << 40, int64_t{1} << 40}), TensorError); // overflow, before any limit
    EXPECT_THROW(zeros({int64_t{1} << 40}), LimitError);
}

TEST(FactoriesTest, DtypeInferenceAndValues) {
    EXPECT_EQ(tensor({1, 2}).dtype(), DType::Int64);
    EXPECT_EQ(tensor({1, 2.5}).dtype(), DType::Float32);
    EXPECT_EQ(tensor({true, false}).dtype(), DType::Bool);
    EXPECT_EQ(tensor({true, 2}).dtype(), DType::Int64);
    EXPECT_EQ(tensor(NestedValue{NestedValue{1, 2}, NestedValue{3, 4}}).sizes(), (DimVector{2, 2}));
    EXPECT_EQ(tensor(NestedValue::List{}).sizes(), (DimVector{0}));
    EXPECT_EQ(tensor(NestedValue(2.5)).dim(), 0);
    expectError([] { tensor(NestedValue{NestedValue{1, 2}, NestedValue{3}}); }, ErrorKind::ValueError,
                "expected sequence of length 2 at dim 1 (got 1)");
    EXPECT_EQ(arange(Scalar(int64_t{5})).dtype(), DType::Int64);
    EXPECT_EQ(V(arange(0, 1, 0.25)), (std::vector<double>{0, 0.25, 0.5, 0.75}));
    EXPECT_EQ(arange(0, 1, 0.25).dtype(), DType::Float32);
    EXPECT_EQ(V(arange(5, 0, -2)), (std::vector<double>{5, 3, 1}));
    expectError([] { arange(0, 5, 0); }, ErrorKind::RuntimeError, "step must be nonzero");
    expectError([] { arange(5, 0, 1); }, ErrorKind::RuntimeError, "upper bound and larger bound inconsistent with step sign");
    EXPECT_EQ(V(linspace(0, 1, 5)), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    EXPECT_EQ(V(eye(2, 3)), (std::vector<double>{1, 0, 0, 0, 1, 0}));
    EXPECT_EQ(full({2}, 7).dtype(), DType::Int64);
    EXPECT_EQ(full({2}, 7.5).dtype(), DType::Float32);
    EXPECT_EQ(full({2}, true).dtype(), DType::Bool);
    Tensor f64 = zeros({2}, {DType::Float64});
    EXPECT_EQ(ones_like(f64).dtype(), DType::Float64);
    EXPECT_EQ(V(full_like(f64, 3)), (std::vector<double>{3, 3}));
    EXPECT_EQ(zeros_like(t(zeros({2, 3}))).strides(), (DimVector{1, 3})); // preserve_format
    EXPECT_EQ(randn_like(f64).dtype(), DType::Float64);
    EXPECT_EQ(empty({2, 2}).numel(), 4);
}

TEST(FactoriesTest, FromNestedStaticMatchesTensor) {
    Tensor a = Tensor::fromNested(NestedValue{NestedValue{1.5, 2}, NestedValue{3, 4}});
    EXPECT_EQ(a.dtype(), DType::Float32);
    EXPECT_EQ(V(a), (std::vector<double>{1.5, 2, 3, 4}));
    EXPECT_EQ(Tensor::fromNested(NestedValue{1, 2}, DType::Float64).dtype(), DType::Float64);
    EXPECT_EQ(V(sub(10, T({1, 2}))), (std::vector<double>{9, 8}));
    EXPECT_EQ(sub(10, t(zeros({2, 3}))).strides(), (DimVector{1, 3}));
}
