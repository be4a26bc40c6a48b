#include "ui/itemmodels/ArtifactModel.h"

#include "ui/itemmodels/Roles.h"
#include "ui/shared/Describe.h"

namespace gs::ui {

namespace {

// The order of the groups: what a recompile investigation reads first comes first.
const char* const kKinds[] = {"graph", "code", "guards", "reasons", "cache", "metrics", "error", "link", "data", "chromium_event"};

QString groupTitle(const QString& kind) {
    if (kind == QLatin1String("graph")) return QObject::tr("Graphs");
    if (kind == QLatin1String("code")) return QObject::tr("Generated code");
    if (kind == QLatin1String("guards")) return QObject::tr("Guards");
    if (kind == QLatin1String("reasons")) return QObject::tr("Recompile reasons");
    if (kind == QLatin1String("cache")) return QObject::tr("Cache lookups");
    if (kind == QLatin1String("metrics")) return QObject::tr("Metrics");
    if (kind == QLatin1String("error")) return QObject::tr("Errors and graph breaks");
    if (kind == QLatin1String("link")) return QObject::tr("Links");
    if (kind == QLatin1String("chromium_event")) return QObject::tr("Chromium events");
    return QObject::tr("Other artifacts");
}

QString size(int64_t bytes) {
    if (bytes < 10000) return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 10000000) return QStringLiteral("%1 kB").arg(double(bytes) / 1e3, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
}

} // namespace

ArtifactModel::ArtifactModel(QObject* parent) : NodeModel(parent) {}

void ArtifactModel::setEntry(session::SessionIndexPtr data, int entry) {
    resetWith([&] {
        data_ = std::move(data);
        entry_ = data_ && entry >= 0 && size_t(entry) < data_->session().compiles.size() ? entry : -1;
        rows_.clear();
        std::vector<int> parents;
        if (entry_ >= 0) {
            const auto& artifacts = data_->session().compiles[size_t(entry_)].artifacts;
            std::vector<QString> seen;
            for (const auto& a : artifacts) seen.push_back(qs(a.kind));
            auto known = [](const QString& k) {
                for (const char* x : kKinds)
                    if (k == QLatin1String(x)) return true;
                return false;
            };
            for (const char* kind : kKinds) {
                int group = -1;
                for (size_t i = 0; i < artifacts.size(); ++i) {
                    const QString k = known(seen[i]) ? seen[i] : QStringLiteral("data");
                    if (k != QLatin1String(kind)) continue;
                    if (group < 0) {
                        group = int(rows_.size());
                        rows_.push_back(Row{-1, QString::fromLatin1(kind), 0, false});
                        parents.push_back(-1);
                    }
                    ++rows_[size_t(group)].members;
                    rows_.push_back(Row{int(i), {}, 0, false});
                    parents.push_back(group);
                }
            }
        }
        if (data_ && !data_->session().info.configJson.empty()) {
            rows_.push_back(Row{-1, {}, 0, true});
            parents.push_back(-1);
        }
        setTree(parents);
    });
}

const session::Artifact* ArtifactModel::artifact(const QModelIndex& index) const {
    const int node = nodeOf(index);
    if (node < 0 || entry_ < 0 || rows_[size_t(node)].artifact < 0) return nullptr;
    return &data_->session().compiles[size_t(entry_)].artifacts[size_t(rows_[size_t(node)].artifact)];
}

int ArtifactModel::artifactCount() const {
    int n = 0;
    for (const auto& r : rows_) n += r.artifact >= 0;
    return n;
}

QVariant ArtifactModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Artifact", "Detail", "Size"};
    return QString::fromLatin1(names[column]);
}

QVariant ArtifactModel::cell(int node, int column, int role) const {
    const Row& r = rows_[size_t(node)];
    if (r.config) {
        if (role == Qt::DisplayRole && column == Name) return tr("dynamo_config (logged for the run)");
        if (role == Qt::DisplayRole && column == Size) return size(int64_t(data_->session().info.configJson.size()));
        if (role == IdRole) return configId();
        return {};
    }
    if (r.artifact < 0) {
        if (role == Qt::DisplayRole && column == Name) return QStringLiteral("%1 (%2)").arg(groupTitle(r.group)).arg(r.members);
        if (role == IdRole) return QStringLiteral("group:") + r.group;
        if (role == StatusRole) return r.group;
        return {};
    }
    const session::Artifact& a = data_->session().compiles[size_t(entry_)].artifacts[size_t(r.artifact)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Name: return qs(a.name);
        case Detail: return qs(a.detail);
        case Size: return size(a.bytes);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return tr("%1 — %2, record %3 of the log").arg(qs(a.name), qs(a.kind)).arg(a.record);
    case IdRole: return QStringLiteral("artifact:%1").arg(a.record);
    case StatusRole: return qs(a.kind);
    case SortRole: return column == Size ? QVariant(qint64(a.bytes)) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
