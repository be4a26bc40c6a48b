// The re module over std::regex (ECMAScript grammar). Python-only syntax is translated where it
// is cheap: named groups (?P<name>...), backreferences (?P=name), \A and \Z anchors, a leading
// (?i)/(?m)/(?s) flag group. Lookbehind and possessive forms are not supported (std::regex
// lacks them) and raise re.error. Matching works on UTF-8 bytes; positions are reported in
// code points.
//
// The engine runs in libstdc++'s polynomial (breadth-first) mode: no exponential backtracking and
// no machine-stack recursion per character of the subject. Only a pattern with back-references
// needs the depth-first mode; its subject length is bounded by the stack the run has left. Every
// move of the engine through the subject is counted (Polled) and every 65,536 moves the run's
// limits are checked, so a search that runs long stops at --timeout and Cancel like any step.
#include <iterator>
#include <memory>
#include <regex>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/MachineStack.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::stdlib {

namespace {
Interpreter& in() { return Interpreter::current(); }

constexpr int64_t kIgnoreCase = 2, kMultiline = 8, kDotAll = 16, kVerbose = 64;

Type* gErrorType(Interpreter& I) {
    Module* m = I.findModule("re");
    return m ? m->dict->getStr("error").as<Type>() : I.types.ValueError;
}

// A position in the subject that polls the run's limits as the engine moves through it.
struct Polled {
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;

