// SPDX-License-Identifier: MPL-2.0
// Measures one WebSocket client sending "[Users] Get_user_details" back to back (one request
// in flight), all on loopback. Prints replies per second. The directory is either filled
// through the API (--users users in one domain, each with one parameter, always asking for the
// first user) or, with --database, the file that bench/directory seeds (random users, each with
// 5 parameters and 10 variables). The environment variable BENCH_EVENT replaces the event,
// e.g. with an unknown one to measure the transport without handler work.
//
// By default client, server and dispatcher share this process, and the server runs quick
// reads on its own thread as fsdirector does (--no-quick-reads queues them all). With
// --fsdirector, the benchmark starts that executable with --headless on the --database
// instead and measures it as a separate process, as a remote client sees it.
#include "bench/api/HeadlessFsdirector.h"
#include "core/app/DirectoryService.h"
#include "core/auth/Authenticator.h"
#include "core/events/QuickReads.h"
#include "core/net/ApiServer.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QWebSocket>

#include <cstdio>
#include <functional>

using namespace fsd;

namespace {

// Sends `request` on `socket` and runs the event loop until the reply arrives.
QJsonObject call(QWebSocket &socket, const QJsonObject &request)
{
    QJsonObject reply;
    QEventLoop loop;
    const auto connection = QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop,
                                             [&](const QString &text) {
                                                 reply = QJsonDocument::fromJson(text.toUtf8()).object();
                                                 if (!reply.value(QStringLiteral("push")).toBool())
                                                     loop.quit();
                                             });
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    loop.exec();
    QObject::disconnect(connection);
    return reply;
}

