// SPDX-License-Identifier: MPL-2.0
#include "core/app/LiveStateService.h"

#include "core/app/DirectoryService.h"
#include "core/events/Dispatcher.h"
#include "core/events/LiveStatePublisher.h"
#include "core/freeswitch/RegistrationMonitor.h"

#include <QCoreApplication>
#include <QThread>

namespace fsd {

LiveStateService::LiveStateService(DirectoryService &service,
                                   freeswitch::EventSocketSettings settings, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_settings(std::move(settings))
    , m_state(std::make_shared<freeswitch::LiveState>())
{
}

LiveStateService::~LiveStateService()
{
    stop();
}

void LiveStateService::setRetryDelays(std::chrono::milliseconds first,
                                      std::chrono::milliseconds maximum)
{
    m_firstRetry = first;
    m_maxRetry = maximum;
}

void LiveStateService::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushInterval = interval;
}

void LiveStateService::start()
{
    if (m_thread)
        return;
    m_service.runOnServiceThread([this]() {
        Dispatcher *dispatcher = m_service.dispatcher();
        dispatcher->setLiveState(m_state);
        m_publisher = new LiveStatePublisher(*dispatcher, m_state);
    });

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("fsdirector-freeswitch"));
    m_thread->start();
    // The monitor is created on its thread, so that its sockets and timers belong there.
    QObject context;
    context.moveToThread(m_thread);
    QMetaObject::invokeMethod(
        &context,
        [this]() {
            m_monitor = new freeswitch::RegistrationMonitor(m_state, m_settings);
            m_monitor->setRetryDelays(m_firstRetry, m_maxRetry);
            m_monitor->setFlushInterval(m_flushInterval);
        },
        Qt::BlockingQueuedConnection);
    connect(m_monitor, &freeswitch::RegistrationMonitor::usersChanged, m_publisher,
            &LiveStatePublisher::publishUsers);
    connect(m_monitor, &freeswitch::RegistrationMonitor::statusChanged, m_publisher,
            &LiveStatePublisher::publishStatus);
    QMetaObject::invokeMethod(m_monitor, &freeswitch::RegistrationMonitor::start);
}

void LiveStateService::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_monitor,
        [this]() {
            m_monitor->stop();
            delete m_monitor;
        },
        Qt::BlockingQueuedConnection);
    m_monitor = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    // The publisher sends the last messages (every user idle, status off) before it goes.
    m_service.runOnServiceThread([this]() {
        QCoreApplication::sendPostedEvents(m_publisher);
        delete m_publisher;
        m_publisher = nullptr;
        m_service.dispatcher()->setLiveState(nullptr);
    });
}

} // namespace fsd
