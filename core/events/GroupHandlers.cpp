// SPDX-License-Identifier: MPL-2.0
#include "core/events/GroupHandlers.h"

#include "core/common/NameRules.h"
#include "core/events/Dispatcher.h"
#include "core/events/DomainHandlers.h"
#include "core/events/EventRequest.h"
#include "core/events/ReplyJson.h"
#include "core/events/UserHandlers.h"
#include "core/storage/AttributeStore.h"
#include "core/storage/DomainStore.h"
#include "core/storage/GroupStore.h"
#include "core/storage/UserStore.h"

namespace fsd {

namespace {

Result<GroupRow> requireGroup(Database &database, qint64 id)
{
    auto found = GroupStore(database).find(id);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return ApiError::make(QStringLiteral("group not found"),
                              QStringLiteral("There is no group with id %1.").arg(id));
    }
    return found->value();
}

Result<QString> groupName(const EventRequest &request)
{
    auto name = request.name();
    if (!name)
        return name;
    if (Status valid = NameRules::checkPlainName(*name, QStringLiteral("group")); !valid)
        return valid.error();
    return name;
}

Result<QJsonObject> getGroups(const EventRequest &request)
{
    auto domains = DomainStore(request.database()).list();
    if (!domains)
        return domains.error();
    auto groups = GroupStore(request.database()).list();
    if (!groups)
        return groups.error();
    QJsonObject list;
    for (const GroupRow &group : *groups) {
        QJsonObject names = list.value(ReplyJson::key(group.domainId)).toObject();
        names.insert(ReplyJson::key(group.id), group.name);
        list.insert(ReplyJson::key(group.domainId), names);
    }
    return QJsonObject{{QStringLiteral("domains"), ReplyJson::domains(*domains)},
                       {QStringLiteral("list"), list}};
}

Result<QJsonObject> groupUsers(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto group = requireGroup(request.database(), *id);
    if (!group)
        return group.error();
    auto users = UserStore(request.database()).listInDomain(group->domainId);
    if (!users)
        return users.error();
    auto members = GroupStore(request.database()).members(*id);
    if (!members)
        return members.error();
    auto params = AttributeStore(request.database(), AttributeStore::Table::GroupParams).list(*id);
    if (!params)
        return params.error();
    auto vars = AttributeStore(request.database(), AttributeStore::Table::GroupVars).list(*id);
    if (!vars)
        return vars.error();

    // `list` offers the domain's users to pick from, and `group_users` lists the members.
    // `group_details` carries the group's parameters and variables, which no event changes.
    QJsonObject names;
    for (const UserRow &user : *users)
        names.insert(ReplyJson::key(user.id), user.name);
    QJsonObject memberList;
    for (const MemberRow &member : *members)
        memberList.insert(ReplyJson::key(member.id), ReplyJson::member(member));
    return QJsonObject{
        {QStringLiteral("list"), QJsonObject{{ReplyJson::key(group->domainId), names}}},
        {QStringLiteral("group_users"), QJsonObject{{ReplyJson::key(*id), memberList}}},
        {QStringLiteral("group_details"),
         QJsonObject{{ReplyJson::key(*id),
                      QJsonObject{{QStringLiteral("parameters"), ReplyJson::attributes(*params)},
                                  {QStringLiteral("variables"), ReplyJson::attributes(*vars)}}}}}};
}

Result<QJsonObject> addGroup(const EventRequest &request)
{
    auto domainId = request.id();
    if (!domainId)
        return domainId.error();
    auto name = groupName(request);
    if (!name)
        return name.error();
    auto domain = requireDomain(request.database(), *domainId);
    if (!domain)
        return domain.error();
    auto group = GroupStore(request.database()).add(*domainId, *name);
    if (!group)
        return group.error();
    return QJsonObject{{QStringLiteral("items"), QJsonObject{{ReplyJson::key(group->id), group->name}}},
                       {QStringLiteral("id"), *domainId}};
}

Result<QJsonObject> renameGroup(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto name = groupName(request);
    if (!name)
        return name.error();
    auto group = requireGroup(request.database(), *id);
    if (!group)
        return group.error();
    if (Status status = GroupStore(request.database()).rename(*group, *name); !status)
        return status.error();
    return QJsonObject{{QStringLiteral("item"),
                        QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("name"), *name}}},
                       {QStringLiteral("id"), group->domainId}};
}

Result<QJsonObject> deleteGroup(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto group = requireGroup(request.database(), *id);
    if (!group)
        return group.error();
    if (Status status = GroupStore(request.database()).remove(*id); !status)
        return status.error();
    return QJsonObject{{QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), *id}}},
                       {QStringLiteral("id"), group->domainId}};
}

Result<QJsonObject> addGroupUser(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    // The API document sends the user id as a string in `value`.
    auto value = request.value();
    if (!value)
        return value.error();
    bool numeric = false;
    const qint64 userId = value->trimmed().toLongLong(&numeric);
    if (!numeric || userId < 1) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("\"value\" must hold the user's id, such as \"57\"; "
                                             "got \"%1\".")
                                  .arg(*value));
    }
    auto group = requireGroup(request.database(), *id);
    if (!group)
        return group.error();
    auto user = requireUser(request.database(), userId);
    if (!user)
        return user.error();
    if (user->domainId != group->domainId) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("The user \"%1\" belongs to another domain than group "
                                             "\"%2\"; only users of the group's domain can join it.")
                                  .arg(user->name, group->name));
    }
    auto member = GroupStore(request.database()).addMember(*group, userId, user->name,
                                                           QStringLiteral("pointer"));
    if (!member)
        return member.error();
    return QJsonObject{
        {QStringLiteral("group_users"),
         QJsonObject{{ReplyJson::key(*id),
                      QJsonObject{{ReplyJson::key(member->id), ReplyJson::member(*member)}}}}},
        {QStringLiteral("id"), *id}};
}

Result<QJsonObject> deleteGroupUser(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    GroupStore groups(request.database());
    auto member = groups.findMember(*id);
    if (!member)
        return member.error();
    if (!member->has_value()) {
        return ApiError::make(QStringLiteral("member not found"),
                              QStringLiteral("There is no group membership with id %1.").arg(*id));
    }
    if (Status status = groups.removeMember(*id); !status)
        return status.error();
    return QJsonObject{{QStringLiteral("id"), member->value().groupId},
                       {QStringLiteral("affected_id"), *id}};
}

} // namespace

void registerGroupHandlers(Dispatcher &dispatcher)
{
    using Access = Dispatcher::Access;
    dispatcher.registerHandler(QStringLiteral("[Groups] Get_groups"), Access::Read, getGroups, false);
    dispatcher.registerHandler(QStringLiteral("[Groups] Get_group_users"), Access::Read, groupUsers, false);
    dispatcher.registerHandler(QStringLiteral("[Groups] Add_new_group"), Access::Change, addGroup, true);
    dispatcher.registerHandler(QStringLiteral("[Groups] Update_group_name"), Access::Change, renameGroup, true);
    dispatcher.registerHandler(QStringLiteral("[Groups] Del_group"), Access::Change, deleteGroup, true);
    dispatcher.registerHandler(QStringLiteral("[Groups] Add_group_user"), Access::Change, addGroupUser, true);
    dispatcher.registerHandler(QStringLiteral("[Groups] Del_group_user"), Access::Change,
                               deleteGroupUser, true);
}

} // namespace fsd