    reference operator*() const { return *p; }
    Polled& operator++() {
        ++p;
        tick();
        return *this;
    }
    Polled operator++(int) {
        Polled t = *this;
        ++*this;
        return t;
    }
    Polled& operator--() {
        --p;
        tick();
        return *this;
    }
    Polled operator--(int) {
        Polled t = *this;
        --*this;
        return t;
    }
    bool operator==(const Polled& o) const { return p == o.p; }
    static void tick() {
        thread_local uint32_t moves = 0;
        if (++moves >= (1u << 16)) {
            moves = 0;
            in().checkInterrupts();
        }
    }
};
using PolledMatch = std::match_results<Polled>;

class PatternObject : public Object {
public:
    PatternObject(Type* t, std::string src, int64_t flags) : Object(t), source(std::move(src)), flags(flags) {}
    std::string source;
    int64_t flags;
    Type* matchType = nullptr;  // re.Match of the module that compiled it
    std::regex re;
    bool depthFirst = false;  // back-references: libstdc++'s recursive mode
    std::vector<std::string> groupNames;  // index 1.. -> name ("" when unnamed)
    size_t groups = 0;
    std::string repr() override {
        std::string r = "re.compile(" + reprString(source);
        if (flags) r += ", " + std::to_string(flags);
        return r + ")";
    }
};

class MatchObject : public Object {
public:
    // The subject is shared by every match of one search (findall of a long text makes many).
    MatchObject(Type* t, Ref<PatternObject> p, std::shared_ptr<const std::string> text, const PolledMatch& m)
        : Object(t), pattern(std::move(p)), subjectText(std::move(text)), subject(*subjectText), groupsMatched(m.size()) {
        const char* base = subject.data();
        for (size_t i = 0; i < m.size(); ++i) {
            if (m[i].matched) spans.emplace_back(m[i].first.p - base, m[i].second.p - base);
            else spans.emplace_back(-1, -1);
        }
    }
    Ref<PatternObject> pattern;
    std::shared_ptr<const std::string> subjectText;
    const std::string& subject;
    size_t groupsMatched;
    std::vector<std::pair<int64_t, int64_t>> spans;  // byte offsets, -1 when the group did not match
    int64_t cp(int64_t byte) const {
        return byte < 0 ? -1 : static_cast<int64_t>(utf8Length(std::string_view(subject).substr(0, static_cast<size_t>(byte))));
    }
    size_t index(const Value& g) const {
        if (auto* s = g.dyn<Str>()) {
            for (size_t i = 1; i < pattern->groupNames.size(); ++i)
                if (pattern->groupNames[i] == s->s()) return i;
            in().raise("IndexError", "no such group");
        }
        int64_t i = ops::toIndex(g);
        if (i < 0 || static_cast<size_t>(i) >= spans.size()) in().raise("IndexError", "no such group");
        return static_cast<size_t>(i);
    }
    Value group(size_t i) const {
        if (spans[i].first < 0) return Value::none();
        return in().newStr(std::string_view(subject).substr(static_cast<size_t>(spans[i].first),
                                                            static_cast<size_t>(spans[i].second - spans[i].first)));
    }
    std::string repr() override {
        return "<re.Match object; span=(" + std::to_string(cp(spans[0].first)) + ", " + std::to_string(cp(spans[0].second)) +
               "), match=" + ops::repr(group(0)) + ">";
    }
    int truth() override { return 1; }
    Value getItem(const Value& key) override { return group(index(key)); }
};

// Translates Python regex syntax to ECMAScript and records group names.
Ref<PatternObject> compile(Interpreter& I, Type* patternType, const std::string& src, int64_t flags) {
    auto p = make<PatternObject>(patternType, src, flags);
    std::string out;
    p->groupNames.push_back("");
    size_t i = 0;
    if (src.rfind("(?", 0) == 0) {
        size_t close = src.find(')');
        std::string fl = close == std::string::npos ? "" : src.substr(2, close - 2);
        if (!fl.empty() && fl.find_first_not_of("aimsux") == std::string::npos) {
            for (char c : fl) {
                if (c == 'i') flags |= kIgnoreCase;
                if (c == 'm') flags |= kMultiline;
                if (c == 's') flags |= kDotAll;
                if (c == 'x') flags |= kVerbose;
            }
            i = close + 1;
        }
    }
    bool inClass = false;
    for (; i < src.size(); ++i) {
        char c = src[i];
        if (c == '\\' && i + 1 < src.size()) {
            char n = src[i + 1];
            if (!inClass && n == 'A') out += "^";
            else if (!inClass && n == 'Z') out += "$";
            else {
                out += c;
                out += n;
            }
            ++i;
            continue;
        }
        if (inClass) {
            if (c == ']') inClass = false;
            out += c;
            continue;
        }
        if (c == '[') {
            inClass = true;
            out += c;
            if (i + 1 < src.size() && src[i + 1] == '^') out += src[++i];
            if (i + 1 < src.size() && src[i + 1] == ']') out += src[++i];
            continue;
        }
        if (c == '.' && (flags & kDotAll)) {
            out += "[\\s\\S]";
            continue;
        }
        if ((flags & kVerbose) && (c == ' ' || c == '\t' || c == '\n')) continue;
        if ((flags & kVerbose) && c == '#') {
            while (i < src.size() && src[i] != '\n') ++i;
            continue;
        }
        if (c == '(') {
            if (src.compare(i, 4, "(?P<") == 0) {
                size_t e = src.find('>', i);
                if (e == std::string::npos) I.raise(gErrorType(I), "missing >, unterminated name");
                p->groupNames.push_back(src.substr(i + 4, e - i - 4));
                out += "(";
                i = e;
                continue;
            }
            if (src.compare(i, 4, "(?P=") == 0) {
                size_t e = src.find(')', i);
                std::string name = src.substr(i + 4, e - i - 4);
                size_t idx = 0;
                for (size_t k = 1; k < p->groupNames.size(); ++k)
                    if (p->groupNames[k] == name) idx = k;
                if (!idx) I.raise(gErrorType(I), "unknown group name '" + name + "'");
                out += "\\" + std::to_string(idx);
                i = e;
                continue;
            }
            if (src.compare(i, 3, "(?<") == 0 && i + 3 < src.size() && (src[i + 3] == '=' || src[i + 3] == '!'))
                I.raise(gErrorType(I), "look-behind requires a regex engine Guardscope does not have");
            if (i + 1 < src.size() && src[i + 1] != '?') p->groupNames.push_back("");
        }
        out += c;
    }
    p->groups = p->groupNames.size() - 1;
    auto opts = std::regex::ECMAScript;
    if (flags & kIgnoreCase) opts |= std::regex::icase;
    if (flags & kMultiline) opts |= std::regex::multiline;
    try {
        try {
            p->re = std::regex(out, opts | std::regex_constants::__polynomial);
        } catch (const std::regex_error&) {
            // back-references exist only in the depth-first mode (a pattern bad in both modes is
            // reported with the depth-first mode's message)
            p->re = std::regex(out, opts);
            p->depthFirst = true;
        }
    } catch (const std::regex_error& e) {
        I.raise(gErrorType(I), std::string("bad pattern ") + reprString(src) + ": " + e.what());
    }
    p->flags = flags;
    return p;
}

PatternObject* patternArg(Interpreter& I, Module* m, const Value& v, int64_t flags) {
    if (auto* p = v.dyn<PatternObject>()) return p;
    auto* s = v.dyn<Str>();
    if (!s) I.raise(I.types.TypeError, "first argument must be string or compiled pattern");
    // small per-module cache of compiled patterns
    Ref<Dict> cache(m->dict->getStr("_cache").as<Dict>());
    Value key = I.newTuple({v, Value::integer(flags)});
    Value hit = cache->get(key);
    if (hit) return hit.as<PatternObject>();
    Ref<PatternObject> p = compile(I, m->dict->getStr("Pattern").as<Type>(), s->s(), flags);
    p->matchType = m->dict->getStr("Match").as<Type>();
    if (cache->size() > 200) cache->clear();
    cache->set(key, Value(p.get()));
    return p.get();
}

std::string textArg(const Value& v) {
    auto* s = v.dyn<Str>();
    if (!s) in().raise(in().types.TypeError, "expected string, got '" + typeName(v) + "'");
    return s->s();
}

enum class Mode { Match, Search, Full };

// The depth-first mode recurses about once per character it moves over (a few hundred bytes of
// machine stack each): a subject too long for the stack the run has left is refused, not
// allowed to overflow it.
void checkDepthFirstRoom(const PatternObject* p, size_t subjectBytes) {
    if (!p->depthFirst) return;
    Interpreter& I = in();
    char probe;
    const size_t room = &probe > core(I).stackLimit() ? static_cast<size_t>(&probe - core(I).stackLimit()) : 0;
    // measured: 256 to 512 bytes per character in an optimised build; sanitizers' frames are bigger
    const size_t kStackPerChar = MachineStack::underAddressSanitizer() ? 4096 : 1024;
    if (subjectBytes >= room / kStackPerChar)
        I.raise(I.types.RecursionError,
                "maximum recursion depth exceeded in re: a pattern with back-references on a string of " +
                    std::to_string(subjectBytes) + " bytes needs more machine stack than the run has (at most " +
                    std::to_string(room / kStackPerChar) + " bytes here; raise --max-depth)");
}

std::shared_ptr<const std::string> sharedText(const std::string& text) { return std::make_shared<const std::string>(text); }
Polled startOf(const std::string& s) { return Polled{s.data()}; }
Polled endOf(const std::string& s) { return Polled{s.data() + s.size()}; }

Value doMatch(PatternObject* p, const std::string& text, Mode mode, Type* matchType) {
    checkDepthFirstRoom(p, text.size());
    auto subject = sharedText(text);
    PolledMatch m;
    bool ok = false;
    switch (mode) {
    case Mode::Match:
        ok = std::regex_search(startOf(*subject), endOf(*subject), m, p->re, std::regex_constants::match_continuous);
        break;
    case Mode::Search: ok = std::regex_search(startOf(*subject), endOf(*subject), m, p->re); break;
    case Mode::Full: ok = std::regex_match(startOf(*subject), endOf(*subject), m, p->re); break;
    }
    if (!ok) return Value::none();
    return Value(new MatchObject(matchType, Ref<PatternObject>(p), subject, m));
}

std::vector<Ref<MatchObject>> allMatches(PatternObject* p, const std::string& text, Type* matchType, int64_t limit = 0) {
    checkDepthFirstRoom(p, text.size());
    auto subject = sharedText(text);
    std::vector<Ref<MatchObject>> out;
    using Matches = std::regex_iterator<Polled>;
    for (auto it = Matches(startOf(*subject), endOf(*subject), p->re); it != Matches(); ++it) {
        out.push_back(make<MatchObject>(matchType, Ref<PatternObject>(p), subject, *it));
        if (limit > 0 && static_cast<int64_t>(out.size()) >= limit) break;
        core(in()).step();
    }
    return out;
}

std::string expandTemplate(const std::string& repl, const MatchObject& m) {
    std::string out;
    for (size_t i = 0; i < repl.size(); ++i) {
        char c = repl[i];
        if (c != '\\' || i + 1 >= repl.size()) {
            out += c;
            continue;
        }
        char n = repl[++i];
        if (std::isdigit(static_cast<unsigned char>(n))) {
            size_t g = static_cast<size_t>(n - '0');
            if (i + 1 < repl.size() && std::isdigit(static_cast<unsigned char>(repl[i + 1]))) g = g * 10 + static_cast<size_t>(repl[++i] - '0');
            Value v = m.group(m.index(Value::integer(static_cast<int64_t>(g))));
            if (!v.isNone()) out += v.as<Str>()->s();
        } else if (n == 'g' && i + 1 < repl.size() && repl[i + 1] == '<') {
            size_t e = repl.find('>', i);
            std::string name = repl.substr(i + 2, e - i - 2);
            bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
            Value v = m.group(m.index(digits ? Value::integer(std::stoll(name)) : in().newStr(name)));
            if (!v.isNone()) out += v.as<Str>()->s();
            i = e;
        } else if (n == 'n') out += '\n';
        else if (n == 't') out += '\t';
        else if (n == '\\') out += '\\';
        else {
            out += '\\';
            out += n;
        }
    }
    return out;
}

Value groupTuple(const MatchObject& m, const Value& dflt) {
    std::vector<Value> out;
    for (size_t i = 1; i < m.spans.size(); ++i) {
        Value g = m.group(i);
        out.push_back(g.isNone() ? dflt : g);
    }
    return in().newTuple(std::move(out));
}

} // namespace

