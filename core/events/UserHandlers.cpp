// SPDX-License-Identifier: MPL-2.0
#include "core/events/UserHandlers.h"

#include "core/common/NameRules.h"
#include "core/common/Secrets.h"
#include "core/events/AttributeEvents.h"
#include "core/events/BulkUserNames.h"
#include "core/events/Dispatcher.h"
#include "core/events/DomainHandlers.h"
#include "core/events/EventRequest.h"
#include "core/events/EventsLog.h"
#include "core/events/ReplyJson.h"
#include "core/storage/DomainStore.h"
#include "core/storage/UserStore.h"

#include <QFile>
#include <QThread>

namespace fsd {

namespace {

constexpr qint64 MaxBulk = 100;

ApiError userNotFound(qint64 id)
{
    return ApiError::make(QStringLiteral("user not found"),
                          QStringLiteral("There is no user with id %1.").arg(id));
}

Result<QString> userName(const EventRequest &request)
{
    auto name = request.name();
    if (!name)
        return name;
    Status valid = NameRules::checkUserName(*name);
    if (!valid)
        return valid.error();
    return name;
}

Result<QJsonObject> getUsers(const EventRequest &request)
{
    auto domains = DomainStore(request.database()).list();
    if (!domains)
        return domains.error();
    auto users = UserStore(request.database()).list();
    if (!users)
        return users.error();
    QJsonObject byDomain;
    QJsonObject current;
    qint64 currentDomain = 0;
    for (const UserRow &row : *users) {
        if (row.domainId != currentDomain) {
            if (currentDomain != 0)
                byDomain.insert(ReplyJson::key(currentDomain), current);
            current = QJsonObject();
            currentDomain = row.domainId;
        }
        current.insert(ReplyJson::key(row.id), ReplyJson::user(row));
    }
    if (currentDomain != 0)
        byDomain.insert(ReplyJson::key(currentDomain), current);
    return QJsonObject{{QStringLiteral("domains"), ReplyJson::domains(*domains)},
                       {QStringLiteral("directory_users"), byDomain}};
}

// The owner fields that user_details replies carry beside the lists.
void addUserFields(const UserRow &user, QJsonObject &entry, bool withAlias)
{
    entry.insert(QStringLiteral("cache"), user.cache);
    entry.insert(QStringLiteral("cidr"), user.cidr);
    if (withAlias)
        entry.insert(QStringLiteral("number_alias"), user.numberAlias);
    bool numeric = false;
    user.cacheable.toLongLong(&numeric);
    if (!user.cacheable.isEmpty() && !numeric)
        entry.insert(QStringLiteral("cacheable"), user.cacheable);
}

Result<QJsonObject> userDetails(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto found = UserStore(request.database()).findWithAttributes(*id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return userNotFound(*id);
    const UserWithAttributes &user = found->value();
    QJsonObject details{{QStringLiteral("parameters"), ReplyJson::attributes(user.parameters)},
                        {QStringLiteral("variables"), ReplyJson::attributes(user.variables)}};
    addUserFields(user.user, details, true);
    return QJsonObject{{QStringLiteral("user_details"), QJsonObject{{ReplyJson::key(*id), details}}}};
}

// Test seam for the crash-safety test. With FSDIRECTOR_TEST_PAUSE_IN_BULK_ADD set to a file
// path, a bulk add creates that file once its rows are written but not committed. It then
// sleeps for two minutes, so the test can kill the process inside the transaction.
void pauseInsideBulkAddForTests()
{
    const QByteArray marker = qgetenv("FSDIRECTOR_TEST_PAUSE_IN_BULK_ADD");
    if (marker.isEmpty())
        return;
    QFile file(QString::fromLocal8Bit(marker));
    if (file.open(QIODevice::WriteOnly))
        file.close();
    QThread::sleep(120);
}

Result<QJsonObject> addUsers(const EventRequest &request)
{
    auto domainId = request.id();
    if (!domainId)
        return domainId.error();
    auto first = userName(request);
    if (!first)
        return first.error();
    auto bulk = request.integer(QStringLiteral("bulk"), 1);
    if (!bulk)
        return bulk.error();
    if (*bulk < 1) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("bulk is %1; it must be at least 1.").arg(*bulk));
    }
    if (*bulk > MaxBulk) {
        return ApiError::make(QStringLiteral("to many at once"),
                              QStringLiteral("bulk is %1; at most %2 users can be added at once.")
                                  .arg(*bulk)
                                  .arg(MaxBulk));
    }
    auto domain = requireDomain(request.database(), *domainId);
    if (!domain)
        return domain.error();
    auto names = BulkUserNames::generate(*first, *bulk);
    if (!names)
        return names.error();

    UserStore users(request.database());
    AttributeStore params(request.database(), AttributeStore::Table::UserParams);
    QJsonObject created;
    for (const QString &name : *names) {
        if (Status valid = NameRules::checkUserName(name); !valid)
            return valid.error();
        auto row = users.add(*domainId, name);
        if (!row)
            return row.error();
        // FreeSWITCH lets a user with neither password nor a1-hash register unchecked.
        auto password = params.add(row->id, QStringLiteral("password"), Secrets::generatePassword());
        if (!password)
            return password.error();
        created.insert(ReplyJson::key(row->id), ReplyJson::user(*row));
    }
    pauseInsideBulkAddForTests();
    return QJsonObject{{QStringLiteral("directory_users"),
                        QJsonObject{{ReplyJson::key(*domainId), created}}},
                       {QStringLiteral("total"), qint64(names->size())}};
}

Result<QJsonObject> renameUser(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto name = userName(request);
    if (!name)
        return name.error();
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    UserStore users(request.database());
    if (Status free = users.checkNameFree(user->domainId, *name, user->id); !free)
        return free.error();
    if (Status renamed = users.rename(*id, *name); !renamed)
        return renamed.error();
    return QJsonObject{{QStringLiteral("item"),
                        QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("name"), *name}}},
                       {QStringLiteral("id"), user->domainId}};
}

