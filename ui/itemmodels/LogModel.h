#pragma once
// The TORCH_LOGS-style text of a session, one row per record; rows written after the time
// cursor are marked (FutureRole) and drawn dimmed.
#include <QStringList>

#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class LogModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Channel, Entry, Call, Text, ColumnCount };
    explicit LogModel(QObject* parent = nullptr);

    void setSession(session::SessionIndexPtr data);
    void setCursor(int64_t cursor);
    QStringList channels() const { return channels_; }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    int64_t cursor_ = -1;
    QStringList channels_;
};

} // namespace gs::ui
