// SPDX-License-Identifier: MPL-2.0
// The mod_xml_curl listener over real sockets: curl posts the forms FreeSWITCH posts, the
// FreeSWITCH double reads the answers. curl runs blocking on the test's thread, so every
// answer comes from the listener's own thread.
#include "core/xmlcurl/XmlCurlServer.h"
#include "tests/net/support/NetTestSupport.h"
#include "tests/support/TestSupport.h"
#include "tests/xmlcurl/CurlTransport.h"
#include "tests/xmlcurl/DirectoryFixture.h"
#include "tests/xmlcurl/FreeSwitchDouble.h"

#include <QDir>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace fsd;
using namespace fsd::test;

namespace {

using Owner = DirectoryFixture::Owner;

const QByteArray ExpectedNotFound =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<document type=\"freeswitch/xml\">\n"
    "  <section name=\"result\">\n"
    "    <result status=\"not found\"/>\n"
    "  </section>\n"
    "</document>\n";

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().detail;
}

} // namespace

class XmlCurlServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void sipAuthOverHttp();
    void unknownUserOverHttp();
    void credentialsAreRequired();
    void wrongPathAndMethodAreRejected();
    void expectContinueIsAnswered();
    void tlsServesLookups();
    void lookupsAnsweredDuringLongWrite();
    void addressRules_data();
    void addressRules();
    void listenAddressParsing_data();
    void listenAddressParsing();
    void busyPortFailsToStart();
    void missingDatabaseFailsToStart();
    void stopClosesListener();

private:
    XmlCurlServerConfig loopbackConfig() const;
    FreeSwitchDouble doubleFor(const XmlCurlServer &server, const QString &credentials = {},
                               const QStringList &extraArguments = {}) const;

    QTemporaryDir m_dir;
    Globals m_globals;
    std::unique_ptr<DirectoryFixture> m_fixture;
    DatabaseOptions m_database;
};

void XmlCurlServerTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString vanillaDir = vanillaConfigDir(FSD_FIXTURES_DIR);
    m_globals = readGlobals(QDir(vanillaDir).filePath(QStringLiteral("vars.xml")),
                            {{QStringLiteral("local_ip_v4"), QStringLiteral("127.0.0.1")}});
    m_fixture = std::make_unique<DirectoryFixture>();
    m_database = m_fixture->options();
    m_fixture->loadVanilla(vanillaDir, m_globals);
}

XmlCurlServerConfig XmlCurlServerTest::loopbackConfig() const
{
    XmlCurlServerConfig config;
    config.port = 0;
    return config;
}

FreeSwitchDouble XmlCurlServerTest::doubleFor(const XmlCurlServer &server,
                                              const QString &credentials,
                                              const QStringList &extraArguments) const
{
    CurlTransport curl{server.gatewayUrl(), credentials, extraArguments};
    return FreeSwitchDouble(curl.transport(), m_globals);
}

void XmlCurlServerTest::sipAuthOverHttp()
{
    XmlCurlServer server(loopbackConfig(), m_database);
    const Status started = server.start();
    QVERIFY2(started, qPrintable(errorOf(started)));
    QVERIFY(server.port() != 0);
    QCOMPARE(server.gatewayUrl(),
             QStringLiteral("http://127.0.0.1:%1/freeswitch/directory").arg(server.port()));

    const auto result = doubleFor(server).sipAuth(QStringLiteral("1001"),
                                                  QStringLiteral("127.0.0.1"));
    QCOMPARE(result.fetches.first().answer.status, 200);
    QVERIFY(result.found);
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("1234"));
    QCOMPARE(result.variable(QStringLiteral("effective_caller_id_name")),
             QStringLiteral("Extension 1001"));
}

void XmlCurlServerTest::unknownUserOverHttp()
{
    XmlCurlServer server(loopbackConfig(), m_database);
    QVERIFY(server.start());

    const auto result = doubleFor(server).sipAuth(QStringLiteral("1099"),
                                                  QStringLiteral("127.0.0.1"));
    QVERIFY(!result.found);
    QCOMPARE(result.fetches.first().answer.status, 200);
    QCOMPARE(result.fetches.first().answer.body, ExpectedNotFound);
}

void XmlCurlServerTest::credentialsAreRequired()
{
    XmlCurlServerConfig config = loopbackConfig();
    config.user = QStringLiteral("freeswitch");
    config.password = QStringLiteral("s3cret:with colon");
    XmlCurlServer server(config, m_database);
    QVERIFY(server.start());

    const auto anonymous = doubleFor(server).sipAuth(QStringLiteral("1001"),
                                                     QStringLiteral("127.0.0.1"));
    QCOMPARE(anonymous.fetches.first().answer.status, 401);
    QVERIFY(!anonymous.found);

    const auto wrong = doubleFor(server, QStringLiteral("freeswitch:guess"))
                           .sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1"));
    QCOMPARE(wrong.fetches.first().answer.status, 401);

    const auto right = doubleFor(server, QStringLiteral("freeswitch:s3cret:with colon"))
                           .sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1"));
    QCOMPARE(right.fetches.first().answer.status, 200);
    QVERIFY(right.found);
    QCOMPARE(right.param(QStringLiteral("password")), QStringLiteral("1234"));
}

