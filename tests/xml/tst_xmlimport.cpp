// SPDX-License-Identifier: MPL-2.0
#include "core/storage/Database.h"
#include "core/storage/DirectoryImporter.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "core/xml/DirectoryWriter.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/xml/XmlTestHelpers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace fsd;
using xml::CanonicalDump;
using xml::DirectoryWriter;

class tst_XmlImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Declared before every connection, so that the schemas are released after they close.
    std::vector<std::unique_ptr<test::ScratchDatabase>> m_scratches;
    std::unique_ptr<Database> m_database;
    int m_databases = 0;

    std::unique_ptr<Database> openDatabase()
    {
        ++m_databases;
        // A scratch database each: a file, or a schema when the test runs on PostgreSQL.
        m_scratches.push_back(std::make_unique<test::ScratchDatabase>());
        if (!m_scratches.back()->isValid())
            qFatal("cannot create the database: %s", qPrintable(m_scratches.back()->errorString()));
        auto database = Database::open(m_scratches.back()->options(),
                                       QStringLiteral("import%1").arg(m_databases));
        if (!database)
            qFatal("cannot open database: %s", qPrintable(database.error().detail));
        return std::move(*database);
    }

    static QList<QPair<QString, QString>> localIp()
    {
        return {{QStringLiteral("local_ip_v4"), QStringLiteral("127.0.0.1")}};
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

    // Reads and imports `path`; returns the import's error or the report.
    Result<model::ImportReport> importPath(Database &database, const QString &path,
                                           const QList<QPair<QString, QString>> &supplied = {},
                                           ImportOptions options = {})
    {
        model::ImportReport report;
        auto tree = test::readPath(path, supplied, report);
        if (!tree)
            return tree.error();
        DirectoryImporter importer(database);
        auto ids = importer.importTree(*tree, options, report);
        if (!ids)
            return ids.error();
        return report;
    }

    static QString dump(const Database &database)
    {
        auto tree = DirectoryLoader(database).load();
        if (!tree)
            qFatal("load failed: %s", qPrintable(tree.error().detail));
        return CanonicalDump::dump(*tree);
    }

    static qint64 rowCount(const Database &database, const QString &table)
    {
        auto query = database.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        if (!query || !query->next())
            return -1;
        return query->value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = openDatabase();
    }

    void init()
    {
        // Each test starts with an empty database.
        m_database.reset();
        m_database = openDatabase();
    }

    void vanillaWithoutLocalIpStoresNothing()
    {
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR));
        QVERIFY(!report.ok());
        QVERIFY(report.error().detail.contains(QLatin1String("local_ip_v4, which FreeSWITCH "
                                                             "computes at run time")));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
    }

    void vanillaImportCountsExactly()
    {
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp());
        FSD_VERIFY_OK(report);
        const model::ImportCounts &counts = report->counts;
        QCOMPARE(counts.domains, 1);
        QCOMPARE(counts.domainParams, 2);
        QCOMPARE(counts.domainVariables, 4);
        QCOMPARE(counts.users, 24);
        QCOMPARE(counts.userParams, 44);
        QCOMPARE(counts.userVariables, 168);
        QCOMPARE(counts.groups, 4);
        QCOMPARE(counts.memberships, 39);
        QCOMPARE(counts.pointers, 15);
        QCOMPARE(counts.gateways, 1);
        QCOMPARE(counts.gatewayParams, 9);
        QCOMPARE(counts.gatewayVariables, 0);

        QCOMPARE(rowCount(*m_database, QStringLiteral("users")), 24);
        QCOMPARE(rowCount(*m_database, QStringLiteral("user_vars")), 168);
        QCOMPARE(rowCount(*m_database, QStringLiteral("group_members")), 39);
        QCOMPARE(rowCount(*m_database, QStringLiteral("gateway_params")), 9);
        auto domain = m_database->exec(QStringLiteral("SELECT name FROM domains"));
        QVERIFY(domain.ok() && domain->next());
        QCOMPARE(domain->value(0).toString(), QStringLiteral("127.0.0.1"));
        auto definitions = m_database->exec(
            QStringLiteral("SELECT COUNT(*) FROM group_members m JOIN directory_groups g ON "
                           "m.group_id = g.id WHERE m.type = '' AND g.name = 'default'"));
        QVERIFY(definitions.ok() && definitions->next());
        QCOMPARE(definitions->value(0).toInt(), 24);
        QVERIFY(test::anyItemContains(report->unmodelled, QStringLiteral("<vcard>")));
        QVERIFY(test::anyItemContains(report->unmodelled, QStringLiteral("<skinny>")));
    }

    void vanillaBackupRoundTripIsIdentical()
    {
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp());
        FSD_VERIFY_OK(report);
        const QString first = dump(*m_database);

        auto tree = DirectoryLoader(*m_database).load();
        FSD_VERIFY_OK(tree);
        const QString folder = m_dir.filePath(QStringLiteral("export-backup"));
        auto written = DirectoryWriter(DirectoryWriter::Mode::Backup).writeTo(*tree, folder);
        FSD_VERIFY_OK(written);

        auto fresh = openDatabase();
        auto again = importPath(*fresh, folder);
        FSD_VERIFY_OK(again);
        QCOMPARE(dump(*fresh), first);
        QCOMPARE(again->counts.users, 24);
    }

    void pointersBeforeUsersImport()
    {
        const QString path = write(QStringLiteral("pointers-first.xml"), R"(<include>
<domain name="order.example">
  <groups>
    <group name="early"><users>
      <user id="late" type="pointer"/>
    </users></group>
    <group name="home"><users>
      <user id="late"><params><param name="password" value="s3cret"/></params></user>
    </users></group>
  </groups>
</domain>
</include>
)");
        auto report = importPath(*m_database, path);
        FSD_VERIFY_OK(report);
        QCOMPARE(report->counts.memberships, 2);
        QCOMPARE(report->counts.pointers, 1);
    }

    void missingPointerRejectsWholeFile()
    {
        const QString path = write(QStringLiteral("missing-pointer.xml"), R"(<domain name="m.example">
  <user id="present"/>
  <groups>
    <group name="sales"><users>
      <user id="present" type="pointer"/>
      <user id="ghost" type="pointer"/>
    </users></group>
  </groups>
</domain>
)");
        auto report = importPath(*m_database, path);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().error, QStringLiteral("user not found"));
        QVERIFY2(report.error().detail.startsWith(QLatin1String("missing-pointer.xml:6:7: Group "
                                                                "\"sales\" points to user "
                                                                "\"ghost\"")),
                 qPrintable(report.error().detail));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
        QCOMPARE(rowCount(*m_database, QStringLiteral("users")), 0);
    }

    void gatewayRules_data()
    {
        QTest::addColumn<QByteArray>("gateways");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("detail");
        QTest::newRow("space in name") << QByteArray("<gateway name=\"acme voip\"/>")
                                       << QStringLiteral("invalid name")
                                       << QStringLiteral("gw.xml:3:11: The gateway name \"acme "
                                                         "voip\"");
        QTest::newRow("same name twice")
            << QByteArray("<gateway name=\"acme\"/>\n<gateway name=\"ACME\"/>")
            << QStringLiteral("gateway name already exists")
            << QStringLiteral("gw.xml:4:1: The gateway \"ACME\" appears twice in user \"1\"");
        QTest::newRow("unknown direction")
            << QByteArray("<gateway name=\"acme\"><variables><variable name=\"v\" value=\"1\" "
                          "direction=\"sideways\"/></variables></gateway>")
            << QStringLiteral("wrong data") << QStringLiteral("gw.xml:3:43: The direction");
    }

    void gatewayRules()
    {
        QFETCH(QByteArray, gateways);
        QFETCH(QString, error);
        QFETCH(QString, detail);
        const QString path = write(QStringLiteral("gw.xml"),
                                   "<domain name=\"gw.example\">\n<user id=\"1\">\n<gateways>"
                                       + gateways + "</gateways>\n</user>\n</domain>\n");
        auto report = importPath(*m_database, path);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().error, error);
        QVERIFY2(report.error().detail.startsWith(detail), qPrintable(report.error().detail));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
    }

    void gatewayDirectionSurvivesStorage()
    {
        const QString path = write(QStringLiteral("direction.xml"), R"(<domain name="d.example">
  <user id="1"><gateways><gateway name="acme">
    <param name="username" value="u"/>
    <variables>
      <variable name="v" value="in" direction="inbound"/>
      <variable name="v" value="out" direction="outbound"/>
    </variables>
  </gateway></gateways></user>
</domain>
)");
        auto report = importPath(*m_database, path);
        FSD_VERIFY_OK(report);
        auto tree = DirectoryLoader(*m_database).load();
        FSD_VERIFY_OK(tree);
        const model::Gateway &gateway = tree->domains.first().users.first().gateways.first();
        QCOMPARE(gateway.variables.size(), 2);
        QCOMPARE(gateway.variables.first().direction, QStringLiteral("inbound"));
        QCOMPARE(gateway.variables.last().direction, QStringLiteral("outbound"));
    }

    void textSurvivesByteForByte()
    {
        const QByteArray original = R"(<domain name="utf8.example">
  <user id="1">
    <params><param name="password" value="p&amp;ss&quot;&lt;555&gt;"/></params>
    <variables>
      <variable name="effective_caller_id_name" value="Zoë Ångström &amp; Co"/>
      <variable name="company" value="Café Müller"/>
    </variables>
  </user>
</domain>
)";
        auto first = importPath(*m_database, write(QStringLiteral("utf8.xml"), original));
        FSD_VERIFY_OK(first);
        auto tree = DirectoryLoader(*m_database).load();
        FSD_VERIFY_OK(tree);
        const model::User &user = tree->domains.first().users.first();
        QCOMPARE(user.params.first().value, QStringLiteral("p&ss\"<555>"));
        QCOMPARE(user.variables.first().value.toUtf8(), QByteArray("Zoë Ångström & Co"));
        QCOMPARE(user.variables.last().value.toUtf8(), QByteArray("Café Müller"));

        const QString exported = m_dir.filePath(QStringLiteral("utf8-export.xml"));
        FSD_VERIFY_OK(DirectoryWriter(DirectoryWriter::Mode::Backup).writeTo(*tree, exported));
        auto fresh = openDatabase();
        FSD_VERIFY_OK(importPath(*fresh, exported));
        auto again = DirectoryLoader(*fresh).load();
        FSD_VERIFY_OK(again);
        const model::User &back = again->domains.first().users.first();
        QCOMPARE(back.params.first().value.toUtf8(), QByteArray("p&ss\"<555>"));
        QCOMPARE(back.variables.first().value.toUtf8(), QByteArray("Zoë Ångström & Co"));
        QCOMPARE(back.variables.last().value.toUtf8(), QByteArray("Café Müller"));
    }

    void windows1252ByteIsRejected()
    {
        const QString path = write(QStringLiteral("cp1252.xml"),
                                   "<domain name=\"w.example\">\n  <user id=\"O\x92"
                                   "Brien\"/>\n</domain>\n");
        auto report = importPath(*m_database, path);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().detail.startsWith(QLatin1String("cp1252.xml:2:14: not valid "
                                                                "UTF-8")),
                 qPrintable(report.error().detail));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
    }

    void cacheableComesBackExactly()
    {
        const QString path = write(QStringLiteral("cache.xml"), R"(<domain name="c.example">
  <user id="ms" cacheable="60000"/>
  <user id="forever" cacheable="true"/>
  <user id="none"/>
</domain>
)");
        FSD_VERIFY_OK(importPath(*m_database, path));
        auto cache = m_database->exec(QStringLiteral("SELECT name, cache, cacheable FROM users "
                                                     "ORDER BY id"));
        QVERIFY(cache.ok());
        QVERIFY(cache->next());
        QCOMPARE(cache->value(1).toLongLong(), 60000);
        QVERIFY(cache->next());
        QCOMPARE(cache->value(1).toLongLong(), 0);
        QCOMPARE(cache->value(2).toString(), QStringLiteral("true"));
        QVERIFY(cache->next());
        QVERIFY(cache->value(2).isNull());

        auto tree = DirectoryLoader(*m_database).load();
        FSD_VERIFY_OK(tree);
        const QString text = QString::fromUtf8(
            DirectoryWriter(DirectoryWriter::Mode::FreeSwitch).writeDocument(*tree));
        QVERIFY(text.contains(QLatin1String("<user id=\"ms\" cacheable=\"60000\"/>")));
        QVERIFY(text.contains(QLatin1String("<user id=\"forever\" cacheable=\"true\"/>")));
        QVERIFY(text.contains(QLatin1String("<user id=\"none\"/>")));
    }

    void existingDomainIsRejected()
    {
        const QString path = write(QStringLiteral("twice.xml"),
                                   "<domain name=\"Twice.example\"><user id=\"1\"/></domain>\n");
        FSD_VERIFY_OK(importPath(*m_database, path));
        write(QStringLiteral("twice.xml"), "<domain name=\"twice.EXAMPLE\"/>\n");
        auto second = importPath(*m_database, path);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().error, QStringLiteral("domain name already exists"));
        QVERIFY(second.error().detail.startsWith(QLatin1String("twice.xml:1:1:")));
        QCOMPARE(rowCount(*m_database, QStringLiteral("users")), 1);
    }

    void namingRules_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("user with space") << QByteArray("<user id=\"a b\"/>")
                                         << QStringLiteral("invalid name");
        QTest::newRow("user twice, other case")
            << QByteArray("<user id=\"Bob\"/><user id=\"bob\"/>")
            << QStringLiteral("user name already exists");
        QTest::newRow("alias equals other user")
            << QByteArray("<user id=\"100\"/><user id=\"bob\" number-alias=\"100\"/>")
            << QStringLiteral("number alias already exists");
        QTest::newRow("bad cidr") << QByteArray("<user id=\"1\" cidr=\"10.0.0.0/99\"/>")
                                  << QStringLiteral("invalid cidr");
        QTest::newRow("param twice")
            << QByteArray("<params><param name=\"a\" value=\"1\"/><param name=\"A\" "
                          "value=\"2\"/></params>")
            << QStringLiteral("parameter name already exists");
        QTest::newRow("group twice")
            << QByteArray("<groups><group name=\"g\"/><group name=\"G\"/></groups>")
            << QStringLiteral("group name already exists");
    }

    void namingRules()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const QString path = write(QStringLiteral("rules.xml"),
                                   "<domain name=\"rules.example\">\n" + body + "\n</domain>\n");
        auto report = importPath(*m_database, path);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().error, error);
        QVERIFY2(report.error().detail.startsWith(QLatin1String("rules.xml:2:")),
                 qPrintable(report.error().detail));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
    }

    void dryRunStoresNothing()
    {
        ImportOptions options;
        options.dryRun = true;
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp(),
                                 options);
        FSD_VERIFY_OK(report);
        QVERIFY(report->dryRun);
        QCOMPARE(report->counts.users, 24);
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
        QCOMPARE(rowCount(*m_database, QStringLiteral("users")), 0);
    }

    void cancelRollsBack()
    {
        std::atomic<bool> cancel{true};
        ImportOptions options;
        options.cancel = &cancel;
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp(),
                                 options);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().error, QStringLiteral("import cancelled"));
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
    }

    void storageFailureRollsBackEverything()
    {
        m_database->setFaultInjector([](const QString &sql) {
            return sql.startsWith(QLatin1String("INSERT INTO gateway_params"));
        });
        auto report = importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp());
        m_database->setFaultInjector({});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().error, Database::StorageFailure);
        QCOMPARE(rowCount(*m_database, QStringLiteral("domains")), 0);
        QCOMPARE(rowCount(*m_database, QStringLiteral("users")), 0);
    }

    void freeswitchExportDropsDisabled()
    {
        FSD_VERIFY_OK(importPath(*m_database, test::vanillaConfigDir(FSD_FIXTURES_DIR), localIp()));
        auto tree = DirectoryLoader(*m_database).load();
        FSD_VERIFY_OK(tree);
        // Disable one item of each kind in the model and store it as a second domain.
        model::DirectoryTree changed = *tree;
        model::Domain &domain = changed.domains.first();
        domain.name = QStringLiteral("copy.example");
        domain.variables.first().enabled = false;
        domain.users[0].enabled = false;
        domain.users[1].params.first().enabled = false;
        domain.groups[1].enabled = false;
        domain.groups[2].members.first().enabled = false;
        for (model::User &user : domain.users) {
            for (model::Gateway &gateway : user.gateways)
                gateway.enabled = false;
        }
        auto fresh = openDatabase();
        model::ImportReport report;
        FSD_VERIFY_OK(DirectoryImporter(*fresh).importTree(changed, {}, report));
        auto stored = DirectoryLoader(*fresh).load();
        FSD_VERIFY_OK(stored);

        const QString exported = m_dir.filePath(QStringLiteral("freeswitch-export.xml"));
        FSD_VERIFY_OK(DirectoryWriter(DirectoryWriter::Mode::FreeSwitch).writeTo(*stored, exported));
        auto third = openDatabase();
        FSD_VERIFY_OK(importPath(*third, exported));
        QCOMPARE(dump(*third), CanonicalDump::dump(CanonicalDump::withoutDisabled(*stored)));

        auto enabledOnly = DirectoryLoader(*fresh).load({true, 0});
        FSD_VERIFY_OK(enabledOnly);
        QCOMPARE(CanonicalDump::dump(*enabledOnly),
                 CanonicalDump::dump(CanonicalDump::withoutDisabled(*stored)));
    }
};

QTEST_GUILESS_MAIN(tst_XmlImport)
#include "tst_xmlimport.moc"
