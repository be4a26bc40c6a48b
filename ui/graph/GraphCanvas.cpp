#include "ui/graph/GraphCanvas.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>

#include "ui/graph/GraphEdgeItem.h"
#include "ui/graph/GraphNodeItem.h"
#include "ui/shared/Theme.h"

namespace gs::ui {

GraphCanvas::GraphCanvas(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    font_ = QApplication::font();
    font_.setPointSizeF(std::max(8.0, font_.pointSizeF() - 0.5));
    connect(scene(), &QGraphicsScene::selectionChanged, this, [this] {
        if (syncing_) return;
        const auto ids = selectedIds();
        if (!ids.isEmpty()) emit nodeSelected(ids.front());
    });
}

GraphCanvas::~GraphCanvas() {
    // The scene is a child: ~QWidget deletes it after this object has stopped being a
    // GraphCanvas, and clearing its items emits selectionChanged into the lambda above.
    if (QGraphicsScene* s = scene()) disconnect(s, nullptr, this, nullptr);
}

layout::LayoutRequest GraphCanvas::makeRequest(const std::vector<GraphNodeStyle>& nodes,
                                               const std::vector<std::pair<QString, QString>>& edges,
                                               layout::Direction direction) const {
    QFont bold = font_;
    bold.setBold(true);
    const QFontMetricsF fm(font_), fmBold(bold);
    layout::LayoutRequest req;
    req.direction = direction;
    req.nodes.reserve(nodes.size());
    for (const auto& n : nodes) {
        double w = 0;
        for (int i = 0; i < n.lines.size(); ++i)
            w = std::max(w, (i == 0 ? fmBold : fm).horizontalAdvance(n.lines[i]));
        w = std::min(w, 420.0); // long code lines are elided; the tooltip has them whole
        const double h = std::max<qsizetype>(1, n.lines.size()) * fm.lineSpacing();
        req.nodes.push_back({n.id.toStdString(), std::ceil(w + 2 * GraphNodeItem::kPadX + 2),
                             std::ceil(h + 2 * GraphNodeItem::kPadY)});
    }
    int i = 0;
    for (const auto& [from, to] : edges) {
        std::string id = "e";
        id += std::to_string(i++);
        req.edges.push_back({std::move(id), from.toStdString(), to.toStdString()});
    }
    return req;
}

void GraphCanvas::setGraph(const std::vector<GraphNodeStyle>& styles, const layout::LayoutResult& result) {
    syncing_ = true;
    scene()->clear();
    nodes_.clear();
    firstNode_ = nullptr;
    message_.clear();
    if (!result.ok()) message_ = QString::fromStdString(result.error);
    QHash<QString, const GraphNodeStyle*> byId;
    for (const auto& s : styles) byId.insert(s.id, &s);
    for (const auto& e : result.edges) scene()->addItem(new GraphEdgeItem(e));
    for (const auto& n : result.nodes) {
        const QString id = QString::fromStdString(n.id);
        GraphNodeStyle style = byId.contains(id) ? *byId.value(id) : GraphNodeStyle{id, {id}, {}, {}, {}, false, {}};
        auto* item = new GraphNodeItem(style, QRectF(n.left(), n.top(), n.width, n.height), font_);
        scene()->addItem(item);
        nodes_.insert(id, item);
        if (!firstNode_) firstNode_ = item;
    }
    scene()->setSceneRect(QRectF(-12, -12, result.width + 24, result.height + 24));
    syncing_ = false;
    userZoomed_ = false;
    fit();
    viewport()->update();
}

void GraphCanvas::restyle(const std::vector<GraphNodeStyle>& styles) {
    for (const auto& s : styles)
        if (auto* item = nodes_.value(s.id)) item->setStyle(s);
}

void GraphCanvas::clearGraph(const QString& message) {
    syncing_ = true;
    scene()->clear();
    nodes_.clear();
    firstNode_ = nullptr;
    syncing_ = false;
    message_ = message;
    scene()->setSceneRect(QRectF());
    resetTransform();
    viewport()->update();
}

void GraphCanvas::selectId(const QString& id, bool center) {
    syncing_ = true;
    scene()->clearSelection();
    if (auto* item = nodes_.value(id)) {
        item->setSelected(true);
        if (center) ensureVisible(item, 40, 40);
    }
    syncing_ = false;
}

QStringList GraphCanvas::selectedIds() const {
    QStringList ids;
    for (auto* item : scene()->selectedItems()) ids << item->data(GraphNodeItem::IdKey).toString();
    return ids;
}

QString GraphCanvas::exportPicture(const QString& path) const {
    if (nodes_.isEmpty()) return QStringLiteral("There is no picture to export.");
    // Cached items would be painted as bitmaps; an export wants vectors and text.
    for (auto* item : nodes_) item->setCacheMode(QGraphicsItem::NoCache);
    const QString error = renderTo(path);
    for (auto* item : nodes_) item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    return error;
}

QString GraphCanvas::renderTo(const QString& path) const {
    const QRectF rect = scene()->sceneRect();
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(rect.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
        svg.setTitle(QStringLiteral("Guardscope graph"));
        QPainter p;
        if (!p.begin(&svg)) return QStringLiteral("%1 could not be written.").arg(path);
        p.fillRect(QRectF(QPointF(0, 0), rect.size()), palette().base());
        scene()->render(&p, QRectF(QPointF(0, 0), rect.size()), rect);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("%1 could not be written.").arg(path);
    }
    QImage image((rect.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return QStringLiteral("The picture is too large to export as PNG; try SVG.");
    image.fill(palette().base().color());
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), rect.size() * 2), rect);
    p.end();
    return image.save(path, "PNG") ? QString() : QStringLiteral("%1 could not be written.").arg(path);
}

