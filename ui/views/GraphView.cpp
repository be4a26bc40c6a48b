#include "ui/views/GraphView.h"

#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <unordered_map>

#include "ui/graph/GraphCanvas.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/GraphNodeModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/views/ItemViews.h"

namespace gs::ui {

GraphView::GraphView(Selection* selection, LayoutService* layouts, QWidget* parent)
    : QWidget(parent), selection_(selection), layouts_(layouts), heading_(ItemViews::heading(this)), canvas_(new GraphCanvas(this)),
      table_(new QTableView(this)), model_(new GraphNodeModel(this)) {
    setObjectName(QStringLiteral("graphView"));
    canvas_->setObjectName(QStringLiteral("graphCanvas"));
    table_->setObjectName(QStringLiteral("graphNodeTable"));
    table_->setModel(model_);
    ItemViews::setupTable(table_);
    table_->setColumnWidth(GraphNodeModel::Name, 90);
    table_->setColumnWidth(GraphNodeModel::Op, 100);
    table_->setColumnWidth(GraphNodeModel::Target, 170);
    table_->setColumnWidth(GraphNodeModel::Shape, 110);
    table_->setColumnWidth(GraphNodeModel::Dtype, 70);
    table_->setColumnWidth(GraphNodeModel::Line, 45);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(canvas_);
    split->addWidget(table_);
    split->setSizes({1300, 700}); // proportions: the picture first
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(heading_);
    layout->addWidget(split, 1);
    canvas_->clearGraph(tr("Select a cache entry to see its graph."));

    connect(selection_, &Selection::sessionChanged, this, &GraphView::onEntry);
    connect(selection_, &Selection::entryChanged, this, &GraphView::onEntry);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        if (syncing_ || !idx.isValid()) return;
        syncing_ = true;
        canvas_->selectId(idx.data(IdRole).toString());
        syncing_ = false;
    });
    connect(canvas_, &GraphCanvas::nodeSelected, this, [this](const QString& id) {
        if (syncing_) return;
        syncing_ = true;
        ItemViews::selectId(table_, id);
        syncing_ = false;
    });
    auto goToLine = [this](const QModelIndex& idx) {
        if (int line = idx.data(LineRole).toInt(); line > 0) selection_->activateLine(line);
    };
    connect(table_, &QTableView::doubleClicked, this, goToLine);
    connect(canvas_, &GraphCanvas::nodeActivated, this, [this, goToLine](const QString& id) { goToLine(model_->findId(id)); });
    connect(layouts_, &LayoutService::layoutReady, this, [this](const QString& kind, quint64 gen, LayoutResultPtr result, double) {
        if (kind == QLatin1String(kLayoutKind) && gen == pendingLayout_) canvas_->setGraph(styles(), *result);
    });
}

std::vector<GraphNodeStyle> GraphView::styles() const {
    std::vector<GraphNodeStyle> out;
    const auto& d = selection_->data();
    if (!d || model_->entry() < 0) return out;
    for (const auto& n : d->session().compiles[size_t(model_->entry())].graph) {
        GraphNodeStyle s;
        s.id = GraphNodeModel::nodeId(model_->entry(), n.id);
        s.lines << QString::fromStdString(n.name);
        if (n.op != "placeholder" && n.op != "output") s.lines << QString::fromStdString(n.target.empty() ? n.op : n.target);
        if (!n.shape.empty()) s.lines << QString::fromStdString(n.shape + (n.dtype.empty() ? "" : " " + n.dtype));
        const bool io = n.op == "placeholder" || n.op == "output";
        s.fill = io ? (Theme::dark() ? QColor(0x1f, 0x33, 0x4d) : QColor(0xe3, 0xee, 0xfb)) : Theme::nodeFill();
        s.border = io ? Theme::kindColor(session::CallKind::Compile) : Theme::edgeColor();
        s.text = Theme::nodeText();
        s.toolTip = QStringLiteral("%1 %2 %3").arg(QString::fromStdString(n.op), QString::fromStdString(n.target), QString::fromStdString(n.shape));
        out.push_back(std::move(s));
    }
    return out;
}

void GraphView::onEntry() {
    const auto& d = selection_->data();
    const int entry = selection_->entry();
    if (d && entry == model_->entry() && model_->rowCount() > 0 && canvas_->hasGraph()) return; // same graph
    model_->setState(d, entry);
    if (!d || entry < 0) {
        heading_->setText(tr("No cache entry selected."));
        pendingLayout_ = 0;
        canvas_->clearGraph(tr("Select a cache entry to see its graph."));
        return;
    }
    const auto& c = d->session().compiles[size_t(entry)];
    heading_->setText(tr("Graph of <b>%1</b>: %2 nodes, %3 ops%4")
                          .arg(QString::fromStdString(d->entryLabel(entry)).toHtmlEscaped())
                          .arg(c.graph.size())
                          .arg(c.opCount)
                          .arg(c.symbols.empty() ? QString() : tr(", symbols %1").arg(QString::fromStdString([&] {
                              std::string s;
                              for (const auto& sym : c.symbols) s += (s.empty() ? "" : ", ") + sym;
                              return s;
                          }()))));
    if (c.graph.empty()) {
        pendingLayout_ = 0;
        canvas_->clearGraph(c.status == session::EntryStatus::Ok ? tr("This entry recorded no graph nodes.") : tr("This compile produced no graph (%1).").arg(QString::fromStdString(std::string(session::toString(c.status)))));
        return;
    }
    std::unordered_map<std::string, int> byName;
    for (const auto& n : c.graph) byName.emplace(n.name, n.id);
    std::vector<std::pair<QString, QString>> edges;
    for (const auto& n : c.graph)
        for (const auto& a : n.args)
            if (auto it = byName.find(a); it != byName.end() && it->second != n.id)
                edges.emplace_back(GraphNodeModel::nodeId(entry, it->second), GraphNodeModel::nodeId(entry, n.id));
    canvas_->clearGraph(tr("Laying out…"));
    pendingLayout_ = layouts_->request(QLatin1String(kLayoutKind), canvas_->makeRequest(styles(), edges));
}

} // namespace gs::ui
