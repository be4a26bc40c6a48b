#include "ui/views/LogView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QFontDatabase>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/shared/Selection.h"
#include "ui/itemmodels/LogFilterModel.h"
#include "ui/itemmodels/LogModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

LogView::LogView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), channels_(new QComboBox(this)), search_(new QLineEdit(this)),
      upToCursor_(new QCheckBox(tr("Only up to the cursor"), this)), table_(new QTableView(this)), detail_(new QPlainTextEdit(this)), model_(new LogModel(this)),
      filter_(new LogFilterModel(this)) {
    setObjectName(QStringLiteral("logView"));
    table_->setObjectName(QStringLiteral("logTable"));
    channels_->setObjectName(QStringLiteral("logChannelFilter"));
    filter_->setSourceModel(model_);
    table_->setModel(filter_);
    ItemViews::setupTable(table_);
    detail_->setObjectName(QStringLiteral("logDetail"));
    detail_->setReadOnly(true);
    detail_->setLineWrapMode(QPlainTextEdit::NoWrap);
    detail_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    detail_->setPlaceholderText(tr("Select a line to see all of it."));
    table_->setColumnWidth(LogModel::Channel, 90);
    table_->setColumnWidth(LogModel::Entry, 50);
    table_->setColumnWidth(LogModel::Call, 50);
    search_->setPlaceholderText(tr("Filter text…"));
    search_->setClearButtonEnabled(true);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(new QLabel(tr("Channel:"), this));
    bar->addWidget(channels_);
    bar->addWidget(search_, 1);
    bar->addWidget(upToCursor_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(detail_);
    split->setSizes({1300, 700});
    layout->addWidget(split, 1);

    connect(channels_, &QComboBox::currentIndexChanged, this, [this](int i) {
        const QString c = channels_->itemData(i).toString();
        filter_->setChannels(c.isEmpty() ? QSet<QString>{} : QSet<QString>{c});
    });
    connect(search_, &QLineEdit::textChanged, filter_, &LogFilterModel::setText);
    connect(upToCursor_, &QCheckBox::toggled, filter_, &LogFilterModel::setHideFuture);
    connect(selection_, &Selection::sessionChanged, this, &LogView::onSession);
    connect(selection_, &Selection::cursorChanged, this, [this](qint64 pos) {
        model_->setCursor(pos);
        if (upToCursor_->isChecked()) filter_->invalidate();
        followCursor(pos);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        detail_->setPlainText(idx.isValid() ? idx.siblingAtColumn(LogModel::Text).data(Qt::ToolTipRole).toString() : QString());
    });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        const qint64 call = idx.data(CallRole).toLongLong();
        if (call >= 0) selection_->setCursor(call);
    });
    onSession();
}

// The log follows the one selection too: the newest line written up to the cursor's call.
void LogView::followCursor(qint64 pos) {
    int best = -1;
    for (int r = filter_->rowCount() - 1; r >= 0 && best < 0; --r) {
        const qint64 at = filter_->index(r, 0).data(CallRole).toLongLong();
        if (at >= 0 && at <= pos) best = r;
    }
    if (best < 0) return;
    const QModelIndex idx = filter_->index(best, 0);
    table_->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(idx, QAbstractItemView::PositionAtCenter);
}

void LogView::onSession() {
    model_->setSession(selection_->data());
    model_->setCursor(selection_->cursor());
    const QString current = channels_->currentData().toString();
    const QSignalBlocker block(channels_);
    channels_->clear();
    channels_->addItem(tr("All channels"), QString());
    for (const auto& c : model_->channels()) channels_->addItem(c, c);
    const int keep = channels_->findData(current);
    channels_->setCurrentIndex(keep >= 0 ? keep : 0);
    filter_->setChannels(keep > 0 ? QSet<QString>{current} : QSet<QString>{});
    followCursor(selection_->cursor());
}

} // namespace gs::ui
