#pragma once
// "Why it recompiled": one row per older entry that rejected the call, newest first, with the
// category, the parsed parts and the suggested fix (ARCHITECTURE.md "Recompile").
#include "ui/itemmodels/NodeModel.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class ReasonModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { FailedEntry, Category, Guard, Source, Expected, Actual, Fix, Text, ColumnCount };
    explicit ReasonModel(QObject* parent = nullptr);

    // Shows the reasons of session().recompiles[recompile] (-1: none).
    void setState(session::SessionIndexPtr data, int recompile);
    int recompile() const { return recompile_; }

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    int recompile_ = -1;
};

} // namespace gs::ui
