// SPDX-License-Identifier: MPL-2.0
#include "core/events/DomainHandlers.h"

#include "core/common/NameRules.h"
#include "core/events/AttributeEvents.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/ReplyJson.h"
#include "core/storage/DomainStore.h"

namespace fsd {

namespace {

const QString EmptyDomainName = QStringLiteral("empty domain name");

Result<QString> domainName(const EventRequest &request)
{
    auto name = request.name(QStringLiteral("name"), EmptyDomainName);
    if (!name)
        return name;
    Status valid = NameRules::checkDomainName(*name);
    if (!valid)
        return valid.error();
    return name;
}

QJsonObject singleDomainReply(const DomainRow &row)
{
    return QJsonObject{{QStringLiteral("domains"),
                        QJsonObject{{ReplyJson::key(row.id), ReplyJson::domain(row)}}}};
}

Result<QJsonObject> getDomains(const EventRequest &request)
{
    auto rows = DomainStore(request.database()).list();
    if (!rows)
        return rows.error();
    return QJsonObject{{QStringLiteral("domains"), ReplyJson::domains(*rows)}};
}

Result<QJsonObject> addDomain(const EventRequest &request)
{
    auto name = domainName(request);
    if (!name)
        return name.error();
    auto row = DomainStore(request.database()).add(*name);
    if (!row)
        return row.error();
    return singleDomainReply(*row);
}

Result<QJsonObject> renameDomain(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto name = domainName(request);
    if (!name)
        return name.error();
    auto domain = requireDomain(request.database(), *id);
    if (!domain)
        return domain.error();
    auto renamed = DomainStore(request.database()).rename(*domain, *name);
    if (!renamed)
        return renamed.error();
    return singleDomainReply(*renamed);
}

Result<QJsonObject> switchDomain(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto enabled = request.boolean();
    if (!enabled)
        return enabled.error();
    auto domain = requireDomain(request.database(), *id);
    if (!domain)
        return domain.error();
    Status status = DomainStore(request.database()).setEnabled(*id, *enabled);
    if (!status)
        return status.error();
    DomainRow row = *domain;
    row.enabled = *enabled;
    return singleDomainReply(row);
}

Result<QJsonObject> deleteDomain(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto domain = requireDomain(request.database(), *id);
    if (!domain)
        return domain.error();
    Status status = DomainStore(request.database()).remove(*id);
    if (!status)
        return status.error();
    return QJsonObject{{QStringLiteral("id"), *id}};
}

Result<QJsonObject> domainDetails(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto domain = requireDomain(request.database(), *id);
    if (!domain)
        return domain.error();
    auto params = AttributeStore(request.database(), AttributeStore::Table::DomainParams).list(*id);
    if (!params)
        return params.error();
    auto vars = AttributeStore(request.database(), AttributeStore::Table::DomainVars).list(*id);
    if (!vars)
        return vars.error();
    const QJsonObject details{{QStringLiteral("parameters"), ReplyJson::attributes(*params)},
                              {QStringLiteral("variables"), ReplyJson::attributes(*vars)}};
    return QJsonObject{{QStringLiteral("domain_details"),
                        QJsonObject{{ReplyJson::key(*id), details}}}};
}

AttributeEvents domainAttributeEvents(AttributeStore::Table table, const QString &noun)
{
    AttributeEvents events;
    events.table = table;
    const bool isParam = table == AttributeStore::Table::DomainParams;
    events.addEvent = QStringLiteral("[Domains] New_domain_%1").arg(noun);
    events.updateEvent = QStringLiteral("[Domains] Update_domain_%1").arg(noun);
    events.switchEvent = isParam ? QStringLiteral("[Domains][Switch] Domain parameter")
                                 : QStringLiteral("[Domains][Switch] Domain variable");
    events.deleteEvent = QStringLiteral("[Domains] Del_domain_%1").arg(noun);
    events.detailsKey = QStringLiteral("domain_details");
    events.ownerExists = [](Database &database, qint64 id) -> Status {
        auto domain = requireDomain(database, id);
        if (!domain)
            return domain.error();
        return {};
    };
    return events;
}

} // namespace

Result<DomainRow> requireDomain(Database &database, qint64 id)
{
    auto found = DomainStore(database).find(id);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return ApiError::make(QStringLiteral("domain not found"),
                              QStringLiteral("There is no domain with id %1.").arg(id));
    }
    return found->value();
}

void registerDomainHandlers(Dispatcher &dispatcher)
{
    using Access = Dispatcher::Access;
    dispatcher.registerHandler(QStringLiteral("[Domains][Get] Domains"), Access::Read, getDomains, false);
    dispatcher.registerHandler(QStringLiteral("[Domains][Add] Domain"), Access::Change, addDomain, true);
    dispatcher.registerHandler(QStringLiteral("[Domains] Rename_domain"), Access::Change, renameDomain, true);
    dispatcher.registerHandler(QStringLiteral("[Domains][Switch] Domain"), Access::Change, switchDomain, true);
    dispatcher.registerHandler(QStringLiteral("[Domains] Del_domain"), Access::Change, deleteDomain, true);
    dispatcher.registerHandler(QStringLiteral("[Domains][Get] Domain_details"), Access::QuickRead,
                               domainDetails, false);
    domainAttributeEvents(AttributeStore::Table::DomainParams, QStringLiteral("param")).registerWith(dispatcher);
    domainAttributeEvents(AttributeStore::Table::DomainVars, QStringLiteral("var")).registerWith(dispatcher);
}

} // namespace fsd
