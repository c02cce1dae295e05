// SPDX-License-Identifier: MPL-2.0
#include "core/events/ReplyJson.h"

namespace fsd::ReplyJson {

namespace {

// The index of `key` in `prototype`, so that a copy's value can be set through an iterator
// without looking the key up again.
qsizetype indexOf(const QJsonObject &prototype, QLatin1String key)
{
    const auto found = prototype.constFind(key);
    Q_ASSERT(found != prototype.constEnd());
    return found - prototype.constBegin();
}

} // namespace

QString key(qint64 id)
{
    return QString::number(id);
}

QJsonObject domain(const DomainRow &row, int sipRegistrations)
{
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("sip_regs_counter"), sipRegistrations}};
}

QJsonObject domains(const QList<DomainRow> &rows, const freeswitch::LiveSnapshot *live)
{
    QJsonObject list;
    for (const DomainRow &row : rows)
        list.insert(key(row.id), domain(row, live ? live->registrations(row.name) : 0));
    return list;
}

QJsonObject user(const UserRow &row)
{
    // A prototype for the same reason as in attribute(); Get_users builds one per user.
    static const QJsonObject prototype{{QStringLiteral("id"), 0},
                                       {QStringLiteral("enabled"), true},
                                       {QStringLiteral("name"), QString()},
                                       {QStringLiteral("number_alias"), QString()},
                                       {QStringLiteral("cache"), 0},
                                       {QStringLiteral("cidr"), QString()},
                                       {QStringLiteral("call_date"), 0},
                                       {QStringLiteral("in_call"), false},
                                       {QStringLiteral("talking"), false},
                                       {QStringLiteral("last_uuid"), QString()},
                                       {QStringLiteral("call_direction"), QString()},
                                       {QStringLiteral("sip_register"), false},
                                       {QStringLiteral("verto_register"), false}};
    static const qsizetype idAt = indexOf(prototype, QLatin1String("id"));
    static const qsizetype enabledAt = indexOf(prototype, QLatin1String("enabled"));
    static const qsizetype nameAt = indexOf(prototype, QLatin1String("name"));
    static const qsizetype numberAliasAt = indexOf(prototype, QLatin1String("number_alias"));
    static const qsizetype cacheAt = indexOf(prototype, QLatin1String("cache"));
    static const qsizetype cidrAt = indexOf(prototype, QLatin1String("cidr"));

    QJsonObject object = prototype;
    const QJsonObject::iterator first = object.begin();
    (first + idAt).value() = row.id;
    if (!row.enabled)
        (first + enabledAt).value() = false;
    (first + nameAt).value() = row.name;
    if (!row.numberAlias.isEmpty())
        (first + numberAliasAt).value() = row.numberAlias;
    if (row.cache != 0)
        (first + cacheAt).value() = row.cache;
    if (!row.cidr.isEmpty())
        (first + cidrAt).value() = row.cidr;
    return object;
}

void addLiveFields(QJsonObject &user, const UserRow &row, const QString &domainName,
                   const freeswitch::LiveSnapshot &live)
{
    if (live.users.isEmpty())
        return;
    const freeswitch::LiveUserState *byName = live.find(row.name, domainName);
    const freeswitch::LiveUserState *byAlias =
        row.numberAlias.isEmpty() ? nullptr : live.find(row.numberAlias, domainName);
    if (!byName && !byAlias)
        return;
    freeswitch::LiveUserState state = byName ? *byName : *byAlias;
    if (byName && byAlias) {
        state.sipRegistrations += byAlias->sipRegistrations;
        state.vertoRegistered = state.vertoRegistered || byAlias->vertoRegistered;
        state.inCall = state.inCall || byAlias->inCall;
        state.talking = state.talking || byAlias->talking;
        if (byAlias->callDate > state.callDate) {
            state.callDate = byAlias->callDate;
            state.lastUuid = byAlias->lastUuid;
            state.callDirection = byAlias->callDirection;
        }
    }
    user.insert(QStringLiteral("sip_register"), state.sipRegistrations > 0);
    user.insert(QStringLiteral("verto_register"), state.vertoRegistered);
    user.insert(QStringLiteral("in_call"), state.inCall);
    user.insert(QStringLiteral("talking"), state.talking);
    user.insert(QStringLiteral("call_date"), state.callDate);
    user.insert(QStringLiteral("last_uuid"), state.lastUuid);
    user.insert(QStringLiteral("call_direction"), state.callDirection);
}

QJsonObject attribute(const AttributeRow &row, bool withDirection)
{
    // Copying a prototype that already contains the keys and setting the values takes about 40 %
    // fewer instructions (callgrind) than inserting the keys into an empty object. Setting them
    // by index, and only where they differ from the prototype, cut another 20 % (from about
    // 9,200 to 7,300 instructions, bench/directory). Replies contain thousands of these objects.
    static const QJsonObject prototype{{QStringLiteral("id"), 0},
                                       {QStringLiteral("enabled"), true},
                                       {QStringLiteral("name"), QString()},
                                       {QStringLiteral("value"), QString()}};
    static const qsizetype idAt = indexOf(prototype, QLatin1String("id"));
    static const qsizetype enabledAt = indexOf(prototype, QLatin1String("enabled"));
    static const qsizetype nameAt = indexOf(prototype, QLatin1String("name"));
    static const qsizetype valueAt = indexOf(prototype, QLatin1String("value"));

    QJsonObject object = prototype;
    const QJsonObject::iterator first = object.begin();
    (first + idAt).value() = row.id;
    if (!row.enabled)
        (first + enabledAt).value() = false;
    (first + nameAt).value() = row.name;
    if (!row.value.isEmpty())
        (first + valueAt).value() = row.value;
    if (withDirection)
        object.insert(QStringLiteral("direction"), row.direction);
    return object;
}

QJsonObject attributes(const QList<AttributeRow> &rows, bool withDirection)
{
    QJsonObject list;
    for (const AttributeRow &row : rows)
        list.insert(key(row.id), attribute(row, withDirection));
    return list;
}

QJsonObject member(const MemberRow &row)
{
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("user_id"), row.userId},
                       {QStringLiteral("name"), row.userName},
                       {QStringLiteral("type"), row.type}};
}

QJsonObject gateway(const GatewayRow &row)
{
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("name"), row.name}};
}

} // namespace fsd::ReplyJson
