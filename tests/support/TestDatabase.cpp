// SPDX-License-Identifier: MPL-2.0
#include "tests/support/TestDatabase.h"

#include "core/storage/Schema.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

namespace fsd::test {

namespace {

const QString AdminConnection = QStringLiteral("fsd-test-scratch-admin");

// Migrated, emptied schemas of this process, ready for the next ScratchDatabase. Creating a
// schema with its tables took about 220 ms and emptying one about 10 ms (psql, PostgreSQL 15
// on a loaded 2-core VM), and the event tests use a few hundred.
struct SchemaPool
{
    QStringList ready;
    // What an untouched migrated schema looks like (see schemaSignature()); a released schema
    // that differs, because its test changed tables, indexes or schema_version, is dropped.
    QString signature;
    bool cleanupRegistered = false;
};

SchemaPool &pool()
{
    static SchemaPool instance;
    return instance;
}

// Runs `sql` on this process's connection to the configured server, opening it on first use.
QString runOnServer(const DatabaseOptions &server, const QString &sql, QVariant *value = nullptr)
{
    QSqlDatabase db = QSqlDatabase::database(AdminConnection, false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), AdminConnection);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setDatabaseName(server.databaseName);
        db.setUserName(server.userName);
        db.setPassword(server.password);
    }
    if (!db.isOpen()) {
        if (!db.open())
            return db.lastError().text();
        // Without this, DROP SCHEMA ... CASCADE prints a NOTICE per table on standard error.
        QSqlQuery quiet(db);
        if (!quiet.exec(QStringLiteral("SET client_min_messages = warning")))
            return quiet.lastError().text();
    }
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text();
    if (value)
        *value = query.next() ? query.value(0) : QVariant();
    return {};
}

// Tables, columns, indexes and schema versions of `schema` as one text.
QString schemaSignature(const DatabaseOptions &server, const QString &schema)
{
    QVariant signature;
    const QString error = runOnServer(
        server,
        QStringLiteral(
            "SELECT (SELECT string_agg(version::text, ',' ORDER BY version) FROM %1.schema_version)"
            " || '|' || (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes"
            "            WHERE schemaname = '%1')"
            " || '|' || (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ','"
            "                              ORDER BY table_name, ordinal_position)"
            "            FROM information_schema.columns WHERE table_schema = '%1')")
            .arg(schema),
        &signature);
    return error.isEmpty() ? signature.toString() : QString();
}

// Deletes every row but the schema versions and restarts the ids at 1, as in a new schema.
QString emptySchema(const DatabaseOptions &server, const QString &schema)
{
    return runOnServer(
        server,
        QStringLiteral(
            "DO $$ DECLARE t record; BEGIN"
            "  FOR t IN SELECT table_name FROM information_schema.tables"
            "           WHERE table_schema = '%1' AND table_name <> 'schema_version' LOOP"
            "    EXECUTE format('DELETE FROM %I.%I', '%1', t.table_name);"
            "  END LOOP;"
            "  FOR t IN SELECT table_name FROM information_schema.columns"
            "           WHERE table_schema = '%1' AND column_name = 'id' AND is_identity = 'YES' LOOP"
            "    PERFORM setval(pg_get_serial_sequence(format('%I.%I', '%1', t.table_name), 'id'),"
            "                   1, false);"
            "  END LOOP;"
            "END $$")
            .arg(schema));
}

void dropPooledSchemas()
{
    auto server = ScratchDatabase::postgresServer();
    if (server) {
        for (const QString &schema : std::as_const(pool().ready))
            runOnServer(*server, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema));
    }
    pool().ready.clear();
    QSqlDatabase::database(AdminConnection, false).close();
    QSqlDatabase::removeDatabase(AdminConnection);
}

// Creates a schema with the current tables, applied by Database::open as the product does.
QString createMigratedSchema(const DatabaseOptions &server, const QString &schema)
{
    QString error = runOnServer(server, QStringLiteral("CREATE SCHEMA %1").arg(schema));
    if (!error.isEmpty())
        return error;
    DatabaseOptions options = server;
    options.schema = schema;
    auto database = Database::open(options, QStringLiteral("scratch-migration-") + schema);
    if (!database)
        return database.error().detail;
    return {};
}

} // namespace

