#pragma once
// Graphviz layouts off the UI thread. One owner thread for all of Graphviz (it is not
// thread-safe, TOOLCHAIN.md); requests of the same kind ("guards", "graph") coalesce, and a
// result that is no longer the newest request of its kind is dropped.
#include <QObject>

#include <memory>
#include <unordered_map>

#include "core/layout/LayoutTypes.h"

namespace gs::ui {

class OwnerThread;
using LayoutResultPtr = std::shared_ptr<const layout::LayoutResult>;

class LayoutService : public QObject {
    Q_OBJECT
public:
    explicit LayoutService(QObject* parent = nullptr);
    ~LayoutService() override;

    // Returns the request's generation; layoutReady carries it back.
    quint64 request(const QString& kind, layout::LayoutRequest request);
    bool pending(const QString& kind) const;

signals:
    void layoutReady(const QString& kind, quint64 generation, gs::ui::LayoutResultPtr result, double seconds);

private:
    std::unique_ptr<OwnerThread> thread_;
    quint64 generation_ = 0;
    std::unordered_map<std::string, quint64> latest_; // kind -> newest generation asked for
    std::unordered_map<std::string, quint64> done_;   // kind -> newest generation delivered
};

} // namespace gs::ui
