// SPDX-License-Identifier: MPL-2.0
#include "core/storage/AdvisoryLock.h"

#include "core/storage/StorageLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUuid>
#include <QtEndian>

namespace fsd {

namespace {

const QString LockedError = QStringLiteral("database locked");

// First key of the two-key advisory lock: "FSD1" in ASCII, so that other applications'
// advisory locks in the same database do not collide with fsdirector's.
constexpr qint32 LockClass = 0x46534431;

// PostgreSQL's application_name keeps at most 63 bytes.
constexpr int MaxApplicationName = 63;

// Second key: derived from the schema name, so that directories in different schemas of one
// database lock separately. Kept positive, because pg_locks shows it as an unsigned oid.
qint32 lockKey(const DatabaseOptions &options)
{
    const QString schema = options.schema.isEmpty() ? QStringLiteral("public") : options.schema;
    const QByteArray digest = QCryptographicHash::hash(schema.toUtf8(), QCryptographicHash::Sha1);
    return qint32(qFromBigEndian<quint32>(digest.constData()) & 0x7fffffffU);
}

} // namespace

AdvisoryLock::AdvisoryLock(DatabaseOptions options)
    : m_options(std::move(options))
{
}

AdvisoryLock::~AdvisoryLock()
{
    release();
}

Status AdvisoryLock::acquire()
{
    if (m_locked)
        return {};
    if (!m_connection) {
        // Read-only, so that opening it applies no migration: Database::open of the directory
        // connection does that once the lock is held.
        DatabaseOptions options = m_options;
        options.readOnly = true;
        auto connection = Database::open(
            options, QStringLiteral("fsdirector-lock-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!connection)
            return connection.error();
        m_connection = std::move(*connection);
    }

    auto lockTaken = m_connection->exec(QStringLiteral("SELECT pg_try_advisory_lock(?, ?)"),
                                    {LockClass, lockKey(m_options)});
    if (!lockTaken)
        return lockTaken.error();
    if (!lockTaken->next() || !lockTaken->value(0).toBool())
        return ApiError::make(LockedError, describeOwner());
    m_locked = true;
    publishOwner();
    return {};
}

void AdvisoryLock::setApiAddress(const QString &address)
{
    m_apiAddress = address;
    if (m_locked)
        publishOwner();
}

void AdvisoryLock::release()
{
    if (m_locked && m_connection) {
        auto unlocked = m_connection->exec(QStringLiteral("SELECT pg_advisory_unlock(?, ?)"),
                                           {LockClass, lockKey(m_options)});
        if (!unlocked)
            qCWarning(lcStorage) << "Releasing the advisory lock failed; closing its connection ends it.";
    }
    m_locked = false;
    m_connection.reset();
}

void AdvisoryLock::publishOwner()
{
    QString name = QStringLiteral("fsdirector pid=%1").arg(QCoreApplication::applicationPid());
    if (!m_apiAddress.isEmpty())
        name += QStringLiteral(" api=") + m_apiAddress;
    // PostgreSQL would truncate a longer name itself; cutting it here keeps the text that
    // describeOwner() parses predictable.
    name = name.left(MaxApplicationName);
    auto set = m_connection->exec(QStringLiteral("SELECT set_config('application_name', ?, false)"),
                                  {name});
    if (!set)
        qCWarning(lcStorage) << "Cannot record the lock owner in application_name.";
}

QString AdvisoryLock::describeOwner() const
{
    QString applicationName;
    QString clientAddress;
    auto owner = m_connection->exec(
        QStringLiteral("SELECT a.application_name, COALESCE(host(a.client_addr), '')"
                       " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                       " WHERE l.locktype = 'advisory' AND l.granted"
                       " AND l.database = (SELECT oid FROM pg_database"
                       "                   WHERE datname = current_database())"
                       " AND l.classid = ? AND l.objid = ? AND l.objsubid = 2"),
        {LockClass, lockKey(m_options)});
    if (owner && owner->next()) {
        applicationName = owner->value(0).toString();
        clientAddress = owner->value(1).toString();
    }

    static const QRegularExpression fields(
        QStringLiteral("^fsdirector pid=(\\d+)(?: api=(\\S+))?"));
    const QRegularExpressionMatch match = fields.match(applicationName);
    QString text = QStringLiteral("The database %1 is in use by ")
                       .arg(m_connection->displayLocation());
    text += match.hasMatch() ? QStringLiteral("fsdirector process %1").arg(match.captured(1))
                             : QStringLiteral("another fsdirector process");
    if (!clientAddress.isEmpty())
        text += QStringLiteral(" on host %1").arg(clientAddress);
    if (match.hasMatch() && !match.captured(2).isEmpty())
        text += QStringLiteral(", whose API listens on %1").arg(match.captured(2));
    text += QStringLiteral(". Send your requests to that process, stop it, or open another "
                           "database with --database.");
    return text;
}

} // namespace fsd
