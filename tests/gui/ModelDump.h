#pragma once
// Compact text dumps of item models for exact comparisons (after hotspot's tests/testutils.h).
#include <QAbstractItemModel>
#include <QStringList>

namespace gs::testdata {

// One line per row, depth-indented by two spaces, the given columns joined by " | ".
inline void dumpRows(const QAbstractItemModel& model, const QModelIndex& parent, const QList<int>& columns, int depth,
                     QStringList& out) {
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QStringList cells;
        for (int c : columns) cells << model.index(r, c, parent).data().toString();
        out << QString(depth * 2, u' ') + cells.join(QStringLiteral(" | "));
        dumpRows(model, model.index(r, 0, parent), columns, depth + 1, out);
    }
}

inline QStringList dump(const QAbstractItemModel& model, const QList<int>& columns) {
    QStringList out;
    dumpRows(model, {}, columns, 0, out);
    return out;
}

} // namespace gs::testdata
