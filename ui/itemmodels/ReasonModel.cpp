#include "ui/itemmodels/ReasonModel.h"

#include "core/session/TypeNames.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

ReasonModel::ReasonModel(QObject* parent) : NodeModel(parent) {}

void ReasonModel::setState(session::SessionIndexPtr data, int recompile) {
    if (!data || recompile < 0 || size_t(recompile) >= data->session().recompiles.size()) recompile = -1;
    resetWith([&] {
        data_ = std::move(data);
        recompile_ = recompile;
        setFlat(recompile_ < 0 ? 0 : int(data_->session().recompiles[size_t(recompile_)].reasons.size()));
    });
}

QVariant ReasonModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Entry", "Category", "Guard", "Source", "Expected", "Actual", "Suggested fix", "Reason"};
    return QString::fromLatin1(names[column]);
}

QVariant ReasonModel::cell(int node, int column, int role) const {
    const auto& rec = data_->session().recompiles[size_t(recompile_)];
    const auto& r = rec.reasons[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case FailedEntry: return qs(r.failedEntryId);
        case Category: return Theme::categoryLabel(r.category);
        case Guard: return qs(r.guardKind);
        case Source: return Describe::localName(r.source) + (r.dim >= 0 ? QStringLiteral(" dim %1").arg(r.dim) : QString());
        // A type change shows the types (int, Tensor), not a TYPE_MATCH guard's type id.
        case Expected:
            if (r.category == session::ReasonCategory::TypeChange)
                if (auto t = session::TypeNames::change(data_->session(), rec, r).first; !t.empty()) return qs(t);
            return qs(r.expected);
        case Actual:
            if (r.category == session::ReasonCategory::TypeChange)
                if (auto t = session::TypeNames::change(data_->session(), rec, r).second; !t.empty()) return qs(t);
            return qs(r.actual);
        case Fix: return qs(r.fix);
        case Text:
            // "type of y changed: int → Tensor" reads; `___check_type_id(y, 9738560)` (in the
            // tooltip) does not.
            if (r.category == session::ReasonCategory::TypeChange)
                if (auto t = session::TypeNames::changeText(data_->session(), rec, r); !t.empty())
                    return tr("type of %1 changed: %2").arg(Describe::localName(r.source), qs(t));
            return Describe::firstLine(r.text).simplified(); // PyTorch pads before "# user line"
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = qs(r.failedEntryId + ": " + r.text);
        if (r.allFailures.size() > 1) // every failing guard (recompiles_verbose, dynamo-semantics §5.2)
            for (const auto& f : r.allFailures) tip += QStringLiteral("\n• ") + qs(f);
        return tip;
    }
    case Qt::ForegroundRole:
        return column == Category ? QVariant(Theme::categoryColor(r.category)) : QVariant();
    case IdRole: return QStringLiteral("reason:%1:%2").arg(recompile_).arg(node);
    case EntryRole: return data_->resolveEntry(r.failedEntryId, rec.callIndex);
    case CallRole: return qint64(rec.callIndex);
    case CategoryRole: return qs(std::string(session::toString(r.category)));
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
