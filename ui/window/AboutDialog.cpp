#include "ui/window/AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/buildinfo/BuildInfo.h"
#include "core/engine/TorchRelease.h"
#include "core/layout/GraphvizLayout.h"
#include "core/store/Database.h"
#include "core/trace/TraceReader.h"

namespace gs::ui {

QList<QPair<QString, QString>> AboutDialog::versions() {
    const QString qtRuntime = QString::fromLatin1(qVersion());
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    return {
        {tr("Guardscope"), QString::fromLatin1(buildinfo::version())},
        {tr("Git revision"), QString::fromLatin1(buildinfo::revision())},
        {tr("Qt"), qtRuntime == qtBuilt ? qtRuntime : tr("%1 (built with %2)").arg(qtRuntime, qtBuilt)},
        {tr("Graphviz"), QString::fromLatin1(layout::GraphvizLayout::graphvizVersion())},
        {tr("SQLite"), QString::fromLatin1(store::sqliteVersion())},
        {tr("simdjson"), QString::fromLatin1(trace::simdjsonVersion())},
        // The release the engine emulates by default; a run can pick an older one (docs/torch-versions.md).
        {tr("Emulated PyTorch"), tr("%1 (--torch-version %2 to %1)")
                                     .arg(QString::fromStdString(engine::TorchRelease::newest().str()),
                                          QString::fromStdString(engine::TorchRelease::oldest().str()))},
    };
}

QString AboutDialog::versionsText() {
    QString text;
    for (const auto& [what, version] : versions()) text += QStringLiteral("%1: %2\n").arg(what, version);
    return text;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Guardscope"));
    auto* layout = new QVBoxLayout(this);
    auto* head = new QHBoxLayout;
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/guardscope/icon.svg")).pixmap(64, 64));
    head->addWidget(icon, 0, Qt::AlignTop);
    auto* title = new QLabel(tr("<h2>Guardscope %1</h2><p>An inspector for <code>torch.compile</code> recompiles: why each call "
                                "hit, compiled or recompiled, guard by guard, and what fixes it.</p>")
                                 .arg(QString::fromLatin1(buildinfo::version())));
    title->setWordWrap(true);
    head->addWidget(title, 1);
    layout->addLayout(head);

    auto* form = new QFormLayout;
    for (const auto& [what, version] : versions()) {
        auto* value = new QLabel(version);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(what + QLatin1Char(':'), value);
    }
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace gs::ui
