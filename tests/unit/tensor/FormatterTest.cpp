// Expected strings are what PyTorch 2.x prints for the same tensors.
#include <cmath>

#include "TensorTestUtil.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(FormatterTest, FloatVectors) {
    EXPECT_EQ(T({1, 2, 3}).repr(), "tensor([1., 2., 3.])");
    EXPECT_EQ(T({1.5, -2.25}).repr(), "tensor([ 1.5000, -2.2500])");
    EXPECT_EQ(T({0.1234, 0.5678, 1, 2}, {2, 2}).repr(), "tensor([[0.1234, 0.5678],\n        [1.0000, 2.0000]])");
    EXPECT_EQ(T({NAN, 1.5}).repr(), "tensor([   nan, 1.5000])");
    EXPECT_EQ(T({INFINITY, -1}).repr(), "tensor([inf, -1.])");
    EXPECT_EQ(T({0, 0}).repr(), "tensor([0., 0.])");
    EXPECT_EQ(T({-0.5, 10}).repr(), "tensor([-0.5000, 10.0000])");
}

TEST(FormatterTest, IntsBoolsAndScalars) {
    EXPECT_EQ(T({1, 2, 3}, DType::Int64).repr(), "tensor([1, 2, 3])");
    EXPECT_EQ(T({1, -20}, DType::Int64).repr(), "tensor([  1, -20])");
    EXPECT_EQ(T({1, 0}, DType::Bool).repr(), "tensor([ True, False])");
    EXPECT_EQ(scalar_tensor(3.0).repr(), "tensor(3.)");
    EXPECT_EQ(scalar_tensor(0.5).repr(), "tensor(0.5000)");
    EXPECT_EQ(scalar_tensor(7, {DType::Int64}).repr(), "tensor(7)");
    EXPECT_EQ(scalar_tensor(true, {DType::Bool}).repr(), "tensor(True)");
}

TEST(FormatterTest, Suffixes) {
    EXPECT_EQ(T({1, 2}, DType::Float64).repr(), "tensor([1., 2.], dtype=torch.float64)");
    EXPECT_EQ(T({1, 2}, DType::Int32).repr(), "tensor([1, 2], dtype=torch.int32)");
    EXPECT_EQ(T({1.5}, DType::Float16).repr(), "tensor([1.5000], dtype=torch.float16)");
    EXPECT_EQ(ones({2}, {std::nullopt, {}, true}).repr(), "tensor([1., 1.], requires_grad=True)");
    EXPECT_EQ(mul(ones({2}, {std::nullopt, {}, true}), 2).repr(), "tensor([2., 2.], grad_fn=<MulBackward0>)");
    EXPECT_EQ(ones({2}, {std::nullopt, Device::cuda(0), false}).repr(), "tensor([1., 1.], device='cuda:0')");
    EXPECT_EQ(T({}).repr(), "tensor([])");
    EXPECT_EQ(zeros({0, 3}).repr(), "tensor([], size=(0, 3))");
    EXPECT_EQ(zeros({0}, {DType::Int64}).repr(), "tensor([], dtype=torch.int64)");
}

TEST(FormatterTest, ScientificNotation) {
    EXPECT_EQ(T({1e-5, 1}).repr(), "tensor([1.0000e-05, 1.0000e+00])");
    EXPECT_EQ(T({100000, 1}).repr(), "tensor([1.0000e+05, 1.0000e+00])");
    EXPECT_EQ(T({1e9}).repr(), "tensor([1.0000e+09])");
    EXPECT_EQ(T({123.456, 0.5}).repr(), "tensor([123.4560,   0.5000])");
}

TEST(FormatterTest, MultiDimAndLineWrapping) {
    EXPECT_EQ(zeros({2, 2, 2}).repr(),
              "tensor([[[0., 0.],\n         [0., 0.]],\n\n        [[0., 0.],\n         [0., 0.]]])");
    EXPECT_EQ(arange(30.0).repr(),
              "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
              "        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n"
              "        28., 29.])");
}

TEST(FormatterTest, SummarisesLargeTensors) {
    EXPECT_EQ(arange(Scalar(int64_t{10000})).repr(), "tensor([   0,    1,    2,  ..., 9997, 9998, 9999])");
    EXPECT_EQ(zeros({1001}).repr(), "tensor([0., 0., 0.,  ..., 0., 0., 0.])");
    EXPECT_EQ(view(arange(Scalar(int64_t{2000})), {1000, 2}).repr(),
              "tensor([[   0,    1],\n        [   2,    3],\n        [   4,    5],\n        ...,\n"
              "        [1994, 1995],\n        [1996, 1997],\n        [1998, 1999]])");
}
