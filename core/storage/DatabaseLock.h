// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace fsd {

class AdvisoryLock;

// Keeps a second fsdirector process off a database, so that one process owns it at a time.
// For SQLite the lock is `<database>.lock` (QLockFile, removed when stale), and
// `<database>.owner` records the owner's PID and API address for the error of a rejected
// process. For PostgreSQL it is an AdvisoryLock on a connection of its own.
class DatabaseLock
{
public:
    explicit DatabaseLock(const QString &databasePath);
    explicit DatabaseLock(const DatabaseOptions &options);
    ~DatabaseLock();

    // Takes the lock without waiting. On failure the error detail names the owning process.
    Status acquire();
    // Records the address of the owner's API listener, shown to processes that are refused.
    void setApiAddress(const QString &address);
    void release();

private:
    void writeOwnerFile();
    QString describeOwner() const;

    QString m_databasePath;
    QString m_apiAddress;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<AdvisoryLock> m_advisoryLock;
};

} // namespace fsd
