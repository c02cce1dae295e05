// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// Operator accounts and their sessions. Only password hashes and SHA-256 hashes of tokens are
// stored, never a password or a token.
class OperatorStore
{
public:
    explicit OperatorStore(Database &database) : m_database(database) {}

    Result<QList<OperatorRow>> list() const;
    Result<std::optional<OperatorRow>> findByLogin(const QString &login) const;
    Result<std::optional<OperatorRow>> find(qint64 id) const;
    Result<OperatorRow> add(const QString &login, const QString &role, const QString &passwordHash);
    Status setPasswordHash(qint64 id, const QString &passwordHash);
    // Removes the operator and, through foreign keys, its sessions.
    Status remove(qint64 id);

    // Sessions: token hash (hex SHA-256) → operator, with times in seconds since the epoch.
    struct Session
    {
        QByteArray tokenHash;
        qint64 operatorId = 0;
        qint64 lastUsed = 0;
    };
    Status addSession(const QByteArray &tokenHash, qint64 operatorId, qint64 now);
    Result<std::optional<Session>> findSession(const QByteArray &tokenHash) const;
    Status touchSession(const QByteArray &tokenHash, qint64 now);
    Status removeSession(const QByteArray &tokenHash);
    // Removes sessions unused since `cutoff` and returns their token hashes.
    Result<QList<QByteArray>> removeSessionsUnusedSince(qint64 cutoff);
    Result<QList<QByteArray>> sessionsOf(qint64 operatorId) const;

private:
    Result<std::optional<OperatorRow>> selectOne(const QString &where, const QVariant &value) const;

    Database &m_database;
};

} // namespace fsd
