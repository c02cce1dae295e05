// SPDX-License-Identifier: MPL-2.0
#include "core/storage/AttributeStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

namespace fsd {

namespace {

struct TableInfo
{
    const char *table;
    const char *ownerColumn;
};

TableInfo infoOf(AttributeStore::Table table)
{
    switch (table) {
    case AttributeStore::Table::DomainParams: return {"domain_params", "domain_id"};
    case AttributeStore::Table::DomainVars: return {"domain_vars", "domain_id"};
    case AttributeStore::Table::UserParams: return {"user_params", "user_id"};
    case AttributeStore::Table::UserVars: return {"user_vars", "user_id"};
    case AttributeStore::Table::GroupParams: return {"group_params", "group_id"};
    case AttributeStore::Table::GroupVars: return {"group_vars", "group_id"};
    case AttributeStore::Table::GatewayParams: return {"gateway_params", "gateway_id"};
    case AttributeStore::Table::GatewayVars: return {"gateway_vars", "gateway_id"};
    }
    Q_UNREACHABLE();
}

// The text columns are NOT NULL, but a null QString binds as SQL NULL: a gateway variable sent
// without "direction" arrives as a null QString and must be stored as ''.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

AttributeStore::AttributeStore(Database &database, Table table)
    : m_database(database)
    , m_table(table)
    , m_tableName(QString::fromLatin1(infoOf(table).table))
    , m_ownerColumn(QString::fromLatin1(infoOf(table).ownerColumn))
{
}

QString AttributeStore::kind() const
{
    return m_tableName.endsWith(QLatin1String("_params")) ? QStringLiteral("parameter")
                                                          : QStringLiteral("variable");
}

static QString columnsOf(bool hasDirection)
{
    return hasDirection ? QStringLiteral("id, %1, name, value, enabled, direction")
                        : QStringLiteral("id, %1, name, value, enabled, ''");
}

static AttributeRow rowFrom(const SqlRow &result)
{
    AttributeRow row;
    row.id = result.integer(0);
    row.ownerId = result.integer(1);
    row.name = result.text(2);
    row.value = result.text(3);
    row.enabled = result.integer(4) != 0;
    row.direction = result.text(5);
    return row;
}

Result<std::optional<AttributeRow>> AttributeStore::find(qint64 id) const
{
    std::optional<AttributeRow> found;
    Status status = m_database.forEachRow(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columnsOf(hasDirection()).arg(m_ownerColumn), m_tableName),
        {id}, [&found](const SqlRow &result) { found = rowFrom(result); });
    if (!status)
        return status.error();
    return found;
}

Result<QList<AttributeRow>> AttributeStore::list(qint64 ownerId) const
{
    QList<AttributeRow> rows;
    Status status = m_database.forEachRow(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? ORDER BY id")
            .arg(columnsOf(hasDirection()).arg(m_ownerColumn), m_tableName, m_ownerColumn),
        {ownerId}, [&rows](const SqlRow &result) { rows.append(rowFrom(result)); });
    if (!status)
        return status.error();
    return rows;
}

Status AttributeStore::checkUnique(qint64 ownerId, const QString &name, const QString &direction,
                                   qint64 exceptId) const
{
    QString sql = QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND name_key = ? AND id <> ?")
                      .arg(m_tableName, m_ownerColumn);
    QVariantList values{ownerId, NameRules::key(name), exceptId};
    if (hasDirection()) {
        sql += QStringLiteral(" AND direction = ?");
        values.append(nonNull(direction));
    }
    bool taken = false;
    Status status = m_database.forEachRow(sql, values, [&taken](const SqlRow &) { taken = true; });
    if (!status)
        return status;
    if (taken) {
        return ApiError::make(
            QStringLiteral("%1 name already exists").arg(kind()),
            QStringLiteral("A %1 named \"%2\" already exists here; names are compared without "
                           "regard to case. Choose another name or change the existing one.")
                .arg(kind(), name));
    }
    return {};
}

Result<AttributeRow> AttributeStore::add(qint64 ownerId, const QString &name,
                                         const QString &value, const QString &direction,
                                         bool enabled)
{
    Status unique = checkUnique(ownerId, name, direction, 0);
    if (!unique)
        return unique.error();

    QString sql;
    QVariantList values{ownerId, name, NameRules::key(name), nonNull(value), enabled ? 1 : 0};
    if (hasDirection()) {
        sql = QStringLiteral("INSERT INTO %1 (%2, name, name_key, value, enabled, direction) "
                             "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        values.append(nonNull(direction));
    } else {
        sql = QStringLiteral("INSERT INTO %1 (%2, name, name_key, value, enabled) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id");
    }
    auto query = m_database.exec(sql.arg(m_tableName, m_ownerColumn), values);
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return AttributeRow{query->value(0).toLongLong(), ownerId, name, nonNull(value),
                        nonNull(direction), enabled};
}

Result<AttributeRow> AttributeStore::update(const AttributeRow &row)
{
    Status unique = checkUnique(row.ownerId, row.name, row.direction, row.id);
    if (!unique)
        return unique.error();

    QString sql = QStringLiteral("UPDATE %1 SET name = ?, name_key = ?, value = ?, enabled = ?")
                      .arg(m_tableName);
    QVariantList values{row.name, NameRules::key(row.name), nonNull(row.value), row.enabled ? 1 : 0};
    if (hasDirection()) {
        sql += QStringLiteral(", direction = ?");
        values.append(nonNull(row.direction));
    }
    sql += QStringLiteral(" WHERE id = ?");
    values.append(row.id);
    auto query = m_database.exec(sql, values);
    if (!query)
        return query.error();
    return row;
}

Status AttributeStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_tableName),
                                 {id});
    if (!query)
        return query.error();
    return {};
}

} // namespace fsd
