// unittest glue: the natives behind the unittest module (module _gs_unittest) and the native
// test runner (Interpreter::runTests). The TestCase class itself is scenario-language code
// (StdlibSources.cpp); each finished test is reported here, printed to the error sink like
// CPython's unittest does, and handed to the host's callback.
#include <unistd.h>

#include <regex>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

// assertEqual: the host's hook first, element-wise through lists/tuples of the same kind.
// Returns Null (not handled: use ==), True, or a failure message.
Value hookEqual(const Value& a, const Value& b) {
    Interpreter& I = in();
    const EqualityHook& hook = I.equalityHook();
    if (!hook) return {};
    EqualityResult r = hook(a, b);
    if (r.kind == EqualityResult::Kind::Equal) return Value::boolean(true);
    if (r.kind == EqualityResult::Kind::NotEqual) return I.newStr(r.message);
    Type* ta = ops::typeOf(a);
    if (ta == ops::typeOf(b) && (ta == I.types.list || ta == I.types.tuple)) {
        std::vector<Value> xs = ops::toVector(a), ys = ops::toVector(b);
        if (xs.size() != ys.size()) return {};
        bool anyHandled = false;
        for (size_t i = 0; i < xs.size(); ++i) {
            Value e = hookEqual(xs[i], ys[i]);
            if (e.isNull()) {
                if (!ops::equals(xs[i], ys[i])) return {};
                continue;
            }
            anyHandled = true;
            if (!e.isBool()) return I.newStr("element " + std::to_string(i) + ": " + ops::str(e));
        }
        return anyHandled ? Value::boolean(true) : Value();
    }
    return {};
}

std::string toEcma(std::string p) {
    // Python's named groups (?P<name>...) and references (?P=name) have no std::regex form.
    std::string out;
    for (size_t i = 0; i < p.size(); ++i) {
        if (p.compare(i, 4, "(?P<") == 0) {
            size_t e = p.find('>', i);
            if (e != std::string::npos) {
                out += "(";
                i = e;
                continue;
            }
        }
        out += p[i];
    }
    return out;
}

std::string moduleFile(Interpreter& I, const std::string& module) {
    if (Module* m = I.findModule(module))
        if (auto* s = m->dict->getStr("__file__").dyn<Str>()) return s->s();
    return {};
}

void report(const CallArgs& a) {
    Interpreter& I = in();
    a.expect("report", 5, 5);
    TestResult r;
    r.name = ops::str(a[0]);
    auto* cls = a[1].dyn<Type>();
    r.className = cls ? cls->qualname : ops::str(a[1]);
    r.module = cls ? cls->module : "__main__";
    std::string status = ops::str(a[2]);
    if (status == "ok" || status == "expected failure") r.status = TestResult::Status::Ok;
    else if (status == "fail" || status == "unexpected success") r.status = TestResult::Status::Fail;
    else if (status == "skipped") r.status = TestResult::Status::Skipped;
    else r.status = TestResult::Status::Error;
    if (status == "skipped") r.message = a[3].isNone() ? "" : ops::str(a[3]);
    if (status == "expected failure" || status == "unexpected success") r.message = status;
    if (auto* e = a[4].dyn<ExceptionObject>()) {
        r.message = formatExceptionLine(e);
        std::string file = moduleFile(I, r.module);
        const SourceLocation* where = nullptr;
        for (const auto& loc : e->traceback)
            if (loc.file == file) {
                where = &loc;
                break;
            }
        if (!where && !e->traceback.empty()) where = &e->traceback.front();
        if (where) {
            r.file = where->file;
            r.line = where->line;
        }
        r.traceback = PyError(Ref<ExceptionObject>(e)).formatTraceback();
    }
    I.reportTestResult(r);
}

} // namespace

void Interpreter::reportTestResult(const TestResult& r) {
    InterpreterScope scope(*this);
    std::string line = r.name + " (" + r.module + "." + r.className + ") ... ";
    switch (r.status) {
    case TestResult::Status::Ok:
        ++testSummary_.passed;
        line += r.message.empty() ? "ok" : r.message;
        break;
    case TestResult::Status::Fail:
        ++testSummary_.failed;
        line += r.message == "unexpected success" ? "unexpected success" : "FAIL";
        break;
    case TestResult::Status::Error:
        ++testSummary_.errors;
        line += "ERROR";
        break;
    case TestResult::Status::Skipped:
        ++testSummary_.skipped;
        line += "skipped " + reprString(r.message);
        break;
    }
    line += "\n";
    if (r.status == TestResult::Status::Fail || r.status == TestResult::Status::Error) {
        if (!r.file.empty()) line += "    " + r.file + ":" + std::to_string(r.line) + ": " + r.message + "\n";
        else if (!r.message.empty()) line += "    " + r.message + "\n";
        if (r.status == TestResult::Status::Error && !r.traceback.empty()) {
            size_t pos = 0;
            while (pos < r.traceback.size()) {
                size_t e = r.traceback.find('\n', pos);
                if (e == std::string::npos) e = r.traceback.size();
                line += "    " + r.traceback.substr(pos, e - pos) + "\n";
                pos = e + 1;
            }
        }
    }
    writeError(line);
    if (testCallback_) testCallback_(r);
}

