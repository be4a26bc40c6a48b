// Grad mode: torch.is_grad_enabled / torch._C._set_grad_enabled (native, the tensor library's
// thread-local flag) and the context managers no_grad / enable_grad / set_grad_enabled /
// inference_mode, written in Python like torch/autograd/grad_mode.py so that they work both as
// `with` blocks and as decorators (with or without parentheses for no_grad / enable_grad).
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/tensor/GradMode.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

namespace {

constexpr const char* kGradModeSource = R"PY(
import torch
import torch._C


def _copy_identity(wrapper, wrapped):
    # functools.wraps, without depending on functools
    for name in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(wrapper, name, getattr(wrapped, name))
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


class _DecoratorContextManager:
    """A context manager that can also decorate a function (torch.autograd.grad_mode)."""

    def __call__(self, orig_func):
        ctx_factory = self.clone

        def decorate_context(*args, **kwargs):
            with ctx_factory():
                return orig_func(*args, **kwargs)

        return _copy_identity(decorate_context, orig_func)

    def __enter__(self):
        raise NotImplementedError

    def __exit__(self, exc_type, exc_value, traceback):
        raise NotImplementedError

    def clone(self):
        return self.__class__()


class _NoParamDecoratorContextManager(_DecoratorContextManager):
    """Also usable as a bare decorator: @torch.no_grad"""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecoratorContextManager):
    def __init__(self):
        self.prev = False

    def __enter__(self):
        self.prev = torch.is_grad_enabled()
        torch._C._set_grad_enabled(False)

    def __exit__(self, exc_type, exc_value, traceback):
        torch._C._set_grad_enabled(self.prev)


class enable_grad(_NoParamDecoratorContextManager):
    def __enter__(self):
        self.prev = torch.is_grad_enabled()
        torch._C._set_grad_enabled(True)

    def __exit__(self, exc_type, exc_value, traceback):
        torch._C._set_grad_enabled(self.prev)


class set_grad_enabled(_DecoratorContextManager):
    """Sets grad mode on construction, so it also works as a plain call."""

    def __init__(self, mode):
        self.prev = torch.is_grad_enabled()
        self.mode = mode
        torch._C._set_grad_enabled(mode)

    def __call__(self, orig_func):
        torch._C._set_grad_enabled(self.prev)
        return super().__call__(orig_func)

    def __enter__(self):
        torch._C._set_grad_enabled(self.mode)

    def __exit__(self, exc_type, exc_value, traceback):
        torch._C._set_grad_enabled(self.prev)

    def clone(self):
        return self.__class__(self.mode)


class inference_mode(_DecoratorContextManager):
    """No autograd here: inference mode is no_grad (when mode is True)."""

    def __new__(cls, mode=True):
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)

    def __init__(self, mode=True):
        self.mode = mode

    def __enter__(self):
        self.prev = torch.is_grad_enabled()
        torch._C._inference_mode_depth += 1 if self.mode else 0
        if self.mode:
            torch._C._set_grad_enabled(False)

    def __exit__(self, exc_type, exc_value, traceback):
        torch._C._inference_mode_depth -= 1 if self.mode else 0
        torch._C._set_grad_enabled(self.prev)

    def clone(self):
        return self.__class__(self.mode)
)PY";

} // namespace

void installGradMode(Interpreter& interp, TorchContext& ctx) {
    runtime::Module* torch = ctx.state->torchModule;
    runtime::Module* c = interp.nativeModule("torch._C");
    defineNative(interp, c, "_set_grad_enabled", [](const CallArgs& a) {
        a.expect("_set_grad_enabled", 1, 1);
        tensor::GradMode::setEnabled(boolArg(a[0]));
        return Value::none();
    });
    interp.setAttr(Value(c), "_inference_mode_depth", Value::integer(0));
    defineNative(interp, torch, "is_grad_enabled", [](const CallArgs& a) {
        a.expect("is_grad_enabled", 0, 0);
        return Value::boolean(tensor::GradMode::isEnabled());
    });
    runtime::Module* cm = c;
    defineNative(interp, torch, "is_inference_mode_enabled", [cm](const CallArgs& a) {
        a.expect("is_inference_mode_enabled", 0, 0);
        Value depth = Interpreter::current().getAttr(Value(cm), "_inference_mode_depth");
        return Value::boolean(intArg(depth) > 0);
    });
    interp.nativeModule("torch.autograd");
    interp.addSourceModule("torch.autograd.grad_mode", kGradModeSource, "<torch/autograd/grad_mode.py>");
    runtime::Module* gm = interp.importModule("torch.autograd.grad_mode");
    for (const char* name : {"no_grad", "enable_grad", "set_grad_enabled", "inference_mode"}) {
        Value cls = interp.getAttr(Value(gm), name);
        interp.setAttr(Value(torch), name, cls);
        interp.setAttr(Value(interp.findModule("torch.autograd")), name, cls);
    }
}

} // namespace gs::torch
