// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DomainStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

namespace fsd {

namespace {

DomainRow domainFrom(const QSqlQuery &query)
{
    return DomainRow{query.value(0).toLongLong(), query.value(1).toString(),
                     query.value(2).toInt() != 0};
}

Result<std::optional<DomainRow>> firstDomain(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<DomainRow>();
    return std::optional<DomainRow>(domainFrom(*query));
}

} // namespace

Result<QList<DomainRow>> DomainStore::list() const
{
    auto query = m_database.exec(QStringLiteral("SELECT id, name, enabled FROM domains ORDER BY id"));
    if (!query)
        return query.error();
    QList<DomainRow> rows;
    while (query->next())
        rows.append(domainFrom(*query));
    return rows;
}

Result<std::optional<DomainRow>> DomainStore::find(qint64 id) const
{
    return firstDomain(
        m_database.exec(QStringLiteral("SELECT id, name, enabled FROM domains WHERE id = ?"), {id}));
}

Result<std::optional<DomainRow>> DomainStore::findByName(const QString &name) const
{
    return firstDomain(m_database.exec(
        QStringLiteral("SELECT id, name, enabled FROM domains WHERE name_key = ?"),
        {NameRules::key(name)}));
}

Status DomainStore::checkUnique(const QString &name, qint64 exceptId) const
{
    auto existing = findByName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value() && existing->value().id != exceptId) {
        return ApiError::make(QStringLiteral("domain name already exists"),
                              QStringLiteral("The domain \"%1\" already exists%2.")
                                  .arg(name, NameRules::storedSpellingNote(
                                                 name, existing->value().name)));
    }
    return {};
}

Result<DomainRow> DomainStore::add(const QString &name, bool enabled)
{
    Status unique = checkUnique(name, 0);
    if (!unique)
        return unique.error();
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO domains (name, name_key, enabled) VALUES (?, ?, ?) RETURNING id"),
        {name, NameRules::key(name), enabled ? 1 : 0});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return DomainRow{query->value(0).toLongLong(), name, enabled};
}

Result<DomainRow> DomainStore::rename(const DomainRow &row, const QString &name)
{
    Status unique = checkUnique(name, row.id);
    if (!unique)
        return unique.error();
    auto query = m_database.exec(
        QStringLiteral("UPDATE domains SET name = ?, name_key = ? WHERE id = ?"),
        {name, NameRules::key(name), row.id});
    if (!query)
        return query.error();
    DomainRow renamed = row;
    renamed.name = name;
    return renamed;
}

Status DomainStore::setEnabled(qint64 id, bool enabled)
{
    auto query = m_database.exec(QStringLiteral("UPDATE domains SET enabled = ? WHERE id = ?"),
                                 {enabled ? 1 : 0, id});
    if (!query)
        return query.error();
    return {};
}

Status DomainStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM domains WHERE id = ?"), {id});
    if (!query)
        return query.error();
    return {};
}

Result<qint64> DomainStore::userCount(qint64 id) const
{
    auto query = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE domain_id = ?"),
                                 {id});
    if (!query)
        return query.error();
    query->next();
    return query->value(0).toLongLong();
}

} // namespace fsd
