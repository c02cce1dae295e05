// SPDX-License-Identifier: MPL-2.0
#include "core/events/GatewayHandlers.h"

#include "core/common/NameRules.h"
#include "core/events/AttributeEvents.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/EventsLog.h"
#include "core/events/ReplyJson.h"
#include "core/events/UserHandlers.h"
#include "core/storage/DomainStore.h"
#include "core/storage/GatewayStore.h"
#include "core/storage/UserStore.h"

namespace fsd {

namespace {

const QString KeyVariable = QStringLiteral("variable");

Result<GatewayRow> requireGateway(Database &database, qint64 id)
{
    auto found = GatewayStore(database).find(id);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return ApiError::make(QStringLiteral("gateway not found"),
                              QStringLiteral("There is no gateway with id %1.").arg(id));
    }
    return found->value();
}

Result<QString> gatewayName(const EventRequest &request)
{
    auto name = request.name();
    if (!name)
        return name;
    if (Status valid = NameRules::checkGatewayName(*name); !valid)
        return valid.error();
    return name;
}

// mod_sofia loads only one gateway of a name, so a name shared across domains is logged.
void warnAboutSharedName(Database &database, const GatewayRow &gateway)
{
    auto others = GatewayStore(database).domainsSharingName(gateway.name, gateway.id);
    if (others && !others->isEmpty()) {
        qCWarning(lcEvents).noquote()
            << "Gateway name" << gateway.name << "is also used in domain(s)"
            << others->join(QStringLiteral(", ")) << "; mod_sofia loads only one gateway of a name";
    }
}

QJsonObject gatewayItemReply(const GatewayRow &gateway, QJsonObject item)
{
    return QJsonObject{{QStringLiteral("item"), item},
                       {QStringLiteral("id"), gateway.domainId},
                       {QStringLiteral("affected_id"), gateway.userId}};
}

Result<QJsonObject> getUsersGateways(const EventRequest &request)
{
    auto domains = DomainStore(request.database()).list();
    if (!domains)
        return domains.error();
    auto users = UserStore(request.database()).list();
    if (!users)
        return users.error();
    auto gateways = GatewayStore(request.database()).list();
    if (!gateways)
        return gateways.error();

    QHash<qint64, QJsonObject> usersByDomain;
    for (const UserRow &user : *users)
        usersByDomain[user.domainId].insert(ReplyJson::key(user.id), ReplyJson::user(user));
    QJsonObject directoryUsers;
    for (auto it = usersByDomain.cbegin(); it != usersByDomain.cend(); ++it)
        directoryUsers.insert(ReplyJson::key(it.key()), it.value());

    QHash<qint64, QHash<qint64, QJsonObject>> gatewaysByDomainAndUser;
    for (const GatewayRow &gateway : *gateways) {
        gatewaysByDomainAndUser[gateway.domainId][gateway.userId].insert(
            ReplyJson::key(gateway.id), ReplyJson::gateway(gateway));
    }
    QJsonObject userGateways;
    for (auto domain = gatewaysByDomainAndUser.cbegin(); domain != gatewaysByDomainAndUser.cend(); ++domain) {
        QJsonObject byUser;
        for (auto user = domain->cbegin(); user != domain->cend(); ++user)
            byUser.insert(ReplyJson::key(user.key()), user.value());
        userGateways.insert(ReplyJson::key(domain.key()), byUser);
    }
    return QJsonObject{{QStringLiteral("domains"), ReplyJson::domains(*domains)},
                       {QStringLiteral("directory_users"), directoryUsers},
                       {QStringLiteral("user_gateways"), userGateways}};
}

Result<QJsonObject> addGateway(const EventRequest &request)
{
    auto userId = request.id();
    if (!userId)
        return userId.error();
    auto name = gatewayName(request);
    if (!name)
        return name.error();
    auto user = requireUser(request.database(), *userId);
    if (!user)
        return user.error();
    auto gateway = GatewayStore(request.database()).add(*userId, user->domainId, *name);
    if (!gateway)
        return gateway.error();
    warnAboutSharedName(request.database(), *gateway);
    return gatewayItemReply(*gateway, QJsonObject{{QStringLiteral("id"), gateway->id},
                                                  {QStringLiteral("name"), gateway->name}});
}

Result<QJsonObject> renameGateway(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto name = gatewayName(request);
    if (!name)
        return name.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    if (Status status = GatewayStore(request.database()).rename(*gateway, *name); !status)
        return status.error();
    GatewayRow renamed = *gateway;
    renamed.name = *name;
    warnAboutSharedName(request.database(), renamed);
    return gatewayItemReply(renamed, QJsonObject{{QStringLiteral("id"), renamed.id},
                                                 {QStringLiteral("name"), renamed.name}});
}

Result<QJsonObject> switchGateway(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto enabled = request.boolean();
    if (!enabled)
        return enabled.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    if (Status status = GatewayStore(request.database()).setEnabled(*id, *enabled); !status)
        return status.error();
    return gatewayItemReply(*gateway, QJsonObject{{QStringLiteral("id"), gateway->id},
                                                  {QStringLiteral("name"), gateway->name},
                                                  {QStringLiteral("enabled"), *enabled}});
}

Result<QJsonObject> deleteGateway(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    if (Status status = GatewayStore(request.database()).remove(*id); !status)
        return status.error();
    return gatewayItemReply(*gateway, QJsonObject{{QStringLiteral("id"), gateway->id}});
}

Result<QJsonObject> gatewayDetails(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    auto params = AttributeStore(request.database(), AttributeStore::Table::GatewayParams).list(*id);
    if (!params)
        return params.error();
    auto vars = AttributeStore(request.database(), AttributeStore::Table::GatewayVars).list(*id);
    if (!vars)
        return vars.error();
    const QJsonObject details{{QStringLiteral("parameters"), ReplyJson::attributes(*params)},
                              {QStringLiteral("variables"), ReplyJson::attributes(*vars, true)}};
    return QJsonObject{{QStringLiteral("gateway_details"), QJsonObject{{ReplyJson::key(*id), details}}}};
}

Result<QJsonObject> addGatewayParam(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto name = AttributeEvents::attributeName(request, request.data());
    if (!name)
        return name.error();
    auto value = request.value();
    if (!value)
        return value.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    auto row = AttributeStore(request.database(), AttributeStore::Table::GatewayParams).add(*id, *name, *value);
    if (!row)
        return row.error();
    return QJsonObject{{QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), row->id},
                                                            {QStringLiteral("name"), row->name},
                                                            {QStringLiteral("value"), row->value},
                                                            {QStringLiteral("enabled"), row->enabled}}},
                       {QStringLiteral("id"), *id}};
}

