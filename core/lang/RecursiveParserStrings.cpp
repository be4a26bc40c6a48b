// String literals of the scenario parser: implicit concatenation, bytes, and f-strings
// (PEP 498; replacement fields are parsed by a sub-parser over the field's own source text,
// so their nodes carry exact positions).
#include <algorithm>

#include "core/lang/RecursiveParserImpl.h"
#include "core/lang/StringLiteral.h"

namespace gs::lang {

struct RecursiveParser::FString {
    std::vector<ExprPtr> values;
    std::string pending;    // literal text not yet turned into a Constant
    Pos pendingPos;
    int h = 0;

    void literal(RecursiveParser& p, const Token& tok, size_t at, std::string_view text) {
        if (pending.empty()) pendingPos = p.positionIn(tok, at);
        pending += text;
    }
    void flush(Pos end) {
        if (pending.empty()) return;
        auto c = std::make_unique<Constant>();
        c->type = Constant::Type::Str;
        c->s = std::move(pending);
        c->loc = {pendingPos.line, pendingPos.col, end.line, end.col};
        pending.clear();
        values.push_back(std::move(c));
        h = std::max(h, 1);
    }
};

Pos RecursiveParser::positionIn(const Token& tok, size_t offset) {
    if (cursorToken_ != tok.begin || offset < cursorOffset_) {
        cursorToken_ = tok.begin;
        cursorOffset_ = tok.begin;
        cursorPos_ = tok.start;
    }
    const std::string_view text = ctx_.src.text;
    size_t i = cursorOffset_;
    while (i < offset && i < text.size()) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < offset && text[i + 1] == '\n') ++i;
            ++cursorPos_.line;
            cursorPos_.col = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++cursorPos_.col;
        }
        ++i;
    }
    cursorOffset_ = i;
    return cursorPos_;
}

RecursiveParser::PE RecursiveParser::parseStrings() {
    const Pos start = cur().start;
    std::vector<Token> toks;
    bool anyBytes = false;
    bool anyStr = false;
    bool anyF = false;
    while (at(Tok::String)) {
        toks.push_back(take());
        StringPrefix p = analyzeStringToken(toks.back().text);
        (p.bytes ? anyBytes : anyStr) = true;
        anyF = anyF || p.fstring;
        if (anyBytes && anyStr) errorAt(toks.back().start, "cannot mix bytes and nonbytes literals");
    }
    const std::string_view text = ctx_.src.text;
    auto bodyOf = [](const Token& t, const StringPrefix& p) {
        return std::pair<size_t, size_t>{t.begin + p.prefixLen + p.quoteLen, t.end - p.quoteLen};
    };
    if (!anyF) {
        auto c = node<Constant>(start);
        c->type = anyBytes ? Constant::Type::Bytes : Constant::Type::Str;
        for (const Token& t : toks) {
            StringPrefix p = analyzeStringToken(t.text);
            auto [b, e] = bodyOf(t, p);
            if (auto err = decodeStringBody(text, b, e, p.raw, p.bytes, c->s))
                errorAt(positionIn(t, err->at), err->message);
        }
        return done(std::move(c), 1);
    }
    FString fs;
    for (const Token& t : toks) {
        StringPrefix p = analyzeStringToken(t.text);
        auto [b, e] = bodyOf(t, p);
        if (p.fstring) {
            parseFStringLiteral(t, b, e, p.raw, false, 0, fs);
        } else {
            std::string s;
            if (auto err = decodeStringBody(text, b, e, p.raw, false, s)) errorAt(positionIn(t, err->at), err->message);
            if (!s.empty()) fs.literal(*this, t, b, s);
        }
    }
    fs.flush(prevEnd_);
    auto j = node<JoinedStr>(start);
    j->values = std::move(fs.values);
    return done(std::move(j), fs.h + 1);
}

// Literal text of an f-string (or of a format spec when inSpec, which ends at its '}').
// Returns the offset where it stopped: `end`, or the spec's closing '}'.
size_t RecursiveParser::parseFStringLiteral(const Token& tok, size_t i, size_t end, bool raw, bool inSpec,
                                            int specDepth, FString& out) {
    const std::string_view text = ctx_.src.text;
    while (i < end) {
        const char c = text[i];
        if (c == '{') {
            if (!inSpec && i + 1 < end && text[i + 1] == '{') {
                out.literal(*this, tok, i, "{");
                i += 2;
                continue;
            }
            out.flush(positionIn(tok, i));
            i = parseReplacementField(tok, i, end, raw, specDepth, out);
            continue;
        }
        if (c == '}') {
            if (inSpec) return i;
            if (i + 1 < end && text[i + 1] == '}') {
                out.literal(*this, tok, i, "}");
                i += 2;
                continue;
            }
            errorAt(positionIn(tok, i), "f-string: single '}' is not allowed");
        }
        if (c == '\\' && !raw) {
            std::string decoded;
            size_t j = i;
            if (auto err = decodeEscape(text, j, end, false, decoded)) errorAt(positionIn(tok, err->at), err->message);
            if (!decoded.empty()) out.literal(*this, tok, i, decoded);
            i = j;
            continue;
        }
        if (c == '\r') {
            out.literal(*this, tok, i, "\n");
            ++i;
            if (i < end && text[i] == '\n') ++i;
            continue;
        }
        out.literal(*this, tok, i, text.substr(i, 1));
        ++i;
    }
    if (inSpec) errorAt(positionIn(tok, i), "f-string: expecting '}'");
    return i;
}

