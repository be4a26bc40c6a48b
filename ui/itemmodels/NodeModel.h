#pragma once
// The common base of every item model: index()/parent() written once over a flat array of
// nodes with parent links (hotspot's treemodel.h idea). Subclasses build a new node array and
// payload in one go and swap it between beginResetModel/endResetModel — the model never mutates
// under a view (STYLE.md "Item models").
#include <QAbstractItemModel>

#include <vector>

namespace gs::ui {

class NodeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    explicit NodeModel(QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Node number of an index (-1 for the root/invalid) and back.
    int nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(int node, int column = 0) const;
    int nodeCount() const { return count_; }
    // First node whose IdRole equals `id`, or an invalid index.
    QModelIndex findId(const QString& id) const;

protected:
    // Shape of the new snapshot: either `count` top-level rows, or a tree given by parents
    // (parents[i] < i, -1 for top level). Call only from inside resetWith().
    void setFlat(int count);
    void setTree(const std::vector<int>& parents);
    // beginResetModel(); build(); endResetModel(); — build() calls setFlat/setTree and swaps
    // the subclass's payload.
    template <class Build> void resetWith(Build&& build) {
        beginResetModel();
        build();
        endResetModel();
    }

    virtual int columns() const = 0;
    virtual QVariant header(int column, int role) const = 0;
    virtual QVariant cell(int node, int column, int role) const = 0;

private:
    bool flat_ = true;
    int count_ = 0;
    std::vector<int> parent_, row_;
    std::vector<std::vector<int>> children_; // children_[0] = top level, children_[n+1] of node n
};

} // namespace gs::ui
