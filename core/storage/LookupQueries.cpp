// SPDX-License-Identifier: MPL-2.0
#include "core/storage/LookupQueries.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"
#include "core/storage/LookupRows.h"

#include <QHash>
#include <QSqlQuery>

namespace fsd {

using namespace lookuprows;

LookupQueries::LookupQueries(const Database &database)
    : m_database(database)
{
}

Status LookupQueries::configureConnection() const
{
    if (m_database.dialect().backend() != SqlDialect::Backend::SQLite)
        return {};
    // 32 MiB of page cache (a negative cache_size is in KiB) and up to 1 GiB of the file
    // mapped into memory; SQLite's defaults are 2 MiB and no mapping.
    for (const QString &pragma : {QStringLiteral("PRAGMA cache_size = -32768"),
                                  QStringLiteral("PRAGMA mmap_size = 1073741824")}) {
        auto applied = m_database.exec(pragma);
        if (!applied)
            return applied.error();
    }
    return {};
}

Result<std::optional<model::Domain>> LookupQueries::domain(const QString &domainName) const
{
    const StatementScope statements(m_database);
    auto domains = readDomains(m_database, DomainFilter(domainName));
    if (!domains)
        return domains.error();
    if (domainName.isEmpty() || domains->isEmpty())
        return std::optional<model::Domain>();
    model::Domain domain = domains->takeFirst();

    auto attributes = readAttributes(m_database.execCached(
        QStringLiteral("SELECT 0, id, name, value, '', domain_id FROM domain_params"
                       " WHERE domain_id = ? AND enabled = 1"
                       " UNION ALL SELECT 1, id, name, value, '', domain_id FROM domain_vars"
                       " WHERE domain_id = ? AND enabled = 1"),
        {domain.id, domain.id}));
    if (!attributes)
        return attributes.error();
    collect(*attributes, DomainParam, domain.id, domain.params);
    collect(*attributes, DomainVariable, domain.id, domain.variables);
    return std::optional<model::Domain>(std::move(domain));
}

Result<std::optional<model::Domain>> LookupQueries::user(const QString &domainName,
                                                         const QString &userName, UserKey key,
                                                         bool withGateways) const
{
    const StatementScope statements(m_database);
    const QString userKey = NameRules::key(userName);
    const QString match = key == UserKey::AliasOnly
                              ? QStringLiteral("u.alias_key = ?")
                              : QStringLiteral("(u.name_key = ? OR u.alias_key = ?)");
    QVariantList values = {NameRules::key(domainName), userKey};
    if (key == UserKey::IdOrAlias)
        values += QVariantList{userKey, userKey};
    // A name match comes before an alias match, as FreeSWITCH takes the first user whose id
    // or alias matches. The naming rules keep an alias from equalling another user's name.
    auto found = m_database.execCached(
        QStringLiteral("SELECT d.id, d.name, d.extra_xml, %1 FROM domains d"
                       " JOIN users u ON u.domain_id = d.id"
                       " WHERE d.name_key = ? AND d.enabled = 1 AND u.enabled = 1 AND %2"
                       " ORDER BY %3 u.id LIMIT 1")
            .arg(UserColumns, match,
                 key == UserKey::AliasOnly ? QString()
                                           : QStringLiteral("CASE WHEN u.name_key = ? THEN 0 "
                                                            "ELSE 1 END,")),
        values);
    if (!found)
        return found.error();
    if (!(*found)->next())
        return std::optional<model::Domain>();

    model::Domain domain;
    domain.id = (*found)->value(0).toLongLong();
    domain.name = (*found)->value(1).toString();
    domain.extraXml = (*found)->value(2).toString();
    model::User user = userFrom(**found, 3);

    auto groups = m_database.execCached(
        QStringLiteral("SELECT g.id, g.name, g.extra_xml, m.id, m.type FROM group_members m"
                       " JOIN directory_groups g ON g.id = m.group_id"
                       " WHERE m.user_id = ? AND m.enabled = 1 AND g.enabled = 1 ORDER BY g.id"),
        {user.id});
    if (!groups)
        return groups.error();
    while ((*groups)->next()) {
        model::Group group;
        group.id = (*groups)->value(0).toLongLong();
        group.name = (*groups)->value(1).toString();
        group.extraXml = (*groups)->value(2).toString();
        model::Membership membership;
        membership.id = (*groups)->value(3).toLongLong();
        membership.type = (*groups)->value(4).toString();
        membership.userName = user.name;
        group.members.append(membership);
        domain.groups.append(std::move(group));
    }

    auto attributes = readAttributes(m_database.execCached(
        QStringLiteral(
            "SELECT 0, id, name, value, '', domain_id FROM domain_params"
            " WHERE domain_id = ? AND enabled = 1"
            " UNION ALL SELECT 1, id, name, value, '', domain_id FROM domain_vars"
            " WHERE domain_id = ? AND enabled = 1"
            " UNION ALL SELECT 2, p.id, p.name, p.value, '', p.group_id FROM group_params p"
            " JOIN group_members m ON m.group_id = p.group_id"
            " WHERE m.user_id = ? AND m.enabled = 1 AND p.enabled = 1"
            " UNION ALL SELECT 3, v.id, v.name, v.value, '', v.group_id FROM group_vars v"
            " JOIN group_members m ON m.group_id = v.group_id"
            " WHERE m.user_id = ? AND m.enabled = 1 AND v.enabled = 1"
            " UNION ALL SELECT 4, id, name, value, '', user_id FROM user_params"
            " WHERE user_id = ? AND enabled = 1"
            " UNION ALL SELECT 5, id, name, value, '', user_id FROM user_vars"
            " WHERE user_id = ? AND enabled = 1"),
        {domain.id, domain.id, user.id, user.id, user.id, user.id}));
    if (!attributes)
        return attributes.error();
    collect(*attributes, DomainParam, domain.id, domain.params);
    collect(*attributes, DomainVariable, domain.id, domain.variables);
    for (model::Group &group : domain.groups) {
        collect(*attributes, GroupParam, group.id, group.params);
        collect(*attributes, GroupVariable, group.id, group.variables);
    }
    collect(*attributes, UserParam, user.id, user.params);
    collect(*attributes, UserVariable, user.id, user.variables);

    if (withGateways) {
        auto gateways = readGateways(m_database, QStringLiteral("gw.user_id = ?"), {user.id});
        if (!gateways)
            return gateways.error();
        user.gateways = gateways->value(user.id);
    }
    domain.users.append(std::move(user));
    return std::optional<model::Domain>(std::move(domain));
}

Result<std::optional<model::Domain>> LookupQueries::group(const QString &domainName,
                                                          const QString &groupName) const
{
    const StatementScope statements(m_database);
    auto found = m_database.execCached(
        QStringLiteral("SELECT d.id, d.name, d.extra_xml, g.id, g.name, g.extra_xml"
                       " FROM domains d JOIN directory_groups g ON g.domain_id = d.id"
                       " WHERE d.name_key = ? AND d.enabled = 1 AND g.name_key = ?"
                       " AND g.enabled = 1"),
        {NameRules::key(domainName), NameRules::key(groupName)});
    if (!found)
        return found.error();
    if (!(*found)->next())
        return std::optional<model::Domain>();

    model::Domain domain;
    domain.id = (*found)->value(0).toLongLong();
    domain.name = (*found)->value(1).toString();
    domain.extraXml = (*found)->value(2).toString();
    model::Group group;
    group.id = (*found)->value(3).toLongLong();
    group.name = (*found)->value(4).toString();
    group.extraXml = (*found)->value(5).toString();

    auto members = m_database.execCached(
        QStringLiteral("SELECT m.id, m.type, %1 FROM group_members m"
                       " JOIN users u ON u.id = m.user_id"
                       " WHERE m.group_id = ? AND m.enabled = 1 AND u.enabled = 1 ORDER BY m.id")
            .arg(UserColumns),
        {group.id});
    if (!members)
        return members.error();
    while ((*members)->next()) {
        model::User user = userFrom(**members, 2);
        model::Membership membership;
        membership.id = (*members)->value(0).toLongLong();
        membership.type = (*members)->value(1).toString();
        membership.userName = user.name;
        group.members.append(membership);
        domain.users.append(std::move(user));
    }

    auto attributes = readAttributes(m_database.execCached(
        QStringLiteral(
            "SELECT 0, id, name, value, '', domain_id FROM domain_params"
            " WHERE domain_id = ? AND enabled = 1"
            " UNION ALL SELECT 1, id, name, value, '', domain_id FROM domain_vars"
            " WHERE domain_id = ? AND enabled = 1"
            " UNION ALL SELECT 2, id, name, value, '', group_id FROM group_params"
            " WHERE group_id = ? AND enabled = 1"
            " UNION ALL SELECT 3, id, name, value, '', group_id FROM group_vars"
            " WHERE group_id = ? AND enabled = 1"
            " UNION ALL SELECT 4, p.id, p.name, p.value, '', p.user_id FROM user_params p"
            " JOIN group_members m ON m.user_id = p.user_id"
            " WHERE m.group_id = ? AND m.enabled = 1 AND p.enabled = 1"
            " UNION ALL SELECT 5, v.id, v.name, v.value, '', v.user_id FROM user_vars v"
            " JOIN group_members m ON m.user_id = v.user_id"
            " WHERE m.group_id = ? AND m.enabled = 1 AND v.enabled = 1"),
        {domain.id, domain.id, group.id, group.id, group.id, group.id}));
    if (!attributes)
        return attributes.error();
    collect(*attributes, DomainParam, domain.id, domain.params);
    collect(*attributes, DomainVariable, domain.id, domain.variables);
    collect(*attributes, GroupParam, group.id, group.params);
    collect(*attributes, GroupVariable, group.id, group.variables);

    QHash<qint64, model::User *> usersById;
    for (model::User &user : domain.users)
        usersById.insert(user.id, &user);
    for (const AttributeRow &row : *attributes) {
        model::User *user = usersById.value(row.ownerId);
        if (row.kind == UserParam && user)
            user->params.append(row.attribute);
        else if (row.kind == UserVariable && user)
            user->variables.append(row.attribute);
    }
    domain.groups.append(std::move(group));
    return std::optional<model::Domain>(std::move(domain));
}

} // namespace fsd
