#include "ui/views/ScenarioEditor.h"

#include <Qsci/qscilexerpython.h>

#include <QFileInfo>
#include <QFontDatabase>

#include "ui/shared/Theme.h"

namespace gs::ui {

namespace {
constexpr int kErrorIndicator = 8;
}

ScenarioEditor::ScenarioEditor(QWidget* parent) : QsciScintilla(parent), lexer_(new QsciLexerPython(this)) {
    setObjectName(QStringLiteral("scenarioEditor"));
    setUtf8(true);
    setLexer(lexer_);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setIndentationGuides(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(true);
    setEdgeMode(QsciScintilla::EdgeNone);
    setWrapMode(QsciScintilla::WrapNone);
    // Margin 0: line numbers; margin 1: error and provenance markers (clickable).
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginMarkerMask(0, 0);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 18);
    setMarginSensitivity(1, true);
    setMarginMarkerMask(1, (1 << ErrorMarker) | (1 << ProvenanceMarker) | (1 << FailingProvenanceMarker));
    markerDefine(QsciScintilla::Circle, ErrorMarker);
    markerDefine(QsciScintilla::RightArrow, ProvenanceMarker);
    markerDefine(QsciScintilla::RightArrow, FailingProvenanceMarker);
    markerDefine(QsciScintilla::Background, CursorLineMarker);
    indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    applyTheme(Theme::dark());

    connect(this, &QsciScintilla::marginClicked, this, [this](int margin, int line, Qt::KeyboardModifiers) {
        if (margin == 1 && provenance_.count(line + 1)) emit provenanceClicked(line + 1);
    });
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (!loading_ && hasScript_) emit edited();
    });
}

void ScenarioEditor::applyTheme(bool dark) {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(9.0, mono.pointSizeF()));
    lexer_->setDefaultFont(mono);
    lexer_->setFont(mono, -1);
    const QColor paper = dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white);
    const QColor ink = dark ? QColor(0xdc, 0xde, 0xe2) : QColor(0x1d, 0x1f, 0x22);
    lexer_->setDefaultPaper(paper);
    lexer_->setPaper(paper, -1);
    lexer_->setDefaultColor(ink);
    if (dark) {
        lexer_->setColor(ink, -1);
        lexer_->setColor(QColor(0x7f, 0x84, 0x8e), QsciLexerPython::Comment);
        lexer_->setColor(QColor(0x7f, 0x84, 0x8e), QsciLexerPython::CommentBlock);
        lexer_->setColor(QColor(0xcf, 0x8e, 0x6d), QsciLexerPython::Keyword);
        lexer_->setColor(QColor(0x6a, 0xab, 0x73), QsciLexerPython::SingleQuotedString);
        lexer_->setColor(QColor(0x6a, 0xab, 0x73), QsciLexerPython::DoubleQuotedString);
        lexer_->setColor(QColor(0x6a, 0xab, 0x73), QsciLexerPython::TripleSingleQuotedString);
        lexer_->setColor(QColor(0x6a, 0xab, 0x73), QsciLexerPython::TripleDoubleQuotedString);
        lexer_->setColor(QColor(0x2a, 0xac, 0xb8), QsciLexerPython::Number);
        lexer_->setColor(QColor(0x56, 0xa8, 0xf5), QsciLexerPython::FunctionMethodName);
        lexer_->setColor(QColor(0x56, 0xa8, 0xf5), QsciLexerPython::ClassName);
        lexer_->setColor(QColor(0xb3, 0xae, 0x60), QsciLexerPython::Decorator);
    } else {
        // QScintilla's own light defaults, restored after a dark session.
        QsciLexerPython defaults;
        for (int style = 0; style <= QsciLexerPython::Decorator; ++style) lexer_->setColor(defaults.color(style), style);
    }
    setMarginsBackgroundColor(dark ? QColor(0x2b, 0x2d, 0x30) : QColor(0xf0, 0xf0, 0xf0));
    setMarginsForegroundColor(dark ? QColor(0x8c, 0x8f, 0x94) : QColor(0x80, 0x80, 0x80));
    setMarginsFont(mono);
    setCaretForegroundColor(ink);
    setCaretLineBackgroundColor(dark ? QColor(0x26, 0x28, 0x2b) : QColor(0xf5, 0xf8, 0xfc));
    setSelectionBackgroundColor(dark ? QColor(0x21, 0x42, 0x83) : QColor(0xc3, 0xd7, 0xf5));
    setMarkerBackgroundColor(QColor(0xd0, 0x21, 0x21), ErrorMarker);
    setMarkerForegroundColor(QColor(0xd0, 0x21, 0x21), ErrorMarker);
    setMarkerBackgroundColor(Theme::kindColor(session::CallKind::Compile), ProvenanceMarker);
    setMarkerForegroundColor(Theme::kindColor(session::CallKind::Compile), ProvenanceMarker);
    setMarkerBackgroundColor(QColor(0xe6, 0x7e, 0x22), FailingProvenanceMarker);
    setMarkerForegroundColor(QColor(0xe6, 0x7e, 0x22), FailingProvenanceMarker);
    setMarkerBackgroundColor(dark ? QColor(0x3a, 0x37, 0x20) : QColor(0xff, 0xf6, 0xc8), CursorLineMarker);
    setIndicatorForegroundColor(QColor(0xe0, 0x20, 0x20), kErrorIndicator);
    setPaper(paper);
    setColor(ink);
}