void XmlCurlServerTest::wrongPathAndMethodAreRejected()
{
    XmlCurlServer server(loopbackConfig(), m_database);
    QVERIFY(server.start());
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());

    const ProcessResult wrongPath = runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
         QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--data"),
         QStringLiteral("section=directory"), base + QStringLiteral("/freeswitch/dialplan")});
    QCOMPARE(wrongPath.standardOutput, QByteArray("404"));

    const ProcessResult get = runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-D"), QStringLiteral("-"), QStringLiteral("-o"),
         QStringLiteral("/dev/null"), base + QStringLiteral("/freeswitch/directory")});
    QVERIFY2(get.standardOutput.startsWith("HTTP/1.1 405"), get.standardOutput.constData());
    QVERIFY(get.standardOutput.contains("Allow: POST"));
}

void XmlCurlServerTest::expectContinueIsAnswered()
{
    // mod_xml_curl with disable-100-continue=false lets libcurl send "Expect: 100-continue".
    XmlCurlServer server(loopbackConfig(), m_database);
    QVERIFY(server.start());

    const auto result = doubleFor(server, QString(),
                                  {QStringLiteral("--header"),
                                   QStringLiteral("Expect: 100-continue")})
                            .sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1"));
    QVERIFY(result.found);
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("1234"));
}

void XmlCurlServerTest::tlsServesLookups()
{
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(makeSelfSignedCertificate(m_dir.path(), &certificate, &key, &error),
             qPrintable(error));
    XmlCurlServerConfig config = loopbackConfig();
    config.tlsCertificateFile = certificate;
    config.tlsKeyFile = key;
    XmlCurlServer server(config, m_database);
    const Status started = server.start();
    QVERIFY2(started, qPrintable(errorOf(started)));
    QVERIFY(server.isTls());
    QVERIFY(server.gatewayUrl().startsWith(QLatin1String("https://127.0.0.1:")));

    const auto result = doubleFor(server).sipAuth(QStringLiteral("1001"),
                                                  QStringLiteral("127.0.0.1"));
    QVERIFY(result.found);
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("1234"));

    CurlTransport plain{QStringLiteral("http://127.0.0.1:%1/freeswitch/directory")
                            .arg(server.port()),
                        QString(), QStringList()};
    QVERIFY(plain.post("section=directory").status != 200);
}

void XmlCurlServerTest::lookupsAnsweredDuringLongWrite()
{
    XmlCurlServer server(loopbackConfig(), m_database);
    QVERIFY(server.start());
    const FreeSwitchDouble freeswitch = doubleFor(server);
    Database &writer = m_fixture->database();

    // An import in this process: one long write transaction on another connection.
    const Status imported = writer.transaction([&]() -> Status {
        const qint64 domain = m_fixture->addDomain(QStringLiteral("import.test"));
        const qint64 team = m_fixture->addGroup(domain, QStringLiteral("team"));
        for (int i = 0; i < 2000; ++i) {
            const qint64 user = m_fixture->addUser(domain, QStringLiteral("u%1").arg(i));
            m_fixture->addParam(Owner::User, user, QStringLiteral("password"),
                                QStringLiteral("p%1").arg(i));
            if (i < 3)
                m_fixture->addMember(team, user);
        }

        const auto existing = freeswitch.sipAuth(QStringLiteral("1001"),
                                                 QStringLiteral("127.0.0.1"));
        if (!existing.found || existing.param(QStringLiteral("password")) != QLatin1String("1234"))
            return ApiError::make(QStringLiteral("lookup"), QStringLiteral("1001 not answered"));
        const auto uncommitted = freeswitch.sipAuth(QStringLiteral("u7"),
                                                    QStringLiteral("import.test"));
        if (uncommitted.found || uncommitted.fetches.first().answer.body != ExpectedNotFound)
            return ApiError::make(QStringLiteral("lookup"),
                                  QStringLiteral("an uncommitted user was served"));
        return {};
    });
    QVERIFY2(imported, qPrintable(errorOf(imported)));

    // A user lookup first, then a group lookup: the listener's connection must not keep the
    // snapshot of an earlier lookup.
    const auto committed = freeswitch.sipAuth(QStringLiteral("u7"), QStringLiteral("import.test"));
    QVERIFY(committed.found);
    QCOMPARE(committed.param(QStringLiteral("password")), QStringLiteral("p7"));
    QVERIFY(freeswitch.sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1")).found);
    const qint64 later = m_fixture->addDomain(QStringLiteral("later.test"));
    m_fixture->addMember(m_fixture->addGroup(later, QStringLiteral("crew")),
                         m_fixture->addUser(later, QStringLiteral("x1")));
    QCOMPARE(freeswitch.groupCall(QStringLiteral("crew"), QStringLiteral("later.test")),
             QStringList({QStringLiteral("x1")}));
    QCOMPARE(freeswitch.groupCall(QStringLiteral("team"), QStringLiteral("import.test")),
             QStringList({QStringLiteral("u0"), QStringLiteral("u1"), QStringLiteral("u2")}));
}

void XmlCurlServerTest::addressRules_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("credentials");
    QTest::addColumn<bool>("allowInsecure");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("loopback, plain") << "127.0.0.1:8081" << false << false << false << true;
    QTest::newRow("IPv6 loopback, plain") << "[::1]:8081" << false << false << false << true;
    QTest::newRow("localhost, plain") << "localhost:8081" << false << false << false << true;
    QTest::newRow("any, plain") << "0.0.0.0:8081" << false << false << false << false;
    QTest::newRow("any, TLS only") << "0.0.0.0:8081" << true << false << false << false;
    QTest::newRow("any, credentials only") << "0.0.0.0:8081" << false << true << false << false;
    QTest::newRow("any, TLS and credentials") << "0.0.0.0:8081" << true << true << false << true;
    QTest::newRow("LAN, allowed insecure") << "192.0.2.10:8081" << false << false << true << true;
}

