// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

// Row readers shared by the statements of LookupQueries. Internal to core/storage.
namespace fsd {
class Database;
}

namespace fsd::lookuprows {

// Resets the kept statements of a connection when it goes out of scope, so that a lookup
// leaves no read snapshot open (see Database::execCached). Statements run within one scope
// share one snapshot while any of them is unfinished.
class StatementScope
{
public:
    explicit StatementScope(const Database &database);
    ~StatementScope();
    StatementScope(const StatementScope &) = delete;
    StatementScope &operator=(const StatementScope &) = delete;

private:
    const Database &m_database;
};

// Kinds of rows in the combined attribute queries (their first column).
enum AttributeKind {
    DomainParam = 0,
    DomainVariable = 1,
    GroupParam = 2,
    GroupVariable = 3,
    UserParam = 4,
    UserVariable = 5,
    GatewayParam = 6,
    GatewayVariable = 7,
};

// One row of a combined attribute query: SELECT kind, id, name, value, direction, owner_id.
struct AttributeRow
{
    int kind = 0;
    qint64 ownerId = 0;
    model::Attribute attribute;
};

// Column list of every statement that reads a user row through the alias `u`.
extern const QString UserColumns;

// Reads the seven UserColumns starting at column `first`. A positive `cache` becomes the
// cacheable attribute; a `cacheable` text (non-numeric, kept from imported XML) wins.
model::User userFrom(const QSqlQuery &query, int first);

// Reads every row of a combined attribute query, ordered by kind and then id.
Result<QList<AttributeRow>> readAttributes(Result<QSqlQuery *> query);

// Appends each row of `kind` whose owner is `ownerId` to `target`, in row order.
void collect(const QList<AttributeRow> &rows, int kind, qint64 ownerId,
             QList<model::Attribute> &target);

// " AND d.name_key = ?" with its bound value when one domain is asked for; empty otherwise.
struct DomainFilter
{
    QString sql;
    QVariantList values;

    explicit DomainFilter(const QString &domainName);
    // The bound values of a statement that contains the filter `times` times.
    QVariantList repeated(int times) const;
};

// The enabled domains passing `filter`, without parameters, in id order.
Result<QList<model::Domain>> readDomains(const Database &database, const DomainFilter &filter);

// Enabled gateways with their enabled parameters and variables, keyed by user id. `where` is
// appended to the WHERE clause of statements over the aliases gw (gateways), u (users) and
// d (domains); `values` binds its placeholders.
Result<QHash<qint64, QList<model::Gateway>>> readGateways(const Database &database,
                                                          const QString &where,
                                                          const QVariantList &values);

} // namespace fsd::lookuprows