Result<QString> direction(const QJsonObject &variable)
{
    const QJsonValue value = variable.value(QStringLiteral("direction"));
    if (value.isUndefined() || value.isNull())
        return QString();
    const QString text = value.toString().trimmed();
    if (!value.isString() || (!text.isEmpty() && text != QLatin1String("inbound")
                              && text != QLatin1String("outbound"))) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("The direction must be \"inbound\", \"outbound\" or "
                                             "empty; got %1.")
                                  .arg(value.isString() ? QStringLiteral("\"%1\"").arg(value.toString())
                                                        : QStringLiteral("a non-string")));
    }
    return text;
}

AttributeEvents gatewayVariableEvents()
{
    AttributeEvents events;
    events.table = AttributeStore::Table::GatewayVars;
    events.detailsKey = QStringLiteral("gateway_details");
    events.ownerExists = [](Database &database, qint64 id) -> Status {
        auto gateway = requireGateway(database, id);
        if (!gateway)
            return gateway.error();
        return {};
    };
    return events;
}

ApiError variableNotFound(qint64 id)
{
    return ApiError::make(QStringLiteral("variable not found"),
                          QStringLiteral("There is no gateway variable with id %1.").arg(id));
}

Result<QJsonObject> addGatewayVar(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto variable = request.object(KeyVariable);
    if (!variable)
        return variable.error();
    auto name = AttributeEvents::attributeName(request, *variable);
    if (!name)
        return name.error();
    auto value = EventRequest::valueIn(*variable, QStringLiteral("value"));
    if (!value)
        return value.error();
    auto dir = direction(*variable);
    if (!dir)
        return dir.error();
    bool enabled = true;
    if (variable->contains(QStringLiteral("enabled"))) {
        auto flag = EventRequest::booleanIn(*variable, QStringLiteral("enabled"));
        if (!flag)
            return flag.error();
        enabled = *flag;
    }
    // `index` is the client's position of the new row; rows keep insertion order.
    if (auto index = request.integer(QStringLiteral("index"), 0); !index)
        return index.error();
    auto gateway = requireGateway(request.database(), *id);
    if (!gateway)
        return gateway.error();
    auto row = AttributeStore(request.database(), AttributeStore::Table::GatewayVars)
                   .add(*id, *name, *value, *dir, enabled);
    if (!row)
        return row.error();
    return gatewayVariableEvents().detailsReply(request.database(), *row);
}

