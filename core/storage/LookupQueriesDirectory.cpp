// SPDX-License-Identifier: MPL-2.0
// The whole-directory statements of LookupQueries: a fixed number of statements per answer,
// whatever the number of users, assembled in memory by id.
#include "core/storage/LookupQueries.h"

#include "core/storage/Database.h"
#include "core/storage/LookupRows.h"

#include <QHash>
#include <QSqlQuery>

namespace fsd {

using namespace lookuprows;

namespace {

// Items read as one flat list and handed to their domains at the end.
template<typename Item>
struct OwnedItems
{
    QList<Item> items;
    QList<qint64> domainIds;
    QHash<qint64, qsizetype> indexById;

    void append(Item item, qint64 domainId)
    {
        indexById.insert(item.id, items.size());
        items.append(std::move(item));
        domainIds.append(domainId);
    }
    Item *find(qint64 id)
    {
        const auto it = indexById.constFind(id);
        return it == indexById.constEnd() ? nullptr : &items[*it];
    }
};

Status readDomainAttributes(const Database &database, const DomainFilter &filter,
                            QList<model::Domain> &domains)
{
    auto attributes = readAttributes(database.execCached(
        QStringLiteral("SELECT 0, p.id, p.name, p.value, '', p.domain_id FROM domain_params p"
                       " JOIN domains d ON d.id = p.domain_id"
                       " WHERE p.enabled = 1 AND d.enabled = 1%1"
                       " UNION ALL SELECT 1, v.id, v.name, v.value, '', v.domain_id"
                       " FROM domain_vars v JOIN domains d ON d.id = v.domain_id"
                       " WHERE v.enabled = 1 AND d.enabled = 1%1")
            .arg(filter.sql),
        filter.repeated(2)));
    if (!attributes)
        return attributes.error();
    for (model::Domain &domain : domains) {
        collect(*attributes, DomainParam, domain.id, domain.params);
        collect(*attributes, DomainVariable, domain.id, domain.variables);
    }
    return {};
}

Result<OwnedItems<model::Group>> readGroups(const Database &database, const DomainFilter &filter)
{
    OwnedItems<model::Group> groups;
    auto query = database.execCached(
        QStringLiteral("SELECT g.id, g.name, g.extra_xml, g.domain_id FROM directory_groups g"
                       " JOIN domains d ON d.id = g.domain_id"
                       " WHERE g.enabled = 1 AND d.enabled = 1%1 ORDER BY g.id")
            .arg(filter.sql),
        filter.values);
    if (!query)
        return query.error();
    while ((*query)->next()) {
        model::Group group;
        group.id = (*query)->value(0).toLongLong();
        group.name = (*query)->value(1).toString();
        group.extraXml = (*query)->value(2).toString();
        groups.append(std::move(group), (*query)->value(3).toLongLong());
    }

    auto attributes = readAttributes(database.execCached(
        QStringLiteral("SELECT 2, p.id, p.name, p.value, '', p.group_id FROM group_params p"
                       " JOIN directory_groups g ON g.id = p.group_id"
                       " JOIN domains d ON d.id = g.domain_id"
                       " WHERE p.enabled = 1 AND g.enabled = 1 AND d.enabled = 1%1"
                       " UNION ALL SELECT 3, v.id, v.name, v.value, '', v.group_id"
                       " FROM group_vars v JOIN directory_groups g ON g.id = v.group_id"
                       " JOIN domains d ON d.id = g.domain_id"
                       " WHERE v.enabled = 1 AND g.enabled = 1 AND d.enabled = 1%1"
                       "")
            .arg(filter.sql),
        filter.repeated(2)));
    if (!attributes)
        return attributes.error();
    for (const AttributeRow &row : *attributes) {
        if (model::Group *group = groups.find(row.ownerId))
            (row.kind == GroupParam ? group->params : group->variables).append(row.attribute);
    }
    return groups;
}

// Adds the enabled memberships of enabled users to `groups`, in membership id order. The
// "IN (SELECT ... FROM gateways)" conditions below let SQLite start from the few gateways
// instead of testing every user. With
// `onlyGatewayUsers`, only the memberships of type "" (where a user is defined) of users with
// an enabled gateway.
Status readMemberships(const Database &database, const DomainFilter &filter,
                       bool onlyGatewayUsers, OwnedItems<model::Group> &groups)
{
    const QString gatewayCondition = onlyGatewayUsers
        ? QStringLiteral(" AND m.type = '' AND m.user_id IN (SELECT gw.user_id FROM gateways gw"
                         " WHERE gw.enabled = 1)")
        : QString();
    auto query = database.execCached(
        QStringLiteral("SELECT m.id, m.group_id, m.type, u.name FROM group_members m"
                       " JOIN directory_groups g ON g.id = m.group_id"
                       " JOIN users u ON u.id = m.user_id JOIN domains d ON d.id = g.domain_id"
                       " WHERE m.enabled = 1 AND g.enabled = 1 AND u.enabled = 1"
                       " AND d.enabled = 1%1%2 ORDER BY m.id")
            .arg(filter.sql, gatewayCondition),
        filter.values);
    if (!query)
        return query.error();
    while ((*query)->next()) {
        model::Group *group = groups.find((*query)->value(1).toLongLong());
        if (!group)
            continue;
        model::Membership membership;
        membership.id = (*query)->value(0).toLongLong();
        membership.type = (*query)->value(2).toString();
        membership.userName = (*query)->value(3).toString();
        group->members.append(membership);
    }
    return {};
}

Result<OwnedItems<model::User>> readUsers(const Database &database, const DomainFilter &filter,
                                          bool onlyGatewayUsers)
{
    const QString gatewayCondition = onlyGatewayUsers
        ? QStringLiteral(" AND u.id IN (SELECT gw.user_id FROM gateways gw"
                         " WHERE gw.enabled = 1)")
        : QString();
    OwnedItems<model::User> users;
    auto query = database.execCached(
        QStringLiteral("SELECT %1, u.domain_id FROM users u JOIN domains d ON d.id = u.domain_id"
                       " WHERE u.enabled = 1 AND d.enabled = 1%2%3 ORDER BY u.id")
            .arg(UserColumns, filter.sql, gatewayCondition),
        filter.values);
    if (!query)
        return query.error();
    while ((*query)->next())
        users.append(userFrom(**query, 0), (*query)->value(7).toLongLong());
    return users;
}

Status readUserAttributes(const Database &database, const DomainFilter &filter,
                          OwnedItems<model::User> &users)
{
    auto attributes = readAttributes(database.execCached(
        QStringLiteral("SELECT 4, p.id, p.name, p.value, '', p.user_id FROM user_params p"
                       " JOIN users u ON u.id = p.user_id JOIN domains d ON d.id = u.domain_id"
                       " WHERE p.enabled = 1 AND u.enabled = 1 AND d.enabled = 1%1"
                       " UNION ALL SELECT 5, v.id, v.name, v.value, '', v.user_id"
                       " FROM user_vars v JOIN users u ON u.id = v.user_id"
                       " JOIN domains d ON d.id = u.domain_id"
                       " WHERE v.enabled = 1 AND u.enabled = 1 AND d.enabled = 1%1"
                       "")
            .arg(filter.sql),
        filter.repeated(2)));
    if (!attributes)
        return attributes.error();
    for (const AttributeRow &row : *attributes) {
        if (model::User *user = users.find(row.ownerId))
            (row.kind == UserParam ? user->params : user->variables).append(row.attribute);
    }
    return {};
}

// Moves groups and users into their domains, keeping id order.
void distribute(QList<model::Domain> &domains, OwnedItems<model::Group> &groups,
                OwnedItems<model::User> &users)
{
    QHash<qint64, model::Domain *> domainsById;
    for (model::Domain &domain : domains)
        domainsById.insert(domain.id, &domain);
    for (qsizetype i = 0; i < groups.items.size(); ++i) {
        if (model::Domain *domain = domainsById.value(groups.domainIds[i]))
            domain->groups.append(std::move(groups.items[i]));
    }
    for (qsizetype i = 0; i < users.items.size(); ++i) {
        if (model::Domain *domain = domainsById.value(users.domainIds[i]))
            domain->users.append(std::move(users.items[i]));
    }
}

} // namespace

Result<model::DirectoryTree> LookupQueries::directory(const QString &domainName) const
{
    const StatementScope statements(m_database);
    const DomainFilter filter(domainName);
    auto domains = readDomains(m_database, filter);
    if (!domains)
        return domains.error();
    if (Status read = readDomainAttributes(m_database, filter, *domains); !read)
        return read.error();

    auto groups = readGroups(m_database, filter);
    if (!groups)
        return groups.error();
    if (Status read = readMemberships(m_database, filter, false, *groups); !read)
        return read.error();

    auto users = readUsers(m_database, filter, false);
    if (!users)
        return users.error();
    if (Status read = readUserAttributes(m_database, filter, *users); !read)
        return read.error();

    distribute(*domains, *groups, *users);
    return model::DirectoryTree{std::move(*domains)};
}

Result<model::DirectoryTree> LookupQueries::gateways(const QString &domainName) const
{
    const StatementScope statements(m_database);
    const DomainFilter filter(domainName);
    auto domains = readDomains(m_database, filter);
    if (!domains)
        return domains.error();

    auto gateways = readGateways(m_database, QStringLiteral("1 = 1") + filter.sql,
                                 filter.values);
    if (!gateways)
        return gateways.error();
    auto users = readUsers(m_database, filter, true);
    if (!users)
        return users.error();
    for (model::User &user : users->items) {
        model::User bare;
        bare.id = user.id;
        bare.name = user.name;
        bare.gateways = gateways->value(user.id);
        user = std::move(bare);
    }

    // Only the groups in which those users are defined, by name.
    OwnedItems<model::Group> groups;
    auto allGroups = readGroups(m_database, filter);
    if (!allGroups)
        return allGroups.error();
    if (Status read = readMemberships(m_database, filter, true, *allGroups); !read)
        return read.error();
    for (qsizetype i = 0; i < allGroups->items.size(); ++i) {
        model::Group &group = allGroups->items[i];
        if (group.members.isEmpty())
            continue;
        model::Group bare;
        bare.id = group.id;
        bare.name = group.name;
        bare.members = std::move(group.members);
        groups.append(std::move(bare), allGroups->domainIds[i]);
    }

    distribute(*domains, groups, *users);
    return model::DirectoryTree{std::move(*domains)};
}

} // namespace fsd
