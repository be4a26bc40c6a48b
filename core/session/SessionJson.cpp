#include "core/session/SessionJson.h"

#include <charconv>
#include <cmath>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <variant>

namespace gs::session {
namespace {

// ---- the fields of each record, once, for both writing and reading ----------------------

template <class V> void fields(V& v, Frame& x) {
    v("id", x.id); v("name", x.name); v("file", x.file); v("first_line", x.firstLine);
}
template <class V> void fields(V& v, ArgDesc& x) {
    v("source", x.source); v("kind", x.kind); v("type", x.type); v("shape", x.shape); v("stride", x.stride);
    v("dtype", x.dtype); v("device", x.device); v("requires_grad", x.requiresGrad); v("object_id", x.objectId);
    v("alias_of", x.aliasOf); v("value", x.value);
}
template <class V> void fields(V& v, GuardEval& x) {
    v("compile_id", x.compileId); v("passed", x.passed); v("first_failed_guard", x.firstFailedGuard);
    v("reason", x.reason); v("failed_guards", x.failedGuards); v("evaluated", x.evaluated);
}
template <class V> void fields(V& v, Call& x) {
    v("index", x.index); v("frame_id", x.frameId); v("line", x.line); v("outcome", x.outcome);
    v("entry_id", x.entryId); v("args", x.args); v("tried", x.tried); v("verified", x.verified); v("stale", x.stale);
}
template <class V> void fields(V& v, Guard& x) {
    v("id", x.id); v("parent", x.parent); v("kind", x.kind); v("source", x.source); v("code", x.code);
    v("user_code", x.userCode); v("file", x.file); v("line", x.line);
}
template <class V> void fields(V& v, GraphNode& x) {
    v("id", x.id); v("name", x.name); v("op", x.op); v("target", x.target); v("args", x.args);
    v("shape", x.shape); v("dtype", x.dtype); v("line", x.line); v("stride", x.stride); v("device", x.device);
    v("file", x.file); v("function", x.function); v("code", x.code);
}
template <class V> void fields(V& v, StackFrame& x) {
    v("file", x.file); v("line", x.line); v("function", x.function); v("text", x.text);
}
template <class V> void fields(V& v, CacheEvent& x) {
    v("kind", x.kind); v("result", x.result); v("key", x.key); v("detail", x.detail); v("record", x.record);
}
template <class V> void fields(V& v, Artifact& x) {
    v("name", x.name); v("kind", x.kind); v("bytes", x.bytes); v("format", x.format); v("detail", x.detail);
    v("record", x.record);
}
template <class V> void fields(V& v, InductorSummary& x) {
    v("collectives", x.collectives); v("has_collectives", x.hasCollectives); v("runtime_ms", x.runtimeMs);
    v("tensor_meta", x.tensorMeta);
}
template <class V> void fields(V& v, CompileEntry& x) {
    v("compile_id", x.compileId); v("frame_id", x.frameId); v("frame_compile_id", x.frameCompileId);
    v("attempt", x.attempt); v("caused_by_call", x.causedByCall); v("status", x.status);
    v("fail_reason", x.failReason); v("op_count", x.opCount); v("symbols", x.symbols); v("hit_count", x.hitCount);
    v("compile_time_us", x.compileTimeUs); v("guards", x.guards); v("graph", x.graph);
    v("guards_text", x.guardsText); v("stack", x.stack); v("metrics", x.metrics); v("cache", x.cache);
    v("artifacts", x.artifacts); v("inductor", x.inductor);
}
template <class V> void fields(V& v, RecompileReason& x) {
    v("failed_entry_id", x.failedEntryId); v("category", x.category); v("text", x.text);
    v("guard_kind", x.guardKind); v("source", x.source); v("expected", x.expected); v("actual", x.actual);
    v("dim", x.dim); v("fix", x.fix); v("all_failures", x.allFailures);
}
template <class V> void fields(V& v, Recompile& x) {
    v("compile_id", x.compileId); v("frame_id", x.frameId); v("call_index", x.callIndex);
    v("limit_hit", x.limitHit); v("reasons", x.reasons);
}
template <class V> void fields(V& v, ShapeEvent& x) {
    v("kind", x.kind); v("compile_id", x.compileId); v("call_index", x.callIndex); v("symbol", x.symbol);
    v("source", x.source); v("dim", x.dim); v("hint", x.hint); v("range", x.range);
    v("sizes_seen", x.sizesSeen); v("text", x.text); v("line", x.line);
}
template <class V> void fields(V& v, LogLine& x) {
    v("channel", x.channel); v("compile_id", x.compileId); v("call_index", x.callIndex); v("text", x.text);
}
template <class V> void fields(V& v, Reset& x) {
    v("call_index", x.callIndex); v("line", x.line); v("frames", x.frames); v("compiles", x.compiles);
}
template <class V> void fields(V& v, TestResult& x) {
    v("name", x.name); v("class_name", x.className); v("status", x.status); v("message", x.message);
    v("file", x.file); v("line", x.line);
}
template <class V> void fields(V& v, SessionInfo& x) {
    v("id", x.id); v("kind", x.kind); v("title", x.title); v("created", x.created); v("status", x.status);
    v("source_path", x.sourcePath); v("engine_version", x.engineVersion); v("group", x.group);
    v("metadata", x.metadata); v("config_json", x.configJson); v("source_text", x.sourceText);
}
template <class V> void fields(V& v, Summary& x) {
    v("frames", x.frames); v("calls", x.calls); v("compiles", x.compiles); v("recompiles", x.recompiles);
    v("cache_hits", x.cacheHits); v("run_only", x.runOnly); v("limit_hits", x.limitHits);
    v("failures", x.failures); v("tests_passed", x.testsPassed); v("tests_failed", x.testsFailed);
    v("tests_skipped", x.testsSkipped); v("recompiles_by_category", x.recompilesByCategory);
    v("stale_hits", x.staleHits);
}

template <class T> concept Record = requires(T& t, int& v) { fields(v, t); };

// Enum <-> text, through the names of Session.h.
template <class E> std::optional<E> enumFrom(std::string_view s);
template <> std::optional<SessionKind> enumFrom(std::string_view s) { return sessionKindFromString(s); }
template <> std::optional<SessionStatus> enumFrom(std::string_view s) { return sessionStatusFromString(s); }
template <> std::optional<CallOutcome> enumFrom(std::string_view s) { return callOutcomeFromString(s); }
template <> std::optional<EntryStatus> enumFrom(std::string_view s) { return entryStatusFromString(s); }
template <> std::optional<ReasonCategory> enumFrom(std::string_view s) { return reasonCategoryFromString(s); }
template <> std::optional<TestStatus> enumFrom(std::string_view s) { return testStatusFromString(s); }
template <> std::optional<ShapeEventKind> enumFrom(std::string_view s) { return shapeEventKindFromString(s); }

// ---- writing ------------------------------------------------------------------------------

void writeString(std::ostream& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out << '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
            case '"': out << "\\\""; break;
            case '\\': out << "\\\\"; break;
            case '\n': out << "\\n"; break;
            case '\r': out << "\\r"; break;
            case '\t': out << "\\t"; break;
            case '\b': out << "\\b"; break;
            case '\f': out << "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7f) out << "\\u00" << hex[c >> 4] << hex[c & 15];
                else out << static_cast<char>(c);
            }
            ++i;
            continue;
        }
        // A well-formed UTF-8 sequence is copied; anything else becomes U+FFFD.
        const int len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
        bool ok = len > 0 && i + static_cast<size_t>(len) <= s.size();
        uint32_t cp = len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
        for (int k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            ok = (cc & 0xc0) == 0x80;
            cp = (cp << 6) | (cc & 0x3f);
        }
        ok = ok && !(len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) && !(len == 4 && (cp < 0x10000 || cp > 0x10ffff));
        if (ok) {
            out.write(s.data() + i, len);
            i += static_cast<size_t>(len);
        } else {
            out << "\xef\xbf\xbd";
            ++i;
        }
    }
    out << '"';
}

