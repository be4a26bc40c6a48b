#include <cmath>

#include "TensorTestUtil.h"
#include "core/tensor/Half.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(DTypeTest, NamesBothWays) {
    EXPECT_EQ(dtypeName(DType::Float32), "float32");
    EXPECT_EQ(dtypeReprName(DType::BFloat16), "torch.bfloat16");
    EXPECT_EQ(dtypeShortName(DType::Float32), "Float");
    EXPECT_EQ(dtypeShortName(DType::Float64), "Double");
    EXPECT_EQ(dtypeShortName(DType::Float16), "Half");
    EXPECT_EQ(dtypeShortName(DType::BFloat16), "BFloat16");
    EXPECT_EQ(dtypeShortName(DType::Int64), "Long");
    EXPECT_EQ(dtypeShortName(DType::Int32), "Int");
    EXPECT_EQ(dtypeShortName(DType::Bool), "Bool");
    EXPECT_EQ(dtypeFromName("torch.float32"), DType::Float32);
    EXPECT_EQ(dtypeFromName("float"), DType::Float32);
    EXPECT_EQ(dtypeFromName("half"), DType::Float16);
    EXPECT_EQ(dtypeFromName("Long"), DType::Int64);
    EXPECT_EQ(dtypeFromName("torch.long"), DType::Int64);
    EXPECT_EQ(dtypeFromName("complex64"), DType::Complex64);
    EXPECT_EQ(dtypeFromName("torch.cdouble"), DType::Complex128);
    EXPECT_EQ(dtypeShortName(DType::Complex64), "ComplexFloat");
    EXPECT_EQ(dtypeFromName("complex32"), std::nullopt);
}

TEST(DTypeTest, ComplexPromotionKeepsThePrecision) {
    // c10: c4 + f8 -> c8, c4 + f2 -> c4, integral + complex -> that complex
    EXPECT_EQ(promoteTypes(DType::Complex64, DType::Float64), DType::Complex128);
    EXPECT_EQ(promoteTypes(DType::Float32, DType::Complex64), DType::Complex64);
    EXPECT_EQ(promoteTypes(DType::Int64, DType::Complex64), DType::Complex64);
    EXPECT_EQ(promoteTypes(DType::Complex64, DType::Complex128), DType::Complex128);
    EXPECT_FALSE(isFloating(DType::Complex64));
    EXPECT_FALSE(canCast(DType::Complex64, DType::Float32));
    EXPECT_TRUE(canCast(DType::Float32, DType::Complex64));
    // a Python complex with a float64 tensor keeps float64's precision; with ints: the default
    const Tensor d = T({1, 2}, DType::Float64), i = T({1, 2}, DType::Int64), f = T({1, 2});
    EXPECT_EQ(resultType(d, Scalar::complex(0, 1)), DType::Complex128);
    EXPECT_EQ(resultType(f, Scalar::complex(0, 1)), DType::Complex64);
    EXPECT_EQ(resultType(i, Scalar::complex(0, 1)), DType::Complex64);
}

TEST(DTypeTest, ComplexArithmeticAndPrinting) {
    const Tensor z = add(T({1.0, -2.0, 3.5}), Scalar::complex(0, 1));
    EXPECT_EQ(z.dtype(), DType::Complex64);
    EXPECT_EQ(z.repr(), "tensor([ 1.0000+1.j, -2.0000+1.j,  3.5000+1.j])");
    const Tensor q = div(z, Scalar::complex(1, 1));  // (1+i)/(1+i) = 1
    EXPECT_EQ(q.elementAt(0).toDouble(), 1.0);
    EXPECT_EQ(q.elementAt(0).imag(), 0.0);
    const Tensor p = mul(z, z);  // (1+i)^2 = 2i
    EXPECT_EQ(p.elementAt(0).toDouble(), 0.0);
    EXPECT_EQ(p.elementAt(0).imag(), 2.0);
    EXPECT_EQ(to(z, DType::Complex128).repr(), "tensor([ 1.0000+1.j, -2.0000+1.j,  3.5000+1.j], dtype=torch.complex128)");
    EXPECT_THROW(exp(z), TensorError);  // not written for complex: an error, never a real result
}

TEST(DTypeTest, PromotionLattice) {
    EXPECT_EQ(promoteTypes(DType::Bool, DType::Int32), DType::Int32);
    EXPECT_EQ(promoteTypes(DType::Int32, DType::Int64), DType::Int64);
    EXPECT_EQ(promoteTypes(DType::Int64, DType::Float16), DType::Float16);
    EXPECT_EQ(promoteTypes(DType::Float16, DType::BFloat16), DType::Float32);
    EXPECT_EQ(promoteTypes(DType::BFloat16, DType::Float64), DType::Float64);
    EXPECT_EQ(promoteTypes(DType::Float32, DType::Float16), DType::Float32);
    EXPECT_TRUE(canCast(DType::Int64, DType::Float32));
    EXPECT_FALSE(canCast(DType::Float32, DType::Int64));
    EXPECT_FALSE(canCast(DType::Int32, DType::Bool));
    EXPECT_TRUE(canCast(DType::Bool, DType::Int32));
}

