#pragma once
// Compile artifacts (issue 11 item 2): everything the log recorded for the selected compile —
// the Dynamo graph, AOT and Inductor graphs, generated code, guards, metrics, cache lookups,
// reasons, links, chromium events — listed by kind, the selected one shown read-only with syntax
// highlighting (Python for graphs and code, JSON for JSON). The text is the log's, verbatim.
#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>

#include "core/session/Session.h"

class QLabel;
class QModelIndex;
class QsciLexer;
class QsciScintilla;
class QTreeView;

namespace gs::ui {

class ArtifactModel;
class Selection;

class ArtifactsView : public QWidget {
    Q_OBJECT
public:
    explicit ArtifactsView(Selection* selection, QWidget* parent = nullptr);
    ~ArtifactsView() override;

    // How the view gets the record of an artifact that the session in memory does not hold (a
    // stored session is loaded without them): the owner fetches it and calls showRecord().
    using Fetch = std::function<void(int64_t sessionId, int64_t seq)>;
    void setFetch(Fetch fetch) { fetch_ = std::move(fetch); }
    void showRecord(int64_t sessionId, const session::TraceRecord& record);
    void showRecordError(int64_t sessionId, int64_t seq, const QString& message);

    // Selects the first artifact with this name (tests, scripting); false if there is none.
    bool selectArtifact(const QString& name);
    QTreeView* tree() const { return tree_; }
    ArtifactModel* model() const { return model_; }
    QString text() const;             // what the viewer shows
    QString language() const;         // the highlighter's language, empty for plain text
    QString headingText() const;

private:
    void onEntry();
    void onCurrent(const QModelIndex& index);
    void show(const QString& text, const QString& format);
    std::optional<session::TraceRecord> recordInMemory(int64_t seq) const;

    Selection* selection_;
    QLabel* heading_;
    QTreeView* tree_;
    ArtifactModel* model_;
    QsciScintilla* viewer_;
    QsciLexer* python_;
    QsciLexer* json_;
    Fetch fetch_;
    int64_t waitingFor_ = -1;         // seq of the record asked for
    QString waitingFormat_;
};

} // namespace gs::ui
