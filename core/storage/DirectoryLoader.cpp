// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DirectoryLoader.h"

#include "core/storage/Database.h"

#include <QHash>

#include <array>
#include <functional>

namespace fsd {

namespace {

using AttributeListOf = std::function<QList<model::Attribute> *(qint64 ownerId, bool variables)>;

// Builds the tree from one table at a time, remembering where each loaded row went so that
// children find their parent. Rows whose parent was not loaded (another domain, or disabled in
// an enabled-only load) are skipped.
class TreeAssembler
{
public:
    TreeAssembler(const Database &database, const DirectoryLoader::Options &options)
        : m_database(database)
        , m_options(options)
    {
    }

    Result<model::DirectoryTree> run()
    {
        for (const auto &step : {&TreeAssembler::loadDomains, &TreeAssembler::loadUsers,
                                 &TreeAssembler::loadGateways, &TreeAssembler::loadGroups,
                                 &TreeAssembler::loadMemberships}) {
            Status status = (this->*step)();
            if (!status)
                return status.error();
        }
        return std::move(m_tree);
    }

private:
    bool skipped(bool enabled) const { return m_options.enabledOnly && !enabled; }

    // SELECT `columns` FROM `from`, restricted to one domain through `domainColumn` when the
    // options ask for it, in row id order (the first column).
    Result<QSqlQuery> select(const QString &columns, const QString &from,
                             const QString &domainColumn) const
    {
        QString sql = QStringLiteral("SELECT %1 FROM %2").arg(columns, from);
        QVariantList values;
        if (m_options.domainId > 0) {
            sql += QStringLiteral(" WHERE %1 = ?").arg(domainColumn);
            values.append(m_options.domainId);
        }
        sql += QLatin1String(" ORDER BY 1");
        return m_database.exec(sql, values);
    }

    // Loads the parameters and variables of one level: `prefix`_params and `prefix`_vars,
    // whose owner column is `ownerColumn`, joined by `join` to reach the domain column.
    Status loadAttributes(const QString &prefix, const QString &ownerColumn, const QString &join,
                          const QString &domainColumn, bool withDirection,
                          const AttributeListOf &listOf)
    {
        for (bool variables : {false, true}) {
            const bool direction = withDirection && variables;
            const QString columns =
                QStringLiteral("a.id, a.%1, a.name, a.value, a.enabled%2")
                    .arg(ownerColumn, direction ? QStringLiteral(", a.direction") : QString());
            const QString from = QStringLiteral("%1_%2 a %3")
                                     .arg(prefix, variables ? QStringLiteral("vars")
                                                            : QStringLiteral("params"),
                                          join);
            auto query = select(columns, from, domainColumn);
            if (!query)
                return query.error();
            while (query->next()) {
                model::Attribute item;
                item.id = query->value(0).toLongLong();
                item.name = query->value(2).toString();
                item.value = query->value(3).toString();
                item.enabled = query->value(4).toInt() != 0;
                if (direction)
                    item.direction = query->value(5).toString();
                QList<model::Attribute> *list = listOf(query->value(1).toLongLong(), variables);
                if (list && !skipped(item.enabled))
                    list->append(item);
            }
        }
        return {};
    }

    Status loadDomains()
    {
        auto query = select(QStringLiteral("id, name, enabled, extra_xml"),
                            QStringLiteral("domains"), QStringLiteral("id"));
        if (!query)
            return query.error();
        while (query->next()) {
            model::Domain domain;
            domain.id = query->value(0).toLongLong();
            domain.name = query->value(1).toString();
            domain.enabled = query->value(2).toInt() != 0;
            domain.extraXml = query->value(3).toString();
            if (skipped(domain.enabled))
                continue;
            m_domains.insert(domain.id, int(m_tree.domains.size()));
            m_tree.domains.append(domain);
        }
        return loadAttributes(QStringLiteral("domain"), QStringLiteral("domain_id"), QString(),
                              QStringLiteral("a.domain_id"), false,
                              [this](qint64 id, bool variables) -> QList<model::Attribute> * {
                                  const int at = m_domains.value(id, -1);
                                  if (at < 0)
                                      return nullptr;
                                  model::Domain &domain = m_tree.domains[at];
                                  return variables ? &domain.variables : &domain.params;
                              });
    }

    static model::User userFrom(const QSqlQuery &query)
    {
        model::User user;
        user.id = query.value(0).toLongLong();
        user.name = query.value(2).toString();
        user.numberAlias = query.value(3).toString();
        user.cidr = query.value(4).toString();
        // `cacheable` keeps the XML text; a cache set through the API without it still
        // becomes the attribute.
        const qint64 cache = query.value(5).toLongLong();
        const bool hasText = !query.value(6).isNull();
        user.hasCacheable = hasText || cache > 0;
        user.cacheable = hasText ? query.value(6).toString()
                                 : (cache > 0 ? QString::number(cache) : QString());
        user.enabled = query.value(7).toInt() != 0;
        user.extraXml = query.value(8).toString();
        return user;
    }

