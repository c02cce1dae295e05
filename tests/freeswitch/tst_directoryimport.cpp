// SPDX-License-Identifier: MPL-2.0
#include "core/events/DirectoryXmlService.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "core/xml/DirectoryReader.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/support/DispatcherFixture.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
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

    // Imports `path` (a file or conf/ folder) into a fresh database and returns its dump, as
    // `fsdirector --import-xml PATH [--set ...] --dump-directory` prints it.
    static QString fileImportDump(const QString &path,
                                  const QList<QPair<QString, QString>> &supplied = {})
    {
        test::DispatcherFixture fixture;
        DirectoryXmlService::FileImport request;
        request.path = path;
        request.supplied = supplied;
        auto report = DirectoryXmlService::importPath(fixture.database(), request);
        if (!report)
            qFatal("file import failed: %s", qPrintable(report.error().detail));
        auto stored = DirectoryLoader(fixture.database()).load();
        if (!stored)
            qFatal("loading failed: %s", qPrintable(stored.error().detail));
        return xml::CanonicalDump::dump(*stored);
    }

    // Imports from a double whose `xml_locate directory` output is `answer` and returns the
    // dump of the stored directory.
    static QString eventSocketImportDump(const QByteArray &answer, QJsonObject &reply,
                                         QStringList &receivedCommands)
    {
        test::FakeEventSocket::OnThread server([&](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory", answer);
        });
        test::DispatcherFixture fixture(settingsFor(server.port()));
        reply = fixture.send(QStringLiteral("[Directory][Import]"), {});
        receivedCommands = server.receivedCommands();
        auto stored = DirectoryLoader(fixture.database()).load();
        if (!stored)
            qFatal("loading failed: %s", qPrintable(stored.error().detail));
        return xml::CanonicalDump::dump(*stored);
    }

private slots:
    void importsVanillaDirectory()
    {
        const QByteArray answer = test::FakeEventSocket::vanillaDirectoryAnswer(vanilla());
        // FreeSWITCH reprints every element: the <vcard> and <skinny> that the directory does
        // not model arrive in another layout than the files have.
        QVERIFY(!answer.contains("/>"));
        QJsonObject reply;
        QStringList commands;
        const QString dump = eventSocketImportDump(answer, reply, commands);
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject counts =
            reply.value(QStringLiteral("report")).toObject().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("users")).toInt(), 24);
        QCOMPARE(counts.value(QStringLiteral("user_params")).toInt(), 44);
        QCOMPARE(counts.value(QStringLiteral("user_variables")).toInt(), 168);
        QCOMPARE(counts.value(QStringLiteral("memberships")).toInt(), 39);
        QCOMPARE(counts.value(QStringLiteral("gateway_params")).toInt(), 9);
        QCOMPARE(commands, QStringList({QStringLiteral("auth ***"),
                                        QStringLiteral("api xml_locate directory"),
                                        QStringLiteral("exit")}));

        QCOMPARE(dump, fileImportDump(vanilla(), {{QStringLiteral("local_ip_v4"),
                                                   QStringLiteral("127.0.0.1")}}));
        QVERIFY(dump.contains(QLatin1String("<skinny>")));
        QVERIFY(dump.contains(QLatin1String("<vcard/>")));
    }

    void specialCharactersSurvive()
    {
        // Escaped as a file holds them; FreeSWITCH decodes them and writes its own references.
        const QByteArray directory =
            "<domain name=\"special.example\">\n"
            "  <users>\n"
            "    <user id=\"zoe\">\n"
            "      <params>\n"
            "        <param name=\"password\" value=\"p&amp;ss&quot;&lt;555&gt;'\"/>\n"
            "      </params>\n"
            "      <variables>\n"
            "        <variable name=\"effective_caller_id_name\"\n"
            "                  value=\"Zo\u00eb \u00c5ngstr\u00f6m &amp; Co\"/>\n"
            "        <variable name=\"lines\" value=\"first&#10;second&#9;tab&#13;\"/>\n"
            "        <variable name=\"place\" value=\"Caf\u00e9 M\u00fcller \U0001F600\"/>\n"
            "      </variables>\n"
            "      <vcard>\n"
            "        <FN>Zo\u00eb &amp; \"Co\" 'x' &lt;y&gt;</FN>\n"
            "        <NOTE kind=\"a&#10;b\">one\ntwo</NOTE>\n"
            "      </vcard>\n"
            "    </user>\n"
            "  </users>\n"
            "</domain>\n";
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString file = folder.filePath(QStringLiteral("special.xml"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(directory), directory.size());
        out.close();

        const QByteArray answer =
            test::FakeEventSocket::directoryAnswer(QString::fromUtf8(directory));
        QVERIFY(answer.contains("value=\"Zo&#xEB; &#xC5;ngstr&#xF6;m &amp; Co\""));
        QVERIFY(answer.contains("value=\"first&#xA;second&#x9;tab&#xD;\""));
        QVERIFY(answer.contains("value=\"p&amp;ss&quot;&lt;555&gt;'\""));
        QJsonObject reply;
        QStringList commands;
        const QString dump = eventSocketImportDump(answer, reply, commands);
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        QCOMPARE(dump, fileImportDump(file));

        // The dump quotes values, so check the values in a tree read from the double's output.
        model::ImportReport report;
        auto tree = xml::DirectoryReader(xml::PreprocessedText::fromPlainText(
                                             QString::fromUtf8(answer), QStringLiteral("answer")),
                                         report)
                        .readDirectory();
        FSD_VERIFY_OK(tree);
        const model::User &user = tree->domains.first().users.first();
        QCOMPARE(user.params.first().value, QStringLiteral("p&ss\"<555>'"));
        QCOMPARE(user.variables.at(0).value, QStringLiteral("Zo\u00eb \u00c5ngstr\u00f6m & Co"));
        QCOMPARE(user.variables.at(1).value, QStringLiteral("first\nsecond\ttab\r"));
        QCOMPARE(user.variables.at(2).value,
                 QString::fromUtf8("Caf\u00e9 M\u00fcller \U0001F600"));
        QCOMPARE(user.extraXml,
                 QString::fromUtf8("<vcard>\n"
                                   "  <FN>Zo\u00eb &amp; &quot;Co&quot; 'x' &lt;y&gt;</FN>\n"
                                   "  <NOTE kind=\"a&#10;b\">one&#10;two</NOTE>\n"
                                   "</vcard>"));
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
