#include "app/cli/TerminalColour.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <streambuf>
#include <string>

namespace gs::cli {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kGreen = "\033[1;32m";

// Colours the first "error:" or "warning:" that starts the line or follows ": " (the
// `FILE:LINE:COL: error:` and `guardscope-cli run: warning:` shapes), nothing inside a message.
bool colourTag(std::string& line, const char* tag, const char* colour) {
    const size_t len = std::strlen(tag);
    for (size_t at = line.find(tag); at != std::string::npos; at = line.find(tag, at + 1)) {
        if (at == 0 || (at >= 2 && line.compare(at - 2, 2, ": ") == 0)) {
            line.insert(at + len, kReset);
            line.insert(at, colour);
            return true;
        }
    }
    return false;
}

bool isCaretLine(const std::string& line) {
    const size_t first = line.find_first_not_of(' ');
    return first != std::string::npos && line[first] == '^' && line.find_first_not_of("^~ ", first) == std::string::npos;
}

// A streambuf that passes complete lines, coloured, to the original one.
class ColouringBuf : public std::streambuf {
public:
    explicit ColouringBuf(std::streambuf* out) : out_(out) {}

protected:
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(ch) : ch;
        line_ += traits_type::to_char_type(ch);
        if (ch == '\n') flushLine();
        return ch;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
        return n;
    }
    // std::cerr is unit-buffered: it syncs after every `<<`. A line is coloured whole, so a
    // partial line waits for its newline (or for exit, see colourDiagnostics).
    int sync() override { return out_->pubsync(); }

public:
    void flushLine() {
        if (line_.empty()) return;
        const bool newline = line_.back() == '\n';
        if (newline) line_.pop_back();
        std::string coloured = colourLine(line_);
        if (newline) coloured += '\n';
        out_->sputn(coloured.data(), static_cast<std::streamsize>(coloured.size()));
        line_.clear();
    }
    std::streambuf* out_;
    std::string line_;
};

} // namespace

std::string colourLine(const std::string& line) {
    std::string out = line;
    if (isCaretLine(out)) return kGreen + out + kReset;
    if (!colourTag(out, "error:", kRed)) colourTag(out, "warning:", kMagenta);
    return out;
}

bool stderrWantsColour() {
    const char* noColour = std::getenv("NO_COLOR");
    if (noColour && *noColour) return false;
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) return false;
    return isatty(STDERR_FILENO) == 1;
}

void colourDiagnostics(std::ostream& os) {
    // Never destroyed: the stream may be written to until the very end of the process.
    static ColouringBuf* installed = nullptr;
    if (installed) return;
    installed = new ColouringBuf(os.rdbuf());
    os.rdbuf(installed);
    std::atexit([] {
        installed->flushLine();
        installed->pubsync();
    });
}

} // namespace gs::cli
