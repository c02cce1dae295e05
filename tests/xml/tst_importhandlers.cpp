// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "tests/support/DispatcherFixture.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QSignalSpy>
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

    void importDomainDryRunStoresNothing()
    {
        test::DispatcherFixture fixture;
        QSignalSpy pushes(&fixture.dispatcher(), &Dispatcher::changeCommitted);
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("dry_run"), true},
             {QStringLiteral("file"),
              QStringLiteral("<domain name=\"d.example\"><user id=\"1000\"/>"
                             "<user id=\"1001\"/></domain>")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject report = reply.value(QStringLiteral("report")).toObject();
        QCOMPARE(report.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInt(),
                 2);
        QVERIFY(reply.value(QStringLiteral("domains")).toObject().isEmpty());
        QCOMPARE(pushes.count(), 0);

        auto tree = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(tree);
        QVERIFY(tree->domains.isEmpty());
    }

    void importDomainDryRunFindsStoredDomain()
    {
        test::DispatcherFixture fixture;
        const QString file = QStringLiteral("<domain name=\"d.example\"/>");
        QVERIFY(firstDomainId(fixture.send(QStringLiteral("ImportXMLDomain"),
                                           {{QStringLiteral("file"), file}}))
                > 0);
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("dry_run"), true},
             {QStringLiteral("file"), QStringLiteral("<domain name=\"D.example\"/>")}});
        QCOMPARE(error(reply), QStringLiteral("domain name already exists"));
        QVERIFY2(reply.value(QStringLiteral("detail")).toString().startsWith(
                     QLatin1String("ImportXMLDomain text:1:1:")),
                 test::compact(reply));
    }

    void importDomainDryRunFalseImports()
    {
        test::DispatcherFixture fixture;
        QSignalSpy pushes(&fixture.dispatcher(), &Dispatcher::changeCommitted);
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("dry_run"), false},
             {QStringLiteral("file"), QStringLiteral("<domain name=\"d.example\"/>")}});
        QVERIFY(firstDomainId(reply) > 0);
        QCOMPARE(reply.value(QStringLiteral("report")).toObject().value(QStringLiteral("dry_run")).toBool(),
                 false);
        QCOMPARE(pushes.count(), 1);
    }

    void importDryRunRejectsNonBoolean()
    {
        test::DispatcherFixture fixture;
        for (const QString &event : {QStringLiteral("ImportXMLDomain"),
                                     QStringLiteral("ImportXMLDomainUser")}) {
            const QJsonObject reply = fixture.send(
                event, {{QStringLiteral("id"), 1},
                        {QStringLiteral("dry_run"), QStringLiteral("yes")},
                        {QStringLiteral("file"), QStringLiteral("<domain name=\"d.example\"/>")}});
            QCOMPARE(error(reply), QStringLiteral("wrong data"));
            QVERIFY(reply.value(QStringLiteral("detail")).toString().contains(
                QLatin1String("dry_run")));
        }
        auto tree = DirectoryLoader(fixture.database()).load();
        FSD_VERIFY_OK(tree);
        QVERIFY(tree->domains.isEmpty());
    }

    void importUsersDryRunStoresNothing()
    {
        test::DispatcherFixture fixture;
        const qint64 domainId = firstDomainId(fixture.send(
            QStringLiteral("ImportXMLDomain"),
            {{QStringLiteral("file"),
              QStringLiteral("<domain name=\"u.example\"><user id=\"1000\"/></domain>")}}));
        QVERIFY(domainId > 0);
        QSignalSpy pushes(&fixture.dispatcher(), &Dispatcher::changeCommitted);
        const QJsonObject reply = fixture.send(
            QStringLiteral("ImportXMLDomainUser"),
            {{QStringLiteral("id"), domainId},
             {QStringLiteral("dry_run"), true},
             {QStringLiteral("file"), QStringLiteral("<user id=\"1400\"/>")}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject report = reply.value(QStringLiteral("report")).toObject();
        QCOMPARE(report.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInt(),
                 1);
        const QJsonObject users = reply.value(QStringLiteral("directory_users"))
                                      .toObject()
                                      .value(QString::number(domainId))
                                      .toObject();
        QCOMPARE(users.size(), 1);
        QCOMPARE(pushes.count(), 0);

        const QJsonObject conflict = fixture.send(
            QStringLiteral("ImportXMLDomainUser"),
            {{QStringLiteral("id"), domainId},
             {QStringLiteral("dry_run"), true},
             {QStringLiteral("file"), QStringLiteral("<user id=\"1000\"/>")}});
        QCOMPARE(error(conflict), QStringLiteral("user name already exists"));
    }

    // A warning that only stored data can cause (a gateway name another domain's user has)
    // comes with the place in the text the server read.
    void importDomainServerWarningHasPlace()
    {
        test::DispatcherFixture fixture;
        const auto domainWithGateway = [](const QString &domain) {
            return QStringLiteral("<domain name=\"%1\">\n<user id=\"1000\">\n<gateways>\n"
                                  "<gateway name=\"carrier\"/>\n</gateways>\n</user>\n</domain>")
                .arg(domain);
        };
        QVERIFY(firstDomainId(fixture.send(QStringLiteral("ImportXMLDomain"),
                                           {{QStringLiteral("file"),
                                             domainWithGateway(QStringLiteral("a.example"))}}))
                > 0);
        const QJsonObject reply =
            fixture.send(QStringLiteral("ImportXMLDomain"),
                         {{QStringLiteral("dry_run"), true},
                          {QStringLiteral("file"), domainWithGateway(QStringLiteral("b.example"))}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonArray warnings =
            reply.value(QStringLiteral("report")).toObject().value(QStringLiteral("warnings")).toArray();
        QJsonObject warning;
        for (const QJsonValue &item : warnings) {
            if (item.toObject().value(QStringLiteral("message")).toString().contains(
                    QLatin1String("mod_sofia loads only one gateway")))
                warning = item.toObject();
        }
        QVERIFY2(!warning.isEmpty(), test::compact(reply));
        QCOMPARE(warning.value(QStringLiteral("file")).toString(),
                 QStringLiteral("ImportXMLDomain text"));
        QCOMPARE(warning.value(QStringLiteral("line")).toInt(), 4);
    }

    void groupUsersCarryGroupAttributes()
    {
        test::DispatcherFixture fixture;
        QVERIFY(firstDomainId(fixture.send(
                    QStringLiteral("ImportXMLDomain"),
                    {{QStringLiteral("file"),
                      QStringLiteral("<domain name=\"g.example\"><groups><group name=\"sales\">"
                                     "<params><param name=\"dial-string\" value=\"x\"/></params>"
                                     "<variables><variable name=\"callgroup\" value=\"sales\"/>"
                                     "<variable name=\"toll_allow\" value=\"local\"/></variables>"
                                     "<users><user id=\"1000\"/></users></group></groups>"
                                     "</domain>")}}))
                > 0);
        const QJsonObject groups = fixture.send(QStringLiteral("[Groups] Get_groups"), {});
        const QJsonObject byDomain =
            groups.value(QStringLiteral("list")).toObject().constBegin()->toObject();
        const qint64 groupId = byDomain.constBegin().key().toLongLong();
        QVERIFY(groupId > 0);

        const QJsonObject reply = fixture.send(QStringLiteral("[Groups] Get_group_users"),
                                               {{QStringLiteral("id"), groupId}});
        QVERIFY2(!reply.contains(QStringLiteral("error")), test::compact(reply));
        const QJsonObject details = reply.value(QStringLiteral("group_details"))
                                        .toObject()
                                        .value(QString::number(groupId))
                                        .toObject();
        const QJsonObject parameters = details.value(QStringLiteral("parameters")).toObject();
        QCOMPARE(parameters.size(), 1);
        QCOMPARE(parameters.constBegin()->toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("dial-string"));
        QCOMPARE(details.value(QStringLiteral("variables")).toObject().size(), 2);
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