// Update, switch and delete of a gateway variable all name it by `variable.id`.
Result<AttributeRow> findGatewayVar(const EventRequest &request, QJsonObject *variable)
{
    auto object = request.object(KeyVariable);
    if (!object)
        return object.error();
    *variable = *object;
    auto id = EventRequest::idIn(*object, QStringLiteral("id"));
    if (!id)
        return id.error();
    auto found = AttributeStore(request.database(), AttributeStore::Table::GatewayVars).find(*id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return variableNotFound(*id);
    return found->value();
}

Result<QJsonObject> updateGatewayVar(const EventRequest &request)
{
    QJsonObject variable;
    auto row = findGatewayVar(request, &variable);
    if (!row)
        return row.error();
    auto name = AttributeEvents::attributeName(request, variable);
    if (!name)
        return name.error();
    auto value = EventRequest::valueIn(variable, QStringLiteral("value"));
    if (!value)
        return value.error();
    auto dir = direction(variable);
    if (!dir)
        return dir.error();
    AttributeRow updated = *row;
    updated.name = *name;
    updated.value = *value;
    updated.direction = *dir;
    if (variable.contains(QStringLiteral("enabled"))) {
        auto flag = EventRequest::booleanIn(variable, QStringLiteral("enabled"));
        if (!flag)
            return flag.error();
        updated.enabled = *flag;
    }
    auto stored = AttributeStore(request.database(), AttributeStore::Table::GatewayVars).update(updated);
    if (!stored)
        return stored.error();
    return gatewayVariableEvents().detailsReply(request.database(), *stored);
}

Result<QJsonObject> switchGatewayVar(const EventRequest &request)
{
    QJsonObject variable;
    auto row = findGatewayVar(request, &variable);
    if (!row)
        return row.error();
    auto enabled = EventRequest::booleanIn(variable, QStringLiteral("enabled"));
    if (!enabled)
        return enabled.error();
    AttributeRow updated = *row;
    updated.enabled = *enabled;
    auto stored = AttributeStore(request.database(), AttributeStore::Table::GatewayVars).update(updated);
    if (!stored)
        return stored.error();
    return gatewayVariableEvents().detailsReply(request.database(), *stored);
}

Result<QJsonObject> deleteGatewayVar(const EventRequest &request)
{
    QJsonObject variable;
    auto row = findGatewayVar(request, &variable);
    if (!row)
        return row.error();
    Status removed = AttributeStore(request.database(), AttributeStore::Table::GatewayVars).remove(row->id);
    if (!removed)
        return removed.error();
    return gatewayVariableEvents().detailsReply(request.database(), *row);
}

} // namespace

void registerGatewayHandlers(Dispatcher &dispatcher)
{
    using Access = Dispatcher::Access;
    dispatcher.registerHandler(QStringLiteral("[Gateways] Get_users_gateways"), Access::Read,
                               getUsersGateways, false);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Add_new_user_gateway"), Access::Change,
                               addGateway, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Update_user_gateway_name"), Access::Change,
                               renameGateway, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways][Switch] Gateway"), Access::Change,
                               switchGateway, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Del_user_gateway"), Access::Change,
                               deleteGateway, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Get_user_gateways_details"), Access::QuickRead,
                               gatewayDetails, false);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Add_user_gateway_param"), Access::Change,
                               addGatewayParam, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Add_user_gateway_var"), Access::Change,
                               addGatewayVar, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Update_user_gateway_var"), Access::Change,
                               updateGatewayVar, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Switch_user_gateway_var"), Access::Change,
                               switchGatewayVar, true);
    dispatcher.registerHandler(QStringLiteral("[Gateways] Del_user_gateway_var"), Access::Change,
                               deleteGatewayVar, true);

    AttributeEvents params;
    params.table = AttributeStore::Table::GatewayParams;
    params.updateEvent = QStringLiteral("[Gateways] Update_user_gateway_param");
    params.switchEvent = QStringLiteral("[Gateways][Switch] Param");
    params.deleteEvent = QStringLiteral("[Gateways] Del_user_gateway_param");
    params.detailsKey = QStringLiteral("gateway_details");
    params.ownerExists = gatewayVariableEvents().ownerExists;
    params.registerWith(dispatcher);
}

} // namespace fsd
