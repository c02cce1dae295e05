// SPDX-License-Identifier: MPL-2.0
#include "core/app/XmlCommands.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace fsd;

class tst_XmlCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Declared before every connection, so that the schemas are released after they close.
    std::vector<std::unique_ptr<test::ScratchDatabase>> m_scratches;
    int m_databases = 0;

    std::unique_ptr<Database> openDatabase()
    {
        ++m_databases;
        // A scratch database each: a file, or a schema when the test runs on PostgreSQL.
        m_scratches.push_back(std::make_unique<test::ScratchDatabase>());
        if (!m_scratches.back()->isValid())
            qFatal("cannot create the database: %s", qPrintable(m_scratches.back()->errorString()));
        auto database = Database::open(m_scratches.back()->options(),
                                       QStringLiteral("cli%1").arg(m_databases));
        if (!database)
            qFatal("cannot open database: %s", qPrintable(database.error().detail));
        return std::move(*database);
    }

    struct Run
    {
        int code = 0;
        QString out;
        QString err;
    };

    static Run importXml(Database &database, const XmlCommands::ImportArguments &arguments)
    {
        Run run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        run.code = XmlCommands::importXml(database, arguments, out, err);
        return run;
    }

    static QString dump(const Database &database)
    {
        QString text;
        QString errors;
        QTextStream out(&text);
        QTextStream err(&errors);
        if (XmlCommands::dumpDirectory(database, out, err) != 0)
            qFatal("dump failed: %s", qPrintable(errors));
        return text;
    }

    static XmlCommands::ImportArguments vanilla(QStringList sets = {QStringLiteral("local_ip_v4=127.0.0.1")})
    {
        XmlCommands::ImportArguments arguments;
        arguments.path = test::vanillaConfigDir(FSD_FIXTURES_DIR);
        arguments.sets = sets;
        return arguments;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importExportImportGivesSameDump()
    {
        auto first = openDatabase();
        const Run imported = importXml(*first, vanilla());
        QCOMPARE(imported.code, 0);
        QVERIFY2(imported.out.contains(QLatin1String("     24 users")), qPrintable(imported.out));
        QVERIFY(imported.out.contains(QLatin1String("<vcard>")));

        const QString folder = m_dir.filePath(QStringLiteral("backup"));
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(XmlCommands::exportXml(*first, folder, QStringLiteral("backup"), outStream,
                                        errStream),
                 0);
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("127.0.0.1.xml"))));

        auto second = openDatabase();
        XmlCommands::ImportArguments again;
        again.path = folder;
        const Run reimported = importXml(*second, again);
        QCOMPARE(reimported.code, 0);
        QCOMPARE(dump(*second), dump(*first));
    }

    void failedImportChangesNothing()
    {
        auto database = openDatabase();
        const Run run = importXml(*database, vanilla({}));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("nothing was stored")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("--set local_ip_v4=VALUE")));
        QCOMPARE(dump(*database), QStringLiteral("\n"));
    }

    void dryRunPrintsReportOnly()
    {
        auto database = openDatabase();
        XmlCommands::ImportArguments arguments = vanilla();
        arguments.dryRun = true;
        const Run run = importXml(*database, arguments);
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.startsWith(QLatin1String("Dry run: nothing was stored.")));
        QVERIFY(run.out.contains(QLatin1String("     39 group memberships")));
        QCOMPARE(dump(*database), QStringLiteral("\n"));
    }

    void setWithoutEqualsIsUsageError()
    {
        auto database = openDatabase();
        const Run run = importXml(*database, vanilla({QStringLiteral("local_ip_v4")}));
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QLatin1String("--set needs NAME=VALUE")));
    }

    void unknownExportModeIsUsageError()
    {
        auto database = openDatabase();
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(XmlCommands::exportXml(*database, m_dir.filePath(QStringLiteral("x.xml")),
                                        QStringLiteral("everything"), outStream, errStream),
                 2);
        QVERIFY(err.contains(QLatin1String("\"everything\"")));
    }
};

QTEST_GUILESS_MAIN(tst_XmlCommands)
#include "tst_xmlcommands.moc"
