#include "TensorTestUtil.h"

using namespace gs::tensor;
using namespace gs::tensor::testing;

TEST(ViewsTest, WriteThroughViewIsSeenByBase) {
    Tensor base = zeros({2, 3});
    Tensor row = select(base, 0, 1);
    fill_(row, 5.0);
    EXPECT_EQ(V(base), (std::vector<double>{0, 0, 0, 5, 5, 5}));
    Tensor col = slice(base, 1, 0, 1);
    add_(col, 1.0);
    EXPECT_EQ(V(base), (std::vector<double>{1, 0, 0, 6, 5, 5}));
    Tensor tt = t(base);
    tt.setElementAt(1, Scalar(9.0)); // tt[0][1] == base[1][0]
    EXPECT_EQ(base.elementAt(3).toDouble(), 9.0);
}

TEST(ViewsTest, EveryViewOpSharesStorage) {
    Tensor x = arange(24.0);
    Tensor x3 = view(x, {2, 3, 4});
    std::vector<Tensor> views = {view(x, {4, 6}), reshape(x, {6, -1}), transpose(x3, 0, 2), permute(x3, {2, 0, 1}),
                                 unsqueeze(x, 0), squeeze(unsqueeze(x, 1)), expand(unsqueeze(x, 0), {3, 24}),
                                 detach(x), select(x3, 1, 2), slice(x, 0, 2, 20, 3), narrow(x, 0, 1, 5),
                                 flatten(x3), diagonal(view(x, {4, 6}))};
    for (const Tensor& v : views)
        EXPECT_EQ(v.storageId(), x.storageId()) << v.describe();
    for (const Tensor& v : split(x, 5))
        EXPECT_EQ(v.storageId(), x.storageId());
    for (const Tensor& v : chunk(x, 4))
        EXPECT_EQ(v.storageId(), x.storageId());
}

TEST(ViewsTest, CopiesDoNotShareStorage) {
    Tensor x = arange(6.0);
    Tensor tx = t(view(x, {2, 3}));
    EXPECT_NE(clone(x).storageId(), x.storageId());
    EXPECT_NE(contiguous(tx).storageId(), x.storageId());
    EXPECT_NE(to(x, DType::Float64).storageId(), x.storageId());
    EXPECT_NE(reshape(tx, {6}).storageId(), x.storageId()); // not viewable -> copy
    EXPECT_EQ(V(reshape(tx, {6})), (std::vector<double>{0, 3, 1, 4, 2, 5}));
}

TEST(ViewsTest, StridesAndContiguity) {
    Tensor x = zeros({2, 3, 4});
    Tensor p = permute(x, {2, 0, 1});
    EXPECT_EQ(p.sizes(), (DimVector{4, 2, 3}));
    EXPECT_EQ(p.strides(), (DimVector{1, 12, 4}));
    EXPECT_FALSE(p.isContiguous());
    Tensor s = slice(x, 2, 0, std::nullopt, 2);
    EXPECT_EQ(s.sizes(), (DimVector{2, 3, 2}));
    EXPECT_EQ(s.strides(), (DimVector{12, 4, 2}));
    Tensor e = expand(zeros({3, 1}), {2, 3, 4});
    EXPECT_EQ(e.strides(), (DimVector{0, 1, 0}));
    EXPECT_EQ(unsqueeze(zeros({2, 3}), 1).strides(), (DimVector{3, 3, 1}));
    EXPECT_EQ(select(x, 1, 2).storageOffset(), 8);
    // clone keeps a dense non-contiguous layout, contiguous() does not.
    EXPECT_EQ(clone(p).strides(), (DimVector{1, 12, 4}));
    EXPECT_EQ(contiguous(p).strides(), (DimVector{6, 3, 1}));
}

