// SPDX-License-Identifier: MPL-2.0
// Measures how a storm of registrations reaches API clients: N phones register at once on a
// fake FreeSWITCH Event Socket, and one WebSocket client counts the partial `[Users] Get_users`
// pushes until every user shows as registered. Everything runs on 127.0.0.1.
#include "core/app/DirectoryService.h"
#include "core/app/LiveStateService.h"
#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/net/ApiServer.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/freeswitch/FreeSwitchEvents.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>

using namespace fsd;
namespace FsEvents = fsd::test::FreeSwitchEvents;

namespace {

QJsonObject request(const QString &event, QJsonObject data)
{
    return QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
}

// Adds `count` users named 10000, 10001, ... to a new domain and returns the domain's id.
qint64 seedUsers(DirectoryService &service, int count)
{
    qint64 domainId = 0;
    service.runOnServiceThread([&]() {
        RequestContext local;
        local.local = true;
        Dispatcher &dispatcher = *service.dispatcher();
        const QJsonObject domain = dispatcher
                                       .dispatch(request(QStringLiteral("[Domains][Add] Domain"),
                                                         {{"name", "bench.example"}}),
                                                 local)
                                       .reply;
        domainId = domain.value(QLatin1String("domains")).toObject().keys().value(0).toLongLong();
        for (int first = 0; first < count; first += 100) {
            const int bulk = std::min(100, count - first);
            dispatcher.dispatch(request(QStringLiteral("[Users] Add_new_user"),
                                        {{"id", domainId},
                                         {"name", QString::number(10000 + first)},
                                         {"bulk", bulk}}),
                                local);
        }
    });
    return domainId;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption phonesOption(QStringLiteral("phones"),
                                          QStringLiteral("Number of users that register (default 10000)."),
                                          QStringLiteral("count"), QStringLiteral("10000"));
    parser.addOption(phonesOption);
    parser.addHelpOption();
    parser.process(app);
    const int phones = parser.value(phonesOption).toInt();
    QTextStream out(stdout);

    QTemporaryDir folder;
    DirectoryService::Options options;
    options.database.path = folder.filePath(QStringLiteral("directory.sqlite"));
    auto service = DirectoryService::start(options);
    if (!service) {
        out << "starting the directory failed: " << service.error().detail << Qt::endl;
        return 1;
    }
    (*service)->runOnServiceThread([&]() {
        (*service)->authenticator()->setPasswordIterations(1000);
        (void)(*service)->authenticator()->addOperator(QStringLiteral("admin"), Role::Admin,
                                                       QStringLiteral("bench-password"));
    });
    const qint64 domainId = seedUsers(**service, phones);

    test::FakeEventSocket freeswitch;
    if (!freeswitch.listen())
        return 1;
    freeswitch.setApiOutput("show registrations as json", FsEvents::registrationsListing({}));
    freeswitch.setApiOutput("show channels as json", FsEvents::channelsListing({}));

    ApiServer server(*(*service)->queue());
    ApiServerConfig config;
    config.port = 0;
    if (!server.start(config)) {
        out << server.errorString() << Qt::endl;
        return 1;
    }

    QWebSocket socket;
    QSet<QString> registered;
    qint64 pushes = 0;
    qint64 pushBytes = 0;
    QEventLoop done;
    QString token;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &done, [&](const QString &text) {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        if (message.contains(QLatin1String("token")))
            token = message.value(QLatin1String("token")).toString();
        if (!message.value(QLatin1String("partial")).toBool())
            return;
        ++pushes;
        pushBytes += text.size();
        const QJsonObject users = message.value(QLatin1String("directory_users"))
                                      .toObject()
                                      .value(QString::number(domainId))
                                      .toObject();
        for (auto it = users.begin(); it != users.end(); ++it) {
            if (it.value().toObject().value(QLatin1String("sip_register")).toBool())
                registered.insert(it.key());
        }
        if (registered.size() == phones)
            done.quit();
    });
    QEventLoop opened;
    QObject::connect(&socket, &QWebSocket::connected, &opened, &QEventLoop::quit);
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())));
    opened.exec();
    socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(request(QStringLiteral("login"),
                              {{"login", "admin"}, {"password", "bench-password"}}))
            .toJson(QJsonDocument::Compact)));

    freeswitch::EventSocketSettings settings;
    settings.port = freeswitch.port();
    LiveStateService liveState(**service, settings);
    liveState.start();
    QEventLoop subscribed;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &subscribed, [&]() {
        if (freeswitch.subscribedConnections() == 1 && !token.isEmpty())
            subscribed.quit();
    });
    poll.start(10);
    subscribed.exec();
    poll.stop();

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < phones; ++i) {
        const QByteArray user = QByteArray::number(10000 + i);
        freeswitch.sendEvent(FsEvents::sofiaRegister(user, "bench.example", "bench-" + user));
    }
    const qint64 sentMs = timer.elapsed();
    QTimer::singleShot(120'000, &done, &QEventLoop::quit);
    done.exec();
    const qint64 totalMs = timer.elapsed();

    out << "phones: " << phones << Qt::endl
        << "events written by the fake Event Socket after: " << sentMs << " ms" << Qt::endl
        << "every user registered at the client after: " << totalMs << " ms" << Qt::endl
        << "users seen registered: " << registered.size() << Qt::endl
        << "partial pushes: " << pushes << " (" << pushBytes / 1024 << " KiB)" << Qt::endl;
    liveState.stop();
    return registered.size() == phones ? 0 : 1;
}
