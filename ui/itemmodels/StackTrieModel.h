#pragma once
// The stack trie of the session (issue 11 item 1): every compile's user stack merged into one
// tree of frames (session::StackTrie), with the compiles that start at each frame.
#include <vector>

#include "core/session/SessionIndex.h"
#include "core/session/StackTrie.h"
#include "ui/itemmodels/NodeModel.h"

namespace gs::ui {

class StackTrieModel : public NodeModel {
    Q_OBJECT
public:
    enum Column { Frame, Code, Compiles, ColumnCount };
    explicit StackTrieModel(QObject* parent = nullptr);
    void setSession(session::SessionIndexPtr data);

    const std::vector<session::StackTrieNode>& nodes() const { return nodes_; }
    // The node compile `entry` hangs on (invalid when it has no stack).
    QModelIndex indexOfEntry(int entry) const;
    // The compiles at or below a node, in compile order.
    std::vector<int> compilesAt(const QModelIndex& index) const;

protected:
    int columns() const override { return ColumnCount; }
    QVariant header(int column, int role) const override;
    QVariant cell(int node, int column, int role) const override;

private:
    session::SessionIndexPtr data_;
    std::vector<session::StackTrieNode> nodes_;
};

} // namespace gs::ui
