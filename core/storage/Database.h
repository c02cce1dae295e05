// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/SqlDialect.h"
#include "core/storage/SqlRow.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace fsd {

class SqliteStatements;

// Location of the directory database. SQLite needs only `path`; PostgreSQL uses the connection
// fields (an empty host means the local Unix socket, an empty user name the operating system
// user, and an empty password lets libpq read PGPASSWORD or ~/.pgpass).
struct DatabaseOptions
{
    SqlDialect::Backend backend = SqlDialect::Backend::SQLite;
    QString path;
    QString host;
    int port = 5432;
    QString databaseName;
    QString userName;
    QString password;
    // PostgreSQL schema that contains the tables; empty keeps the server's search_path (public).
    QString schema;
    bool readOnly = false;
};

// One connection to the directory database, used from the thread that opened it. Every
// statement goes through exec(), which checks and logs failures; every change goes through
// transaction(). This class and the store classes beside it are the only places with SQL.
class Database
{
public:
    // Error text of every failed statement; the dispatcher turns it into the event's own
    // "can't add" / "can't update" / ... and logs the database's message.
    static inline const QString StorageFailure = QStringLiteral("database error");

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the database and applies pending schema migrations, unless
    // `options.readOnly`. SQLite files are created readable by their owner only and run in WAL
    // mode with synchronous=NORMAL and foreign keys on. A PostgreSQL database must exist; the
    // tables are created in it (in `options.schema` when set, which is created if missing).
    static Result<std::unique_ptr<Database>> open(const DatabaseOptions &options,
                                                  const QString &connectionName);
    // Opens another connection to the same database, for use on another thread.
    Result<std::unique_ptr<Database>> openClone(const QString &connectionName,
                                                bool readOnly) const;

    const DatabaseOptions &options() const { return m_options; }
    const SqlDialect &dialect() const { return m_dialect; }
    QSqlDatabase connection() const;
    // A human-readable location: the file path, or a postgresql:// URL without the password.
    QString displayLocation() const;

    // Prepares, binds positional values and executes. On failure logs the statement's error
    // and returns StorageFailure with the database message as detail.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;
    // Runs a query through a prepared statement kept for the next call with the same SQL, and
    // calls `row` for each result row. Meant for the reads that nearly every request repeats,
    // because preparing a statement costs about as much as running it. On SQLite it runs
    // through SQLite's C API (SqliteStatements). Fails and logs like exec(). A call nested in
    // `row` with the same SQL prepares a statement of its own.
    Status forEachRow(const QString &sql, const QVariantList &values,
                      const std::function<void(const SqlRow &row)> &row) const;
    // Like exec(), but keeps the prepared statement for the next call with the same SQL text
    // on this connection, which saves parsing statements that run again and again (the
    // mod_xml_curl lookups). Returns the kept statement, valid until this Database is
    // destroyed and run again by the next call with the same text. An SQLite statement that
    // is not read to its end keeps its read transaction, and so an old snapshot, open: call
    // finishCached() when done.
    Result<QSqlQuery *> execCached(const QString &sql, const QVariantList &values = {}) const;
    // Resets every kept statement, ending the read transactions they hold.
    void finishCached() const;
    // Runs `work` in one transaction: commits when it succeeds, rolls back when it fails.
    // Nested calls join the outer transaction. On PostgreSQL a failed statement aborts the
    // whole transaction, so a caller that wants to go on after a failure inside it must not
    // rely on the transaction still being usable.
    Status transaction(const std::function<Status()> &work);
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Test seam: when set and returning true for a statement's SQL, exec() fails as if the
    // database had. Used to reach the "can't ..." errors of every event.
    void setFaultInjector(std::function<bool(const QString &sql)> injector);

private:
    Database(DatabaseOptions options, QString connectionName);
    Status configureConnection();
    Status configurePostgresConnection();
    // Whether queries are forward-only, reading rows as they are stepped.
    bool streamsRows() const;
    // A forward-only query prepared for `sql`, or null (logged) when preparing fails.
    std::unique_ptr<QSqlQuery> prepareForwardOnly(const QString &sql) const;

    struct CachedStatement
    {
        std::unique_ptr<QSqlQuery> query;
        bool inUse = false;
    };

    DatabaseOptions m_options;
    QString m_connectionName;
    SqlDialect m_dialect;
    int m_transactionDepth = 0;
    std::function<bool(const QString &)> m_faultInjector;
    // Prepared statements of forEachRow(): on SQLite in m_sqlite, on other backends by SQL
    // text in m_statements. Destroyed before the connection closes.
    std::unique_ptr<SqliteStatements> m_sqlite;
    mutable QHash<QString, std::shared_ptr<CachedStatement>> m_statements;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statementCache;
};

} // namespace fsd
