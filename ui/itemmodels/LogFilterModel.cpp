#include "ui/itemmodels/LogFilterModel.h"

#include "ui/itemmodels/LogModel.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setChannels(const QSet<QString>& channels) {
    channels_ = channels;
    invalidateFilter();
}

void LogFilterModel::setText(const QString& text) {
    text_ = text;
    invalidateFilter();
}

void LogFilterModel::setHideFuture(bool hide) {
    hideFuture_ = hide;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!channels_.isEmpty() && !channels_.contains(idx.data(ChannelRole).toString())) return false;
    if (hideFuture_ && idx.data(FutureRole).toBool()) return false;
    if (!text_.isEmpty()) {
        const QString text = sourceModel()->index(sourceRow, LogModel::Text, sourceParent).data(Qt::ToolTipRole).toString(); // all lines
        if (!text.contains(text_, Qt::CaseInsensitive)) return false;
    }
    return true;
}

} // namespace gs::ui
