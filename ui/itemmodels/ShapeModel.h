#pragma once
// Symbolic shapes (dynamo-semantics §3): one row per input dimension of a frame (and per int
// input), the sizes it had at each call up to the cursor, the symbol it became, its range,
// duck-sizing group, the call where automatic dynamic promoted it, and 0/1 specializations.
#include <QStringList>

#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class ShapeModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Input, Dim, SizesSeen, Symbol, Range, DuckGroup, PromotedAt, Specialized, FixedColumns };
    static constexpr int kMaxCallColumns = 40; // the newest calls up to the cursor
    explicit ShapeModel(QObject* parent = nullptr);

    // The input dimensions of one function (a session::SessionIndex track) up to the cursor.
    void setState(session::SessionIndexPtr data, int track, int64_t cursor);
    int track() const { return track_; }
    int callColumnCount() const { return int(calls_.size()); }

protected:
    int columns() const override { return FixedColumns + int(calls_.size()); }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    // Shape events of the current frame (cached per session and frame).
    session::SessionIndexPtr eventsFor_; // held, so its address cannot be reused by another session
    int eventsTrack_ = -1;
    std::vector<size_t> events_;

    struct Row {
        std::string source;  // L['x']
        int dim = -1;        // -1: a Python int input
        std::vector<QString> sizes; // per call column
        QStringList seen;
        QString symbol, range, duck, specialized;
        int64_t promotedAt = -1;
        QString promotion;   // "2 -> 3"
    };
    session::SessionIndexPtr data_;
    int track_ = -1;
    std::vector<int64_t> calls_;
    std::vector<Row> rows_;
};

} // namespace gs::ui
