// SPDX-License-Identifier: MPL-2.0
#include "core/auth/Authenticator.h"

#include "core/auth/PasswordHasher.h"
#include "core/common/NameRules.h"
#include "core/common/Secrets.h"
#include "core/storage/Database.h"
#include "core/storage/OperatorStore.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "fsdirector.auth", QtInfoMsg)

namespace fsd {

namespace {

const QString WrongLogin = QStringLiteral("wrong login or password");
const QString Unauthorized = QStringLiteral("unauthorized");

// A session's last use is written to the database at most this often, so reads do not turn
// into writes. Expiry is decided on the in-memory time.
constexpr qint64 StoreLastUseEverySeconds = 60;

} // namespace

Authenticator::Authenticator(Database &database)
    : Authenticator(database, Options{})
{
}

Authenticator::Authenticator(Database &database, Options options)
    : m_database(database)
    , m_options(options)
    , m_clock([]() { return QDateTime::currentSecsSinceEpoch(); })
    , m_iterations(PasswordHasher::DefaultIterations)
{
}

bool Authenticator::isLockedOut(const QString &peer, qint64 now)
{
    const auto it = m_lockedUntil.constFind(peer);
    if (it == m_lockedUntil.constEnd())
        return false;
    if (now < *it)
        return true;
    m_lockedUntil.remove(peer);
    m_failures.remove(peer);
    return false;
}

void Authenticator::recordFailure(const QString &peer, qint64 now)
{
    QList<qint64> &times = m_failures[peer];
    times.append(now);
    times.removeIf([&](qint64 t) { return now - t >= m_options.failureWindowSeconds; });
    if (times.size() >= m_options.maxFailures) {
        m_lockedUntil.insert(peer, now + m_options.lockoutSeconds);
        qCWarning(lcAuth).noquote() << QStringLiteral("Too many failed logins from %1, so its logins are rejected for %2 s")
                                           .arg(peer)
                                           .arg(m_options.lockoutSeconds);
    }
}

Result<Authenticator::Login> Authenticator::login(const QString &login, const QString &password,
                                                  const QString &peer)
{
    const qint64 now = m_clock();
    if (isLockedOut(peer, now)) {
        return ApiError::make(QStringLiteral("too many attempts"),
                              QStringLiteral("Too many failed logins from this address; try again "
                                             "in a minute."));
    }

    auto found = OperatorStore(m_database).findByLogin(login);
    if (!found)
        return found.error();
    if (!found->has_value() || !PasswordHasher::verify(password, found->value().passwordHash)) {
        recordFailure(peer, now);
        qCInfo(lcAuth).noquote() << "Failed login for" << login << "from"
                                 << (peer.isEmpty() ? QStringLiteral("local") : peer);
        return ApiError::make(WrongLogin);
    }

    const OperatorRow &row = found->value();
    const std::optional<Role> role = roleFromName(row.role);
    if (!role)
        return ApiError::make(WrongLogin, QStringLiteral("The operator has an unknown role."));

    const QByteArray token = Secrets::generateToken();
    const QByteArray tokenHash = Secrets::hashToken(token);
    Status stored = OperatorStore(m_database).addSession(tokenHash, row.id, now);
    if (!stored)
        return stored.error();

    m_failures.remove(peer);
    Session session{row.id, row.login, *role, tokenHash};
    {
        const QMutexLocker locker(&m_sessionsMutex);
        m_sessions.insert(tokenHash, CachedSession{session, now, now});
    }
    qCInfo(lcAuth).noquote() << "Operator" << row.login << "logged in from"
                             << (peer.isEmpty() ? QStringLiteral("local") : peer);
    return Login{token, session};
}

Result<Authenticator::Session> Authenticator::authenticate(const QByteArray &token, bool *expired)
{
    if (expired)
        *expired = false;
    if (token.isEmpty())
        return ApiError::make(Unauthorized);
    const QByteArray tokenHash = Secrets::hashToken(token);
    const qint64 now = m_clock();

    QMutexLocker locker(&m_sessionsMutex);
    auto cached = m_sessions.find(tokenHash);
    if (cached == m_sessions.end()) {
        // The lock is not held during database calls. Only this thread adds or removes
        // sessions, so nothing changes the cache meanwhile.
        locker.unlock();
        auto stored = OperatorStore(m_database).findSession(tokenHash);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            return ApiError::make(Unauthorized);
        auto op = OperatorStore(m_database).find(stored->value().operatorId);
        if (!op)
            return op.error();
        const std::optional<Role> role = op->has_value() ? roleFromName(op->value().role)
                                                         : std::nullopt;
        if (!role)
            return ApiError::make(Unauthorized);
        const Session session{op->value().id, op->value().login, *role, tokenHash};
        locker.relock();
        cached = m_sessions.insert(tokenHash, CachedSession{session, stored->value().lastUsed,
                                                            stored->value().lastUsed});
    }

    if (now - cached->lastUsed >= m_options.tokenLifetimeSeconds) {
        m_sessions.erase(cached);
        locker.unlock();
        if (expired)
            *expired = true;
        if (Status removed = OperatorStore(m_database).removeSession(tokenHash); !removed)
            qCWarning(lcAuth) << "Cannot remove an expired session:" << removed.error().detail;
        return ApiError::make(Unauthorized, QStringLiteral("The token has expired; log in again."));
    }

    cached->lastUsed = now;
    const Session session = cached->session;
    if (now - cached->lastStored >= StoreLastUseEverySeconds) {
        cached->lastStored = now;
        locker.unlock();
        if (Status touched = OperatorStore(m_database).touchSession(tokenHash, now); !touched)
            qCWarning(lcAuth) << "Cannot record the use of a session:" << touched.error().detail;
    }
    return session;
}

std::optional<Authenticator::Session> Authenticator::authenticateCached(const QByteArray &token)
{
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray tokenHash = Secrets::hashToken(token);
    const qint64 now = m_clock();
    const QMutexLocker locker(&m_sessionsMutex);
    const auto cached = m_sessions.find(tokenHash);
    if (cached == m_sessions.end() || now - cached->lastUsed >= m_options.tokenLifetimeSeconds
        || now - cached->lastStored >= StoreLastUseEverySeconds) {
        return std::nullopt;
    }
    cached->lastUsed = now;
    return cached->session;
}

Status Authenticator::logout(const QByteArray &tokenHash)
{
    {
        const QMutexLocker locker(&m_sessionsMutex);
        m_sessions.remove(tokenHash);
    }
    return OperatorStore(m_database).removeSession(tokenHash);
}

bool Authenticator::isValid(const QByteArray &tokenHash)
{
    {
        const QMutexLocker locker(&m_sessionsMutex);
        const auto cached = m_sessions.constFind(tokenHash);
        if (cached != m_sessions.constEnd())
            return m_clock() - cached->lastUsed < m_options.tokenLifetimeSeconds;
    }
    auto stored = OperatorStore(m_database).findSession(tokenHash);
    return stored && stored->has_value()
        && m_clock() - stored->value().lastUsed < m_options.tokenLifetimeSeconds;
}

Result<bool> Authenticator::hasOperators() const
{
    auto rows = OperatorStore(m_database).list();
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<QList<OperatorRow>> Authenticator::operators() const
{
    return OperatorStore(m_database).list();
}

Result<OperatorRow> Authenticator::addOperator(const QString &login, Role role,
                                               const QString &password)
{
    const QString name = login.trimmed();
    if (name.isEmpty() || !NameRules::checkUserName(name)) {
        return ApiError::make(QStringLiteral("invalid name"),
                              QStringLiteral("The operator name \"%1\" must be non-empty, without "
                                             "white space, '@' or ':'.")
                                  .arg(login));
    }
    if (password.isEmpty()) {
        return ApiError::make(QStringLiteral("empty data"),
                              QStringLiteral("The password of operator \"%1\" is empty.").arg(name));
    }
    OperatorStore store(m_database);
    auto existing = store.findByLogin(name);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        return ApiError::make(QStringLiteral("operator already exists"),
                              QStringLiteral("The operator \"%1\" already exists.").arg(name));
    }
    return store.add(name, roleName(role), PasswordHasher::hash(password, m_iterations));
}

Result<QList<QByteArray>> Authenticator::setPassword(const QString &login, const QString &password)
{
    if (password.isEmpty())
        return ApiError::make(QStringLiteral("empty data"), QStringLiteral("The password is empty."));
    OperatorStore store(m_database);
    auto existing = store.findByLogin(login);
    if (!existing)
        return existing.error();
    if (!existing->has_value()) {
        return ApiError::make(QStringLiteral("operator not found"),
                              QStringLiteral("There is no operator \"%1\".").arg(login));
    }
    auto sessions = store.sessionsOf(existing->value().id);
    if (!sessions)
        return sessions.error();
    Status changed = store.setPasswordHash(existing->value().id, PasswordHasher::hash(password, m_iterations));
    if (!changed)
        return changed.error();
    for (const QByteArray &hash : *sessions) {
        if (Status removed = store.removeSession(hash); !removed)
            return removed.error();
    }
    const QMutexLocker locker(&m_sessionsMutex);
    for (const QByteArray &hash : *sessions)
        m_sessions.remove(hash);
    return *sessions;
}

Result<QList<QByteArray>> Authenticator::removeOperator(const QString &login)
{
    OperatorStore store(m_database);
    auto existing = store.findByLogin(login);
    if (!existing)
        return existing.error();
    if (!existing->has_value()) {
        return ApiError::make(QStringLiteral("operator not found"),
                              QStringLiteral("There is no operator \"%1\".").arg(login));
    }
    auto sessions = store.sessionsOf(existing->value().id);
    if (!sessions)
        return sessions.error();
    Status removed = store.remove(existing->value().id);
    if (!removed)
        return removed.error();
    const QMutexLocker locker(&m_sessionsMutex);
    for (const QByteArray &hash : *sessions)
        m_sessions.remove(hash);
    return *sessions;
}

} // namespace fsd
