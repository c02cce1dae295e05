// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// Rows of directory_groups and group_members. Group names are unique per domain; a user is at
// most once in a group, and only users of the group's domain can be members.
class GroupStore
{
public:
    explicit GroupStore(Database &database) : m_database(database) {}

    Result<QList<GroupRow>> list() const;
    Result<std::optional<GroupRow>> find(qint64 id) const;
    Result<GroupRow> add(qint64 domainId, const QString &name);
    Status rename(const GroupRow &group, const QString &name);
    Status remove(qint64 id);

    Result<QList<MemberRow>> members(qint64 groupId) const;
    Result<std::optional<MemberRow>> findMember(qint64 memberId) const;
    // Fails with `user already in group` when the user is a member already.
    Result<MemberRow> addMember(const GroupRow &group, qint64 userId, const QString &userName,
                                const QString &type);
    Status removeMember(qint64 memberId);

private:
    Status checkUnique(qint64 domainId, const QString &name, qint64 exceptId) const;

    Database &m_database;
};

} // namespace fsd
