#pragma once
// The artifacts of one compile (issue 11 item 2, tlparse's per-compile directory): graphs,
// generated code, guards, metrics, cache lookups, reasons, links and chromium events, grouped by
// kind, in log order within a kind; plus the run's logged config.
#include <QString>

#include <vector>

#include "core/session/SessionIndex.h"
#include "ui/itemmodels/NodeModel.h"

namespace gs::ui {

class ArtifactModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Name, Detail, Size, ColumnCount };
    // IdRole of the row of the logged dynamo_config (not an artifact of one compile).
    static QString configId() { return QStringLiteral("config:dynamo"); }

    explicit ArtifactModel(QObject* parent = nullptr);
    void setEntry(session::SessionIndexPtr data, int entry);
    int entry() const { return entry_; }
    // The artifact of a row, or nullptr (a group row, the config row).
    const session::Artifact* artifact(const QModelIndex& index) const;
    // Rows that are artifacts, for tests and the first selection.
    int artifactCount() const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    struct Row {
        int artifact = -1;     // index into the entry's artifacts; -1 for a group or the config
        QString group;         // the kind, for group rows
        int members = 0;
        bool config = false;
    };
    session::SessionIndexPtr data_;
    int entry_ = -1;
    std::vector<Row> rows_;
};

} // namespace gs::ui
