#include "ui/itemmodels/CacheEntryModel.h"

#include <QFont>

#include "core/session/GuardCount.h"

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

CacheEntryModel::CacheEntryModel(QObject* parent) : NodeModel(parent) {}

void CacheEntryModel::setState(session::SessionIndexPtr data, int64_t cursor) {
    std::vector<Row> rows;
    std::vector<int> parents;
    if (data) {
        for (size_t t = 0; t < data->tracks().size(); ++t) {
            std::vector<int> shown;
            for (int e : data->entriesOfTrack(int(t)))
                if (data->createdAt(e) <= cursor) shown.push_back(e);
            // A frame appears once it has been called (or has entries, for imported traces).
            const int64_t firstCall = data->firstCallOfTrack(int(t));
            const bool called = firstCall >= 0 && firstCall <= cursor;
            if (shown.empty() && !called) continue;
            const int frameNode = int(rows.size());
            rows.push_back({int(t), -1});
            parents.push_back(-1);
            // Newest first, as the cache list is searched (dynamo-semantics §1.2, MRU order).
            for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
                rows.push_back({int(t), *it});
                parents.push_back(frameNode);
            }
        }
    }
    resetWith([&] {
        data_ = std::move(data);
        cursor_ = cursor;
        rows_ = std::move(rows);
        setTree(parents);
    });
}

QModelIndex CacheEntryModel::indexOfEntry(int entry) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entry == entry && entry >= 0) return indexOfNode(int(i));
    return {};
}

QVariant CacheEntryModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Frame / entry", "Status", "Hits", "Created by", "Why", "Guards", "Ops", "Symbols"};
    return QString::fromLatin1(names[column]);
}

QString CacheEntryModel::statusOf(int e) const {
    const auto& c = data_->session().compiles[size_t(e)];
    if (c.status == session::EntryStatus::LimitHit) return QStringLiteral("limit hit");
    if (c.status == session::EntryStatus::Failed) return QStringLiteral("failed");
    if (!data_->aliveAt(e, cursor_)) return QStringLiteral("reset");
    if (data_->entryOfCall(cursor_) == e) return data_->callKind(cursor_) == session::CallKind::Hit ? QStringLiteral("hit now") : QStringLiteral("created now");
    return QStringLiteral("cached");
}

QVariant CacheEntryModel::cell(int node, int column, int role) const {
    const Row& r = rows_[size_t(node)];
    const auto& track = data_->tracks()[size_t(r.track)];
    if (r.entry < 0) { // a frame row
        switch (role) {
        case Qt::DisplayRole:
            if (column == Name) return qs(track.label);
            if (column == Hits) {
                int64_t hits = 0;
                for (int e : data_->entriesOfTrack(r.track)) hits += data_->hitsAt(e, cursor_);
                return qint64(hits);
            }
            if (column == Status) {
                int alive = 0;
                for (int e : data_->entriesOfTrack(r.track)) alive += data_->aliveAt(e, cursor_);
                return QStringLiteral("%1 cached").arg(alive);
            }
            return {};
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case IdRole: return QStringLiteral("track:%1").arg(r.track);
        case EntryRole: return -1;
        case SortRole: return column == Name ? QVariant(qs(track.label)) : cell(node, column, Qt::DisplayRole);
        default: return {};
        }
    }
    const auto& c = data_->session().compiles[size_t(r.entry)];
    const session::RecompileReason* reason = data_->firstReason(data_->recompileOfEntry(r.entry));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Name: return qs(c.compileId);
        case Status: return statusOf(r.entry);
        case Hits: return qint64(data_->hitsAt(r.entry, cursor_));
        case CreatedBy: {
            const int64_t at = data_->createdAt(r.entry);
            return at >= 0 ? QStringLiteral("call #%1").arg(at) : QStringLiteral("—");
        }
        case Reason: return reason ? Theme::categoryLabel(reason->category) : QString();
        case Guards: {  // PyTorch's guard_count, as the summary and the export count it
            const auto n = session::GuardCount::of(c);
            return n ? QVariant(qint64(*n)) : QVariant(QStringLiteral("—"));
        }
        case Ops: return c.opCount;
        case Symbols: {
            QStringList s;
            for (const auto& sym : c.symbols) s << qs(sym);
            return s.join(QStringLiteral(", "));
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (reason) return qs(reason->failedEntryId + ": " + reason->text);
        return c.failReason.empty() ? QVariant() : QVariant(qs(c.failReason));
    case Qt::ForegroundRole:
        if (column == Reason && reason) return Theme::categoryColor(reason->category);
        if (!data_->aliveAt(r.entry, cursor_)) return Theme::dimmed();
        return {};
    case Qt::FontRole:
        if (data_->entryOfCall(cursor_) == r.entry) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IdRole: return QStringLiteral("entry:%1").arg(r.entry);
    case EntryRole: return r.entry;
    case CallRole: return qint64(data_->createdAt(r.entry));
    case StatusRole: return statusOf(r.entry);
    case CategoryRole: return reason ? qs(std::string(session::toString(reason->category))) : QString();
    case SortRole:
        if (column == Hits) return qint64(data_->hitsAt(r.entry, cursor_));
        if (column == CreatedBy) return qint64(data_->createdAt(r.entry));
        return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
