#pragma once
// The rank overview of a TORCH_TRACE folder (issue 11 item 3): one row per rank with its
// compiles, recompiles, failures, cache hits and misses and total compile time; a rank whose
// file could not be imported shows why. Divergent ranks are marked.
#include <vector>

#include "core/session/RankOverview.h"
#include "ui/itemmodels/NodeModel.h"

namespace gs::ui {

class RankTableModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Rank, Status, Compiles, Recompiles, Failures, CacheHits, CacheMisses, CompileTime, EstimatedRuntime, Diverges, ColumnCount };
    explicit RankTableModel(QObject* parent = nullptr);
    void setRanks(std::vector<session::RankProfile> ranks, std::vector<session::Divergence> divergences);
    const std::vector<session::RankProfile>& ranks() const { return ranks_; }
    const std::vector<session::Divergence>& divergences() const { return divergences_; }
    // Row of a rank number, -1 if absent.
    int rowOfRank(int64_t rank) const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    QStringList divergesIn(int64_t rank) const;
    std::vector<session::RankProfile> ranks_;
    std::vector<session::Divergence> divergences_;
};

} // namespace gs::ui
