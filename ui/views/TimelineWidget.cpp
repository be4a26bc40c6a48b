#include "ui/views/TimelineWidget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"

namespace gs::ui {

TimelineWidget::TimelineWidget(QWidget* parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);
}

QSize TimelineWidget::sizeHint() const { return {900, kAxisHeight + 4 * kRowHeight + 8}; }
QSize TimelineWidget::minimumSizeHint() const { return {300, kAxisHeight + kRowHeight + 8}; }

void TimelineWidget::setSession(session::SessionIndexPtr data) {
    data_ = std::move(data);
    limitHits_.clear();
    graphBreaks_.clear();
    if (data_) {
        for (const auto& r : data_->session().recompiles)
            if (r.limitHit && r.callIndex >= 0) limitHits_.push_back(r.callIndex);
        for (const auto& l : data_->session().logs)
            if (l.channel == "graph_breaks" && l.callIndex >= 0 && l.text.rfind("restart: ", 0) != 0) graphBreaks_.push_back(l.callIndex);
        for (auto* v : {&limitHits_, &graphBreaks_}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
    }
    cursor_ = data_ && data_->callCount() ? data_->callCount() - 1 : -1;
    fit_ = true;
    zoomToFit();
}

void TimelineWidget::setCursor(int64_t pos) {
    if (pos == cursor_) return;
    cursor_ = pos;
    scrollToCall(pos);
    viewport()->update();
}

int TimelineWidget::plotWidth() const { return std::max(1, viewport()->width() - kLabelWidth); }

double TimelineWidget::minPpc() const {
    const int64_t n = data_ ? std::max<int64_t>(1, data_->callCount()) : 1;
    return double(plotWidth() - 8) / double(n);
}

void TimelineWidget::zoomToFit() {
    fit_ = true;
    // Fit, but never wider than 40 px per call: a 7-call session should not look like bars.
    ppc_ = std::min(40.0, std::max(minPpc(), 1e-4));
    updateScrollBars();
    viewport()->update();
}

void TimelineWidget::setPixelsPerCall(double ppc, int anchorX) {
    if (!data_) return;
    const double lo = std::min(minPpc(), 40.0), hi = 64.0;
    ppc = std::clamp(ppc, lo, hi);
    const int ax = anchorX < 0 ? plotWidth() / 2 : anchorX;
    const double callAtAnchor = (horizontalScrollBar()->value() + ax) / ppc_;
    ppc_ = ppc;
    fit_ = ppc_ <= lo + 1e-9;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(callAtAnchor * ppc_ - ax));
    viewport()->update();
}

void TimelineWidget::scrollToCall(int64_t pos) {
    if (!data_ || pos < 0) return;
    const double x = pos * ppc_;
    auto* sb = horizontalScrollBar();
    if (x < sb->value() + 20) sb->setValue(int(x - 20));
    else if (x > sb->value() + plotWidth() - 20) sb->setValue(int(x - plotWidth() + 40));
}

void TimelineWidget::updateScrollBars() {
    const int64_t n = data_ ? data_->callCount() : 0;
    const double content = n * ppc_ + 8;
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(content)) - plotWidth()));
    horizontalScrollBar()->setPageStep(plotWidth());
    horizontalScrollBar()->setSingleStep(std::max(1, int(ppc_)));
    const int tracks = data_ ? int(data_->tracks().size()) : 0;
    verticalScrollBar()->setRange(0, std::max(0, kAxisHeight + tracks * kRowHeight - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(kRowHeight);
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (fit_) zoomToFit();
    else updateScrollBars();
}

void TimelineWidget::scrollContentsBy(int, int) { viewport()->update(); }

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    paintTimeline(p, viewport()->size());
}