TEST(HalfTest, ConvertsWithRoundToNearestEven) {
    EXPECT_EQ(Half(1.0f).bits, 0x3c00);
    EXPECT_EQ(Half(-2.0f).bits, 0xc000);
    EXPECT_EQ(Half(65504.0f).bits, 0x7bff);
    EXPECT_EQ(Half(65520.0f).bits, 0x7c00); // overflows to inf
    EXPECT_EQ(Half(5.9604644775390625e-8f).bits, 0x0001); // smallest subnormal
    EXPECT_EQ(Half(2.98023223876953125e-8f).bits, 0x0000); // exactly half of it: ties to even
    EXPECT_FLOAT_EQ(static_cast<float>(Half(0.1f)), 0.0999755859375f);
    EXPECT_TRUE(std::isnan(static_cast<float>(Half(NAN))));
    EXPECT_EQ(BFloat16(1.0f).bits, 0x3f80);
    EXPECT_FLOAT_EQ(static_cast<float>(BFloat16(0.1f)), 0.10009765625f);
    EXPECT_EQ(BFloat16(1.00390625f).bits, 0x3f80); // tie -> even
}

TEST(DimVectorTest, InlineAndHeapStorageBehaveTheSame) {
    DimVector a{1, 2, 3};
    a.push_back(4);
    EXPECT_EQ(a.str(), "[1, 2, 3, 4]");
    DimVector big{1, 2, 3, 4, 5, 6, 7, 8};
    big.insert(0, 0);
    EXPECT_EQ(big.size(), 9u);
    EXPECT_EQ(big[8], 8);
    DimVector moved = std::move(big);
    EXPECT_EQ(moved.str(), "[0, 1, 2, 3, 4, 5, 6, 7, 8]");
    moved.erase(0);
    EXPECT_EQ(moved[0], 1);
}

TEST(DeviceTest, ParsesAndPrints) {
    EXPECT_EQ(Device::parse("cpu").str(), "cpu");
    EXPECT_EQ(Device::parse("cuda").str(), "cuda:0");
    EXPECT_EQ(Device::parse("cuda:1").str(), "cuda:1");
    EXPECT_THROW(Device::parse("tpu"), TensorError);
}

TEST(TensorTest, MetadataAndNegativeDims) {
    Tensor x = zeros({2, 3});
    EXPECT_EQ(x.dim(), 2);
    EXPECT_EQ(x.numel(), 6);
    EXPECT_EQ(x.size(-1), 3);
    EXPECT_EQ(x.stride(0), 3);
    EXPECT_EQ(x.stride(-1), 1);
    EXPECT_TRUE(x.isContiguous());
    expectError([&] { x.size(2); }, ErrorKind::IndexError,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    Tensor s = scalar_tensor(1.0);
    expectError([&] { s.size(1); }, ErrorKind::IndexError,
                "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
}

TEST(TensorTest, ItemNeedsExactlyOneElement) {
    EXPECT_EQ(T({2.5}).item().toDouble(), 2.5);
    EXPECT_TRUE(T({7}, DType::Int64).item().isInt());
    expectError([] { T({1, 2}).item(); }, ErrorKind::RuntimeError, "a Tensor with 2 elements cannot be converted to Scalar");
}

TEST(TensorTest, DescribeIsCompact) {
    Tensor x = t(zeros({2, 3}, {DType::Float64, Device::cuda(1), false}));
    EXPECT_EQ(x.describe(), "Tensor(shape=[3, 2], stride=[1, 3], dtype=float64, device=cuda:1)");
}

TEST(TensorTest, ObjectIdentityDiffersFromStorageIdentity) {
    Tensor x = zeros({3});
    Tensor same = x;
    Tensor v = view(x, {3});
    EXPECT_TRUE(same.is(x));
    EXPECT_FALSE(v.is(x));
    EXPECT_EQ(v.storageId(), x.storageId());
    EXPECT_TRUE(v.sharesStorage(x));
    EXPECT_NE(clone(x).storageId(), x.storageId());
    EXPECT_EQ(to(x, DType::Float32).identity(), x.identity()); // to() without change returns self
}

TEST(TensorTest, RequiresGradOnlyForFloats) {
    Tensor x = zeros({2});
    x.setRequiresGrad(true);
    EXPECT_TRUE(x.requiresGrad());
    EXPECT_TRUE(x.isLeaf());
    expectError([] { zeros({2}, {DType::Int64}).setRequiresGrad(true); }, ErrorKind::RuntimeError,
                "only Tensors of floating point and complex dtype can require gradients");
    expectError([] { zeros({2}, {DType::Int64, {}, true}); }, ErrorKind::RuntimeError,
                "Only Tensors of floating point and complex dtype can require gradients");
}

TEST(ScalarTest, PythonRepr) {
    EXPECT_EQ(Scalar(true).repr(), "True");
    EXPECT_EQ(Scalar(3).repr(), "3");
    EXPECT_EQ(Scalar(2.5).repr(), "2.5");
    EXPECT_EQ(pythonFloatRepr(1e-5), "1e-05");
    EXPECT_EQ(pythonFloatRepr(1.3e-6), "1.3e-06");
    EXPECT_EQ(pythonFloatRepr(0.0001), "0.0001");
    EXPECT_EQ(pythonFloatRepr(1e16), "1e+16");
    EXPECT_EQ(pythonFloatRepr(123456789.0), "123456789.0");
    EXPECT_EQ(pythonFloatRepr(static_cast<double>(0.2f)), "0.20000000298023224");
    EXPECT_EQ(pythonFloatRepr(-0.0), "-0.0");
}

TEST(TensorTest, TruthValueNeedsOneElement) {
    EXPECT_TRUE(truthValue(T({2})));
    EXPECT_FALSE(truthValue(T({0}, DType::Bool)));
    expectError([] { truthValue(T({1, 1})); }, ErrorKind::RuntimeError,
                "Boolean value of Tensor with more than one value is ambiguous");
}
