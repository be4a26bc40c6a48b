#include "ui/graph/GraphEdgeItem.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include "ui/shared/Theme.h"

namespace gs::ui {

GraphEdgeItem::GraphEdgeItem(const layout::EdgeGeometry& e) {
    QPainterPath path;
    if (!e.bezier.empty()) {
        path.moveTo(e.bezier[0].x, e.bezier[0].y);
        for (size_t i = 1; i + 2 < e.bezier.size(); i += 3)
            path.cubicTo(e.bezier[i].x, e.bezier[i].y, e.bezier[i + 1].x, e.bezier[i + 1].y, e.bezier[i + 2].x,
                         e.bezier[i + 2].y);
    }
    if (e.hasArrow && !e.bezier.empty()) {
        // Graphviz stops the spline short of the head; the arrow spans the gap to the tip.
        const QPointF tip(e.arrowTip.x, e.arrowTip.y);
        const QPointF from(e.bezier.back().x, e.bezier.back().y);
        const QLineF line(from, tip);
        if (line.length() > 0.1) {
            const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
            const double len = std::max(6.0, line.length());
            const double spread = 0.42;
            arrow_ << tip << tip - QPointF(len * std::cos(angle - spread), len * std::sin(angle - spread))
                   << tip - QPointF(len * std::cos(angle + spread), len * std::sin(angle + spread));
        }
    }
    setPath(path);
    setPen(QPen(Theme::edgeColor(), 1.2));
    setZValue(-1);
}

QRectF GraphEdgeItem::boundingRect() const {
    return QGraphicsPathItem::boundingRect().united(arrow_.boundingRect()).adjusted(-2, -2, 2, 2);
}

void GraphEdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    p->setRenderHint(QPainter::Antialiasing);
    QGraphicsPathItem::paint(p, option, widget);
    if (!arrow_.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(pen().color());
        p->drawPolygon(arrow_);
    }
}

} // namespace gs::ui
