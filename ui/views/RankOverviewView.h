#pragma once
// The ranks of a TORCH_TRACE folder (issue 11 item 3): a row per rank, the divergences (ranks
// whose compiles, recompile reasons, graphs or cache results differ from the majority — the
// desync that hangs collectives), and any two ranks side by side. Double-clicking a rank or a
// divergence opens that rank's session.
#include <QWidget>

#include <vector>

#include "core/session/RankOverview.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace gs::ui {

class RankCompareModel;
class RankTableModel;

class RankOverviewView : public QWidget {
    Q_OBJECT
public:
    explicit RankOverviewView(QWidget* parent = nullptr);
    // `folder` is what was opened; an empty list clears the view.
    void setRanks(const QString& folder, std::vector<session::RankProfile> ranks);
    // Shows ranks `a` and `b` side by side (rank numbers).
    void compareRanks(int64_t a, int64_t b);

    QTableView* table() const { return table_; }
    QListWidget* divergenceList() const { return divergences_; }
    QTableView* compareTable() const { return compare_; }
    RankTableModel* model() const { return model_; }
    RankCompareModel* compareModel() const { return compareModel_; }
    QString headingText() const;

signals:
    // Open the session of this rank: its store id, or (not stored) its log file.
    void openRequested(qint64 sessionId, const QString& path);

private:
    void openRow(int row);
    void compareSelected();

    QLabel* heading_;
    QTableView* table_;
    RankTableModel* model_;
    QListWidget* divergences_;
    QPushButton *open_, *compareButton_;
    QLabel* compareHeading_;
    QTableView* compare_;
    RankCompareModel* compareModel_;
};

} // namespace gs::ui
