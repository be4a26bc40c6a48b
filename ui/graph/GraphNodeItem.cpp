#include "ui/graph/GraphNodeItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "ui/shared/Theme.h"

namespace gs::ui {

GraphNodeItem::GraphNodeItem(GraphNodeStyle style, const QRectF& box, const QFont& font)
    : style_(std::move(style)), box_(box), font_(font), bold_(font) {
    bold_.setBold(true);
    setFlag(ItemIsSelectable);
    setData(IdKey, style_.id);
    setToolTip(style_.toolTip);
    setCacheMode(DeviceCoordinateCache);
}

QRectF GraphNodeItem::boundingRect() const { return box_.adjusted(-3, -3, 3, 3); }

void GraphNodeItem::setStyle(const GraphNodeStyle& style) {
    style_ = style;
    setToolTip(style_.toolTip);
    update();
}

void GraphNodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const bool selected = isSelected();
    QPen pen(selected ? Theme::selectionOutline() : style_.border, selected ? 2.5 : style_.emphasis ? 2.5 : 1.0);
    p->setPen(pen);
    p->setBrush(style_.fill);
    p->drawRoundedRect(box_, 4, 4);
    p->setPen(style_.text);
    const QRectF inner = box_.adjusted(kPadX, kPadY, -kPadX, -kPadY);
    double y = inner.top();
    for (int i = 0; i < style_.lines.size(); ++i) {
        const QFont& f = i == 0 ? bold_ : font_;
        p->setFont(f);
        const QFontMetricsF fm(f);
        const QString text = fm.elidedText(style_.lines[i], Qt::ElideRight, inner.width() + 1);
        p->drawText(QRectF(inner.left(), y, inner.width() + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        y += fm.lineSpacing();
    }
}

} // namespace gs::ui
