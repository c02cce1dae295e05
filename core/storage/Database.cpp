// SPDX-License-Identifier: MPL-2.0
#include "core/storage/Database.h"

#include "core/storage/PostgresConnection.h"
#include "core/storage/Schema.h"
#include "core/storage/SqliteStatements.h"
#include "core/storage/StorageLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStorage, "fsdirector.storage", QtInfoMsg)

namespace fsd {

namespace {

constexpr QFile::Permissions OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

// Upper bound of SQLite's memory map of the database file: address space, not memory, because
// only the pages read are loaded. 1 GiB covers about 500,000 users with 15 attributes each.
constexpr qint64 MaxMappedBytes = qint64(1) << 30;

// Creates the SQLite file (and its folder) readable by the owner only before SQLite opens it.
// SQLite gives the -wal and -shm files the permissions of the database file.
Status prepareSqliteFile(const QString &path)
{
    const QFileInfo info(path);
    QDir folder = info.absoluteDir();
    if (!folder.exists() && !folder.mkpath(QStringLiteral("."))) {
        return ApiError::make(Database::StorageFailure,
                              QStringLiteral("Cannot create the folder %1 for the database. "
                                             "Check its parent's permissions or pass --database.")
                                  .arg(folder.absolutePath()));
    }
    if (info.exists())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return ApiError::make(Database::StorageFailure,
                              QStringLiteral("Cannot create the database file %1: %2")
                                  .arg(path, file.errorString()));
    }
    file.close();
    file.setPermissions(OwnerOnly);
    return {};
}

// The value to bind for `value`. Booleans are bound as 0/1, because the schema stores them as
// INTEGER and Qt's PostgreSQL driver sends a bool as TRUE/FALSE, which PostgreSQL refuses
// for an integer parameter.
QVariant bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return QVariant(value.toBool() ? 1 : 0);
    return value;
}

// A row of a QSqlQuery, for the backends that forEachRow() runs through Qt's driver.
class QueryRow final : public SqlRow
{
public:
    explicit QueryRow(const QSqlQuery &query) : m_query(query) {}

    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }
    QString text(int column) const override { return m_query.value(column).toString(); }
    bool isNull(int column) const override { return m_query.isNull(column); }

private:
    const QSqlQuery &m_query;
};

} // namespace

Database::Database(DatabaseOptions options, QString connectionName)
    : m_options(std::move(options))
    , m_connectionName(std::move(connectionName))
    , m_dialect(m_options.backend)
{
}

Database::~Database()
{
    m_sqlite.reset();
    m_statements.clear();
    m_statementCache.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseOptions &options,
                                                 const QString &connectionName)
{
    std::unique_ptr<Database> database(new Database(options, connectionName));
    const SqlDialect &dialect = database->dialect();

    if (dialect.backend() == SqlDialect::Backend::SQLite && !options.readOnly) {
        Status prepared = prepareSqliteFile(options.path);
        if (!prepared)
            return prepared.error();
    }
    if (dialect.backend() == SqlDialect::Backend::PostgreSQL) {
        Status schemaName = postgres::checkSchemaName(options.schema);
        if (!schemaName)
            return schemaName.error();
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), connectionName);
    if (!db.isValid()) {
        return ApiError::make(StorageFailure,
                              QStringLiteral("The Qt SQL driver %1 is not installed.")
                                  .arg(dialect.driverName()));
    }
    if (dialect.backend() == SqlDialect::Backend::SQLite) {
        db.setDatabaseName(options.path);
        if (options.readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    } else {
        db.setHostName(options.host);
        db.setPort(options.port);
        db.setDatabaseName(options.databaseName);
        db.setUserName(options.userName);
        db.setPassword(options.password);
        // NOTE: a connection that the server closes later (a restart, an idle timeout) is
        // not reopened, so every statement on it fails until fsdirector is restarted.
        db.setConnectOptions(postgres::connectOptions());
    }
    if (!db.open()) {
        if (dialect.backend() == SqlDialect::Backend::PostgreSQL) {
            return ApiError::make(StorageFailure,
                                  postgres::describeOpenFailure(options,
                                                                database->displayLocation(),
                                                                db.lastError().text()));
        }
        return ApiError::make(StorageFailure,
                              QStringLiteral("Cannot open the database %1: %2")
                                  .arg(database->displayLocation(), db.lastError().text()));
    }

    Status configured = database->configureConnection();
    if (!configured)
        return configured.error();
    if (!options.readOnly) {
        Status migrated = Schema::migrate(*database);
        if (!migrated)
            return migrated.error();
    }
    qCDebug(lcStorage) << "Opened database" << database->displayLocation() << "as"
                       << connectionName;
    return database;
}

Result<std::unique_ptr<Database>> Database::openClone(const QString &connectionName,
                                                      bool readOnly) const
{
    DatabaseOptions options = m_options;
    options.readOnly = readOnly;
    return open(options, connectionName);
}