namespace {

Value re_escape(const CallArgs& a) {
    a.expect("escape", 1, 1);
    std::string s = textArg(a[0]), out;
    for (char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && static_cast<unsigned char>(c) < 0x80) out += '\\';
        out += c;
    }
    return in().newStr(out);
}

Value pattern_pattern(const Value& s) { return in().newStr(s.as<PatternObject>()->source); }
Value pattern_flags(const Value& s) { return Value::integer(s.as<PatternObject>()->flags); }
Value pattern_groups(const Value& s) { return Value::integer(static_cast<int64_t>(s.as<PatternObject>()->groups)); }

Value match_group(const CallArgs& a) {
    auto* mo = a[0].as<MatchObject>();
    if (a.size() <= 1) return mo->group(0);
    if (a.size() == 2) return mo->group(mo->index(a[1]));
    std::vector<Value> out;
    for (size_t i = 1; i < a.size(); ++i) out.push_back(mo->group(mo->index(a[i])));
    return in().newTuple(std::move(out));
}

Value match_groups(const CallArgs& a) { return groupTuple(*a[0].as<MatchObject>(), a.size() > 1 ? a[1] : Value::none()); }

Value match_groupdict(const CallArgs& a) {
    auto* mo = a[0].as<MatchObject>();
    Ref<Dict> dd = in().newDict();
    for (size_t i = 1; i < mo->pattern->groupNames.size(); ++i)
        if (!mo->pattern->groupNames[i].empty()) dd->setStr(mo->pattern->groupNames[i], mo->group(i));
    return Value(dd.get());
}

