#include "core/advisor/FixPlanner.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "core/advisor/EditBuilder.h"

namespace gs::advisor {
namespace {

using session::ReasonCategory;
using C = ReasonCategory;

std::string marksText(const std::string& fn, const std::vector<InputMarks>& marks) {
    std::string out;
    for (const auto& m : marks)
        for (int d : m.dims) out += (out.empty() ? "" : ", ") + fn + "(" + m.param + ", " + std::to_string(d) + ")";
    return out;
}

std::string namesText(const std::vector<InputMarks>& marks) {
    std::string out;
    for (size_t i = 0; i < marks.size(); ++i)
        out += (i == 0 ? "" : i + 1 == marks.size() ? " and " : ", ") + marks[i].param;
    return out;
}

// What one compiled function's recompiles need; adds candidates through `add`.
class FramePlanner {
public:
    FramePlanner(const ScenarioFacts& facts, const FramePicture& picture, const FunctionInfo& fn, Plan& plan)
        : facts_(facts), picture_(picture), fn_(fn), plan_(plan) {}

    void planGroup(const RecompileGroup& g) {
        group_ = &g;
        lastWhy_.clear();
        size_t before = plan_.candidates.size();
        switch (g.category) {
        case C::SizeChange: sizeChange(); break;
        case C::ZeroOneSpecialization: zeroOne(); break;
        case C::DuckSizing: duckSizing(); break;
        case C::BoolFlip: boolFlip(); break;
        case C::IntValueChange: intValue(); break;
        case C::TypeChange: typeChange(); break;
        case C::Alias: alias(); break;
        case C::TrainEval: trainEval(); break;
        case C::StrideChange: wrapEach(".contiguous()", "pass a contiguous tensor", C::StrideChange); break;
        default: break;
        }
        if (plan_.candidates.size() == before)
            note(lastWhy_.empty() ? "no edit for this kind of recompile: see the suggested fix of its reasons" : lastWhy_);
    }

private:
    // Tensor parameters whose sizes varied across the calls, with the dims that varied.
    std::vector<InputMarks> varyingTensors(const std::function<bool(const InputVariation&, int)>& keep = nullptr) const {
        std::vector<InputMarks> out;
        for (const auto& p : fn_.params) {
            const InputVariation* in = picture_.input(p);
            if (!in || in->kinds != std::set<std::string>{"tensor"}) continue;
            InputMarks m{p, {}};
            for (int d : in->varyingDims())
                if (!keep || keep(*in, d)) m.dims.push_back(d);
            if (!m.dims.empty()) out.push_back(std::move(m));
        }
        return out;
    }

    void add(std::string kind, std::string title, std::string explanation, std::optional<std::vector<Edit>> edits,
             EditBuilder& b, bool lesson = false) {
        if (!edits) {
            lastWhy_ = b.why();
            return;
        }
        FixCandidate c;
        c.frame = fn_.name;
        c.category = group_->category;
        c.recompiles = group_->recompiles;
        c.kind = std::move(kind);
        c.title = std::move(title);
        c.explanation = std::move(explanation);
        c.edits = std::move(*edits);
        c.lesson = lesson;
        // The same edit reached from two groups is tried once.
        for (const auto& other : plan_.candidates)
            if (other.edits == c.edits) return;
        plan_.candidates.push_back(std::move(c));
    }

    void note(const std::string& text) {
        plan_.notes.push_back({fn_.name, group_->category, group_->recompiles, text});
    }

    // Edits of torch.compile's `dynamic=` and of the config the scenario sets, shared by the
    // shape categories.
    void dynamicKeyword(const std::string& why) {
        EditBuilder b(facts_);
        add("dynamic_true", "compile " + fn_.name + " with dynamic=True",
            "Every size (and local int) is symbolic from the first compile, so one graph serves them all; " + why,
            b.setCompileKeyword(fn_, "dynamic", "True"), b);
    }

