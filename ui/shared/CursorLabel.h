#pragma once
// A QLabel whose text follows the time cursor ("Cache entries after call 5,000,001 of
// 10,000,000"). On every setText QLabel recomputes its size hints, which for word-wrapped rich
// text lays the document out three times: a third of a cursor step's work in a 10M-call session
// (issue 15, BM_CursorStepAllViews_10MCalls). The hints depend on the text's glyph advances only,
// and in a font whose ten digits have one advance (tabular figures, checked per font) texts that
// differ only in their digits have the same hints: they are kept for the text with its digits
// read as '0', for the last few such texts (a cursor moves between a handful: "call #12" and
// "call #1234567", a call that recompiled and one that did not), and so are its heights for the
// last few widths the layouts asked (the lines break at the same places). Painting and everything
// else stay QLabel's.
#include <QLabel>
#include <QMargins>

#include <utility>
#include <vector>

namespace gs::ui {

class CursorLabel : public QLabel {
public:
    explicit CursorLabel(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    // What QLabel's hints depend on besides the text's advances.
    struct Shape {
        bool wordWrap = false;
        int margin = 0, indent = 0;
        QMargins contents;
        Qt::TextFormat format = Qt::AutoText;
        Qt::Alignment alignment;
        QSizePolicy policy;
        int maximumWidth = 0;
        bool operator==(const Shape&) const = default;
    };
    struct Hints {
        QString key;  // the text with its digits as '0'
        Shape shape;
        QSize size, minimum;
        std::vector<std::pair<int, int>> heights;  // (width, heightForWidth), most recent first
    };
    static constexpr size_t kKept = 8, kHeights = 4;
    Shape shape() const;
    bool digitsTabular() const;
    // The hints of the current text, or null when they are not kept (no text, digits of their
    // own widths): then QLabel's own.
    const Hints* hints() const;

    mutable std::vector<Hints> kept_;  // most recently used first
    mutable int tabular_ = -1;  // the font's digits share one advance: 1, else 0; -1 not known
};

} // namespace gs::ui
