#pragma once
// torch._dynamo.config (and torch.fx.experimental._config, a view on some of its knobs) as
// scenario code sees it: attribute reads and writes on the engine's DynamoConfig table, plus
// PyTorch's config-module methods (patch as context manager / decorator / TestCase class
// decorator, get_hash, _compile_ignored_keys, to_dict, save_config, load_config). The methods
// live in torch.utils._config_module (Python) and are shared with the Python-valued config
// modules (torch._inductor.config, torch.compiler.config).
#include <optional>
#include <string>
#include <vector>

#include "core/engine/DynamoConfig.h"
#include "core/runtime/Value.h"

namespace gs::runtime {
class Interpreter;
class Module;
class Type;
} // namespace gs::runtime

namespace gs::engine {

class ConfigObject : public runtime::Object {
public:
    ConfigObject(runtime::Type* t, DynamoConfig& cfg, std::string prefix, std::vector<std::string> only)
        : runtime::Object(t), cfg(cfg), prefix(std::move(prefix)), only(std::move(only)) {}
    DynamoConfig& cfg;
    std::string prefix;
    std::vector<std::string> only;  // empty: every knob of torch._dynamo.config

    bool has(std::string_view name) const;

    std::optional<size_t> find(std::string_view name) const;
    runtime::Value getAttr(runtime::Str* name) override;
    bool setAttr(runtime::Str* name, const runtime::Value& v) override;
    std::string repr() override { return "<module '" + prefix + "'>"; }

    // The type with its methods; `torch._dynamo.config` and `torch.fx.experimental._config`.
    static runtime::Type* install(runtime::Interpreter& I, DynamoConfig& cfg);
};

runtime::Value configValueToPython(runtime::Interpreter& I, const ConfigValue& v);

} // namespace gs::engine
