#include "ui/itemmodels/GuardDiffModel.h"

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

GuardDiffModel::GuardDiffModel(QObject* parent) : NodeModel(parent) {}

void GuardDiffModel::setState(session::SessionIndexPtr data, int entry) {
    int older = -1;
    session::GuardDiffResult diff;
    if (data && entry >= 0 && size_t(entry) < data->session().compiles.size()) {
        older = data->previousEntry(entry);
        if (older >= 0)
            diff = session::GuardDiff::diff(data->session().compiles[size_t(older)].guards, data->session().compiles[size_t(entry)].guards);
    } else {
        entry = -1;
    }
    resetWith([&] {
        data_ = std::move(data);
        older_ = older;
        newer_ = entry;
        diff_ = std::move(diff);
        rows_.clear();
        // Rows point into diff_, which lives as long as the rows.
        for (const auto& c : diff_.changed) rows_.push_back({'~', &c.after, &c.before, c.summary});
        for (const auto& g : diff_.added) rows_.push_back({'+', &g, nullptr, {}});
        for (const auto& g : diff_.removed) rows_.push_back({'-', &g, nullptr, {}});
        setFlat(int(rows_.size()));
    });
}

QVariant GuardDiffModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"", "Guard", "Source", "Before", "After", "Line"};
    return QString::fromLatin1(names[column]);
}

QVariant GuardDiffModel::cell(int node, int column, int role) const {
    const Row& r = rows_[size_t(node)];
    const session::Guard& g = *r.guard;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Change: return r.change == '~' ? QStringLiteral("changed") : r.change == '+' ? QStringLiteral("added") : QStringLiteral("removed");
        case Kind: return qs(g.kind);
        case Source: return Describe::localName(session::GuardDiff::matchSource(g));
        case Before:
            if (r.change == '~') return qs(session::GuardDiff::normalizeCode(r.before->code));
            return r.change == '-' ? qs(session::GuardDiff::normalizeCode(g.code)) : QString();
        case After:
            if (r.change == '~') return qs(r.summary);
            return r.change == '+' ? qs(session::GuardDiff::normalizeCode(g.code)) : QString();
        case Line: return g.line > 0 ? QVariant(g.line) : QVariant();
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (r.change == '~') return qs(r.before->code + "\n→\n" + g.code);
        return qs(g.code);
    case Qt::ForegroundRole:
        if (column != Change) return {};
        if (r.change == '+') return Theme::resultColor(session::GuardResult::Passed);
        if (r.change == '-') return Theme::resultColor(session::GuardResult::Failed);
        return Theme::categoryColor(session::ReasonCategory::SizeChange);
    case IdRole: return QStringLiteral("diff:%1:%2").arg(newer_).arg(node);
    case EntryRole: return r.change == '-' ? older_ : newer_;
    case GuardRole: return g.id;
    case LineRole: return g.line;
    case StatusRole: return QString(QChar::fromLatin1(r.change));
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