Status Database::configurePostgresConnection()
{
    bool createSchema = false;
    if (!m_options.schema.isEmpty() && !m_options.readOnly) {
        auto found = exec(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"),
                          {m_options.schema});
        if (!found)
            return found.error();
        createSchema = !found->next();
    }
    for (const QString &statement : postgres::sessionStatements(m_options, createSchema)) {
        auto result = exec(statement);
        if (!result)
            return result.error();
    }
    return {};
}

Status Database::configureConnection()
{
    if (m_dialect.backend() == SqlDialect::Backend::PostgreSQL)
        return configurePostgresConnection();
    // WAL lets readers (the mod_xml_curl thread) run beside a writer; synchronous=NORMAL in WAL
    // mode keeps every committed transaction across a killed process, losing at most the last
    // ones on a power cut. busy_timeout makes a second connection wait for a writer.
    QStringList pragmas = {QStringLiteral("PRAGMA foreign_keys = ON"),
                           QStringLiteral("PRAGMA busy_timeout = 5000")};
    if (!m_options.readOnly) {
        pragmas.prepend(QStringLiteral("PRAGMA journal_mode = WAL"));
        pragmas.append(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    // Memory-mapped reads: without them SQLite copies every page it lacks in its own 2 MB cache
    // from the operating system with pread(), about 6 calls per Get_user_details on a 100,000
    // user directory. Mapping raised that event from about 17,900 to 20,000 per CPU second
    // (bench/directory, median of 5 runs on a shared 2-core VM). The first MaxMappedBytes of
    // the file are mapped, and pages beyond it are still read with pread().
    // NOTE: SQLite's "Memory-Mapped I/O" page warns that an I/O error on a mapped page (a
    // failing disk, or the file truncated by another program) raises a signal that ends the
    // process, where pread() would have failed only the request.
    pragmas.append(QStringLiteral("PRAGMA mmap_size = %1").arg(MaxMappedBytes));
    for (const QString &pragma : pragmas) {
        auto result = exec(pragma);
        if (!result)
            return result.error();
    }

    // Qt's documented way to reach the driver's own handle: a QVariant holding "sqlite3*".
    const QVariant handle = connection().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3 *connectionHandle = *static_cast<sqlite3 *const *>(handle.constData()))
            m_sqlite = std::make_unique<SqliteStatements>(connectionHandle);
    }
    return {};
}

bool Database::streamsRows() const
{
    // Qt 6.4's PostgreSQL driver reads a forward-only result row by row (libpq single-row
    // mode) and drops the rest of it when another statement runs on the connection, which
    // breaks a loop that runs a query per row. A scrollable result is fetched whole, so the
    // PostgreSQL backend uses those and keeps each result in memory until it is finished.
    return m_dialect.backend() == SqlDialect::Backend::SQLite;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::displayLocation() const
{
    if (m_dialect.backend() == SqlDialect::Backend::SQLite)
        return m_options.path;
    // An empty host is the local Unix socket, which libpq's URLs write as no host at all.
    QString location = QStringLiteral("postgresql://%1%2%3:%4/%5")
                           .arg(m_options.userName,
                                m_options.userName.isEmpty() ? QString() : QStringLiteral("@"),
                                m_options.host)
                           .arg(m_options.port)
                           .arg(m_options.databaseName);
    if (!m_options.schema.isEmpty())
        location += QStringLiteral("?schema=") + m_options.schema;
    return location;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values) const
{
    if (m_faultInjector && m_faultInjector(sql)) {
        qCWarning(lcStorage) << "Injected storage fault for" << sql.left(80);
        return ApiError::make(StorageFailure, QStringLiteral("injected fault"));
    }
    QSqlQuery query(connection());
    query.setForwardOnly(streamsRows());
    // Qt's PostgreSQL driver prepares with the SQL command PREPARE, which takes only SELECT,
    // INSERT, UPDATE, DELETE and VALUES. Statements without values (SET, CREATE TABLE, ...)
    // therefore run unprepared there.
    if (m_dialect.backend() == SqlDialect::Backend::PostgreSQL && values.isEmpty()) {
        if (!query.exec(sql)) {
            qCWarning(lcStorage).noquote() << "Statement failed:" << query.lastError().text()
                                           << "SQL:" << sql.simplified().left(200);
            return ApiError::make(StorageFailure, query.lastError().text());
        }
        return query;
    }
    if (!query.prepare(sql)) {
        qCWarning(lcStorage).noquote() << "Cannot prepare statement:" << query.lastError().text()
                                       << "SQL:" << sql.simplified().left(200);
        return ApiError::make(StorageFailure, query.lastError().text());
    }
    for (const QVariant &value : values)
        query.addBindValue(bindable(value));
    if (!query.exec()) {
        qCWarning(lcStorage).noquote() << "Statement failed:" << query.lastError().text()
                                       << "SQL:" << sql.simplified().left(200);
        return ApiError::make(StorageFailure, query.lastError().text());
    }
    return query;
}

std::unique_ptr<QSqlQuery> Database::prepareForwardOnly(const QString &sql) const
{
    auto query = std::make_unique<QSqlQuery>(connection());
    query->setForwardOnly(streamsRows());
    if (!query->prepare(sql)) {
        qCWarning(lcStorage).noquote() << "Cannot prepare statement:" << query->lastError().text()
                                       << "SQL:" << sql.simplified().left(200);
        return {};
    }
    return query;
}

Status Database::forEachRow(const QString &sql, const QVariantList &values,
                            const std::function<void(const SqlRow &row)> &row) const
{
    if (m_faultInjector && m_faultInjector(sql)) {
        qCWarning(lcStorage) << "Injected storage fault for" << sql.left(80);
        return ApiError::make(StorageFailure, QStringLiteral("injected fault"));
    }
    if (m_sqlite)
        return m_sqlite->forEachRow(sql, values, row);

    std::shared_ptr<CachedStatement> &cached = m_statements[sql];
    if (!cached)
        cached = std::make_shared<CachedStatement>();
    // A copy, because `row` may add statements to the hash and so move its entries.
    const std::shared_ptr<CachedStatement> statement = cached;

    // A nested call with the same SQL cannot use the statement that is being stepped.
    const bool useCached = !statement->inUse;
    std::unique_ptr<QSqlQuery> nested;
    if (useCached && !statement->query)
        statement->query = prepareForwardOnly(sql);
    else if (!useCached)
        nested = prepareForwardOnly(sql);
    QSqlQuery *query = useCached ? statement->query.get() : nested.get();
    if (!query)
        return ApiError::make(StorageFailure, QStringLiteral("cannot prepare the statement"));

    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, bindable(values.at(i)));
    statement->inUse = true;
    Status status;
    if (!query->exec()) {
        qCWarning(lcStorage).noquote() << "Statement failed:" << query->lastError().text()
                                       << "SQL:" << sql.simplified().left(200);
        status = ApiError::make(StorageFailure, query->lastError().text());
    } else {
        const QueryRow current(*query);
        while (query->next())
            row(current);
    }
    // Resets the statement, so that it keeps no read transaction open until its next use.
    query->finish();
    if (useCached)
        statement->inUse = false;
    return status;
}

