#include "core/store/CompileDetailCodec.h"

#include <charconv>

#include "core/store/ValueCodec.h"

namespace gs::store {

using namespace gs::session;

namespace {

constexpr std::string_view kSameAsBefore = "=";

template <class Int>
bool toInt(std::string_view s, Int& v) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size();
}

// Each item is itself a list of fields; the column is the list of items. `fields` appends an
// item's fields (ValueCodec::appendString/appendNumber) to the string it is given: the same
// text as ValueCodec::encodeStrings of the items' encodeStrings, without a string per field.
template <class T, class F>
std::string encodeItems(const std::vector<T>& items, F&& fields) {
    std::string out, item;
    for (const auto& x : items) {
        item.clear();
        fields(x, item);
        ValueCodec::appendString(out, item);
    }
    return out;
}

void put(std::string& out, std::string_view s) { ValueCodec::appendString(out, s); }
void put(std::string& out, int64_t v) { ValueCodec::appendNumber(out, v); }

template <class T, class F>
std::optional<std::vector<T>> decodeItems(std::string_view s, size_t nFields, F&& make) {
    auto items = ValueCodec::decodeStrings(s);
    if (!items) return std::nullopt;
    std::vector<T> out;
    out.reserve(items->size());
    for (const auto& item : *items) {
        auto f = ValueCodec::decodeStrings(item);
        if (!f || f->size() != nFields) return std::nullopt;
        T v;
        if (!make(*f, v)) return std::nullopt;
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace

std::string CompileDetailCodec::encodeStack(const std::vector<StackFrame>& stack) {
    return encodeItems(stack, [](const StackFrame& f, std::string& out) {
        put(out, f.file);
        put(out, int64_t(f.line));
        put(out, f.function);
        put(out, f.text);
    });
}

std::optional<std::vector<StackFrame>> CompileDetailCodec::decodeStack(std::string_view s) {
    return decodeItems<StackFrame>(s, 4, [](std::vector<std::string>& f, StackFrame& out) {
        out.file = std::move(f[0]);
        out.function = std::move(f[2]);
        out.text = std::move(f[3]);
        return toInt(f[1], out.line);
    });
}

// [has collectives ("1" or ""), runtime in ms (shortest text; "" when not logged), tensor-meta
// fingerprint, the collectives' names as a list]
std::string CompileDetailCodec::encodeInductor(const InductorSummary& s) {
    if (s.empty()) return {};
    std::string out;
    put(out, s.hasCollectives ? "1" : "");
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, s.runtimeMs);
    put(out, s.runtimeMs < 0 || ec != std::errc() ? std::string_view() : std::string_view(buf, size_t(end - buf)));
    put(out, s.tensorMeta);
    put(out, ValueCodec::encodeStrings(s.collectives));
    return out;
}

std::optional<InductorSummary> CompileDetailCodec::decodeInductor(std::string_view s) {
    InductorSummary out;
    if (s.empty()) return out;
    auto f = ValueCodec::decodeStrings(s);
    if (!f || f->size() != 4 || ((*f)[0] != "1" && !(*f)[0].empty())) return std::nullopt;
    out.hasCollectives = (*f)[0] == "1";
    if (!(*f)[1].empty()) {
        const std::string& r = (*f)[1];
        auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), out.runtimeMs);
        if (ec != std::errc() || p != r.data() + r.size() || !(out.runtimeMs >= 0)) return std::nullopt;
    }
    out.tensorMeta = std::move((*f)[2]);
    auto names = ValueCodec::decodeStrings((*f)[3]);
    if (!names) return std::nullopt;
    out.collectives = std::move(*names);
    return out;
}

std::string CompileDetailCodec::encodeArtifacts(const std::vector<Artifact>& artifacts) {
    return encodeItems(artifacts, [](const Artifact& a, std::string& out) {
        put(out, int64_t(a.record));
        put(out, a.name);
        put(out, a.kind);
        put(out, a.format);
        put(out, a.detail);
        put(out, int64_t(a.bytes));
    });
}

std::optional<std::vector<Artifact>> CompileDetailCodec::decodeArtifacts(std::string_view s) {
    return decodeItems<Artifact>(s, 6, [](std::vector<std::string>& f, Artifact& out) {
        out.name = std::move(f[1]);
        out.kind = std::move(f[2]);
        out.format = std::move(f[3]);
        out.detail = std::move(f[4]);
        return toInt(f[0], out.record) && toInt(f[5], out.bytes);
    });
}

std::string CompileDetailCodec::encodeCache(const std::vector<CacheEvent>& cache) {
    return encodeItems(cache, [](const CacheEvent& c, std::string& out) {
        put(out, c.kind);
        put(out, c.result);
        put(out, c.key);
        put(out, c.detail);
        put(out, int64_t(c.record));
    });
}

std::optional<std::vector<CacheEvent>> CompileDetailCodec::decodeCache(std::string_view s) {
    return decodeItems<CacheEvent>(s, 5, [](std::vector<std::string>& f, CacheEvent& out) {
        out.kind = std::move(f[0]);
        out.result = std::move(f[1]);
        out.key = std::move(f[2]);
        out.detail = std::move(f[3]);
        return toInt(f[4], out.record);
    });
}

std::string CompileDetailCodec::encodeMetrics(const std::vector<Metric>& metrics) {
    std::string out; // name, value, name, value, ... as ValueCodec::encodeStrings writes them
    for (const auto& m : metrics) {
        ValueCodec::appendString(out, m.name);
        auto it = last_.find(m.name);
        if (it != last_.end() && it->second == m.json) {
            ValueCodec::appendString(out, kSameAsBefore);
        } else {
            // a value that itself starts with '=' (not JSON, but the model does not forbid it) gets
            // one more, so "=" alone always means "as before"
            ValueCodec::appendString(out, !m.json.empty() && m.json[0] == '=' ? "=" + m.json : m.json);
            if (it != last_.end()) it->second = m.json;
            else last_.emplace(m.name, m.json);
        }
    }
    return out;
}

std::optional<std::vector<Metric>> CompileDetailCodec::decodeMetrics(std::string_view s) {
    auto flat = ValueCodec::decodeStrings(s);
    if (!flat || flat->size() % 2 != 0) return std::nullopt;
    std::vector<Metric> out;
    out.reserve(flat->size() / 2);
    for (size_t i = 0; i < flat->size(); i += 2) {
        Metric m{std::move((*flat)[i]), std::move((*flat)[i + 1])};
        if (m.json == kSameAsBefore) {
            auto it = last_.find(m.name);
            if (it == last_.end()) return std::nullopt;
            m.json = it->second;
        } else {
            if (m.json.size() > 1 && m.json[0] == '=') m.json.erase(0, 1);
            last_[m.name] = m.json;
        }
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace gs::store
