#include "ui/views/ArtifactsView.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/itemmodels/ArtifactModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

namespace {

// A record without a payload (compilation_metrics, link) is shown as its event's metadata,
// indented; a payload is shown as logged.
QString textOf(const session::TraceRecord& r) {
    if (r.hasPayload && !r.payloadKept) return QObject::tr("# The payload of this record was larger than 256 MiB: it was checked, not kept.");
    if (r.hasPayload) return QString::fromStdString(r.payload);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body));
    if (!doc.isObject()) return QString::fromStdString(r.body);
    const QJsonObject env = doc.object();
    static const QStringList context = {QStringLiteral("rank"), QStringLiteral("compiled_autograd_id"), QStringLiteral("frame_id"),
                                        QStringLiteral("frame_compile_id"), QStringLiteral("attempt"), QStringLiteral("has_payload"),
                                        QStringLiteral("stack")};
    for (auto it = env.begin(); it != env.end(); ++it)
        if (!context.contains(it.key()) && it.value().isObject())
            return QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Indented));
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

ArtifactsView::ArtifactsView(Selection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), heading_(ItemViews::heading(this)), tree_(new QTreeView(this)),
      model_(new ArtifactModel(this)), viewer_(new QsciScintilla(this)), python_(new QsciLexerPython(this)), json_(new QsciLexerJSON(this)) {
    setObjectName(QStringLiteral("artifactsView"));
    tree_->setObjectName(QStringLiteral("artifactTree"));
    viewer_->setObjectName(QStringLiteral("artifactText"));
    tree_->setModel(model_);
    ItemViews::setupTree(tree_);
    tree_->setColumnWidth(ArtifactModel::Name, 250);
    tree_->setColumnWidth(ArtifactModel::Detail, 120);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QsciLexer* l : {python_, json_}) l->setDefaultFont(mono);
    viewer_->setFont(mono);
    viewer_->setReadOnly(true);
    viewer_->setMarginLineNumbers(0, true);
    viewer_->setMarginWidth(0, QStringLiteral("00000"));
    viewer_->setWrapMode(QsciScintilla::WrapNone);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(tree_);
    split->addWidget(viewer_);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(heading_);
    layout->addWidget(split, 1);
    connect(selection_, &Selection::sessionChanged, this, &ArtifactsView::onEntry);
    connect(selection_, &Selection::entryChanged, this, &ArtifactsView::onEntry);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) { onCurrent(i); });
    onEntry();
}

ArtifactsView::~ArtifactsView() { viewer_->setLexer(nullptr); }

QString ArtifactsView::text() const { return viewer_->text(); }
QString ArtifactsView::language() const { return viewer_->lexer() ? QString::fromLatin1(viewer_->lexer()->language()) : QString(); }
QString ArtifactsView::headingText() const { return heading_->text(); }

void ArtifactsView::onEntry() {
    const auto& d = selection_->data();
    const int entry = selection_->entry();
    if (model_->entry() == entry && d && model_->nodeCount() > 0) return;
    model_->setEntry(d, entry);
    tree_->expandAll();
    waitingFor_ = -1;
    show({}, {});
    if (!d || entry < 0) {
        heading_->setText(tr("Select a compile to see what the log recorded for it."));
        return;
    }
    const auto& c = d->session().compiles[size_t(entry)];
    if (c.artifacts.empty()) {
        heading_->setText(d->session().info.kind == session::SessionKind::TorchTrace
                              ? tr("The log recorded no artifacts for %1.").arg(qs(c.compileId))
                              : tr("%1 was compiled by the engine: see the Graph and Guard tree views.").arg(qs(c.compileId)));
        return;
    }
    heading_->setText(tr("%n artifact(s) of %1 — as the log recorded them", nullptr, model_->artifactCount()).arg(qs(c.compileId)));
    // the Dynamo graph first, like tlparse's directory
    for (int n = 0; n < model_->nodeCount(); ++n)
        if (model_->artifact(model_->indexOfNode(n))) {
            tree_->setCurrentIndex(model_->indexOfNode(n));
            break;
        }
}

bool ArtifactsView::selectArtifact(const QString& name) {
    for (int n = 0; n < model_->nodeCount(); ++n) {
        const QModelIndex i = model_->indexOfNode(n);
        if (const auto* a = model_->artifact(i); a && qs(a->name) == name) {
            tree_->setCurrentIndex(i);
            return true;
        }
        if (name == ArtifactModel::configId() && i.data(IdRole).toString() == name) {
            tree_->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

std::optional<session::TraceRecord> ArtifactsView::recordInMemory(int64_t seq) const {
    const auto& records = selection_->data()->session().records;
    auto it = std::lower_bound(records.begin(), records.end(), seq, [](const session::TraceRecord& r, int64_t s) { return r.seq < s; });
    if (it == records.end() || it->seq != seq) return std::nullopt;
    return *it;
}

void ArtifactsView::onCurrent(const QModelIndex& index) {
    const auto& d = selection_->data();
    if (!d) return;
    if (index.data(IdRole).toString() == ArtifactModel::configId()) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(d->session().info.configJson));
        show(doc.isNull() ? qs(d->session().info.configJson) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)), QStringLiteral("json"));
        return;
    }
    const session::Artifact* a = model_->artifact(index);
    if (!a) return;
    const QString format = qs(a->format);
    if (auto r = recordInMemory(a->record)) {
        show(textOf(*r), r->hasPayload ? format : QStringLiteral("json"));
        return;
    }
    if (d->session().info.id > 0 && fetch_) {
        waitingFor_ = a->record;
        waitingFormat_ = format;
        show(tr("# Reading record %1 from the session history…").arg(a->record), {});
        fetch_(d->session().info.id, a->record);
        return;
    }
    show(tr("# This session does not hold the log's records (imported by an older Guardscope, or not recorded)."), {});
}

void ArtifactsView::showRecord(int64_t sessionId, const session::TraceRecord& record) {
    const auto& d = selection_->data();
    if (!d || d->session().info.id != sessionId || record.seq != waitingFor_) return; // a late answer to an older question
    waitingFor_ = -1;
    show(textOf(record), record.hasPayload ? waitingFormat_ : QStringLiteral("json"));
}

void ArtifactsView::showRecordError(int64_t sessionId, int64_t seq, const QString& message) {
    const auto& d = selection_->data();
    if (!d || d->session().info.id != sessionId || seq != waitingFor_) return;
    waitingFor_ = -1;
    show(tr("# Record %1 could not be read: %2").arg(seq).arg(message), {});
}

void ArtifactsView::show(const QString& text, const QString& format) {
    QsciLexer* lexer = format == QLatin1String("python") ? python_ : format == QLatin1String("json") ? json_ : nullptr;
    if (viewer_->lexer() != lexer) viewer_->setLexer(lexer);
    if (!lexer) viewer_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewer_->setText(text);
}

} // namespace gs::ui
