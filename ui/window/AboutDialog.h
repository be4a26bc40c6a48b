#pragma once
// Help > About: the version and git revision, the libraries in use and the PyTorch behaviour the
// engine emulates — what a bug report needs, with a button that copies it as text.
#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

namespace gs::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    // (what, version) rows, in the order shown: Guardscope, git revision, Qt, Graphviz, SQLite,
    // simdjson, emulated PyTorch.
    static QList<QPair<QString, QString>> versions();
    // The rows as plain text, one "what: version" per line (the Copy button's text).
    static QString versionsText();
};

} // namespace gs::ui
