// torch._logging: TORCH_LOGS settings, the registry of PyTorch's loggers and artifacts, and the
// handlers on them (dynamo-semantics §5). The engine writes every log message as a record on
// the logger PyTorch uses for it (Engine::log), so scenario code sees the records exactly as a
// PyTorch test does (assertLogs, handlers, log_settings), and the lines the CLI prints
// (`--log recompiles` or TORCH_LOGS) come out of the handler installed here.
#include "core/engine/Engine.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::CallArgs;
using runtime::Value;

namespace {

// Facts from torch/_logging/_internal.py and _registrations.py (names, aliases, levels, the
// reset/init sequence, propagate rules); the code is ours.
const char* kLoggingSource = R"PY(
import logging
import os
import torch._C as _C

LOG_ENV_VAR = "TORCH_LOGS"
DEFAULT_LOG_LEVEL = logging.WARNING


class LogRegistry:
    def __init__(self):
        self.log_alias_to_log_qnames = {}
        self.artifact_log_qnames = set()
        self.child_log_qnames = set()
        self.artifact_names = set()
        self.visible_artifacts = set()
        self.artifact_descriptions = {}
        self.off_by_default_artifact_names = set()
        self.artifact_log_formatters = {}

    def is_artifact(self, name):
        return name in self.artifact_names

    def is_log(self, alias):
        return alias in self.log_alias_to_log_qnames

    def register_log(self, alias, log_qnames):
        if isinstance(log_qnames, str):
            log_qnames = [log_qnames]
        self.log_alias_to_log_qnames[alias] = list(log_qnames)

    def register_artifact_name(self, name, description, visible, off_by_default, log_format=None):
        self.artifact_names.add(name)
        if visible:
            self.visible_artifacts.add(name)
        self.artifact_descriptions[name] = description
        if off_by_default:
            self.off_by_default_artifact_names.add(name)
        if log_format is not None:
            self.artifact_log_formatters[name] = logging.Formatter(log_format)

    def register_artifact_log(self, artifact_log_qname):
        self.artifact_log_qnames.add(artifact_log_qname)

    def register_child_log(self, log_qname):
        self.child_log_qnames.add(log_qname)

    def get_log_qnames(self):
        return {qname for qnames in self.log_alias_to_log_qnames.values() for qname in qnames}

    def get_artifact_log_qnames(self):
        return set(self.artifact_log_qnames)

    def get_child_log_qnames(self):
        return set(self.child_log_qnames)

    def is_off_by_default(self, artifact_qname):
        return artifact_qname in self.off_by_default_artifact_names


class LogState:
    def __init__(self):
        self.log_qname_to_level = {}
        self.artifact_names = set()

    def enable_artifact(self, artifact_name):
        self.artifact_names.add(artifact_name)

    def is_artifact_enabled(self, name):
        return name in self.artifact_names

    def enable_log(self, log_qnames, log_level):
        if isinstance(log_qnames, str):
            log_qnames = [log_qnames]
        for q in log_qnames:
            self.log_qname_to_level[q] = log_level

    def get_log_level_pairs(self):
        return self.log_qname_to_level.items()