void GraphCanvas::zoomBy(double factor) {
    userZoomed_ = true;
    scale(factor, factor);
}

void GraphCanvas::fit() {
    resetTransform();
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty()) return;
    const QSizeF avail = viewport()->size();
    const double s = std::min(avail.width() / r.width(), avail.height() / r.height());
    // Shrink to fit, but not below readable text; never blow small graphs up.
    const double k = std::clamp(s, 0.6, 1.0);
    scale(k, k);
    if (s >= 0.6 || nodes_.isEmpty()) {
        centerOn(r.center());
        return;
    }
    // Too big to fit: start at the first node (the root of a guard tree, the first input of a
    // graph), shown near the top-left corner.
    const GraphNodeItem* first = firstNode_ ? firstNode_ : *nodes_.cbegin();
    const QPointF c = first->boundingRect().center();
    centerOn(QPointF(std::max(c.x(), r.left() + avail.width() / k / 2 - 4), std::max(c.y(), r.top() + avail.height() / k / 2 - 4)));
}

void GraphCanvas::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (message_.isEmpty() || !nodes_.isEmpty()) return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, message_);
    painter->restore();
}

void GraphCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (auto* item = itemAt(event->position().toPoint()); item && item->data(GraphNodeItem::IdKey).isValid())
        emit nodeActivated(item->data(GraphNodeItem::IdKey).toString());
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!userZoomed_) fit();
}

} // namespace gs::ui

namespace gs::ui {

void GraphCanvas::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* exportAction = menu.addAction(tr("Export Picture as PNG or SVG…"));
    exportAction->setEnabled(hasGraph());
    menu.addSeparator();
    QAction* fitAction = menu.addAction(tr("Fit"));
    QAction* in = menu.addAction(tr("Zoom In (Ctrl+Wheel)"));
    QAction* out = menu.addAction(tr("Zoom Out (Ctrl+Wheel)"));
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen == fitAction) {
        userZoomed_ = false;
        fit();
    } else if (chosen == in) {
        zoomBy(1.25);
    } else if (chosen == out) {
        zoomBy(0.8);
    } else if (chosen == exportAction) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export picture"), QStringLiteral("graph.svg"), tr("SVG (*.svg);;PNG (*.png)"));
        if (path.isEmpty()) return;
        const QString error = exportPicture(path);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Export picture"), error);
    }
}

} // namespace gs::ui
