#include "core/lang/Parser.h"

#include "core/lang/Lexer.h"
#include "core/lang/RecursiveParser.h"

namespace gs::lang {

namespace {
// Offsets are 32-bit inside tokens; a scenario is far smaller than this.
constexpr size_t kMaxSourceBytes = size_t{1} << 30;

void checkSize(const SourceFile& src) {
    if (src.text.size() > kMaxSourceBytes) throwSyntaxError(src, 1, 1, "source file is too large (over 1 GiB)");
}
} // namespace

std::unique_ptr<Module> parseModule(std::string source, std::string fileName) {
    auto module = std::make_unique<Module>();
    auto file = std::make_shared<const SourceFile>(std::move(fileName), std::move(source));
    module->source = file;
    checkSize(*file);
    Lexer lexer(*file);
    ParseContext ctx(*file);
    RecursiveParser parser(ctx, lexer);
    module->body = parser.parseFile();
    return module;
}

ExprPtr parseExpression(std::string_view source, std::string fileName) {
    SourceFile file(std::move(fileName), std::string(source));
    checkSize(file);
    Lexer::checkEncoding(file);
    // Like eval(): the text is one expression; newlines inside it are plain whitespace.
    const size_t begin = file.text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    Lexer lexer(file, begin, file.text.size(), Pos{1, 1}, "");
    ParseContext ctx(file);
    RecursiveParser parser(ctx, lexer);
    return parser.parseEval();
}

} // namespace gs::lang