Result<QSqlQuery *> Database::execCached(const QString &sql, const QVariantList &values) const
{
    if (m_faultInjector && m_faultInjector(sql)) {
        qCWarning(lcStorage) << "Injected storage fault for" << sql.left(80);
        return ApiError::make(StorageFailure, QStringLiteral("injected fault"));
    }
    auto cached = m_statementCache.find(sql);
    if (cached == m_statementCache.end()) {
        auto query = std::make_shared<QSqlQuery>(connection());
        query->setForwardOnly(streamsRows());
        if (!query->prepare(sql)) {
            qCWarning(lcStorage).noquote() << "Cannot prepare statement:" << query->lastError().text()
                                           << "SQL:" << sql.simplified().left(200);
            return ApiError::make(StorageFailure, query->lastError().text());
        }
        cached = m_statementCache.insert(sql, query);
    }
    QSqlQuery &query = **cached;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), bindable(values[i]));
    if (!query.exec()) {
        qCWarning(lcStorage).noquote() << "Statement failed:" << query.lastError().text()
                                       << "SQL:" << sql.simplified().left(200);
        const QString error = query.lastError().text();
        query.finish();
        return ApiError::make(StorageFailure, error);
    }
    return &query;
}

void Database::finishCached() const
{
    for (const auto &query : std::as_const(m_statementCache))
        query->finish();
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status status = work();
        --m_transactionDepth;
        return status;
    }

    QSqlDatabase db = connection();
    if (!db.transaction()) {
        qCWarning(lcStorage) << "Cannot begin a transaction:" << db.lastError().text();
        return ApiError::make(StorageFailure, db.lastError().text());
    }
    ++m_transactionDepth;
    Status status = work();
    --m_transactionDepth;

    if (!status) {
        if (!db.rollback())
            qCWarning(lcStorage) << "Rollback failed:" << db.lastError().text();
        return status;
    }
    if (m_faultInjector && m_faultInjector(QStringLiteral("COMMIT"))) {
        db.rollback();
        return ApiError::make(StorageFailure, QStringLiteral("injected fault"));
    }
    if (!db.commit()) {
        qCWarning(lcStorage) << "Commit failed:" << db.lastError().text();
        db.rollback();
        return ApiError::make(StorageFailure, db.lastError().text());
    }
    return {};
}

void Database::setFaultInjector(std::function<bool(const QString &)> injector)
{
    m_faultInjector = std::move(injector);
}

} // namespace fsd
