// SPDX-License-Identifier: MPL-2.0
#include "core/events/DirectoryXmlService.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/support/DispatcherFixture.h"
#include "tests/support/TestSupport.h"
#include "tests/xml/XmlTestHelpers.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace fsd;

// [Directory][Import] against a test double of FreeSWITCH's Event Socket.
class tst_DirectoryImport : public QObject
{
    Q_OBJECT

private:
    static QString vanilla() { return test::vanillaConfigDir(FSD_FIXTURES_DIR); }

    static freeswitch::EventSocketSettings settingsFor(quint16 port)
    {
        freeswitch::EventSocketSettings settings;
        settings.port = port;
        return settings;
    }

    static QString error(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("error")).toString();
    }

private slots:
    void importsVanillaDirectory()
    {
        const QByteArray answer = test::FakeEventSocket::vanillaDirectoryAnswer(vanilla());
        test::FakeEventSocket::OnThread server([&](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory", answer);
        });
        test::DispatcherFixture fixture(settingsFor(server.port()));
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject counts =
            reply.value(QStringLiteral("report")).toObject().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("users")).toInt(), 24);
        QCOMPARE(counts.value(QStringLiteral("user_params")).toInt(), 44);
        QCOMPARE(counts.value(QStringLiteral("user_variables")).toInt(), 168);
        QCOMPARE(counts.value(QStringLiteral("memberships")).toInt(), 39);
        QCOMPARE(counts.value(QStringLiteral("gateway_params")).toInt(), 9);

        // The stored directory equals what a file import of the fixture reads.
        model::ImportReport report;
        auto expected = test::readPath(vanilla(), {{QStringLiteral("local_ip_v4"),
                                                    QStringLiteral("127.0.0.1")}},
                                       report);
        FSD_VERIFY_OK(expected);
        auto stored = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(stored);
        // switch_xml_toxml drops comments, also inside the kept <vcard> and <skinny>.
        static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                                QRegularExpression::DotMatchesEverythingOption);
        for (model::User &user : expected->domains.first().users)
            user.extraXml.remove(comment);
        QCOMPARE(xml::CanonicalDump::dump(*stored), xml::CanonicalDump::dump(*expected));
        QCOMPARE(server.receivedCommands(),
                 QStringList({QStringLiteral("auth ***"), QStringLiteral("api xml_locate directory"),
                              QStringLiteral("exit")}));
    }

    void requestFieldsOverrideSettings()
    {
        test::FakeEventSocket::OnThread server([&](test::FakeEventSocket &fake) {
            fake.setPassword("s3cret");
            fake.setApiOutput("xml_locate directory",
                              "<section name=\"directory\">\n  <domain name=\"o.example\"/>\n"
                              "</section>\n");
        });
        test::DispatcherFixture fixture(settingsFor(1));
        const QJsonObject reply = fixture.send(
            QStringLiteral("[Directory][Import]"),
            {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
             {QStringLiteral("port"), server.port()},
             {QStringLiteral("password"), QStringLiteral("s3cret")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        QCOMPARE(error(fixture.send(QStringLiteral("[Directory][Import]"),
                                    {{QStringLiteral("port"), QStringLiteral("8021")}})),
                 QStringLiteral("wrong data"));
    }

    void wrongPasswordIsClearError()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setPassword("other");
        });
        test::DispatcherFixture fixture(settingsFor(server.port()));
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QCOMPARE(error(reply), QStringLiteral("can't connect to freeswitch"));
        QVERIFY2(reply.value(QStringLiteral("detail")).toString().contains(
                     QStringLiteral("127.0.0.1:%1 rejected the password").arg(server.port())),
                 test::compact(reply));
    }

    void errAnswerIsClearError()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory", "-ERR invalid\n");
        });
        test::DispatcherFixture fixture(settingsFor(server.port()));
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QCOMPARE(error(reply), QStringLiteral("freeswitch error"));
        QVERIFY2(reply.value(QStringLiteral("detail")).toString().contains(
                     QStringLiteral("127.0.0.1:%1 replied \"-ERR invalid\"").arg(server.port())),
                 test::compact(reply));
    }

    void silentFreeswitchTimesOut()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setBehaviour(test::FakeEventSocket::Behaviour::Silent);
        });
        freeswitch::EventSocketSettings settings = settingsFor(server.port());
        settings.timeoutMs = 200;
        test::DispatcherFixture fixture(settings);
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QCOMPARE(error(reply), QStringLiteral("can't connect to freeswitch"));
        QVERIFY2(reply.value(QStringLiteral("detail")).toString().contains(
                     QStringLiteral("127.0.0.1:%1 did not answer within").arg(server.port())),
                 test::compact(reply));
    }

    void refusedConnectionIsClearError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        test::DispatcherFixture fixture(settingsFor(port));
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QCOMPARE(error(reply), QStringLiteral("can't connect to freeswitch"));
        QVERIFY(reply.value(QStringLiteral("detail")).toString().contains(
            QStringLiteral("127.0.0.1:%1").arg(port)));
    }

    void runtimeVariablesFromFreeswitch()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setGlobalVariable("local_ip_v4", "192.0.2.5");
        });
        test::DispatcherFixture fixture;
        DirectoryXmlService::FileImport request;
        request.path = vanilla();
        request.runtimeVariablesFrom = settingsFor(server.port());
        auto report = DirectoryXmlService::importPath(fixture.database(), request);
        FSD_VERIFY_OK(report);
        QCOMPARE(report->counts.users, 24);
        auto stored = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(stored);
        QCOMPARE(stored->domains.first().name, QStringLiteral("192.0.2.5"));
        QVERIFY(server.receivedCommands().contains(QStringLiteral("api global_getvar local_ip_v4")));
    }

    void ownOutputIsRejected()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory",
                              "<section name=\"directory\" fsdirector-generated=\"true\">\n"
                              "  <domain name=\"mine.example\" fsdirector-generated=\"true\"/>\n"
                              "</section>\n");
        });
        test::DispatcherFixture fixture(settingsFor(server.port()));
        const QJsonObject reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        QCOMPARE(error(reply), QStringLiteral("wrong data"));
        QVERIFY(reply.value(QStringLiteral("detail")).toString().contains(
            QLatin1String("already takes its directory from fsdirector")));
        QVERIFY(fixture.send(QStringLiteral("[Domains][Get] Domains"), {})
                    .value(QStringLiteral("domains")).toObject().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DirectoryImport)
#include "tst_directoryimport.moc"
