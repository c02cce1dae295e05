// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/LiveState.h"
#include "core/freeswitch/RegistrationMonitor.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/freeswitch/FreeSwitchEvents.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fsd;
using namespace fsd::freeswitch;
using namespace std::chrono_literals;
namespace Events = fsd::test::FreeSwitchEvents;

namespace {

const QByteArray RegistrationsCommand = "show registrations as json";
const QByteArray ChannelsCommand = "show channels as json";

// Every message logged while it exists, to check what the monitor logs.
class LogCapture
{
public:
    LogCapture() { s_messages.clear(); s_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    static const QStringList &messages() { return s_messages; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        s_messages.append(text);
        s_previous(type, context, text);
    }
    static inline QStringList s_messages;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

class tst_RegistrationMonitor : public QObject
{
    Q_OBJECT

private:
    struct Running
    {
        std::shared_ptr<LiveState> state = std::make_shared<LiveState>();
        std::unique_ptr<RegistrationMonitor> monitor;
        std::unique_ptr<QSignalSpy> changes;
        std::unique_ptr<QSignalSpy> statusChanges;
    };

    static std::unique_ptr<Running> startMonitor(quint16 port, const QString &password = {},
                                                 int timeoutMs = 10000)
    {
        auto running = std::make_unique<Running>();
        EventSocketSettings settings;
        settings.port = port;
        settings.timeoutMs = timeoutMs;
        if (!password.isEmpty())
            settings.password = password;
        running->monitor = std::make_unique<RegistrationMonitor>(running->state, settings);
        running->monitor->setRetryDelays(50ms, 200ms);
        running->monitor->setFlushInterval(20ms);
        running->changes = std::make_unique<QSignalSpy>(running->monitor.get(),
                                                        &RegistrationMonitor::usersChanged);
        running->statusChanges = std::make_unique<QSignalSpy>(running->monitor.get(),
                                                              &RegistrationMonitor::statusChanged);
        running->monitor->start();
        return running;
    }

    static void prepareListings(test::FakeEventSocket &server)
    {
        server.setApiOutput(RegistrationsCommand, Events::registrationsListing({}));
        server.setApiOutput(ChannelsCommand, Events::channelsListing({}));
    }

    static LiveUserState userState(const Running &running, const QString &user,
                                   const QString &domain)
    {
        const LiveSnapshot snapshot = running.state->snapshot();
        const LiveUserState *found = snapshot.find(user, domain);
        return found ? *found : LiveUserState();
    }

private slots:
    void listingGivesInitialState()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        server.setApiOutput(RegistrationsCommand,
                            Events::registrationsListing({{"1000", "Example.COM", "call-a"},
                                                          {"1000", "example.com", "call-b"},
                                                          {"1001", "example.com", "call-c"}}));
        server.setApiOutput(ChannelsCommand,
                            Events::channelsListing({{"uuid-1", "1001@example.com", "inbound",
                                                      1796426000, "ACTIVE"}}));
        auto running = startMonitor(server.port());

        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        QTRY_VERIFY(!running->changes->isEmpty());
        QCOMPARE(userState(*running, "1000", "example.com").sipRegistrations, 2);
        const LiveUserState talking = userState(*running, "1001", "EXAMPLE.com");
        QCOMPARE(talking.sipRegistrations, 1);
        QVERIFY(talking.inCall);
        QVERIFY(talking.talking);
        QCOMPARE(talking.lastUuid, QStringLiteral("uuid-1"));
        QCOMPARE(talking.callDirection, QStringLiteral("inbound"));
        QCOMPARE(talking.callDate, 1796426000);
        QCOMPARE(running->state->snapshot().registrations(QStringLiteral("example.com")), 3);
        QCOMPARE(running->state->status().address,
                 QStringLiteral("127.0.0.1:%1").arg(server.port()));

        const QStringList commands = server.receivedCommands();
        QVERIFY2(commands.contains(QStringLiteral(
                     "event plain CHANNEL_CREATE CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE "
                     "CHANNEL_DESTROY CUSTOM sofia::register sofia::unregister sofia::expire "
                     "verto::login verto::client_disconnect")),
                 qPrintable(commands.join(QLatin1Char('|'))));
        QVERIFY(commands.contains(QStringLiteral("api show registrations as json")));
        QVERIFY(commands.contains(QStringLiteral("api show channels as json")));
    }

    void registerEventsUpdateState()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port());
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);

        server.sendEvent(Events::sofiaRegister("1000", "example.com", "call-1"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 1);
        QCOMPARE(running->changes->last().first().toStringList(),
                 QStringList{QStringLiteral("1000@example.com")});

        // A refresh of the same Call-ID is no new registration.
        server.sendEvent(Events::sofiaRegister("1000", "example.com", "call-1"));
        server.sendEvent(Events::sofiaRegister("1000", "Example.com", "call-2"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 2);

        server.sendEvent(Events::sofiaUnregister("1000", "example.com", "call-1"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 1);
        server.sendEvent(Events::sofiaExpire("1000", "example.com", "call-2"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 0);
        QCOMPARE(running->state->snapshot().registrations(QStringLiteral("example.com")), 0);
    }

    void vertoAndCallEventsUpdateState()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port());
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);

        server.sendEvent(Events::vertoLogin("1002@example.com", "127.0.0.1:50311"));
        QTRY_VERIFY(userState(*running, "1002", "example.com").vertoRegistered);

        const qint64 created = 1796426415000000;
        server.sendEvent(Events::channelCreate("uuid-7", "1002@example.com", "outbound", created));
        QTRY_VERIFY(userState(*running, "1002", "example.com").inCall);
        QVERIFY(!userState(*running, "1002", "example.com").talking);
        server.sendEvent(Events::channelAnswer("uuid-7", "1002@example.com", "outbound", created));
        QTRY_VERIFY(userState(*running, "1002", "example.com").talking);
        const LiveUserState inCall = userState(*running, "1002", "example.com");
        QCOMPARE(inCall.lastUuid, QStringLiteral("uuid-7"));
        QCOMPARE(inCall.callDirection, QStringLiteral("outbound"));
        QCOMPARE(inCall.callDate, created / 1000000);

        server.sendEvent(
            Events::channelHangupComplete("uuid-7", "1002@example.com", "outbound", created));
        QTRY_VERIFY(!userState(*running, "1002", "example.com").inCall);
        const LiveUserState after = userState(*running, "1002", "example.com");
        QVERIFY(!after.talking);
        QCOMPARE(after.lastUuid, QStringLiteral("uuid-7"));

        server.sendEvent(Events::vertoDisconnect("1002@example.com", "127.0.0.1:50311"));
        QTRY_VERIFY(!userState(*running, "1002", "example.com").vertoRegistered);
    }

