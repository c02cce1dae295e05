// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/LiveStateTracker.h"

#include "core/freeswitch/FreeSwitchLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fsd::freeswitch {

namespace {

const QString InvalidListing = QStringLiteral("freeswitch error");

// Splits "user@domain" (optionally "sip:user@domain;params") into user and domain. Both are
// empty when the text names no user and domain.
std::pair<QString, QString> splitAddress(QString address)
{
    if (address.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        address.remove(0, 4);
    const qsizetype parameters = address.indexOf(QLatin1Char(';'));
    if (parameters >= 0)
        address.truncate(parameters);
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1)
        return {};
    return {address.left(at), address.mid(at + 1)};
}

QString userKeyOf(const QString &address)
{
    const auto [user, domain] = splitAddress(address);
    return user.isEmpty() ? QString() : LiveSnapshot::key(user, domain);
}

QString header(const EslMessage &event, QByteArrayView name)
{
    return QString::fromUtf8(event.header(name));
}

// Rows of `show ... as json`: {"row_count": N, "rows": [{column: text, ...}]}. FreeSWITCH
// leaves "rows" out when there is none.
Result<QJsonArray> listingRows(const QByteArray &json, const char *listing)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject() || !document.object().contains(QLatin1String("row_count"))) {
        return ApiError::make(InvalidListing,
                              QStringLiteral("FreeSWITCH's output of \"show %1 as json\" is not "
                                             "the expected JSON object (%2): %3")
                                  .arg(QLatin1String(listing), parseError.errorString(),
                                       QString::fromUtf8(json.left(200))));
    }
    return document.object().value(QLatin1String("rows")).toArray();
}

bool isAnsweredCallState(const QString &callState)
{
    return callState == QLatin1String("ACTIVE") || callState == QLatin1String("HELD")
           || callState == QLatin1String("UNHELD");
}

} // namespace

QStringList LiveStateTracker::subscribedEvents()
{
    // Subclass names of mod_sofia.h and mod_verto.h (FreeSWITCH 1.10).
    return {QStringLiteral("CHANNEL_CREATE"),
            QStringLiteral("CHANNEL_ANSWER"),
            QStringLiteral("CHANNEL_HANGUP_COMPLETE"),
            QStringLiteral("CHANNEL_DESTROY"),
            QStringLiteral("CUSTOM"),
            QStringLiteral("sofia::register"),
            QStringLiteral("sofia::unregister"),
            QStringLiteral("sofia::expire"),
            QStringLiteral("verto::login"),
            QStringLiteral("verto::client_disconnect")};
}

Status LiveStateTracker::loadRegistrations(const QByteArray &json)
{
    auto rows = listingRows(json, "registrations");
    if (!rows)
        return rows.error();
    const QStringList callIds = m_registrations.keys();
    for (const QString &callId : callIds)
        removeRegistration(callId);
    // Columns of the core "registrations" table (switch_core_sqldb.c): reg_user, realm, token
    // (the SIP Call-ID), url, expires, network_ip, network_port, network_proto, hostname,
    // metadata.
    // NOTE: FreeSWITCH writes that table through its SQL queue, so a registration whose
    // sofia::register event arrived just before this listing may be missing from it until the
    // phone registers again.
    for (const QJsonValue &value : std::as_const(*rows)) {
        const QJsonObject row = value.toObject();
        addRegistration(row.value(QLatin1String("token")).toString(),
                        row.value(QLatin1String("reg_user")).toString(),
                        row.value(QLatin1String("realm")).toString());
    }
    return {};
}

Status LiveStateTracker::loadChannels(const QByteArray &json)
{
    auto rows = listingRows(json, "channels");
    if (!rows)
        return rows.error();
    QSet<QString> users;
    for (auto it = m_userChannels.cbegin(); it != m_userChannels.cend(); ++it)
        users.insert(it.key());
    m_channels.clear();
    m_userChannels.clear();
    for (const QJsonValue &value : std::as_const(*rows)) {
        const QJsonObject row = value.toObject();
        const QString uuid = row.value(QLatin1String("uuid")).toString();
        const QString userKey = userKeyOf(row.value(QLatin1String("presence_id")).toString());
        if (uuid.isEmpty() || userKey.isEmpty())
            continue;
        Channel channel;
        channel.userKey = userKey;
        channel.direction = row.value(QLatin1String("direction")).toString();
        channel.createdSeconds = row.value(QLatin1String("created_epoch")).toString().toLongLong();
        channel.answered = isAnsweredCallState(row.value(QLatin1String("callstate")).toString());
        m_channels.insert(uuid, channel);
        m_userChannels[userKey].append(uuid);
        users.insert(userKey);
    }
    for (const QString &user : std::as_const(users))
        refreshUser(user);
    return {};
}

void LiveStateTracker::apply(const EslMessage &event)
{
    const QByteArray name = event.header("Event-Name");
    if (name != "CUSTOM") {
        if (name.startsWith("CHANNEL_"))
            applyChannelEvent(name, event);
        return;
    }
    const QByteArray subclass = event.header("Event-Subclass");
    if (subclass == "sofia::register") {
        addRegistration(header(event, "call-id"), header(event, "from-user"),
                        header(event, "from-host"));
    } else if (subclass == "sofia::unregister" || subclass == "sofia::expire") {
        removeRegistration(header(event, "call-id"));
    } else if (subclass == "verto::login") {
        applyVertoLogin(event);
    } else if (subclass == "verto::client_disconnect") {
        applyVertoDisconnect(event);
    }
}

