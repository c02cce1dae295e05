// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace fsd {

class Database;

// Inserts rows into one table with multi-row INSERT statements, so that an import of many
// thousand rows needs a few hundred statements instead of one per row. Call flush() before
// reading the rows back.
class BatchInsert
{
public:
    // Measured fastest for a 10,000-user import (bench/xml/bench_xml). With 100 rows per statement,
    // perf showed most of the time in SQLite's parameter-name lookup (sqlite3VListNumToName),
    // which Qt's SQLite driver runs for every bound value, so cost grows with statement size.
    static constexpr int RowsPerStatement = 20;

    BatchInsert(Database &database, const QString &table, const QStringList &columns);

    Status add(const QVariantList &row);
    Status flush();

private:
    Database &m_database;
    QString m_table;
    QStringList m_columns;
    QVariantList m_values;
    // The statement for a full batch, built once.
    QString m_fullStatement;
    int m_rows = 0;
};

} // namespace fsd
