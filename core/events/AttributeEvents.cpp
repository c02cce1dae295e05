// SPDX-License-Identifier: MPL-2.0
#include "core/events/AttributeEvents.h"

#include "core/common/NameRules.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/ReplyJson.h"

namespace fsd {

namespace {

ApiError notFound(const AttributeStore &store, qint64 id)
{
    return ApiError::make(QStringLiteral("%1 not found").arg(store.kind()),
                          QStringLiteral("There is no %1 with id %2.").arg(store.kind()).arg(id));
}

} // namespace

Result<QString> AttributeEvents::attributeName(const EventRequest &request,
                                               const QJsonObject &data)
{
    Q_UNUSED(request);
    auto name = EventRequest::nameIn(data, QStringLiteral("name"), QStringLiteral("empty data"));
    if (!name)
        return name;
    Status valid = NameRules::checkPlainName(*name, QStringLiteral("parameter or variable"));
    if (!valid)
        return valid.error();
    return name;
}

Result<QJsonObject> AttributeEvents::detailsReply(Database &database, const AttributeRow &row) const
{
    AttributeStore store(database, table);
    const QString listKey = store.kind() == QLatin1String("parameter") ? QStringLiteral("parameters")
                                                                       : QStringLiteral("variables");
    QJsonObject ownerEntry{
        {listKey, QJsonObject{{ReplyJson::key(row.id), ReplyJson::attribute(row, store.hasDirection())}}}};
    if (decorate) {
        Status decorated = decorate(database, row.ownerId, ownerEntry);
        if (!decorated)
            return decorated.error();
    }
    return QJsonObject{{detailsKey, QJsonObject{{ReplyJson::key(row.ownerId), ownerEntry}}}};
}

void AttributeEvents::registerWith(Dispatcher &dispatcher) const
{
    const AttributeEvents events = *this;

    if (!addEvent.isEmpty()) {
        dispatcher.registerHandler(addEvent, Dispatcher::Access::Change,
            [events](const EventRequest &request) -> Result<QJsonObject> {
                auto ownerId = request.id();
                if (!ownerId)
                    return ownerId.error();
                auto name = attributeName(request, request.data());
                if (!name)
                    return name.error();
                auto value = request.value();
                if (!value)
                    return value.error();
                Status exists = events.ownerExists(request.database(), *ownerId);
                if (!exists)
                    return exists.error();
                auto row = AttributeStore(request.database(), events.table).add(*ownerId, *name, *value);
                if (!row)
                    return row.error();
                return events.detailsReply(request.database(), *row);
            }, true);
    }

    dispatcher.registerHandler(updateEvent, Dispatcher::Access::Change,
        [events](const EventRequest &request) -> Result<QJsonObject> {
            auto id = request.id();
            if (!id)
                return id.error();
            auto name = attributeName(request, request.data());
            if (!name)
                return name.error();
            auto value = request.value();
            if (!value)
                return value.error();
            AttributeStore store(request.database(), events.table);
            auto found = store.find(*id);
            if (!found)
                return found.error();
            if (!found->has_value())
                return notFound(store, *id);
            AttributeRow row = found->value();
            row.name = *name;
            row.value = *value;
            auto updated = store.update(row);
            if (!updated)
                return updated.error();
            return events.detailsReply(request.database(), *updated);
        }, true);

    dispatcher.registerHandler(switchEvent, Dispatcher::Access::Change,
        [events](const EventRequest &request) -> Result<QJsonObject> {
            auto id = request.id();
            if (!id)
                return id.error();
            auto enabled = request.boolean();
            if (!enabled)
                return enabled.error();
            AttributeStore store(request.database(), events.table);
            auto found = store.find(*id);
            if (!found)
                return found.error();
            if (!found->has_value())
                return notFound(store, *id);
            AttributeRow row = found->value();
            row.enabled = *enabled;
            auto updated = store.update(row);
            if (!updated)
                return updated.error();
            return events.detailsReply(request.database(), *updated);
        }, true);

    dispatcher.registerHandler(deleteEvent, Dispatcher::Access::Change,
        [events](const EventRequest &request) -> Result<QJsonObject> {
            auto id = request.id();
            if (!id)
                return id.error();
            AttributeStore store(request.database(), events.table);
            auto found = store.find(*id);
            if (!found)
                return found.error();
            if (!found->has_value())
                return notFound(store, *id);
            Status removed = store.remove(*id);
            if (!removed)
                return removed.error();
            return QJsonObject{{QStringLiteral("id"), *id}};
        }, true);
}

} // namespace fsd