    def clear(self):
        self.log_qname_to_level.clear()
        self.artifact_names.clear()


log_registry = LogRegistry()
log_state = LogState()


def register_log(setting_name, log_name):
    log_registry.register_log(setting_name, log_name)


def register_artifact(setting_name, description, visible=False, off_by_default=False, log_format=None):
    log_registry.register_artifact_name(setting_name, description, visible, off_by_default, log_format)


def getArtifactLogger(module_qname, artifact_name):
    if artifact_name not in log_registry.artifact_names:
        raise ValueError(f"Artifact name: {artifact_name!r} not registered, please call register_artifact({artifact_name!r}) in torch._logging.registrations.")
    qname = module_qname + f".__{artifact_name}"
    log = logging.getLogger(qname)
    log.artifact_name = artifact_name
    log_registry.register_artifact_log(qname)
    configure_artifact_log(log)
    return log


def configure_artifact_log(log):
    # Off-by-default artifacts stay out of their ancestors' handlers until enabled.
    if log_registry.is_off_by_default(log.artifact_name):
        log.propagate = False
    if log_state.is_artifact_enabled(log.artifact_name):
        log.setLevel(logging.DEBUG)
        log.propagate = True


def _invalid_settings_err_msg(settings):
    valid = ", ".join(sorted(set(log_registry.log_alias_to_log_qnames) | log_registry.artifact_names))
    return (f"Invalid log settings: {settings}, must be a comma separated list of fully qualified "
            f"module names, registered log names or registered artifact names.\n"
            f"For more info on various settings, try TORCH_LOGS=\"help\"\nValid settings:\n{valid}\n")


def _is_valid_module(qname):
    # PyTorch imports the name; every torch.* module it names exists in a real PyTorch.
    parts = qname.split(".")
    return parts[0] == "torch" and all(p.isidentifier() for p in parts)


def _has_registered_parent(log_qname):
    cur = log_qname.rpartition(".")[0]
    registered = log_registry.get_log_qnames()
    while cur:
        if cur in registered:
            return True
        cur = cur.rpartition(".")[0]
    return False


def _parse_log_settings(settings):
    if settings == "":
        return LogState()
    if settings == "help":
        raise ValueError(_invalid_settings_err_msg(settings))
    state = LogState()
    for item in settings.replace(" ", "").split(","):
        if not item:
            continue
        level = logging.INFO
        name = item
        if item[0] == "+":
            level, name = logging.DEBUG, item[1:]
        elif item[0] == "-":
            level, name = logging.ERROR, item[1:]
        if name == "all":
            name = "torch"
        if log_registry.is_log(name):
            state.enable_log(log_registry.log_alias_to_log_qnames[name], level)
        elif log_registry.is_artifact(name):
            state.enable_artifact(name)
        elif name in log_registry.get_log_qnames() or name in log_registry.child_log_qnames:
            state.enable_log(name, level)
        elif _is_valid_module(name):
            # A module's qualified name (torch._dynamo.output_graph): a child of a registered
            # log becomes a child log, any other a log of its own.
            if _has_registered_parent(name):
                log_registry.register_child_log(name)
            else:
                log_registry.register_log(name, name)
            state.enable_log(name, level)
        else:
            raise ValueError(_invalid_settings_err_msg(settings))
    return state


def _update_log_state_from_env():
    global log_state
    log_setting = os.environ.get(LOG_ENV_VAR, None)
    if log_setting is not None:
        log_state = _parse_log_settings(log_setting)


def _get_log_state():
    return log_state


def _set_log_state(state):
    global log_state
    log_state = state


class _GuardscopeHandler(logging.Handler):
    # Prints a record the way `guardscope-cli run --log` shows TORCH_LOGS output.
    def emit(self, record):
        _C._gs_log_out(record.levelno, record.name, getattr(record, "compile_id", ""),
                       getattr(record, "gs_channel", ""), record.getMessage())


handlers = []


def _setup_handlers(create_handler_fn, log):
    handler = create_handler_fn()
    handler.setLevel(logging.DEBUG)
    handlers.append(handler)
    log.addHandler(handler)


def _is_torch_handler(handler):
    return any(h is handler for h in handlers)


def _clear_handlers(log):
    for handler in [h for h in log.handlers if _is_torch_handler(h)]:
        log.removeHandler(handler)


def _reset_logs():
    for log_qname in log_registry.get_log_qnames():
        log = logging.getLogger(log_qname)
        log.setLevel(logging.WARNING)
        log.propagate = False
        _clear_handlers(log)
    for qname in log_registry.get_artifact_log_qnames() | log_registry.get_child_log_qnames():
        log = logging.getLogger(qname)
        log.setLevel(logging.NOTSET)
        log.propagate = True


def _init_logs(log_file_name=None):
    _reset_logs()
    _update_log_state_from_env()
    for log_qname in log_registry.get_log_qnames():
        if log_qname == "torch":
            continue
        logging.getLogger(log_qname).setLevel(logging.NOTSET)
    for log_qname, level in log_state.get_log_level_pairs():
        logging.getLogger(log_qname).setLevel(level)
    for log_qname in log_registry.get_log_qnames():
        _setup_handlers(_GuardscopeHandler, logging.getLogger(log_qname))
    for artifact_log_qname in log_registry.get_artifact_log_qnames():
        configure_artifact_log(logging.getLogger(artifact_log_qname))
    _C._gs_set_log_artifacts(sorted(log_state.artifact_names))


def set_logs(*, all=None, dynamo=None, aot=None, autograd=None, dynamic=None, inductor=None,
             distributed=None, export=None, guards=False, recompiles=False, recompiles_verbose=False,
             graph_breaks=False, graph=False, graph_code=False, graph_sizes=False, bytecode=False,
             output_code=False, verbose_guards=False, modules=None, **unsupported):
    for name in unsupported:
        if not log_registry.is_artifact(name):
            raise ValueError(f"Unrecognized log or artifact name passed to set_logs: {name}")
    if LOG_ENV_VAR in os.environ:
        logging.getLogger("torch._logging").warning(
            "Using TORCH_LOGS environment variable for log settings, ignoring call to set_logs")
        return
    log_state.clear()
    settings = dict(torch=all, dynamo=dynamo, aot=aot, autograd=autograd, dynamic=dynamic, inductor=inductor,
                    distributed=distributed, export=export, guards=guards, recompiles=recompiles,
                    recompiles_verbose=recompiles_verbose, graph_breaks=graph_breaks, graph=graph,
                    graph_code=graph_code, graph_sizes=graph_sizes, bytecode=bytecode, output_code=output_code,
                    verbose_guards=verbose_guards)
    settings.update(unsupported)
    settings.update(modules or {})
    for alias, val in settings.items():
        if val is None:
            continue
        if log_registry.is_artifact(alias):
            if not isinstance(val, bool):
                raise ValueError(f"Expected bool to enable artifact {alias}, received {val}")
            if val:
                log_state.enable_artifact(alias)
        elif log_registry.is_log(alias) or alias in log_registry.child_log_qnames:
            if val not in logging._levelToName:
                raise ValueError(f"Unrecognized log level for log {alias}: {val}, valid level values are: {','.join([str(k) for k in logging._levelToName.keys()])}")
            log_state.enable_log(log_registry.log_alias_to_log_qnames.get(alias, alias), val)
        else:
            raise ValueError(f"Unrecognized log or artifact name passed to set_logs: {alias}")
    _init_logs()


_warned_once = set()


def warning_once(logger_obj, *args, **kwargs):
    key = (id(logger_obj), args)
    if key in _warned_once:
        return
    _warned_once.add(key)
    logger_obj.warning(*args, **kwargs)


# The loggers and artifacts Guardscope's engine writes to (torch/_logging/_registrations.py).
register_log("torch", "torch")
register_log("dynamo", ["torch._dynamo"])
register_log("aot", ["torch._functorch.aot_autograd", "torch._functorch._aot_autograd"])
register_log("autograd", "torch.autograd")
register_log("inductor", ["torch._inductor"])
register_log("dynamic", ["torch.fx.experimental.symbolic_shapes", "torch.fx.experimental.sym_node", "torch.fx.experimental.recording"])
register_log("distributed", ["torch.distributed"])
register_log("export", ["torch._dynamo", "torch.export", "torch.export.dynamic_shapes", "torch._export"])
register_artifact("guards", "This prints the guards for every compiled Dynamo frame.", visible=True)
register_artifact("verbose_guards", "This prints the guards with their source line.", off_by_default=True)
register_artifact("bytecode", "Prints the original and modified bytecode from Dynamo.", off_by_default=True)
register_artifact("graph", "Prints the dynamo traced graph (prior to AOTDispatch) in a table.", visible=True)
register_artifact("graph_code", "Like `graph`, but gives you the Python code instead.", visible=True)
register_artifact("graph_sizes", "Prints the sizes of all FX nodes in the dynamo graph.", visible=True)
register_artifact("graph_breaks", "Prints whenever Dynamo decides that it needs to graph break.", visible=True)
register_artifact("recompiles", "Prints the reason why we recompiled a graph.", visible=True)
register_artifact("recompiles_verbose", "Prints all guard checks that fail during a recompilation.", visible=True, off_by_default=True)
register_artifact("output_code", "Prints the code that Inductor generates.", visible=True, off_by_default=True)
register_artifact("trace_source", "As we execute bytecode, prints the file name / line number we are processing and the actual source code.", off_by_default=True)

recompiles_log = getArtifactLogger("torch._dynamo.guards", "recompiles")
recompiles_verbose_log = getArtifactLogger("torch._dynamo.guards", "recompiles_verbose")
guards_log = getArtifactLogger("torch._dynamo.guards", "guards")
graph_breaks_log = getArtifactLogger("torch._dynamo.symbolic_convert", "graph_breaks")
graph_code_log = getArtifactLogger("torch._dynamo.output_graph", "graph_code")
trace_source_log = getArtifactLogger("torch._dynamo.symbolic_convert", "trace_source")

# `guardscope-cli run --log X` is TORCH_LOGS=X for the scenario.
_cli = _C._gs_cli_log_settings()
if _cli is not None:
    os.environ[LOG_ENV_VAR] = _cli
_init_logs()


# The engine's entry point: one message as a record on the logger PyTorch uses for it.
_CHANNEL_LOGGERS = {
    "recompiles": (recompiles_log, logging.DEBUG),
    "recompiles_verbose": (recompiles_verbose_log, logging.DEBUG),
    "guards": (guards_log, logging.DEBUG),
    "graph_breaks": (graph_breaks_log, logging.DEBUG),
    "trace_source": (trace_source_log, logging.DEBUG),
    "dynamic": (logging.getLogger("torch.fx.experimental.symbolic_shapes"), logging.INFO),
    "warning": (logging.getLogger("torch._dynamo.convert_frame"), logging.WARNING),
}


def _gs_emit(channel, compile_id, text):
    logger, level = _CHANNEL_LOGGERS[channel]
    if channel == "recompiles" and log_state.is_artifact_enabled("recompiles_verbose"):
        logger = recompiles_verbose_log
    if not logger.isEnabledFor(level):
        return
    record = logger.makeRecord(logger.name, level, "", 0, text, (), None, None,
                               {"compile_id": compile_id, "gs_channel": channel})
    logger.handle(record)
)PY";

} // namespace

