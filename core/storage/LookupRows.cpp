// SPDX-License-Identifier: MPL-2.0
#include "core/storage/LookupRows.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

#include <algorithm>

namespace fsd::lookuprows {

StatementScope::StatementScope(const Database &database)
    : m_database(database)
{
}

StatementScope::~StatementScope()
{
    m_database.finishCached();
}

const QString UserColumns = QStringLiteral(
    "u.id, u.name, u.number_alias, u.cidr, u.cache, u.cacheable, u.extra_xml");

model::User userFrom(const QSqlQuery &query, int first)
{
    model::User user;
    user.id = query.value(first).toLongLong();
    user.name = query.value(first + 1).toString();
    user.numberAlias = query.value(first + 2).toString();
    user.cidr = query.value(first + 3).toString();
    const qint64 cache = query.value(first + 4).toLongLong();
    const QVariant cacheable = query.value(first + 5);
    if (!cacheable.isNull()) {
        user.cacheable = cacheable.toString();
        user.hasCacheable = true;
    } else if (cache > 0) {
        user.cacheable = QString::number(cache);
        user.hasCacheable = true;
    }
    user.extraXml = query.value(first + 6).toString();
    return user;
}

Result<QList<AttributeRow>> readAttributes(Result<QSqlQuery *> query)
{
    if (!query)
        return query.error();
    QList<AttributeRow> rows;
    while ((*query)->next()) {
        AttributeRow row;
        row.kind = (*query)->value(0).toInt();
        row.attribute.id = (*query)->value(1).toLongLong();
        row.attribute.name = (*query)->value(2).toString();
        row.attribute.value = (*query)->value(3).toString();
        row.attribute.direction = (*query)->value(4).toString();
        row.ownerId = (*query)->value(5).toLongLong();
        rows.append(std::move(row));
    }
    // Sorted here rather than by ORDER BY, which makes SQLite sort every part of the UNION in
    // a temporary B-tree; ids give the stored order.
    std::sort(rows.begin(), rows.end(), [](const AttributeRow &a, const AttributeRow &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.attribute.id < b.attribute.id;
    });
    return rows;
}

void collect(const QList<AttributeRow> &rows, int kind, qint64 ownerId,
             QList<model::Attribute> &target)
{
    for (const AttributeRow &row : rows) {
        if (row.kind == kind && row.ownerId == ownerId)
            target.append(row.attribute);
    }
}

DomainFilter::DomainFilter(const QString &domainName)
{
    if (domainName.isEmpty())
        return;
    sql = QStringLiteral(" AND d.name_key = ?");
    values = {NameRules::key(domainName)};
}

QVariantList DomainFilter::repeated(int times) const
{
    QVariantList all;
    for (int i = 0; i < times; ++i)
        all += values;
    return all;
}

Result<QList<model::Domain>> readDomains(const Database &database, const DomainFilter &filter)
{
    auto query = database.execCached(QStringLiteral("SELECT d.id, d.name, d.extra_xml FROM domains d"
                                              " WHERE d.enabled = 1%1 ORDER BY d.id")
                                   .arg(filter.sql),
                               filter.values);
    if (!query)
        return query.error();
    QList<model::Domain> domains;
    while ((*query)->next()) {
        model::Domain domain;
        domain.id = (*query)->value(0).toLongLong();
        domain.name = (*query)->value(1).toString();
        domain.extraXml = (*query)->value(2).toString();
        domains.append(std::move(domain));
    }
    return domains;
}

Result<QHash<qint64, QList<model::Gateway>>> readGateways(const Database &database,
                                                          const QString &where,
                                                          const QVariantList &values)
{
    const QString enabledGateways = QStringLiteral(
        " JOIN users u ON u.id = gw.user_id JOIN domains d ON d.id = u.domain_id"
        " WHERE gw.enabled = 1 AND u.enabled = 1 AND d.enabled = 1 AND ");
    // NOTE: gateways.extra_xml (elements such as <subscriptions>) is not read, because
    // model::Gateway has no field for it, so such elements are not served.
    auto query = database.execCached(QStringLiteral("SELECT gw.id, gw.name, gw.user_id FROM gateways gw"
                                              "%1%2 ORDER BY gw.id")
                                   .arg(enabledGateways, where),
                               values);
    if (!query)
        return query.error();
    QList<model::Gateway> gateways;
    QList<qint64> owners;
    while ((*query)->next()) {
        model::Gateway gateway;
        gateway.id = (*query)->value(0).toLongLong();
        gateway.name = (*query)->value(1).toString();
        gateways.append(std::move(gateway));
        owners.append((*query)->value(2).toLongLong());
    }

    auto attributes = readAttributes(database.execCached(
        QStringLiteral("SELECT 6, p.id, p.name, p.value, '', p.gateway_id FROM gateway_params p"
                       " JOIN gateways gw ON gw.id = p.gateway_id%1%2 AND p.enabled = 1"
                       " UNION ALL SELECT 7, v.id, v.name, v.value, v.direction, v.gateway_id"
                       " FROM gateway_vars v JOIN gateways gw ON gw.id = v.gateway_id%1%2"
                       " AND v.enabled = 1")
            .arg(enabledGateways, where),
        values + values));
    if (!attributes)
        return attributes.error();

    QHash<qint64, qsizetype> indexById;
    for (qsizetype i = 0; i < gateways.size(); ++i)
        indexById.insert(gateways[i].id, i);
    for (const AttributeRow &row : *attributes) {
        model::Gateway &gateway = gateways[indexById.value(row.ownerId)];
        (row.kind == GatewayParam ? gateway.params : gateway.variables).append(row.attribute);
    }

    QHash<qint64, QList<model::Gateway>> byUser;
    for (qsizetype i = 0; i < gateways.size(); ++i)
        byUser[owners[i]].append(std::move(gateways[i]));
    return byUser;
}

} // namespace fsd::lookuprows
