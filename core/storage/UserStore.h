// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// A user with its parameters and variables, each list in id order.
struct UserWithAttributes
{
    UserRow user;
    QList<AttributeRow> parameters;
    QList<AttributeRow> variables;
};

// Rows of the users table (directory users). Within a domain, user names and number aliases
// share one namespace, case-insensitively: a name or alias may not equal another user's name
// or alias, because FreeSWITCH finds a user by either.
class UserStore
{
public:
    explicit UserStore(Database &database) : m_database(database) {}

    // All users, ordered by domain and id.
    Result<QList<UserRow>> list() const;
    Result<QList<UserRow>> listInDomain(qint64 domainId) const;
    Result<std::optional<UserRow>> find(qint64 id) const;
    // The user of the domain whose name or number alias is `name`, compared case-insensitively
    // as FreeSWITCH finds users.
    Result<std::optional<UserRow>> findByNameOrAlias(qint64 domainId, const QString &name) const;
    // Reads the user, its parameters and its variables with one statement. Returns nothing
    // when there is no user with that id.
    Result<std::optional<UserWithAttributes>> findWithAttributes(qint64 id) const;

    // Fails with `user name already exists` when the name is taken by a user or an alias.
    Result<UserRow> add(qint64 domainId, const QString &name, bool enabled = true);
    Status checkNameFree(qint64 domainId, const QString &name, qint64 exceptId) const;
    Status rename(qint64 id, const QString &name);
    Status setEnabled(qint64 id, bool enabled);
    // Stores the cacheable text and the cache in milliseconds (0 unless the text is a number).
    Status setCache(qint64 id, qint64 cache, const QString &cacheable);
    Status setCidr(qint64 id, const QString &cidr);
    // An empty alias clears it. Fails with `number alias already exists` when taken.
    Status setNumberAlias(const UserRow &user, const QString &alias);
    Status remove(qint64 id);

private:
    Result<QList<UserRow>> select(const QString &where, const QVariantList &values) const;

    Database &m_database;
};

} // namespace fsd
