#include "ui/itemmodels/RankCompareModel.h"

#include <algorithm>

#include "ui/itemmodels/Roles.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"

namespace gs::ui {

namespace {
QString at(const std::vector<std::string>& v, size_t i) { return i < v.size() ? qs(v[i]) : QString(); }
} // namespace

RankCompareModel::RankCompareModel(QObject* parent) : NodeModel(parent) {}

void RankCompareModel::setRanks(const session::RankProfile* left, const session::RankProfile* right) {
    resetWith([&] {
        valid_ = left && right;
        left_ = valid_ ? *left : session::RankProfile{};
        right_ = valid_ ? *right : session::RankProfile{};
        setFlat(valid_ ? int(std::max(left_.compileSeq.size(), right_.compileSeq.size())) : 0);
    });
}

QString RankCompareModel::difference(size_t i) const {
    QStringList what;
    if (at(left_.compileSeq, i) != at(right_.compileSeq, i)) what << tr("compile");
    if (at(left_.reasonSeq, i) != at(right_.reasonSeq, i)) what << tr("reason");
    if (at(left_.graphSeq, i) != at(right_.graphSeq, i)) what << tr("graph");
    if (at(left_.cacheSeq, i) != at(right_.cacheSeq, i)) what << tr("cache");
    if (at(left_.collectiveSeq, i) != at(right_.collectiveSeq, i)) what << tr("collectives");
    if (at(left_.tensorMetaSeq, i) != at(right_.tensorMetaSeq, i)) what << tr("tensor metadata");
    return what.join(QStringLiteral(", "));
}

int RankCompareModel::firstDifference() const {
    for (int i = 0; i < nodeCount(); ++i)
        if (!difference(size_t(i)).isEmpty()) return i;
    return -1;
}

QVariant RankCompareModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    switch (Column(column)) {
    case Index: return tr("#");
    case LeftCompile: return tr("Rank %1 compile").arg(left_.rank);
    case LeftReason: return tr("Reason");
    case RightCompile: return tr("Rank %1 compile").arg(right_.rank);
    case RightReason: return tr("Reason");
    case Differs: return tr("Differs in");
    case ColumnCount: break;
    }
    return {};
}

QVariant RankCompareModel::cell(int node, int column, int role) const {
    const size_t i = size_t(node);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Index: return node + 1;
        case LeftCompile: return at(left_.compileSeq, i);
        case LeftReason: return at(left_.reasonSeq, i);
        case RightCompile: return at(right_.compileSeq, i);
        case RightReason: return at(right_.reasonSeq, i);
        case Differs: return difference(i);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("cache: %1 | %2").arg(at(left_.cacheSeq, i), at(right_.cacheSeq, i));
        if (at(left_.collectiveSeq, i) != QLatin1String("-") || at(right_.collectiveSeq, i) != QLatin1String("-"))
            tip += tr("\ncollectives: %1 | %2").arg(at(left_.collectiveSeq, i), at(right_.collectiveSeq, i));
        return tip;
    }
    case Qt::ForegroundRole: return difference(i).isEmpty() ? QVariant() : QVariant(Theme::resultColor(session::GuardResult::Failed));
    case IdRole: return QStringLiteral("pair:%1").arg(node);
    case SortRole: return column == Index ? QVariant(node) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
