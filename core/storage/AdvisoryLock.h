// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QString>

#include <memory>

namespace fsd {

// The PostgreSQL form of DatabaseLock: a session advisory lock (pg_try_advisory_lock) on a
// connection of its own, keyed by the schema that holds the directory, so that one fsdirector
// process owns a PostgreSQL directory at a time. The connection's application_name records
// the owner's PID and API address, which a refused process reads from pg_stat_activity.
// NOTE: the server releases the lock when this connection ends, so a restarted server or a
// dropped connection lets a second process in while this one keeps running.
class AdvisoryLock
{
public:
    explicit AdvisoryLock(DatabaseOptions options);
    ~AdvisoryLock();
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;

    // Takes the lock without waiting. On failure the error detail names the owning process.
    Status acquire();
    void setApiAddress(const QString &address);
    void release();

private:
    void publishOwner();
    QString describeOwner() const;

    DatabaseOptions m_options;
    QString m_apiAddress;
    std::unique_ptr<Database> m_connection;
    bool m_locked = false;
};

} // namespace fsd
