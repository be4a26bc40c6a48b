#pragma once
// Two ranks side by side (issue 11 item 3): their compiles in order, each with its recompile
// reason and cache results, and whether the two differ there (compile, reason, graph or cache).
// The first differing row is where the ranks started to run different collectives.
#include <vector>

#include "core/session/RankOverview.h"
#include "ui/itemmodels/NodeModel.h"

namespace gs::ui {

class RankCompareModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Index, LeftCompile, LeftReason, RightCompile, RightReason, Differs, ColumnCount };
    explicit RankCompareModel(QObject* parent = nullptr);
    void setRanks(const session::RankProfile* left, const session::RankProfile* right);
    bool hasRanks() const { return valid_; }
    // First row where the ranks differ, -1 when they agree everywhere.
    int firstDifference() const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    QString difference(size_t row) const;
    session::RankProfile left_, right_;
    bool valid_ = false;
};

} // namespace gs::ui
