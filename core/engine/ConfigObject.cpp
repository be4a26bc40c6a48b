#include "core/engine/ConfigObject.h"

#include <algorithm>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::engine {

using runtime::CallArgs;
using runtime::Value;

Value configValueToPython(runtime::Interpreter& I, const ConfigValue& v) {
    if (auto* b = std::get_if<bool>(&v)) return Value::boolean(*b);
    if (auto* n = std::get_if<int64_t>(&v)) return Value::integer(*n);
    if (auto* d = std::get_if<double>(&v)) return Value::real(*d);
    if (auto* s = std::get_if<std::string>(&v)) return I.newStr(*s);
    return Value::none();
}

bool ConfigObject::has(std::string_view name) const {
    // torch._dynamo.config (no list) has every knob but those of torch.fx.experimental._config.
    if (only.empty())
        return std::find(std::begin(DynamoConfig::kFxExperimentalKnobs), std::end(DynamoConfig::kFxExperimentalKnobs), name) ==
               std::end(DynamoConfig::kFxExperimentalKnobs);
    return std::find(only.begin(), only.end(), name) != only.end();
}

std::optional<size_t> ConfigObject::find(std::string_view name) const {
    if (!has(name)) return std::nullopt;
    return cfg.find(std::string(name));
}

Value ConfigObject::getAttr(runtime::Str* name) {
    auto& I = runtime::Interpreter::current();
    if (name->view() == "_compile_ignored_keys") {
        Value set = I.call(I.builtinsDict()->getStr("set"));
        for (const auto& k : cfg.compileIgnoredKeys()) runtime::ops::callMethod(set, I.intern("add"), {I.newStr(k)});
        return set;
    }
    if (name->view() == "_gs_prefix") return I.newStr(prefix);
    auto i = find(name->view());
    if (!i) return {};
    return configValueToPython(I, cfg.entry(*i).value);
}

bool ConfigObject::setAttr(runtime::Str* name, const Value& v) {
    auto& I = runtime::Interpreter::current();
    auto i = find(name->view());
    if (!i) I.raise("AttributeError", prefix + "." + std::string(name->view()) + " does not exist");
    ConfigValue cv;
    if (v.isBool()) cv = v.asBool();
    else if (v.isInt()) cv = v.asInt();
    else if (v.isFloat()) cv = v.asFloat();
    else if (v.isNone()) cv = std::monostate{};
    else if (auto* s = dynamic_cast<runtime::Str*>(v.obj())) cv = s->s();
    else I.raise("TypeError", prefix + "." + std::string(name->view()) + " expects a bool, int, float, str or None");
    if (auto err = cfg.set(*i, cv)) I.raise("TypeError", *err);
    return true;
}

runtime::Type* ConfigObject::install(runtime::Interpreter& I, DynamoConfig& cfg) {
    (void)cfg;
    runtime::Type* t = I.newNativeType("ConfigModule", "torch.utils._config_module");
    auto self = [](const CallArgs& a) -> ConfigObject& { return *static_cast<ConfigObject*>(a[0].obj()); };
    // patch(): the shared Python implementation (context manager, decorator, class decorator).
    I.addMethod(t, "patch", [](const CallArgs& a) {
        auto& In = runtime::Interpreter::current();
        Value fn = In.importModule("torch.utils._config_module")->dict->getStr("patch");
        return In.call(fn, a);
    });
    I.addMethod(t, "_gs_keys", [self](const CallArgs& a) {
        auto& In = runtime::Interpreter::current();
        ConfigObject& c = self(a);
        std::vector<Value> keys;
        for (const auto& e : c.cfg.entries()) {
            if (!c.has(e.name)) continue;
            keys.push_back(In.newStr(e.name));
            for (const auto& alias : e.aliases) keys.push_back(In.newStr(alias));
        }
        return In.newList(std::move(keys));
    });
    I.addMethod(t, "get_hash", [self](const CallArgs& a) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(self(a).cfg.hash()));
        return runtime::Interpreter::current().newBytes(buf);
    });
    auto toDict = [self](const CallArgs& a) {
        auto& In = runtime::Interpreter::current();
        ConfigObject& c = self(a);
        auto d = In.newDict();
        for (const auto& e : c.cfg.entries()) d->setStr(e.name, configValueToPython(In, e.value));
        return Value(d.get());
    };
    for (const char* name : {"to_dict", "get_config_copy", "shallow_copy_dict", "save_config", "save_config_portable"})
        I.addMethod(t, name, toDict);
    I.addMethod(t, "load_config", [](const CallArgs& a) {
        auto& In = runtime::Interpreter::current();
        a.expect("load_config", 2, 2);
        for (const Value& k : runtime::ops::toVector(a[1])) In.setAttr(a[0], runtime::ops::str(k), runtime::ops::getItem(a[1], k));
        return Value::none();
    });
    return t;
}

} // namespace gs::engine