void TimelineWidget::paintTimeline(QPainter& p, const QSize& size) const {
    const QPalette& pal = palette();
    p.fillRect(QRect(QPoint(0, 0), size), pal.base());
    if (!data_ || data_->callCount() == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter,
                   data_ ? tr("This session has no calls or compiles.") : tr("Open a scenario, a TORCH_TRACE log or a stored session."));
        return;
    }
    const int width = size.width() - kLabelWidth;
    const int sx = horizontalScrollBar()->value();
    const int64_t first = std::max<int64_t>(0, int64_t(std::floor(sx / ppc_)) - 1);
    const int64_t last = std::min<int64_t>(data_->callCount() - 1, int64_t(std::ceil((sx + width) / ppc_)) + 1);
    const int sy = verticalScrollBar()->value();
    const int cursorTrack = data_->trackOfCall(cursor_);

    p.save();
    p.setClipRect(QRect(kLabelWidth, kAxisHeight, width, size.height() - kAxisHeight));
    for (size_t t = 0; t < data_->tracks().size(); ++t) {
        const int y = kAxisHeight + int(t) * kRowHeight - sy;
        if (y + kRowHeight < kAxisHeight || y > size.height()) continue;
        if (int(t) == cursorTrack) p.fillRect(QRect(kLabelWidth, y, width, kRowHeight), pal.color(QPalette::AlternateBase).darker(104));
        else if (t % 2) p.fillRect(QRect(kLabelWidth, y, width, kRowHeight), pal.alternateBase());
        paintTrack(p, int(t), y, width, first, last);
    }
    paintMarkers(p, size, width);
    // The time cursor across every row.
    if (cursor_ >= 0) {
        const double x = kLabelWidth + cursor_ * ppc_ - sx + std::max(1.0, ppc_) / 2;
        QColor c = Theme::selectionOutline();
        p.setPen(QPen(c, 2));
        p.drawLine(QPointF(x, kAxisHeight), QPointF(x, size.height()));
    }
    p.restore();

    // Row labels: fixed on the left, never scrolled horizontally.
    p.fillRect(QRect(0, kAxisHeight, kLabelWidth, size.height()), pal.window());
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(kLabelWidth - 1, 0, kLabelWidth - 1, size.height());
    for (size_t t = 0; t < data_->tracks().size(); ++t) {
        const int y = kAxisHeight + int(t) * kRowHeight - sy;
        if (y + kRowHeight < kAxisHeight || y > size.height()) continue;
        QFont f = p.font();
        f.setBold(int(t) == cursorTrack);
        p.setFont(f);
        p.setPen(pal.color(QPalette::WindowText));
        const QString label = p.fontMetrics().elidedText(QString::fromStdString(data_->tracks()[t].label), Qt::ElideMiddle, kLabelWidth - 12);
        p.drawText(QRect(6, y, kLabelWidth - 10, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    QFont f = p.font();
    f.setBold(false);
    p.setFont(f);
    paintAxis(p, width);
}

void TimelineWidget::paintDense(QPainter& p, int track, session::CallCount what, int y, int h, int width, const QColor& c) const {
    const int sx = horizontalScrollBar()->value();
    if (ppc_ >= 3) {
        // Zoomed in: one tick per call.
        const int64_t from = int64_t(std::floor(sx / ppc_)), to = int64_t(std::ceil((sx + width) / ppc_)) + 1;
        for (int64_t pos : data_->callsIn(track, what, from, to)) {
            const double x = pos * ppc_ - sx;
            p.fillRect(QRectF(kLabelWidth + x + ppc_ * 0.15, y, std::max(1.0, ppc_ * 0.7), h), c);
        }
        return;
    }
    // Zoomed out: the calls counted per pixel column (SessionIndex::columnCounts), columns that
    // hold a call merged into runs.
    const std::vector<int64_t> counts = data_->columnCounts(track, what, sx / ppc_, 1 / ppc_, width + 1);
    int runStart = -1;
    for (int x = 0; x < int(counts.size()); ++x) {
        const bool hit = counts[size_t(x)] > 0;
        if (hit && runStart < 0) runStart = x;
        if (!hit && runStart >= 0) {
            p.fillRect(QRect(kLabelWidth + runStart, y, x - runStart, h), c);
            runStart = -1;
        }
    }
    if (runStart >= 0) p.fillRect(QRect(kLabelWidth + runStart, y, width - runStart + 1, h), c);
}

void TimelineWidget::paintTrack(QPainter& p, int track, int y, int width, int64_t first, int64_t last) const {
    const auto& t = data_->tracks()[size_t(track)];
    const int sx = horizontalScrollBar()->value();
    const int h = kRowHeight;
    paintDense(p, track, session::CallCount::Hits, y + h * 3 / 8, h / 4 + 1, width, Theme::kindColor(session::CallKind::Hit));
    paintDense(p, track, session::CallCount::Eager, y + h / 4, h / 2, width, Theme::kindColor(session::CallKind::RunOnly));
    // A hit `run --verify` found stale (a missing guard): a triangle from the top of the row
    // down to the hit line, so it stands out even zoomed out.
    const auto& stale = data_->staleHits();
    for (auto s = std::lower_bound(stale.begin(), stale.end(), first); s != stale.end() && *s <= last; ++s) {
        if (data_->trackOfCall(*s) != track) continue;
        const double sw = std::max(3.0, ppc_ * 0.8);
        const double x = kLabelWidth + double(*s) * ppc_ - sx + (ppc_ - sw) / 2;
        QPainterPath tri;
        tri.moveTo(x - 2, y + 1);
        tri.lineTo(x + sw + 2, y + 1);
        tri.lineTo(x + sw / 2, y + h * 3 / 8 + 1);
        tri.closeSubpath();
        p.fillPath(tri, Theme::staleColor());
    }
    // Compiles and recompiles: full-height marks, at least 3 px so they never vanish.
    auto it = std::lower_bound(t.marks.begin(), t.marks.end(), first, [](const auto& m, int64_t v) { return m.pos < v; });
    const double w = std::max(3.0, ppc_ * 0.8);
    for (; it != t.marks.end() && it->pos <= last; ++it) {
        const double x = kLabelWidth + it->pos * ppc_ - sx + (ppc_ - w) / 2;
        QColor c = it->kind == session::CallKind::Recompile ? Theme::categoryColor(it->category) : Theme::kindColor(it->kind);
        p.fillRect(QRectF(x, y + 3, w, h - 6), c);
        if (it->kind == session::CallKind::Failed) {
            p.setPen(QPen(palette().base().color(), 1.5));
            p.drawLine(QPointF(x, y + 3), QPointF(x + w, y + h - 3));
        }
    }
}

void TimelineWidget::paintMarkers(QPainter& p, const QSize& size, int width) const {
    const int sx = horizontalScrollBar()->value(), sy = verticalScrollBar()->value();
    const QColor c = Theme::markerColor();
    auto xOf = [&](int64_t pos) { return kLabelWidth + pos * ppc_ - sx + std::max(1.0, ppc_) / 2; };
    auto visible = [&](double x) { return x >= kLabelWidth - 8 && x <= kLabelWidth + width + 8; };
    // Resets: every cache is emptied here.
    p.setPen(QPen(c, 1.5, Qt::DashLine));
    for (int64_t pos : data_->resets()) {
        const double x = kLabelWidth + pos * ppc_ - sx;
        if (visible(x)) p.drawLine(QPointF(x, kAxisHeight), QPointF(x, size.height()));
    }
    auto rowY = [&](int64_t pos) {
        const int t = data_->trackOfCall(pos);
        return t < 0 ? -1 : kAxisHeight + t * kRowHeight - sy;
    };
    // Graph breaks: a diamond on top of the compile's mark.
    p.setPen(QPen(palette().base().color(), 1));
    p.setBrush(c);
    for (int64_t pos : graphBreaks_) {
        const double x = xOf(pos);
        const int y = rowY(pos);
        if (y < 0 || !visible(x)) continue;
        QPolygonF d;
        d << QPointF(x, y + 1) << QPointF(x + 4, y + 5) << QPointF(x, y + 9) << QPointF(x - 4, y + 5);
        p.drawPolygon(d);
    }
    // Recompile limit: a cross over the call that hit it (the row runs eagerly after it).
    p.setBrush(Qt::NoBrush);
    for (int64_t pos : limitHits_) {
        const double x = xOf(pos);
        const int y = rowY(pos);
        if (y < 0 || !visible(x)) continue;
        p.setPen(QPen(palette().base().color(), 4));
        p.drawLine(QPointF(x - 5, y + 4), QPointF(x + 5, y + kRowHeight - 4));
        p.drawLine(QPointF(x + 5, y + 4), QPointF(x - 5, y + kRowHeight - 4));
        p.setPen(QPen(Theme::kindColor(session::CallKind::Failed), 2));
        p.drawLine(QPointF(x - 5, y + 4), QPointF(x + 5, y + kRowHeight - 4));
        p.drawLine(QPointF(x + 5, y + 4), QPointF(x - 5, y + kRowHeight - 4));
    }
}

void TimelineWidget::paintAxis(QPainter& p, int width) const {
    const QPalette& pal = palette();
    p.fillRect(QRect(0, 0, kLabelWidth + width, kAxisHeight), pal.window());
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(6, 0, kLabelWidth - 10, kAxisHeight), Qt::AlignVCenter,
               data_->stepsAreCompiles() ? tr("compile →") : tr("call →"));
    // Tick spacing: 1, 2, 5 × 10^k calls, at least 70 px apart.
    double step = 1;
    for (double decade = 1; step * ppc_ < 70; decade *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if ((step = m * decade) * ppc_ >= 70) break;
    const int sx = horizontalScrollBar()->value();
    const int64_t firstTick = int64_t(std::floor(sx / ppc_ / step) * step);
    p.setPen(pal.color(QPalette::Mid));
    for (double c = double(firstTick); c * ppc_ - sx < width; c += step) {
        const double x = kLabelWidth + c * ppc_ - sx;
        if (x < kLabelWidth) continue;
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(QPointF(x, kAxisHeight - 5), QPointF(x, kAxisHeight));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QPointF(x + 3, kAxisHeight - 7), QString::number(int64_t(c)));
    }
    if (cursor_ >= 0) {
        const double x = kLabelWidth + cursor_ * ppc_ - sx + std::max(1.0, ppc_) / 2;
        if (x >= kLabelWidth && x <= kLabelWidth + width) {
            QPolygonF tri;
            tri << QPointF(x - 6, kAxisHeight - 9) << QPointF(x + 6, kAxisHeight - 9) << QPointF(x, kAxisHeight);
            p.setPen(Qt::NoPen);
            p.setBrush(Theme::selectionOutline());
            p.drawPolygon(tri);
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, kAxisHeight - 1, kLabelWidth + width, kAxisHeight - 1);
}

int TimelineWidget::trackAt(int y) const {
    if (!data_ || y < kAxisHeight) return -1;
    const int t = (y - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return t < int(data_->tracks().size()) ? t : -1;
}

int64_t TimelineWidget::callAt(const QPoint& pt) const {
    if (!data_ || data_->callCount() == 0 || pt.x() < kLabelWidth) return -1;
    const double exact = (pt.x() - kLabelWidth + horizontalScrollBar()->value()) / ppc_;
    int64_t pos = std::clamp<int64_t>(int64_t(exact), 0, data_->callCount() - 1);
    const int t = trackAt(pt.y());
    if (t < 0) return pos;
    // Snap to the nearest call of the row under the mouse, within a few pixels.
    const auto& tr = data_->tracks()[size_t(t)];
    const double tolerance = std::max(1.0, 6 / ppc_);
    int64_t best = -1;
    double bestDist = tolerance + 1;
    auto consider = [&](int64_t c) {
        const double d = std::abs(double(c) + 0.5 - exact);
        if (d < bestDist) { bestDist = d; best = c; }
    };
    // Marks first: a recompile should win over a neighbouring hit at the same distance.
    for (const auto& m : tr.marks) if (std::abs(m.pos - exact) <= tolerance) consider(m.pos);
    if (best < 0)
        for (auto what : {session::CallCount::Hits, session::CallCount::Eager})
            for (int64_t c : data_->callsIn(t, what, int64_t(std::ceil(exact - tolerance)), int64_t(std::floor(exact + tolerance)) + 1))
                consider(c);
    return best >= 0 ? best : pos;
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    setFocus();
    if (event->button() == Qt::LeftButton) {
        const int64_t pos = callAt(event->position().toPoint());
        if (pos >= 0) emit cursorRequested(pos);
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) {
        const int64_t pos = callAt(event->position().toPoint());
        if (pos >= 0 && pos != cursor_) emit cursorRequested(pos);
    }
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
        setPixelsPerCall(ppc_ * factor, int(event->position().x()) - kLabelWidth);
        return;
    }
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (event->modifiers() & Qt::ShiftModifier || data_ == nullptr || int(data_->tracks().size()) * kRowHeight < viewport()->height())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
    else
        QAbstractScrollArea::wheelEvent(event);
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
    if (!data_ || data_->callCount() == 0) return QAbstractScrollArea::keyPressEvent(event);
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const int64_t page = std::max<int64_t>(1, int64_t(plotWidth() / ppc_ / 2));
    switch (event->key()) {
    case Qt::Key_Left:
        if (ctrl) emit stepToCompileRequested(-1);
        else emit cursorRequested(std::max<int64_t>(0, cursor_ - 1));
        return;
    case Qt::Key_Right:
        if (ctrl) emit stepToCompileRequested(+1);
        else emit cursorRequested(std::min(data_->callCount() - 1, cursor_ + 1));
        return;
    case Qt::Key_PageUp: emit cursorRequested(std::max<int64_t>(0, cursor_ - page)); return;
    case Qt::Key_PageDown: emit cursorRequested(std::min(data_->callCount() - 1, cursor_ + page)); return;
    case Qt::Key_Home: emit cursorRequested(0); return;
    case Qt::Key_End: emit cursorRequested(data_->callCount() - 1); return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: setPixelsPerCall(ppc_ * 1.5); return;
    case Qt::Key_Minus: setPixelsPerCall(ppc_ / 1.5); return;
    case Qt::Key_0: zoomToFit(); return;
    default: QAbstractScrollArea::keyPressEvent(event);
    }
}

bool TimelineWidget::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && data_) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int64_t pos = callAt(help->pos());
        if (pos >= 0 && trackAt(help->pos().y()) >= 0) {
            QString text = Describe::call(*data_, pos);
            if (int r = data_->recompileAtCall(pos); r >= 0 && !data_->session().recompiles[size_t(r)].reasons.empty()) {
                const auto& reason = data_->session().recompiles[size_t(r)].reasons.front();
                text += QStringLiteral("\n%1: %2 — %3").arg(QString::fromStdString(reason.failedEntryId),
                                                            Theme::categoryLabel(reason.category), QString::fromStdString(reason.text));
            }
            QToolTip::showText(help->globalPos(), text, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace gs::ui
