// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/AttributeStore.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace fsd {

class Dispatcher;
class EventRequest;

// The add / update / switch / delete events of one kind of parameter or variable, which share
// their rules across domains, users and gateways: names trimmed and unique per owner, values
// kept exactly, replies shaped `{<detailsKey>: {<owner id>: {<listKey>: {<id>: row}}}}`.
struct AttributeEvents
{
    AttributeStore::Table table;
    QString addEvent;    // empty when the owner registers its own add event
    QString updateEvent;
    QString switchEvent;
    QString deleteEvent;
    QString detailsKey;  // "domain_details", "user_details", "gateway_details"
    // Confirms the owner exists; returns ownerNotFound when it does not.
    std::function<Status(Database &, qint64 ownerId)> ownerExists;
    // Adds owner fields beside the list, such as a user's cache and cidr. May be empty.
    std::function<Status(Database &, qint64 ownerId, QJsonObject &ownerEntry)> decorate;

    void registerWith(Dispatcher &dispatcher) const;

    // The reply shape for one changed row.
    Result<QJsonObject> detailsReply(Database &database, const AttributeRow &row) const;
    // Reads and checks the `name` a request gives a parameter or variable.
    static Result<QString> attributeName(const EventRequest &request, const QJsonObject &data);
};

} // namespace fsd
