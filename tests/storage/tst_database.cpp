// SPDX-License-Identifier: MPL-2.0
// The database on SQLite and PostgreSQL: how it is created and configured, schema migrations,
// transactions, the fault injector the event tests rely on, and the lock that keeps a second
// process off. Tests about SQLite files skip on PostgreSQL, and the PostgreSQL connection
// tests skip on SQLite.

#include "core/storage/Database.h"
#include "core/storage/DatabaseLocation.h"
#include "core/storage/DatabaseLock.h"
#include "core/storage/Schema.h"
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <limits>

using namespace fsd;
using fsd::test::onPostgres;

namespace {

// Skips a test that is about SQLite files when the run is on PostgreSQL.
#define SKIP_ON_POSTGRES()                                                                         \
    do {                                                                                           \
        if (onPostgres())                                                                          \
            QSKIP("about SQLite files");                                                           \
    } while (false)

#define SKIP_ON_SQLITE()                                                                           \
    do {                                                                                           \
        if (!onPostgres())                                                                         \
            QSKIP("about PostgreSQL connections");                                                 \
    } while (false)

std::unique_ptr<Database> openWith(const DatabaseOptions &options)
{
    auto database = Database::open(options, QUuid::createUuid().toString());
    if (!database) {
        qWarning().noquote() << "cannot open" << options.path << options.schema
                             << database.error().detail;
        return {};
    }
    return std::move(*database);
}

QStringList tableNames(Database &database)
{
    const QString sql = onPostgres()
        ? QStringLiteral("SELECT table_name FROM information_schema.tables"
                         " WHERE table_schema = current_schema() ORDER BY table_name")
        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                         " AND name NOT LIKE 'sqlite_%' ORDER BY name");
    QStringList tables;
    auto query = database.exec(sql);
    while (query && query->next())
        tables.append(query->value(0).toString());
    return tables;
}

qint64 ownerIndexCount(Database &database)
{
    const QString sql = onPostgres()
        ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()"
                         " AND indexname LIKE '%_owner'")
        : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"
                         " AND name LIKE '%_owner'");
    auto query = database.exec(sql);
    return query && query->next() ? query->value(0).toLongLong() : -1;
}

QVariant scalar(Database &database, const QString &sql)
{
    auto query = database.exec(sql);
    if (!query || !query->next())
        return {};
    return query->value(0);
}

} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createdReadableByOwnerOnly();
    void createsMissingFolder();
    void connectionSettings_data();
    void connectionSettings();
    void schemaCreatesEveryTable();
    void migrationsRunOnce();
    void olderSchemaMigrated();
    void newerSchemaRefused();
    void unopenablePathReported();
    void readOnlyCloneCannotWrite();
    void failedStatementReported();
    void transactionCommitsOrRollsBack();
    void nestedTransactionJoinsOuter();
    void faultInjectorFailsChosenStatement();
    void faultAtCommitRollsBack();
    void forEachRowReusesStatement();
    void forEachRowNestedSameQuery();
    void forEachRowReadsAndBindsValues();
    void postgresBindsValues();
    void forEachRowFailures();
    void lockRefusesSecondOwner();
    void lockTakesOverStaleLock();
    void lockCreatesMissingFolder();
    void postgresCreatesSchema();
    void postgresSchemaNameChecked();
    void postgresOpenFailures_data();
    void postgresOpenFailures();
    void postgresSessionSettings();
    void locationParsed_data();
    void locationParsed();
    void locationRejected_data();
    void locationRejected();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString path(const QString &name = QStringLiteral("directory.sqlite")) const { return m_folder->filePath(name); }
    // The test's database: the file path() on SQLite, the scratch schema on PostgreSQL.
    DatabaseOptions options(bool readOnly = false) const
    {
        DatabaseOptions options = m_scratch->options();
        options.path = path();
        options.readOnly = readOnly;
        return options;
    }
    std::unique_ptr<Database> openDatabase(bool readOnly = false) const { return openWith(options(readOnly)); }
};

