// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/freeswitch/EslMessage.h"
#include "core/freeswitch/LiveState.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace fsd::freeswitch {

// Builds the live state from FreeSWITCH's listings and events. It keeps each SIP
// registration (by Call-ID), Verto login (by client address) and channel (by UUID), derives
// one LiveUserState per user from them, and records which users changed. Not thread-safe.
class LiveStateTracker
{
public:
    // Event names for `event plain`, the CUSTOM subclasses included.
    static QStringList subscribedEvents();

    // Replaces every SIP registration with the output of `show registrations as json`.
    Status loadRegistrations(const QByteArray &json);
    // Replaces every channel with the output of `show channels as json`.
    Status loadChannels(const QByteArray &json);
    // Applies one event of subscribedEvents(); others are ignored.
    void apply(const EslMessage &event);
    // Clears everything, for when the connection to FreeSWITCH is lost.
    void clear();

    const LiveSnapshot &snapshot() const { return m_snapshot; }
    // Keys (LiveSnapshot::key) of the users whose state changed since the last call.
    QStringList takeChangedUsers();

private:
    struct Channel
    {
        QString userKey;
        QString direction;
        qint64 createdSeconds = 0;
        bool answered = false;
    };
    struct Registration
    {
        QString userKey;
        QString domainKey;
    };

    void addRegistration(const QString &callId, const QString &user, const QString &domain);
    void removeRegistration(const QString &callId);
    void applyVertoLogin(const EslMessage &event);
    void applyVertoDisconnect(const EslMessage &event);
    void applyChannelEvent(const QByteArray &name, const EslMessage &event);
    void refreshUser(const QString &userKey);

    QHash<QString, Registration> m_registrations;
    // Verto client address -> user key.
    QHash<QString, QString> m_vertoLogins;
    QHash<QString, Channel> m_channels;
    // The channel UUIDs of each user, latest last, kept after hangup only as lastUuid.
    QHash<QString, QStringList> m_userChannels;
    QHash<QString, int> m_userRegistrations;
    QHash<QString, int> m_userVertoLogins;
    LiveSnapshot m_snapshot;
    QSet<QString> m_changed;
};

} // namespace fsd::freeswitch