void XmlCurlServerTest::addressRules()
{
    QFETCH(QString, listen);
    QFETCH(bool, tls);
    QFETCH(bool, credentials);
    QFETCH(bool, allowInsecure);
    QFETCH(bool, accepted);

    XmlCurlServerConfig config;
    QString error;
    QVERIFY2(config.setListenAddress(listen, &error), qPrintable(error));
    if (tls) {
        config.tlsCertificateFile = QStringLiteral("cert.pem");
        config.tlsKeyFile = QStringLiteral("key.pem");
    }
    if (credentials) {
        config.user = QStringLiteral("fs");
        config.password = QStringLiteral("pw");
    }
    config.allowInsecure = allowInsecure;

    const Status valid = config.validate();
    QCOMPARE(valid.ok(), accepted);
    if (!accepted) {
        QVERIFY(valid.error().detail.contains(config.listenAddress()));
        QVERIFY(valid.error().detail.contains(QLatin1String("--allow-insecure-xml-curl")));
        // The server refuses to start before it binds anything.
        XmlCurlServer server(config, m_database);
        QVERIFY(!server.start());
        QVERIFY(!server.isRunning());
    }
}

void XmlCurlServerTest::listenAddressParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("IPv4") << "127.0.0.1:8081" << true << "127.0.0.1" << 8081;
    QTest::newRow("port only") << ":9000" << true << "127.0.0.1" << 9000;
    QTest::newRow("IPv6") << "[::1]:8081" << true << "::1" << 8081;
    QTest::newRow("localhost") << "localhost:8081" << true << "127.0.0.1" << 8081;
    QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
    QTest::newRow("port too big") << "127.0.0.1:70000" << false << "" << 0;
    QTest::newRow("bare IPv6") << "::1:8081" << false << "" << 0;
    QTest::newRow("host name") << "pbx.example.com:8081" << false << "" << 0;
}

void XmlCurlServerTest::listenAddressParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);

    XmlCurlServerConfig config;
    QString error;
    QCOMPARE(config.setListenAddress(text, &error), valid);
    if (valid) {
        QCOMPARE(config.host, host);
        QCOMPARE(int(config.port), port);
    } else {
        QVERIFY(error.contains(text));
    }
}

void XmlCurlServerTest::busyPortFailsToStart()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    XmlCurlServerConfig config = loopbackConfig();
    config.port = occupant.serverPort();

    XmlCurlServer server(config, m_database);
    const Status started = server.start();
    QVERIFY(!started);
    QVERIFY2(started.error().detail.contains(QString::number(occupant.serverPort())),
             qPrintable(started.error().detail));
    QVERIFY(!server.isRunning());
}

void XmlCurlServerTest::missingDatabaseFailsToStart()
{
    DatabaseOptions missing = m_database;
    missing.path = m_dir.filePath(QStringLiteral("missing/none.db"));
    // On PostgreSQL: a database that the server does not have.
    missing.databaseName = QStringLiteral("fsd_test_missing_database");
    XmlCurlServer server(loopbackConfig(), missing);
    const Status started = server.start();
    QVERIFY(!started);
    const QString expected = onPostgres() ? missing.databaseName : missing.path;
    QVERIFY2(started.error().detail.contains(expected), qPrintable(started.error().detail));
    QVERIFY(!QFile::exists(missing.path));
}

void XmlCurlServerTest::stopClosesListener()
{
    XmlCurlServer server(loopbackConfig(), m_database);
    QVERIFY(server.start());
    const QString url = server.gatewayUrl();
    QVERIFY(doubleFor(server).sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1")).found);

    server.stop();
    QVERIFY(!server.isRunning());
    CurlTransport curl{url, QString(), QStringList()};
    QCOMPARE(curl.post("section=directory").status, 0);
}

QTEST_GUILESS_MAIN(XmlCurlServerTest)
#include "tst_xmlcurlserver.moc"
