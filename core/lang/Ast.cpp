#include "core/lang/Ast.h"

namespace gs::lang {

SourceFile::SourceFile(std::string n, std::string t) : name(std::move(n)), text(std::move(t)) {
    // Universal newlines, as Python reads source: "\n", "\r\n" and a lone "\r" each end a line.
    lineStarts.push_back(0);
    const size_t size = text.size();
    for (size_t i = 0; i < size; ++i) {
        char c = text[i];
        if (c == '\r') {
            if (i + 1 < size && text[i + 1] == '\n') ++i;
            lineStarts.push_back(i + 1);
        } else if (c == '\n') {
            lineStarts.push_back(i + 1);
        }
    }
}

std::string_view SourceFile::line(int lineNo) const {
    if (lineNo < 1 || lineNo > lineCount()) return {};
    size_t begin = lineStarts[static_cast<size_t>(lineNo - 1)];
    size_t end = lineNo < lineCount() ? lineStarts[static_cast<size_t>(lineNo)] : text.size();
    std::string_view v(text.data() + begin, end - begin);
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    return v;
}

std::string_view toString(BinOpKind op) {
    switch (op) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::MatMult: return "@";
    case BinOpKind::Div: return "/";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::FloorDiv: return "//";
    }
    return "?";
}

std::string_view toString(UnaryOpKind op) {
    switch (op) {
    case UnaryOpKind::Invert: return "~";
    case UnaryOpKind::Not: return "not";
    case UnaryOpKind::UAdd: return "+";
    case UnaryOpKind::USub: return "-";
    }
    return "?";
}

std::string_view toString(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Eq: return "==";
    case CmpOpKind::NotEq: return "!=";
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    case CmpOpKind::Is: return "is";
    case CmpOpKind::IsNot: return "is not";
    case CmpOpKind::In: return "in";
    case CmpOpKind::NotIn: return "not in";
    }
    return "?";
}

} // namespace gs::lang
