#include "ui/itemmodels/ShapeModel.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

namespace {

// "L['x'].size()[1]" -> {"L['x']", 1}; anything else keeps the event's own dim.
std::pair<std::string, int> splitSource(const std::string& source, int dim) {
    static const QRegularExpression sizeOf(QStringLiteral(R"(^(.*)\.size\(\)\[(\d+)\]$)"));
    const auto m = sizeOf.match(QString::fromStdString(source));
    if (m.hasMatch()) return {m.captured(1).toStdString(), m.captured(2).toInt()};
    return {source, dim};
}

} // namespace

ShapeModel::ShapeModel(QObject* parent) : NodeModel(parent) {}

void ShapeModel::setState(session::SessionIndexPtr data, int track, int64_t cursor) {
    std::vector<int64_t> calls;
    std::vector<Row> rows;
    std::map<std::pair<std::string, int>, size_t> rowOf;
    if (!data || track >= int(data->tracks().size())) track = -1;
    if (track >= 0 && (eventsFor_ != data || eventsTrack_ != track)) {
        // The frame's shape-env events (by their call, or their compile for imported traces).
        eventsFor_ = data;
        eventsTrack_ = track;
        events_.clear();
        for (size_t e = 0; e < data->session().shapeEvents.size(); ++e) {
            const auto& ev = data->session().shapeEvents[e];
            const int evTrack = ev.callIndex >= 0 ? data->trackOfCall(ev.callIndex)
                                                  : data->trackOfEntry(data->resolveEntry(ev.compileId, INT64_MAX));
            if (evTrack == track && !splitSource(ev.source, ev.dim).first.empty()) events_.push_back(e);
        }
    }
    if (track >= 0) {
        // Calls up to the cursor; the table shows the newest kMaxCallColumns of them.
        const auto window = data->dimsWindow(track, cursor, size_t(kMaxCallColumns));
        calls = window.calls;
        auto addRow = [&](const std::string& source, int dim) -> Row& {
            auto [it, fresh] = rowOf.emplace(std::make_pair(source, dim), rows.size());
            if (fresh) {
                rows.push_back({source, dim, std::vector<QString>(calls.size()), {}, {}, {}, {}, {}, -1, {}});
            }
            return rows[it->second];
        };
        for (const auto& d : window.dims) {
            if (d.firstSeen.empty() || d.firstSeen.front().first > cursor) continue; // not seen yet
            Row& r = addRow(d.source, d.dim);
            for (const auto& [at, v] : d.firstSeen)
                if (at <= cursor) r.seen << QString::number(v);
            for (size_t i = 0; i < d.values.size(); ++i)
                if (d.values[i] != session::SessionIndex::Track::kAbsent) r.sizes[i] = QString::number(d.values[i]);
        }
        // Dimensions named only by the shape environment (e.g. an int attribute) get a row too.
        for (size_t e : events_) {
            const auto& ev = data->session().shapeEvents[e];
            if (ev.callIndex <= cursor) {
                auto [src, dim] = splitSource(ev.source, ev.dim);
                addRow(src, dim);
            }
        }
    }
    // Shape-env events up to the cursor; the newest compile's words win.
    for (size_t e : events_) {
        const auto& ev = data->session().shapeEvents[e];
        if (ev.callIndex > cursor) continue;
        auto it = rowOf.find(splitSource(ev.source, ev.dim));
        if (it == rowOf.end()) continue;
        Row& r = rows[it->second];
        switch (ev.kind) {
        case session::ShapeEventKind::CreateSymbol:
            r.symbol = QString::fromStdString(ev.symbol);
            r.range = QString::fromStdString(ev.range);
            break;
        case session::ShapeEventKind::DuckSizing:
            r.symbol = QString::fromStdString(ev.symbol);
            break;
        case session::ShapeEventKind::Promotion:
            r.promotedAt = ev.callIndex;
            r.promotion = QString::fromStdString(ev.sizesSeen);
            break;
        case session::ShapeEventKind::Specialization:
            r.specialized = QString::fromStdString(ev.text.empty() ? ev.symbol : ev.text);
            break;
        case session::ShapeEventKind::GuardAdded: break;
        }
    }
    // Duck sizing: dims that share one symbol form a group (dynamo-semantics §3.5).
    std::map<QString, QStringList> members;
    for (const auto& r : rows)
        if (!r.symbol.isEmpty())
            members[r.symbol] << Describe::localName(r.source) + (r.dim >= 0 ? QStringLiteral("[%1]").arg(r.dim) : QString());
    for (auto& r : rows) {
        auto it = members.find(r.symbol);
        if (it != members.end() && it->second.size() > 1) r.duck = r.symbol + QStringLiteral(": ") + it->second.join(QStringLiteral(", "));
    }
    resetWith([&] {
        data_ = std::move(data);
        track_ = track;
        calls_ = std::move(calls);
        rows_ = std::move(rows);
        setFlat(int(rows_.size()));
    });
}

QVariant ShapeModel::header(int column, int role) const {
    if (column >= FixedColumns) {
        const int64_t pos = calls_[size_t(column - FixedColumns)];
        if (role == Qt::DisplayRole) return QStringLiteral("#%1").arg(pos);
        if (role == Qt::ToolTipRole) return Describe::call(*data_, pos);
        if (role == CallRole) return qint64(pos);
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Input", "Dim", "Sizes seen", "Symbol", "Range", "Duck group", "Promoted at", "0/1 / specialized"};
    return QString::fromLatin1(names[column]);
}

QVariant ShapeModel::cell(int node, int column, int role) const {
    const Row& r = rows_[size_t(node)];
    if (column >= FixedColumns) {
        const size_t c = size_t(column - FixedColumns);
        const int64_t pos = calls_[c];
        if (role == Qt::DisplayRole) return r.sizes[c];
        if (role == CallRole) return qint64(pos);
        if (role == Qt::ForegroundRole && c > 0 && !r.sizes[c].isEmpty() && !r.sizes[c - 1].isEmpty() && r.sizes[c] != r.sizes[c - 1])
            return Theme::categoryColor(session::ReasonCategory::SizeChange); // the size changed here
        if (role == Qt::ToolTipRole) return Describe::call(*data_, pos);
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Input: return Describe::localName(r.source);
        case Dim: return r.dim >= 0 ? QVariant(r.dim) : QVariant(QStringLiteral("int"));
        case SizesSeen: return r.seen.join(QStringLiteral(", "));
        case Symbol: return r.symbol;
        case Range: return r.range;
        case DuckGroup: return r.duck;
        case PromotedAt: return r.promotedAt >= 0 ? QStringLiteral("#%1 (%2)").arg(r.promotedAt).arg(r.promotion) : QString();
        case Specialized: return r.specialized;
        case FixedColumns: break;
        }
        return {};
    case IdRole: return QStringLiteral("dim:%1:%2").arg(QString::fromStdString(r.source)).arg(r.dim);
    case CallRole: return column == PromotedAt ? QVariant(qint64(r.promotedAt)) : QVariant();
    case Qt::ForegroundRole:
        if (column == Symbol && !r.symbol.isEmpty()) return Theme::kindColor(session::CallKind::Compile);
        return {};
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
