#include "ui/itemmodels/NodeModel.h"

#include "ui/itemmodels/Roles.h"

namespace gs::ui {

NodeModel::NodeModel(QObject* parent) : QAbstractItemModel(parent) {}

void NodeModel::setFlat(int count) {
    flat_ = true;
    count_ = count;
    parent_.clear();
    row_.clear();
    children_.clear();
}

void NodeModel::setTree(const std::vector<int>& parents) {
    flat_ = false;
    count_ = int(parents.size());
    parent_ = parents;
    row_.assign(parents.size(), 0);
    children_.assign(parents.size() + 1, {});
    for (int i = 0; i < count_; ++i) {
        int p = parents[size_t(i)];
        if (p >= i || p < -1) p = -1; // malformed input: attach to the top instead of looping
        parent_[size_t(i)] = p;
        auto& list = children_[size_t(p + 1)];
        row_[size_t(i)] = int(list.size());
        list.push_back(i);
    }
}

int NodeModel::nodeOf(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return -1;
    return int(index.internalId());
}

QModelIndex NodeModel::indexOfNode(int node, int column) const {
    if (node < 0 || node >= count_ || column < 0 || column >= columns()) return {};
    return createIndex(flat_ ? node : row_[size_t(node)], column, quintptr(node));
}

QModelIndex NodeModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= columns()) return {};
    if (flat_) {
        if (parent.isValid() || row >= count_) return {};
        return createIndex(row, column, quintptr(row));
    }
    const int p = parent.isValid() ? nodeOf(parent) : -1;
    if (parent.isValid() && (p < 0 || parent.column() != 0)) return {};
    const auto& list = children_[size_t(p + 1)];
    if (row >= int(list.size())) return {};
    return createIndex(row, column, quintptr(list[size_t(row)]));
}

QModelIndex NodeModel::parent(const QModelIndex& child) const {
    const int n = nodeOf(child);
    if (flat_ || n < 0) return {};
    return indexOfNode(parent_[size_t(n)], 0);
}

int NodeModel::rowCount(const QModelIndex& parent) const {
    if (flat_) return parent.isValid() ? 0 : count_;
    if (parent.isValid() && parent.column() != 0) return 0;
    const int p = parent.isValid() ? nodeOf(parent) : -1;
    if (parent.isValid() && p < 0) return 0;
    return int(children_[size_t(p + 1)].size());
}

int NodeModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() && (flat_ || parent.column() != 0)) return 0;
    return columns();
}

bool NodeModel::hasChildren(const QModelIndex& parent) const { return rowCount(parent) > 0; }

QVariant NodeModel::data(const QModelIndex& index, int role) const {
    const int n = nodeOf(index);
    if (n < 0 || n >= count_ || index.column() >= columns()) return {};
    return cell(n, index.column(), role);
}

QVariant NodeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columns()) return {};
    return header(section, role);
}

QModelIndex NodeModel::findId(const QString& id) const {
    for (int n = 0; n < count_; ++n)
        if (cell(n, 0, IdRole).toString() == id) return indexOfNode(n);
    return {};
}

} // namespace gs::ui
