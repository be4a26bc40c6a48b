// torch.compiler.set_stance (and torch._dynamo.set_stance): how compiled functions behave for a
// while — "default", "force_eager" (run eagerly, no lookup, no compile), "eager_on_recompile"
// (hits run compiled entries; a miss runs eagerly instead of recompiling) and
// "fail_on_recompile" (a recompile raises RuntimeError, dynamo-semantics §5.4). Called as a
// function it changes the stance globally; the object it returns restores the previous stance
// when used as a context manager, and used as a decorator it applies to that function only.
#include "core/engine/Engine.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::CallArgs;
using runtime::Value;

namespace {

class StanceObject : public runtime::Object {
public:
    StanceObject(runtime::Type* t, Engine* e, std::string stance, std::string prior)
        : runtime::Object(t), engine(e), stance(std::move(stance)), prior(std::move(prior)) {}
    Engine* engine;
    std::string stance, prior;
    std::string repr() override { return "<_set_stance " + stance + ">"; }
    bool callable() const override { return true; }
    // As a decorator the stance applies while the function runs; defining it changes nothing.
    Value call(const CallArgs& a) override {
        auto& In = runtime::Interpreter::current();
        a.expect("_set_stance", 1, 1);
        Engine* self = engine;
        self->stance = prior;
        std::string s = stance;
        Value fn = a[0];
        Value wrapper = In.newFunction("_fn", [self, s, fn](const CallArgs& b) {
            std::string before = self->stance;
            self->stance = s;
            try {
                Value r = runtime::Interpreter::current().call(fn, b);
                self->stance = before;
                return r;
            } catch (...) {
                self->stance = before;
                throw;
            }
        });
        if (auto* nf = dynamic_cast<runtime::NativeFunction*>(wrapper.obj())) nf->binds = true;
        return wrapper;
    }
};

bool validStance(const std::string& s) {
    return s == "default" || s == "force_eager" || s == "eager_on_recompile" || s == "fail_on_recompile";
}

} // namespace

void Engine::installStance() {
    auto& I = interp;
    Engine* self = this;
    runtime::Type* t = I.newNativeType("_set_stance", "torch._dynamo.eval_frame");
    auto stance = [self, t](const CallArgs& a) -> Value {
        auto& In = runtime::Interpreter::current();
        runtime::ArgParser p(a, "set_stance", {"stance", "skip_guard_eval_unsafe", "force_backend"}, 0, 1);
        std::string s = p.getStr(0, "default");
        if (!validStance(s)) In.raise("RuntimeError", "invalid torch.compile stance '" + s + "'");
        if (self->tracer()) In.raise("RuntimeError", "Attempt to trace forbidden callable <function set_stance>");
        Value obj(new StanceObject(t, self, s, self->stance));
        self->stance = s;
        return obj;
    };
    I.addMethod(t, "__enter__", [](const CallArgs& a) { return a[0]; });
    I.addMethod(t, "__exit__", [self](const CallArgs& a) {
        self->stance = static_cast<StanceObject*>(a[0].obj())->prior;
        return Value::boolean(false);
    });
    I.defineFunction(I.nativeModule("torch.compiler"), "set_stance", stance);
    I.defineFunction(I.nativeModule("torch._dynamo"), "set_stance", stance);
}

} // namespace gs::engine
