#include "core/tensor/LinearAlgebra.h"

#include <algorithm>

#include "core/tensor/Broadcast.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Dispatch.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

void checkDevices(const Tensor& a, const Tensor& b) {
    const Tensor* ts[2] = {&a, &b};
    checkSameDevice(ts);
}

void checkSameDtype(const Tensor& a, const Tensor& b) {
    if (a.dtype() != b.dtype())
        throwRuntime("expected mat1 and mat2 to have the same dtype, but got: " + std::string(dtypeCppName(a.dtype())) +
                     " != " + std::string(dtypeCppName(b.dtype())));
    if (a.dtype() == DType::Bool)
        throwRuntime("\"addmm_impl_cpu_\" not implemented for 'Bool'");
}

std::string dims2(const Tensor& t) { return std::to_string(t.sizes()[0]) + "x" + std::to_string(t.sizes()[1]); }

// C[b] = A[b] (m x k) @ B[b] (k x n) on contiguous operands; i-k-j order keeps the inner loop
// contiguous in B and C so it vectorises. 16-bit floats accumulate in float.
template <class T>
void gemmBatched(const T* A, const T* B, T* C, int64_t batch, int64_t m, int64_t k, int64_t n) {
    using Acc = std::conditional_t<detail::kIsReduced<T>, float, T>;
    std::vector<Acc> row = scratchVector<Acc>(n);
    int64_t work = 0;  // multiply-adds since the run guard was last polled
    for (int64_t bi = 0; bi < batch; ++bi) {
        const T* a = A + bi * m * k;
        const T* b = B + bi * k * n;
        T* c = C + bi * m * n;
        for (int64_t i = 0; i < m; ++i) {
            std::fill(row.begin(), row.end(), Acc(0));
            Acc* r = row.data();
            for (int64_t p = 0; p < k; ++p) {
                if ((work += n) >= 64 * RunGuard::kBlock) {  // a few ms of work: --timeout, Cancel
                    work = 0;
                    RunGuard::poll();
                }
                const Acc av = static_cast<Acc>(a[i * k + p]);
                const T* brow = b + p * n;
                if constexpr (std::is_integral_v<Acc>) {
                    using U = std::make_unsigned_t<Acc>;
                    for (int64_t j = 0; j < n; ++j)
                        r[j] = static_cast<Acc>(static_cast<U>(r[j]) + static_cast<U>(av) * static_cast<U>(brow[j]));
                } else {
                    for (int64_t j = 0; j < n; ++j)
                        r[j] += av * static_cast<Acc>(brow[j]);
                }
            }
            for (int64_t j = 0; j < n; ++j)
                c[i * n + j] = detail::castValue<T>(r[j]);
        }
    }
}

// a: [B, m, k], b: [B, k, n] (any strides) -> new [B, m, n].
Tensor bmmKernel(const Tensor& a, const Tensor& b) {
    const int64_t batch = a.sizes()[0], m = a.sizes()[1], k = a.sizes()[2], n = b.sizes()[2];
    Tensor ca = contiguous(detach(a)), cb = contiguous(detach(b));
    Tensor out = Tensor::empty({batch, m, n}, a.dtype(), a.device(), false);
    detail::dispatch(a.dtype(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        if constexpr (!std::is_same_v<T, bool>)
            gemmBatched<T>(ca.dataAs<T>(), cb.dataAs<T>(), out.dataAs<T>(), batch, m, k, n);
    });
    return out;
}

Tensor withGrad(Tensor out, const char* name, const Tensor& a, const Tensor& b) {
    out.impl()->requiresGrad = false;
    out.impl()->gradFn = nullptr;
    propagateGrad(out, name, {&a, &b});
    return out;
}

} // namespace

Tensor dot(const Tensor& a, const Tensor& b) {
    checkDevices(a, b);
    if (a.dim() != 1 || b.dim() != 1)
        throwRuntime("1D tensors expected, but got " + std::to_string(a.dim()) + "D and " + std::to_string(b.dim()) +
                     "D tensors");
    if (a.dtype() != b.dtype())
        throwRuntime("dot : expected both vectors to have same dtype, but found " +
                     std::string(dtypeShortName(a.dtype())) + " and " + std::string(dtypeShortName(b.dtype())));
    if (a.numel() != b.numel())
        throwRuntime("inconsistent tensor size, expected tensor [" + std::to_string(a.numel()) + "] and src [" +
                     std::to_string(b.numel()) + "] to have the same number of elements, but got " +
                     std::to_string(a.numel()) + " and " + std::to_string(b.numel()) + " elements respectively");
    if (a.dtype() == DType::Bool)
        throwRuntime("\"dot\" not implemented for 'Bool'");
    Tensor r = bmmKernel(view(detach(a), {1, 1, a.numel()}), view(detach(b), {1, b.numel(), 1}));
    return withGrad(reshape(r, {}), "DotBackward0", a, b);
}

Tensor mv(const Tensor& mat, const Tensor& vec) {
    checkDevices(mat, vec);
    if (mat.dim() != 2 || vec.dim() != 1)
        throwRuntime("vector + matrix @ vector expected, got 1, " + std::to_string(mat.dim()) + ", " +
                     std::to_string(vec.dim()));
    if (mat.sizes()[1] != vec.numel())
        throwRuntime("size mismatch, got input (" + std::to_string(mat.sizes()[0]) + "), mat (" + dims2(mat) +
                     "), vec (" + std::to_string(vec.numel()) + ")");
    checkSameDtype(mat, vec);
    Tensor r = bmmKernel(unsqueeze(detach(mat), 0), reshape(detach(vec), {1, vec.numel(), 1}));
    return withGrad(reshape(r, {mat.sizes()[0]}), "MvBackward0", mat, vec);
}

