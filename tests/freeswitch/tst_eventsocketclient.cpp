// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/EventSocketClient.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/support/TestSupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace fsd;
using namespace fsd::freeswitch;

class tst_EventSocketClient : public QObject
{
    Q_OBJECT

private:
    static EventSocketSettings settingsFor(quint16 port, const QString &password = {})
    {
        EventSocketSettings settings;
        settings.port = port;
        if (!password.isEmpty())
            settings.password = password;
        return settings;
    }

private slots:
    void apiAnswerArrivesWithBody()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory", "<section name=\"directory\"/>\n");
        });
        // The reply to `exit` and the disconnect notice log nothing.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        auto outputs = EventSocketClient::runApiCommands(settingsFor(server.port()),
                                                         {QStringLiteral("xml_locate directory")});
        FSD_VERIFY_OK(outputs);
        QCOMPARE(outputs->size(), 1);
        QCOMPARE(outputs->first(), QByteArray("<section name=\"directory\"/>\n"));
        QTRY_COMPARE(server.receivedCommands(),
                     QStringList({QStringLiteral("auth ***"), QStringLiteral("api xml_locate directory"),
                              QStringLiteral("exit")}));
    }

    void exitEndsWithoutError()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        EventSocketClient client;
        QSignalSpy ready(&client, &EventSocketClient::ready);
        QSignalSpy failed(&client, &EventSocketClient::failed);
        QSignalSpy closed(&client, &EventSocketClient::closed);
        client.connectToFreeSwitch(settingsFor(server.port()));
        QVERIFY(ready.wait());

        // "+OK bye" and the text/disconnect-notice after it are neither errors nor unexpected.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        client.disconnectFromFreeSwitch();
        QVERIFY(closed.wait());
        QCOMPARE(failed.count(), 0);
        QVERIFY(!client.isReady());
        QCOMPARE(server.receivedCommands().last(), QStringLiteral("exit"));
    }

    void pendingApiFailsOnDisconnect()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        EventSocketClient client;
        QSignalSpy ready(&client, &EventSocketClient::ready);
        QSignalSpy closed(&client, &EventSocketClient::closed);
        client.connectToFreeSwitch(settingsFor(server.port()));
        QVERIFY(ready.wait());
        std::optional<Result<QByteArray>> output;
        client.api(QStringLiteral("status"), [&](Result<QByteArray> result) { output = result; });
        client.disconnectFromFreeSwitch();
        QVERIFY(output.has_value());
        QVERIFY(!output->ok());
        QVERIFY2(output->error().detail.contains(QLatin1String("was closed")),
                 qPrintable(output->error().detail));
        QVERIFY(closed.wait());
    }

    void largeAnswerSplitAcrossReads()
    {
        const QByteArray big(3 * 1024 * 1024, 'x');
        test::FakeEventSocket::OnThread server([&](test::FakeEventSocket &fake) {
            fake.setApiOutput("big", big);
            fake.setGlobalVariable("a", "1");
        });
        auto outputs = EventSocketClient::runApiCommands(settingsFor(server.port()),
                                                         {QStringLiteral("big"),
                                                          QStringLiteral("global_getvar a")});
        FSD_VERIFY_OK(outputs);
        QCOMPARE(outputs->first().size(), big.size());
        QCOMPARE(outputs->last(), QByteArray("1"));
    }

    void wrongPasswordNamesHostAndPort()
    {
        test::FakeEventSocket::OnThread server;
        auto outputs = EventSocketClient::runApiCommands(settingsFor(server.port(),
                                                                     QStringLiteral("wrong")),
                                                         {QStringLiteral("status")});
        QVERIFY(!outputs.ok());
        QCOMPARE(outputs.error().error, QStringLiteral("can't connect to freeswitch"));
        QVERIFY2(outputs.error().detail.contains(
                     QStringLiteral("127.0.0.1:%1 rejected the password").arg(server.port())),
                 qPrintable(outputs.error().detail));
    }

    void refusedConnectionNamesHostAndPort()
    {
        // A port that was free a moment ago: nothing listens there now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto outputs = EventSocketClient::runApiCommands(settingsFor(port),
                                                         {QStringLiteral("status")});
        QVERIFY(!outputs.ok());
        QVERIFY2(outputs.error().detail.startsWith(
                     QStringLiteral("Cannot connect to FreeSWITCH's Event Socket at 127.0.0.1:%1")
                         .arg(port)),
                 qPrintable(outputs.error().detail));
        QVERIFY(outputs.error().detail.contains(QLatin1String("refused")));
    }

    void silentServerTimesOut()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setBehaviour(test::FakeEventSocket::Behaviour::Silent);
        });
        EventSocketSettings settings = settingsFor(server.port());
        settings.timeoutMs = 300;
        auto outputs = EventSocketClient::runApiCommands(settings, {QStringLiteral("status")});
        QVERIFY(!outputs.ok());
        QVERIFY2(outputs.error().detail.contains(
                     QStringLiteral("127.0.0.1:%1 did not answer within 0.3 s").arg(server.port())),
                 qPrintable(outputs.error().detail));
    }

    void undefinedGlobalIsNoReply()
    {
        test::FakeEventSocket::OnThread server;
        auto outputs = EventSocketClient::runApiCommands(settingsFor(server.port()),
                                                         {QStringLiteral("global_getvar none")});
        QVERIFY(!outputs.ok());
        QVERIFY(outputs.error().detail.contains(QLatin1String("\"-ERR no reply\"")));
    }

    void errAnswerIsError()
    {
        test::FakeEventSocket::OnThread server;
        auto outputs = EventSocketClient::runApiCommands(settingsFor(server.port()),
                                                         {QStringLiteral("xml_locate directory")});
        QVERIFY(!outputs.ok());
        QCOMPARE(outputs.error().error, QStringLiteral("freeswitch error"));
        QVERIFY2(outputs.error().detail.contains(QStringLiteral(
                     "127.0.0.1:%1 replied \"-ERR xml_locate Command not found!\"")
                                                     .arg(server.port())),
                 qPrintable(outputs.error().detail));
    }

    void subscribedEventsArrive()
    {
        test::FakeEventSocket server;
        QVERIFY(server.listen());
        EventSocketClient client;
        QSignalSpy ready(&client, &EventSocketClient::ready);
        client.connectToFreeSwitch(settingsFor(server.port()));
        QVERIFY(ready.wait());
        bool subscribed = false;
        client.subscribe({QStringLiteral("CUSTOM"), QStringLiteral("sofia::register")},
                         [&](Status status) { subscribed = status.ok(); });
        QTRY_VERIFY(subscribed);
        QSignalSpy events(&client, &EventSocketClient::eventReceived);
        server.sendEvent({{"Event-Name", "CUSTOM"}, {"Event-Subclass", "sofia::register"},
                          {"from-user", "1000 & co"}});
        QVERIFY(events.wait());
        const auto event = events.first().first().value<EslMessage>();
        QCOMPARE(event.header("Event-Subclass"), QByteArray("sofia::register"));
        QCOMPARE(event.header("from-user"), QByteArray("1000 & co"));
        QVERIFY(server.receivedCommands().contains(
            QStringLiteral("event plain CUSTOM sofia::register")));
    }
};

QTEST_GUILESS_MAIN(tst_EventSocketClient)
#include "tst_eventsocketclient.moc"
