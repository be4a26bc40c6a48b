#pragma once
// What the fix advisor needs to know about a scenario's source to write an edit: where each
// function is defined, where torch.compile wraps it (and its keywords), where the compiled
// callable is called (with its argument texts), which torch config lines the scenario sets, and
// where a new config line goes. Built from the core/lang AST; text positions come from the
// parser's locations, so an edit changes exactly the characters of one argument or keyword.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/advisor/ScenarioText.h"
#include "core/lang/Ast.h"
#include "core/session/Session.h"

namespace gs::advisor {

struct FunctionInfo {
    std::string name;
    std::string className;            // enclosing class ("" for a plain function)
    int line = 0;                     // the `def` line
    int firstLine = 0;                // first decorator line, else the def line (co_firstlineno)
    std::vector<std::string> params;  // positional parameters, `self` of a method excluded
    const lang::FunctionDef* def = nullptr;
};

struct CompileSite {
    const lang::Call* call = nullptr;         // the call that returns the compiled callable
    const lang::Call* keywordCall = nullptr;  // where keywords go (optimize(backend, ...) of optimize(...)(fn)); null for a bare decorator
    lang::Loc loc;                    // of keywordCall (the decorator expression when bare)
    std::string target;               // text of the compiled thing: "scale", "Net()", "model"
    std::string boundName;            // the variable that holds the compiled callable, if any
    bool decorator = false;           // @torch.compile(...) on a def (boundName = the def's name)
    std::map<std::string, lang::Loc> keywords;  // keyword name -> location of its value
};

struct CallArgument {
    std::string text;                 // as written
    lang::Loc loc;
    std::string keyword;              // "" for a positional argument
    bool isName = false;              // a plain variable
    bool starred = false;             // *args / **kwargs
};

struct CallSite {
    const lang::Call* call = nullptr;
    lang::Loc loc;
    std::string callee;               // text of the called expression
    std::vector<CallArgument> args;
    int stmtLine = 0, stmtEndLine = 0; // the statement that makes the call
    std::string indent;               // of that statement
    // The call is the whole value of a simple statement (`f(x)`, `y = f(x)`, `return f(x)`), so
    // its arguments can be computed on lines of their own just before it, in the same order.
    bool hoistable = false;
};

// A statement `torch._dynamo.mark_dynamic(x, 0)` (or maybe_mark_dynamic / mark_unbacked / mark_static).
struct MarkCall {
    std::string function;             // "torch._dynamo.mark_dynamic"
    std::string arg;                  // "x" (a variable)
    int dim = -1;
    int line = 0;
};

struct ConfigAssign {
    std::string target;               // "torch._dynamo.config.recompile_limit"
    std::string valueText;            // "3"
    int line = 0, endLine = 0;
};

class ScenarioFacts {
public:
    // Parses `source`; a syntax error leaves the facts empty (`parsed()` false, `error()` says why).
    ScenarioFacts(std::string source, std::string fileName);
    ~ScenarioFacts();

    bool parsed() const { return module_ != nullptr; }
    const std::string& error() const { return error_; }
    const ScenarioText& text() const { return text_; }
    const std::string& source() const { return source_; }

    const std::vector<FunctionInfo>& functions() const { return functions_; }
    const std::vector<CompileSite>& compileSites() const { return compileSites_; }
    const std::vector<ConfigAssign>& configAssigns() const { return configs_; }
    // The mark call that is the whole statement on `line`, or null.
    const MarkCall* markCallAt(int line) const;

    // The def a session frame was compiled from (by name and co_firstlineno), or null.
    const FunctionInfo* functionOf(const session::Frame& frame) const;
    // The torch.compile sites that compile `fn` (directly, through its class, or through a
    // variable holding an instance of its class); all sites when none names it and there is one.
    std::vector<const CompileSite*> compileSitesOf(const FunctionInfo& fn) const;
    // Calls of a compiled callable of `fn` on `line` (session::Call::line).
    std::vector<CallSite> callSitesAt(int line, const FunctionInfo& fn) const;
    // The last assignment to a config option, e.g. "torch._dynamo.config.automatic_dynamic_shapes".
    const ConfigAssign* configAssign(const std::string& target) const;
    // The line after which a new config line goes: the last top-level import (0 = none).
    int configInsertLine() const { return configInsertLine_; }
    // A variable name not used anywhere in the scenario, based on `wanted`.
    std::string freshName(const std::string& wanted, const std::set<std::string>& taken = {}) const;

private:
    void collect();
    std::set<std::string> compiledNamesOf(const FunctionInfo& fn) const;

    std::string source_, fileName_;
    ScenarioText text_;
    std::unique_ptr<lang::Module> module_;
    std::string error_;
    std::vector<FunctionInfo> functions_;
    std::vector<CompileSite> compileSites_;
    std::vector<ConfigAssign> configs_;
    std::vector<MarkCall> marks_;
    std::map<std::string, std::string> instanceClass_;  // variable -> class it was assigned an instance of
    std::set<std::string> names_;                       // every identifier used in the scenario
    struct StmtSpan {
        const lang::Stmt* stmt;
        bool simpleValue;   // Expr / Assign / AugAssign / AnnAssign / Return statement
    };
    std::vector<StmtSpan> statements_;
    int configInsertLine_ = 0;
};

} // namespace gs::advisor
