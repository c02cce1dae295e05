// SPDX-License-Identifier: MPL-2.0
// Live registration state end to end: a fake FreeSWITCH Event Socket, the application's
// LiveStateService, the dispatcher on its thread and the API server, with WebSocket clients on
// 127.0.0.1.
#include "core/app/LiveStateService.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/freeswitch/FreeSwitchEvents.h"
#include "tests/net/support/ApiTestFixture.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <memory>

using namespace fsd;
using namespace fsd::test;
using namespace std::chrono_literals;
namespace FsEvents = fsd::test::FreeSwitchEvents;

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString firstKey(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : object.begin().key();
}

// The directory, the fake FreeSWITCH with 1000@live.example in its registration listing, and
// a WebSocket client logged in as admin.
struct Setup
{
    ApiTestFixture fixture;
    FakeEventSocket freeswitch;
    std::unique_ptr<LiveStateService> liveState;
    WebSocketTestClient admin;
    QString domainId;
    // User name -> user id as text.
    QHash<QString, QString> userIds;

    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(fixture.port())); }

    bool login(WebSocketTestClient &client, const QString &name, const QString &password)
    {
        if (!client.open(url()))
            return false;
        const auto reply = client.request(
            apiRequest(QStringLiteral("login"), {{"login", name}, {"password", password}}));
        if (!reply)
            return false;
        client.token = reply->value(QLatin1String("token")).toString();
        return !client.token.isEmpty();
    }

    // Adds live.example with the users 1000, 1001 and 1002, whose number alias is 2002.
    bool addDirectory()
    {
        const auto domain = admin.request(apiRequest(QStringLiteral("[Domains][Add] Domain"),
                                                     {{"name", "live.example"}}, admin.token));
        if (!domain || domain->contains(QLatin1String("error")))
            return false;
        domainId = firstKey(domain->value(QLatin1String("domains")).toObject());
        const auto users = admin.request(apiRequest(
            QStringLiteral("[Users] Add_new_user"),
            {{"id", domainId.toLongLong()}, {"name", "1000"}, {"bulk", 3}}, admin.token));
        if (!users || users->contains(QLatin1String("error")))
            return false;
        const QJsonObject created =
            users->value(QLatin1String("directory_users")).toObject().value(domainId).toObject();
        for (auto it = created.begin(); it != created.end(); ++it)
            userIds.insert(it.value().toObject().value(QLatin1String("name")).toString(), it.key());
        const auto alias = admin.request(apiRequest(
            QStringLiteral("[Users] Update_user_number_alias"),
            {{"id", userIds.value(QStringLiteral("1002")).toLongLong()}, {"value", "2002"}},
            admin.token));
        return userIds.size() == 3 && alias && !alias->contains(QLatin1String("error"));
    }

    std::optional<QJsonObject> getUsers()
    {
        return admin.request(apiRequest(QStringLiteral("[Users] Get_users"), {}, admin.token));
    }

    QJsonObject userIn(const QJsonObject &message, const QString &name) const
    {
        return message.value(QLatin1String("directory_users"))
            .toObject()
            .value(domainId)
            .toObject()
            .value(userIds.value(name))
            .toObject();
    }

    int counterIn(const QJsonObject &message) const
    {
        return message.value(QLatin1String("domains"))
            .toObject()
            .value(domainId)
            .toObject()
            .value(QLatin1String("sip_regs_counter"))
            .toInt(-1);
    }

    // Waits for a partial Get_users push to `client` whose entry for user `name` satisfies
    // `check`, and returns that push.
    std::optional<QJsonObject> waitForUserPush(WebSocketTestClient &client, const QString &name,
                                               const std::function<bool(const QJsonObject &)> &check)
    {
        qsizetype seen = 0;
        while (true) {
            for (; seen < client.pushes().size(); ++seen) {
                const QJsonObject push = client.pushes().at(seen);
                if (push.value(QLatin1String("MessageType")).toString()
                        != QLatin1String("[Users] Get_users")
                    || !push.value(QLatin1String("partial")).toBool())
                    continue;
                const QJsonObject user = userIn(push, name);
                if (!user.isEmpty() && check(user))
                    return push;
            }
            if (!client.waitForPushes(seen + 1))
                return std::nullopt;
        }
    }

    std::optional<QJsonObject> waitForStatusPush(WebSocketTestClient &client, const QString &state)
    {
        qsizetype seen = 0;
        while (true) {
            for (; seen < client.pushes().size(); ++seen) {
                const QJsonObject push = client.pushes().at(seen);
                if (push.value(QLatin1String("MessageType")).toString()
                        == QLatin1String("[FreeSWITCH] Get_status")
                    && push.value(QLatin1String("freeswitch")).toObject().value(QLatin1String("state"))
                           == state)
                    return push;
            }
            if (!client.waitForPushes(seen + 1))
                return std::nullopt;
        }
    }

    void startLiveState()
    {
        freeswitch::EventSocketSettings settings;
        settings.port = freeswitch.port();
        liveState = std::make_unique<LiveStateService>(fixture.service(), settings);
        liveState->setRetryDelays(50ms, 200ms);
        liveState->setFlushInterval(20ms);
        liveState->start();
    }
};

