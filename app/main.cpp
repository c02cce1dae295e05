// SPDX-License-Identifier: MPL-2.0
#include "app/CommandLine.h"
#include "core/app/DirectoryService.h"
#include "core/app/LiveStateService.h"
#include "core/app/NetworkServices.h"
#include "core/app/OperatorCommands.h"
#include "core/app/SignalWatcher.h"
#include "core/app/XmlCommands.h"
#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/events/LocalEventChannel.h"
#include "core/net/ApiServerConfig.h"
#include "ui/LocalServerStatus.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "core/xmlcurl/FreeSwitchConfigPrinter.h"
#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace fsd;

namespace {

int runEvent(Dispatcher &dispatcher, const QString &argument, QTextStream &out, QTextStream &err)
{
    QByteArray body;
    if (argument == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "fsdirector: cannot read standard input." << Qt::endl;
            return 2;
        }
        body = input.readAll();
    } else {
        body = argument.toUtf8();
    }
    RequestContext context;
    context.local = true;
    const DispatchOutcome outcome = dispatcher.dispatchBytes(body, context);
    out << QString::fromUtf8(QJsonDocument(outcome.reply).toJson(QJsonDocument::Indented));
    out.flush();
    return outcome.isError() ? 1 : 0;
}

// The live registration state, or null when the Event Socket is not configured or the
// settings turn it off.
std::unique_ptr<LiveStateService> startLiveState(DirectoryService &service,
                                                 const AppSettings &settings, QTextStream &err)
{
    if (!settings.eventSocketConfigured || !settings.liveState) {
        err << "fsdirector: not following FreeSWITCH registrations ("
            << (settings.liveState ? "no event_socket/host in the settings and no --event-socket"
                                   : "turned off by event_socket/live_state or --no-live-state")
            << ")." << Qt::endl;
        return nullptr;
    }
    freeswitch::EventSocketSettings eventSocket;
    eventSocket.host = settings.eventSocketHost;
    eventSocket.port = quint16(settings.eventSocketPort);
    eventSocket.password = settings.eventSocketPassword;
    auto liveState = std::make_unique<LiveStateService>(service, eventSocket);
    liveState->start();
    err << "fsdirector: following FreeSWITCH registrations on the Event Socket at "
        << settings.eventSocketHost << ':' << settings.eventSocketPort << Qt::endl;
    return liveState;
}

// Prints the mod_xml_curl binding for the current settings; it needs no database.
int printFreeSwitchSettings(const AppSettings &settings, QTextStream &out, QTextStream &err)
{
    XmlCurlServerConfig config;
    QString error;
    if (!config.setListenAddress(settings.xmlCurlListen, &error)) {
        err << "fsdirector: " << error << Qt::endl;
        return 2;
    }
    config.tlsCertificateFile = settings.tlsCertificate;
    config.tlsKeyFile = settings.tlsKey;
    config.user = settings.xmlCurlUser;
    config.password = settings.xmlCurlPassword;
    out << printFreeSwitchConfig(config);
    out.flush();
    return 0;
}

int runCommand(CommandLine &commandLine, DirectoryService &service, QTextStream &out,
               QTextStream &err)
{
    QTextStream in(stdin);
    Authenticator &authenticator = *service.authenticator();
    if (commandLine.isSet(commandLine.importXml)) {
        XmlCommands::ImportArguments arguments;
        arguments.path = commandLine.value(commandLine.importXml);
        arguments.sets = commandLine.parser().values(commandLine.set);
        arguments.dryRun = commandLine.isSet(commandLine.dryRun);
        if (commandLine.isSet(commandLine.varsFromFreeSwitch)) {
            const AppSettings settings = commandLine.settings();
            freeswitch::EventSocketSettings eventSocket;
            eventSocket.host = settings.eventSocketHost;
            eventSocket.port = quint16(settings.eventSocketPort);
            eventSocket.password = settings.eventSocketPassword;
            arguments.runtimeVariablesFrom = eventSocket;
        }
        return XmlCommands::importXml(*service.database(), arguments, out, err);
    }
    if (commandLine.isSet(commandLine.exportXml)) {
        return XmlCommands::exportXml(*service.database(), commandLine.value(commandLine.exportXml),
                                      commandLine.value(commandLine.exportMode), out, err);
    }
    if (commandLine.isSet(commandLine.dumpDirectory))
        return XmlCommands::dumpDirectory(*service.database(), out, err);
    if (commandLine.isSet(commandLine.event))
        return runEvent(*service.dispatcher(), commandLine.value(commandLine.event), out, err);
    if (commandLine.isSet(commandLine.addOperator)) {
        return OperatorCommands::add(authenticator, commandLine.value(commandLine.addOperator),
                                     commandLine.value(commandLine.role), in, out, err);
    }
    if (commandLine.isSet(commandLine.passwd)) {
        return OperatorCommands::changePassword(authenticator, commandLine.value(commandLine.passwd),
                                                in, out, err);
    }
    if (commandLine.isSet(commandLine.removeOperator)) {
        return OperatorCommands::remove(authenticator, commandLine.value(commandLine.removeOperator),
                                        out, err);
    }
    return OperatorCommands::list(authenticator, out, err);
}

