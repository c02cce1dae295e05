// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "tests/support/DispatcherFixture.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace fsd;

class tst_ImportHandlers : public QObject
{
    Q_OBJECT

private:
    static QString error(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("error")).toString();
    }

    static qint64 firstDomainId(const QJsonObject &reply)
    {
        const QJsonObject domains = reply.value(QStringLiteral("domains")).toObject();
        return domains.isEmpty() ? 0 : domains.constBegin().key().toLongLong();
    }

private slots:
    void importDomainReturnsDomainsAndReport()
    {
        test::DispatcherFixture fixture;
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("\r\n  <domain name=\"newDomain\">\r\n    <params>\r\n      <param "
                             "name=\"jsonrpc-allowed-methods\" value=\"verto\"/>\r\n    "
                             "</params>\r\n    <variables>\r\n      <variable "
                             "name=\"record_stereo\" value=\"true\"/>\r\n    </variables>\r\n "
                             "   <groups>\r\n    </groups>\r\n  </domain>")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        QCOMPARE(reply.value(QStringLiteral("MessageType")).toString(),
                 QStringLiteral("ImportXMLDomain"));
        const QJsonObject domain =
            reply.value(QStringLiteral("domains")).toObject().constBegin()->toObject();
        QCOMPARE(domain.value(QStringLiteral("name")).toString(), QStringLiteral("newDomain"));
        const QJsonObject counts =
            reply.value(QStringLiteral("report")).toObject().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("domain_params")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("domain_variables")).toInt(), 1);
    }

    void importDomainRejectsInclude()
    {
        test::DispatcherFixture fixture;
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("<domain name=\"a.example\">\n<X-PRE-PROCESS cmd=\"include\" "
                             "data=\"default/*.xml\"/>\n</domain>")}});
        QCOMPARE(error(reply), QStringLiteral("can't parse"));
        QVERIFY(reply.value(QStringLiteral("detail")).toString().contains(
            QLatin1String("ImportXMLDomain text:2:1")));
        QVERIFY(fixture.send(QStringLiteral("[Domains][Get] Domains"), {})
                    .value(QStringLiteral("domains")).toObject().isEmpty());
    }

    void importDomainKeepsUndefinedVariable()
    {
        test::DispatcherFixture fixture;
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("<domain name=\"a.example\"><user id=\"1400\"><params><param "
                             "name=\"password\" value=\"$${default_password}\"/></params>"
                             "</user></domain>")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        auto tree = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(tree);
        QCOMPARE(tree->domains.first().users.first().params.first().value,
                 QStringLiteral("$${default_password}"));
        const QJsonArray notes = reply.value(QStringLiteral("report")).toObject()
                                     .value(QStringLiteral("variables")).toArray();
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.first().toObject().value(QStringLiteral("message")).toString().contains(
            QLatin1String("$${default_password}")));
    }

    void importDomainEmptyFileIsEmptyData()
    {
        test::DispatcherFixture fixture;
        QCOMPARE(error(fixture.send(QStringLiteral("ImportXMLDomain"),
                                    {{QStringLiteral("file"), QStringLiteral("  ")}})),
                 QStringLiteral("empty data"));
        QCOMPARE(error(fixture.send(QStringLiteral("ImportXMLDomain"), {})),
                 QStringLiteral("empty data"));
    }

    void importUsersListsAllUsersOfDomain()
    {
        test::DispatcherFixture fixture;
        const QJsonObject created = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("<domain name=\"u.example\"><user id=\"1000\"/></domain>")}});
        const qint64 domainId = firstDomainId(created);
        QVERIFY(domainId > 0);
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomainUser"),
            {{QStringLiteral("id"), domainId},
             {QStringLiteral("file"),
              QStringLiteral("<users><user id=\"1400\"><params><param name=\"password\" "
                             "value=\"x\"/></params></user>\n<user id=\"1401\"/></users>")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject users = reply.value(QStringLiteral("directory_users"))
                                      .toObject()
                                      .value(QString::number(domainId))
                                      .toObject();
        QCOMPARE(users.size(), 3);
        QStringList names;
        for (const QJsonValue &user : users)
            names.append(user.toObject().value(QStringLiteral("name")).toString());
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("1000"), QStringLiteral("1400"),
                                     QStringLiteral("1401")}));
    }

    void importUsersRejectsExistingName()
    {
        test::DispatcherFixture fixture;
        const qint64 domainId = firstDomainId(fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("<domain name=\"u.example\"><user id=\"Alice\"/></domain>")}}));
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomainUser"),
            {{QStringLiteral("id"), domainId},
             {QStringLiteral("file"), QStringLiteral("<user id=\"bob\"/>\n<user id=\"alice\"/>")}});
        QCOMPARE(error(reply), QStringLiteral("user name already exists"));
        QVERIFY(reply.value(QStringLiteral("detail")).toString().startsWith(
            QLatin1String("ImportXMLDomainUser text:2:1:")));
        auto tree = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(tree);
        QCOMPARE(tree->domains.first().users.size(), 1);
    }

    void importUsersUnknownDomain()
    {
        test::DispatcherFixture fixture;
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomainUser"),
            {{QStringLiteral("id"), 77}, {QStringLiteral("file"), QStringLiteral("<user id=\"1\"/>")}});
        QCOMPARE(error(reply), QStringLiteral("domain not found"));
        QCOMPARE(error(fixture.send(QStringLiteral("ImportXMLDomainUser"),
                                    {{QStringLiteral("id"), QStringLiteral("77")},
                                     {QStringLiteral("file"), QStringLiteral("<user id=\"1\"/>")}})),
                 QStringLiteral("wrong id"));
    }

    void exportModes()
    {
        test::DispatcherFixture fixture;
        fixture.send(QStringLiteral("ImportXMLDomain"),
                     {{QStringLiteral("file"),
                       QStringLiteral("<domain name=\"e.example\"><user id=\"on\"/>"
                                      "<user id=\"off\" fsdirector-enabled=\"false\"/></domain>")}});
        const QJsonObject freeswitch = fixture.send(QStringLiteral("[Directory] Export"),
                                                    {{QStringLiteral("mode"),
                                                      QStringLiteral("freeswitch")}});
        const QString text = freeswitch.value(QStringLiteral("file")).toString();
        QVERIFY(text.contains(QLatin1String("<user id=\"on\"/>")));
        QVERIFY(!text.contains(QLatin1String("\"off\"")));
        const QString backup = fixture.send(QStringLiteral("[Directory] Export"),
                                            {{QStringLiteral("mode"), QStringLiteral("backup")}})
                                   .value(QStringLiteral("file"))
                                   .toString();
        QVERIFY(backup.contains(QLatin1String("<user id=\"off\" fsdirector-enabled=\"false\"/>")));
        QCOMPARE(error(fixture.send(QStringLiteral("[Directory] Export"),
                                    {{QStringLiteral("mode"), QStringLiteral("all")}})),
                 QStringLiteral("wrong data"));
    }
};

QTEST_GUILESS_MAIN(tst_ImportHandlers)
#include "tst_importhandlers.moc"
