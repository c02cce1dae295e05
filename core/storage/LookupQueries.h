// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"

#include <QString>

#include <optional>

namespace fsd {

class Database;

// Read-only queries that serve FreeSWITCH's directory lookups (mod_xml_curl). Every result
// leaves out disabled domains, users, groups, memberships, gateways, parameters and variables;
// what remains is returned as model structs in stored order. Names are matched
// case-insensitively through their `name_key` columns, as FreeSWITCH compares them with
// strcasecmp. Meant for a connection of its own (Database::openClone(name, true)) on the
// thread that serves lookups. Not thread-safe.
class LookupQueries
{
public:
    // Matching rule for user names. FreeSWITCH's key "id" matches the id or the number-alias
    // attribute, and "number-alias" matches the alias only (switch_xml.c, find_user_in_tag).
    enum class UserKey { IdOrAlias, AliasOnly };

    explicit LookupQueries(const Database &database);

    // Gives an SQLite connection a larger page cache and memory-mapped reads, so that lookups
    // of random users in a large directory read from memory instead of one system call per
    // page. Call once after opening the connection; does nothing for PostgreSQL.
    Status configureConnection() const;

    // The domain with its parameters and variables; no groups or users. nullopt when the
    // domain is unknown or disabled.
    Result<std::optional<model::Domain>> domain(const QString &domainName) const;

    // The domain (parameters, variables) holding one user in `users`, with the user's
    // parameters, variables and, when `withGateways`, gateways. `groups` contains the groups the
    // user belongs to, each with its parameters and variables and with only this user's
    // membership in `members`. The membership of type "" marks the group the user is defined
    // in.
    // nullopt when the domain or the user is unknown or disabled.
    Result<std::optional<model::Domain>> user(const QString &domainName, const QString &userName,
                                              UserKey key, bool withGateways) const;

    // The domain (parameters, variables) holding one group in `groups`, with its parameters,
    // variables and memberships, and in `users` every member with parameters and variables.
    // nullopt when the domain or the group is unknown or disabled.
    Result<std::optional<model::Domain>> group(const QString &domainName,
                                               const QString &groupName) const;

    // Every domain (or only `domainName` when not empty) with its parameters, variables,
    // groups (parameters, variables, memberships) and users (parameters, variables). Gateways
    // are not loaded.
    Result<model::DirectoryTree> directory(const QString &domainName = {}) const;

    // Every domain (or only `domainName` when not empty) with the users that have at least one
    // gateway, each user with only its name and gateways (parameters, variables). `groups`
    // contains, by name only, the groups those users are defined in, with their memberships.
    Result<model::DirectoryTree> gateways(const QString &domainName = {}) const;

private:
    const Database &m_database;
};

} // namespace fsd