void DatabaseTest::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->errorString()));
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void DatabaseTest::cleanup()
{
    m_scratch.reset();
}

void DatabaseTest::createdReadableByOwnerOnly()
{
    SKIP_ON_POSTGRES();
    auto database = openDatabase();
    QVERIFY(database);
    // Write something so that SQLite creates the WAL and shared-memory files too.
    QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a.example', 'a.example')")));

    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo info(path() + suffix);
        QVERIFY2(info.exists(), qPrintable(info.filePath()));
        QVERIFY2((info.permissions() & others) == 0, qPrintable(info.filePath()));
        QVERIFY2((info.permissions() & ownerOnly) == ownerOnly, qPrintable(info.filePath()));
    }
}

void DatabaseTest::createsMissingFolder()
{
    SKIP_ON_POSTGRES();
    const QString nested = m_folder->filePath(QStringLiteral("a/b/directory.sqlite"));
    DatabaseOptions nestedOptions;
    nestedOptions.path = nested;
    auto database = openWith(nestedOptions);
    QVERIFY(database);
    QVERIFY(QFileInfo::exists(nested));
}

void DatabaseTest::connectionSettings_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<QString>("expected");

    QTest::newRow("WAL journal") << QStringLiteral("PRAGMA journal_mode") << QStringLiteral("wal");
    // 1 is NORMAL: in WAL mode a committed transaction survives a killed process.
    QTest::newRow("synchronous NORMAL") << QStringLiteral("PRAGMA synchronous") << QStringLiteral("1");
    QTest::newRow("foreign keys") << QStringLiteral("PRAGMA foreign_keys") << QStringLiteral("1");
    QTest::newRow("waits for a writer") << QStringLiteral("PRAGMA busy_timeout") << QStringLiteral("5000");
}

void DatabaseTest::connectionSettings()
{
    SKIP_ON_POSTGRES();
    QFETCH(QString, pragma);
    QFETCH(QString, expected);

    auto database = openDatabase();
    QVERIFY(database);
    QCOMPARE(scalar(*database, pragma).toString(), expected);
    // A read-only clone, as the mod_xml_curl thread uses, has foreign keys and the timeout too.
    auto clone = database->openClone(QUuid::createUuid().toString(), true);
    QVERIFY(clone);
    if (!pragma.contains(QLatin1String("synchronous")))
        QCOMPARE(scalar(**clone, pragma).toString(), expected);
}

void DatabaseTest::schemaCreatesEveryTable()
{
    auto database = openDatabase();
    QVERIFY(database);
    QCOMPARE(tableNames(*database), (QStringList{"directory_groups", "domain_params", "domain_vars", "domains", "gateway_params",
                                  "gateway_vars", "gateways", "group_members", "group_params", "group_vars", "operators",
                                  "schema_version", "sessions", "user_params", "user_vars", "users"}));
    auto version = Schema::currentVersion(*database);
    QVERIFY(version);
    QCOMPARE(*version, Schema::latestVersion());
}

void DatabaseTest::migrationsRunOnce()
{
    {
        auto database = openDatabase();
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('kept.example', 'kept.example')")));
    }
    auto reopened = openDatabase();
    QVERIFY(reopened);
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion());
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("kept.example"));
}

void DatabaseTest::olderSchemaMigrated()
{
    // Turn a new database back into one of schema version 1, with a row, then reopen it.
    {
        auto database = openDatabase();
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('old.example', 'old.example')")));
        QVERIFY(database->exec(QStringLiteral("DELETE FROM schema_version WHERE version > 1")));
        for (const char *index : {"domain_params_owner", "domain_vars_owner", "user_params_owner", "user_vars_owner",
                                  "group_params_owner", "group_vars_owner", "gateway_params_owner", "gateway_vars_owner"}) {
            QVERIFY(database->exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(index))));
        }
    }
    auto reopened = openDatabase();
    QVERIFY(reopened);
    auto version = Schema::currentVersion(*reopened);
    QVERIFY(version);
    QCOMPARE(*version, Schema::latestVersion());
    QCOMPARE(ownerIndexCount(*reopened), 8);
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("old.example"));
}

