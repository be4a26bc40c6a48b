// Python-like argument binding for native functions (Extension.h).
#include "core/runtime/Extension.h"

#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

namespace gs::runtime {

std::string_view toString(TestResult::Status s) {
    switch (s) {
    case TestResult::Status::Ok: return "ok";
    case TestResult::Status::Fail: return "FAIL";
    case TestResult::Status::Error: return "ERROR";
    case TestResult::Status::Skipped: return "skipped";
    }
    return "?";
}

ArgParser::ArgParser(const CallArgs& args, std::string_view fname, std::initializer_list<std::string_view> names,
                     size_t required, size_t maxPositional)
    : fname_(fname), names_(names), values_(names.size()) {
    Interpreter& I = Interpreter::current();
    size_t maxPos = std::min(maxPositional, names_.size());
    if (args.size() > maxPos) {
        std::string takes = required == maxPos ? std::to_string(maxPos)
                                               : "from " + std::to_string(required) + " to " + std::to_string(maxPos);
        if (maxPos == 0) takes = "no";
        I.raise(I.types.TypeError, fname_ + "() takes " + takes + " positional argument" + (maxPos == 1 ? "" : "s") +
                                       " but " + std::to_string(args.size()) + (args.size() == 1 ? " was" : " were") + " given");
    }
    for (size_t i = 0; i < args.size(); ++i) values_[i] = args[i];
    for (const KwArg& k : args.kw) {
        size_t idx = names_.size();
        for (size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == k.name->view()) idx = i;
        if (idx == names_.size())
            I.raise(I.types.TypeError, fname_ + "() got an unexpected keyword argument '" + k.name->s() + "'");
        if (!values_[idx].isNull())
            I.raise(I.types.TypeError, fname_ + "() got multiple values for argument '" + k.name->s() + "'");
        values_[idx] = k.value;
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < required; ++i)
        if (values_[i].isNull()) missing.push_back(std::string(names_[i]));
    if (!missing.empty()) {
        std::string list;
        for (size_t i = 0; i < missing.size(); ++i) {
            if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
            list += "'" + missing[i] + "'";
        }
        I.raise(I.types.TypeError, fname_ + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                       (missing.size() == 1 ? "" : "s") + ": " + list);
    }
}

int64_t ArgParser::getInt(size_t i, int64_t dflt) const { return has(i) && !values_[i].isNone() ? ops::toIndex(values_[i]) : dflt; }

double ArgParser::getFloat(size_t i, double dflt) const { return has(i) ? ops::toDouble(values_[i]) : dflt; }

bool ArgParser::getBool(size_t i, bool dflt) const { return has(i) ? ops::truthy(values_[i]) : dflt; }

std::string ArgParser::getStr(size_t i, std::string dflt) const {
    if (!has(i)) return dflt;
    auto* s = values_[i].dyn<Str>();
    if (!s)
        Interpreter::current().raise("TypeError", fname_ + "() argument '" + std::string(names_[i]) + "' must be str, not " +
                                                      typeName(values_[i]));
    return s->s();
}

} // namespace gs::runtime
