#pragma once
// The teaching scenarios in resources/demos/, read at run time: each demo's leading comment
// block is its one-paragraph explanation (issue 5 "Demo gallery").
#include <QString>
#include <QStringList>

#include <vector>

namespace gs::ui {

struct Demo {
    QString path;
    QString title;        // from the file name: "automatic_dynamic.py" -> "Automatic dynamic"
    QString explanation;  // the leading '#' comment block, as one paragraph
};

class DemoCatalog {
public:
    // The first existing folder of: $GUARDSCOPE_DEMOS, <source>/resources/demos (development
    // builds), <exe>/../share/guardscope/demos (installed).
    static QString defaultFolder();
    static std::vector<Demo> scan(const QString& folder);
    static Demo parse(const QString& path, const QString& text);
};

} // namespace gs::ui
