#pragma once
// The pieces installTorch() assembles, one per file (internal to the bindings).
#include "core/torch/TorchBindings.h"

namespace gs::torch {

// Ops (each also binds its torch.* functions and Tensor methods).
void registerPointwiseOps(TorchContext& ctx);      // TorchPointwiseOps.cpp
void registerShapeOps(TorchContext& ctx);          // TorchShapeOps.cpp: views, copies, joins
void registerIndexingOps(TorchContext& ctx);       // TensorIndexing.cpp: x[k], x[k] = v
void registerReductionOps(TorchContext& ctx);      // TorchReductionOps.cpp: sum ..., matmul, softmax
void registerFactoryOps(TorchContext& ctx);        // TorchFactoryOps.cpp: zeros ..., RNG
void registerNnFunctionalOps(TorchContext& ctx);   // NnFunctional.cpp: torch.nn.functional

// Python-visible parts that are not ops.
void installTensorType(runtime::Interpreter& interp, TorchContext& ctx);     // TensorObject.cpp: construction
void installTensorMethods(runtime::Interpreter& interp, TorchContext& ctx);  // TensorMethods.cpp: metadata
void installTorchFunctions(runtime::Interpreter& interp, TorchContext& ctx); // TorchFunctions.cpp
void installGradMode(runtime::Interpreter& interp, TorchContext& ctx);       // TorchGradMode.cpp
void installAutocast(runtime::Interpreter& interp, TorchContext& ctx);       // TorchAutocast.cpp
void installNn(runtime::Interpreter& interp, TorchContext& ctx);             // NnModules.cpp
void installEqualityHook(runtime::Interpreter& interp, TorchContext& ctx);   // TorchEquality.cpp

} // namespace gs::torch
