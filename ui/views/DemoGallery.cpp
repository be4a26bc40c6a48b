#include "ui/views/DemoGallery.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/shared/Describe.h"
#include "ui/itemmodels/DemoModel.h"
#include "ui/services/DemoCatalog.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

DemoGallery::DemoGallery(QWidget* parent)
    : QWidget(parent), heading_(ItemViews::heading(this)), list_(new QListView(this)), explanation_(new QLabel(this)),
      open_(new QPushButton(tr("Open demo"), this)), model_(new DemoModel(this)) {
    setObjectName(QStringLiteral("demoGallery"));
    list_->setObjectName(QStringLiteral("demoList"));
    list_->setModel(model_);
    list_->setModelColumn(DemoModel::Title);
    list_->setAlternatingRowColors(true);
    list_->setSpacing(2);
    explanation_->setWordWrap(true);
    explanation_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    explanation_->setContentsMargins(10, 8, 10, 8);
    explanation_->setTextFormat(Qt::RichText);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(explanation_, 1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(open_);
    row->setContentsMargins(8, 0, 8, 8);
    rightLayout->addLayout(row);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(list_);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(heading_);
    layout->addWidget(split, 1);

    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) { showDemo(idx.row()); });
    auto open = [this] {
        const QModelIndex idx = list_->currentIndex();
        if (idx.isValid()) emit openRequested(model_->demo(idx.row()).path);
    };
    connect(open_, &QPushButton::clicked, this, open);
    connect(list_, &QListView::activated, this, open);
    setFolder(DemoCatalog::defaultFolder());
}

void DemoGallery::setFolder(const QString& folder) {
    model_->setDemos(DemoCatalog::scan(folder));
    if (model_->rowCount() == 0) {
        heading_->setText(folder.isEmpty() ? tr("No demo folder found (set GUARDSCOPE_DEMOS).") : tr("No demos in %1.").arg(folder.toHtmlEscaped()));
        showDemo(-1);
        return;
    }
    heading_->setText(tr("<b>%1</b> — each shows one reason torch.compile recompiles. Double-click to run one.")
                          .arg(Describe::count(model_->rowCount(), "teaching scenario", "teaching scenarios")));
    list_->setCurrentIndex(model_->index(0, DemoModel::Title));
}

void DemoGallery::showDemo(int row) {
    open_->setEnabled(row >= 0);
    if (row < 0) {
        explanation_->clear();
        return;
    }
    const Demo& d = model_->demo(row);
    explanation_->setText(QStringLiteral("<h3>%1</h3><p>%2</p><p style=\"color:gray\">%3</p>")
                              .arg(d.title.toHtmlEscaped(), d.explanation.toHtmlEscaped(), d.path.toHtmlEscaped()));
}

} // namespace gs::ui
