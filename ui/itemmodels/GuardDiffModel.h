#pragma once
// The guard diff of an entry against the previous entry of its frame (added / removed /
// changed guards), computed by session::GuardDiff.
#include "core/session/GuardDiff.h"
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class GuardDiffModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Change, Kind, Source, Before, After, Line, ColumnCount };
    explicit GuardDiffModel(QObject* parent = nullptr);

    // Diff of `entry` against data->previousEntry(entry); empty when there is none.
    void setState(session::SessionIndexPtr data, int entry);
    int olderEntry() const { return older_; }
    int newerEntry() const { return newer_; }
    int unchanged() const { return diff_.unchanged; }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    struct Row {
        char change;            // '+', '-', '~'
        const session::Guard* guard;   // the newer guard ('+', '~') or the older one ('-')
        const session::Guard* before;  // '~' only
        std::string summary;
    };
    session::SessionIndexPtr data_;
    int older_ = -1, newer_ = -1;
    session::GuardDiffResult diff_;
    std::vector<Row> rows_;
};

} // namespace gs::ui