    void automaticDynamicConfig() {
        const ConfigAssign* c = facts_.configAssign("torch._dynamo.config.automatic_dynamic_shapes");
        if (!c || c->valueText != "False") return;
        EditBuilder b(facts_);
        add("config", "turn automatic dynamic shapes back on",
            "The scenario sets automatic_dynamic_shapes = False, so every new size compiles its own graph; with the default "
            "(True) a size that changes becomes dynamic at its first recompile and later sizes reuse that graph",
            b.setConfig("torch._dynamo.config.automatic_dynamic_shapes", "True"), b);
    }

    void sizeChange() {
        auto marks = varyingTensors();
        if (!marks.empty()) {
            EditBuilder b1(facts_);
            add("maybe_mark_dynamic", marksText("torch._dynamo.maybe_mark_dynamic", marks) + " before each call",
                "Marks every dimension that changes across the calls of " + fn_.name + " (" + namesText(marks) +
                    ") dynamic from the first compile. maybe_mark_dynamic is a hint, not a promise: if the graph needs the "
                    "size to be a constant it is specialized instead of raising",
                b1.markInputs(fn_, picture_.callLines, marks, "torch._dynamo.maybe_mark_dynamic"), b1);
            EditBuilder b2(facts_);
            add("mark_dynamic", marksText("torch._dynamo.mark_dynamic", marks) + " before each call",
                "Marks every dimension that changes (" + namesText(marks) + ") dynamic with a hard constraint: compiling "
                    "raises ConstraintViolationError if the graph specializes one of them",
                b2.markInputs(fn_, picture_.callLines, marks, "torch._dynamo.mark_dynamic"), b2);
            // What the first reason alone suggests: the lesson of `x * y` (issue 13).
            if (!group_->dims.empty()) {
                auto first = *group_->dims.begin();
                std::vector<InputMarks> one{{first.first, {first.second}}};
                size_t total = 0;
                for (const auto& m : marks) total += m.dims.size();
                if (total > 1 && std::find(fn_.params.begin(), fn_.params.end(), first.first) != fn_.params.end()) {
                    EditBuilder b3(facts_);
                    add("mark_dynamic_first_reason", "torch._dynamo.mark_dynamic(" + first.first + ", " + std::to_string(first.second) +
                                                         ") only (what the first reason names)",
                        "Marks only the input the first recompile reason names; the other inputs whose size changes stay "
                        "static, so they still recompile — or the graph ties the marked size to a static one",
                        b3.markInputs(fn_, picture_.callLines, one, "torch._dynamo.mark_dynamic"), b3, true);
                }
            }
        }
        // Sizes that also take 0 or 1 are specialized even when dynamic (dynamo-semantics §3.5):
        // only an unbacked symbol covers them too.
        auto zeroOne = varyingTensors([](const InputVariation& in, int d) { return in.fellToZeroOrOne(d); });
        if (!zeroOne.empty()) {
            EditBuilder b(facts_);
            add("mark_unbacked", marksText("torch._dynamo.mark_unbacked", zeroOne) + " before each call",
                "The changing sizes include 0 or 1, which a dynamic (backed) size symbol never takes: an unbacked symbol has "
                "no 0/1 specialization, so every size, 0 and 1 included, reuses one graph",
                b.markInputs(fn_, picture_.callLines, zeroOne, "torch._dynamo.mark_unbacked"), b);
        }
        dynamicKeyword("a size of 0 or 1 is still specialized");
        automaticDynamicConfig();
    }

    void zeroOne() {
        auto marks = varyingTensors([](const InputVariation& in, int d) { return in.fellToZeroOrOne(d); });
        if (!marks.empty()) {
            EditBuilder b(facts_);
            add("mark_unbacked", marksText("torch._dynamo.mark_unbacked", marks) + " before each call",
                "An unbacked size symbol has no 0/1 specialization (no `2 <=` guard), so sizes 0 and 1 reuse the dynamic graph. "
                "Code that branches on such a size cannot be compiled and breaks the graph",
                b.markInputs(fn_, picture_.callLines, marks, "torch._dynamo.mark_unbacked"), b);
        }
        EditBuilder b(facts_);
        add("config", "automatic dynamic shapes mark sizes unbacked",
            "Sizes that become dynamic become unbacked symbols, which are not 0/1 specialized: after the first recompile, "
            "sizes 0 and 1 reuse the dynamic graph",
            b.setConfig("torch._dynamo.config.automatic_dynamic_shapes_mark_as", "\"unbacked\""), b);
    }

