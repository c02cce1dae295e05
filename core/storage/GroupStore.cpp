// SPDX-License-Identifier: MPL-2.0
#include "core/storage/GroupStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

namespace fsd {

namespace {

GroupRow groupFrom(const QSqlQuery &query)
{
    return GroupRow{query.value(0).toLongLong(), query.value(1).toLongLong(),
                    query.value(2).toString(), query.value(3).toInt() != 0};
}

MemberRow memberFrom(const QSqlQuery &query)
{
    return MemberRow{query.value(0).toLongLong(), query.value(1).toLongLong(),
                     query.value(2).toLongLong(), query.value(3).toString(),
                     query.value(4).toString(), query.value(5).toInt() != 0};
}

const QString MemberColumns = QStringLiteral(
    "SELECT m.id, m.group_id, m.user_id, u.name, m.type, m.enabled "
    "FROM group_members m JOIN users u ON u.id = m.user_id ");

} // namespace

Result<QList<GroupRow>> GroupStore::list() const
{
    auto query = m_database.exec(QStringLiteral(
        "SELECT id, domain_id, name, enabled FROM directory_groups ORDER BY domain_id, id"));
    if (!query)
        return query.error();
    QList<GroupRow> rows;
    while (query->next())
        rows.append(groupFrom(*query));
    return rows;
}

Result<std::optional<GroupRow>> GroupStore::find(qint64 id) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT id, domain_id, name, enabled FROM directory_groups WHERE id = ?"), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<GroupRow>();
    return std::optional<GroupRow>(groupFrom(*query));
}

Status GroupStore::checkUnique(qint64 domainId, const QString &name, qint64 exceptId) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT name FROM directory_groups WHERE domain_id = ? AND name_key = ? AND id <> ?"),
        {domainId, NameRules::key(name), exceptId});
    if (!query)
        return query.error();
    if (query->next()) {
        return ApiError::make(QStringLiteral("group name already exists"),
                              QStringLiteral("The group \"%1\" already exists in this domain%2.")
                                  .arg(name, NameRules::storedSpellingNote(
                                                 name, query->value(0).toString())));
    }
    return {};
}

Result<GroupRow> GroupStore::add(qint64 domainId, const QString &name)
{
    Status unique = checkUnique(domainId, name, 0);
    if (!unique)
        return unique.error();
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO directory_groups (domain_id, name, name_key) VALUES (?, ?, ?) "
                       "RETURNING id"),
        {domainId, name, NameRules::key(name)});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return GroupRow{query->value(0).toLongLong(), domainId, name, true};
}

Status GroupStore::rename(const GroupRow &group, const QString &name)
{
    Status unique = checkUnique(group.domainId, name, group.id);
    if (!unique)
        return unique;
    auto query = m_database.exec(
        QStringLiteral("UPDATE directory_groups SET name = ?, name_key = ? WHERE id = ?"),
        {name, NameRules::key(name), group.id});
    if (!query)
        return query.error();
    return {};
}

Status GroupStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM directory_groups WHERE id = ?"), {id});
    if (!query)
        return query.error();
    return {};
}

Result<QList<MemberRow>> GroupStore::members(qint64 groupId) const
{
    auto query = m_database.exec(MemberColumns + QStringLiteral("WHERE m.group_id = ? ORDER BY m.id"),
                                 {groupId});
    if (!query)
        return query.error();
    QList<MemberRow> rows;
    while (query->next())
        rows.append(memberFrom(*query));
    return rows;
}

Result<std::optional<MemberRow>> GroupStore::findMember(qint64 memberId) const
{
    auto query = m_database.exec(MemberColumns + QStringLiteral("WHERE m.id = ?"), {memberId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<MemberRow>();
    return std::optional<MemberRow>(memberFrom(*query));
}

Result<MemberRow> GroupStore::addMember(const GroupRow &group, qint64 userId,
                                        const QString &userName, const QString &type)
{
    auto existing = m_database.exec(
        QStringLiteral("SELECT id FROM group_members WHERE group_id = ? AND user_id = ?"),
        {group.id, userId});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        return ApiError::make(QStringLiteral("user already in group"),
                              QStringLiteral("The user \"%1\" is already a member of group \"%2\".")
                                  .arg(userName, group.name));
    }
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO group_members (group_id, user_id, type) VALUES (?, ?, ?) "
                       "RETURNING id"),
        {group.id, userId, type});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return MemberRow{query->value(0).toLongLong(), group.id, userId, userName, type, true};
}

Status GroupStore::removeMember(qint64 memberId)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM group_members WHERE id = ?"), {memberId});
    if (!query)
        return query.error();
    return {};
}

} // namespace fsd