void LiveStateTracker::clear()
{
    for (auto it = m_snapshot.users.cbegin(); it != m_snapshot.users.cend(); ++it)
        m_changed.insert(it.key());
    m_registrations.clear();
    m_vertoLogins.clear();
    m_channels.clear();
    m_userChannels.clear();
    m_userRegistrations.clear();
    m_userVertoLogins.clear();
    m_snapshot = LiveSnapshot();
}

QStringList LiveStateTracker::takeChangedUsers()
{
    QStringList changed(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    return changed;
}

void LiveStateTracker::addRegistration(const QString &callId, const QString &user,
                                       const QString &domain)
{
    if (callId.isEmpty() || user.isEmpty() || domain.isEmpty())
        return;
    const Registration registration{LiveSnapshot::key(user, domain),
                                    LiveSnapshot::domainKey(domain)};
    const auto existing = m_registrations.constFind(callId);
    if (existing != m_registrations.constEnd()) {
        // A refresh of a known registration, unless the Call-ID moved to another user.
        if (existing->userKey == registration.userKey)
            return;
        removeRegistration(callId);
    }
    m_registrations.insert(callId, registration);
    ++m_userRegistrations[registration.userKey];
    ++m_snapshot.domainRegistrations[registration.domainKey];
    refreshUser(registration.userKey);
}

void LiveStateTracker::removeRegistration(const QString &callId)
{
    const auto found = m_registrations.constFind(callId);
    if (found == m_registrations.constEnd())
        return;
    const Registration registration = found.value();
    m_registrations.erase(found);
    if (--m_userRegistrations[registration.userKey] <= 0)
        m_userRegistrations.remove(registration.userKey);
    if (--m_snapshot.domainRegistrations[registration.domainKey] <= 0)
        m_snapshot.domainRegistrations.remove(registration.domainKey);
    refreshUser(registration.userKey);
}

void LiveStateTracker::applyVertoLogin(const EslMessage &event)
{
    // mod_verto also reports failed logins, with verto_success 0.
    if (event.header("verto_success") != "1")
        return;
    const QString client = header(event, "verto_client_address");
    const QString userKey = userKeyOf(header(event, "verto_login"));
    if (client.isEmpty() || userKey.isEmpty())
        return;
    applyVertoDisconnect(event);
    m_vertoLogins.insert(client, userKey);
    ++m_userVertoLogins[userKey];
    refreshUser(userKey);
}

void LiveStateTracker::applyVertoDisconnect(const EslMessage &event)
{
    const QString userKey = m_vertoLogins.take(header(event, "verto_client_address"));
    if (userKey.isEmpty())
        return;
    if (--m_userVertoLogins[userKey] <= 0)
        m_userVertoLogins.remove(userKey);
    refreshUser(userKey);
}

void LiveStateTracker::applyChannelEvent(const QByteArray &name, const EslMessage &event)
{
    const QString uuid = header(event, "Unique-ID");
    if (uuid.isEmpty())
        return;
    if (name == "CHANNEL_HANGUP_COMPLETE" || name == "CHANNEL_DESTROY") {
        const auto found = m_channels.constFind(uuid);
        if (found == m_channels.constEnd())
            return;
        const QString userKey = found->userKey;
        m_channels.erase(found);
        m_userChannels[userKey].removeAll(uuid);
        if (m_userChannels[userKey].isEmpty())
            m_userChannels.remove(userKey);
        refreshUser(userKey);
        return;
    }
    if (name != "CHANNEL_CREATE" && name != "CHANNEL_ANSWER")
        return;

    // mod_sofia sets presence_id to the caller's user@domain on calls from a phone, and the
    // sample dial-string sets it to the called user on calls to one.
    QString userKey = userKeyOf(header(event, "Channel-Presence-ID"));
    if (userKey.isEmpty())
        userKey = userKeyOf(header(event, "variable_presence_id"));
    auto found = m_channels.find(uuid);
    if (found == m_channels.end()) {
        if (userKey.isEmpty())
            return;
        Channel channel;
        channel.userKey = userKey;
        channel.direction = header(event, "Call-Direction");
        // Caller-Channel-Created-Time is in microseconds.
        channel.createdSeconds = event.header("Caller-Channel-Created-Time").toLongLong() / 1000000;
        found = m_channels.insert(uuid, channel);
        m_userChannels[userKey].append(uuid);
    }
    if (name == "CHANNEL_ANSWER" || event.header("Answer-State") == "answered")
        found->answered = true;
    refreshUser(found->userKey);
}

void LiveStateTracker::refreshUser(const QString &userKey)
{
    LiveUserState state = m_snapshot.users.value(userKey);
    const LiveUserState before = state;
    state.sipRegistrations = m_userRegistrations.value(userKey);
    state.vertoRegistered = m_userVertoLogins.value(userKey) > 0;
    const QStringList channels = m_userChannels.value(userKey);
    state.inCall = !channels.isEmpty();
    state.talking = false;
    for (const QString &uuid : channels)
        state.talking = state.talking || m_channels.value(uuid).answered;
    if (!channels.isEmpty()) {
        // The latest call's fields stay after it ends.
        const Channel latest = m_channels.value(channels.last());
        state.lastUuid = channels.last();
        state.callDate = latest.createdSeconds;
        state.callDirection = latest.direction;
    }
    if (state == before)
        return;
    m_changed.insert(userKey);
    if (state == LiveUserState())
        m_snapshot.users.remove(userKey);
    else
        m_snapshot.users.insert(userKey, state);
}

} // namespace fsd::freeswitch
