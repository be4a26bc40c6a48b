#include "core/advisor/RecompilePicture.h"

#include <algorithm>
#include <cctype>

#include "core/session/ReasonClassifier.h"

namespace gs::advisor {

using session::ReasonCategory;

std::vector<int> InputVariation::varyingDims() const {
    std::vector<int> out;
    if (ranks.size() != 1) return out;
    for (const auto& [d, seen] : sizes)
        if (seen.size() > 1) out.push_back(d);
    return out;
}

bool InputVariation::fellToZeroOrOne(int d) const {
    auto it = sizes.find(d);
    if (it == sizes.end() || it->second.size() < 2) return false;
    return it->second.count(0) > 0 || it->second.count(1) > 0;
}

const InputVariation* FramePicture::input(const std::string& name) const {
    for (const auto& i : inputs)
        if (i.name == name) return &i;
    return nullptr;
}

std::string RecompilePicture::topLevelName(const std::string& source) {
    std::string stripped = session::ReasonClassifier::stripLocalScope(source);
    if (stripped.empty() || stripped == source) return {};  // not an L[...] source
    for (char c : stripped)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return {};
    return stripped;
}

ReasonCategory RecompilePicture::categoryOf(const session::Recompile& r) { return session::ReasonClassifier::recompileCategory(r); }

std::vector<FramePicture> RecompilePicture::of(const session::Session& s) {
    std::vector<FramePicture> out;
    std::map<int, size_t> byFrameId;
    for (const auto& f : s.frames) {
        auto same = std::find_if(out.begin(), out.end(), [&](const FramePicture& p) {
            return p.frame.name == f.name && p.frame.file == f.file && p.frame.firstLine == f.firstLine;
        });
        if (same == out.end()) {
            FramePicture p;
            p.frame = f;
            out.push_back(std::move(p));
            same = out.end() - 1;
        }
        same->frameIds.push_back(f.id);
        byFrameId[f.id] = static_cast<size_t>(same - out.begin());
    }
    for (const auto& c : s.calls) {
        auto it = byFrameId.find(c.frameId);
        if (it == byFrameId.end()) continue;
        FramePicture& p = out[it->second];
        if (c.line > 0) p.callLines.insert(c.line);
        for (const auto& a : c.args) {
            auto in = std::find_if(p.inputs.begin(), p.inputs.end(), [&](const InputVariation& v) { return v.source == a.source; });
            if (in == p.inputs.end()) {
                InputVariation v;
                v.source = a.source;
                v.name = topLevelName(a.source);
                p.inputs.push_back(std::move(v));
                in = p.inputs.end() - 1;
            }
            in->kinds.insert(a.kind);
            if (!a.type.empty()) in->types.insert(a.type);
            if (!a.dtype.empty()) in->dtypes.insert(a.dtype);
            if (a.kind != "tensor" && !a.value.empty()) in->values.insert(a.value);
            if (a.kind == "tensor") {
                in->ranks.insert(a.shape.size());
                for (size_t d = 0; d < a.shape.size(); ++d) in->sizes[static_cast<int>(d)].insert(a.shape[d]);
            }
            if (a.aliasOf >= 0) in->aliased = true;
        }
    }
    for (const auto& c : s.compiles) {
        auto it = byFrameId.find(c.frameId);
        if (it != byFrameId.end() && c.status == session::EntryStatus::Ok) ++out[it->second].compiles;
    }
    for (const auto& r : s.recompiles) {
        auto it = byFrameId.find(r.frameId);
        if (it == byFrameId.end()) continue;
        FramePicture& p = out[it->second];
        if (!r.limitHit) ++p.recompiles;
        ReasonCategory cat = categoryOf(r);
        auto g = std::find_if(p.groups.begin(), p.groups.end(), [&](const RecompileGroup& x) { return x.category == cat; });
        if (g == p.groups.end()) {
            RecompileGroup ng;
            ng.category = cat;
            p.groups.push_back(std::move(ng));
            g = p.groups.end() - 1;
        }
        g->recompiles.push_back(r.compileId);
        g->limitHit = g->limitHit || r.limitHit;
        for (const auto& reason : r.reasons) {
            if (reason.category != cat && !(cat == ReasonCategory::ZeroOneSpecialization && reason.category == ReasonCategory::SizeChange))
                continue;
            if (!reason.source.empty()) g->sources.insert(reason.source);
            if (reason.dim >= 0 && !reason.source.empty()) g->dims.insert({reason.source, reason.dim});
        }
    }
    return out;
}

} // namespace gs::advisor