TestSummary Interpreter::runTests(std::string_view moduleName) {
    InterpreterScope scope(*this);
    TestSummary before = testSummary_;
    Module* ut = importModule("unittest");
    ops::call1(ut->dict->getStr("_run_module"), newStr(moduleName));
    TestSummary s;
    s.passed = testSummary_.passed - before.passed;
    s.failed = testSummary_.failed - before.failed;
    s.errors = testSummary_.errors - before.errors;
    s.skipped = testSummary_.skipped - before.skipped;
    std::string closing = std::to_string(s.passed) + " passed, " + std::to_string(s.failed + s.errors) + " failed";
    if (s.skipped) closing += ", " + std::to_string(s.skipped) + " skipped";
    if (s.total() == 0) closing = "no tests ran";
    writeError(closing + "\n");
    return s;
}

namespace stdlib {

namespace {

Value unittest_equal(const CallArgs& a) {
    a.expect("equal", 2, 2);
    Value r = hookEqual(a[0], a[1]);
    return r.isNull() ? Value::none() : r;
}

Value unittest_regex_search(const CallArgs& a) {
    a.expect("regex_search", 2, 2);
    std::string pattern = ops::str(a[0]), text = ops::str(a[1]);
    try {
        return Value::boolean(std::regex_search(text, std::regex(toEcma(pattern))));
    } catch (const std::regex_error&) {
        in().raise("ValueError", "unsupported regular expression: " + pattern);
    }
}

Value unittest_register_skip_test(const CallArgs& a) {
    a.expect("register_skip_test", 1, 1);
    if (auto* t = a[0].dyn<Type>()) in().types.SkipTest = t;
    return Value::none();
}

Value unittest_report(const CallArgs& a) {
    report(a);
    return Value::none();
}

Value unittest_test_classes(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("test_classes", 2, 2);
    auto* base = a[1].dyn<Type>();
    Module* mod = In.findModule(ops::str(a[0]));
    std::vector<Value> out;
    if (mod && base) {
        for (const auto& e : mod->dict->entries()) {
            auto* t = e.value.dyn<Type>();
            if (e.key.isNull() || !t || t == base || !t->isSubtypeOf(base)) continue;
            bool seen = false;
            for (const auto& o : out) seen = seen || o.obj() == t;
            if (!seen) out.push_back(e.value);
        }
    }
    return In.newList(std::move(out));
}

Value unittest_caller_location(const CallArgs& a) {
    // (file, line, text) of the scenario frame `stacklevel` levels up from the caller of
    // the Python helper that calls this (warnings.warn).
    Interpreter& In = in();
    int64_t level = a.size() ? ops::toIndex(a[0]) : 1;
    std::vector<SourceLocation> st = In.stack();
    size_t idx = static_cast<size_t>(std::max<int64_t>(0, level));
    if (idx >= st.size()) idx = st.empty() ? 0 : st.size() - 1;
    if (st.empty()) return In.newTuple({In.newStr("sys"), Value::integer(1), In.newStr("")});
    return In.newTuple({In.newStr(st[idx].file), Value::integer(st[idx].line), In.newStr(st[idx].text)});
}

Value unittest_write_error(const CallArgs& a) {
    in().writeError(ops::str(a[0]));
    return Value::none();
}

Value unittest_environ(const CallArgs&) {
    Interpreter& In = in();
    Ref<Dict> d = In.newDict();
    for (char** e = environ; e && *e; ++e) {
        std::string_view kv(*e);
        size_t eq = kv.find('=');
        if (eq != std::string_view::npos) d->set(In.newStr(kv.substr(0, eq)), In.newStr(kv.substr(eq + 1)));
    }
    return Value(d.get());
}

Value unittest_run_tests(const CallArgs& a) {
    a.expect("run_tests", 1, 1);
    TestSummary s = in().runTests(ops::str(a[0]));
    // unittest.main's exit status: 0 ok, 1 failures, 5 nothing ran (Python 3.12).
    return Value::integer(s.total() == 0 ? kNoTestsRanExitCode : s.ok() ? 0 : 1);
}

constexpr NativeDef kUnittestFunctions[] = {
    {"equal", unittest_equal},
    {"regex_search", unittest_regex_search},
    {"register_skip_test", unittest_register_skip_test},
    {"report", unittest_report},
    {"test_classes", unittest_test_classes},
    {"caller_location", unittest_caller_location},
    {"write_error", unittest_write_error},
    {"environ", unittest_environ},
    {"run_tests", unittest_run_tests},
};

} // namespace

void initUnittestNatives(Interpreter& I, Module* m) {
    defineFunctions(I, m, kUnittestFunctions);
}

} // namespace stdlib
} // namespace gs::runtime