int runHeadless(QCoreApplication &app, DirectoryService &service, const AppSettings &settings,
                QTextStream &err)
{
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&](int number) {
        err << "fsdirector: received signal " << number << ", closing the database." << Qt::endl;
        app.quit();
    });
    // The listeners start first, so that a start that fails on a busy port or an unreadable
    // certificate has not yet created the first operator and printed its one-time password.
    NetworkServices servers(service);
    if (Status started = servers.start(settings); !started) {
        err << "fsdirector: " << started.error().detail << Qt::endl;
        return 4;
    }
    Status admin;
    service.runOnServiceThread([&]() {
        admin = OperatorCommands::ensureInitialAdmin(*service.authenticator(), true, err);
    });
    if (!admin) {
        err << "fsdirector: cannot create the first operator: " << admin.error().detail << Qt::endl;
        return 3;
    }
    err << "fsdirector: serving the directory in " << service.location() << Qt::endl;
    for (const QString &line : servers.describe())
        err << "fsdirector: " << line << Qt::endl;
    std::unique_ptr<LiveStateService> liveState = startLiveState(service, settings, err);
    const int code = app.exec();
    liveState.reset();
    servers.stop();
    return code;
}

// Runs the desktop window on the local database, with the API and mod_xml_curl servers beside it.
int runGui(QApplication &app, DirectoryService &service, const AppSettings &settings,
           const QString &settingsFile, QTextStream &err)
{
    ui::installTranslations(app);
    // Installed first, so that a signal during start-up is handled too. It ends the process
    // without the window's quit confirmation: exit() skips the close events that
    // QGuiApplication::quit() sends first.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&](int number) {
        err << "fsdirector: received signal " << number << ", closing the database." << Qt::endl;
        QCoreApplication::exit(0);
    });
    Status admin;
    service.runOnServiceThread([&]() {
        admin = OperatorCommands::ensureInitialAdmin(*service.authenticator(), false, err);
    });
    if (!admin)
        err << "fsdirector: cannot create the first operator: " << admin.error().detail << Qt::endl;

    NetworkServices servers(service);
    QString serverError;
    if (Status started = servers.start(settings); !started) {
        serverError = started.error().detail;
        err << "fsdirector: " << serverError << Qt::endl;
    }

    LocalEventChannel channel(service.queue(), service.location());
    ui::MainWindow window(&channel);
    window.setSettingsFile(settingsFile);
    window.setLocalServerStatus(
        ui::LocalServerStatus::of(serverError.isEmpty() ? &servers : nullptr, serverError));
    std::unique_ptr<LiveStateService> liveState = startLiveState(service, settings, err);
    window.show();
    const int code = app.exec();
    liveState.reset();
    servers.stop();
    return code;
}

