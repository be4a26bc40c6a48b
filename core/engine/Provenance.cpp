#include "core/engine/Provenance.h"

namespace gs::engine {

std::string Provenance::shortPath(const std::string& file) {
    std::string f = file;
    size_t last = f.rfind('/');
    if (last != std::string::npos && last > 0) {
        size_t prev = f.rfind('/', last - 1);
        if (prev != std::string::npos) f = f.substr(prev + 1);
    }
    return f;
}

std::string Provenance::frameText() const {
    std::string f = file;
    size_t last = f.rfind('/');
    if (last != std::string::npos && last > 0) {
        size_t prev = f.rfind('/', last - 1);
        if (prev != std::string::npos) f = f.substr(prev + 1);
    }
    return f + ":" + std::to_string(line) + " in " + function;
}

std::string Provenance::comment() const {
    if (empty()) return "";
    return "  # " + userCode + "  # " + frameText();
}

} // namespace gs::engine
