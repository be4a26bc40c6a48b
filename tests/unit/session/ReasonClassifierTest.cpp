// ReasonClassifier over real reason texts (dynamo-semantics §2.2, §5.1; the sample TORCH_TRACE
// logs' recompile_reasons payloads).
#include "core/session/ReasonClassifier.h"

#include <gtest/gtest.h>

using namespace gs::session;
using C = ReasonCategory;

namespace {

struct Expect {
    const char* text;
    C category;
    const char* guardKind;
    const char* source;
    const char* expected = "";
    const char* actual = "";
    int dim = -1;
};

std::ostream& operator<<(std::ostream& os, const Expect& e) { return os << e.text; }

class ReasonTable : public ::testing::TestWithParam<Expect> {};

TEST_P(ReasonTable, ClassifiesCategoryKindSourceAndValues) {
    const Expect& e = GetParam();
    RecompileReason r = ReasonClassifier::classify(e.text);
    EXPECT_EQ(toString(r.category), toString(e.category));
    EXPECT_EQ(r.guardKind, e.guardKind);
    EXPECT_EQ(r.source, e.source);
    EXPECT_EQ(r.expected, e.expected);
    EXPECT_EQ(r.actual, e.actual);
    EXPECT_EQ(r.dim, e.dim);
    EXPECT_FALSE(r.fix.empty());
}

// Texts are quoted from dynamo-semantics §2.2/§5.1 and the sample logs unless marked "derived".
INSTANTIATE_TEST_SUITE_P(RealReasons, ReasonTable, ::testing::Values(
    // TENSOR_MATCH (guards.cpp wording), new and old (≤2.6, unstripped L['x']) forms
    Expect{"0/0: tensor 'x' size mismatch at index 0. expected 3, actual 4", C::SizeChange, "TENSOR_MATCH", "x", "3", "4", 0},
    Expect{"0/13: tensor 'x' size mismatch at index 0. expected 15, actual 16", C::SizeChange, "TENSOR_MATCH", "x", "15", "16", 0},
    Expect{"tensor 'L['x']' size mismatch at index 0. expected 200, actual 37", C::SizeChange, "TENSOR_MATCH", "x", "200", "37", 0},
    Expect{"0/7: tensor 'cache.cache[0][0]' size mismatch at index 2. expected 77, actual 78", C::SizeChange, "TENSOR_MATCH", "cache.cache[0][0]", "77", "78", 2},
    Expect{"tensor 'x' stride mismatch at index 0. expected 20, actual 1", C::StrideChange, "TENSOR_MATCH", "x", "20", "1", 0},
    Expect{"tensor 'x' rank mismatch. expected 3, actual 2", C::RankChange, "TENSOR_MATCH", "x", "3", "2"},
    Expect{"0/0: tensor 'O' dtype mismatch. expected BFloat16, actual Float", C::DtypeChange, "TENSOR_MATCH", "O", "BFloat16", "Float"},
    Expect{"tensor 'x' dtype mismatch. expected Float, actual Half", C::DtypeChange, "TENSOR_MATCH", "x", "Float", "Half"},
    Expect{"tensor 'x' requires_grad mismatch. expected requires_grad=0", C::RequiresGradChange, "TENSOR_MATCH", "x", "False", "True"},
    Expect{"tensor 'x' Tensor device index mismatch. Expected device index to be 0, actual 1", C::DeviceChange, "TENSOR_MATCH", "x", "0", "1"},
    Expect{"tensor 'x' dispatch key set mismatch. expected DispatchKeySet(CPU, BackendSelect), actual DispatchKeySet(CUDA, BackendSelect)",
           C::DeviceChange, "TENSOR_MATCH", "x", "DispatchKeySet(CPU, BackendSelect)", "DispatchKeySet(CUDA, BackendSelect)"},
    Expect{"tensor 'x' dispatch key set mismatch. expected DispatchKeySet(CPU, BackendSelect), actual DispatchKeySet(CPU, Python, BackendSelect)",
           C::Other, "TENSOR_MATCH", "x", "DispatchKeySet(CPU, BackendSelect)", "DispatchKeySet(CPU, Python, BackendSelect)"},
    Expect{"expected type of 'b' to be <class 'torch.Tensor'>, but found <class 'int'>", C::TypeChange, "TENSOR_MATCH", "b",
           "<class 'torch.Tensor'>", "<class 'int'>"},
    Expect{"expected type of 'w' to be <class 'torch.nn.parameter.Parameter'>, but found <class 'torch.Tensor'>", C::TypeChange,
           "TENSOR_MATCH", "w", "<class 'torch.nn.parameter.Parameter'>", "<class 'torch.Tensor'>"},
    // identity / type ids; trailing padding as in dedicated_log_torch_trace_rank_0.log
    Expect{"0/0: ___check_obj_id(fn, 140439264606080)                   ", C::ObjectIdentity, "ID_MATCH", "fn", "140439264606080"},
    Expect{"___check_obj_id(fn.__code__, 4310573648)", C::ObjectIdentity, "ID_MATCH", "fn.__code__", "4310573648"},
    Expect{"___check_obj_id(L['y'], 1403, type=<class 'function'>)", C::ObjectIdentity, "ID_MATCH", "y", "1403"},
    Expect{"___check_obj_id(L['self'].training, 7677664)", C::TrainEval, "ID_MATCH", "self.training", "7677664"},
    Expect{"___check_type_id(L['n'], 7640416)", C::TypeChange, "TYPE_MATCH", "n", "7640416"},
    // bools and the training flag
    Expect{"L['x'] == True", C::BoolFlip, "BOOL_MATCH", "x", "True", "False"},
    Expect{"0/1: flag == False", C::BoolFlip, "BOOL_MATCH", "flag", "False", "True"},
    Expect{"0/0: fn._modules['1'].training == True", C::TrainEval, "BOOL_MATCH", "fn._modules['1'].training", "True", "False"},
    Expect{"L['self']._modules['dropout'].training == False", C::TrainEval, "BOOL_MATCH", "self._modules['dropout'].training", "False", "True"},
    // specialized constants
    Expect{"0/3: L['n'] == 10", C::IntValueChange, "EQUALS_MATCH", "n", "10"},
    Expect{"n == 3", C::IntValueChange, "EQUALS_MATCH", "n", "3"},
    Expect{"0/7: G['step'] == 7", C::IntValueChange, "EQUALS_MATCH", "G['step']", "7"},
    Expect{"L['mode'] == 'train'", C::ConstantChange, "EQUALS_MATCH", "mode", "'train'"},
    Expect{"L['scale'] == 0.5", C::ConstantChange, "EQUALS_MATCH", "scale", "0.5"},
    Expect{"L['shape'] == (2, 3)", C::ConstantChange, "EQUALS_MATCH", "shape", "(2, 3)"},
    Expect{"L['x'] is None", C::ConstantChange, "NONE_MATCH", "x", "None"},
    Expect{"(type(L['s']) is float and __math_isnan(L['s']))", C::ConstantChange, "EQUALS_MATCH", "s", "nan"},
    Expect{"len(L['ys']) == 2", C::ConstantChange, "LENGTH_CHECK", "ys", "2"},
    Expect{"not L['kwargs']", C::ConstantChange, "LENGTH_CHECK", "kwargs", "0"},
    // aliasing
    Expect{"Duplicate tensors found: [\"a\", \"c\"]", C::Alias, "NO_TENSOR_ALIASING", "[\"a\", \"c\"]"},
    Expect{"Duplicate tensor found where not expected! L['c']should not alias to anything, but is aliased", C::Alias,
           "NO_TENSOR_ALIASING", "c"},
    Expect{"check_no_aliasing(L['a'], L['b'], L['c'])", C::Alias, "NO_TENSOR_ALIASING", "a, b, c"},
    Expect{"a is c", C::Alias, "DUPLICATE_INPUT", "a", "c"},
    Expect{"L['a'] is L['c']", C::Alias, "DUPLICATE_INPUT", "a", "c"},
    // global state
    Expect{"0/0: GLOBAL_STATE changed: grad_mode ", C::GlobalState, "GLOBAL_STATE", "grad_mode"},
    Expect{"GLOBAL_STATE changed: grad_mode autocast ", C::GlobalState, "GLOBAL_STATE", "grad_mode autocast"},
    Expect{"___check_global_state()", C::GlobalState, "GLOBAL_STATE", ""},
    Expect{"utils_device.CURRENT_DEVICE == None", C::GlobalState, "DEFAULT_DEVICE", "utils_device.CURRENT_DEVICE", "None"},
    // symbolic shape guards (with the 0/1 comment of the newest logs)
    Expect{"0/1: 2 <= x.size()[0]  # return (x @ x.T).relu().sum()  # code/day26/recompile.py:22 in net (user code shown is first use of "
           "this value--the guard itself is not due user code but due to 0/1 specialization in the framework; to avoid specialization "
           "try torch._dynamo.mark_unbacked(tensor, dim))",
           C::ZeroOneSpecialization, "SHAPE_ENV", "x", "2 <= x.size()[0]", "", 0},
    // the bare `2 <=` bound is 0/1 specialization too (dynamo-semantics §3.5); a range is mark_dynamic's min/max
    Expect{"2 <= L['x'].size()[0]", C::ZeroOneSpecialization, "SHAPE_ENV", "x", "2 <= L['x'].size()[0]", "", 0},
    Expect{"L['x'].size()[1] >= 2", C::ZeroOneSpecialization, "SHAPE_ENV", "x", "L['x'].size()[1] >= 2", "", 1},
    Expect{"2 <= L['x'].size()[0] <= 14", C::ShapeGuard, "SHAPE_ENV", "x", "2 <= L['x'].size()[0] <= 14", "", 0},
    // the duck-sizing equality, recognised by the explanation PyTorch appends to its code part
    Expect{"0/0: x.size()[1] == x.size()[0]  # return x.sum()  # t.py:5 in f  # duck sizing added this equality because these "
           "variables had the same size 3 (to avoid this specialization, set torch.fx.experimental._config.use_duck_shape = False)",
           C::DuckSizing, "SHAPE_ENV", "x", "x.size()[1] == x.size()[0]", "", 1},
    Expect{"3 <= L['y'].size()[0] <= 14", C::ShapeGuard, "SHAPE_ENV", "y", "3 <= L['y'].size()[0] <= 14", "", 0},
    Expect{"L['y'].size()[0] == L['x'].size()[0]", C::ShapeGuard, "SHAPE_ENV", "y", "L['y'].size()[0] == L['x'].size()[0]", "", 0},
    Expect{"L['x'].stride()[0] == L['x'].size()[1]", C::ShapeGuard, "SHAPE_ENV", "x", "L['x'].stride()[0] == L['x'].size()[1]", "", 0},
    Expect{"Ne(L['x'].size()[1], 1)", C::ShapeGuard, "SHAPE_ENV", "x", "Ne(L['x'].size()[1], 1)", "", 1},
    Expect{"Eq(s77, 5)", C::ShapeGuard, "SHAPE_ENV", "", "Eq(s77, 5)"},
    Expect{"L['y'] != 2", C::ShapeGuard, "SHAPE_ENV", "y", "L['y'] != 2"},
    // dynamic indices (mark_dynamic)
    Expect{"hasattr(L['x'], '_dynamo_dynamic_indices') == False", C::DynamicIndices, "NO_HASATTR", "x"},
    Expect{"((L['x']._dynamo_dynamic_indices.issubset({0})) if hasattr(L['x'], '_dynamo_dynamic_indices') else True)",
           C::DynamicIndices, "DYNAMIC_INDICES", "x", "{0}"},
    // other
    Expect{"___guarded_code.valid", C::Other, "", ""},
    Expect{"Cache line invalidated because L['m'] got deallocated", C::ObjectIdentity, "", "m"},
    Expect{"not ___dict_contains('forward', L['m'].__dict__)", C::Other, "DICT_CONTAINS", "m.__dict__", "no key 'forward'"},
    Expect{"something nobody has seen before", C::Other, "", "something"}));

TEST(ReasonClassifier, PrefixGoesToFailedEntryIdAndTextKeepsThePrintedReason) {
    RecompileReason r = ReasonClassifier::classify("0/13: tensor 'x' size mismatch at index 0. expected 15, actual 16");
    EXPECT_EQ(r.failedEntryId, "0/13");
    EXPECT_EQ(r.text, "tensor 'x' size mismatch at index 0. expected 15, actual 16");
    ASSERT_EQ(r.allFailures.size(), 1u);
    EXPECT_EQ(r.allFailures[0], r.text);
}

TEST(ReasonClassifier, PrefixIsOptionalAndAttemptAndCompiledAutogradFormsAreAccepted) {
    EXPECT_EQ(ReasonClassifier::classify("L['n'] == 3").failedEntryId, "");
    EXPECT_EQ(ReasonClassifier::classify("1/2_1: L['n'] == 3").failedEntryId, "1/2_1");
    EXPECT_EQ(ReasonClassifier::classify("!0/1/0: L['n'] == 3").failedEntryId, "!0/1/0");
    EXPECT_EQ(ReasonClassifier::classify("- 0/0: L['n'] == 3").failedEntryId, "0/0"); // TORCH_LOGS bullet
    // a number that is not a compile id stays in the text
    RecompileReason r = ReasonClassifier::classify("2 <= x.size()[0]");
    EXPECT_EQ(r.failedEntryId, "");
    EXPECT_EQ(r.category, C::ZeroOneSpecialization);
}

TEST(ReasonClassifier, TrailingWhitespaceIsTrimmedFromText) {
    RecompileReason r = ReasonClassifier::classify("0/0: ___check_obj_id(fn, 140439264606080)                   ");
    EXPECT_EQ(r.text, "___check_obj_id(fn, 140439264606080)");
}

TEST(ReasonClassifier, VerbosePartsJoinedBySemicolonGoToAllFailuresFirstOneClassifies) {
    RecompileReason r = ReasonClassifier::classify(
        "0/0: tensor 'x' size mismatch at index 0. expected 3, actual 4; L['n'] == 3; ___check_obj_id(L['f'], 12)");
    ASSERT_EQ(r.allFailures.size(), 3u);
    EXPECT_EQ(r.allFailures[0], "tensor 'x' size mismatch at index 0. expected 3, actual 4");
    EXPECT_EQ(r.allFailures[1], "L['n'] == 3");
    EXPECT_EQ(r.allFailures[2], "___check_obj_id(L['f'], 12)");
    EXPECT_EQ(r.category, C::SizeChange);
    EXPECT_EQ(r.source, "x");
}

TEST(ReasonClassifier, SemicolonInsideStringOrBracketsDoesNotSplit) {
    RecompileReason r = ReasonClassifier::classify("L['s'] == 'a; b'");
    ASSERT_EQ(r.allFailures.size(), 1u);
    EXPECT_EQ(r.category, C::ConstantChange);
    EXPECT_EQ(r.expected, "'a; b'");
}

TEST(ReasonClassifier, UserStackAppendedByNewestPyTorchIsNotClassified) {
    RecompileReason r = ReasonClassifier::classify(
        "0/0: tensor 'x' size mismatch at index 0. expected 3, actual 4\nUser stack trace:\n  File \"t.py\", line 5, in fn\n    return x + 1");
    EXPECT_EQ(r.category, C::SizeChange);
    EXPECT_EQ(r.actual, "4");
    ASSERT_EQ(r.allFailures.size(), 1u);
    EXPECT_EQ(r.allFailures[0], "tensor 'x' size mismatch at index 0. expected 3, actual 4");
    EXPECT_NE(r.text.find("User stack trace"), std::string::npos); // text stays as printed
}

TEST(ReasonClassifier, NnModuleIntHintIsNotPartOfTheValue) {
    RecompileReason r = ReasonClassifier::classify(
        "0/1: L['self'].n == 4 (HINT: torch.compile considers integer attributes of the nn.Module to be static. If you are "
        "observing recompilation, you might want to make this integer dynamic using "
        "torch._dynamo.config.allow_unspec_int_on_nn_module = True, or convert this integer into a tensor.)");
    EXPECT_EQ(r.category, C::IntValueChange);
    EXPECT_EQ(r.source, "self.n");
    EXPECT_EQ(r.expected, "4");
    EXPECT_NE(r.fix.find("allow_unspec_int_on_nn_module"), std::string::npos);
}

TEST(ReasonClassifier, FixesNameTheSourceAndDimension) {
    // Issue 13: a size change is fixed on every varying input, with maybe_mark_dynamic (plain
    // mark_dynamic raises ConstraintViolationError when the dim is specialized, e.g. by x * y).
    std::string size = ReasonClassifier::classify("tensor 'x' size mismatch at index 1. expected 3, actual 4").fix;
    EXPECT_NE(size.find("torch._dynamo.maybe_mark_dynamic(x, 1)"), std::string::npos) << size;
    EXPECT_NE(size.find("every input whose size changes"), std::string::npos) << size;
    EXPECT_NE(size.find("dynamic=True"), std::string::npos) << size;
    // a bool flip: passing the flag as a tensor alone is a graph break where it is branched on
    std::string flip = ReasonClassifier::classify("L['flag'] == True").fix;
    EXPECT_NE(flip.find("torch.where"), std::string::npos) << flip;
    EXPECT_NE(flip.find("graph break"), std::string::npos) << flip;
    EXPECT_EQ(ReasonClassifier::classify("a is c").fix,
              "The same tensor is passed twice (or aliases a global); if that is accidental pass distinct tensors (x.clone()), "
              "otherwise the extra graph is needed");
    EXPECT_EQ(ReasonClassifier::classify("L['self'].training == True").fix,
              "Compile after choosing the mode (model.eval()), or keep one compiled module per mode");
    EXPECT_NE(ReasonClassifier::classify("L['n'] == 3").fix.find("dynamic=True"), std::string::npos);
    EXPECT_EQ(ReasonClassifier::classify("___check_obj_id(L['fn'], 1)").fix,
              "A guarded object was replaced by another object (new function/module instance each call); reuse the same object");
    EXPECT_EQ(ReasonClassifier::classify("GLOBAL_STATE changed: grad_mode ").fix,
              "Grad mode or another global setting changed between calls; keep it constant around the compiled call");
    std::string zeroOne = ReasonClassifier::classify("2 <= L['x'].size()[0]").fix;
    EXPECT_NE(zeroOne.find("torch._dynamo.mark_unbacked(x, 0)"), std::string::npos) << zeroOne;
    EXPECT_NE(zeroOne.find("automatic_dynamic_shapes_mark_as"), std::string::npos) << zeroOne;
    std::string duck = ReasonClassifier::classify("x.size()[1] == x.size()[0]  # f()  # duck sizing added this equality because x").fix;
    EXPECT_NE(duck.find("torch.fx.experimental._config.use_duck_shape = False"), std::string::npos) << duck;
    EXPECT_NE(ReasonClassifier::classify("G['step'] == 7").fix.find("global"), std::string::npos);
}

TEST(ReasonClassifier, RefineFilesEverySizeThatFellToZeroOrOneUnderZeroOneSpecialization) {
    // sizes 3, 2, 1, 0 (dynamo-semantics §3.4): at x=[0] the entries are [1], [s77], [3]
    Recompile r;
    r.reasons.push_back(ReasonClassifier::classify("0/2: tensor 'x' size mismatch at index 0. expected 1, actual 0"));
    r.reasons.push_back(ReasonClassifier::classify("0/1: 2 <= x.size()[0]"));
    r.reasons.push_back(ReasonClassifier::classify("0/0: tensor 'x' size mismatch at index 0. expected 3, actual 0"));
    r.reasons.push_back(ReasonClassifier::classify("0/0: tensor 'y' size mismatch at index 0. expected 3, actual 0"));
    ReasonClassifier::refine(r);
    EXPECT_EQ(r.reasons[0].category, C::ZeroOneSpecialization);
    EXPECT_NE(r.reasons[0].fix.find("mark_unbacked"), std::string::npos);
    EXPECT_EQ(r.reasons[1].category, C::ZeroOneSpecialization);
    EXPECT_EQ(r.reasons[2].category, C::ZeroOneSpecialization);
    EXPECT_EQ(r.reasons[3].category, C::SizeChange);  // another input: its own story
    // without a failed `2 <=` bound a size of 1 is an ordinary size change (static shapes)
    Recompile s;
    s.reasons.push_back(ReasonClassifier::classify("0/0: tensor 'x' size mismatch at index 0. expected 3, actual 1"));
    ReasonClassifier::refine(s);
    EXPECT_EQ(s.reasons[0].category, C::SizeChange);
}

TEST(ReasonClassifier, StripLocalScopeFollowsTheGuardsPyRegex) {
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L['x']"), "x");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L[\"x\"]"), "x");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L[ 'x' ]"), "x");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L['self']._modules['dropout'].training"), "self._modules['dropout'].training");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("G['g'] + L['y'].size()[0]"), "G['g'] + y.size()[0]");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("tensor 'L['x']' size"), "tensor 'x' size");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L[x] L['unterminated"), "L[x] L['unterminated");
    EXPECT_EQ(ReasonClassifier::stripLocalScope("L['a\nb']"), "L['a\nb']"); // (.*?) does not cross a newline
    EXPECT_EQ(ReasonClassifier::stripLocalScope(""), "");
}