    void duckSizing() {
        EditBuilder b(facts_);
        add("config", "turn duck sizing off",
            "Under dynamic=True sizes that are equal when first traced share one symbol (duck sizing), and the graph is "
            "guarded on their equality; without duck sizing each size gets its own symbol and unequal sizes reuse the graph",
            b.setConfig("torch.fx.experimental._config.use_duck_shape", "False"), b);
        std::vector<InputMarks> marks;
        for (const auto& p : fn_.params) {
            const InputVariation* in = picture_.input(p);
            if (!in || in->kinds != std::set<std::string>{"tensor"} || !group_->sources.count(p) || in->ranks.size() != 1) continue;
            InputMarks m{p, {}};
            for (int d = 0; d < static_cast<int>(*in->ranks.begin()); ++d) m.dims.push_back(d);
            marks.push_back(std::move(m));
        }
        if (marks.empty()) return;
        EditBuilder b2(facts_);
        add("maybe_mark_dynamic", marksText("torch._dynamo.maybe_mark_dynamic", marks) + " before each call",
            "A marked dimension always gets a fresh symbol (no duck sizing), so equal sizes are not assumed to stay equal",
            b2.markInputs(fn_, picture_.callLines, marks, "torch._dynamo.maybe_mark_dynamic"), b2);
    }

    std::vector<std::string> paramsOfKind(const std::string& kind) const {
        std::vector<std::string> out;
        for (const auto& p : fn_.params) {
            const InputVariation* in = picture_.input(p);
            if (in && in->kinds.count(kind) && (group_->sources.count(p) || group_->sources.empty())) out.push_back(p);
        }
        return out;
    }

    void boolFlip() {
        for (const auto& p : paramsOfKind("bool")) {
            EditBuilder lesson(facts_);
            add("bool_as_tensor", "pass " + p + " as torch.tensor(" + p + ")",
                "The flag becomes a tensor input: one graph for both values — unless the function branches on it, where "
                "reading a tensor's value is a graph break",
                lesson.wrapArgument(fn_, picture_.callLines, p, "torch.tensor(", ")"), lesson, true);
            EditBuilder where(facts_);
            auto body = where.branchToWhere(fn_, p);
            if (!body) {
                lastWhy_ = where.why();
                continue;
            }
            auto calls = where.wrapArgument(fn_, picture_.callLines, p, "torch.tensor(", ")");
            if (!calls) {
                lastWhy_ = where.why();
                continue;
            }
            body->insert(body->end(), calls->begin(), calls->end());
            add("bool_where", "pass " + p + " as a tensor and select with torch.where",
                "Both branches are computed and torch.where picks one by the flag's value inside the graph: one graph, no "
                "graph break, for either value",
                body, where);
        }
    }

    void intValue() {
        for (const auto& src : group_->sources)
            if (std::find(fn_.params.begin(), fn_.params.end(), src) != fn_.params.end()) {
                dynamicKeyword("an int argument becomes a SymInt at once instead of after its first change");
                break;
            }
        for (const auto& src : group_->sources) {
            if (src.rfind("self.", 0) == 0) {
                EditBuilder b(facts_);
                add("config", "let integer attributes of modules be dynamic",
                    "nn.Module integer attributes are static by default; allow_unspec_int_on_nn_module makes them dynamic like "
                    "local ints",
                    b.setConfig("torch._dynamo.config.allow_unspec_int_on_nn_module", "True"), b);
            } else if (std::find(fn_.params.begin(), fn_.params.end(), src) != fn_.params.end()) {
                EditBuilder b(facts_);
                add("int_as_tensor", "pass " + src + " as torch.tensor(" + src + ")",
                    "A tensor's value is data, not a guarded constant: one graph for every value (the result keeps the "
                    "tensor's dtype rules)",
                    b.wrapArgument(fn_, picture_.callLines, src, "torch.tensor(", ")"), b);
            }
        }
    }

