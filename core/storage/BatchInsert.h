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
    // 100 rows of up to 10 columns stay far below the bound-parameter limits of SQLite (32766
    // since 3.32) and PostgreSQL (65535).
    static constexpr int RowsPerStatement = 100;

    BatchInsert(Database &database, const QString &table, const QStringList &columns);

    Status add(const QVariantList &row);
    Status flush();

private:
    Database &m_database;
    QString m_table;
    QStringList m_columns;
    QVariantList m_values;
    int m_rows = 0;
};

} // namespace fsd
