// SPDX-License-Identifier: MPL-2.0
#include "core/storage/OperatorStore.h"

#include "core/common/NameRules.h"
#include "core/storage/Database.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace fsd {

Result<QList<OperatorRow>> OperatorStore::list() const
{
    // Sorted here, because ORDER BY on text follows the database's collation on PostgreSQL
    // (en_US.UTF-8 puts "_ops" after "admin", C before it) but compares bytes on SQLite.
    auto query = m_database.exec(
        QStringLiteral("SELECT id, login, role, password_hash, login_key FROM operators"));
    if (!query)
        return query.error();
    QList<std::pair<QString, OperatorRow>> keyed;
    while (query->next()) {
        keyed.append({query->value(4).toString(),
                      OperatorRow{query->value(0).toLongLong(), query->value(1).toString(),
                                  query->value(2).toString(), query->value(3).toString()}});
    }
    std::sort(keyed.begin(), keyed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<OperatorRow> rows;
    rows.reserve(keyed.size());
    for (auto &entry : keyed)
        rows.append(std::move(entry.second));
    return rows;
}

Result<std::optional<OperatorRow>> OperatorStore::selectOne(const QString &where,
                                                            const QVariant &value) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT id, login, role, password_hash FROM operators WHERE %1 = ?").arg(where),
        {value});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<OperatorRow>();
    return std::optional<OperatorRow>(OperatorRow{query->value(0).toLongLong(),
                                                  query->value(1).toString(),
                                                  query->value(2).toString(),
                                                  query->value(3).toString()});
}

Result<std::optional<OperatorRow>> OperatorStore::findByLogin(const QString &login) const
{
    return selectOne(QStringLiteral("login_key"), NameRules::key(login));
}

Result<std::optional<OperatorRow>> OperatorStore::find(qint64 id) const
{
    return selectOne(QStringLiteral("id"), id);
}

Result<OperatorRow> OperatorStore::add(const QString &login, const QString &role,
                                       const QString &passwordHash)
{
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO operators (login, login_key, role, password_hash, created_at) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {login, NameRules::key(login), role, passwordHash, QDateTime::currentSecsSinceEpoch()});
    if (!query)
        return query.error();
    if (!query->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    return OperatorRow{query->value(0).toLongLong(), login, role, passwordHash};
}

Status OperatorStore::setPasswordHash(qint64 id, const QString &passwordHash)
{
    auto query = m_database.exec(QStringLiteral("UPDATE operators SET password_hash = ? WHERE id = ?"),
                                 {passwordHash, id});
    if (!query)
        return query.error();
    return {};
}

Status OperatorStore::remove(qint64 id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM operators WHERE id = ?"), {id});
    if (!query)
        return query.error();
    return {};
}

Status OperatorStore::addSession(const QByteArray &tokenHash, qint64 operatorId, qint64 now)
{
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO sessions (token_hash, operator_id, created_at, last_used) "
                       "VALUES (?, ?, ?, ?)"),
        {QString::fromLatin1(tokenHash), operatorId, now, now});
    if (!query)
        return query.error();
    return {};
}

Result<std::optional<OperatorStore::Session>>
OperatorStore::findSession(const QByteArray &tokenHash) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT operator_id, last_used FROM sessions WHERE token_hash = ?"),
        {QString::fromLatin1(tokenHash)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Session>();
    return std::optional<Session>(
        Session{tokenHash, query->value(0).toLongLong(), query->value(1).toLongLong()});
}

Status OperatorStore::touchSession(const QByteArray &tokenHash, qint64 now)
{
    auto query = m_database.exec(QStringLiteral("UPDATE sessions SET last_used = ? WHERE token_hash = ?"),
                                 {now, QString::fromLatin1(tokenHash)});
    if (!query)
        return query.error();
    return {};
}

Status OperatorStore::removeSession(const QByteArray &tokenHash)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"),
                                 {QString::fromLatin1(tokenHash)});
    if (!query)
        return query.error();
    return {};
}

Result<QList<QByteArray>> OperatorStore::removeSessionsUnusedSince(qint64 cutoff)
{
    auto query = m_database.exec(
        QStringLiteral("DELETE FROM sessions WHERE last_used < ? RETURNING token_hash"), {cutoff});
    if (!query)
        return query.error();
    QList<QByteArray> hashes;
    while (query->next())
        hashes.append(query->value(0).toString().toLatin1());
    return hashes;
}

Result<QList<QByteArray>> OperatorStore::sessionsOf(qint64 operatorId) const
{
    auto query = m_database.exec(QStringLiteral("SELECT token_hash FROM sessions WHERE operator_id = ?"),
                                 {operatorId});
    if (!query)
        return query.error();
    QList<QByteArray> hashes;
    while (query->next())
        hashes.append(query->value(0).toString().toLatin1());
    return hashes;
}

} // namespace fsd
