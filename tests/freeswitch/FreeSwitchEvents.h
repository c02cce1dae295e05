// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// Event headers and listing outputs as FreeSWITCH 1.10 produces them, for FakeEventSocket.
// Header names, their order and the values' formats follow switch_event.c
// (switch_event_prep_for_delivery_detailed), switch_channel.c
// (switch_channel_event_set_basic_data), sofia_reg.c and mod_verto.c; addresses and ids are
// made up.
namespace fsd::test::FreeSwitchEvents {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// CUSTOM sofia::register, fired by sofia_reg_handle_register_token() for a REGISTER that was
// accepted. `user` and `domain` are the From-User and From-Host.
Headers sofiaRegister(const QByteArray &user, const QByteArray &domain, const QByteArray &callId);
// CUSTOM sofia::unregister, for a REGISTER with Expires: 0.
Headers sofiaUnregister(const QByteArray &user, const QByteArray &domain, const QByteArray &callId);
// CUSTOM sofia::expire, fired by sofia_reg_del_callback() when a registration times out.
Headers sofiaExpire(const QByteArray &user, const QByteArray &domain, const QByteArray &callId);
// CUSTOM verto::login for a successful login of `login` (user@domain).
Headers vertoLogin(const QByteArray &login, const QByteArray &clientAddress);
Headers vertoDisconnect(const QByteArray &login, const QByteArray &clientAddress);
// CHANNEL_CREATE, CHANNEL_ANSWER and CHANNEL_HANGUP_COMPLETE of a sofia channel whose
// presence_id is `presenceId`. `direction` is "inbound" or "outbound".
Headers channelCreate(const QByteArray &uuid, const QByteArray &presenceId,
                      const QByteArray &direction, qint64 createdMicroseconds);
Headers channelAnswer(const QByteArray &uuid, const QByteArray &presenceId,
                      const QByteArray &direction, qint64 createdMicroseconds);
Headers channelHangupComplete(const QByteArray &uuid, const QByteArray &presenceId,
                              const QByteArray &direction, qint64 createdMicroseconds);

struct ListedRegistration
{
    QByteArray user;
    QByteArray realm;
    QByteArray callId;
};
// The output of `api show registrations as json` (mod_commands.c, show_as_json_callback).
// Every column is a JSON string, and without rows FreeSWITCH prints {"row_count": 0}.
QByteArray registrationsListing(const QList<ListedRegistration> &registrations);

struct ListedChannel
{
    QByteArray uuid;
    QByteArray presenceId;
    QByteArray direction;
    qint64 createdEpoch = 0;
    // "ACTIVE" once answered, "RINGING" or "EARLY" before.
    QByteArray callState;
};
// The output of `api show channels as json`.
QByteArray channelsListing(const QList<ListedChannel> &channels);

} // namespace fsd::test::FreeSwitchEvents
