// unittest assertEqual on tensors through the interpreter's equality hook.
#include <gtest/gtest.h>

#include <vector>

#include "TorchTestHarness.h"

using gs::torch::test::TorchHarness;
using gs::runtime::TestResult;

namespace {

std::vector<TestResult> runTests(TorchHarness& h, const std::string& source) {
    std::vector<TestResult> results;
    h.interp.setTestResultCallback([&](const TestResult& r) { results.push_back(r); });
    h.interp.setErrorOutput([](std::string_view) {});
    h.run(source);
    h.interp.runTests();
    return results;
}

} // namespace

TEST(TorchEquality, AssertEqualComparesTensorsLikeAssertClose) {
    TorchHarness h;
    auto results = runTests(h,
                            "import torch\n"
                            "import unittest\n"
                            "class T(unittest.TestCase):\n"
                            "    def test_a_close(self):\n"
                            "        self.assertEqual(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-7]))\n"
                            "        self.assertEqual(torch.tensor([1, 2]), [1, 2])\n"
                            "        self.assertEqual(torch.tensor(3.0), 3)\n"
                            "        self.assertEqual(torch.tensor([float('nan')]), torch.tensor([float('nan')]))\n"
                            "        self.assertEqual([torch.ones(1), 2], [torch.ones(1), 2])\n"
                            "    def test_b_values(self):\n"
                            "        self.assertEqual(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([1.0, 2.5, 3.0]))\n"
                            "    def test_c_shape(self):\n"
                            "        self.assertEqual(torch.zeros(2), torch.zeros(3))\n"
                            "    def test_d_dtype(self):\n"
                            "        self.assertEqual(torch.zeros(2), torch.zeros(2, dtype=torch.float64))\n"
                            "    def test_e_scalar(self):\n"
                            "        self.assertEqual(torch.tensor(2.0), 3.0)\n"
                            "    def test_f_ints(self):\n"
                            "        self.assertEqual(torch.tensor([1, 2, 3]), torch.tensor([1, 3, 3]))\n");
    ASSERT_EQ(results.size(), 6u);
    EXPECT_EQ(results[0].status, TestResult::Status::Ok) << results[0].message;
    EXPECT_EQ(results[1].status, TestResult::Status::Fail);
    // The runtime reports the exception line; the relative difference is computed in float32
    // (as torch.testing does for float32 inputs).
    EXPECT_EQ(results[1].message,
              "AssertionError: Tensor-likes are not close!\n\n"
              "Mismatched elements: 1 / 3 (33.3%)\n"
              "Greatest absolute difference: 0.5 at index (1,) (up to 1e-05 allowed)\n"
              "Greatest relative difference: 0.20000000298023224 at index (1,) (up to 1.3e-06 allowed)");
    EXPECT_EQ(results[2].message, "AssertionError: The values for attribute 'shape' do not match: torch.Size([2]) != torch.Size([3]).");
    EXPECT_EQ(results[3].message, "AssertionError: The values for attribute 'dtype' do not match: torch.float32 != torch.float64.");
    EXPECT_EQ(results[4].message,
              "AssertionError: Scalars are not close!\n\n"
              "Expected 3.0 but got 2.0.\n"
              "Absolute difference: 1.0 (up to 1e-05 allowed)\n"
              "Relative difference: 0.3333333333333333 (up to 1.3e-06 allowed)");
    // int64 / int64 divides into the default float dtype
    EXPECT_EQ(results[5].message,
              "AssertionError: Tensor-likes are not equal!\n\n"
              "Mismatched elements: 1 / 3 (33.3%)\n"
              "Greatest absolute difference: 1 at index (1,)\n"
              "Greatest relative difference: 0.3333333432674408 at index (1,)");
}

TEST(TorchEquality, NonTensorPairsAreLeftToTheRuntime) {
    TorchHarness h;
    const auto& hook = h.interp.equalityHook();
    ASSERT_TRUE(hook);
    EXPECT_EQ(hook(gs::runtime::Value::integer(1), gs::runtime::Value::integer(2)).kind,
              gs::runtime::EqualityResult::Kind::NotHandled);
}
