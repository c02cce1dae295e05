// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/SqlRow.h"

#include <QHash>
#include <QString>
#include <QVariantList>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace fsd {

// Prepared statements kept on one SQLite connection and run through SQLite's C API, for the
// reads that nearly every request repeats. Qt's driver copies every row into a cache of
// QVariants and rebuilds the column list of each execution. For a user's details that took
// more instructions than SQLite itself (callgrind, bench/directory: the read fell from about
// 210,000 to 94,000 instructions). Use it on the connection's thread only, and destroy it
// before the connection closes.
class SqliteStatements
{
public:
    // `connection` is the handle behind the QSqlDatabase (QSqlDriver::handle()).
    explicit SqliteStatements(sqlite3 *connection);
    ~SqliteStatements();
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;

    // Runs `sql` with `values` bound in order and calls `row` for each result row. A call
    // nested in `row` with the same SQL prepares a statement of its own. Fails with
    // Database::StorageFailure and SQLite's message, after logging it.
    Status forEachRow(const QString &sql, const QVariantList &values,
                      const std::function<void(const SqlRow &row)> &row);

private:
    struct Statement
    {
        sqlite3_stmt *handle = nullptr;
        bool inUse = false;
    };

    sqlite3_stmt *prepare(const QString &sql, QString *error);
    Status run(sqlite3_stmt *statement, const QString &sql, const QVariantList &values,
               const std::function<void(const SqlRow &row)> &row);

    sqlite3 *m_connection;
    QHash<QString, Statement> m_statements;
};

} // namespace fsd
