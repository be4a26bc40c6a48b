// guardscope: the desktop inspector (issue 5). Everything lives in gs_ui; this stays thin.
#include <QtGlobal>

#include "ui/window/GuiApplication.h"

int main(int argc, char** argv) {
    Q_INIT_RESOURCE(guardscope); // resources/guardscope.qrc lives in the static gs_ui library
    return gs::ui::GuiApplication::run(argc, argv);
}