std::unique_ptr<Setup> startSetup()
{
    auto setup = std::make_unique<Setup>();
    QString error;
    if (!setup->fixture.start(ApiTestFixture::loopbackConfig(), &error)) {
        qWarning("cannot start the API server: %s", qPrintable(error));
        return nullptr;
    }
    if (!setup->freeswitch.listen())
        return nullptr;
    setup->freeswitch.setApiOutput(
        "show registrations as json",
        FsEvents::registrationsListing({{"1000", "LIVE.example", "call-listed"}}));
    setup->freeswitch.setApiOutput("show channels as json", FsEvents::channelsListing({}));
    if (!setup->login(setup->admin, QStringLiteral("admin"), QStringLiteral("admin-password")))
        return nullptr;
    if (!setup->addDirectory())
        return nullptr;
    setup->startLiveState();
    return setup;
}

bool isRegistered(const QJsonObject &user)
{
    return user.value(QLatin1String("sip_register")).toBool();
}

bool isUnregistered(const QJsonObject &user)
{
    return user.value(QLatin1String("sip_register")) == QJsonValue(false);
}

} // namespace

class tst_LiveStatePush : public QObject
{
    Q_OBJECT

private slots:
    void listingFillsGetUsers()
    {
        auto setup = startSetup();
        QVERIFY(setup);
        // The listing's user counts once the first batch went out.
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isRegistered));

        const auto users = setup->getUsers();
        QVERIFY(users);
        QVERIFY2(!users->contains(QLatin1String("error")), toJson(*users).constData());
        QVERIFY(!users->contains(QLatin1String("partial")));
        const QJsonObject registered = setup->userIn(*users, QStringLiteral("1000"));
        QCOMPARE(registered.value(QLatin1String("sip_register")), QJsonValue(true));
        QCOMPARE(registered.value(QLatin1String("verto_register")), QJsonValue(false));
        QCOMPARE(registered.value(QLatin1String("in_call")), QJsonValue(false));
        const QJsonObject idle = setup->userIn(*users, QStringLiteral("1001"));
        QCOMPARE(idle.value(QLatin1String("sip_register")), QJsonValue(false));
        QCOMPARE(setup->counterIn(*users), 1);

        const auto domains = setup->admin.request(
            apiRequest(QStringLiteral("[Domains][Get] Domains"), {}, setup->admin.token));
        QVERIFY(domains);
        QCOMPARE(setup->counterIn(*domains), 1);
    }

    void eventsPushPartialUsers()
    {
        auto setup = startSetup();
        QVERIFY(setup);
        WebSocketTestClient viewer;
        QVERIFY(setup->login(viewer, QStringLiteral("viewer"), QStringLiteral("viewer-password")));
        WebSocketTestClient anonymous;
        QVERIFY(anonymous.open(setup->url()));
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isRegistered));
        QTRY_COMPARE(setup->freeswitch.subscribedConnections(), 1);

        setup->freeswitch.sendEvent(FsEvents::sofiaRegister("1001", "live.example", "call-1001"));
        const auto registered =
            setup->waitForUserPush(setup->admin, QStringLiteral("1001"), isRegistered);
        QVERIFY(registered);
        QCOMPARE(registered->value(QLatin1String("push")), QJsonValue(true));
        QCOMPARE(registered->value(QLatin1String("partial")), QJsonValue(true));
        QCOMPARE(setup->counterIn(*registered), 2);
        // Only the changed user, with every field of a Get_users user.
        const QJsonObject users = registered->value(QLatin1String("directory_users"))
                                      .toObject()
                                      .value(setup->domainId)
                                      .toObject();
        QCOMPARE(users.keys(), QStringList{setup->userIds.value(QStringLiteral("1001"))});
        const QJsonObject user = setup->userIn(*registered, QStringLiteral("1001"));
        for (const char *key : {"id", "enabled", "name", "number_alias", "cache", "cidr",
                                "call_date", "in_call", "talking", "last_uuid", "call_direction",
                                "sip_register", "verto_register"})
            QVERIFY2(user.contains(QLatin1String(key)), key);
        QVERIFY(setup->waitForUserPush(viewer, QStringLiteral("1001"), isRegistered));

        setup->freeswitch.sendEvent(FsEvents::sofiaUnregister("1001", "live.example", "call-1001"));
        const auto unregistered =
            setup->waitForUserPush(setup->admin, QStringLiteral("1001"), isUnregistered);
        QVERIFY(unregistered);
        QCOMPARE(setup->counterIn(*unregistered), 1);

        setup->freeswitch.sendEvent(FsEvents::sofiaExpire("1000", "live.example", "call-listed"));
        const auto expired =
            setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isUnregistered);
        QVERIFY(expired);
        QCOMPARE(setup->counterIn(*expired), 0);
        const auto users2 = setup->getUsers();
        QVERIFY(users2);
        QCOMPARE(setup->userIn(*users2, QStringLiteral("1000")).value(QLatin1String("sip_register")),
                 QJsonValue(false));

        // A call of 1001 shows in_call, talking and the call's fields.
        const qint64 created = 1796426415000000;
        setup->freeswitch.sendEvent(
            FsEvents::channelCreate("uuid-call", "1001@live.example", "inbound", created));
        setup->freeswitch.sendEvent(
            FsEvents::channelAnswer("uuid-call", "1001@live.example", "inbound", created));
        const auto talking = setup->waitForUserPush(
            setup->admin, QStringLiteral("1001"),
            [](const QJsonObject &u) { return u.value(QLatin1String("talking")).toBool(); });
        QVERIFY(talking);
        const QJsonObject caller = setup->userIn(*talking, QStringLiteral("1001"));
        QCOMPARE(caller.value(QLatin1String("in_call")), QJsonValue(true));
        QCOMPARE(caller.value(QLatin1String("last_uuid")), QJsonValue(QStringLiteral("uuid-call")));
        QCOMPARE(caller.value(QLatin1String("call_direction")), QJsonValue(QStringLiteral("inbound")));
        QCOMPARE(caller.value(QLatin1String("call_date")).toInteger(), created / 1000000);

        // Sockets without a login get no pushes; one would have arrived before this reply.
        QVERIFY(anonymous.sendText(QStringLiteral("{}")));
        QCOMPARE(anonymous.pushes().size(), 0);
    }

    void numberAliasCountsAsUser()
    {
        auto setup = startSetup();
        QVERIFY(setup);
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isRegistered));
        QTRY_COMPARE(setup->freeswitch.subscribedConnections(), 1);

        // The phone of user 1002 registers with its number alias, in another letter case.
        setup->freeswitch.sendEvent(FsEvents::sofiaRegister("2002", "Live.Example", "call-2002"));
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1002"), isRegistered));
        const auto users = setup->getUsers();
        QVERIFY(users);
        QCOMPARE(setup->userIn(*users, QStringLiteral("1002")).value(QLatin1String("sip_register")),
                 QJsonValue(true));
        QCOMPARE(setup->counterIn(*users), 2);
    }

    void statusEventAndPushes()
    {
        auto setup = startSetup();
        QVERIFY(setup);
        QVERIFY(setup->waitForStatusPush(setup->admin, QStringLiteral("connected")));
        const auto status = setup->admin.request(
            apiRequest(QStringLiteral("[FreeSWITCH] Get_status"), {}, setup->admin.token));
        QVERIFY(status);
        const QJsonObject freeswitch = status->value(QLatin1String("freeswitch")).toObject();
        QCOMPARE(freeswitch.value(QLatin1String("state")), QJsonValue(QStringLiteral("connected")));
        QCOMPARE(freeswitch.value(QLatin1String("address")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(setup->freeswitch.port()));

        // FreeSWITCH goes away: clients learn it, and the users' live fields return to idle.
        setup->admin.pushes().clear();
        setup->freeswitch.dropConnections();
        const auto reconnecting =
            setup->waitForStatusPush(setup->admin, QStringLiteral("reconnecting"));
        QVERIFY(reconnecting);
        QVERIFY(!reconnecting->value(QLatin1String("freeswitch"))
                     .toObject()
                     .value(QLatin1String("error"))
                     .toString()
                     .isEmpty());
        QVERIFY(setup->waitForStatusPush(setup->admin, QStringLiteral("connected")));
    }

    void stopReturnsToIdle()
    {
        auto setup = startSetup();
        QVERIFY(setup);
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isRegistered));
        setup->liveState->stop();
        QVERIFY(setup->waitForUserPush(setup->admin, QStringLiteral("1000"), isUnregistered));
        QVERIFY(setup->waitForStatusPush(setup->admin, QStringLiteral("off")));
        const auto users = setup->getUsers();
        QVERIFY(users);
        QCOMPARE(setup->counterIn(*users), 0);
        QTRY_VERIFY(setup->freeswitch.receivedCommands().contains(QStringLiteral("exit")));
    }
};

QTEST_GUILESS_MAIN(tst_LiveStatePush)
#include "tst_livestatepush.moc"