QJsonObject request(const QString &event, QJsonObject data, const QString &token)
{
    data.insert(QStringLiteral("token"), token);
    return {{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Users in the directory."),
                                   QStringLiteral("count"), QStringLiteral("100000"));
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Length of the measurement in seconds."),
                                     QStringLiteral("seconds"), QStringLiteral("10"));
    QCommandLineOption sameThreadOption(QStringLiteral("same-thread"),
                                        QStringLiteral("Run the dispatcher on the server's thread."));
    QCommandLineOption databaseOption(QStringLiteral("database"),
                                      QStringLiteral("Use this SQLite file, seeded by fsd_bench_directory, instead of "
                                                     "filling a new one; requests ask for random users."),
                                      QStringLiteral("path"));
    QCommandLineOption noQuickReadsOption(QStringLiteral("no-quick-reads"),
                                          QStringLiteral("Queue every request to the dispatcher's thread."));
    QCommandLineOption fsdirectorOption(QStringLiteral("fsdirector"),
                                        QStringLiteral("Start this fsdirector executable with --headless on --database and "
                                                       "measure it as a separate process."),
                                        QStringLiteral("path"));
    QCommandLineOption portOption(QStringLiteral("port"),
                                  QStringLiteral("API port of the started fsdirector on 127.0.0.1 (default 18293)."),
                                  QStringLiteral("port"), QStringLiteral("18293"));
    parser.addOptions({usersOption, secondsOption, sameThreadOption, databaseOption, noQuickReadsOption,
                       fsdirectorOption, portOption});
    parser.addHelpOption();
    parser.process(app);
    const int users = parser.value(usersOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    QTextStream out(stdout);

    QTemporaryDir folder;
    const bool seeded = parser.isSet(databaseOption);
    const bool external = parser.isSet(fsdirectorOption);
    if (external && !seeded) {
        out << "--fsdirector needs --database" << Qt::endl;
        return 2;
    }
    DirectoryService::Options options;
    options.database.path = seeded ? parser.value(databaseOption) : folder.filePath(QStringLiteral("directory.sqlite"));
    options.threaded = !parser.isSet(sameThreadOption);

    qint64 seededUsers = 0;
    std::unique_ptr<DirectoryService> service;
    std::unique_ptr<ApiServer> server;
    HeadlessFsdirector headless;
    QUrl url;
    if (external) {
        DatabaseOptions readOnly = options.database;
        readOnly.readOnly = true;
        auto database = Database::open(readOnly, QStringLiteral("bench-count"));
        if (!database) {
            out << "opening " << readOnly.path << " failed: " << database.error().detail << Qt::endl;
            return 1;
        }
        auto count = (*database)->exec(QStringLiteral("SELECT COUNT(*) FROM users"));
        if (count && count->next())
            seededUsers = count->value(0).toLongLong();
        QString error;
        if (!headless.start(parser.value(fsdirectorOption), options.database.path,
                            quint16(parser.value(portOption).toUInt()), &error)) {
            out << error << Qt::endl;
            return 1;
        }
        url = headless.webSocketUrl();
    } else {
        auto started = DirectoryService::start(options);
        if (!started) {
            out << "starting the directory failed: " << started.error().detail << Qt::endl;
            return 1;
        }
        service = std::move(*started);
        service->runOnServiceThread([&]() {
            service->authenticator()->setPasswordIterations(1000);
            // Fails harmlessly when an earlier run on the same database added the operator.
            (void)service->authenticator()->addOperator(QStringLiteral("bench-load"), Role::Admin,
                                                        QStringLiteral("bench-password"));
            QSqlQuery count(service->database()->connection());
            if (count.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && count.next())
                seededUsers = count.value(0).toLongLong();
        });
        server = std::make_unique<ApiServer>(*service->queue());
        if (!parser.isSet(noQuickReadsOption)) {
            auto reads = QuickReads::open(service->database()->options(), *service->authenticator());
            if (!reads) {
                out << "opening the quick reads failed: " << reads.error().detail << Qt::endl;
                return 1;
            }
            server->setQuickReads(std::move(*reads));
        }
        ApiServerConfig config;
        config.port = 0;
        if (!server->start(config)) {
            out << server->errorString() << Qt::endl;
            return 1;
        }
        url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port()));
    }

    QWebSocket socket;
    socket.open(url);
    if (!waitForConnected(socket, 10'000)) {
        out << "cannot connect to " << url.toString() << Qt::endl;
        return 1;
    }

    const QString token = call(socket, {{QStringLiteral("event"), QStringLiteral("login")},
                                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("login"), QStringLiteral("bench-load")},
                                                                             {QStringLiteral("password"), QStringLiteral("bench-password")}}}})
                              .value(QStringLiteral("token")).toString();
    qint64 userId = 0;
    if (seeded) {
        out << "using " << options.database.path << " with " << seededUsers << " users" << Qt::endl;
    } else {
        const QJsonObject domain = call(socket, request(QStringLiteral("[Domains][Add] Domain"),
                                                        {{QStringLiteral("name"), QStringLiteral("bench.example")}}, token));
        const qint64 domainId = domain.value(QStringLiteral("domains")).toObject().keys().value(0).toLongLong();

        QElapsedTimer filling;
        filling.start();
        for (int first = 0; first < users; first += 100) {
            const QJsonObject added = call(socket, request(QStringLiteral("[Users] Add_new_user"),
                                                           {{QStringLiteral("id"), domainId},
                                                            {QStringLiteral("name"), QString::number(100000 + first)},
                                                            {QStringLiteral("bulk"), qMin(100, users - first)}},
                                                           token));
            if (added.contains(QStringLiteral("error"))) {
                out << "adding users failed: " << QJsonDocument(added).toJson(QJsonDocument::Compact) << Qt::endl;
                return 1;
            }
            if (userId == 0) {
                const QJsonObject byDomain = added.value(QStringLiteral("directory_users")).toObject();
                userId = byDomain.begin()->toObject().keys().value(0).toLongLong();
            }
        }
        out << "filled " << users << " users in " << filling.elapsed() / 1000.0 << " s" << Qt::endl;
    }

    const QString event = qEnvironmentVariable("BENCH_EVENT", QStringLiteral("[Users] Get_user_details"));
    out << "measuring " << event << " for " << seconds << " s" << Qt::endl;
    // The request text with the user id left open; random ids need a new text per request.
    const QString pattern = QString::fromUtf8(QJsonDocument(request(event, {{QStringLiteral("id"), 999999999}}, token))
                                                  .toJson(QJsonDocument::Compact))
                                .replace(QLatin1String("999999999"), QLatin1String("%1"));
    QRandomGenerator random(42);
    const auto nextRequest = [&]() {
        const qint64 id = seeded ? qint64(random.bounded(quint64(seededUsers))) + 1 : userId;
        return pattern.arg(id);
    };
    qint64 replies = 0;
    qint64 errors = 0;
    QElapsedTimer timer;
    QEventLoop measuring;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &measuring, [&](const QString &reply) {
        ++replies;
        if (reply.contains(QLatin1String("\"error\"")))
            ++errors;
        if (timer.elapsed() >= seconds * 1000)
            measuring.quit();
        else
            socket.sendTextMessage(nextRequest());
    });
    timer.start();
    const double cpuStart = ownCpuSeconds();
    const double serverCpuStart = headless.cpuSeconds();
    socket.sendTextMessage(nextRequest());
    measuring.exec();
    const double elapsed = timer.elapsed() / 1000.0;
    const double cpu = ownCpuSeconds() - cpuStart;
    out << event << " back to back: " << replies << " replies, " << errors << " errors in " << elapsed
        << " s = " << qRound(replies / elapsed) << " replies/s, load average " << loadAverage() << Qt::endl;
    if (external) {
        const double serverCpu = headless.cpuSeconds() - serverCpuStart;
        out << "CPU per reply: server " << qRound(serverCpu * 1e6 / double(replies)) << " us, client "
            << qRound(cpu * 1e6 / double(replies)) << " us" << Qt::endl;
    } else {
        // Client, server and dispatcher all run in this process.
        out << "CPU per reply, client and server together: " << qRound(cpu * 1e6 / double(replies)) << " us"
            << Qt::endl;
    }
    return errors == 0 ? 0 : 1;
}
