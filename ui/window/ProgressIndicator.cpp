#include "ui/window/ProgressIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace gs::ui {

ProgressIndicator::ProgressIndicator(QWidget* parent)
    : QWidget(parent), label_(new QLabel(this)), bar_(new QProgressBar(this)), cancel_(new QToolButton(this)) {
    setObjectName(QStringLiteral("progressIndicator"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    bar_->setMaximumWidth(160);
    bar_->setMaximumHeight(14);
    bar_->setTextVisible(false);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop this run or import (Esc)"));
    delay_.setSingleShot(true);
    delay_.setInterval(kShowAfterMs);
    connect(&delay_, &QTimer::timeout, this, [this] { if (running_) show(); });
    connect(cancel_, &QToolButton::clicked, this, &ProgressIndicator::cancelRequested);
    hide();
}

void ProgressIndicator::start(const QString& what) {
    running_ = true;
    label_->setText(what);
    bar_->setRange(0, 0);
    delay_.start();
}

void ProgressIndicator::progress(double fraction, const QString& what) {
    if (!running_) return;
    if (!what.isEmpty()) label_->setText(what);
    if (fraction < 0) bar_->setRange(0, 0);
    else {
        bar_->setRange(0, 1000);
        bar_->setValue(int(fraction * 1000));
    }
}

void ProgressIndicator::finish() {
    running_ = false;
    delay_.stop();
    hide();
}

} // namespace gs::ui
