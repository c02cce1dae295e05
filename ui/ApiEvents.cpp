// SPDX-License-Identifier: MPL-2.0
#include "ui/ApiEvents.h"

namespace fsd::ui::Events {

QJsonObject request(QLatin1StringView event, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("event"), QString(event)}, {QStringLiteral("data"), data}};
}

QString messageType(const QJsonObject &message)
{
    return message.value(QLatin1StringView("MessageType")).toString();
}

bool isError(const QJsonObject &reply)
{
    return reply.contains(QLatin1StringView("error"));
}

QString errorText(const QJsonObject &reply)
{
    const QString detail = reply.value(QLatin1StringView("detail")).toString();
    if (!detail.isEmpty())
        return detail;
    return reply.value(QLatin1StringView("error")).toString();
}

qint64 toId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toLongLong();
    return value.toInteger();
}

} // namespace fsd::ui::Events
