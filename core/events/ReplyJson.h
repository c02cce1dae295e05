// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/storage/Rows.h"

#include <QJsonObject>
#include <QList>

// Row → JSON shapes of the API document's replies. Lists are objects keyed by id as a string.
namespace fsd::ReplyJson {

QString key(qint64 id);

QJsonObject domain(const DomainRow &row);
QJsonObject domains(const QList<DomainRow> &rows);
// A user as lists show it, with the live registration fields at their idle values.
QJsonObject user(const UserRow &row);
QJsonObject attribute(const AttributeRow &row, bool withDirection = false);
QJsonObject attributes(const QList<AttributeRow> &rows, bool withDirection = false);
QJsonObject member(const MemberRow &row);
QJsonObject gateway(const GatewayRow &row);

} // namespace fsd::ReplyJson
