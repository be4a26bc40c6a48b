#pragma once
// Draws a Graphviz layout with QGraphicsScene items that carry model ids: selecting a node
// emits its id (views then select the row), selectId() does the reverse. Exports PNG or SVG.
#include <QGraphicsView>
#include <QHash>

#include <vector>

#include "core/layout/LayoutTypes.h"
#include "ui/graph/GraphNodeStyle.h"

namespace gs::ui {

class GraphNodeItem;

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget* parent = nullptr);
    ~GraphCanvas() override;

    // Measures each node's label with the canvas font (Graphviz gets sizes, draws nothing).
    layout::LayoutRequest makeRequest(const std::vector<GraphNodeStyle>& nodes,
                                      const std::vector<std::pair<QString, QString>>& edges,
                                      layout::Direction direction = layout::Direction::TopToBottom) const;
    // Replaces the picture. `styles` must hold every node of the layout (by id).
    void setGraph(const std::vector<GraphNodeStyle>& styles, const layout::LayoutResult& result);
    // Recolours nodes without a new layout (the time cursor moved).
    void restyle(const std::vector<GraphNodeStyle>& styles);
    // No picture; `message` says why (e.g. "Select a cache entry").
    void clearGraph(const QString& message);
    QString message() const { return message_; }

    void selectId(const QString& id, bool center = true);
    QStringList selectedIds() const;
    int nodeCount() const { return int(nodes_.size()); }
    bool hasGraph() const { return !nodes_.isEmpty(); }
    // .svg -> SVG, anything else -> PNG (2x for sharp text). Returns an error sentence or "".
    QString exportPicture(const QString& path) const;
    void zoomBy(double factor);
    void fit();

signals:
    void nodeSelected(const QString& id);
    void nodeActivated(const QString& id); // double-click

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QString renderTo(const QString& path) const;
    QFont font_;
    QHash<QString, GraphNodeItem*> nodes_;
    GraphNodeItem* firstNode_ = nullptr;
    QString message_;
    bool userZoomed_ = false;
    bool syncing_ = false;
};

} // namespace gs::ui
