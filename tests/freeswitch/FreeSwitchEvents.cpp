// SPDX-License-Identifier: MPL-2.0
#include "tests/freeswitch/FreeSwitchEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fsd::test::FreeSwitchEvents {

namespace {

qint64 g_sequence = 4000;

// The headers that switch_event_prep_for_delivery_detailed() puts first on every event.
Headers coreHeaders(const QByteArray &eventName, const QByteArray &file, const QByteArray &function,
                    int line)
{
    return {{"Event-Name", eventName},
            {"Core-UUID", "6d2a4e1c-8f3b-4c7a-9e52-1b0f3a7d9c21"},
            {"FreeSWITCH-Hostname", "fs-test"},
            {"FreeSWITCH-Switchname", "fs-test"},
            {"FreeSWITCH-IPv4", "127.0.0.1"},
            {"FreeSWITCH-IPv6", "::1"},
            {"Event-Date-Local", "2026-12-04 23:20:15"},
            {"Event-Date-GMT", "Fri, 04 Dec 2026 23:20:15 GMT"},
            {"Event-Date-Timestamp", "1796426415123456"},
            {"Event-Calling-File", file},
            {"Event-Calling-Function", function},
            {"Event-Calling-Line-Number", QByteArray::number(line)},
            {"Event-Sequence", QByteArray::number(++g_sequence)}};
}

Headers custom(const QByteArray &subclass, const QByteArray &file, const QByteArray &function,
               int line)
{
    Headers headers = coreHeaders("CUSTOM", file, function, line);
    headers.append(qMakePair(QByteArray("Event-Subclass"), subclass));
    return headers;
}

Headers channelEvent(const QByteArray &eventName, int line, const QByteArray &uuid,
                     const QByteArray &presenceId, const QByteArray &direction,
                     qint64 createdMicroseconds, const QByteArray &state,
                     const QByteArray &callState, const QByteArray &answerState)
{
    const QByteArray user = presenceId.left(presenceId.indexOf('@'));
    Headers headers = coreHeaders(eventName, "switch_channel.c", "switch_channel_perform_answer",
                                  line);
    headers.append({{"Channel-State", state},
                    {"Channel-Call-State", callState},
                    {"Channel-State-Number", "4"},
                    {"Channel-Name", "sofia/internal/" + user + "@127.0.0.1:5060"},
                    {"Unique-ID", uuid},
                    {"Call-Direction", direction},
                    {"Presence-Call-Direction", direction},
                    {"Channel-HIT-Dialplan", direction == "inbound" ? "true" : "false"},
                    {"Channel-Presence-ID", presenceId},
                    {"Channel-Call-UUID", uuid},
                    {"Answer-State", answerState},
                    {"Caller-Direction", direction},
                    {"Caller-Username", user},
                    {"Caller-Dialplan", "XML"},
                    {"Caller-Caller-ID-Name", user},
                    {"Caller-Caller-ID-Number", user},
                    {"Caller-Network-Addr", "127.0.0.1"},
                    {"Caller-Destination-Number", "9196"},
                    {"Caller-Unique-ID", uuid},
                    {"Caller-Context", "default"},
                    {"Caller-Channel-Name", "sofia/internal/" + user + "@127.0.0.1:5060"},
                    {"Caller-Profile-Created-Time", QByteArray::number(createdMicroseconds)},
                    {"Caller-Channel-Created-Time", QByteArray::number(createdMicroseconds)},
                    {"Caller-Channel-Answered-Time", "0"},
                    {"variable_direction", direction},
                    {"variable_uuid", uuid},
                    {"variable_presence_id", presenceId},
                    {"variable_sip_from_user", user}});
    return headers;
}

QByteArray listing(const QJsonArray &rows)
{
    if (rows.isEmpty())
        return "{\"row_count\": 0}\n";
    const QJsonObject result{{QStringLiteral("row_count"), rows.size()},
                             {QStringLiteral("rows"), rows}};
    return QJsonDocument(result).toJson(QJsonDocument::Compact);
}

} // namespace

Headers sofiaRegister(const QByteArray &user, const QByteArray &domain, const QByteArray &callId)
{
    Headers headers = custom("sofia::register", "sofia_reg.c", "sofia_reg_handle_register_token",
                             2059);
    headers.append({{"profile-name", "internal"},
                    {"from-user", user},
                    {"from-host", domain},
                    {"presence-hosts", domain},
                    {"contact", "\"" + user + "\" <sip:" + user + "@127.0.0.1:5062;transport=udp>"},
                    {"call-id", callId},
                    {"rpid", "unknown"},
                    {"status", "Registered(UDP)"},
                    {"expires", "3600"},
                    {"to-user", user},
                    {"to-host", domain},
                    {"network-ip", "127.0.0.1"},
                    {"network-port", "5062"},
                    {"username", user},
                    {"realm", domain},
                    {"user-agent", "Linphone/5.2.0 (belle-sip/5.2.0)"}});
    return headers;
}

