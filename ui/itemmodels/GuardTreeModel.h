#pragma once
// The guard tree of one entry (TREE_GUARD_MANAGER, dynamo-semantics §5.5) with each guard's
// result for one call: passed / failed / not evaluated, the first failure marked.
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class GuardTreeModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Kind, Source, Code, Line, Result, ColumnCount };
    explicit GuardTreeModel(QObject* parent = nullptr);

    void setState(session::SessionIndexPtr data, int entry, int64_t callPos);
    int entry() const { return entry_; }
    QModelIndex indexOfGuard(int guardId) const;
    // Guard ids whose provenance is this scenario line.
    std::vector<int> guardsOfLine(int line) const;
    // The first failing guard for the call, or -1.
    int firstFailure() const;
    session::GuardResult result(int node) const { return results_[size_t(node)]; }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    int entry_ = -1;
    int64_t call_ = -1;
    std::vector<session::GuardResult> results_;
};

} // namespace gs::ui