void Engine::installLogging() {
    auto& I = interp;
    runtime::Module* c = I.nativeModule("torch._C");
    Engine* self = this;
    I.defineFunction(c, "_gs_cli_log_settings", [self](const CallArgs&) -> Value {
        if (self->options.logChannels.empty()) return Value::none();
        std::string joined;
        for (const auto& ch : self->options.logChannels) joined += (joined.empty() ? "" : ",") + ch;
        return runtime::Interpreter::current().newStr(joined);
    });
    I.defineFunction(c, "_gs_set_log_artifacts", [self](const CallArgs& a) -> Value {
        a.expect("_gs_set_log_artifacts", 1, 1);
        self->enabledArtifacts_.clear();
        for (const Value& v : runtime::ops::toVector(a[0])) self->enabledArtifacts_.push_back(runtime::ops::str(v));
        return Value::none();
    });
    I.defineFunction(c, "_gs_log_out", [self](const CallArgs& a) -> Value {
        a.expect("_gs_log_out", 5, 5);
        self->printLogRecord(a[0].asInt(), runtime::ops::str(a[1]), runtime::ops::str(a[2]), runtime::ops::str(a[3]),
                             runtime::ops::str(a[4]));
        return Value::none();
    });
    I.addSourceModule("torch._logging._internal", kLoggingSource, "<torch/_logging/_internal.py>");
    I.addSourceModule("torch._logging",
                      "from torch._logging._internal import getArtifactLogger, set_logs, warning_once, _init_logs, "
                      "register_log, register_artifact, LogRegistry, LogState, DEFAULT_LOG_LEVEL\n"
                      "import torch._logging._internal\n",
                      "<torch/_logging/__init__.py>");
}

void Engine::printLogRecord(int64_t level, const std::string& logger, const std::string& compileId,
                            const std::string& channel, const std::string& text) {
    if (!options.logOut) return;
    std::string tag = compileId.empty() ? "" : "[" + compileId + "] ";
    std::string prefix;
    if (channel.empty() || channel == "warning") {
        // Records that are not one of the engine's artifacts: the level letter (W, I, ...).
        const char* letter = level >= 50 ? "C" : level >= 40 ? "E" : level >= 30 ? "W" : level >= 20 ? "I" : "D";
        prefix = std::string(letter) + " " + tag;
        (void)logger;
    } else {
        prefix = tag + "[__" + (channel == "recompiles_verbose" ? std::string("recompiles") : channel) + "] ";
    }
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        out += prefix + text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    options.logOut(out);
}

} // namespace gs::engine