bool isJsonValue(std::string_view s);

class Writer {
public:
    explicit Writer(std::ostream& out) : out_(out) {}

    template <class T> void operator()(const char* key, const T& value) {
        separator();
        writeString(out_, key);
        out_ << ": ";
        write(value);
    }
    template <class T> void write(const T& x) {
        if constexpr (std::is_same_v<T, bool>) out_ << (x ? "true" : "false");
        else if constexpr (std::is_integral_v<T>) out_ << x;
        else if constexpr (std::is_floating_point_v<T>) writeDouble(x);
        else if constexpr (std::is_enum_v<T>) writeString(out_, toString(x));
        else if constexpr (std::is_convertible_v<T, std::string_view>) writeString(out_, x);
        else if constexpr (Record<T>) {
            open('{');
            fields(*this, const_cast<T&>(x));  // the visitor only reads
            close('}');
        } else writeContainer(x);
    }
    template <class T> void writeContainer(const std::vector<T>& v) {
        if constexpr (Record<T>) {
            open('[');
            for (const auto& e : v) {
                separator();
                write(e);
            }
            close(']');
        } else {  // short lists of scalars stay on one line
            out_ << '[';
            for (size_t i = 0; i < v.size(); ++i) {
                if (i) out_ << ", ";
                write(v[i]);
            }
            out_ << ']';
        }
    }
    // compilation_metrics as the log has them: an object of JSON values under PyTorch's names.
    void writeContainer(const std::vector<Metric>& metrics) {
        open('{');
        for (const auto& m : metrics) {
            separator();
            writeString(out_, m.name);
            out_ << ": ";
            if (isJsonValue(m.json)) out_ << m.json;
            else writeString(out_, m.json); // not JSON (a writer's mistake): kept, as a string
        }
        close('}');
    }
    template <class V> void writeContainer(const std::map<std::string, V>& m) {
        open('{');
        for (const auto& [k, val] : m) (*this)(k.c_str(), val);
        close('}');
    }
    void open(char c) {
        out_ << c;
        first_ = true;
        ++depth_;
    }
    void close(char c) {
        --depth_;
        if (!first_) newline();
        out_ << c;
        first_ = false;
    }
    void separator() {
        if (!first_) out_ << ',';
        newline();
        first_ = false;
    }

private:
    void newline() {
        out_ << '\n';
        for (int i = 0; i < depth_; ++i) out_ << "  ";
    }
    void writeDouble(double d) {
        if (!std::isfinite(d)) {
            out_ << "null";
            return;
        }
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest text that reads back exactly
        out_.write(buf, r.ptr - buf);
    }
    std::ostream& out_;
    bool first_ = true;
    int depth_ = 0;
};