Tensor mm(const Tensor& a, const Tensor& b) {
    checkDevices(a, b);
    if (a.dim() != 2)
        throwRuntime("self must be a matrix");
    if (b.dim() != 2)
        throwRuntime("mat2 must be a matrix");
    if (a.sizes()[1] != b.sizes()[0])
        throwRuntime("mat1 and mat2 shapes cannot be multiplied (" + dims2(a) + " and " + dims2(b) + ")");
    checkSameDtype(a, b);
    Tensor r = bmmKernel(unsqueeze(detach(a), 0), unsqueeze(detach(b), 0));
    return withGrad(reshape(r, {a.sizes()[0], b.sizes()[1]}), "MmBackward0", a, b);
}

Tensor bmm(const Tensor& a, const Tensor& b) {
    checkDevices(a, b);
    if (a.dim() != 3)
        throwRuntime("batch1 must be a 3D tensor");
    if (b.dim() != 3)
        throwRuntime("batch2 must be a 3D tensor");
    if (a.sizes()[0] != b.sizes()[0])
        throwRuntime("batch1 and batch2 must have same number of batches, got " + std::to_string(a.sizes()[0]) +
                     " and " + std::to_string(b.sizes()[0]));
    if (a.sizes()[2] != b.sizes()[1])
        throwRuntime("Expected size for first two dimensions of batch2 tensor to be: [" + std::to_string(a.sizes()[0]) +
                     ", " + std::to_string(a.sizes()[2]) + "] but got: [" + std::to_string(b.sizes()[0]) + ", " +
                     std::to_string(b.sizes()[1]) + "].");
    checkSameDtype(a, b);
    return withGrad(bmmKernel(a, b), "BmmBackward0", a, b);
}

Tensor matmul(const Tensor& a, const Tensor& b) {
    const int64_t da = a.dim(), db = b.dim();
    if (da == 0 || db == 0)
        throwRuntime("both arguments to matmul need to be at least 1D, but they are " + std::to_string(da) + "D and " +
                     std::to_string(db) + "D");
    if (da == 1 && db == 1)
        return dot(a, b);
    if (da == 2 && db == 1)
        return mv(a, b);
    if (da == 1 && db == 2) {
        Tensor r = squeeze(mm(unsqueeze(a, 0), b), 0);
        return withGrad(r, "SqueezeBackward1", a, b);
    }
    if (da == 2 && db == 2)
        return mm(a, b);
    checkDevices(a, b);
    if (da >= 3 && db <= 2) { // fold a's batch dims into rows: one mm
        const int64_t k = a.sizes().back();
        Tensor a2 = reshape(detach(a), {-1, k});
        Tensor r = db == 1 ? mv(a2, detach(b)) : mm(a2, detach(b));
        DimVector shape(a.sizes().begin(), a.sizes().end() - 1);
        if (db == 2)
            shape.push_back(b.sizes()[1]);
        return withGrad(reshape(r, shape), "UnsafeViewBackward0", a, b);
    }
    // Broadcast batched product.
    const int64_t n = da >= 2 ? a.sizes()[static_cast<size_t>(da - 2)] : 1;
    const int64_t m1 = a.sizes().back();
    const int64_t m2 = db >= 2 ? b.sizes()[static_cast<size_t>(db - 2)] : b.sizes()[0];
    const int64_t p = db >= 2 ? b.sizes().back() : 1;
    DimVector batchA(a.sizes().begin(), a.sizes().end() - std::min<int64_t>(da, 2));
    DimVector batchB(b.sizes().begin(), b.sizes().end() - std::min<int64_t>(db, 2));
    DimVector batch = broadcastShapes(batchA, batchB);
    int64_t batchN = 1;
    for (int64_t s : batch)
        batchN *= s;
    DimVector expA = batch, expB = batch;
    expA.push_back(n);
    expA.push_back(m1);
    expB.push_back(m2);
    expB.push_back(p);
    Tensor a3 = reshape(expand(da == 1 ? unsqueeze(detach(a), 0) : detach(a), expA), {batchN, n, m1});
    Tensor b3 = reshape(expand(db == 1 ? unsqueeze(detach(b), 1) : detach(b), expB), {batchN, m2, p});
    if (m1 != m2)
        throwRuntime("Expected size for first two dimensions of batch2 tensor to be: [" + std::to_string(batchN) + ", " +
                     std::to_string(m1) + "] but got: [" + std::to_string(batchN) + ", " + std::to_string(m2) + "].");
    checkSameDtype(a, b);
    Tensor r = bmmKernel(a3, b3);
    DimVector shape = batch;
    if (da > 1)
        shape.push_back(n);
    if (db > 1)
        shape.push_back(p);
    return withGrad(reshape(r, shape), "UnsafeViewBackward0", a, b);
}

Tensor linear(const Tensor& x, const Tensor& weight, const std::optional<Tensor>& bias) {
    Tensor r = matmul(x, t(weight));
    if (!bias)
        return r;
    Tensor out = add(r, *bias);
    if (out.gradFn() && x.dim() == 2)
        out.impl()->gradFn = "AddmmBackward0";
    return out;
}

Tensor outer(const Tensor& a, const Tensor& b) {
    if (a.dim() != 1 || b.dim() != 1)
        throwRuntime("outer: Expected 1-D argument self, but got " + std::to_string(a.dim()) + "-D");
    return mul(reshape(a, {-1, 1}), b);
}

} // namespace gs::tensor
