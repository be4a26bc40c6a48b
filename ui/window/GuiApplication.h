#pragma once
// The `guardscope` program: command line, application set-up (C numeric locale, settings,
// palette), the main window, and the --screenshot and --bench-startup modes. app/gui/main.cpp
// only calls run().
namespace gs::ui {

class GuiApplication {
public:
    // Returns the process exit code.
    static int run(int argc, char** argv);
};

} // namespace gs::ui
