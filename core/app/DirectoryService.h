// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/auth/Authenticator.h"
#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace fsd {

class Authenticator;
class DatabaseLock;
class DispatchQueue;
class Dispatcher;

// The running directory: the database (held with its lock), the authenticator and the
// dispatcher with every handler registered. With `threaded`, they live on a thread of their
// own and are reached through queue(), so long imports never block the GUI or the network.
// Without it, everything runs on the calling thread (command line, tests).
class DirectoryService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        DatabaseOptions database;
        Authenticator::Options authentication;
        bool threaded = true;
        bool takeLock = true;
    };

    ~DirectoryService() override;

    // Takes the lock, opens and migrates the database and registers the handlers. The error
    // detail names the owning process when another process has locked the database.
    static Result<std::unique_ptr<DirectoryService>> start(const Options &options);

    DispatchQueue *queue() const { return m_queue.get(); }
    // Only for use on the dispatcher's thread (or any time when not threaded).
    Dispatcher *dispatcher() const { return m_dispatcher.get(); }
    Database *database() const { return m_database.get(); }
    Authenticator *authenticator() const { return m_authenticator.get(); }
    QString location() const { return m_location; }
    // Records the API address in the lock's owner file, for processes that are refused.
    void setApiAddress(const QString &address);
    // Runs `work` on the dispatcher's thread and waits for it.
    void runOnServiceThread(const std::function<void()> &work);

private:
    DirectoryService() = default;
    Status openOnCurrentThread(const Options &options);

    std::unique_ptr<DatabaseLock> m_lock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<DispatchQueue> m_queue;
    QThread *m_thread = nullptr;
    QString m_location;
};

} // namespace fsd