TEST(ReasonClassifier, GuardKindOfCodeCoversTheDynamoGuardsJsonDump) {
    EXPECT_EQ(ReasonClassifier::guardKindOfCode(
                  "check_tensor(L['x'], Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch.float32, "
                  "device=None, requires_grad=False, size=[4, 4], stride=[4, 1])"),
              "TENSOR_MATCH");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("hasattr(L['x'], '_dynamo_dynamic_indices') == False"), "NO_HASATTR");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("utils_device.CURRENT_DEVICE == None"), "DEFAULT_DEVICE");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("___check_global_state()"), "GLOBAL_STATE");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("___check_obj_id(L['m'], 5)  # m()  # a.py:3 in f"), "ID_MATCH");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("L['x'] == True"), "BOOL_MATCH");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("L['n'] == 3"), "EQUALS_MATCH");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("len(L['ys']) == 2"), "LENGTH_CHECK");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("2 <= L['x'].size()[0]"), "SHAPE_ENV");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("L['a'] is L['b']"), "DUPLICATE_INPUT");
    EXPECT_EQ(ReasonClassifier::guardKindOfCode("whatever()"), "");
}

TEST(ReasonClassifier, StripCommentRemovesProvenanceButNotHashesInStrings) {
    EXPECT_EQ(ReasonClassifier::stripComment("utils_device.CURRENT_DEVICE == None                           # _dynamo/output_graph.py:631 in init_ambient_guards"),
              "utils_device.CURRENT_DEVICE == None");
    EXPECT_EQ(ReasonClassifier::stripComment("L['s'] == 'a  # b'  # s == x  # t.py:1 in f"), "L['s'] == 'a  # b'");
    EXPECT_EQ(ReasonClassifier::stripComment("  plain  "), "plain");
}

TEST(ReasonClassifier, NeverThrowsOnHostileText) {
    const char* inputs[] = {"", " ", ":", "0/", "0/0:", "0/0: ", "tensor '", "tensor 'x' size mismatch at index ",
                            "tensor 'x' size mismatch at index 99999999999999999999. expected", "___check_obj_id(",
                            "expected type of '", "(((((", "'''''", "\"; \"; ", "len(", "L['", "a is ", " == ", "x.size()[",
                            "x.size()[99999999999999999999]", "((L['x']._dynamo_dynamic_indices.issubset(", "hasattr(",
                            "Cache line invalidated because", "Duplicate tensor found where not expected!", "not ",
                            "tensor 'x' dispatch key set mismatch. expected , actual "};
    for (const char* in : inputs) {
        RecompileReason r = ReasonClassifier::classify(in);
        EXPECT_FALSE(r.fix.empty()) << in;
    }
}

} // namespace
