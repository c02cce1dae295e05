// SPDX-License-Identifier: MPL-2.0
#include "core/app/DirectoryService.h"
#include "core/app/OperatorCommands.h"
#include "core/app/SignalWatcher.h"
#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace fsd;

namespace {

struct Options
{
    QCommandLineOption database{QStringLiteral("database"),
                                QStringLiteral("SQLite database file (default: %1).")
                                    .arg(QStringLiteral("<data folder>/directory.sqlite")),
                                QStringLiteral("path")};
    QCommandLineOption headless{QStringLiteral("headless"),
                                QStringLiteral("Run without a window until SIGINT or SIGTERM.")};
    QCommandLineOption event{QStringLiteral("event"),
                             QStringLiteral("Run one API request (JSON, or - to read it from "
                                            "standard input) as the local operator and print "
                                            "the reply."),
                             QStringLiteral("json")};
    QCommandLineOption addOperator{QStringLiteral("add-operator"),
                                   QStringLiteral("Add an operator; the password is read from "
                                                  "standard input. Needs --role."),
                                   QStringLiteral("name")};
    QCommandLineOption role{QStringLiteral("role"),
                            QStringLiteral("Role of --add-operator: admin, operator or viewer."),
                            QStringLiteral("role"), QStringLiteral("operator")};
    QCommandLineOption passwd{QStringLiteral("passwd"),
                              QStringLiteral("Change an operator's password, read from standard "
                                             "input."),
                              QStringLiteral("name")};
    QCommandLineOption removeOperator{QStringLiteral("remove-operator"),
                                      QStringLiteral("Remove an operator and end its sessions."),
                                      QStringLiteral("name")};
    QCommandLineOption listOperators{QStringLiteral("list-operators"),
                                     QStringLiteral("List operators and their roles.")};

    void addTo(QCommandLineParser &parser)
    {
        parser.addOptions({database, headless, event, addOperator, role, passwd, removeOperator,
                           listOperators});
    }
};

QString defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("directory.sqlite"));
}

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("fsdirector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FSD_VERSION));
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Administration tool for the FreeSWITCH directory."));
    parser.addHelpOption();
    parser.addVersionOption();
    Options options;
    options.addTo(parser);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);

    const bool isCommand = parser.isSet(options.event) || parser.isSet(options.addOperator)
        || parser.isSet(options.passwd) || parser.isSet(options.removeOperator)
        || parser.isSet(options.listOperators);
    if (!isCommand && !parser.isSet(options.headless)) {
        err << "fsdirector: the desktop window is not built yet; run with --headless." << Qt::endl;
        return 1;
    }

    DirectoryService::Options serviceOptions;
    serviceOptions.database.path = parser.isSet(options.database) ? parser.value(options.database)
                                                                  : defaultDatabasePath();
    serviceOptions.threaded = !isCommand;
    auto service = DirectoryService::start(serviceOptions);
    if (!service) {
        const ApiError &error = service.error();
        err << "fsdirector: " << (error.detail.isEmpty() ? error.error : error.detail) << Qt::endl;
        return 3;
    }
    Authenticator &authenticator = *(*service)->authenticator();

    if (parser.isSet(options.event))
        return runEvent(*(*service)->dispatcher(), parser.value(options.event), out, err);
    if (parser.isSet(options.addOperator)) {
        return OperatorCommands::add(authenticator, parser.value(options.addOperator),
                                     parser.value(options.role), in, out, err);
    }
    if (parser.isSet(options.passwd))
        return OperatorCommands::changePassword(authenticator, parser.value(options.passwd), in, out, err);
    if (parser.isSet(options.removeOperator))
        return OperatorCommands::remove(authenticator, parser.value(options.removeOperator), out, err);
    if (parser.isSet(options.listOperators))
        return OperatorCommands::list(authenticator, out, err);

    // Headless: serve until SIGINT or SIGTERM.
    Status admin;
    (*service)->runOnServiceThread(
        [&]() { admin = OperatorCommands::ensureInitialAdmin(authenticator, true, err); });
    if (!admin) {
        err << "fsdirector: cannot create the first operator: " << admin.error().detail << Qt::endl;
        return 3;
    }
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&](int number) {
        err << "fsdirector: received signal " << number << ", closing the database." << Qt::endl;
        app.quit();
    });
    err << "fsdirector: serving the directory in " << (*service)->location() << Qt::endl;
    const int code = app.exec();
    service->reset();
    return code;
}