Result<QJsonObject> switchUser(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto enabled = request.boolean();
    if (!enabled)
        return enabled.error();
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    if (Status status = UserStore(request.database()).setEnabled(*id, *enabled); !status)
        return status.error();
    return QJsonObject{{QStringLiteral("item"),
                        QJsonObject{{QStringLiteral("id"), *id},
                                    {QStringLiteral("name"), user->name},
                                    {QStringLiteral("enabled"), *enabled}}},
                       {QStringLiteral("id"), user->domainId}};
}

Result<QJsonObject> deleteUser(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    if (Status status = UserStore(request.database()).remove(*id); !status)
        return status.error();
    return QJsonObject{{QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), *id}}},
                       {QStringLiteral("id"), user->domainId}};
}

QJsonObject itemReply(qint64 id, const QString &value)
{
    return QJsonObject{{QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), id},
                                                            {QStringLiteral("value"), value}}}};
}

Result<QJsonObject> updateCache(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto value = request.value();
    if (!value)
        return value.error();
    const QString text = value->trimmed();
    bool numeric = false;
    const qint64 cache = text.isEmpty() ? 0 : text.toLongLong(&numeric);
    if (!text.isEmpty() && (!numeric || cache < 0)) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("The cache \"%1\" must be a number of milliseconds "
                                             "(0 or more), or empty for none.")
                                  .arg(*value));
    }
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    if (Status status = UserStore(request.database()).setCache(*id, cache, text.isEmpty() ? QString() : text); !status)
        return status.error();
    return itemReply(*id, text);
}

Result<QJsonObject> updateCidr(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto value = request.value();
    if (!value)
        return value.error();
    const QString cidr = value->trimmed();
    if (Status valid = NameRules::checkCidrList(cidr); !valid)
        return valid.error();
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    if (Status status = UserStore(request.database()).setCidr(*id, cidr); !status)
        return status.error();
    return itemReply(*id, cidr);
}

Result<QJsonObject> updateNumberAlias(const EventRequest &request)
{
    auto id = request.id();
    if (!id)
        return id.error();
    auto value = request.value();
    if (!value)
        return value.error();
    const QString alias = value->trimmed();
    if (!alias.isEmpty()) {
        if (Status valid = NameRules::checkUserName(alias); !valid)
            return valid.error();
    }
    auto user = requireUser(request.database(), *id);
    if (!user)
        return user.error();
    if (Status status = UserStore(request.database()).setNumberAlias(*user, alias); !status)
        return status.error();
    return itemReply(*id, alias);
}

AttributeEvents userAttributeEvents(AttributeStore::Table table, const QString &noun)
{
    AttributeEvents events;
    events.table = table;
    const bool isParam = table == AttributeStore::Table::UserParams;
    events.addEvent = QStringLiteral("[Users] Add_user_%1").arg(noun);
    events.updateEvent = QStringLiteral("[Users] Update_user_%1").arg(noun);
    events.switchEvent = isParam ? QStringLiteral("[Users][Switch] User parameter")
                                 : QStringLiteral("[Users][Switch] User variable");
    events.deleteEvent = QStringLiteral("[Users] Del_user_%1").arg(noun);
    events.detailsKey = QStringLiteral("user_details");
    events.ownerExists = [](Database &database, qint64 id) -> Status {
        auto user = requireUser(database, id);
        if (!user)
            return user.error();
        return {};
    };
    events.decorate = [](Database &database, qint64 id, QJsonObject &entry) -> Status {
        auto user = requireUser(database, id);
        if (!user)
            return user.error();
        addUserFields(*user, entry, false);
        return {};
    };
    return events;
}

} // namespace

Result<UserRow> requireUser(Database &database, qint64 id)
{
    auto found = UserStore(database).find(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return userNotFound(id);
    return found->value();
}

void registerUserHandlers(Dispatcher &dispatcher)
{
    using Access = Dispatcher::Access;
    dispatcher.registerHandler(QStringLiteral("[Users] Get_users"), Access::Read, getUsers, false);
    dispatcher.registerHandler(QStringLiteral("[Users] Get_user_details"), Access::QuickRead, userDetails, false);
    dispatcher.registerHandler(QStringLiteral("[Users] Add_new_user"), Access::Change, addUsers, true);
    dispatcher.registerHandler(QStringLiteral("[Users] Update_user_name"), Access::Change, renameUser, true);
    dispatcher.registerHandler(QStringLiteral("[Users][Switch] User"), Access::Change, switchUser, true);
    dispatcher.registerHandler(QStringLiteral("[Users] Del_user"), Access::Change, deleteUser, true);
    dispatcher.registerHandler(QStringLiteral("[Users] Update_user_cache"), Access::Change, updateCache, true);
    dispatcher.registerHandler(QStringLiteral("[Users] Update_user_cidr"), Access::Change, updateCidr, true);
    dispatcher.registerHandler(QStringLiteral("[Users] Update_user_number_alias"), Access::Change,
                               updateNumberAlias, true);
    userAttributeEvents(AttributeStore::Table::UserParams, QStringLiteral("param")).registerWith(dispatcher);
    userAttributeEvents(AttributeStore::Table::UserVars, QStringLiteral("var")).registerWith(dispatcher);
}

} // namespace fsd
