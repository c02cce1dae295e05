// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// Rows of the domains table. Domain names are unique across the database, case-insensitively.
class DomainStore
{
public:
    explicit DomainStore(Database &database) : m_database(database) {}

    Result<QList<DomainRow>> list() const;
    Result<std::optional<DomainRow>> find(qint64 id) const;
    Result<std::optional<DomainRow>> findByName(const QString &name) const;
    // `domain name already exists` when taken.
    Result<DomainRow> add(const QString &name, bool enabled = true);
    Result<DomainRow> rename(const DomainRow &row, const QString &name);
    Status setEnabled(qint64 id, bool enabled);
    // Deletes the domain and, through foreign keys, everything under it.
    Status remove(qint64 id);
    // Number of users in a domain, for confirmations and reports.
    Result<qint64> userCount(qint64 id) const;

private:
    Status checkUnique(const QString &name, qint64 exceptId) const;

    Database &m_database;
};

} // namespace fsd
