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

QJsonObject domain(const DomainRow &row)
{
    // sip_regs_counter stays 0 until live registration state is read from FreeSWITCH.
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("sip_regs_counter"), 0}};
}

QJsonObject domains(const QList<DomainRow> &rows)
{
    QJsonObject list;
    for (const DomainRow &row : rows)
        list.insert(key(row.id), domain(row));
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
