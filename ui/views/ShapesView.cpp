#include "ui/views/ShapesView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/shared/Selection.h"
#include "ui/itemmodels/Roles.h"
#include "ui/itemmodels/ShapeModel.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

ShapesView::ShapesView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), frames_(new QComboBox(this)), heading_(ItemViews::heading(this)),
      table_(new QTableView(this)), model_(new ShapeModel(this)) {
    setObjectName(QStringLiteral("shapesView"));
    table_->setObjectName(QStringLiteral("shapeTable"));
    table_->setModel(model_);
    ItemViews::setupTable(table_);
    table_->horizontalHeader()->setStretchLastSection(false);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(new QLabel(tr("Function:"), this));
    bar->addWidget(frames_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(heading_);
    layout->addWidget(table_, 1);

    connect(selection_, &Selection::sessionChanged, this, &ShapesView::onSession);
    connect(selection_, &Selection::cursorChanged, this, &ShapesView::refresh);
    connect(frames_, &QComboBox::activated, this, [this](int i) {
        pinnedFrame_ = frames_->itemData(i).toInt();
        refresh();
    });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        const QVariant call = idx.data(CallRole);
        if (call.isValid() && call.toLongLong() >= 0) selection_->setCursor(call.toLongLong());
    });
    onSession();
}

void ShapesView::onSession() {
    pinnedFrame_ = -1;
    const QSignalBlocker block(frames_);
    frames_->clear();
    if (const auto& d = selection_->data())
        for (size_t t = 0; t < d->tracks().size(); ++t) frames_->addItem(QString::fromStdString(d->tracks()[t].label), int(t));
    refresh();
}

void ShapesView::refresh() {
    const auto& d = selection_->data();
    const int64_t cursor = selection_->cursor();
    const int frame = pinnedFrame_ >= 0 ? pinnedFrame_ : d ? d->trackOfCall(cursor) : -1;
    {
        const QSignalBlocker block(frames_);
        frames_->setCurrentIndex(frames_->findData(frame));
    }
    model_->setState(d, frame, cursor);
    for (int c = 0; c < ShapeModel::FixedColumns; ++c) table_->resizeColumnToContents(c);
    for (int c = ShapeModel::FixedColumns; c < model_->columnCount(); ++c) table_->setColumnWidth(c, 46);
    if (!d || frame < 0) heading_->setText(tr("No function at the cursor."));
    else if (model_->rowCount() == 0) heading_->setText(tr("No tensor or int inputs seen up to call #%1.").arg(cursor));
    else
        heading_->setText(tr("Sizes of each input dimension at the last %1 calls up to <b>#%2</b>; symbols, ranges and duck groups as the "
                             "shape environment knew them then. A coloured size changed since the call before.")
                              .arg(model_->callColumnCount()).arg(cursor));
}

} // namespace gs::ui
