// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DatabaseLock.h"

#include "core/storage/AdvisoryLock.h"
#include "core/storage/StorageLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace fsd {

DatabaseLock::DatabaseLock(const QString &databasePath)
    : m_databasePath(databasePath)
    , m_lock(std::make_unique<QLockFile>(databasePath + QStringLiteral(".lock")))
{
    // A lock whose process is gone is taken over at once; a live owner is never timed out.
    m_lock->setStaleLockTime(0);
}

DatabaseLock::DatabaseLock(const DatabaseOptions &options)
{
    if (options.backend == SqlDialect::Backend::PostgreSQL) {
        m_advisoryLock = std::make_unique<AdvisoryLock>(options);
        return;
    }
    m_databasePath = options.path;
    m_lock = std::make_unique<QLockFile>(options.path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
}

DatabaseLock::~DatabaseLock()
{
    release();
}

Status DatabaseLock::acquire()
{
    if (m_advisoryLock)
        return m_advisoryLock->acquire();
    if (m_lock->isLocked())
        return {};
    // On a first start the database's folder does not exist yet, and the lock file goes
    // beside the database.
    const QDir folder = QFileInfo(m_databasePath).absoluteDir();
    if (!folder.exists() && !folder.mkpath(QStringLiteral("."))) {
        return ApiError::make(QStringLiteral("database locked"),
                              QStringLiteral("Cannot create the folder %1 for the database. Check "
                                             "its parent's permissions or pass --database.")
                                  .arg(folder.absolutePath()));
    }
    if (m_lock->tryLock(0)) {
        writeOwnerFile();
        return {};
    }
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        return ApiError::make(QStringLiteral("database locked"), describeOwner());
    case QLockFile::PermissionError:
        return ApiError::make(QStringLiteral("database locked"),
                              QStringLiteral("Cannot create the lock file %1.lock: permission "
                                             "denied. Check the folder's permissions.")
                                  .arg(m_databasePath));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return ApiError::make(QStringLiteral("database locked"),
                          QStringLiteral("Cannot create the lock file %1.lock. Check that its "
                                         "folder exists and is writable, or pass --database.")
                              .arg(m_databasePath));
}

void DatabaseLock::setApiAddress(const QString &address)
{
    if (m_advisoryLock) {
        m_advisoryLock->setApiAddress(address);
        return;
    }
    m_apiAddress = address;
    if (m_lock->isLocked())
        writeOwnerFile();
}

void DatabaseLock::release()
{
    if (m_advisoryLock) {
        m_advisoryLock->release();
        return;
    }
    if (!m_lock->isLocked())
        return;
    QFile::remove(m_databasePath + QStringLiteral(".owner"));
    m_lock->unlock();
}

void DatabaseLock::writeOwnerFile()
{
    QJsonObject owner{{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                      {QStringLiteral("api"), m_apiAddress}};
    QSaveFile file(m_databasePath + QStringLiteral(".owner"));
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcStorage) << "Cannot write" << file.fileName() << ":" << file.errorString();
        return;
    }
    file.write(QJsonDocument(owner).toJson(QJsonDocument::Compact));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!file.commit())
        qCWarning(lcStorage) << "Cannot write" << file.fileName() << ":" << file.errorString();
}

QString DatabaseLock::describeOwner() const
{
    qint64 pid = 0;
    QString hostName;
    QString appName;
    m_lock->getLockInfo(&pid, &hostName, &appName);

    QString api;
    QFile ownerFile(m_databasePath + QStringLiteral(".owner"));
    if (ownerFile.open(QIODevice::ReadOnly))
        api = QJsonDocument::fromJson(ownerFile.readAll()).object().value(QStringLiteral("api")).toString();

    QString text = QStringLiteral("The database %1 is in use by fsdirector process %2")
                       .arg(m_databasePath)
                       .arg(pid);
    if (!api.isEmpty())
        text += QStringLiteral(", whose API listens on %1").arg(api);
    text += QStringLiteral(". Send your requests to that process, stop it, or open another "
                           "database with --database.");
    return text;
}

} // namespace fsd
