// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// Parameters or variables of one kind of owner: one of the tables domain_params, domain_vars,
// user_params, user_vars, group_params, group_vars, gateway_params, gateway_vars. Names are
// unique per owner, case-insensitively (gateway variables per name and direction). Rows keep
// insertion order, which is id order.
class AttributeStore
{
public:
    enum class Table {
        DomainParams,
        DomainVars,
        UserParams,
        UserVars,
        GroupParams,
        GroupVars,
        GatewayParams,
        GatewayVars,
    };

    AttributeStore(Database &database, Table table);

    // "parameter" or "variable", for messages.
    QString kind() const;
    bool hasDirection() const { return m_table == Table::GatewayVars; }

    Result<std::optional<AttributeRow>> find(qint64 id) const;
    Result<QList<AttributeRow>> list(qint64 ownerId) const;
    // Inserts a row; `parameter name already exists` / `variable name already exists` when the
    // owner has one of that name (and direction).
    Result<AttributeRow> add(qint64 ownerId, const QString &name, const QString &value,
                             const QString &direction = {}, bool enabled = true);
    Result<AttributeRow> update(const AttributeRow &row);
    Status remove(qint64 id);

private:
    Status checkUnique(qint64 ownerId, const QString &name, const QString &direction,
                       qint64 exceptId) const;

    Database &m_database;
    Table m_table;
    QString m_tableName;
    QString m_ownerColumn;
};

} // namespace fsd
