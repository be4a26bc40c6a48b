#include "ui/itemmodels/LogModel.h"

#include <QFontDatabase>

#include <algorithm>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

LogModel::LogModel(QObject* parent) : NodeModel(parent) {}

void LogModel::setSession(session::SessionIndexPtr data) {
    QStringList channels;
    if (data)
        for (const auto& l : data->session().logs)
            if (!channels.contains(qs(l.channel))) channels << qs(l.channel);
    channels.sort();
    resetWith([&] {
        data_ = std::move(data);
        cursor_ = data_ ? data_->callCount() - 1 : -1;
        channels_ = channels;
        setFlat(data_ ? int(data_->session().logs.size()) : 0);
    });
}

void LogModel::setCursor(int64_t cursor) {
    if (!data_ || cursor == cursor_) return;
    cursor_ = cursor;
    if (nodeCount() > 0) emit dataChanged(index(0, 0), index(nodeCount() - 1, ColumnCount - 1), {Qt::ForegroundRole, FutureRole});
}

QVariant LogModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Channel", "Entry", "Call", "Text"};
    return QString::fromLatin1(names[column]);
}

QVariant LogModel::cell(int node, int column, int role) const {
    const auto& l = data_->session().logs[size_t(node)];
    const bool future = !data_->logVisibleAt(size_t(node), cursor_);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Channel: return qs(l.channel);
        case Entry: return qs(l.compileId);
        case Call: return l.callIndex >= 0 ? QVariant(qint64(l.callIndex)) : QVariant();
        case Text: {
            // One line per record; the view shows the whole text below the table.
            const auto lines = std::count(l.text.begin(), l.text.end(), '\n');
            return lines ? Describe::firstLine(l.text).chopped(2) + QStringLiteral("  (+%1 lines)").arg(lines) : qs(l.text);
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return qs(l.text);
    case Qt::FontRole: return column == Text ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont)) : QVariant();
    case Qt::ForegroundRole:
        if (future) return Theme::dimmed();
        if (l.channel == "warning" || l.channel == "error") return Theme::kindColor(session::CallKind::Failed);
        return {};
    case IdRole: return QStringLiteral("log:%1").arg(node);
    case CallRole: return qint64(l.callIndex);
    case EntryRole: return l.compileId.empty() ? -1 : data_->resolveEntry(l.compileId, l.callIndex < 0 ? INT64_MAX : l.callIndex);
    case ChannelRole: return qs(l.channel);
    case FutureRole: return future;
    case SortRole: return column == Call ? QVariant(qint64(l.callIndex)) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
