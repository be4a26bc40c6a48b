#pragma once
// The timeline: one row per compiled function, one column per call (hit / compile / recompile
// coloured by reason category / run-only), and the time cursor. Painting touches only what is
// visible: dense hit runs are drawn from counts per pixel column (SessionIndex::columnCounts),
// not per call, so 10,000,000 stored calls paint in well under a frame (tests/bench/gui).
#include <QAbstractScrollArea>

#include "core/session/SessionIndex.h"

namespace gs::ui {

class TimelineWidget : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget* parent = nullptr);

    void setSession(session::SessionIndexPtr data);
    void setCursor(int64_t pos);
    int64_t cursor() const { return cursor_; }
    // Pixels per call; fitting the whole session to the width is the default.
    double pixelsPerCall() const { return ppc_; }
    void setPixelsPerCall(double ppc, int anchorX = -1);
    void zoomToFit();
    void scrollToCall(int64_t pos);
    // Paints the visible part into `p` (used by paintEvent and by the paint benchmark).
    void paintTimeline(QPainter& p, const QSize& size) const;
    // The call under a viewport point (snapped to the nearest event of that row), or -1.
    int64_t callAt(const QPoint& viewportPos) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cursorRequested(qint64 pos);
    void stepToCompileRequested(int direction);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateScrollBars();
    double minPpc() const;
    int plotWidth() const;
    int trackAt(int y) const;
    void paintTrack(QPainter& p, int track, int y, int width, int64_t first, int64_t last) const;
    void paintDense(QPainter& p, int track, session::CallCount what, int y, int h, int width, const QColor& c) const;
    void paintAxis(QPainter& p, int width) const;
    // Resets (a dashed line across every row), graph breaks (◆ on the compile that broke) and
    // recompile-limit hits (✕ on the call that hit it): shapes, not only colours (issue 13).
    void paintMarkers(QPainter& p, const QSize& size, int width) const;

    session::SessionIndexPtr data_;
    std::vector<int64_t> limitHits_, graphBreaks_;  // call positions, ascending
    int64_t cursor_ = -1;
    double ppc_ = 8;
    bool fit_ = true;
    static constexpr int kLabelWidth = 190, kRowHeight = 26, kAxisHeight = 22;
};

} // namespace gs::ui