Value match_string(const Value& s) { return in().newStr(s.as<MatchObject>()->subject); }
Value match_re(const Value& s) { return Value(s.as<MatchObject>()->pattern.get()); }

Value match_lastindex(const Value& s) {
    auto* mo = s.as<MatchObject>();
    for (size_t i = mo->spans.size(); i-- > 1;)
        if (mo->spans[i].first >= 0) return Value::integer(static_cast<int64_t>(i));
    return Value::none();
}

constexpr NativeDef kReFunctions[] = {
    {"escape", re_escape},
};
constexpr PropertyDef kPatternProperties[] = {
    {"pattern", pattern_pattern},
    {"flags", pattern_flags},
    {"groups", pattern_groups},
};
constexpr NativeDef kMatchMethods[] = {
    {"group", match_group},
    {"groups", match_groups},
    {"groupdict", match_groupdict},
};
constexpr PropertyDef kMatchProperties[] = {
    {"string", match_string},
    {"re", match_re},
    {"lastindex", match_lastindex},
};

// re.match/search/fullmatch(pattern, string, flags=0) and the Pattern methods of the same names.
PatternObject* patternFrom(Module* m, const CallArgs& a, size_t textIdx) {
    int64_t flags = 0;
    if (const Value* f = a.kwarg("flags")) flags = ops::toIndex(*f);
    else if (a.size() > textIdx + 1 && a[textIdx + 1].isIntLike()) flags = a[textIdx + 1].asInt();
    return patternArg(in(), m, a[0], flags);
}