Headers sofiaUnregister(const QByteArray &user, const QByteArray &domain, const QByteArray &callId)
{
    Headers headers = custom("sofia::unregister", "sofia_reg.c",
                             "sofia_reg_handle_register_token", 2213);
    headers.append({{"profile-name", "internal"},
                    {"username", user},
                    {"from-user", user},
                    {"from-host", domain},
                    {"contact", "\"" + user + "\" <sip:" + user + "@127.0.0.1:5062;transport=udp>"},
                    {"call-id", callId},
                    {"rpid", "unknown"},
                    {"realm", domain},
                    {"network-ip", "127.0.0.1"},
                    {"network-port", "5062"},
                    {"user-agent", "Linphone/5.2.0 (belle-sip/5.2.0)"},
                    {"expires", "0"}});
    return headers;
}

Headers sofiaExpire(const QByteArray &user, const QByteArray &domain, const QByteArray &callId)
{
    Headers headers = custom("sofia::expire", "sofia_reg.c", "sofia_reg_del_callback", 726);
    headers.append({{"profile-name", "internal"},
                    {"call-id", callId},
                    {"user", user},
                    {"username", user},
                    {"host", domain},
                    {"contact", "\"" + user + "\" <sip:" + user + "@127.0.0.1:5062;transport=udp>"},
                    {"expires", "1796426400"},
                    {"user-agent", "Linphone/5.2.0 (belle-sip/5.2.0)"},
                    {"realm", domain},
                    {"network-ip", "127.0.0.1"},
                    {"network-port", "5062"}});
    return headers;
}

Headers vertoLogin(const QByteArray &login, const QByteArray &clientAddress)
{
    Headers headers = custom("verto::login", "mod_verto.c", "login_fire_custom_event", 993);
    headers.append({{"verto_profile_name", "default-v4"},
                    {"verto_client_address", clientAddress},
                    {"verto_login", login},
                    {"verto_sessid", "0c7e1f52-3a44-4b0e-a0c3-5f1e9d2b7a60"},
                    {"verto_success", "1"},
                    {"verto_result_txt", "Logged in"}});
    return headers;
}

Headers vertoDisconnect(const QByteArray &login, const QByteArray &clientAddress)
{
    Headers headers = custom("verto::client_disconnect", "mod_verto.c", "client_thread", 2287);
    headers.append({{"verto_profile_name", "default-v4"},
                    {"verto_client_address", clientAddress},
                    {"verto_login", login}});
    return headers;
}

Headers channelCreate(const QByteArray &uuid, const QByteArray &presenceId,
                      const QByteArray &direction, qint64 createdMicroseconds)
{
    return channelEvent("CHANNEL_CREATE", 1, uuid, presenceId, direction, createdMicroseconds,
                        "CS_INIT", "DOWN", "ringing");
}

Headers channelAnswer(const QByteArray &uuid, const QByteArray &presenceId,
                      const QByteArray &direction, qint64 createdMicroseconds)
{
    return channelEvent("CHANNEL_ANSWER", 3870, uuid, presenceId, direction, createdMicroseconds,
                        "CS_EXECUTE", "RINGING", "answered");
}

Headers channelHangupComplete(const QByteArray &uuid, const QByteArray &presenceId,
                              const QByteArray &direction, qint64 createdMicroseconds)
{
    Headers headers = channelEvent("CHANNEL_HANGUP_COMPLETE", 3230, uuid, presenceId, direction,
                                   createdMicroseconds, "CS_REPORTING", "HANGUP", "hangup");
    headers.append(qMakePair(QByteArray("Hangup-Cause"), QByteArray("NORMAL_CLEARING")));
    return headers;
}

QByteArray registrationsListing(const QList<ListedRegistration> &registrations)
{
    QJsonArray rows;
    for (const ListedRegistration &registration : registrations) {
        const QString user = QString::fromUtf8(registration.user);
        rows.append(QJsonObject{
            {QStringLiteral("reg_user"), user},
            {QStringLiteral("realm"), QString::fromUtf8(registration.realm)},
            {QStringLiteral("token"), QString::fromUtf8(registration.callId)},
            {QStringLiteral("url"),
             QStringLiteral("sofia/internal/sip:%1@127.0.0.1:5062;transport=udp").arg(user)},
            {QStringLiteral("expires"), QStringLiteral("1796430015")},
            {QStringLiteral("network_ip"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("network_port"), QStringLiteral("5062")},
            {QStringLiteral("network_proto"), QStringLiteral("udp")},
            {QStringLiteral("hostname"), QStringLiteral("fs-test")},
            {QStringLiteral("metadata"), QString()}});
    }
    return listing(rows);
}

QByteArray channelsListing(const QList<ListedChannel> &channels)
{
    QJsonArray rows;
    for (const ListedChannel &channel : channels) {
        rows.append(QJsonObject{
            {QStringLiteral("uuid"), QString::fromUtf8(channel.uuid)},
            {QStringLiteral("direction"), QString::fromUtf8(channel.direction)},
            {QStringLiteral("created"), QStringLiteral("2026-12-04 23:20:15")},
            {QStringLiteral("created_epoch"), QString::number(channel.createdEpoch)},
            {QStringLiteral("name"), QStringLiteral("sofia/internal/caller@127.0.0.1")},
            {QStringLiteral("state"), QStringLiteral("CS_EXECUTE")},
            {QStringLiteral("presence_id"), QString::fromUtf8(channel.presenceId)},
            {QStringLiteral("presence_data"), QString()},
            {QStringLiteral("callstate"), QString::fromUtf8(channel.callState)},
            {QStringLiteral("hostname"), QStringLiteral("fs-test")}});
    }
    return listing(rows);
}

} // namespace fsd::test::FreeSwitchEvents
