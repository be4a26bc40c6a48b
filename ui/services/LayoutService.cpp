#include "ui/services/LayoutService.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

#include "core/layout/GraphvizLayout.h"
#include "ui/services/OwnerThread.h"
#include "ui/shared/LogCategories.h"

namespace gs::ui {

LayoutService::LayoutService(QObject* parent) : QObject(parent), thread_(std::make_unique<OwnerThread>("gs-graphviz")) {}

LayoutService::~LayoutService() { thread_.reset(); }

quint64 LayoutService::request(const QString& kind, layout::LayoutRequest req) {
    const quint64 gen = ++generation_;
    latest_[kind.toStdString()] = gen;
    QPointer<LayoutService> self(this);
    auto shared = std::make_shared<layout::LayoutRequest>(std::move(req));
    thread_->post(QStringLiteral("layout:") + kind, [self, kind, gen, shared] {
        QElapsedTimer timer;
        timer.start();
        auto result = std::make_shared<const layout::LayoutResult>(layout::GraphvizLayout::layout(*shared));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QMetaObject::invokeMethod(self, [self, kind, gen, result, seconds] {
            if (!self) return;
            const std::string k = kind.toStdString();
            if (self->latest_[k] != gen) { // stale: a newer request of this kind exists
                qCDebug(lcLayout) << kind << "layout" << gen << "dropped: a newer one was requested";
                return;
            }
            qCDebug(lcLayout) << kind << "layout" << gen << "ready in" << seconds << "s";
            self->done_[k] = gen;
            emit self->layoutReady(kind, gen, result, seconds);
        }, Qt::QueuedConnection);
    });
    return gen;
}

bool LayoutService::pending(const QString& kind) const {
    const std::string k = kind.toStdString();
    auto a = latest_.find(k);
    if (a == latest_.end()) return false;
    auto d = done_.find(k);
    return d == done_.end() || d->second != a->second;
}

} // namespace gs::ui
