#pragma once
// Filters the log by channel ("recompiles", "guards", ...) and by text.
#include <QSet>
#include <QSortFilterProxyModel>

namespace gs::ui {

class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);
    // Empty set: every channel.
    void setChannels(const QSet<QString>& channels);
    void setText(const QString& text);
    void setHideFuture(bool hide);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QSet<QString> channels_;
    QString text_;
    bool hideFuture_ = false;
};

} // namespace gs::ui