TEST(ViewsTest, ViewErrorsMatchPyTorch) {
    Tensor x = zeros({2, 3});
    expectError([&] { view(x, {4, 2}); }, ErrorKind::RuntimeError, "shape '[4, 2]' is invalid for input of size 6");
    expectError([&] { view(x, {-1, -1}); }, ErrorKind::RuntimeError, "only one dimension can be inferred");
    expectError([&] { view(t(x), {6}); }, ErrorKind::RuntimeError,
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across "
                "two contiguous subspaces). Use .reshape(...) instead.");
    expectError([&] { expand(x, {4, 3}); }, ErrorKind::RuntimeError,
                "The expanded size of the tensor (4) must match the existing size (2) at non-singleton dimension 0.  "
                "Target sizes: [4, 3].  Tensor sizes: [2, 3]");
    expectError([&] { expand(x, {3}); }, ErrorKind::RuntimeError,
                "expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal "
                "to the number of dimensions in the tensor (2)");
    expectError([&] { permute(x, {0}); }, ErrorKind::RuntimeError,
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired "
                "ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 1");
    expectError([&] { permute(x, {0, 0}); }, ErrorKind::RuntimeError, "permute(): duplicate dims are not allowed.");
    expectError([] { t(zeros({1, 2, 3})); }, ErrorKind::RuntimeError,
                "t() expects a tensor with <= 2 dimensions, but self is 3D");
    expectError([&] { flatten(x, 1, 0); }, ErrorKind::RuntimeError,
                "flatten() has invalid args: start_dim cannot come after end_dim");
    expectError([&] { chunk(x, 0); }, ErrorKind::RuntimeError, "chunk expects `chunks` to be greater than 0, got: 0");
    expectError([&] { split_with_sizes(x, {1, 1}, 1); }, ErrorKind::RuntimeError,
                "split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 1), but got "
                "split_sizes=[1, 1]");
}

TEST(ViewsTest, SplitAndChunkSizes) {
    Tensor x = arange(Scalar(int64_t{5}));
    auto parts = split(x, 2);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[2].sizes(), (DimVector{1}));
    auto chunks = chunk(arange(Scalar(int64_t{6})), 4); // ceil(6/4)=2 -> 3 chunks
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(V(chunks[1]), (std::vector<double>{2, 3}));
    auto rows = unbind(view(arange(6.0), {2, 3}), 1);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(V(rows[2]), (std::vector<double>{2, 5}));
}

TEST(IndexingTest, BasicIndicesGiveViews) {
    Tensor x = view(arange(24.0), {2, 3, 4});
    Tensor a = index(x, {int64_t{1}, SliceIndex{1, std::nullopt, std::nullopt}});
    EXPECT_EQ(a.sizes(), (DimVector{2, 4}));
    EXPECT_EQ(a.storageId(), x.storageId());
    EXPECT_EQ(a.elementAt(0).toDouble(), 16.0);
    Tensor b = index(x, {EllipsisIndex{}, NoneIndex{}, SliceIndex{std::nullopt, std::nullopt, 2}});
    EXPECT_EQ(b.sizes(), (DimVector{2, 3, 1, 2}));
    EXPECT_EQ(V(index(x, {int64_t{-1}, int64_t{-1}})), (std::vector<double>{20, 21, 22, 23}));
    Tensor c = index(x, {EllipsisIndex{}});
    EXPECT_FALSE(c.is(x));
    EXPECT_EQ(c.storageId(), x.storageId());
}

TEST(IndexingTest, TensorIndicesCopy) {
    Tensor x = view(arange(6.0), {3, 2});
    Tensor sel = index(x, {T({2, 0}, DType::Int64)});
    EXPECT_EQ(V(sel), (std::vector<double>{4, 5, 0, 1}));
    EXPECT_NE(sel.storageId(), x.storageId());
    Tensor mask = gt(x, 2.0);
    Tensor picked = index(x, {mask});
    EXPECT_EQ(V(picked), (std::vector<double>{3, 4, 5}));
    index_put_(x, {mask}, Scalar(0.0));
    EXPECT_EQ(V(x), (std::vector<double>{0, 1, 2, 0, 0, 0}));
    index_put_(x, {int64_t{0}}, T({7, 8}));
    EXPECT_EQ(V(x), (std::vector<double>{7, 8, 2, 0, 0, 0}));
}

TEST(IndexingTest, ErrorsMatchPyTorch) {
    Tensor x = zeros({3});
    expectError([&] { index(x, {int64_t{3}}); }, ErrorKind::IndexError, "index 3 is out of bounds for dimension 0 with size 3");
    expectError([&] { index(x, {int64_t{0}, int64_t{0}}); }, ErrorKind::IndexError, "too many indices for tensor of dimension 1");
    expectError([&] { index(x, {SliceIndex{std::nullopt, std::nullopt, -1}}); }, ErrorKind::ValueError,
                "step must be greater than zero");
    expectError([&] { index(x, {EllipsisIndex{}, EllipsisIndex{}}); }, ErrorKind::IndexError,
                "an index can only have a single ellipsis ('...')");
    expectError([] { index(scalar_tensor(1.0), {int64_t{0}}); }, ErrorKind::IndexError,
                "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a "
                "0-dim tensor to a number");
}
