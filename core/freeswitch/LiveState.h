// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace fsd::freeswitch {

// Live state of one directory user (user@domain) as FreeSWITCH reports it.
struct LiveUserState
{
    // Number of SIP contacts registered for the user (one phone may register several).
    int sipRegistrations = 0;
    bool vertoRegistered = false;
    // True while FreeSWITCH has at least one channel of the user.
    bool inCall = false;
    // True while one of those channels is answered.
    bool talking = false;
    // Creation time of the user's latest channel, in Unix seconds; 0 before any call.
    qint64 callDate = 0;
    // UUID of the user's latest channel; it stays after the call ends.
    QString lastUuid;
    // FreeSWITCH's Call-Direction of that channel: "inbound" when the phone placed the call,
    // "outbound" when FreeSWITCH called the phone.
    QString callDirection;

    bool operator==(const LiveUserState &) const = default;
};

// The live state of every user that FreeSWITCH reported, keyed by key(user, domain).
struct LiveSnapshot
{
    QHash<QString, LiveUserState> users;
    // SIP registrations per domain key.
    QHash<QString, int> domainRegistrations;

    // "user@domain" with both parts case-folded, as FreeSWITCH compares directory names
    // without regard to case.
    static QString key(const QString &user, const QString &domain);
    static QString domainKey(const QString &domain);

    const LiveUserState *find(const QString &user, const QString &domain) const;
    int registrations(const QString &domain) const;
};

// State of the connection that feeds the live state.
struct MonitorStatus
{
    enum class State {
        // The monitor is not running (not configured or switched off).
        Off,
        Connecting,
        Connected,
        // The connection failed or was lost. `error` contains the reason, and a retry is
        // scheduled.
        Reconnecting,
    };
    State state = State::Off;
    // "host:port" of the Event Socket; empty when Off.
    QString address;
    QString error;

    static QString stateName(State state);
};

// The live state shared between the monitor's thread, which publishes it, and the
// dispatcher's thread, which reads it for replies. Thread-safe; copies are cheap because
// QHash is implicitly shared.
class LiveState
{
public:
    LiveSnapshot snapshot() const;
    void publish(const LiveSnapshot &snapshot);

    MonitorStatus status() const;
    void setStatus(const MonitorStatus &status);

private:
    mutable QMutex m_mutex;
    LiveSnapshot m_snapshot;
    MonitorStatus m_status;
};

} // namespace fsd::freeswitch