    void burstComesInFewBatches()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port());
        running->monitor->setFlushInterval(200ms);
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        running->changes->clear();

        constexpr int Phones = 2000;
        for (int i = 0; i < Phones; ++i) {
            const QByteArray user = QByteArray::number(10000 + i);
            server.sendEvent(Events::sofiaRegister(user, "example.com", "burst-" + user));
        }
        QTRY_COMPARE_WITH_TIMEOUT(running->state->snapshot().registrations(
                                      QStringLiteral("example.com")),
                                  Phones, 20000);
        QSet<QString> changed;
        for (const QList<QVariant> &batch : std::as_const(*running->changes)) {
            for (const QString &key : batch.first().toStringList())
                changed.insert(key);
        }
        QCOMPARE(changed.size(), Phones);
        // One signal per event would be 2000, and batching gives far fewer.
        QVERIFY2(running->changes->size() < Phones / 10,
                 qPrintable(QString::number(running->changes->size())));
    }

    void reconnectsAfterDrop()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port());
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        server.sendEvent(Events::sofiaRegister("1000", "example.com", "call-1"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 1);

        // FreeSWITCH restarts: the state is unknown until the listing is read again.
        server.setApiOutput(RegistrationsCommand,
                            Events::registrationsListing({{"1001", "example.com", "call-9"}}));
        server.dropConnections();
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Reconnecting);
        QVERIFY2(!running->state->status().error.isEmpty(), "a lost connection names its cause");
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        QTRY_COMPARE(userState(*running, "1001", "example.com").sipRegistrations, 1);
        QCOMPARE(userState(*running, "1000", "example.com").sipRegistrations, 0);
        QTRY_COMPARE(server.subscribedConnections(), 1);

        // Events flow on the new connection.
        server.sendEvent(Events::sofiaUnregister("1001", "example.com", "call-9"));
        QTRY_COMPARE(userState(*running, "1001", "example.com").sipRegistrations, 0);
    }

    void silentFreeSwitchIsReconnected()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port(), {}, 300);
        running->monitor->setHeartbeatInterval(50ms);
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        QTRY_VERIFY(server.receivedCommands().contains(QStringLiteral("api status")));

        // The connection stays open, but FreeSWITCH stops replying.
        server.setBehaviour(test::FakeEventSocket::Behaviour::Silent);
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Reconnecting);
        QVERIFY2(running->state->status().error.contains(QLatin1String("did not answer")),
                 qPrintable(running->state->status().error));

        server.setBehaviour(test::FakeEventSocket::Behaviour::Normal);
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
    }

    void wrongPasswordLogsAndRetries()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        server.setPassword("right-password");
        LogCapture log;
        auto running = startMonitor(server.port(), QStringLiteral("wrong-secret"));

        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Reconnecting);
        QVERIFY2(running->state->status().error.contains(QLatin1String("rejected the password")),
                 qPrintable(running->state->status().error));
        // It keeps trying, so that a corrected FreeSWITCH is found without a restart.
        QTRY_VERIFY(server.receivedCommands().count(QStringLiteral("auth ***")) >= 3);

        const QStringList messages = LogCapture::messages();
        QVERIFY(messages.filter(QStringLiteral("rejected the password")).size() >= 2);
        QVERIFY(!messages.filter(QStringLiteral("Retrying the Event Socket")).isEmpty());
        QVERIFY(messages.filter(QStringLiteral("wrong-secret")).isEmpty());

        running->monitor->stop();
        QCOMPARE(running->state->status().state, MonitorStatus::State::Off);
    }

    void stopClearsStateAndStatus()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        prepareListings(server);
        auto running = startMonitor(server.port());
        QTRY_COMPARE(running->state->status().state, MonitorStatus::State::Connected);
        server.sendEvent(Events::sofiaRegister("1000", "example.com", "call-1"));
        QTRY_COMPARE(userState(*running, "1000", "example.com").sipRegistrations, 1);

        running->monitor->stop();
        QCOMPARE(running->state->status().state, MonitorStatus::State::Off);
        QCOMPARE(userState(*running, "1000", "example.com").sipRegistrations, 0);
        QCOMPARE(running->changes->last().first().toStringList(),
                 QStringList{QStringLiteral("1000@example.com")});
        QTRY_VERIFY(server.receivedCommands().contains(QStringLiteral("exit")));
    }
};

QTEST_GUILESS_MAIN(tst_RegistrationMonitor)
#include "tst_registrationmonitor.moc"
