#pragma once
// A laid-out edge: the Graphviz cubic Bezier and an arrowhead at its tip.
#include <QGraphicsPathItem>

#include "core/layout/LayoutTypes.h"

namespace gs::ui {

class GraphEdgeItem : public QGraphicsPathItem {
public:
    explicit GraphEdgeItem(const layout::EdgeGeometry& edge);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    QRectF boundingRect() const override;

private:
    QPolygonF arrow_;
};

} // namespace gs::ui
