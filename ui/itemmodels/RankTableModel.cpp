#include "ui/itemmodels/RankTableModel.h"

#include <QFileInfo>

#include <algorithm>

#include "ui/itemmodels/Roles.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"

namespace gs::ui {

RankTableModel::RankTableModel(QObject* parent) : NodeModel(parent) {}

void RankTableModel::setRanks(std::vector<session::RankProfile> ranks, std::vector<session::Divergence> divergences) {
    resetWith([&] {
        ranks_ = std::move(ranks);
        divergences_ = std::move(divergences);
        setFlat(int(ranks_.size()));
    });
}

int RankTableModel::rowOfRank(int64_t rank) const {
    for (size_t i = 0; i < ranks_.size(); ++i)
        if (ranks_[i].rank == rank) return int(i);
    return -1;
}

QStringList RankTableModel::divergesIn(int64_t rank) const {
    QStringList out;
    for (const auto& d : divergences_)
        if (std::find(d.ranks.begin(), d.ranks.end(), rank) != d.ranks.end())
            out << qs(d.aspect).replace(QLatin1Char('_'), QLatin1Char(' ')) + (d.noMajority ? tr(" (ranks differ, no majority)") : QString());
    return out;
}

QVariant RankTableModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Rank", "Status", "Compiles", "Recompiles", "Failures", "Cache hits", "Cache misses", "Compile time", "Est. runtime", "Diverges in"};
    return QString::fromLatin1(names[column]);
}

QVariant RankTableModel::cell(int node, int column, int role) const {
    const session::RankProfile& r = ranks_[size_t(node)];
    const bool failed = !r.error.empty();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Rank: return r.rank >= 0 ? QVariant(qint64(r.rank)) : QVariant(QFileInfo(qs(r.path)).fileName());
        case Status: return failed ? tr("not imported: %1").arg(Describe::firstLine(r.error)) : qs(std::string(session::toString(r.status)));
        case Compiles: return failed ? QVariant() : QVariant(qint64(r.compiles));
        case Recompiles: return failed ? QVariant() : QVariant(qint64(r.recompiles));
        case Failures: return failed ? QVariant() : QVariant(qint64(r.failures + r.limitHits));
        case CacheHits: return failed ? QVariant() : QVariant(qint64(r.cacheHits));
        case CacheMisses: return failed ? QVariant() : QVariant(qint64(r.cacheMisses));
        case CompileTime: return failed ? QVariant() : QVariant(QStringLiteral("%1 s").arg(r.compileTimeS, 0, 'f', 2));
        // Inductor's estimate for one run of every compiled graph (inductor_runtime_and_tensor_meta)
        case EstimatedRuntime: return failed || r.runtimeMs < 0 ? QVariant() : QVariant(QStringLiteral("%1 ms").arg(r.runtimeMs, 0, 'f', 3));
        case Diverges: return divergesIn(r.rank).join(QStringLiteral(", "));
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return failed ? qs(r.error) : qs(r.path);
    case Qt::ForegroundRole:
        if (failed || (column == Diverges && !divergesIn(r.rank).isEmpty())) return Theme::resultColor(session::GuardResult::Failed);
        return {};
    case IdRole: return QStringLiteral("rank:%1").arg(r.rank);
    case StatusRole: return failed ? QStringLiteral("not_imported") : qs(std::string(session::toString(r.status)));
    case SortRole:
        switch (Column(column)) {
        case Rank: return qint64(r.rank);
        case Compiles: return qint64(r.compiles);
        case Recompiles: return qint64(r.recompiles);
        case Failures: return qint64(r.failures + r.limitHits);
        case CacheHits: return qint64(r.cacheHits);
        case CacheMisses: return qint64(r.cacheMisses);
        case CompileTime: return r.compileTimeS;
        case EstimatedRuntime: return r.runtimeMs;
        default: return cell(node, column, Qt::DisplayRole);
        }
    default: return {};
    }
}

} // namespace gs::ui
