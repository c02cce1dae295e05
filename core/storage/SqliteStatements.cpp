// SPDX-License-Identifier: MPL-2.0
#include "core/storage/SqliteStatements.h"

#include "core/storage/Database.h"
#include "core/storage/StorageLog.h"

#include <sqlite3.h>

namespace fsd {

namespace {

class StatementRow final : public SqlRow
{
public:
    explicit StatementRow(sqlite3_stmt *statement) : m_statement(statement) {}

    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }

    QString text(int column) const override
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!bytes)
            return {};
        return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
    }

    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }

private:
    sqlite3_stmt *m_statement;
};

int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                   SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text64(statement, index, text.constData(), sqlite3_uint64(text.size()),
                                   SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

} // namespace

SqliteStatements::SqliteStatements(sqlite3 *connection)
    : m_connection(connection)
{
}

SqliteStatements::~SqliteStatements()
{
    for (const Statement &statement : std::as_const(m_statements))
        sqlite3_finalize(statement.handle);
}

sqlite3_stmt *SqliteStatements::prepare(const QString &sql, QString *error)
{
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_connection, text.constData(), int(text.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_finalize(statement);
        qCWarning(lcStorage).noquote() << "Cannot prepare statement:" << *error
                                       << "SQL:" << sql.simplified().left(200);
        return nullptr;
    }
    return statement;
}

Status SqliteStatements::forEachRow(const QString &sql, const QVariantList &values,
                                    const std::function<void(const SqlRow &row)> &row)
{
    QString error;
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        sqlite3_stmt *statement = prepare(sql, &error);
        if (!statement)
            return ApiError::make(Database::StorageFailure, error);
        found = m_statements.insert(sql, Statement{statement, false});
    }

    if (found->inUse) {
        // `row` may add statements to the hash, which would invalidate `found`, so the nested
        // statement is not kept.
        sqlite3_stmt *nested = prepare(sql, &error);
        if (!nested)
            return ApiError::make(Database::StorageFailure, error);
        Status status = run(nested, sql, values, row);
        sqlite3_finalize(nested);
        return status;
    }

    sqlite3_stmt *statement = found->handle;
    found->inUse = true;
    Status status = run(statement, sql, values, row);
    m_statements[sql].inUse = false;
    return status;
}

Status SqliteStatements::run(sqlite3_stmt *statement, const QString &sql,
                             const QVariantList &values,
                             const std::function<void(const SqlRow &row)> &row)
{
    Status status;
    for (int i = 0; i < values.size() && status; ++i) {
        if (bind(statement, i + 1, values.at(i)) != SQLITE_OK) {
            status = ApiError::make(Database::StorageFailure,
                                    QString::fromUtf8(sqlite3_errmsg(m_connection)));
        }
    }
    const StatementRow current(statement);
    int result = SQLITE_DONE;
    while (status && (result = sqlite3_step(statement)) == SQLITE_ROW)
        row(current);
    if (status && result != SQLITE_DONE) {
        status = ApiError::make(Database::StorageFailure,
                                QString::fromUtf8(sqlite3_errmsg(m_connection)));
    }
    if (!status) {
        qCWarning(lcStorage).noquote() << "Statement failed:" << status.error().detail
                                       << "SQL:" << sql.simplified().left(200);
    }
    // Resetting ends the statement's read transaction, so that it keeps no old snapshot open
    // until its next use.
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return status;
}

} // namespace fsd
