// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/RegistrationMonitor.h"

#include "core/freeswitch/FreeSwitchLog.h"

namespace fsd::freeswitch {

RegistrationMonitor::RegistrationMonitor(std::shared_ptr<LiveState> state,
                                         EventSocketSettings settings, QObject *parent)
    : QObject(parent)
    , m_state(std::move(state))
    , m_settings(std::move(settings))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RegistrationMonitor::connectNow);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(std::chrono::milliseconds(150));
    connect(&m_flushTimer, &QTimer::timeout, this, &RegistrationMonitor::flush);
    m_heartbeatTimer.setInterval(std::chrono::seconds(30));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &RegistrationMonitor::checkAlive);
}

RegistrationMonitor::~RegistrationMonitor()
{
    if (m_client)
        m_client->disconnect(this);
}

void RegistrationMonitor::setRetryDelays(std::chrono::milliseconds first,
                                         std::chrono::milliseconds maximum)
{
    m_firstRetry = first;
    m_maxRetry = maximum;
    m_nextRetry = first;
}

void RegistrationMonitor::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer.setInterval(interval);
}

void RegistrationMonitor::setHeartbeatInterval(std::chrono::milliseconds interval)
{
    m_heartbeatTimer.setInterval(interval);
}

void RegistrationMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_nextRetry = m_firstRetry;
    connectNow();
}

void RegistrationMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    closeClient();
    m_tracker.clear();
    flush();
    qCInfo(lcFreeSwitch).noquote()
        << QStringLiteral("Stopped following registrations on the Event Socket at %1:%2")
               .arg(m_settings.host)
               .arg(m_settings.port);
    setStatus(MonitorStatus::State::Off);
}

void RegistrationMonitor::connectNow()
{
    if (!m_running)
        return;
    m_client = std::make_unique<EventSocketClient>();
    connect(m_client.get(), &EventSocketClient::ready, this, &RegistrationMonitor::onReady);
    connect(m_client.get(), &EventSocketClient::failed, this, &RegistrationMonitor::onFailed);
    connect(m_client.get(), &EventSocketClient::eventReceived, this,
            &RegistrationMonitor::onEvent);
    if (m_failuresInRow == 0)
        setStatus(MonitorStatus::State::Connecting);
    m_client->connectToFreeSwitch(m_settings);
}

void RegistrationMonitor::onReady()
{
    m_client->subscribe(LiveStateTracker::subscribedEvents(), [this](Status subscribed) {
        if (!subscribed) {
            failLoading(subscribed.error());
            return;
        }
        loadListings();
    });
}

void RegistrationMonitor::loadListings()
{
    m_client->api(QStringLiteral("show registrations as json"), [this](Result<QByteArray> output) {
        if (!output) {
            failLoading(output.error());
            return;
        }
        if (Status loaded = m_tracker.loadRegistrations(*output); !loaded) {
            failLoading(loaded.error());
            return;
        }
        m_client->api(QStringLiteral("show channels as json"), [this](Result<QByteArray> channels) {
            if (!channels) {
                failLoading(channels.error());
                return;
            }
            if (Status loaded = m_tracker.loadChannels(*channels); !loaded) {
                failLoading(loaded.error());
                return;
            }
            m_failuresInRow = 0;
            m_nextRetry = m_firstRetry;
            qCInfo(lcFreeSwitch).noquote()
                << QStringLiteral("Following registrations on the Event Socket at %1: %2 users "
                                  "with live state")
                       .arg(m_client->address())
                       .arg(m_tracker.snapshot().users.size());
            scheduleFlush();
            m_heartbeatTimer.start();
            setStatus(MonitorStatus::State::Connected);
        });
    });
}

// A failure after the connection was established: the connection is dropped and retried.
void RegistrationMonitor::failLoading(const ApiError &error)
{
    qCWarning(lcFreeSwitch).noquote() << error.detail;
    closeClient();
    onFailed(error);
}

// Sends `exit` on the current connection and lets the client delete itself once closed.
void RegistrationMonitor::closeClient()
{
    m_heartbeatTimer.stop();
    m_heartbeatPending = false;
    if (!m_client)
        return;
    EventSocketClient *client = m_client.release();
    client->disconnect(this);
    client->setParent(this);
    if (!client->isReady()) {
        // Nothing to close gracefully, and no closed() will come.
        client->disconnectFromFreeSwitch();
        client->deleteLater();
        return;
    }
    connect(client, &EventSocketClient::closed, client, &QObject::deleteLater);
    client->disconnectFromFreeSwitch();
}

// Runs `api status` now and then, so that a FreeSWITCH that vanished without closing the
// connection (host down, network cut) times out and is reconnected.
void RegistrationMonitor::checkAlive()
{
    // Each command restarts the client's reply timeout, so a second `status` while one is
    // pending would keep a silent FreeSWITCH from ever timing out.
    if (!m_client || !m_client->isReady() || m_heartbeatPending)
        return;
    m_heartbeatPending = true;
    m_client->api(QStringLiteral("status"), [this](Result<QByteArray> output) {
        m_heartbeatPending = false;
        if (!output)
            failLoading(output.error());
    });
}

void RegistrationMonitor::onFailed(const ApiError &error)
{
    m_heartbeatTimer.stop();
    m_heartbeatPending = false;
    // EventSocketClient has logged the error itself.
    if (m_client) {
        m_client->disconnect(this);
        m_client.release()->deleteLater();
    }
    m_tracker.clear();
    scheduleFlush();
    ++m_failuresInRow;
    const auto delay = m_nextRetry;
    m_nextRetry = std::min(m_nextRetry * 2, m_maxRetry);
    qCInfo(lcFreeSwitch).noquote()
        << QStringLiteral("Retrying the Event Socket at %1:%2 in %3 s (failure %4 in a row).")
               .arg(m_settings.host)
               .arg(m_settings.port)
               .arg(double(delay.count()) / 1000.0)
               .arg(m_failuresInRow);
    setStatus(MonitorStatus::State::Reconnecting, error.detail);
    m_retryTimer.start(delay);
}

void RegistrationMonitor::onEvent(const EslMessage &event)
{
    m_tracker.apply(event);
    scheduleFlush();
}

void RegistrationMonitor::setStatus(MonitorStatus::State state, const QString &error)
{
    MonitorStatus status;
    status.state = state;
    if (state != MonitorStatus::State::Off)
        status.address = QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
    status.error = error;
    if (m_state->status().state == status.state && m_state->status().error == status.error
        && m_state->status().address == status.address) {
        return;
    }
    m_state->setStatus(status);
    emit statusChanged();
}

void RegistrationMonitor::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RegistrationMonitor::flush()
{
    m_flushTimer.stop();
    const QStringList changed = m_tracker.takeChangedUsers();
    if (changed.isEmpty())
        return;
    m_state->publish(m_tracker.snapshot());
    emit usersChanged(changed);
}

} // namespace fsd::freeswitch
