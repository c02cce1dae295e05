// SPDX-License-Identifier: MPL-2.0
// The text of --print-freeswitch-config, read back as FreeSWITCH reads its configuration and
// used to reach a running listener.
#include "core/xmlcurl/FreeSwitchConfigPrinter.h"
#include "core/xmlcurl/XmlCurlServer.h"
#include "tests/support/TestSupport.h"
#include "tests/xmlcurl/CurlTransport.h"
#include "tests/xmlcurl/DirectoryFixture.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace fsd;
using namespace fsd::test;

namespace {

// The <binding> params of the printed xml_curl.conf.xml, after FreeSWITCH's preprocessing.
QList<std::pair<QString, QString>> bindingParams(const QString &printed, QString *bindings,
                                                 QString *error)
{
    const qsizetype start = printed.indexOf(QLatin1String("<configuration"));
    const qsizetype end = printed.indexOf(QLatin1String("</configuration>"));
    if (start < 0 || end < 0) {
        *error = QStringLiteral("no <configuration> element");
        return {};
    }
    const QString xml = printed.mid(start, end - start + int(strlen("</configuration>")));
    auto root = parseXml(preprocess(xml.toUtf8(), {}, nullptr), error);
    if (!root)
        return {};
    QList<std::pair<QString, QString>> params;
    const XmlNode *binding = root->child(QStringLiteral("bindings"))->child(QStringLiteral("binding"));
    for (const XmlNode *param : binding->childrenNamed(QStringLiteral("param"))) {
        params.append({param->attributeSoft(QStringLiteral("name")),
                       param->attributeSoft(QStringLiteral("value"))});
        if (param->attributeSoft(QStringLiteral("name")) == QLatin1String("gateway-url"))
            *bindings = param->attributeSoft(QStringLiteral("bindings"));
    }
    return params;
}

QString valueOf(const QList<std::pair<QString, QString>> &params, const QString &name)
{
    for (const auto &param : params) {
        if (param.first == name)
            return param.second;
    }
    return QStringLiteral("(absent)");
}

} // namespace

class FreeSwitchConfigTest : public QObject
{
    Q_OBJECT

private slots:
    void plainLoopbackBinding();
    void credentialsAndTls();
    void modulesLineAndAdvice();
    void printedSettingsReachListener();
};

void FreeSwitchConfigTest::plainLoopbackBinding()
{
    const QString printed = printFreeSwitchConfig(XmlCurlServerConfig());
    QString bindings;
    QString error;
    const auto params = bindingParams(printed, &bindings, &error);
    QVERIFY2(!params.isEmpty(), qPrintable(error));

    QCOMPARE(valueOf(params, QStringLiteral("gateway-url")),
             QStringLiteral("http://127.0.0.1:8081/freeswitch/directory"));
    QCOMPARE(bindings, QStringLiteral("directory"));
    QCOMPARE(valueOf(params, QStringLiteral("timeout")), QStringLiteral("5"));
    QCOMPARE(valueOf(params, QStringLiteral("disable-100-continue")), QStringLiteral("true"));
    QCOMPARE(valueOf(params, QStringLiteral("gateway-credentials")), QStringLiteral("(absent)"));
    QCOMPARE(valueOf(params, QStringLiteral("enable-cacert-check")), QStringLiteral("(absent)"));
}

