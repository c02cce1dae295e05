// SPDX-License-Identifier: MPL-2.0
// The SQLite database: how it is created and configured, schema migrations, transactions, the
// fault injector the event tests rely on, and the lock that keeps a second process off.

#include "core/storage/Database.h"
#include "core/storage/DatabaseLock.h"
#include "core/storage/Schema.h"

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

namespace {

std::unique_ptr<Database> openAt(const QString &path, bool readOnly = false)
{
    DatabaseOptions options;
    options.path = path;
    options.readOnly = readOnly;
    auto database = Database::open(options, QUuid::createUuid().toString());
    if (!database) {
        qWarning().noquote() << "cannot open" << path << database.error().detail;
        return {};
    }
    return std::move(*database);
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
    void forEachRowFailures();
    void lockRefusesSecondOwner();
    void lockTakesOverStaleLock();
    void lockCreatesMissingFolder();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QString path(const QString &name = QStringLiteral("directory.sqlite")) const { return m_folder->filePath(name); }
};

void DatabaseTest::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void DatabaseTest::createdReadableByOwnerOnly()
{
    auto database = openAt(path());
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
    const QString nested = m_folder->filePath(QStringLiteral("a/b/directory.sqlite"));
    auto database = openAt(nested);
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
    QFETCH(QString, pragma);
    QFETCH(QString, expected);

    auto database = openAt(path());
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
    auto database = openAt(path());
    QVERIFY(database);
    QStringList tables;
    auto query = database->exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    QVERIFY(query);
    while (query->next())
        tables.append(query->value(0).toString());
    QCOMPARE(tables, (QStringList{"directory_groups", "domain_params", "domain_vars", "domains", "gateway_params",
                                  "gateway_vars", "gateways", "group_members", "group_params", "group_vars", "operators",
                                  "schema_version", "sessions", "user_params", "user_vars", "users"}));
    auto version = Schema::currentVersion(*database);
    QVERIFY(version);
    QCOMPARE(*version, Schema::latestVersion());
}

void DatabaseTest::migrationsRunOnce()
{
    {
        auto database = openAt(path());
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('kept.example', 'kept.example')")));
    }
    auto reopened = openAt(path());
    QVERIFY(reopened);
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), Schema::latestVersion());
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("kept.example"));
}

void DatabaseTest::olderSchemaMigrated()
{
    // Turn a new database back into one of schema version 1, with a row, then reopen it.
    {
        auto database = openAt(path());
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('old.example', 'old.example')")));
        QVERIFY(database->exec(QStringLiteral("DELETE FROM schema_version WHERE version > 1")));
        for (const char *index : {"domain_params_owner", "domain_vars_owner", "user_params_owner", "user_vars_owner",
                                  "group_params_owner", "group_vars_owner", "gateway_params_owner", "gateway_vars_owner"}) {
            QVERIFY(database->exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(index))));
        }
    }
    auto reopened = openAt(path());
    QVERIFY(reopened);
    auto version = Schema::currentVersion(*reopened);
    QVERIFY(version);
    QCOMPARE(*version, Schema::latestVersion());
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%_owner'")).toInt(), 8);
    QCOMPARE(scalar(*reopened, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("old.example"));
}

void DatabaseTest::newerSchemaRefused()
{
    {
        auto database = openAt(path());
        QVERIFY(database);
        QVERIFY(database->exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {Schema::latestVersion() + 5}));
    }
    DatabaseOptions options;
    options.path = path();
    auto refused = Database::open(options, QUuid::createUuid().toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, Database::StorageFailure);
    QVERIFY2(refused.error().detail.contains(QString::number(Schema::latestVersion() + 5)), qPrintable(refused.error().detail));
    QVERIFY2(refused.error().detail.contains(QLatin1String("newer fsdirector")), qPrintable(refused.error().detail));
}

void DatabaseTest::unopenablePathReported()
{
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
    auto database = openAt(path());
    QVERIFY(database);
    auto clone = database->openClone(QUuid::createUuid().toString(), true);
    QVERIFY(clone);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed.*readonly")));
    auto written = (*clone)->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('x', 'x')"));
    QVERIFY(!written);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM domains")).toInt(), 0);
}

void DatabaseTest::failedStatementReported()
{
    auto database = openAt(path());
    QVERIFY(database);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed.*UNIQUE")));
    QVERIFY(database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('a', 'a')")));
    auto duplicate = database->exec(QStringLiteral("INSERT INTO domains (name, name_key) VALUES ('A', 'a')"));
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().error, Database::StorageFailure);
    QVERIFY2(duplicate.error().detail.contains(QLatin1String("UNIQUE")), qPrintable(duplicate.error().detail));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot prepare statement")));
    QVERIFY(!database->exec(QStringLiteral("SELEC nothing")));
}

void DatabaseTest::transactionCommitsOrRollsBack()
{
    auto database = openAt(path());
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
    QCOMPARE(scalar(*database, QStringLiteral("SELECT group_concat(name) FROM domains")).toString(), QStringLiteral("one"));
}

void DatabaseTest::nestedTransactionJoinsOuter()
{
    auto database = openAt(path());
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
    auto database = openAt(path());
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
    auto database = openAt(path());
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
    auto database = openAt(path());
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
    auto database = openAt(path());
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
    auto database = openAt(path());
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
    auto database = openAt(path());
    QVERIFY(database);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot prepare statement")));
    Status bad = database->forEachRow(QStringLiteral("SELEC name FROM domains"), {}, [](const SqlRow &) {});
    QVERIFY(!bad);
    QCOMPARE(bad.error().error, Database::StorageFailure);

    // An error while stepping, after preparing succeeded: abs() of the smallest integer
    // overflows. The statement stays usable.
    const QString overflow = QStringLiteral("SELECT abs(?)");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Statement failed: integer overflow")));
    Status failed = database->forEachRow(overflow, {std::numeric_limits<qint64>::min()}, [](const SqlRow &) {});
    QVERIFY(!failed);
    QCOMPARE(failed.error().detail, QStringLiteral("integer overflow"));
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
    DatabaseLock first(path());
    QVERIFY(first.acquire());
    first.setApiAddress(QStringLiteral("127.0.0.1:8080"));
    const QFileInfo owner(path() + QStringLiteral(".owner"));
    QVERIFY(owner.exists());
    QCOMPARE(owner.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

    DatabaseLock second(path());
    Status refused = second.acquire();
    QVERIFY(!refused);
    QCOMPARE(refused.error().error, QStringLiteral("database locked"));
    const QString detail = refused.error().detail;
    QVERIFY2(detail.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(detail));
    QVERIFY2(detail.contains(QLatin1String("127.0.0.1:8080")), qPrintable(detail));
    QVERIFY2(detail.contains(path()), qPrintable(detail));

    first.release();
    QVERIFY(!QFileInfo::exists(owner.filePath()));
    QVERIFY(second.acquire());
}

void DatabaseTest::lockTakesOverStaleLock()
{
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

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