Value matchWith(Module* m, const CallArgs& a, Mode mode) {
    if (a.size() < 2) in().raise(in().types.TypeError, "missing required argument 'string'");
    PatternObject* p = patternFrom(m, a, 1);
    return doMatch(p, textArg(a[1]), mode, p->matchType);
}
Value re_match(Module* m, const CallArgs& a) { return matchWith(m, a, Mode::Match); }
Value re_search(Module* m, const CallArgs& a) { return matchWith(m, a, Mode::Search); }
Value re_fullmatch(Module* m, const CallArgs& a) { return matchWith(m, a, Mode::Full); }

Value patternMatchWith(const CallArgs& a, Mode mode) {
    a.expect("match", 2, 2);
    auto* p = a[0].as<PatternObject>();
    return doMatch(p, textArg(a[1]), mode, p->matchType);
}
Value pattern_match(const CallArgs& a) { return patternMatchWith(a, Mode::Match); }
Value pattern_search(const CallArgs& a) { return patternMatchWith(a, Mode::Search); }
Value pattern_fullmatch(const CallArgs& a) { return patternMatchWith(a, Mode::Full); }

Value re_compile(Module* m, const CallArgs& a) {
    ArgParser p(a, "compile", {"pattern", "flags"}, 1);
    return Value(patternArg(in(), m, p[0], p.getInt(1, 0)));
}

Value findAll(PatternObject* p, const std::string& text) {
    Interpreter& In = in();
    std::vector<Value> out;
    for (auto& mo : allMatches(p, text, p->matchType)) {
        if (p->groups == 0) out.push_back(mo->group(0));
        else if (p->groups == 1) {
            Value g = mo->group(1);
            out.push_back(g.isNone() ? In.newStr("") : g);
        } else out.push_back(groupTuple(*mo, In.newStr("")));
    }
    return In.newList(std::move(out));
}
Value re_findall(Module* m, const CallArgs& a) { return findAll(patternFrom(m, a, 1), textArg(a[1])); }
Value pattern_findall(const CallArgs& a) { return findAll(a[0].as<PatternObject>(), textArg(a[1])); }

Value findIter(PatternObject* p, const std::string& text) {
    std::vector<Value> out;
    for (auto& mo : allMatches(p, text, p->matchType)) out.push_back(Value(mo.get()));
    return Value(new VectorIterator(in().types.iterator, std::move(out)));
}
Value re_finditer(Module* m, const CallArgs& a) { return findIter(patternFrom(m, a, 1), textArg(a[1])); }
Value pattern_finditer(const CallArgs& a) { return findIter(a[0].as<PatternObject>(), textArg(a[1])); }

Value substitute(PatternObject* p, const Value& repl, const std::string& text, int64_t count, bool withCount) {
    Interpreter& In = in();
    std::string out;
    size_t last = 0;
    int64_t n = 0;
    for (auto& mo : allMatches(p, text, p->matchType, count)) {
        out += text.substr(last, static_cast<size_t>(mo->spans[0].first) - last);
        if (auto* r = repl.dyn<Str>()) out += expandTemplate(r->s(), *mo);
        else out += textArg(ops::call1(repl, Value(mo.get())));
        last = static_cast<size_t>(mo->spans[0].second);
        ++n;
    }
    out += text.substr(last);
    if (withCount) return In.newTuple({In.newStr(out), Value::integer(n)});
    return In.newStr(out);
}
Value moduleSubstitute(Module* m, const CallArgs& a, bool withCount) {
    ArgParser p(a, withCount ? "subn" : "sub", {"pattern", "repl", "string", "count", "flags"}, 3);
    PatternObject* pat = patternArg(in(), m, p[0], p.getInt(4, 0));
    return substitute(pat, p[1], textArg(p[2]), p.getInt(3, 0), withCount);
}
Value patternSubstitute(const CallArgs& a, bool withCount) {
    ArgParser p(CallArgs{a.pos.subspan(1), a.kw}, "sub", {"repl", "string", "count"}, 2);
    return substitute(a[0].as<PatternObject>(), p[0], textArg(p[1]), p.getInt(2, 0), withCount);
}
Value re_sub(Module* m, const CallArgs& a) { return moduleSubstitute(m, a, false); }
Value re_subn(Module* m, const CallArgs& a) { return moduleSubstitute(m, a, true); }
Value pattern_sub(const CallArgs& a) { return patternSubstitute(a, false); }
Value pattern_subn(const CallArgs& a) { return patternSubstitute(a, true); }

