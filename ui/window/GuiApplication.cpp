#include "ui/window/GuiApplication.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <clocale>
#include <cstdio>

#include "core/buildinfo/BuildInfo.h"
#include "ui/services/DataBackend.h"
#include "ui/window/DesktopRecentFiles.h"
#include "ui/window/MainWindow.h"
#include "ui/window/TraceSources.h"
#include "ui/window/Screenshotter.h"

namespace gs::ui {

int GuiApplication::run(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    QApplication::setOrganizationName(QStringLiteral("Guardscope"));
    QApplication::setApplicationName(QStringLiteral("guardscope"));
    // `guardscope --version` prints "guardscope <version> (git <revision>)", like guardscope-cli.
    QApplication::setApplicationVersion(QStringLiteral("%1 (git %2)")
                                            .arg(QString::fromLatin1(buildinfo::version()), QString::fromLatin1(buildinfo::revision())));
    QApplication app(argc, argv);
    // Ties the windows to packaging/io.guardscope.Guardscope.desktop (icon and name in the task
    // switcher, especially on Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.guardscope.Guardscope"));
    // QApplication set LC_ALL from the environment; our number formatting needs '.' (TOOLCHAIN.md).
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/guardscope/icon.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Guardscope: why did torch.compile recompile?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("source"),
                                 QStringLiteral("A scenario (.py), a stored session id, a TORCH_TRACE log, or a folder of rank logs."),
                                 QStringLiteral("[FILE.py | session-id | trace.log | DIR]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Write a PNG of each main view for the source into DIR, then exit."),
                                  QStringLiteral("DIR"));
    QCommandLineOption benchStartup(QStringLiteral("bench-startup"),
                                    QStringLiteral("Print the time from start to the first paint of the loaded source, then exit."));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The session history database (default: the user's)."), QStringLiteral("PATH"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    QCommandLineOption sourceRoot(QStringLiteral("source-root"),
                                  QStringLiteral("A folder to find a recorded run's source files under (may be given several times)."),
                                  QStringLiteral("DIR"));
    parser.addOptions({screenshot, benchStartup, db, dark, sourceRoot});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const bool automated = parser.isSet(screenshot) || parser.isSet(benchStartup);
    if (automated && args.isEmpty()) {
        std::fprintf(stderr, "guardscope: --%s needs a FILE.py, session id or trace.log\n",
                     parser.isSet(screenshot) ? "screenshot" : "bench-startup");
        return 2;
    }

    // Automated runs must not read or change the user's window layout or history.
    QTemporaryDir scratch;
    QString dbPath = parser.value(db);
    if (automated) {
        DesktopRecentFiles::setEnabled(false);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
        if (dbPath.isEmpty() && !args.isEmpty() && !args.front().toLongLong()) dbPath = scratch.filePath(QStringLiteral("sessions.db"));
    }
    MainWindow window(makeCoreBackend(dbPath));
    if (parser.isSet(dark)) window.setDark(true);
    window.traceSources()->setRoots(parser.values(sourceRoot));
    window.setPaintClock(std::chrono::duration_cast<std::chrono::nanoseconds>(started.time_since_epoch()).count());

    int exitCode = 0;
    if (parser.isSet(screenshot)) {
        window.resize(1440, 900);
        auto* shots = new Screenshotter(&window, parser.value(screenshot));
        QObject::connect(shots, &Screenshotter::finished, &app, [&](int code, const QString& message) {
            std::fprintf(code ? stderr : stdout, "%s\n", qPrintable(message));
            for (const auto& p : shots->written()) std::fprintf(stdout, "  %s\n", qPrintable(p));
            exitCode = code;
            QApplication::exit(code);
        });
        shots->start();
    }
    if (parser.isSet(benchStartup)) {
        QObject::connect(&window, &MainWindow::sessionPainted, &app, [&](double ms) {
            std::printf("start_to_first_paint_ms %.1f\n", ms);
            std::fflush(stdout);
            QApplication::exit(0);
        });
        QObject::connect(window.sessions(), &SessionService::loadFailed, &app, [&](quint64, const LoadInfo& info) {
            std::fprintf(stderr, "guardscope: %s\n", qPrintable(info.error));
            exitCode = 1;
            QApplication::exit(1);
        });
    }
    window.show();
    if (!args.isEmpty()) {
        if (!window.openPath(args.front())) {
            if (automated) {
                std::fprintf(stderr, "guardscope: %s\n", qPrintable(window.lastMessage()));
                return 1;
            }
        }
    } else {
        window.openStartup();
    }
    const int rc = app.exec();
    return exitCode ? exitCode : rc;
}

} // namespace gs::ui