// '{' expression ['='] ['!' conversion] [':' format_spec] '}' starting at text[open] == '{'.
size_t RecursiveParser::parseReplacementField(const Token& tok, size_t open, size_t end, bool raw, int specDepth,
                                              FString& out) {
    Guard guard(*this);
    const std::string_view text = ctx_.src.text;
    const Pos fieldStart = positionIn(tok, open);
    // Fields may nest inside a format spec once (f"{x:{w}}"), as in CPython, not deeper.
    if (specDepth >= 2) errorAt(fieldStart, "f-string: expressions nested too deeply");
    const size_t exprBegin = open + 1;
    size_t i = exprBegin;

    // Find where the expression ends: the first top-level '}', '!', ':' or '=' that is not
    // part of an operator, skipping nested brackets and string literals.
    int depth = 0;
    for (;;) {
        if (i >= end) errorAt(fieldStart, "f-string: expecting '}'");
        const char c = text[i];
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0 && c == '}') break;
            if (depth > 0) --depth;
        } else if (c == '\'' || c == '"') {
            const size_t q = i;
            const bool triple = i + 2 < end && text[i + 1] == c && text[i + 2] == c;
            i += triple ? 3 : 1;
            for (;;) {
                if (i >= end) errorAt(positionIn(tok, q), "f-string: unterminated string");
                if (text[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (text[i] == c && (!triple || (i + 2 < end && text[i + 1] == c && text[i + 2] == c))) {
                    i += triple ? 3 : 1;
                    break;
                }
                ++i;
            }
            continue;
        } else if (c == '#') {
            errorAt(positionIn(tok, i), "f-string expression part cannot include '#'");
        } else if (depth == 0 && c == '!') {
            if (i + 1 < end && text[i + 1] == '=') {
                i += 2;
                continue;
            }
            break;
        } else if (depth == 0 && c == ':') {
            break;
        } else if (depth == 0 && c == '=') {
            if (i + 1 < end && text[i + 1] == '=') {
                i += 2;
                continue;
            }
            const char prev = text[i - 1];
            if (i == exprBegin || (prev != '=' && prev != '!' && prev != '<' && prev != '>')) break;
        }
        ++i;
    }
    const size_t exprEnd = i;
    if (text.substr(exprBegin, exprEnd - exprBegin).find_first_not_of(" \t\f\r\n") == std::string_view::npos)
        errorAt(positionIn(tok, exprEnd), "f-string: empty expression not allowed");

    auto fv = node<FormattedValue>(fieldStart);
    int h = 0;
    {
        Lexer sub(ctx_.src, exprBegin, exprEnd, positionIn(tok, exprBegin), "f-string: ");
        RecursiveParser inner(ctx_, sub, "f-string: ");
        fv->value = inner.parseFStringField(h);
    }

    char term = text[i];
    if (term == '=') {
        ++i;
        while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' || text[i] == '\f'))
            ++i;
        fv->debugText = std::string(text.substr(exprBegin, i - exprBegin));
        if (i >= end) errorAt(fieldStart, "f-string: expecting '}'");
        term = text[i];
        if (term != '!' && term != ':' && term != '}') errorAt(positionIn(tok, i), "f-string: expecting '}'");
    }
    if (term == '!') {
        ++i;
        if (i >= end) errorAt(fieldStart, "f-string: expecting '}'");
        const char conv = text[i];
        if (conv == ':' || conv == '}') errorAt(positionIn(tok, i), "f-string: missing conversion character");
        if (conv != 's' && conv != 'r' && conv != 'a')
            errorAt(positionIn(tok, i), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        fv->conversion = conv;
        ++i;
        if (i >= end || (text[i] != ':' && text[i] != '}')) errorAt(positionIn(tok, std::min(i, end)), "f-string: expecting '}'");
        term = text[i];
    }
    if (term == ':') {
        ++i;
        const Pos specPos = positionIn(tok, i);
        FString spec;
        i = parseFStringLiteral(tok, i, end, raw, true, specDepth + 1, spec);
        const Pos specEnd = positionIn(tok, i);
        spec.flush(specEnd);
        auto js = std::make_unique<JoinedStr>();
        js->loc = {specPos.line, specPos.col, specEnd.line, specEnd.col};
        js->values = std::move(spec.values);
        h = std::max(h, spec.h + 1);
        fv->formatSpec = std::move(js);
    }
    ++i; // the closing '}'
    if (!fv->debugText.empty() && fv->conversion == 0 && !fv->formatSpec) fv->conversion = 'r';
    const Pos fieldEnd = positionIn(tok, i);
    fv->loc.endLine = fieldEnd.line;
    fv->loc.endCol = fieldEnd.col;
    checkHeight(h + 1);
    out.h = std::max(out.h, h + 1);
    out.values.push_back(std::move(fv));
    return i;
}

} // namespace gs::lang