// ---- reading: a small recursive-descent parser into a DOM ---------------------------------

struct Json;
using JsonObject = std::vector<std::pair<std::string, Json>>;
using JsonArray = std::vector<Json>;
struct Number { std::string text; };
struct Json {
    std::variant<std::nullptr_t, bool, Number, std::string, std::shared_ptr<JsonArray>, std::shared_ptr<JsonObject>> v;
    const Json* find(std::string_view key) const {
        if (auto* o = std::get_if<std::shared_ptr<JsonObject>>(&v))
            for (const auto& [k, val] : **o)
                if (k == key) return &val;
        return nullptr;
    }
};

struct ParseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}
    Json document() {
        Json j = value(0);
        skipSpace();
        if (i_ != s_.size()) fail("unexpected text after the end of the JSON value");
        return j;
    }
    [[noreturn]] void fail(const std::string& what) const {
        size_t line = 1, col = 1;
        for (size_t k = 0; k < i_ && k < s_.size(); ++k) {
            if (s_[k] == '\n') ++line, col = 1;
            else ++col;
        }
        throw ParseError("line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + what);
    }

private:
    void skipSpace() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool eat(char c) {
        skipSpace();
        if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail(std::string("expected '") + c + "'");
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    Json value(int depth) {
        if (depth > 64) fail("nesting is too deep");
        skipSpace();
        if (i_ >= s_.size()) fail("unexpected end of input");
        const char c = s_[i_];
        if (c == '{') {
            ++i_;
            auto obj = std::make_shared<JsonObject>();
            if (!eat('}')) {
                do {
                    skipSpace();
                    if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key in quotes");
                    std::string key = string();
                    expect(':');
                    obj->emplace_back(std::move(key), value(depth + 1));
                } while (eat(','));
                expect('}');
            }
            return Json{obj};
        }
        if (c == '[') {
            ++i_;
            auto arr = std::make_shared<JsonArray>();
            if (!eat(']')) {
                do arr->push_back(value(depth + 1));
                while (eat(','));
                expect(']');
            }
            return Json{arr};
        }
        if (c == '"') return Json{string()};
        if (literal("true")) return Json{true};
        if (literal("false")) return Json{false};
        if (literal("null")) return Json{nullptr};
        const size_t start = i_;
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' || s_[i_] == '+' ||
                                  s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E'))
            ++i_;
        if (i_ == start) fail("unexpected character '" + std::string(1, c) + "'");
        return Json{Number{std::string(s_.substr(start, i_ - start))}};
    }
    unsigned hex4() {
        if (i_ + 4 > s_.size()) fail("short \\u escape");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            v = v * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? unsigned(h - '0')
                          : h >= 'a' && h <= 'f'                     ? unsigned(h - 'a' + 10)
                          : h >= 'A' && h <= 'F'                     ? unsigned(h - 'A' + 10)
                                                                     : (fail("bad \\u escape"), 0u));
        }
        return v;
    }
    std::string string() {
        ++i_;  // opening quote
        std::string out;
        while (true) {
            if (i_ >= s_.size()) fail("unterminated string");
            const char c = s_[i_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) fail("unterminated string");
            const char e = s_[i_++];
            switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                uint32_t cp = hex4();
                if (cp >= 0xd800 && cp <= 0xdbff && s_.substr(i_, 2) == "\\u") {
                    i_ += 2;
                    const uint32_t lo = hex4();
                    if (lo < 0xdc00 || lo > 0xdfff) fail("bad surrogate pair");
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                } else if (cp >= 0xd800 && cp <= 0xdfff) {
                    cp = 0xfffd;
                }
                appendUtf8(out, cp);
                break;
            }
            default: fail(std::string("unknown escape \\") + e);
            }
        }
    }
    static void appendUtf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) out += static_cast<char>(0xc0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3f));
        else if (cp < 0x10000)
            out += static_cast<char>(0xe0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f)),
                out += static_cast<char>(0x80 | (cp & 0x3f));
        else
            out += static_cast<char>(0xf0 | (cp >> 18)), out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f)),
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f)), out += static_cast<char>(0x80 | (cp & 0x3f));
    }

    std::string_view s_;
    size_t i_ = 0;
};

