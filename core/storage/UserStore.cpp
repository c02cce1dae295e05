// SPDX-License-Identifier: MPL-2.0
#include "core/storage/UserStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

namespace fsd {

namespace {

// Reads id, domain_id, name, number_alias, cidr, cache, cacheable and enabled from the columns
// that start at `first`.
UserRow userFrom(const SqlRow &result, int first)
{
    UserRow row;
    row.id = result.integer(first);
    row.domainId = result.integer(first + 1);
    row.name = result.text(first + 2);
    row.numberAlias = result.text(first + 3);
    row.cidr = result.text(first + 4);
    row.cache = result.integer(first + 5);
    row.cacheable = result.text(first + 6);
    row.enabled = result.integer(first + 7) != 0;
    return row;
}

} // namespace

Result<QList<UserRow>> UserStore::select(const QString &where, const QVariantList &values) const
{
    QList<UserRow> rows;
    Status status = m_database.forEachRow(
        QStringLiteral("SELECT id, domain_id, name, number_alias, cidr, cache, cacheable, enabled "
                       "FROM users %1 ORDER BY domain_id, id")
            .arg(where),
        values, [&rows](const SqlRow &result) { rows.append(userFrom(result, 0)); });
    if (!status)
        return status.error();
    return rows;
}

Result<QList<UserRow>> UserStore::list() const
{
    return select({}, {});
}

Result<QList<UserRow>> UserStore::listInDomain(qint64 domainId) const
{
    return select(QStringLiteral("WHERE domain_id = ?"), {domainId});
}

Result<std::optional<UserRow>> UserStore::find(qint64 id) const
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<UserRow>();
    return std::optional<UserRow>(rows->first());
}

Result<std::optional<UserWithAttributes>> UserStore::findWithAttributes(qint64 id) const
{
    // One statement instead of three (user, parameters, variables), because Qt's SQLite driver
    // rebuilds the result's column list on every execution. This cut Get_user_details from
    // about 478,000 to 447,000 instructions (callgrind, bench/directory, 15 attributes).
    // The first column is the row kind: 0 user, 1 parameter, 2 variable. ORDER BY id lets
    // SQLite merge the three index scans without a sort and keeps each list in id order.
    static const QString sql = QStringLiteral(
        "SELECT 0, id, domain_id, name, number_alias, cidr, cache, cacheable, enabled "
        "FROM users WHERE id = ? "
        "UNION ALL SELECT 1, id, user_id, name, value, NULL, NULL, NULL, enabled "
        "FROM user_params WHERE user_id = ? "
        "UNION ALL SELECT 2, id, user_id, name, value, NULL, NULL, NULL, enabled "
        "FROM user_vars WHERE user_id = ? "
        "ORDER BY 2");
    std::optional<UserWithAttributes> found;
    QList<AttributeRow> parameters;
    QList<AttributeRow> variables;
    Status status = m_database.forEachRow(sql, {id, id, id}, [&](const SqlRow &result) {
        const int kind = int(result.integer(0));
        if (kind == 0) {
            found.emplace().user = userFrom(result, 1);
            return;
        }
        AttributeRow row;
        row.id = result.integer(1);
        row.ownerId = result.integer(2);
        row.name = result.text(3);
        row.value = result.text(4);
        row.enabled = result.integer(8) != 0;
        (kind == 1 ? parameters : variables).append(row);
    });
    if (!status)
        return status.error();
    if (found) {
        found->parameters = std::move(parameters);
        found->variables = std::move(variables);
    }
    return found;
}

Status UserStore::checkNameFree(qint64 domainId, const QString &name, qint64 exceptId) const
{
    const QString key = NameRules::key(name);
    auto query = m_database.exec(
        QStringLiteral("SELECT name, number_alias, name_key = ? FROM users "
                       "WHERE domain_id = ? AND id <> ? AND (name_key = ? OR alias_key = ?)"),
        {key, domainId, exceptId, key, key});
    if (!query)
        return query.error();
    if (!query->next())
        return {};
    const bool isName = query->value(2).toInt() != 0;
    return ApiError::make(
        QStringLiteral("user name already exists"),
        isName ? QStringLiteral("The user \"%1\" already exists in this domain%2.")
                     .arg(name, NameRules::storedSpellingNote(name, query->value(0).toString()))
               : QStringLiteral("\"%1\" is already the number alias of user \"%2\" in this domain.")
                     .arg(name, query->value(0).toString()));
}

Result<UserRow> UserStore::add(qint64 domainId, const QString &name, bool enabled)
{
    Status free = checkNameFree(domainId, name, 0);
    if (!free)
        return free.error();
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO users (domain_id, name, name_key, enabled) VALUES (?, ?, ?, ?) "
                       "RETURNING id"),
        {domainId, name, NameRules::key(name), enabled ? 1 : 0});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    UserRow row;
    row.id = query->value(0).toLongLong();
    row.domainId = domainId;
    row.name = name;
    row.enabled = enabled;
    return row;
}

Status UserStore::rename(qint64 id, const QString &name)
{
    auto query = m_database.exec(QStringLiteral("UPDATE users SET name = ?, name_key = ? WHERE id = ?"),
                                 {name, NameRules::key(name), id});
    if (!query)
        return query.error();
    return {};
}

Status UserStore::setEnabled(qint64 id, bool enabled)
{
    auto query = m_database.exec(QStringLiteral("UPDATE users SET enabled = ? WHERE id = ?"),
                                 {enabled ? 1 : 0, id});
    if (!query)
        return query.error();
    return {};
}

Status UserStore::setCache(qint64 id, qint64 cache, const QString &cacheable)
{
    auto query = m_database.exec(QStringLiteral("UPDATE users SET cache = ?, cacheable = ? WHERE id = ?"),
                                 {cache, cacheable, id});
    if (!query)
        return query.error();
    return {};
}

Status UserStore::setCidr(qint64 id, const QString &cidr)
{
    auto query = m_database.exec(QStringLiteral("UPDATE users SET cidr = ? WHERE id = ?"), {cidr, id});
    if (!query)
        return query.error();
    return {};
}

Status UserStore::setNumberAlias(const UserRow &user, const QString &alias)
{
    QVariant aliasKey;
    if (!alias.isEmpty()) {
        const QString key = NameRules::key(alias);
        auto query = m_database.exec(
            QStringLiteral("SELECT name FROM users WHERE domain_id = ? AND id <> ? "
                           "AND (name_key = ? OR alias_key = ?)"),
            {user.domainId, user.id, key, key});
        if (!query)
            return query.error();
        if (query->next()) {
            return ApiError::make(
                QStringLiteral("number alias already exists"),
                QStringLiteral("\"%1\" is already the name or number alias of user \"%2\" in "
                               "this domain.")
                    .arg(alias, query->value(0).toString()));
        }
        aliasKey = key;
    }
    auto query = m_database.exec(
        QStringLiteral("UPDATE users SET number_alias = ?, alias_key = ? WHERE id = ?"),
        {alias, aliasKey, user.id});
    if (!query)
        return query.error();
    return {};
}

Status UserStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
    if (!query)
        return query.error();
    return {};
}

} // namespace fsd
