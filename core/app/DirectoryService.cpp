// SPDX-License-Identifier: MPL-2.0
#include "core/app/DirectoryService.h"

#include "core/auth/Authenticator.h"
#include "core/events/DirectoryHandlers.h"
#include "core/events/DispatchQueue.h"
#include "core/events/ImportHandlers.h"
#include "core/events/OperatorHandlers.h"
#include "core/freeswitch/EventSocketClient.h"
#include "core/events/Dispatcher.h"
#include "core/storage/DatabaseLock.h"

#include <QThread>

namespace fsd {

DirectoryService::~DirectoryService()
{
    if (m_thread) {
        // Everything the thread owns is destroyed on it, then the thread ends.
        runOnServiceThread([this]() {
            m_dispatcher.reset();
            m_authenticator.reset();
            m_database.reset();
        });
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
    m_queue.reset();
    m_dispatcher.reset();
    m_authenticator.reset();
    m_database.reset();
}

Status DirectoryService::openOnCurrentThread(const Options &options)
{
    auto database = Database::open(options.database, QStringLiteral("fsdirector-main"));
    if (!database)
        return database.error();
    m_database = std::move(*database);
    m_location = m_database->displayLocation();
    m_authenticator = std::make_unique<Authenticator>(*m_database, options.authentication);
    m_dispatcher = std::make_unique<Dispatcher>(*m_database, *m_authenticator);
    registerDirectoryHandlers(*m_dispatcher);
    registerOperatorHandlers(*m_dispatcher);
    registerImportHandlers(*m_dispatcher, [options]() {
        freeswitch::EventSocketSettings settings;
        settings.host = options.eventSocketHost;
        settings.port = options.eventSocketPort;
        settings.password = options.eventSocketPassword;
        return settings;
    });
    return {};
}

Result<std::unique_ptr<DirectoryService>> DirectoryService::start(const Options &options)
{
    std::unique_ptr<DirectoryService> service(new DirectoryService);

    if (options.takeLock) {
        service->m_lock = std::make_unique<DatabaseLock>(options.database);
        Status locked = service->m_lock->acquire();
        if (!locked)
            return locked.error();
    }

    if (!options.threaded) {
        Status opened = service->openOnCurrentThread(options);
        if (!opened)
            return opened.error();
        service->m_queue = std::make_unique<DispatchQueue>(service->m_dispatcher.get());
        return service;
    }

    service->m_thread = new QThread;
    service->m_thread->setObjectName(QStringLiteral("fsdirector-dispatcher"));
    service->m_thread->start();
    Status opened;
    service->runOnServiceThread([&]() { opened = service->openOnCurrentThread(options); });
    if (!opened)
        return opened.error();
    service->m_queue = std::make_unique<DispatchQueue>(service->m_dispatcher.get());
    return service;
}

void DirectoryService::setApiAddress(const QString &address)
{
    if (m_lock)
        m_lock->setApiAddress(address);
}

void DirectoryService::runOnServiceThread(const std::function<void()> &work)
{
    if (!m_thread || QThread::currentThread() == m_thread) {
        work();
        return;
    }
    QObject context;
    context.moveToThread(m_thread);
    QMetaObject::invokeMethod(&context, work, Qt::BlockingQueuedConnection);
}

} // namespace fsd
