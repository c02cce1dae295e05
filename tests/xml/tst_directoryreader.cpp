// SPDX-License-Identifier: MPL-2.0
#include "tests/support/TestSupport.h"
#include "tests/xml/XmlTestHelpers.h"

#include <QTest>

using namespace fsd;

class tst_DirectoryReader : public QObject
{
    Q_OBJECT

private:
    static QString vanilla() { return test::vanillaConfigDir(FSD_FIXTURES_DIR); }

    static const model::User *findUser(const model::Domain &domain, const QString &name)
    {
        for (const model::User &user : domain.users) {
            if (user.name == name)
                return &user;
        }
        return nullptr;
    }

private slots:
    void vanillaWithoutLocalIpFailsWithChain()
    {
        model::ImportReport report;
        auto tree = test::readPath(vanilla(), {}, report);
        QVERIFY(!tree.ok());
        QCOMPARE(tree.error().error, QStringLiteral("invalid name"));
        const QString detail = tree.error().detail;
        QVERIFY2(detail.startsWith(QLatin1String("directory/default.xml:22:3: the domain name is "
                                                 "empty.")),
                 qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("domain name ← domain (set at vars.xml:61:3) ← "
                                                "local_ip_v4, which FreeSWITCH computes at run "
                                                "time; set it with --set local_ip_v4=VALUE")),
                 qPrintable(detail));
    }

    void vanillaWithLocalIpReadsEverything()
    {
        model::ImportReport report;
        auto tree = test::readPath(vanilla(), {{QStringLiteral("local_ip_v4"),
                                                QStringLiteral("127.0.0.1")}},
                                   report);
        FSD_VERIFY_OK(tree);
        QCOMPARE(tree->domains.size(), 1);
        const model::Domain &domain = tree->domains.first();
        QCOMPARE(domain.name, QStringLiteral("127.0.0.1"));
        QCOMPARE(domain.params.size(), 2);
        QCOMPARE(domain.variables.size(), 4);
        // $${...} expanded, ${...} kept.
        QVERIFY(domain.params.first().value.startsWith(
            QLatin1String("{^^:sip_invite_domain=${dialed_domain}:presence_id=")));
        QCOMPARE(domain.variables.at(1).name, QStringLiteral("default_gateway"));
        QCOMPARE(domain.variables.at(1).value, QStringLiteral("example.com"));
        QCOMPARE(domain.variables.at(2).value, QStringLiteral("918"));

        QCOMPARE(domain.users.size(), 24);
        QStringList names;
        int params = 0;
        int variables = 0;
        for (const model::User &user : domain.users) {
            names.append(user.name);
            params += int(user.params.size());
            variables += int(user.variables.size());
        }
        QCOMPARE(params, 44);
        QCOMPARE(variables, 168);
        for (int n = 1000; n <= 1019; ++n)
            QVERIFY2(names.contains(QString::number(n)), qPrintable(QString::number(n)));
        for (const char *name : {"brian", "default", "example.com", "SEP001120AABBCC"})
            QVERIFY2(names.contains(QLatin1String(name)), name);

        QCOMPARE(domain.groups.size(), 4);
        const QStringList groupNames = {QStringLiteral("default"), QStringLiteral("sales"),
                                        QStringLiteral("billing"), QStringLiteral("support")};
        int definitions = 0;
        int pointers = 0;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(domain.groups.at(i).name, groupNames.at(i));
            for (const model::Membership &member : domain.groups.at(i).members) {
                if (member.type.isEmpty()) {
                    QCOMPARE(domain.groups.at(i).name, QStringLiteral("default"));
                    ++definitions;
                } else {
                    QCOMPARE(member.type, QStringLiteral("pointer"));
                    ++pointers;
                }
            }
        }
        QCOMPARE(definitions, 24);
        QCOMPARE(pointers, 15);

        const model::User *provider = findUser(domain, QStringLiteral("example.com"));
        QVERIFY(provider);
        QCOMPARE(provider->gateways.size(), 1);
        QCOMPARE(provider->gateways.first().name, QStringLiteral("example.com"));
        QCOMPARE(provider->gateways.first().params.size(), 9);
        QCOMPARE(provider->gateways.first().params.first().value, QStringLiteral("joeuser"));

        const model::User *brian = findUser(domain, QStringLiteral("brian"));
        QVERIFY(brian);
        QCOMPARE(brian->cidr, QStringLiteral("192.0.2.0/24"));
        // The <vcard> holds only a comment.
        QCOMPARE(brian->extraXml, QStringLiteral("<vcard/>"));
        const model::User *phone = findUser(domain, QStringLiteral("SEP001120AABBCC"));
        QVERIFY(phone);
        QVERIFY(phone->extraXml.startsWith(QLatin1String("<skinny>\n  <buttons>\n")));
        QVERIFY(phone->extraXml.contains(
            QLatin1String("\n    <button position=\"3\" type=\"Line\" label=\"Shared Line 10\" "
                          "value=\"1110\" caller-name=\"Calling as 1110\"/>\n")));
        QVERIFY(phone->extraXml.endsWith(QLatin1String("\n  </buttons>\n</skinny>")));

        QVERIFY(test::anyItemContains(report.unmodelled, QStringLiteral("<vcard>")));
        QVERIFY(test::anyItemContains(report.unmodelled, QStringLiteral("<skinny>")));
        QVERIFY(test::anyItemContains(report.warnings,
                                      QStringLiteral("User \"1000\" has FreeSWITCH's sample "
                                                     "password")));
        QVERIFY(test::anyItemContains(report.warnings,
                                      QStringLiteral("User \"default\" has neither a password")));
        QVERIFY(test::anyItemContains(report.variables, QStringLiteral("stun-set of "
                                                                       "external_rtp_ip")));
        QCOMPARE(report.sources.first(), QStringLiteral("vars.xml"));
        QCOMPARE(report.sources.size(), 26);
    }

    void locationsPointIntoIncludedFiles()
    {
        model::ImportReport report;
        auto tree = test::readPath(vanilla(), {{QStringLiteral("local_ip_v4"),
                                                QStringLiteral("127.0.0.1")}},
                                   report);
        FSD_VERIFY_OK(tree);
        const model::User *brian = findUser(tree->domains.first(), QStringLiteral("brian"));
        QVERIFY(brian);
        QCOMPARE(brian->location.file, QStringLiteral("directory/default/brian.xml"));
        QCOMPARE(brian->location.line, 6);
        QCOMPARE(brian->location.column, 3);
    }

    void gatewayVariableKeepsDirection()
    {
        model::ImportReport report;
        auto tree = test::readText(R"(<domain name="example.org">
  <user id="1">
    <gateways>
      <gateway name="acme">
        <param name="username" value="u"/>
        <variables>
          <variable name="inbound_var" value="1" direction="inbound"/>
          <variable name="both" value="2"/>
        </variables>
      </gateway>
    </gateways>
  </user>
</domain>
)",
                                   report);
        FSD_VERIFY_OK(tree);
        const model::Gateway &gateway = tree->domains.first().users.first().gateways.first();
        QCOMPARE(gateway.variables.size(), 2);
        QCOMPARE(gateway.variables.first().direction, QStringLiteral("inbound"));
        QCOMPARE(gateway.variables.last().direction, QString());
    }

    void cacheableTextIsKept_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("text");
        QTest::newRow("milliseconds") << QByteArray(" cacheable=\"60000\"") << true
                                      << QStringLiteral("60000");
        QTest::newRow("forever") << QByteArray(" cacheable=\"true\"") << true
                                 << QStringLiteral("true");
        QTest::newRow("absent") << QByteArray() << false << QString();
    }

    void cacheableTextIsKept()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(bool, present);
        QFETCH(QString, text);
        model::ImportReport report;
        auto tree = test::readText("<domain name=\"a.example\"><user id=\"1\"" + attribute
                                       + "/></domain>\n",
                                   report);
        FSD_VERIFY_OK(tree);
        const model::User &user = tree->domains.first().users.first();
        QCOMPARE(user.hasCacheable, present);
        QCOMPARE(user.cacheable, text);
    }

    void unknownAttributesAreReported()
    {
        model::ImportReport report;
        auto tree = test::readText(
            "<domain name=\"a.example\">\n<user id=\"1\" mailbox=\"77\">\n"
            "<params><param name=\"password\" value=\"x\" secret=\"y\"/></params>\n"
            "<profile-variables><variable name=\"p\" value=\"1\"/></profile-variables>\n"
            "</user></domain>\n",
            report);
        FSD_VERIFY_OK(tree);
        QVERIFY(test::anyItemContains(report.unmodelled,
                                      QStringLiteral("mailbox=\"77\" of user \"1\"")));
        QVERIFY(test::anyItemContains(report.unmodelled, QStringLiteral("secret=\"y\"")));
        QVERIFY(test::anyItemContains(report.unmodelled, QStringLiteral("<profile-variables>")));
        const model::User &user = tree->domains.first().users.first();
        QCOMPARE(user.extraXml, QStringLiteral("<profile-variables>\n  <variable name=\"p\" "
                                               "value=\"1\"/>\n</profile-variables>"));
        QCOMPARE(report.unmodelled.first().location.line, 2);
    }

    void wrappersAreAccepted_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("bare") << QByteArray("<domain name=\"a.example\"/>\n");
        QTest::newRow("document") << QByteArray(
            "<document type=\"freeswitch/xml\">\n<section name=\"configuration\"><x/></section>\n"
            "<section name=\"directory\"><domain name=\"a.example\"/></section>\n</document>\n");
        QTest::newRow("include") << QByteArray("<include>\n<domain name=\"a.example\"/>\n"
                                               "</include>\n");
    }

    void wrappersAreAccepted()
    {
        QFETCH(QByteArray, xml);
        model::ImportReport report;
        auto tree = test::readText(xml, report);
        FSD_VERIFY_OK(tree);
        QCOMPARE(tree->domains.size(), 1);
        QCOMPARE(tree->domains.first().name, QStringLiteral("a.example"));
    }

    void usersInEveryPlaceAreRead()
    {
        model::ImportReport report;
        auto tree = test::readText(R"(<domain name="a.example">
  <users><user id="listed"/></users>
  <user id="direct"/>
  <groups><group name="g"><users>
    <user id="p" type="pointer"/>
    <user id="grouped"/>
  </users></group></groups>
</domain>
)",
                                   report);
        FSD_VERIFY_OK(tree);
        const model::Domain &domain = tree->domains.first();
        QCOMPARE(domain.users.size(), 3);
        QCOMPARE(domain.groups.first().members.size(), 2);
        QCOMPARE(domain.groups.first().members.first().type, QStringLiteral("pointer"));
        QCOMPARE(domain.groups.first().members.last().userName, QStringLiteral("grouped"));
        QCOMPARE(domain.groups.first().members.last().type, QString());
    }

    void malformedXmlNamesPlace()
    {
        model::ImportReport report;
        auto tree = test::readText("<domain name=\"a.example\">\n  <user id=\"1\">\n</domain>\n",
                                   report, QStringLiteral("broken.xml"));
        QVERIFY(!tree.ok());
        QCOMPARE(tree.error().error, QStringLiteral("can't parse"));
        QVERIFY2(tree.error().detail.startsWith(QLatin1String("broken.xml:3:")),
                 qPrintable(tree.error().detail));
    }

    void emptyPasswordFromUndefinedVariableFails()
    {
        model::ImportReport report;
        auto tree = test::readText("<domain name=\"a.example\"><user id=\"1\">\n"
                                   "<params><param name=\"password\" value=\"$${nothing}\"/>"
                                   "</params></user></domain>\n",
                                   report);
        QVERIFY(!tree.ok());
        QCOMPARE(tree.error().error, QStringLiteral("wrong data"));
        QVERIFY2(tree.error().detail.contains(QLatin1String("test.xml:2:9: the password of user "
                                                            "\"1\" is empty")),
                 qPrintable(tree.error().detail));
        QVERIFY(tree.error().detail.contains(QLatin1String("nothing, which is not defined")));
    }
};

QTEST_GUILESS_MAIN(tst_DirectoryReader)
#include "tst_directoryreader.moc"