// Fills records from the DOM through the same fields() lists.
class Reader {
public:
    explicit Reader(const Json& obj) : obj_(obj) {}
    template <class T> void operator()(const char* key, T& out) {
        if (const Json* j = obj_.find(key)) read(*j, out, key);
    }
    template <class T> static void read(const Json& j, T& out, std::string_view key) {
        auto bad = [&](const char* what) { throw ParseError("\"" + std::string(key) + "\" should be " + what); };
        if constexpr (std::is_same_v<T, bool>) {
            if (auto* b = std::get_if<bool>(&j.v)) out = *b; else bad("true or false");
        } else if constexpr (std::is_integral_v<T>) {
            auto* n = std::get_if<Number>(&j.v);
            if (!n) bad("a number");
            auto r = std::from_chars(n->text.data(), n->text.data() + n->text.size(), out);
            if (r.ec != std::errc() || r.ptr != n->text.data() + n->text.size()) bad("an integer");
        } else if constexpr (std::is_floating_point_v<T>) {
            if (std::holds_alternative<std::nullptr_t>(j.v)) { out = NAN; return; }
            auto* n = std::get_if<Number>(&j.v);
            if (!n) bad("a number");
            auto r = std::from_chars(n->text.data(), n->text.data() + n->text.size(), out);
            if (r.ec != std::errc()) bad("a number");
        } else if constexpr (std::is_enum_v<T>) {
            auto* s = std::get_if<std::string>(&j.v);
            auto e = s ? enumFrom<T>(*s) : std::nullopt;
            if (!e) bad("one of the known names");
            out = *e;
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (auto* s = std::get_if<std::string>(&j.v)) out = *s; else bad("a string");
        } else if constexpr (Record<T>) {
            if (!std::holds_alternative<std::shared_ptr<JsonObject>>(j.v)) bad("an object");
            Reader r(j);
            fields(r, out);
        } else {
            readContainer(j, out, key);
        }
    }
    template <class T> static void readContainer(const Json& j, std::vector<T>& out, std::string_view key) {
        auto* a = std::get_if<std::shared_ptr<JsonArray>>(&j.v);
        if (!a) throw ParseError("\"" + std::string(key) + "\" should be a list");
        out.clear();
        for (const Json& e : **a) read(e, out.emplace_back(), key);
    }
    static void readContainer(const Json& j, std::vector<Metric>& out, std::string_view key) {
        auto* o = std::get_if<std::shared_ptr<JsonObject>>(&j.v);
        if (!o) throw ParseError("\"" + std::string(key) + "\" should be an object");
        out.clear();
        for (const auto& [k, v] : **o) {
            std::ostringstream text;
            minified(text, v);
            out.push_back({k, std::move(text).str()});
        }
    }
    static void minified(std::ostream& out, const Json& j) {
        if (std::holds_alternative<std::nullptr_t>(j.v)) out << "null";
        else if (auto* b = std::get_if<bool>(&j.v)) out << (*b ? "true" : "false");
        else if (auto* n = std::get_if<Number>(&j.v)) out << n->text;
        else if (auto* s = std::get_if<std::string>(&j.v)) writeString(out, *s);
        else if (auto* a = std::get_if<std::shared_ptr<JsonArray>>(&j.v)) {
            out << '[';
            for (size_t i = 0; i < (*a)->size(); ++i) {
                if (i) out << ',';
                minified(out, (**a)[i]);
            }
            out << ']';
        } else if (auto* o = std::get_if<std::shared_ptr<JsonObject>>(&j.v)) {
            out << '{';
            bool first = true;
            for (const auto& [k, v] : **o) {
                if (!first) out << ',';
                first = false;
                writeString(out, k);
                out << ':';
                minified(out, v);
            }
            out << '}';
        }
    }
    template <class V> static void readContainer(const Json& j, std::map<std::string, V>& out, std::string_view key) {
        auto* o = std::get_if<std::shared_ptr<JsonObject>>(&j.v);
        if (!o) throw ParseError("\"" + std::string(key) + "\" should be an object");
        out.clear();
        for (const auto& [k, v] : **o) read(v, out[k], k);
    }

private:
    const Json& obj_;
};

