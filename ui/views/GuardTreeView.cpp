#include "ui/views/GuardTreeView.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/session/GuardCount.h"

#include "ui/graph/GraphCanvas.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/GuardTreeModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

GuardTreeView::GuardTreeView(Selection* selection, LayoutService* layouts, QWidget* parent)
    : QWidget(parent), selection_(selection), layouts_(layouts), heading_(ItemViews::heading(this)),
      switch_(new QPushButton(this)), tree_(new QTreeView(this)),
      canvas_(new GraphCanvas(this)), model_(new GuardTreeModel(this)) {
    setObjectName(QStringLiteral("guardTreeView"));
    tree_->setObjectName(QStringLiteral("guardTree"));
    canvas_->setObjectName(QStringLiteral("guardCanvas"));
    tree_->setModel(model_);
    ItemViews::setupTree(tree_);
    tree_->setIndentation(12); // guard trees nest deeply (GuardManager per source level)
    tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree_->setColumnWidth(GuardTreeModel::Kind, 190);
    tree_->setColumnWidth(GuardTreeModel::Source, 130);
    tree_->setColumnWidth(GuardTreeModel::Code, 260);
    tree_->setColumnWidth(GuardTreeModel::Line, 40);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tree_);
    split->addWidget(canvas_);
    split->setSizes({1000, 1000}); // proportions: half tree, half picture
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    switch_->setObjectName(QStringLiteral("guardEntrySwitch"));
    switch_->hide();
    auto* top = new QWidget(this);
    auto* row = new QHBoxLayout(top);
    row->setContentsMargins(0, 0, 6, 0);
    row->addWidget(heading_, 1);
    row->addWidget(switch_, 0, Qt::AlignVCenter);
    heading_->setWordWrap(true);
    layout->addWidget(top);
    layout->addWidget(split, 1);
    connect(switch_, &QPushButton::clicked, this, [this] {
        showNew_ = !showNew_;
        onEntry();
    });
    canvas_->clearGraph(tr("Select a cache entry to see its guards."));

    connect(selection_, &Selection::sessionChanged, this, [this] { laidOutEntry_ = -1; onEntry(); });
    connect(selection_, &Selection::entryChanged, this, &GuardTreeView::onEntry);
    connect(selection_, &Selection::cursorChanged, this, &GuardTreeView::onCursor);
    connect(selection_, &Selection::lineActivated, this, &GuardTreeView::selectGuardsOfLine);
    connect(selection_, &Selection::guardChanged, this, [this](int id) {
        if (syncing_ || id < 0) return;
        ItemViews::selectId(tree_, QStringLiteral("guard:%1:%2").arg(model_->entry()).arg(id));
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        if (syncing_ || !idx.isValid()) return;
        syncing_ = true;
        canvas_->selectId(idx.data(IdRole).toString());
        selection_->setGuard(idx.data(GuardRole).toInt());
        syncing_ = false;
    });
    connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& idx) {
        if (int line = idx.data(LineRole).toInt(); line > 0) selection_->activateLine(line);
    });
    connect(canvas_, &GraphCanvas::nodeSelected, this, [this](const QString& id) {
        if (syncing_) return;
        syncing_ = true;
        ItemViews::selectId(tree_, id);
        syncing_ = false;
        const QModelIndex idx = tree_->currentIndex();
        if (idx.isValid()) selection_->setGuard(idx.data(GuardRole).toInt());
    });
    connect(canvas_, &GraphCanvas::nodeActivated, this, [this](const QString& id) {
        const QModelIndex idx = model_->findId(id);
        if (int line = idx.data(LineRole).toInt(); line > 0) selection_->activateLine(line);
    });
    connect(layouts_, &LayoutService::layoutReady, this, [this](const QString& kind, quint64 gen, LayoutResultPtr result, double) {
        if (kind != QLatin1String(kLayoutKind) || gen != pendingLayout_) return;
        canvas_->setGraph(styles(), *result);
        const int first = model_->firstFailure();
        if (first >= 0) canvas_->selectId(QStringLiteral("guard:%1:%2").arg(model_->entry()).arg(first));
    });
}

QString GuardTreeView::headingText() const { return heading_->text(); }

int GuardTreeView::rejectingEntry() const {
    const auto& d = selection_->data();
    const int selected = selection_->entry();
    if (!d || selected < 0) return -1;
    const int64_t c = selection_->cursor();
    const int rec = d->recompileAtCall(c);
    if (rec < 0 || d->createdAt(selected) != c) return -1;
    const auto& r = d->session().recompiles[size_t(rec)];
    return r.reasons.empty() ? -1 : d->resolveEntry(r.reasons.front().failedEntryId, c);
}

int GuardTreeView::shownEntry() const {
    const int rejecting = rejectingEntry();
    return rejecting >= 0 && !showNew_ ? rejecting : selection_->entry();
}