// Reads the mode before the application object exists, because the window needs a
// QApplication and the other modes must run without a display.
CommandLine::Mode modeOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine probe;
    // A command line with an unknown option only prints an error, which needs no display.
    if (!probe.parser().parse(arguments))
        return CommandLine::Mode::Command;
    // --help and --version print and exit, so they need no display either.
    for (const QString &option : {QStringLiteral("help"), QStringLiteral("help-all"), QStringLiteral("version")}) {
        if (probe.parser().isSet(option))
            return CommandLine::Mode::Command;
    }
    return probe.mode();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("fsdirector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FSD_VERSION));
    const CommandLine::Mode mode = modeOf(argc, argv);
    std::unique_ptr<QCoreApplication> application;
    if (mode == CommandLine::Mode::Gui && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fprintf(stderr, "fsdirector: no display to open the window on (DISPLAY is not set); "
                             "run with --headless to serve the directory without a window.\n");
        return 1;
    }
    if (mode == CommandLine::Mode::Gui) {
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        // Without a window nothing needs GLib's main loop, and Qt's own poll() loop costs fewer
        // instructions per socket event: one WebSocket client's user details ran about 10 %
        // faster against fsdirector --headless (bench_api_websocket --fsdirector). Every
        // thread started later reads the same variable.
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;

    CommandLine commandLine;
    commandLine.process(app.arguments());
    QTextStream out(stdout);
    QTextStream err(stderr);

    const AppSettings settings = commandLine.settings();
    if (!settings.errors.isEmpty()) {
        for (const QString &error : settings.errors)
            err << "fsdirector: " << error << Qt::endl;
        if (mode == CommandLine::Mode::Gui) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "fsdirector"),
                                  settings.errors.join(QLatin1Char('\n')));
        }
        return 2;
    }
    // Listen addresses are checked before the database is opened or created.
    QString listenError;
    ApiServerConfig apiAddress;
    XmlCurlServerConfig xmlCurlAddress;
    if (!apiAddress.setListenAddress(settings.apiListen, &listenError)
        || !xmlCurlAddress.setListenAddress(settings.xmlCurlListen, &listenError)) {
        err << "fsdirector: " << listenError << Qt::endl;
        return 2;
    }
    // Options that only modify another one are rejected without it, instead of being ignored.
    const std::pair<const QCommandLineOption *, const QCommandLineOption *> modifiers[] = {
        {&commandLine.set, &commandLine.importXml},
        {&commandLine.dryRun, &commandLine.importXml},
        {&commandLine.varsFromFreeSwitch, &commandLine.importXml},
        {&commandLine.exportMode, &commandLine.exportXml},
        {&commandLine.role, &commandLine.addOperator},
    };
    for (const auto &[modifier, main] : modifiers) {
        if (commandLine.isSet(*modifier) && !commandLine.isSet(*main)) {
            err << "fsdirector: --" << modifier->names().constFirst() << " works only with --"
                << main->names().constFirst() << "." << Qt::endl;
            return 2;
        }
    }
    if (commandLine.isSet(commandLine.addOperator) && !commandLine.isSet(commandLine.role)) {
        err << "fsdirector: --add-operator needs --role admin, --role operator or --role viewer."
            << Qt::endl;
        return 2;
    }
    if (commandLine.isSet(commandLine.printFreeSwitchConfig))
        return printFreeSwitchSettings(settings, out, err);

    auto database = settings.databaseOptions();
    if (!database) {
        err << "fsdirector: " << database.error().detail << Qt::endl;
        return 2;
    }
    DirectoryService::Options serviceOptions;
    serviceOptions.database = *database;
    serviceOptions.authentication.tokenLifetimeSeconds = qint64(settings.tokenLifetimeHours) * 3600;
    serviceOptions.threaded = mode != CommandLine::Mode::Command;
    serviceOptions.eventSocketHost = settings.eventSocketHost;
    serviceOptions.eventSocketPort = quint16(settings.eventSocketPort);
    serviceOptions.eventSocketPassword = settings.eventSocketPassword;
    // NOTE: only SQLite files are checked. On PostgreSQL a mistyped schema is still created
    // like a new one.
    if (commandLine.needsExistingDatabase() && database->backend == SqlDialect::Backend::SQLite
        && !QFile::exists(database->path)) {
        err << "fsdirector: The database " << database->path << " does not exist. Check "
            << "--database or database/path in " << commandLine.settingsFile() << "." << Qt::endl;
        return 3;
    }
    auto service = DirectoryService::start(serviceOptions);
    if (!service) {
        const ApiError &error = service.error();
        const QString message = error.detail.isEmpty() ? error.error : error.detail;
        err << "fsdirector: " << message << Qt::endl;
        if (mode == CommandLine::Mode::Gui) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "fsdirector"),
                                  QCoreApplication::translate("main", "Cannot open the directory: %1")
                                      .arg(message));
        }
        return 3;
    }

    int code = 0;
    switch (mode) {
    case CommandLine::Mode::Command:
        code = runCommand(commandLine, **service, out, err);
        break;
    case CommandLine::Mode::Headless:
        code = runHeadless(app, **service, settings, err);
        break;
    case CommandLine::Mode::Gui:
        code = runGui(static_cast<QApplication &>(app), **service, settings,
                      commandLine.settingsFile(), err);
        break;
    }
    service->reset();
    return code;
}