void ScenarioEditor::setScenario(const QString& text, const QString& path) {
    loading_ = true;
    path_ = path;
    untitledName_.clear();
    hasScript_ = true;
    sourceFile_ = false;
    setReadOnly(false);
    if (this->text() != text) setText(text);
    setModified(false);
    loading_ = false;
}

void ScenarioEditor::setUntitled(const QString& text, const QString& name) {
    setScenario(text, QString());
    untitledName_ = name.isEmpty() ? QStringLiteral("untitled.py") : name;
}

QString ScenarioEditor::documentName() const {
    if (!path_.isEmpty()) return QFileInfo(path_).fileName();
    return untitledName_.isEmpty() ? QStringLiteral("untitled.py") : untitledName_;
}

void ScenarioEditor::markSaved(const QString& path) {
    path_ = path;
    untitledName_.clear();
    setModified(false);
}

void ScenarioEditor::setSourceFile(const QString& text, const QString& path) {
    loading_ = true;
    hasScript_ = false;
    sourceFile_ = true;
    path_ = path;
    untitledName_.clear();
    clearError();
    if (this->text() != text) setText(text);
    setModified(false);
    setReadOnly(true);
    loading_ = false;
}

void ScenarioEditor::setNoScript(const QString& message) {
    loading_ = true;
    hasScript_ = false;
    sourceFile_ = false;
    path_.clear();
    untitledName_.clear();
    clearError();
    setText(message);
    setReadOnly(true);
    setModified(false);
    loading_ = false;
}

void ScenarioEditor::showError(const SourceError& error) {
    clearError();
    if (error.line <= 0) return;
    errorLine_ = error.line;
    errorColumn_ = std::max(1, error.column);
    errorMessage_ = error.message;
    const int line = error.line - 1;
    markerAdd(line, ErrorMarker);
    // Underline from the column to the end of the word (or one character at a line end).
    const QString lineText = text(line);
    int from = std::min<int>(errorColumn_ - 1, std::max<int>(0, int(lineText.size()) - 1));
    int to = from + 1;
    while (to < lineText.size() && (lineText[to].isLetterOrNumber() || lineText[to] == u'_')) ++to;
    fillIndicatorRange(line, from, line, std::max(to, from + 1), kErrorIndicator);
    annotate(line, QStringLiteral("%1:%2: %3").arg(error.line).arg(errorColumn_).arg(error.message), 0);
    ensureLineVisible(line);
}

void ScenarioEditor::clearError() {
    markerDeleteAll(ErrorMarker);
    clearIndicatorRange(0, 0, std::max(0, lines() - 1), std::max(0, lineLength(std::max(0, lines() - 1))), kErrorIndicator);
    clearAnnotations();
    errorLine_ = errorColumn_ = 0;
    errorMessage_.clear();
}

void ScenarioEditor::setProvenance(const std::map<int, int>& guardsPerLine, int failingLine) {
    markerDeleteAll(ProvenanceMarker);
    markerDeleteAll(FailingProvenanceMarker);
    provenance_ = guardsPerLine;
    if (!hasScript_ && !sourceFile_) return;
    for (const auto& [line, count] : guardsPerLine) {
        if (line <= 0 || line > lines()) continue;
        markerAdd(line - 1, line == failingLine ? FailingProvenanceMarker : ProvenanceMarker);
    }
}

void ScenarioEditor::setCursorLine(int line) {
    markerDeleteAll(CursorLineMarker);
    if ((hasScript_ || sourceFile_) && line > 0 && line <= lines()) {
        markerAdd(line - 1, CursorLineMarker);
        ensureLineVisible(line - 1);
    }
}

bool ScenarioEditor::hasMarker(int line, Marker m) const {
    if (line <= 0) return false;
    return (const_cast<ScenarioEditor*>(this)->markersAtLine(line - 1) & (1u << m)) != 0;
}

void ScenarioEditor::goToLine(int line) {
    if (line <= 0 || (!hasScript_ && !sourceFile_)) return;
    setCursorPosition(line - 1, 0);
    ensureLineVisible(line - 1);
    setFocus();
}

} // namespace gs::ui