Value splitText(PatternObject* p, const std::string& text, int64_t maxsplit) {
    Interpreter& In = in();
    std::vector<Value> out;
    size_t last = 0;
    for (auto& mo : allMatches(p, text, p->matchType, maxsplit)) {
        out.push_back(In.newStr(text.substr(last, static_cast<size_t>(mo->spans[0].first) - last)));
        for (size_t g = 1; g < mo->spans.size(); ++g) out.push_back(mo->group(g));
        last = static_cast<size_t>(mo->spans[0].second);
    }
    out.push_back(In.newStr(text.substr(last)));
    return In.newList(std::move(out));
}
Value re_split(Module* m, const CallArgs& a) {
    ArgParser p(a, "split", {"pattern", "string", "maxsplit", "flags"}, 2);
    return splitText(patternArg(in(), m, p[0], p.getInt(3, 0)), textArg(p[1]), p.getInt(2, 0));
}
Value pattern_split(const CallArgs& a) {
    ArgParser p(CallArgs{a.pos.subspan(1), a.kw}, "split", {"string", "maxsplit"}, 1);
    return splitText(a[0].as<PatternObject>(), textArg(p[0]), p.getInt(1, 0));
}

// Match.start/end/span([group]) in code points.
enum class Position { Start, End, Span };
Value matchPosition(const CallArgs& a, Position what) {
    auto* mo = a[0].as<MatchObject>();
    size_t g = a.size() > 1 ? mo->index(a[1]) : 0;
    int64_t s = mo->cp(mo->spans[g].first), e = mo->cp(mo->spans[g].second);
    if (what == Position::Start) return Value::integer(s);
    if (what == Position::End) return Value::integer(e);
    return in().newTuple({Value::integer(s), Value::integer(e)});
}
Value match_start(const CallArgs& a) { return matchPosition(a, Position::Start); }
Value match_end(const CallArgs& a) { return matchPosition(a, Position::End); }
Value match_span(const CallArgs& a) { return matchPosition(a, Position::Span); }

constexpr ModuleFunctionDef kReModuleFunctions[] = {
    {"match", re_match},
    {"search", re_search},
    {"fullmatch", re_fullmatch},
    {"compile", re_compile},
    {"findall", re_findall},
    {"finditer", re_finditer},
    {"sub", re_sub},
    {"subn", re_subn},
    {"split", re_split},
};
constexpr NativeDef kPatternMethods[] = {
    {"match", pattern_match},
    {"search", pattern_search},
    {"fullmatch", pattern_fullmatch},
    {"findall", pattern_findall},
    {"finditer", pattern_finditer},
    {"sub", pattern_sub},
    {"subn", pattern_subn},
    {"split", pattern_split},
};
constexpr NativeDef kMatchPositionMethods[] = {
    {"start", match_start},
    {"end", match_end},
    {"span", match_span},
};

} // namespace

void initRe(Interpreter& I, Module* m) {
    Dict* d = m->dict.get();
    for (auto [n, v] : {std::pair{"IGNORECASE", kIgnoreCase}, {"I", kIgnoreCase}, {"MULTILINE", kMultiline}, {"M", kMultiline},
                        {"DOTALL", kDotAll}, {"S", kDotAll}, {"VERBOSE", kVerbose}, {"X", kVerbose}, {"ASCII", 256}, {"A", 256}})
        d->setStr(n, Value::integer(v));
    d->setStr("_cache", Value(I.newDict().get()));
    I.newExceptionClass("error", m, I.types.Exception);
    Type* patternT = I.newNativeType("Pattern", "re");
    Type* matchT = I.newNativeType("Match", "re");
    d->setStr("Pattern", Value(patternT));
    d->setStr("Match", Value(matchT));
    defineModuleFunctions(I, m, kReModuleFunctions);
    defineFunctions(I, m, kReFunctions);
    defineMethods(I, patternT, kPatternMethods);
    defineProperties(I, patternT, kPatternProperties);
    defineMethods(I, matchT, kMatchMethods);
    defineMethods(I, matchT, kMatchPositionMethods);
    defineProperties(I, matchT, kMatchProperties);
}

} // namespace gs::runtime::stdlib