void DatabaseTest::newerSchemaRefused()
{
    {
        auto database = openDatabase();
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {Schema::latestVersion() + 5}));
    }
    auto refused = Database::open(options(), QUuid::createUuid().toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, Database::StorageFailure);
    QVERIFY2(refused.error().detail.contains(QString::number(Schema::latestVersion() + 5)), qPrintable(refused.error().detail));
    QVERIFY2(refused.error().detail.contains(QLatin1String("newer fsdirector")), qPrintable(refused.error().detail));
}

void DatabaseTest::unopenablePathReported()
{
    SKIP_ON_POSTGRES();
    // A folder where the file should be.
    QVERIFY(QDir(m_folder->path()).mkdir(QStringLiteral("taken.sqlite")));
    DatabaseOptions options;
    options.path = path(QStringLiteral("taken.sqlite"));
    auto refused = Database::open(options, QUuid::createUuid().toString());
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(options.path), qPrintable(refused.error().detail));

    // A file where the folder should be.
    QFile blocker(path(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    options.path = path(QStringLiteral("file/directory.sqlite"));
    refused = Database::open(options, QUuid::createUuid().toString());
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(QLatin1String("--database")), qPrintable(refused.error().detail));
}

void DatabaseTest::readOnlyCloneCannotWrite()
{
    auto database = openDatabase();
    QVERIFY(database);
    auto clone = database->openClone(QUuid::createUuid().toString(), true);
    QVERIFY(clone);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed.*(readonly|read-only)")));
    auto written = (*clone)->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('x', 'x')"));
    QVERIFY(!written);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM domains")).toInt(), 0);
}

