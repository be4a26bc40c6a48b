#include "ui/models/ShapeModel.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

#include "ui/model/Describe.h"
#include "ui/model/Theme.h"
#include "ui/models/Roles.h"

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

void ShapeModel::setState(SessionDataPtr data, int frameId, int64_t cursor) {
    std::vector<int64_t> calls;
    std::vector<Row> rows;
    if (data && data->trackOfFrame(frameId) >= 0) {
        const auto& t = data->tracks()[size_t(data->trackOfFrame(frameId))];
        std::vector<int64_t> all;
        for (auto p : t.hits) if (p <= cursor) all.push_back(p);
        for (auto p : t.eager) if (p <= cursor) all.push_back(p);
        for (const auto& m : t.marks) if (m.pos <= cursor) all.push_back(m.pos);
        std::sort(all.begin(), all.end());
        std::map<std::pair<std::string, int>, size_t> rowOf;
        auto rowFor = [&](const std::string& src, int dim) -> Row& {
            auto [it, fresh] = rowOf.emplace(std::make_pair(src, dim), rows.size());
            if (fresh) rows.push_back({src, dim, {}, {}, {}, {}, {}, {}, -1, {}});
            return rows[it->second];
        };
        const size_t first = all.size() > size_t(kMaxCallColumns) ? all.size() - kMaxCallColumns : 0;
        calls.assign(all.begin() + long(first), all.end());
        // Sizes seen: every call up to the cursor; table columns: the newest ones.
        for (size_t i = 0; i < all.size(); ++i) {
            const auto& call = data->call(all[i]);
            for (const auto& a : call.args) {
                if (a.kind == "tensor") {
                    for (size_t d = 0; d < a.shape.size(); ++d) {
                        Row& r = rowFor(a.source, int(d));
                        const QString v = QString::number(a.shape[d]);
                        if (!r.seen.contains(v)) r.seen << v;
                        if (i >= first) {
                            r.sizes.resize(calls.size());
                            r.sizes[i - first] = v;
                        }
                    }
                } else if (a.kind == "int") {
                    Row& r = rowFor(a.source, -1);
                    const QString v = QString::fromStdString(a.value);
                    if (!r.seen.contains(v)) r.seen << v;
                    if (i >= first) {
                        r.sizes.resize(calls.size());
                        r.sizes[i - first] = v;
                    }
                }
            }
        }
        // Shape-env events of this frame up to the cursor; the newest compile's words win.
        std::map<std::string, std::vector<std::string>> symbolRows;
        for (const auto& ev : data->session().shapeEvents) {
            if (ev.callIndex > cursor) continue;
            int evFrame = -1;
            if (ev.callIndex >= 0) evFrame = data->call(ev.callIndex).frameId;
            else if (int e = data->resolveEntry(ev.compileId, INT64_MAX); e >= 0) evFrame = data->session().compiles[size_t(e)].frameId;
            if (evFrame != frameId) continue;
            auto [src, dim] = splitSource(ev.source, ev.dim);
            if (src.empty()) continue;
            Row& r = rowFor(src, dim);
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
        for (const auto& r : rows)
            if (!r.symbol.isEmpty())
                symbolRows[r.symbol.toStdString()].push_back(Describe::localName(r.source).toStdString() +
                                                             (r.dim >= 0 ? "[" + std::to_string(r.dim) + "]" : ""));
        for (auto& r : rows) {
            r.sizes.resize(calls.size());
            auto it = symbolRows.find(r.symbol.toStdString());
            if (it != symbolRows.end() && it->second.size() > 1) {
                QStringList members;
                for (const auto& m : it->second) members << QString::fromStdString(m);
                r.duck = r.symbol + QStringLiteral(": ") + members.join(QStringLiteral(", "));
            }
        }
    }
    resetWith([&] {
        data_ = std::move(data);
        frameId_ = frameId;
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
        if (column == Symbol && !r.symbol.isEmpty()) return Theme::kindColor(CallKind::Compile);
        return {};
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
