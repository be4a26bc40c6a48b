#include "ui/shared/CursorLabel.h"

#include <QEvent>
#include <QFontMetricsF>

#include <algorithm>

namespace gs::ui {

CursorLabel::CursorLabel(QWidget* parent) : QLabel(parent) {}

CursorLabel::Shape CursorLabel::shape() const {
    return {wordWrap(), margin(), indent(), contentsMargins(), textFormat(), alignment(), sizePolicy(), maximumWidth()};
}

bool CursorLabel::digitsTabular() const {
    if (tabular_ < 0) {
        tabular_ = 1;
        QFont bold = font();  // rich text sets numbers in bold too
        bold.setBold(true);
        for (const QFont& f : {font(), bold}) {
            const QFontMetricsF fm(f);
            const qreal zero = fm.horizontalAdvance(QLatin1Char('0'));
            for (char d = '1'; d <= '9'; ++d)
                if (fm.horizontalAdvance(QLatin1Char(d)) != zero) tabular_ = 0;
        }
    }
    return tabular_ == 1;
}

const CursorLabel::Hints* CursorLabel::hints() const {
    QString key = text();
    if (key.isEmpty() || !digitsTabular()) return nullptr;  // a pixmap, no text, or digits of their own widths
    for (QChar& c : key)
        if (c >= u'1' && c <= u'9') c = u'0';
    const Shape now = shape();
    auto it = std::find_if(kept_.begin(), kept_.end(), [&](const Hints& h) { return h.key == key && h.shape == now; });
    if (it == kept_.end()) {
        if (kept_.size() == kKept) kept_.pop_back();
        // QLabel::sizeHint computes both of QLabel's hints; minimumSizeHint then returns its own.
        const QSize size = QLabel::sizeHint();
        kept_.insert(kept_.begin(), Hints{std::move(key), now, size, QLabel::minimumSizeHint()});
    } else {
        std::rotate(kept_.begin(), it, it + 1);
    }
    return &kept_.front();
}

QSize CursorLabel::sizeHint() const {
    const Hints* h = hints();
    return h ? h->size : QLabel::sizeHint();
}

QSize CursorLabel::minimumSizeHint() const {
    const Hints* h = hints();
    return h ? h->minimum : QLabel::minimumSizeHint();
}

int CursorLabel::heightForWidth(int width) const {
    const Hints* h = hints();
    if (!h) return QLabel::heightForWidth(width);
    auto& heights = kept_.front().heights;
    auto it = std::find_if(heights.begin(), heights.end(), [&](const auto& wh) { return wh.first == width; });
    if (it != heights.end()) return it->second;
    if (heights.size() == kHeights) heights.pop_back();
    const int height = QLabel::heightForWidth(width);
    heights.insert(heights.begin(), {width, height});
    return height;
}

void CursorLabel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        kept_.clear();
        tabular_ = -1;
    }
    QLabel::changeEvent(event);
}

} // namespace gs::ui