void GuardTreeView::refreshModel() {
    const auto& d = selection_->data();
    syncing_ = true;
    model_->setState(d, shownEntry(), selection_->cursor());
    tree_->expandAll();
    syncing_ = false;
    if (!d || model_->entry() < 0) {
        heading_->setText(tr("No cache entry selected."));
        switch_->hide();
        return;
    }
    const auto& entry = d->session().compiles[size_t(model_->entry())];
    QString text = tr("Guards of <b>%1</b> (%2 guards) for <b>call #%3</b>")
                       .arg(QString::fromStdString(d->entryLabel(model_->entry())).toHtmlEscaped())
                       .arg(session::GuardCount::of(entry).value_or(0))
                       .arg(selection_->cursor());
    const int first = model_->firstFailure();
    if (first >= 0) {
        const QModelIndex idx = model_->indexOfGuard(first);
        const auto& g = entry.guards[size_t(model_->nodeOf(idx))];
        text += tr(" — first failure: <span style=\"color:%1\"><b>%2</b> %3</span>")
                    .arg(Theme::resultColor(session::GuardResult::FirstFailure).name(), QString::fromStdString(g.kind).toHtmlEscaped(),
                         Describe::firstLine(g.code).toHtmlEscaped());
        if (g.line > 0) text += tr(" (line %1)").arg(g.line);
        syncing_ = true;
        tree_->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree_->scrollTo(idx);
        syncing_ = false;
    } else if (const auto ge = d->evaluation(model_->entry(), selection_->cursor()); ge && ge->passed) {
        text += tr(" — all guards passed");
    } else if (d->createdAt(model_->entry()) == selection_->cursor()) {
        text += tr(" — created by this call");
    } else {
        text += tr(" — not evaluated by this call");
    }
    heading_->setText(text);
    // At a recompile: switch between the entry that rejected the call and the one it created.
    const int selected = selection_->entry();
    const int rejecting = rejectingEntry();
    const bool canSwitch = rejecting >= 0 && rejecting != selected;
    switch_->setVisible(canSwitch);
    if (canSwitch)
        switch_->setText(showNew_ ? tr("Show %1 (rejected the call)").arg(QString::fromStdString(d->entryLabel(rejecting)))
                                  : tr("Show %1 (the new entry)").arg(QString::fromStdString(d->entryLabel(selected))));
}

void GuardTreeView::onEntry() {
    refreshModel();
    const auto& d = selection_->data();
    if (!d || model_->entry() < 0) {
        pendingLayout_ = 0;
        laidOutEntry_ = -1;
        canvas_->clearGraph(tr("Select a cache entry to see its guards."));
        return;
    }
    if (model_->entry() != laidOutEntry_ || d.get() != laidOutSession_) requestLayout();
    else canvas_->restyle(styles());
}

void GuardTreeView::onCursor() {
    showNew_ = false;  // a new call opens on its rejecting entry again
    onEntry();
}

std::vector<GraphNodeStyle> GuardTreeView::styles() const {
    std::vector<GraphNodeStyle> out;
    const auto& d = selection_->data();
    if (!d || model_->entry() < 0) return out;
    const auto& guards = d->session().compiles[size_t(model_->entry())].guards;
    out.reserve(guards.size());
    for (size_t i = 0; i < guards.size(); ++i) {
        const auto& g = guards[i];
        const session::GuardResult r = model_->result(int(i));
        GraphNodeStyle s;
        s.id = QStringLiteral("guard:%1:%2").arg(model_->entry()).arg(g.id);
        s.lines << QString::fromStdString(g.kind);
        const bool manager = g.kind.find("Manager") != std::string::npos;
        if (!g.source.empty()) s.lines << Describe::localName(g.source);
        if (!manager && !g.code.empty()) s.lines << Describe::firstLine(g.code);
        s.fill = Theme::resultFill(r);
        s.border = r == session::GuardResult::NotEvaluated ? Theme::edgeColor() : Theme::resultColor(r);
        s.text = Theme::nodeText();
        s.emphasis = r == session::GuardResult::FirstFailure;
        s.toolTip = QString::fromStdString(g.code) + (g.line > 0 ? QStringLiteral("\nline %1: %2").arg(g.line).arg(QString::fromStdString(g.userCode)) : QString()) +
                    QStringLiteral("\n") + Theme::resultLabel(r);
        out.push_back(std::move(s));
    }
    return out;
}

void GuardTreeView::requestLayout() {
    const auto& d = selection_->data();
    const auto& guards = d->session().compiles[size_t(model_->entry())].guards;
    const auto st = styles();
    std::vector<std::pair<QString, QString>> edges;
    for (const auto& g : guards)
        if (g.parent >= 0)
            edges.emplace_back(QStringLiteral("guard:%1:%2").arg(model_->entry()).arg(g.parent),
                               QStringLiteral("guard:%1:%2").arg(model_->entry()).arg(g.id));
    // Wide and shallow trees read better left to right.
    layout::LayoutRequest req = canvas_->makeRequest(st, edges, layout::Direction::LeftToRight);
    // Edges to a parent id that is not a node would be refused; drop them here.
    std::erase_if(req.edges, [&](const layout::EdgeSpec& e) {
        return std::none_of(req.nodes.begin(), req.nodes.end(), [&](const layout::NodeSpec& n) { return n.id == e.from; });
    });
    req.rankSep = 40;
    req.nodeSep = 8;
    laidOutEntry_ = model_->entry();
    laidOutSession_ = d.get();
    canvas_->clearGraph(tr("Laying out %1 guards…").arg(guards.size()));
    pendingLayout_ = layouts_->request(QLatin1String(kLayoutKind), std::move(req));
}

void GuardTreeView::selectGuardsOfLine(int line) {
    const auto ids = model_->guardsOfLine(line);
    if (ids.empty()) return;
    syncing_ = true;
    tree_->selectionModel()->clearSelection();
    for (int id : ids) {
        const QModelIndex idx = model_->indexOfGuard(id);
        tree_->selectionModel()->select(idx, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const QModelIndex first = model_->indexOfGuard(ids.front());
    tree_->selectionModel()->setCurrentIndex(first, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree_->scrollTo(first);
    canvas_->selectId(first.data(IdRole).toString());
    syncing_ = false;
}

} // namespace gs::ui
