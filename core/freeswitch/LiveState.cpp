// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/LiveState.h"

#include "core/common/NameRules.h"

#include <QMutexLocker>

namespace fsd::freeswitch {

QString LiveSnapshot::key(const QString &user, const QString &domain)
{
    return NameRules::key(user) + QLatin1Char('@') + NameRules::key(domain);
}

QString LiveSnapshot::domainKey(const QString &domain)
{
    return NameRules::key(domain);
}

const LiveUserState *LiveSnapshot::find(const QString &user, const QString &domain) const
{
    const auto found = users.constFind(key(user, domain));
    return found == users.constEnd() ? nullptr : &found.value();
}

int LiveSnapshot::registrations(const QString &domain) const
{
    return domainRegistrations.value(domainKey(domain));
}

QString MonitorStatus::stateName(State state)
{
    switch (state) {
    case State::Off:
        return QStringLiteral("off");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Reconnecting:
        return QStringLiteral("reconnecting");
    }
    return QStringLiteral("off");
}

LiveSnapshot LiveState::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    return m_snapshot;
}

void LiveState::publish(const LiveSnapshot &snapshot)
{
    QMutexLocker locker(&m_mutex);
    m_snapshot = snapshot;
}

MonitorStatus LiveState::status() const
{
    QMutexLocker locker(&m_mutex);
    return m_status;
}

void LiveState::setStatus(const MonitorStatus &status)
{
    QMutexLocker locker(&m_mutex);
    m_status = status;
}

} // namespace fsd::freeswitch
