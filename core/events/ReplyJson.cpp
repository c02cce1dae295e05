// SPDX-License-Identifier: MPL-2.0
#include "core/events/ReplyJson.h"

namespace fsd::ReplyJson {

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
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("number_alias"), row.numberAlias},
                       {QStringLiteral("cache"), row.cache},
                       {QStringLiteral("cidr"), row.cidr},
                       {QStringLiteral("call_date"), 0},
                       {QStringLiteral("in_call"), false},
                       {QStringLiteral("talking"), false},
                       {QStringLiteral("last_uuid"), QString()},
                       {QStringLiteral("call_direction"), QString()},
                       {QStringLiteral("sip_register"), false},
                       {QStringLiteral("verto_register"), false}};
}

QJsonObject attribute(const AttributeRow &row, bool withDirection)
{
    QJsonObject object{{QStringLiteral("id"), row.id},
                       {QStringLiteral("enabled"), row.enabled},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("value"), row.value}};
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