    void typeChange() {
        for (const auto& p : fn_.params) {
            const InputVariation* in = picture_.input(p);
            if (!in || !in->kinds.count("tensor") || in->kinds.size() < 2) continue;
            EditBuilder b(facts_);
            add("as_tensor", "always pass " + p + " as a tensor: torch.as_tensor(" + p + ")",
                "The input has one type on every call (a Python number becomes a 0-d tensor), so the type guard always passes",
                b.wrapArgument(fn_, picture_.callLines, p, "torch.as_tensor(", ")"), b);
        }
    }

    void alias() {
        for (const auto& p : fn_.params) {
            const InputVariation* in = picture_.input(p);
            if (!in || !in->aliased) continue;
            EditBuilder b(facts_);
            add("clone", "pass a copy: " + p + "=<tensor>.clone() where the same tensor is passed twice",
                "The inputs are distinct tensors again, so the entry compiled for distinct inputs is reused; the results stay "
                "the same only if the aliasing was accidental (no input is changed in place and read through the other)",
                b.wrapArgument(fn_, picture_.callLines, p, "", ".clone()", true), b);
        }
    }

    void trainEval() {
        size_t before = plan_.candidates.size();
        for (const auto& src : group_->sources) {
            // self._modules['dropout'].training: a direct submodule of the compiled module
            const std::string pre = "self._modules['", post = "'].training";
            if (src.rfind(pre, 0) != 0 || src.size() <= pre.size() + post.size() || src.compare(src.size() - post.size(), post.size(), post) != 0)
                continue;
            std::string attr = src.substr(pre.size(), src.size() - pre.size() - post.size());
            if (attr.find('\'') != std::string::npos || fn_.className.empty()) continue;
            EditBuilder b(facts_);
            add("identity", "replace the no-op nn.Dropout(0.0) " + attr + " by nn.Identity()",
                "Dropout with p=0 computes the same in both modes but still reads `training`, so each mode compiles its own "
                "graph; nn.Identity reads nothing and the mode switch no longer recompiles",
                b.replaceSubmodule(fn_.className, attr, "Dropout", 0.0, "torch.nn.Identity()"), b);
        }
        if (plan_.candidates.size() == before)
            lastWhy_ = "train() and eval() compute different graphs here (a mode-dependent layer with an effect): both entries "
                       "are needed; compile after choosing the mode if only one is used";
    }

    void wrapEach(const std::string& suffix, const std::string& what, ReasonCategory) {
        for (const auto& p : fn_.params) {
            if (!group_->sources.count(p)) continue;
            EditBuilder b(facts_);
            add("wrap", what + ": " + p + suffix, "The input has the same layout on every call, so its stride guard passes",
                b.wrapArgument(fn_, picture_.callLines, p, "", suffix), b);
        }
    }

    const ScenarioFacts& facts_;
    const FramePicture& picture_;
    const FunctionInfo& fn_;
    Plan& plan_;
    const RecompileGroup* group_ = nullptr;
    std::string lastWhy_;
};

} // namespace

Plan FixPlanner::plan(const ScenarioFacts& facts, const std::vector<FramePicture>& pictures) {
    Plan plan;
    for (const auto& p : pictures) {
        if (p.groups.empty()) continue;
        const FunctionInfo* fn = facts.parsed() ? facts.functionOf(p.frame) : nullptr;
        if (!fn) {
            for (const auto& g : p.groups)
                plan.notes.push_back({p.frame.name, g.category, g.recompiles,
                                      facts.parsed() ? "the function " + p.frame.name + " is not defined in the scenario's own text"
                                                     : "the scenario does not parse: " + facts.error()});
            continue;
        }
        FramePlanner fp(facts, p, *fn, plan);
        for (const auto& g : p.groups) fp.planGroup(g);
    }
    return plan;
}

} // namespace gs::advisor