template <class T> void writeList(Writer& w, const char* key, const std::vector<T>& v) { w(key, v); }

bool isJsonValue(std::string_view s) {
    try {
        Parser(s).document();
        return true;
    } catch (const ParseError&) {
        return false;
    }
}

void writeHead(Writer& w, const Session& s, const Summary& summary) {
    w("format", std::string(kSessionJsonFormat));
    w("version", kSessionJsonVersion);
    w("summary", summary);
    w("session", s.info);
    writeList(w, "frames", s.frames);
    writeList(w, "compiles", s.compiles);
    writeList(w, "recompiles", s.recompiles);
}

void writeTail(Writer& w, const Session& s) {
    writeList(w, "shape_events", s.shapeEvents);
    writeList(w, "logs", s.logs);
    writeList(w, "tests", s.tests);
    writeList(w, "resets", s.resets);
}

} // namespace

namespace {

void writeSession(std::ostream& out, const Session& s, const Summary& summary,
                  const std::function<void(Writer&)>& writeCalls) {
    Writer w(out);
    w.open('{');
    writeHead(w, s, summary);
    w.separator();
    writeString(out, "calls");
    out << ": ";
    w.open('[');
    writeCalls(w);
    w.close(']');
    writeTail(w, s);
    w.close('}');
    out << '\n';
}

} // namespace

void writeJson(std::ostream& out, const Session& withoutCalls, const Summary& summary,
               const std::function<std::vector<Call>()>& nextPage) {
    writeSession(out, withoutCalls, summary, [&](Writer& w) {
        for (auto page = nextPage(); !page.empty(); page = nextPage())
            for (const Call& c : page) {
                w.separator();
                w.write(c);
            }
    });
}

std::string jsonQuoted(std::string_view s) {
    std::ostringstream out;
    writeString(out, s);
    return std::move(out).str();
}

std::string toJson(const Session& s) {
    std::ostringstream out;
    writeSession(out, s, s.summary(), [&](Writer& w) {
        for (const Call& c : s.calls) {
            w.separator();
            w.write(c);
        }
    });
    return std::move(out).str();
}

std::optional<Session> fromJson(std::string_view json, std::string* error) {
    Parser parser(json);
    try {
        const Json doc = parser.document();
        if (!std::holds_alternative<std::shared_ptr<JsonObject>>(doc.v)) parser.fail("the top level is not an object");
        const Json* format = doc.find("format");
        if (!format || !std::holds_alternative<std::string>(format->v) ||
            std::get<std::string>(format->v) != kSessionJsonFormat)
            throw ParseError("not a Guardscope session export (no \"format\": \"guardscope-session\")");
        Session s;
        Reader r(doc);
        r("session", s.info);
        r("frames", s.frames);
        r("calls", s.calls);
        r("compiles", s.compiles);
        r("recompiles", s.recompiles);
        r("shape_events", s.shapeEvents);
        r("logs", s.logs);
        r("tests", s.tests);
        // Exports written before resets were events: the ids tell where they were.
        if (doc.find("resets")) r("resets", s.resets);
        else s.resets = inferResets(s);
        return s;
    } catch (const ParseError& e) {
        if (error) *error = e.what();
        return std::nullopt;
    }
}

void writeJsonString(std::ostream& out, std::string_view s) { writeString(out, s); }

} // namespace gs::session
