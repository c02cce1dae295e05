// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

#include <functional>
#include <optional>

namespace fsd {

class Database;

// Operator accounts, logins and tokens. Tokens are 128 random bits; only their SHA-256 is
// stored, and a token expires after `tokenLifetimeSeconds` without use. Repeated failed logins
// from one address are refused for a while without delaying anyone. It lives with the Dispatcher
// on the dispatcher's thread, and only authenticateCached() may be called from other threads.
class Authenticator
{
public:
    struct Options
    {
        qint64 tokenLifetimeSeconds = 24 * 3600;
        int maxFailures = 5;
        qint64 failureWindowSeconds = 15 * 60;
        qint64 lockoutSeconds = 60;
    };

    struct Session
    {
        qint64 operatorId = 0;
        QString login;
        Role role = Role::Viewer;
        QByteArray tokenHash;
    };

    struct Login
    {
        QByteArray token;
        Session session;
    };

    explicit Authenticator(Database &database);
    Authenticator(Database &database, Options options);

    // Fails with `wrong login or password` or `too many attempts`.
    Result<Login> login(const QString &login, const QString &password, const QString &peer);
    // Fails with `unauthorized` for an unknown or expired token. Sets `*expired` when this call
    // found the token expired and ended its session.
    Result<Session> authenticate(const QByteArray &token, bool *expired = nullptr);
    // Returns the session of `token` when that needs no database access: the token is cached,
    // unexpired, and its last use needs no writing yet. Otherwise returns nothing, and the
    // caller goes through authenticate() on the dispatcher's thread. Thread-safe.
    std::optional<Session> authenticateCached(const QByteArray &token);
    Status logout(const QByteArray &tokenHash);
    bool isValid(const QByteArray &tokenHash);

    Result<bool> hasOperators() const;
    Result<QList<OperatorRow>> operators() const;
    Result<OperatorRow> addOperator(const QString &login, Role role, const QString &password);
    // Changes the password and ends the operator's sessions, whose token hashes it returns, so
    // that a leaked password or token stops working at once.
    Result<QList<QByteArray>> setPassword(const QString &login, const QString &password);
    // Returns the token hashes that ended with the operator.
    Result<QList<QByteArray>> removeOperator(const QString &login);

    // Test seam: the clock in seconds since the epoch.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setPasswordIterations(int iterations) { m_iterations = iterations; }

private:
    struct CachedSession
    {
        Session session;
        qint64 lastUsed = 0;
        qint64 lastStored = 0;
    };

    bool isLockedOut(const QString &peer, qint64 now);
    void recordFailure(const QString &peer, qint64 now);

    Database &m_database;
    Options m_options;
    std::function<qint64()> m_clock;
    int m_iterations;
    // Guards m_sessions, which authenticateCached() reads from other threads. Never held
    // during a database call.
    QMutex m_sessionsMutex;
    QHash<QByteArray, CachedSession> m_sessions;
    QHash<QString, QList<qint64>> m_failures;
    QHash<QString, qint64> m_lockedUntil;
};

} // namespace fsd