    Status loadUsers()
    {
        auto query = select(QStringLiteral("id, domain_id, name, number_alias, cidr, cache, "
                                           "cacheable, enabled, extra_xml"),
                            QStringLiteral("users"), QStringLiteral("domain_id"));
        if (!query)
            return query.error();
        while (query->next()) {
            const int domainAt = m_domains.value(query->value(1).toLongLong(), -1);
            model::User user = userFrom(*query);
            if (domainAt < 0 || skipped(user.enabled))
                continue;
            QList<model::User> &list = m_tree.domains[domainAt].users;
            m_users.insert(user.id, {domainAt, int(list.size())});
            list.append(user);
        }
        return loadAttributes(QStringLiteral("user"), QStringLiteral("user_id"),
                              QStringLiteral("JOIN users u ON a.user_id = u.id"),
                              QStringLiteral("u.domain_id"), false,
                              [this](qint64 id, bool variables) -> QList<model::Attribute> * {
                                  model::User *user = userById(id);
                                  if (!user)
                                      return nullptr;
                                  return variables ? &user->variables : &user->params;
                              });
    }

    model::User *userById(qint64 id)
    {
        const auto at = m_users.value(id, {-1, -1});
        return at.first < 0 ? nullptr : &m_tree.domains[at.first].users[at.second];
    }

    Status loadGateways()
    {
        auto query = select(QStringLiteral("g.id, g.user_id, g.name, g.enabled, g.extra_xml"),
                            QStringLiteral("gateways g JOIN users u ON g.user_id = u.id"),
                            QStringLiteral("u.domain_id"));
        if (!query)
            return query.error();
        while (query->next()) {
            const qint64 userId = query->value(1).toLongLong();
            model::Gateway gateway;
            gateway.id = query->value(0).toLongLong();
            gateway.name = query->value(2).toString();
            gateway.enabled = query->value(3).toInt() != 0;
            gateway.extraXml = query->value(4).toString();
            model::User *user = userById(userId);
            if (!user || skipped(gateway.enabled))
                continue;
            const auto at = m_users.value(userId);
            m_gateways.insert(gateway.id, {at.first, at.second, int(user->gateways.size())});
            user->gateways.append(gateway);
        }
        return loadAttributes(
            QStringLiteral("gateway"), QStringLiteral("gateway_id"),
            QStringLiteral("JOIN gateways g ON a.gateway_id = g.id JOIN users u ON g.user_id = "
                           "u.id"),
            QStringLiteral("u.domain_id"), true,
            [this](qint64 id, bool variables) -> QList<model::Attribute> * {
                const auto at = m_gateways.value(id, {-1, -1, -1});
                if (at[0] < 0)
                    return nullptr;
                model::Gateway &gateway = m_tree.domains[at[0]].users[at[1]].gateways[at[2]];
                return variables ? &gateway.variables : &gateway.params;
            });
    }

    Status loadGroups()
    {
        auto query = select(QStringLiteral("id, domain_id, name, enabled, extra_xml"),
                            QStringLiteral("directory_groups"), QStringLiteral("domain_id"));
        if (!query)
            return query.error();
        while (query->next()) {
            const int domainAt = m_domains.value(query->value(1).toLongLong(), -1);
            model::Group group;
            group.id = query->value(0).toLongLong();
            group.name = query->value(2).toString();
            group.enabled = query->value(3).toInt() != 0;
            group.extraXml = query->value(4).toString();
            if (domainAt < 0 || skipped(group.enabled))
                continue;
            QList<model::Group> &list = m_tree.domains[domainAt].groups;
            m_groups.insert(group.id, {domainAt, int(list.size())});
            list.append(group);
        }
        return loadAttributes(QStringLiteral("group"), QStringLiteral("group_id"),
                              QStringLiteral("JOIN directory_groups gr ON a.group_id = gr.id"),
                              QStringLiteral("gr.domain_id"), false,
                              [this](qint64 id, bool variables) -> QList<model::Attribute> * {
                                  model::Group *group = groupById(id);
                                  if (!group)
                                      return nullptr;
                                  return variables ? &group->variables : &group->params;
                              });
    }

    model::Group *groupById(qint64 id)
    {
        const auto at = m_groups.value(id, {-1, -1});
        return at.first < 0 ? nullptr : &m_tree.domains[at.first].groups[at.second];
    }

    Status loadMemberships()
    {
        auto query = select(QStringLiteral("m.id, m.group_id, m.user_id, u.name, m.type, "
                                           "m.enabled"),
                            QStringLiteral("group_members m JOIN users u ON m.user_id = u.id"),
                            QStringLiteral("u.domain_id"));
        if (!query)
            return query.error();
        while (query->next()) {
            model::Group *group = groupById(query->value(1).toLongLong());
            model::Membership member;
            member.id = query->value(0).toLongLong();
            member.userName = query->value(3).toString();
            member.type = query->value(4).toString();
            member.enabled = query->value(5).toInt() != 0;
            if (!group || !m_users.contains(query->value(2).toLongLong())
                || skipped(member.enabled))
                continue;
            group->members.append(member);
        }
        return {};
    }

    const Database &m_database;
    const DirectoryLoader::Options &m_options;
    model::DirectoryTree m_tree;
    // Positions of loaded rows in m_tree, by row id.
    QHash<qint64, int> m_domains;
    QHash<qint64, QPair<int, int>> m_users;
    QHash<qint64, QPair<int, int>> m_groups;
    QHash<qint64, std::array<int, 3>> m_gateways;
};

} // namespace

Result<model::DirectoryTree> DirectoryLoader::load(const Options &options) const
{
    return TreeAssembler(m_database, options).run();
}

} // namespace fsd
