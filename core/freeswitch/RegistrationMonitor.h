// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/EventSocketClient.h"
#include "core/freeswitch/LiveState.h"
#include "core/freeswitch/LiveStateTracker.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace fsd::freeswitch {

// Follows FreeSWITCH's registrations and calls over the Event Socket and publishes them to a
// LiveState. At each connection it subscribes to the events of LiveStateTracker, reads
// `show registrations as json` and `show channels as json`, then applies the events as they
// come. When FreeSWITCH goes away it clears the state and reconnects with exponential
// backoff. Changes are published in batches, at most one per flush interval, so that a storm
// of re-registrations costs one batch. Lives in the thread that created it.
class RegistrationMonitor : public QObject
{
    Q_OBJECT

public:
    RegistrationMonitor(std::shared_ptr<LiveState> state, EventSocketSettings settings,
                        QObject *parent = nullptr);
    ~RegistrationMonitor() override;

    // The delay before the first retry, doubled after each failure up to `maximum`.
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds maximum);
    void setFlushInterval(std::chrono::milliseconds interval);
    // How often a connected monitor runs `api status` to find a FreeSWITCH that went away
    // without closing the connection. The default is 30 s, and the reply must come within
    // EventSocketSettings::timeoutMs.
    void setHeartbeatInterval(std::chrono::milliseconds interval);

    void start();
    // Disconnects, clears the state and sets the status to Off.
    void stop();

signals:
    // Keys (LiveSnapshot::key) of the users whose state changed. The LiveState already
    // contains their new state.
    void usersChanged(const QStringList &userKeys);
    // The LiveState's status changed.
    void statusChanged();

private:
    void connectNow();
    void onReady();
    void onFailed(const fsd::ApiError &error);
    void onEvent(const fsd::freeswitch::EslMessage &event);
    void loadListings();
    void failLoading(const ApiError &error);
    void closeClient();
    void checkAlive();
    void setStatus(MonitorStatus::State state, const QString &error = {});
    void scheduleFlush();
    void flush();

    std::shared_ptr<LiveState> m_state;
    EventSocketSettings m_settings;
    std::unique_ptr<EventSocketClient> m_client;
    LiveStateTracker m_tracker;
    QTimer m_retryTimer;
    QTimer m_flushTimer;
    QTimer m_heartbeatTimer;
    std::chrono::milliseconds m_firstRetry{1000};
    std::chrono::milliseconds m_maxRetry{30000};
    std::chrono::milliseconds m_nextRetry{1000};
    bool m_running = false;
    bool m_heartbeatPending = false;
    int m_failuresInRow = 0;
};

} // namespace fsd::freeswitch
