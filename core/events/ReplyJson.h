// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/LiveState.h"
#include "core/storage/Rows.h"

#include <QJsonObject>
#include <QList>

// Row → JSON shapes of the API document's replies. Lists are objects keyed by id as a string.
namespace fsd::ReplyJson {

QString key(qint64 id);

// `sipRegistrations` is the domain's sip_regs_counter.
QJsonObject domain(const DomainRow &row, int sipRegistrations = 0);
// The counters come from `live`, or are 0 without it.
QJsonObject domains(const QList<DomainRow> &rows, const freeswitch::LiveSnapshot *live = nullptr);
// A user as lists show it, with the live registration fields at their idle values.
QJsonObject user(const UserRow &row);
// Sets the live fields of `user` (a user() object) from what `live` holds for the user's name
// and number alias in `domainName`, because a phone may register with either.
void addLiveFields(QJsonObject &user, const UserRow &row, const QString &domainName,
                   const freeswitch::LiveSnapshot &live);
QJsonObject attribute(const AttributeRow &row, bool withDirection = false);
QJsonObject attributes(const QList<AttributeRow> &rows, bool withDirection = false);
QJsonObject member(const MemberRow &row);
QJsonObject gateway(const GatewayRow &row);

} // namespace fsd::ReplyJson