bool onPostgres()
{
    return qEnvironmentVariable("FSD_TEST_BACKEND").compare(QLatin1String("postgresql"),
                                                            Qt::CaseInsensitive)
           == 0;
}

Result<DatabaseOptions> ScratchDatabase::postgresServer()
{
    const QString connection = qEnvironmentVariable("FSD_TEST_POSTGRES");
    if (connection.trimmed().isEmpty()) {
        return ApiError::make(QStringLiteral("no PostgreSQL"),
                              QStringLiteral("FSD_TEST_POSTGRES is not set. Set it to the test "
                                             "server, e.g. \"host=127.0.0.1 port=5432 "
                                             "user=fsd_test password=fsd_test dbname=fsd_test\"."));
    }
    DatabaseOptions options;
    options.backend = SqlDialect::Backend::PostgreSQL;
    for (const QString &pair : connection.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString key = pair.left(equals);
        const QString value = pair.mid(equals + 1);
        if (equals <= 0) {
            return ApiError::make(QStringLiteral("no PostgreSQL"),
                                  QStringLiteral("Invalid FSD_TEST_POSTGRES entry \"%1\": "
                                                 "expected key=value.").arg(pair));
        }
        if (key == QLatin1String("host"))
            options.host = value;
        else if (key == QLatin1String("port"))
            options.port = value.toInt();
        else if (key == QLatin1String("user"))
            options.userName = value;
        else if (key == QLatin1String("password"))
            options.password = value;
        else if (key == QLatin1String("dbname"))
            options.databaseName = value;
        else
            return ApiError::make(QStringLiteral("no PostgreSQL"),
                                  QStringLiteral("Unknown FSD_TEST_POSTGRES key \"%1\": use host, "
                                                 "port, user, password and dbname.").arg(key));
    }
    return options;
}

ScratchDatabase::ScratchDatabase()
{
    if (!m_folder.isValid()) {
        m_error = QStringLiteral("Cannot create a temporary folder: %1").arg(m_folder.errorString());
        return;
    }
    if (!onPostgres()) {
        m_options.path = m_folder.filePath(QStringLiteral("directory.sqlite"));
        return;
    }

    auto server = postgresServer();
    if (!server) {
        m_error = server.error().detail;
        return;
    }
    m_options = *server;
    SchemaPool &schemas = pool();
    if (!schemas.cleanupRegistered) {
        qAddPostRoutine(dropPooledSchemas);
        schemas.cleanupRegistered = true;
    }
    if (!schemas.ready.isEmpty()) {
        m_options.schema = schemas.ready.takeLast();
        return;
    }

    m_options.schema = QStringLiteral("fsd_test_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString error = createMigratedSchema(m_options, m_options.schema);
    if (!error.isEmpty()) {
        m_error = QStringLiteral("Cannot create the scratch schema %1 in the PostgreSQL database "
                                 "%2 (FSD_TEST_POSTGRES): %3")
                      .arg(m_options.schema, m_options.databaseName, error);
        return;
    }
    if (schemas.signature.isEmpty())
        schemas.signature = schemaSignature(m_options, m_options.schema);
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_options.backend != SqlDialect::Backend::PostgreSQL || m_options.schema.isEmpty())
        return;
    SchemaPool &schemas = pool();
    const QString signature = schemaSignature(m_options, m_options.schema);
    if (!signature.isEmpty() && signature == schemas.signature
        && emptySchema(m_options, m_options.schema).isEmpty()) {
        schemas.ready.append(m_options.schema);
        return;
    }
    const QString error =
        runOnServer(m_options, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(m_options.schema));
    if (!error.isEmpty())
        qWarning().noquote() << "Cannot drop the scratch schema" << m_options.schema << ":" << error;
}

} // namespace fsd::test
