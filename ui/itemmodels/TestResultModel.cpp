#include "ui/itemmodels/TestResultModel.h"

#include "ui/shared/Describe.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/Roles.h"

namespace gs::ui {

TestResultModel::TestResultModel(QObject* parent) : NodeModel(parent) {}

void TestResultModel::setSession(session::SessionIndexPtr data) {
    resetWith([&] {
        data_ = std::move(data);
        setFlat(data_ ? int(data_->session().tests.size()) : 0);
    });
}

QVariant TestResultModel::header(int column, int role) const {
    if (role != Qt::DisplayRole) return {};
    static const char* names[] = {"Status", "Class", "Test", "Line", "Message"};
    return QString::fromLatin1(names[column]);
}

QVariant TestResultModel::cell(int node, int column, int role) const {
    const auto& t = data_->session().tests[size_t(node)];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Status: return qs(std::string(session::toString(t.status)));
        case Class: return qs(t.className);
        case Test: return qs(t.name);
        case Line: return t.line > 0 ? QVariant(t.line) : QVariant();
        case Message: return Describe::firstLine(t.message);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return t.message.empty() ? QVariant() : QVariant(qs(t.message));
    case Qt::ForegroundRole:
        if (column != Status) return {};
        switch (t.status) {
        case session::TestStatus::Pass: return Theme::resultColor(session::GuardResult::Passed);
        case session::TestStatus::Skip: return Theme::resultColor(session::GuardResult::NotEvaluated);
        default: return Theme::resultColor(session::GuardResult::Failed);
        }
    case IdRole: return QStringLiteral("test:%1").arg(node);
    case LineRole: return t.line;
    case StatusRole: return qs(std::string(session::toString(t.status)));
    case SortRole: return column == Line ? QVariant(t.line) : cell(node, column, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace gs::ui
