// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/EventSocketClient.h"
#include "core/freeswitch/LiveState.h"

#include <QObject>

#include <chrono>
#include <memory>

class QThread;

namespace fsd {

class DirectoryService;
class LiveStatePublisher;
namespace freeswitch {
class RegistrationMonitor;
}

// Shows FreeSWITCH's registrations and calls live. A RegistrationMonitor on a thread of its
// own feeds a LiveState. The dispatcher's handlers read it for `[Users] Get_users` and the
// domains' sip_regs_counter, and a LiveStatePublisher on the dispatcher's thread pushes each
// batch of changes to every client.
class LiveStateService : public QObject
{
    Q_OBJECT

public:
    // `service` is not owned and must outlive this object.
    LiveStateService(DirectoryService &service, freeswitch::EventSocketSettings settings,
                     QObject *parent = nullptr);
    ~LiveStateService() override;

    // For tests: shorter delays than the defaults, which are a first retry after 1 s, at most
    // 30 s between retries and one batch per 150 ms. Call before start().
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds maximum);
    void setFlushInterval(std::chrono::milliseconds interval);

    void start();
    // Disconnects from FreeSWITCH and ends the thread. The live fields return to idle.
    void stop();

    std::shared_ptr<const freeswitch::LiveState> state() const { return m_state; }

private:
    DirectoryService &m_service;
    freeswitch::EventSocketSettings m_settings;
    std::shared_ptr<freeswitch::LiveState> m_state;
    QThread *m_thread = nullptr;
    freeswitch::RegistrationMonitor *m_monitor = nullptr;
    LiveStatePublisher *m_publisher = nullptr;
    std::chrono::milliseconds m_firstRetry{1000};
    std::chrono::milliseconds m_maxRetry{30000};
    std::chrono::milliseconds m_flushInterval{150};
};

} // namespace fsd
