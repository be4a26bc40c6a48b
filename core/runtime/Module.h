#pragma once
// Module objects and plain instances of scenario classes.
#include <string>

#include "core/runtime/Dict.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Module : public Object {
public:
    Module(Type* t, std::string name);
    std::string name;
    Ref<Dict> dict;
    std::string repr() override;
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    bool delAttr(Str* name) override;
    Dict* instanceDict() override { return dict.get(); }
    void clearRefs() override;
};

// An instance of a class whose solid base is `object` (all scenario classes unless they derive
// from a builtin such as list, dict or an exception). Attributes live in the instance dict.
class Instance : public Object {
public:
    explicit Instance(Type* t);
    Ref<Dict> dict;
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    bool delAttr(Str* name) override;
    Dict* instanceDict() override { return dict.get(); }
    void clearRefs() override;
};

} // namespace gs::runtime
