// SPDX-License-Identifier: MPL-2.0
#include "core/storage/BatchInsert.h"

#include "core/storage/Database.h"

namespace fsd {

BatchInsert::BatchInsert(Database &database, const QString &table, const QStringList &columns)
    : m_database(database)
    , m_table(table)
    , m_columns(columns)
{
}

Status BatchInsert::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    for (const QVariant &value : row) {
        // A null QString binds as SQL NULL, but text columns store '' instead.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            m_values.append(QString(QLatin1String("")));
        else
            m_values.append(value);
    }
    if (++m_rows >= RowsPerStatement)
        return flush();
    return {};
}

Status BatchInsert::flush()
{
    if (m_rows == 0)
        return {};
    const bool full = m_rows == RowsPerStatement;
    if (!full || m_fullStatement.isEmpty()) {
        const QString placeholders = QLatin1Char('(')
                                     + QStringList(m_columns.size(), QStringLiteral("?"))
                                           .join(QLatin1Char(','))
                                     + QLatin1Char(')');
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                .arg(m_table, m_columns.join(QLatin1Char(',')),
                                     QStringList(m_rows, placeholders).join(QLatin1Char(',')));
        if (!full) {
            auto result = m_database.exec(sql, m_values);
            m_values.clear();
            m_rows = 0;
            return result ? Status{} : Status{result.error()};
        }
        m_fullStatement = sql;
    }
    auto result = m_database.exec(m_fullStatement, m_values);
    m_values.clear();
    m_rows = 0;
    if (!result)
        return result.error();
    return {};
}

} // namespace fsd
