// SPDX-License-Identifier: MPL-2.0
#include "core/storage/GatewayStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

#include <QStringList>

namespace fsd {

namespace {

const QString GatewayColumns = QStringLiteral(
    "SELECT g.id, g.user_id, u.domain_id, g.name, g.enabled "
    "FROM gateways g JOIN users u ON u.id = g.user_id ");

GatewayRow gatewayFrom(const QSqlQuery &query)
{
    return GatewayRow{query.value(0).toLongLong(), query.value(1).toLongLong(),
                      query.value(2).toLongLong(), query.value(3).toString(),
                      query.value(4).toInt() != 0};
}

} // namespace

Result<QList<GatewayRow>> GatewayStore::list() const
{
    auto query = m_database.exec(GatewayColumns + QStringLiteral("ORDER BY u.domain_id, g.user_id, g.id"));
    if (!query)
        return query.error();
    QList<GatewayRow> rows;
    while (query->next())
        rows.append(gatewayFrom(*query));
    return rows;
}

Result<std::optional<GatewayRow>> GatewayStore::find(qint64 id) const
{
    auto query = m_database.exec(GatewayColumns + QStringLiteral("WHERE g.id = ?"), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<GatewayRow>();
    return std::optional<GatewayRow>(gatewayFrom(*query));
}

Status GatewayStore::checkUnique(qint64 userId, const QString &name, qint64 exceptId) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT name FROM gateways WHERE user_id = ? AND name_key = ? AND id <> ?"),
        {userId, NameRules::key(name), exceptId});
    if (!query)
        return query.error();
    if (query->next()) {
        return ApiError::make(QStringLiteral("gateway name already exists"),
                              QStringLiteral("This user already has a gateway \"%1\".")
                                  .arg(query->value(0).toString()));
    }
    return {};
}

Result<GatewayRow> GatewayStore::add(qint64 userId, qint64 domainId, const QString &name)
{
    Status unique = checkUnique(userId, name, 0);
    if (!unique)
        return unique.error();
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO gateways (user_id, name, name_key) VALUES (?, ?, ?) RETURNING id"),
        {userId, name, NameRules::key(name)});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return GatewayRow{query->value(0).toLongLong(), userId, domainId, name, true};
}

Status GatewayStore::rename(const GatewayRow &gateway, const QString &name)
{
    Status unique = checkUnique(gateway.userId, name, gateway.id);
    if (!unique)
        return unique;
    auto query = m_database.exec(QStringLiteral("UPDATE gateways SET name = ?, name_key = ? WHERE id = ?"),
                                 {name, NameRules::key(name), gateway.id});
    if (!query)
        return query.error();
    return {};
}

Status GatewayStore::setEnabled(qint64 id, bool enabled)
{
    auto query = m_database.exec(QStringLiteral("UPDATE gateways SET enabled = ? WHERE id = ?"),
                                 {enabled ? 1 : 0, id});
    if (!query)
        return query.error();
    return {};
}

Status GatewayStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM gateways WHERE id = ?"), {id});
    if (!query)
        return query.error();
    return {};
}

Result<QStringList> GatewayStore::domainsSharingName(const QString &name, qint64 exceptId) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT DISTINCT d.name FROM gateways g JOIN users u ON u.id = g.user_id "
                       "JOIN domains d ON d.id = u.domain_id WHERE g.name_key = ? AND g.id <> ?"),
        {NameRules::key(name), exceptId});
    if (!query)
        return query.error();
    QStringList names;
    while (query->next())
        names.append(query->value(0).toString());
    return names;
}

} // namespace fsd