void FreeSwitchConfigTest::credentialsAndTls()
{
    XmlCurlServerConfig config;
    QString error;
    QVERIFY(config.setListenAddress(QStringLiteral("[::1]:9443"), &error));
    config.user = QStringLiteral("freeswitch");
    config.password = QStringLiteral("p&ss<\"word\">:1");
    config.tlsCertificateFile = QStringLiteral("/etc/fsdirector/cert.pem");
    config.tlsKeyFile = QStringLiteral("/etc/fsdirector/key.pem");

    QString bindings;
    const auto params = bindingParams(printFreeSwitchConfig(config), &bindings, &error);
    QVERIFY2(!params.isEmpty(), qPrintable(error));
    QCOMPARE(valueOf(params, QStringLiteral("gateway-url")),
             QStringLiteral("https://[::1]:9443/freeswitch/directory"));
    QCOMPARE(valueOf(params, QStringLiteral("gateway-credentials")),
             QStringLiteral("freeswitch:p&ss<\"word\">:1"));
    QCOMPARE(valueOf(params, QStringLiteral("auth-scheme")), QStringLiteral("basic"));
    QCOMPARE(valueOf(params, QStringLiteral("enable-cacert-check")), QStringLiteral("true"));
    QCOMPARE(valueOf(params, QStringLiteral("ssl-cacert-file")),
             QStringLiteral("/etc/fsdirector/cert.pem"));
    QCOMPARE(valueOf(params, QStringLiteral("enable-ssl-verifyhost")), QStringLiteral("true"));
}

void FreeSwitchConfigTest::modulesLineAndAdvice()
{
    XmlCurlServerConfig config;
    config.user = QStringLiteral("fs");
    config.password = QStringLiteral("a$${b}");
    const QString printed = printFreeSwitchConfig(config, 40123);

    static const QRegularExpression loadLine(
        QStringLiteral("^\\s*<load module=\"mod_xml_curl\"/>\\s*$"),
        QRegularExpression::MultilineOption);
    QVERIFY(loadLine.match(printed).hasMatch());
    QVERIFY(printed.contains(QLatin1String("modules.conf.xml")));
    QVERIFY(printed.contains(QLatin1String("mv conf/directory conf/directory.imported")));
    QVERIFY(printed.contains(QLatin1String("password 1234")));
    QVERIFY(printed.contains(QLatin1String("http://127.0.0.1:40123/freeswitch/directory")));
    QVERIFY(printed.contains(QLatin1String("expands while reading the file")));
}

void FreeSwitchConfigTest::printedSettingsReachListener()
{
    const QString vanillaDir = vanillaConfigDir(FSD_FIXTURES_DIR);
    const Globals globals = readGlobals(QDir(vanillaDir).filePath(QStringLiteral("vars.xml")),
                                        {{QStringLiteral("local_ip_v4"), QStringLiteral("127.0.0.1")}});
    DirectoryFixture fixture;
    fixture.loadVanilla(vanillaDir, globals);

    XmlCurlServerConfig config;
    config.port = 0;
    config.user = QStringLiteral("freeswitch");
    config.password = QStringLiteral("xml curl & friends");
    XmlCurlServer server(config, fixture.options());
    QVERIFY(server.start());

    // FreeSWITCH configured with exactly what was printed.
    QString bindings;
    QString error;
    const auto params = bindingParams(printFreeSwitchConfig(config, server.port()), &bindings,
                                      &error);
    QVERIFY2(!params.isEmpty(), qPrintable(error));
    CurlTransport curl{valueOf(params, QStringLiteral("gateway-url")),
                       valueOf(params, QStringLiteral("gateway-credentials")), QStringList()};
    const FreeSwitchDouble freeswitch(curl.transport(), globals);

    for (const QString &user : {QStringLiteral("1000"), QStringLiteral("1019"), QStringLiteral("brian")}) {
        const auto registration = freeswitch.sipAuth(user, QStringLiteral("127.0.0.1"));
        QVERIFY2(registration.found, qPrintable(user));
        QCOMPARE(registration.param(QStringLiteral("password")), QStringLiteral("1234"));
        const auto call = freeswitch.userCall(user, QStringLiteral("127.0.0.1"));
        QVERIFY(call.found);
        QVERIFY(call.param(QStringLiteral("dial-string"))->contains(QLatin1String("sofia_contact")));
    }
    QCOMPARE(freeswitch.profileGateways(QStringLiteral("external")).size(), 1);
}

QTEST_GUILESS_MAIN(FreeSwitchConfigTest)
#include "tst_freeswitchconfig.moc"
