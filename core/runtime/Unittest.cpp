// unittest runner glue (TODO).
#include "core/runtime/Interpreter.h"

namespace gs::runtime {
TestSummary Interpreter::runTests(std::string_view) { return testSummary_; }
void Interpreter::reportTestResult(const TestResult& r) {
    if (testCallback_) testCallback_(r);
}
} // namespace gs::runtime
