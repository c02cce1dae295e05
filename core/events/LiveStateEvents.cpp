// SPDX-License-Identifier: MPL-2.0
#include "core/events/LiveStateEvents.h"

#include "core/common/NameRules.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/ReplyJson.h"
#include "core/storage/DomainStore.h"
#include "core/storage/UserStore.h"

#include <QHash>
#include <QSet>

namespace fsd::LiveStateEvents {

namespace {

// Above this many changed users in one domain, reading all its users once is cheaper than one
// query per user. NOTE: an estimate, not measured.
constexpr qsizetype ListWholeDomainAbove = 50;

// The stored users of `domain` behind `names` (case-folded names or number aliases), each once.
Result<QList<UserRow>> usersNamed(Database &database, const DomainRow &domain,
                                  const QStringList &names)
{
    UserStore users(database);
    QList<UserRow> found;
    QSet<qint64> seen;
    if (names.size() > ListWholeDomainAbove) {
        auto all = users.listInDomain(domain.id);
        if (!all)
            return all.error();
        const QSet<QString> wanted(names.cbegin(), names.cend());
        for (const UserRow &row : std::as_const(*all)) {
            const bool named = wanted.contains(NameRules::key(row.name))
                               || (!row.numberAlias.isEmpty()
                                   && wanted.contains(NameRules::key(row.numberAlias)));
            if (named)
                found.append(row);
        }
        return found;
    }
    for (const QString &name : names) {
        auto row = users.findByNameOrAlias(domain.id, name);
        if (!row)
            return row.error();
        if (row->has_value() && !seen.contains(row->value().id)) {
            seen.insert(row->value().id);
            found.append(row->value());
        }
    }
    return found;
}

} // namespace

Result<QJsonObject> partialUsersMessage(Database &database, const freeswitch::LiveSnapshot &live,
                                        const QStringList &userKeys)
{
    // Domain key -> the case-folded user names of that domain that changed.
    QHash<QString, QStringList> namesByDomain;
    for (const QString &userKey : userKeys) {
        const qsizetype at = userKey.lastIndexOf(QLatin1Char('@'));
        if (at > 0)
            namesByDomain[userKey.mid(at + 1)].append(userKey.left(at));
    }

    DomainStore domainStore(database);
    QJsonObject domainList;
    QJsonObject directoryUsers;
    for (auto it = namesByDomain.cbegin(); it != namesByDomain.cend(); ++it) {
        auto domain = domainStore.findByName(it.key());
        if (!domain)
            return domain.error();
        if (!domain->has_value())
            continue;
        const DomainRow &row = domain->value();
        const QString domainId = ReplyJson::key(row.id);
        domainList.insert(domainId, ReplyJson::domain(row, live.registrations(row.name)));

        auto users = usersNamed(database, row, it.value());
        if (!users)
            return users.error();
        if (users->isEmpty())
            continue;
        QJsonObject list;
        for (const UserRow &user : std::as_const(*users)) {
            QJsonObject json = ReplyJson::user(user);
            ReplyJson::addLiveFields(json, user, row.name, live);
            list.insert(ReplyJson::key(user.id), json);
        }
        directoryUsers.insert(domainId, list);
    }
    if (domainList.isEmpty())
        return QJsonObject();
    return QJsonObject{{QStringLiteral("MessageType"), QStringLiteral("[Users] Get_users")},
                       {QStringLiteral("partial"), true},
                       {QStringLiteral("domains"), domainList},
                       {QStringLiteral("directory_users"), directoryUsers}};
}

QJsonObject statusMessage(const freeswitch::MonitorStatus &status)
{
    return QJsonObject{
        {QStringLiteral("MessageType"), QString(GetStatus)},
        {QStringLiteral("freeswitch"),
         QJsonObject{{QStringLiteral("state"), freeswitch::MonitorStatus::stateName(status.state)},
                     {QStringLiteral("address"), status.address},
                     {QStringLiteral("error"), status.error}}}};
}

void registerLiveStateHandlers(Dispatcher &dispatcher)
{
    dispatcher.registerHandler(
        QString(GetStatus), Dispatcher::Access::Read,
        [](const EventRequest &request) -> Result<QJsonObject> {
            QJsonObject reply = statusMessage(request.liveStatus());
            // The dispatcher sets MessageType on replies itself.
            reply.remove(QStringLiteral("MessageType"));
            return reply;
        },
        false);
}

} // namespace fsd::LiveStateEvents
