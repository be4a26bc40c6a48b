#include "ui/itemmodels/StackTrieModel.h"

#include <QFileInfo>

#include "ui/itemmodels/Roles.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"

namespace gs::ui {

StackTrieModel::StackTrieModel(QObject* parent) : NodeModel(parent) {}

void StackTrieModel::setSession(session::SessionIndexPtr data) {
    resetWith([&] {
        data_ = std::move(data);
        nodes_ = data_ ? session::StackTrie::build(data_->session()) : std::vector<session::StackTrieNode>{};
        std::vector<int> parents;
        parents.reserve(nodes_.size());
        for (const auto& n : nodes_) parents.push_back(n.parent);
        setTree(parents);
    });
}

QModelIndex StackTrieModel::indexOfEntry(int entry) const {
    const auto path = session::StackTrie::pathOf(nodes_, entry);
    return path.empty() ? QModelIndex() : indexOfNode(path.back());
}

std::vector<int> StackTrieModel::compilesAt(const QModelIndex& index) const { return session::StackTrie::compilesUnder(nodes_, nodeOf(index)); }

QVariant StackTrieModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Frame", "Code", "Compiles"};
    return QString::fromLatin1(names[column]);
}

QVariant StackTrieModel::cell(int node, int column, int role) const {
    const session::StackTrieNode& n = nodes_[size_t(node)];
    const auto& compiles = data_->session().compiles;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Frame:
            return QStringLiteral("%1:%2 in %3").arg(QFileInfo(qs(n.frame.file)).fileName()).arg(n.frame.line).arg(qs(n.frame.function));
        case Code: return qs(n.frame.text);
        case Compiles: {
            QStringList ids;
            for (int e : n.compiles) ids << qs(compiles[size_t(e)].compileId);
            return ids.join(QLatin1Char(' '));
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1:%2 in %3").arg(qs(n.frame.file)).arg(n.frame.line).arg(qs(n.frame.function));
    case Qt::ForegroundRole: {
        // tlparse colours a compile by its outcome; the frame takes the worst of its compiles
        if (column != Compiles || n.compiles.empty()) return {};
        for (int e : n.compiles)
            if (compiles[size_t(e)].status != session::EntryStatus::Ok) return Theme::resultColor(session::GuardResult::Failed);
        return {};
    }
    case IdRole: return QStringLiteral("stack:%1").arg(node);
    case EntryRole: return n.compiles.empty() ? QVariant() : QVariant(n.compiles.front());
    case LineRole: return n.frame.line;
    case SortRole: return cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