void DatabaseTest::failedStatementReported()
{
    auto database = openDatabase();
    QVERIFY(database);
    const QRegularExpression uniqueViolation(QStringLiteral("UNIQUE|unique constraint"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed.*(UNIQUE|unique constraint)")));
    QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a', 'a')")));
    auto duplicate = database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('A', 'a')"));
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().error, Database::StorageFailure);
    QVERIFY2(duplicate.error().detail.contains(uniqueViolation), qPrintable(duplicate.error().detail));

    // PostgreSQL runs a statement without values unprepared, so it fails when executed.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot prepare statement|Statement failed")));
    QVERIFY(!database->exec(QStringLiteral("SELEC nothing")));
}

void DatabaseTest::transactionCommitsOrRollsBack()
{
    auto database = openDatabase();
    QVERIFY(database);
    const QString insert = QStringLiteral("INSERT INTO domains (name, name_key) VALUES (?, ?)");

    Status committed = database->transaction([&]() -> Status {
        if (auto query = database->exec(insert, {QStringLiteral("one"), QStringLiteral("one")}); !query)
            return query.error();
        return {};
    });
    QVERIFY(committed);

    Status failed = database->transaction([&]() -> Status {
        if (auto query = database->exec(insert, {QStringLiteral("two"), QStringLiteral("two")}); !query)
            return query.error();
        return ApiError::make(QStringLiteral("domain name already exists"));
    });
    QVERIFY(!failed);
    QCOMPARE(failed.error().error, QStringLiteral("domain name already exists"));
    QVERIFY(!database->inTransaction());
    QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM domains")).toInt(), 1);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("one"));
}

void DatabaseTest::nestedTransactionJoinsOuter()
{
    auto database = openDatabase();
    QVERIFY(database);
    const QString insert = QStringLiteral("INSERT INTO domains (name, name_key) VALUES (?, ?)");

    // The inner transaction succeeds, the outer one then fails: neither row stays.
    Status outer = database->transaction([&]() -> Status {
        if (!database->exec(insert, {QStringLiteral("outer"), QStringLiteral("outer")}))
            return ApiError::make(Database::StorageFailure);
        Status inner = database->transaction([&]() -> Status {
            if (!database->exec(insert, {QStringLiteral("inner"), QStringLiteral("inner")}))
                return ApiError::make(Database::StorageFailure);
            return {};
        });
        if (!inner)
            return inner;
        return ApiError::make(QStringLiteral("wrong data"));
    });
    QVERIFY(!outer);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM domains")).toInt(), 0);
}

void DatabaseTest::faultInjectorFailsChosenStatement()
{
    auto database = openDatabase();
    QVERIFY(database);
    QStringList seen;
    database->setFaultInjector([&](const QString &sql) {
        seen.append(sql);
        return sql.startsWith(QLatin1String("INSERT"));
    });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Injected storage fault")));
    auto inserted = database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a', 'a')"));
    QVERIFY(!inserted);
    QCOMPARE(inserted.error().error, Database::StorageFailure);
    QVERIFY(database->exec(QStringLiteral("SELECT COUNT(*) FROM domains")));
    QCOMPARE(seen.size(), 2);

    database->setFaultInjector({});
    QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a', 'a')")));
}

void DatabaseTest::faultAtCommitRollsBack()
{
    auto database = openDatabase();
    QVERIFY(database);
    database->setFaultInjector([](const QString &sql) { return sql == QLatin1String("COMMIT"); });
    Status status = database->transaction([&]() -> Status {
        if (!database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a', 'a')")))
            return ApiError::make(Database::StorageFailure);
        return {};
    });
    database->setFaultInjector({});
    QVERIFY(!status);
    QCOMPARE(status.error().error, Database::StorageFailure);
    QVERIFY(!database->inTransaction());
    QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM domains")).toInt(), 0);
}

namespace {

QStringList domainNames(Database &database)
{
    QStringList names;
    Status status = database.forEachRow(QStringLiteral("SELECT name FROM domains ORDER BY id"), {},
                                        [&names](const SqlRow &row) { names.append(row.text(0)); });
    if (!status)
        names.append(QStringLiteral("(failed)"));
    return names;
}

} // namespace

void DatabaseTest::forEachRowReusesStatement()
{
    auto database = openDatabase();
    QVERIFY(database);
    QCOMPARE(domainNames(*database), QStringList());

    // Another connection writes between two runs of the kept statement: the second run must
    // see the row, so the statement may not hold on to its first read snapshot.
    auto writer = database->openClone(QUuid::createUuid().toString(), false);
    QVERIFY(writer);
    QVERIFY((*writer)->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a.example', 'a.example')")));
    QCOMPARE(domainNames(*database), QStringList{QStringLiteral("a.example")});

    // Different values through the same statement.
    QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('b.example', 'b.example')")));
    for (const QString &name : {QStringLiteral("a.example"), QStringLiteral("b.example"), QStringLiteral("none")}) {
        int rows = 0;
        QVERIFY(database->forEachRow(QStringLiteral("SELECT name FROM domains WHERE name = ?"), {name},
                                     [&rows](const SqlRow &) { ++rows; }));
        QCOMPARE(rows, name == QLatin1String("none") ? 0 : 1);
    }
}

void DatabaseTest::forEachRowNestedSameQuery()
{
    auto database = openDatabase();
    QVERIFY(database);
    for (const char *name : {"a", "b", "c"})
        QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES (?, ?)"), {QString::fromLatin1(name), QString::fromLatin1(name)}));

    // Each outer row runs the same statement again; the inner run may not disturb the outer one.
    const QString sql = QStringLiteral("SELECT name FROM domains WHERE name >= ? ORDER BY name");
    QStringList pairs;
    Status outer = database->forEachRow(sql, {QStringLiteral("a")}, [&](const SqlRow &row) {
        const QString first = row.text(0);
        Status inner = database->forEachRow(sql, {first}, [&](const SqlRow &innerRow) {
            pairs.append(first + innerRow.text(0));
        });
        if (!inner)
            pairs.append(QStringLiteral("(failed)"));
    });
    QVERIFY(outer);
    QCOMPARE(pairs, (QStringList{"aa", "ab", "ac", "bb", "bc", "cc"}));
}

void DatabaseTest::forEachRowReadsAndBindsValues()
{
    // typeof() and untyped parameters are SQLite's.
    SKIP_ON_POSTGRES();
    auto database = openDatabase();
    QVERIFY(database);

    // Bound values of each kind come back as SQLite stored them.
    const QString sql = QStringLiteral("SELECT ?, ?, ?, ?, ?, typeof(?), ?");
    const QVariantList values{qint64(1) << 40, true, QStringLiteral("Zürich ✓"), QVariant(), 2.5,
                              QVariant(), QByteArray("raw")};
    QList<std::pair<qint64, QString>> read;
    QList<bool> nulls;
    QVERIFY(database->forEachRow(sql, values, [&](const SqlRow &row) {
        for (int column = 0; column < 7; ++column) {
            read.append({row.integer(column), row.text(column)});
            nulls.append(row.isNull(column));
        }
    }));
    QCOMPARE(read.size(), 7);
    QCOMPARE(read.at(0), (std::pair<qint64, QString>{qint64(1) << 40, QStringLiteral("1099511627776")}));
    QCOMPARE(read.at(1), (std::pair<qint64, QString>{1, QStringLiteral("1")}));
    QCOMPARE(read.at(2).second, QStringLiteral("Zürich ✓"));
    QCOMPARE(read.at(2).first, 0);
    QCOMPARE(read.at(3), (std::pair<qint64, QString>{0, QString()}));
    QVERIFY(read.at(3).second.isNull());
    QCOMPARE(read.at(4).second, QStringLiteral("2.5"));
    QCOMPARE(read.at(5).second, QStringLiteral("null"));
    QCOMPARE(read.at(6).second, QStringLiteral("raw"));
    QCOMPARE(nulls, (QList<bool>{false, false, false, true, false, false, false}));

    // Inside a transaction the kept statements see the connection's own uncommitted rows, and
    // having run them does not keep the commit from succeeding.
    Status status = database->transaction([&]() -> Status {
        auto inserted = database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('t.example', 't.example')"));
        if (!inserted)
            return inserted.error();
        if (domainNames(*database) != QStringList{QStringLiteral("t.example")})
            return ApiError::make(QStringLiteral("own row not seen"));
        return {};
    });
    QVERIFY2(status, qPrintable(status ? QString() : status.error().error));
    QCOMPARE(domainNames(*database), QStringList{QStringLiteral("t.example")});
}

void DatabaseTest::forEachRowFailures()
{
    auto database = openDatabase();
    QVERIFY(database);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot prepare statement")));
    Status bad = database->forEachRow(QStringLiteral("SELEC name FROM domains"), {}, [](const SqlRow &) {});
    QVERIFY(!bad);
    QCOMPARE(bad.error().error, Database::StorageFailure);

    // An error while stepping, after preparing succeeded: abs() of the smallest integer
    // overflows. The statement stays usable. PostgreSQL needs the parameter's type.
    const QString overflow = onPostgres() ? QStringLiteral("SELECT abs(CAST(? AS BIGINT))") : QStringLiteral("SELECT abs(?)");
    const QString overflowError = onPostgres() ? QStringLiteral("bigint out of range") : QStringLiteral("integer overflow");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed: .*") + overflowError));
    Status failed = database->forEachRow(overflow, {std::numeric_limits<qint64>::min()}, [](const SqlRow &) {});
    QVERIFY(!failed);
    QVERIFY2(failed.error().detail.contains(overflowError), qPrintable(failed.error().detail));
    qint64 value = 0;
    QVERIFY(database->forEachRow(overflow, {qint64(-5)}, [&value](const SqlRow &row) { value = row.integer(0); }));
    QCOMPARE(value, 5);

    database->setFaultInjector([](const QString &sql) { return sql.contains(QLatin1String("FROM domains")); });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Injected storage fault")));
    QCOMPARE(domainNames(*database), QStringList{QStringLiteral("(failed)")});
    database->setFaultInjector({});
    QCOMPARE(domainNames(*database), QStringList());
}

void DatabaseTest::lockRefusesSecondOwner()
{
    DatabaseLock first(options());
    Status acquired = first.acquire();
    QVERIFY2(acquired, qPrintable(acquired ? QString() : acquired.error().detail));
    first.setApiAddress(QStringLiteral("127.0.0.1:8080"));
    const QFileInfo owner(path() + QStringLiteral(".owner"));
    if (!onPostgres()) {
        QVERIFY(owner.exists());
        QCOMPARE(owner.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    DatabaseLock second(options());
    Status refused = second.acquire();
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, QStringLiteral("database locked"));
    const QString detail = refused.error().detail;
    QVERIFY2(detail.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(detail));
    QVERIFY2(detail.contains(QLatin1String("127.0.0.1:8080")), qPrintable(detail));
    const QString location = onPostgres() ? options().schema : path();
    QVERIFY2(detail.contains(location), qPrintable(detail));

    // Another schema in the same PostgreSQL database is another directory with its own lock.
    if (onPostgres()) {
        test::ScratchDatabase otherScratch;
        QVERIFY2(otherScratch.isValid(), qPrintable(otherScratch.errorString()));
        DatabaseLock other(otherScratch.options());
        QVERIFY(other.acquire());
    }

    first.release();
    QVERIFY(!QFileInfo::exists(owner.filePath()));
    QVERIFY(second.acquire());
}

void DatabaseTest::lockTakesOverStaleLock()
{
    SKIP_ON_POSTGRES();
    // A lock file left by a process that no longer runs: QLockFile records the PID, the
    // application name and the host name.
    QProcess finished;
    finished.start(QStringLiteral("true"));
    QVERIFY(finished.waitForStarted());
    const qint64 deadPid = finished.processId();
    QVERIFY(finished.waitForFinished());
    QVERIFY(deadPid > 0);
    QFile stale(path() + QStringLiteral(".lock"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write(QByteArray::number(deadPid) + "\n" + QCoreApplication::applicationName().toUtf8() + "\n"
                + QSysInfo::machineHostName().toUtf8() + "\n");
    stale.close();

    DatabaseLock lock(path());
    Status acquired = lock.acquire();
    QVERIFY2(acquired, qPrintable(acquired ? QString() : acquired.error().detail));
}

void DatabaseTest::lockCreatesMissingFolder()
{
    SKIP_ON_POSTGRES();
    // On a first start neither the database nor its folder exist yet.
    const QString nested = m_folder->filePath(QStringLiteral("new/folder/directory.sqlite"));
    DatabaseLock lock(nested);
    Status acquired = lock.acquire();
    QVERIFY2(acquired, qPrintable(acquired ? QString() : acquired.error().detail));
    QVERIFY(QFileInfo::exists(nested + QStringLiteral(".lock")));

    // A file where the folder should be cannot be worked around, and the error names the cause.
    QFile blocker(m_folder->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DatabaseLock blocked(m_folder->filePath(QStringLiteral("blocker/directory.sqlite")));
    Status refused = blocked.acquire();
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(QLatin1String("--database")), qPrintable(refused.error().detail));
    QVERIFY2(!refused.error().detail.contains(QLatin1String("in use by")), qPrintable(refused.error().detail));
}

void DatabaseTest::postgresBindsValues()
{
    SKIP_ON_SQLITE();
    auto database = openDatabase();
    QVERIFY(database);

    // A bool goes to an INTEGER column as 1 or 0, as the schema stores booleans on both backends.
    const QVariantList values{qint64(1) << 40, true, false, QStringLiteral("Zürich ✓"), QVariant()};
    const QString sql = QStringLiteral("SELECT CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                                       " CAST(? AS TEXT), CAST(? AS TEXT)");
    QList<std::pair<qint64, QString>> read;
    QList<bool> nulls;
    QVERIFY(database->forEachRow(sql, values, [&](const SqlRow &row) {
        for (int column = 0; column < 5; ++column) {
            read.append({row.integer(column), row.text(column)});
            nulls.append(row.isNull(column));
        }
    }));
    QCOMPARE(read.size(), 5);
    QCOMPARE(read.at(0).first, qint64(1) << 40);
    QCOMPARE(read.at(1).first, 1);
    QCOMPARE(read.at(2).first, 0);
    QCOMPARE(read.at(3).second, QStringLiteral("Zürich ✓"));
    QCOMPARE(nulls, (QList<bool>{false, false, false, false, true}));

    auto inserted = database->exec(QStringLiteral("INSERT INTO domains (name, name_key, enabled) VALUES (?, ?, ?)"),
                                   {QStringLiteral("off.example"), QStringLiteral("off.example"), false});
    QVERIFY(inserted);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT enabled FROM domains")).toInt(), 0);
}

void DatabaseTest::postgresCreatesSchema()
{
    SKIP_ON_SQLITE();
    // A schema that does not exist yet is created by the first writable open.
    DatabaseOptions fresh = options();
    fresh.schema += QStringLiteral("_new");
    {
        auto database = openWith(fresh);
        QVERIFY(database);
        QCOMPARE(scalar(*database, QStringLiteral("SELECT current_schema()")).toString(), fresh.schema);
        QVERIFY(tableNames(*database).contains(QStringLiteral("domains")));
    }
    auto cleanup = openDatabase();
    QVERIFY(cleanup);
    QVERIFY(cleanup->exec(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(fresh.schema)));
}

void DatabaseTest::postgresSchemaNameChecked()
{
    SKIP_ON_SQLITE();
    DatabaseOptions quoted = options();
    quoted.schema = QStringLiteral("Directory; DROP TABLE x");
    auto refused = Database::open(quoted, QUuid::createUuid().toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, Database::StorageFailure);
    QVERIFY2(refused.error().detail.contains(quoted.schema), qPrintable(refused.error().detail));
    QVERIFY2(refused.error().detail.contains(QLatin1String("lower-case")), qPrintable(refused.error().detail));
}

void DatabaseTest::postgresOpenFailures_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("advice");

    // Port 1 on loopback has no server, so the connection is refused at once.
    QTest::newRow("server unreachable") << QStringLiteral("port") << QStringLiteral("1") << QStringLiteral("is running");
    QTest::newRow("database missing") << QStringLiteral("database") << QStringLiteral("fsd_test_no_such_database")
                                      << QStringLiteral("createdb");
    QTest::newRow("wrong password") << QStringLiteral("password") << QStringLiteral("not the password")
                                    << QStringLiteral("FSDIRECTOR_DATABASE_PASSWORD");
}

void DatabaseTest::postgresOpenFailures()
{
    SKIP_ON_SQLITE();
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, advice);

    DatabaseOptions wrong = options();
    if (field == QLatin1String("port"))
        wrong.port = value.toInt();
    else if (field == QLatin1String("database"))
        wrong.databaseName = value;
    else
        wrong.password = value;
    if (field == QLatin1String("password") && wrong.host.isEmpty())
        QSKIP("the Unix socket may not ask for a password");

    auto refused = Database::open(wrong, QUuid::createUuid().toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, Database::StorageFailure);
    const QString detail = refused.error().detail;
    QVERIFY2(detail.contains(QStringLiteral("\"%1\"").arg(wrong.databaseName)), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("port %1").arg(wrong.port)), qPrintable(detail));
    QVERIFY2(detail.contains(advice), qPrintable(detail));
    if (field == QLatin1String("password"))
        QVERIFY2(!detail.contains(value), qPrintable(detail));
}

void DatabaseTest::postgresSessionSettings()
{
    SKIP_ON_SQLITE();
    auto database = openDatabase();
    QVERIFY(database);
    QCOMPARE(scalar(*database, QStringLiteral("SHOW lock_timeout")).toString(), QStringLiteral("5s"));
    QCOMPARE(scalar(*database, QStringLiteral("SHOW application_name")).toString(), QStringLiteral("fsdirector"));
    QCOMPARE(scalar(*database, QStringLiteral("SHOW default_transaction_read_only")).toString(), QStringLiteral("off"));

    auto clone = database->openClone(QUuid::createUuid().toString(), true);
    QVERIFY(clone);
    QCOMPARE(scalar(**clone, QStringLiteral("SHOW default_transaction_read_only")).toString(), QStringLiteral("on"));
    QCOMPARE(scalar(**clone, QStringLiteral("SELECT current_schema()")).toString(), options().schema);
}

void DatabaseTest::locationParsed_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("schema");

    QTest::newRow("SQLite file") << QStringLiteral("/var/lib/fsdirector/directory.sqlite") << false << QString() << 5432
                                 << QString() << QString() << QString();
    QTest::newRow("full URL") << QStringLiteral("postgresql://fsd@db.example.net:5433/directory?schema=pbx") << true
                              << QStringLiteral("db.example.net") << 5433 << QStringLiteral("fsd")
                              << QStringLiteral("directory") << QStringLiteral("pbx");
    QTest::newRow("default port") << QStringLiteral("postgres://fsd@127.0.0.1/directory") << true
                                  << QStringLiteral("127.0.0.1") << 5432 << QStringLiteral("fsd")
                                  << QStringLiteral("directory") << QString();
    QTest::newRow("Unix socket") << QStringLiteral("postgresql:///directory") << true << QString() << 5432 << QString()
                                 << QStringLiteral("directory") << QString();
}

void DatabaseTest::locationParsed()
{
    QFETCH(QString, location);
    QFETCH(bool, postgres);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, schema);

    auto parsed = parseDatabaseLocation(location);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->backend == SqlDialect::Backend::PostgreSQL, postgres);
    QCOMPARE(parsed->path, postgres ? QString() : location);
    QCOMPARE(parsed->host, host);
    QCOMPARE(parsed->port, port);
    QCOMPARE(parsed->userName, user);
    QCOMPARE(parsed->databaseName, database);
    QCOMPARE(parsed->schema, schema);
    QVERIFY(parsed->password.isEmpty());
}

void DatabaseTest::locationRejected_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("expected");

    QTest::newRow("password in URL") << QStringLiteral("postgresql://fsd:secret@127.0.0.1/directory")
                                     << QStringLiteral("FSDIRECTOR_DATABASE_PASSWORD");
    QTest::newRow("no database") << QStringLiteral("postgresql://fsd@127.0.0.1/") << QStringLiteral("names no database");
    QTest::newRow("unknown parameter") << QStringLiteral("postgresql://fsd@127.0.0.1/directory?sslmode=require")
                                       << QStringLiteral("\"sslmode\"");
    QTest::newRow("invalid port") << QStringLiteral("postgresql://fsd@127.0.0.1:port/directory")
                                  << QStringLiteral("Invalid PostgreSQL URL");
}

void DatabaseTest::locationRejected()
{
    QFETCH(QString, location);
    QFETCH(QString, expected);

    auto parsed = parseDatabaseLocation(location);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().detail.contains(expected), qPrintable(parsed.error().detail));
    QVERIFY2(!parsed.error().detail.contains(QLatin1String("secret")), qPrintable(parsed.error().detail));
}

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
