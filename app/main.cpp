// SPDX-License-Identifier: MPL-2.0
#include "app/CommandLine.h"
#include "core/app/DirectoryService.h"
#include "core/app/NetworkServices.h"
#include "core/app/OperatorCommands.h"
#include "core/app/SignalWatcher.h"
#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/xmlcurl/FreeSwitchConfigPrinter.h"
#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QCoreApplication>
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
    Status admin;
    service.runOnServiceThread([&]() {
        admin = OperatorCommands::ensureInitialAdmin(*service.authenticator(), true, err);
    });
    if (!admin) {
        err << "fsdirector: cannot create the first operator: " << admin.error().detail << Qt::endl;
        return 3;
    }
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&](int number) {
        err << "fsdirector: received signal " << number << ", closing the database." << Qt::endl;
        app.quit();
    });
    NetworkServices servers(service);
    if (Status started = servers.start(settings); !started) {
        err << "fsdirector: " << started.error().detail << Qt::endl;
        return 3;
    }
    err << "fsdirector: serving the directory in " << service.location() << Qt::endl;
    for (const QString &line : servers.describe())
        err << "fsdirector: " << line << Qt::endl;
    const int code = app.exec();
    servers.stop();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("fsdirector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FSD_VERSION));
    QCoreApplication app(argc, argv);

    CommandLine commandLine;
    commandLine.process(app.arguments());
    QTextStream out(stdout);
    QTextStream err(stderr);

    const CommandLine::Mode mode = commandLine.mode();
    if (mode == CommandLine::Mode::Gui) {
        err << "fsdirector: the desktop window is not built yet; run with --headless." << Qt::endl;
        return 1;
    }

    const AppSettings settings = commandLine.settings();
    if (commandLine.isSet(commandLine.printFreeSwitchConfig))
        return printFreeSwitchSettings(settings, out, err);

    DirectoryService::Options serviceOptions;
    serviceOptions.database.path = settings.databasePath;
    serviceOptions.authentication.tokenLifetimeSeconds = qint64(settings.tokenLifetimeHours) * 3600;
    serviceOptions.threaded = mode != CommandLine::Mode::Command;
    auto service = DirectoryService::start(serviceOptions);
    if (!service) {
        const ApiError &error = service.error();
        err << "fsdirector: " << (error.detail.isEmpty() ? error.error : error.detail) << Qt::endl;
        return 3;
    }

    const int code = mode == CommandLine::Mode::Command
        ? runCommand(commandLine, **service, out, err)
        : runHeadless(app, **service, settings, err);
    service->reset();
    return code;
}
