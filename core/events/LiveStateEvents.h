// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/freeswitch/LiveState.h"

#include <QJsonObject>
#include <QStringList>

namespace fsd {

class Database;
class Dispatcher;

// Messages and events about FreeSWITCH's live state.
namespace LiveStateEvents {

// `[FreeSWITCH] Get_status`, which returns the same message as statusMessage().
inline constexpr QLatin1StringView GetStatus("[FreeSWITCH] Get_status");

// A `[Users] Get_users` message with `"partial": true` that contains only the directory users
// behind `userKeys` (LiveSnapshot keys, matched by name or number alias) and their domains,
// whose sip_regs_counter may have changed. Keys of unknown domains are skipped, and the
// result is empty when no key names a stored domain.
Result<QJsonObject> partialUsersMessage(Database &database, const freeswitch::LiveSnapshot &live,
                                        const QStringList &userKeys);

// {"MessageType": "[FreeSWITCH] Get_status", "freeswitch": {"state", "address", "error"}}, where
// state is off, connecting, connected or reconnecting.
QJsonObject statusMessage(const freeswitch::MonitorStatus &status);

void registerLiveStateHandlers(Dispatcher &dispatcher);

} // namespace LiveStateEvents

} // namespace fsd
