#include "ui/itemmodels/CallTableModel.h"

#include <QStringList>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

CallTableModel::CallTableModel(QObject* parent) : NodeModel(parent) {}

void CallTableModel::setSession(session::SessionIndexPtr data) {
    resetWith([&] {
        data_ = std::move(data);
        cursor_ = data_ ? data_->callCount() - 1 : -1;
        setFlat(data_ ? int(data_->callCount()) : 0);
    });
}

void CallTableModel::setCursor(int64_t cursor) {
    if (!data_ || cursor == cursor_) return;
    const int64_t lo = std::max<int64_t>(0, std::min(cursor, cursor_));
    const int64_t hi = std::min(data_->callCount() - 1, std::max(cursor, cursor_));
    cursor_ = cursor;
    if (lo <= hi) emit dataChanged(index(int(lo), 0), index(int(hi), ColumnCount - 1));
}

QVariant CallTableModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Call", "Function", "Outcome", "Entry", "Reason", "Line", "Arguments"};
    return QString::fromLatin1(names[column]);
}

QVariant CallTableModel::cell(int node, int column, int role) const {
    const auto& c = data_->call(node);
    const session::CallKind kind = data_->callKind(node);
    const session::RecompileReason* reason = data_->firstReason(data_->recompileAtCall(node));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Index: return QString::number(node);
        case Function: {
            const session::Frame* f = data_->frameOfCall(node);
            return f ? qs(f->name) : QStringLiteral("frame %1").arg(c.frameId);
        }
        case Outcome: return c.stale.empty() ? Theme::kindLabel(kind) : Theme::kindLabel(kind) + QStringLiteral(" — STALE");
        case Entry: return qs(c.entryId);
        case Reason: return reason ? Theme::categoryLabel(reason->category) : QString();
        case Line: return c.line > 0 ? QVariant(c.line) : QVariant();
        case Arguments: {
            QStringList args;
            for (const auto& a : c.args) args << Describe::arg(a);
            return args.join(QStringLiteral(", "));
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Outcome && !c.stale.empty()) return qs(c.stale);  // run --verify's report
        if (column == Reason && reason) return qs(reason->text);
        return Describe::call(*data_, node);
    case Qt::ForegroundRole:
        if (node > cursor_) return Theme::dimmed();
        if (column == Outcome && !c.stale.empty()) return Theme::staleColor();
        if (column == Outcome) return kind == session::CallKind::Recompile && reason ? Theme::categoryColor(reason->category) : Theme::kindColor(kind);
        if (column == Reason && reason) return Theme::categoryColor(reason->category);
        return {};
    case IdRole: return QStringLiteral("call:%1").arg(node);
    case CallRole: return qint64(node);
    case EntryRole: return data_->entryOfCall(node);
    case LineRole: return c.line;
    case StatusRole: return Theme::kindLabel(kind);
    case CategoryRole: return reason ? qs(std::string(session::toString(reason->category))) : QString();
    case FutureRole: return node > cursor_;
    case SortRole: return column == Index ? QVariant(qint64(node)) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
