#include "ui/itemmodels/CompareModel.h"

#include <QFont>

#include <map>

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

CompareModel::CompareModel(QObject* parent) : NodeModel(parent) {}

void CompareModel::setSessions(session::SessionIndexPtr left, session::SessionIndexPtr right) {
    std::vector<Row> rows;
    if (left && right) {
        const auto a = left->summary();
        const auto b = right->summary();
        auto add = [&](const QString& m, int64_t x, int64_t y) { rows.push_back({m, x, y, false}); };
        add(QStringLiteral("Functions"), int64_t(left->tracks().size()), int64_t(right->tracks().size()));
        add(QStringLiteral("Calls"), a.calls, b.calls);
        add(QStringLiteral("Compiles"), a.compiles, b.compiles);
        add(QStringLiteral("Recompiles"), a.recompiles, b.recompiles);
        add(QStringLiteral("Cache hits"), a.cacheHits, b.cacheHits);
        add(QStringLiteral("Run-only calls"), a.runOnly, b.runOnly);
        add(QStringLiteral("Recompile limit hits"), a.limitHits, b.limitHits);
        add(QStringLiteral("Tests passed"), a.testsPassed, b.testsPassed);
        add(QStringLiteral("Tests failed"), a.testsFailed, b.testsFailed);
        rows.push_back({QStringLiteral("Recompiles by reason"), 0, 0, true});
        for (auto c : session::allReasonCategories()) {
            const std::string name(session::toString(c));
            const int64_t x = a.recompilesByCategory.count(name) ? a.recompilesByCategory.at(name) : 0;
            const int64_t y = b.recompilesByCategory.count(name) ? b.recompilesByCategory.at(name) : 0;
            if (x || y) add(QStringLiteral("  ") + Theme::categoryLabel(c), x, y);
        }
        rows.push_back({QStringLiteral("Compiles by function"), 0, 0, true});
        std::map<std::string, std::pair<int64_t, int64_t>> perFunction;
        for (size_t e = 0; e < left->session().compiles.size(); ++e)
            if (const auto* f = left->frameOfEntry(int(e))) ++perFunction[f->name].first;
        for (size_t e = 0; e < right->session().compiles.size(); ++e)
            if (const auto* f = right->frameOfEntry(int(e))) ++perFunction[f->name].second;
        for (const auto& [name, n] : perFunction) add(QStringLiteral("  ") + qs(name), n.first, n.second);
    }
    resetWith([&] {
        left_ = std::move(left);
        right_ = std::move(right);
        rows_ = std::move(rows);
        setFlat(int(rows_.size()));
    });
}

QVariant CompareModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    switch (Column(column)) {
    case Metric: return QStringLiteral("Metric");
    case Left: return left_ ? qs(left_->session().info.title) : QStringLiteral("A");
    case Right: return right_ ? qs(right_->session().info.title) : QStringLiteral("B");
    case Difference: return QStringLiteral("B − A");
    case ColumnCount: break;
    }
    return {};
}

QVariant CompareModel::cell(int node, int column, int role) const {
    const Row& r = rows_[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        if (column == Metric) return r.metric;
        if (r.group) return {};
        if (column == Left) return qint64(r.left);
        if (column == Right) return qint64(r.right);
        if (column == Difference) {
            const int64_t d = r.right - r.left;
            return d == 0 ? QStringLiteral("=") : (d > 0 ? QStringLiteral("+%1") : QStringLiteral("%1")).arg(d);
        }
        return {};
    case Qt::FontRole:
        if (r.group) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Metric ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case IdRole: return QStringLiteral("metric:%1").arg(node);
    case SortRole: return column == Metric ? QVariant(r.metric) : QVariant(qint64(column == Left ? r.left : r.right));
    default: return {};
    }
}

} // namespace gs::ui
