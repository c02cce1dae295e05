// SPDX-License-Identifier: MPL-2.0
#include "core/events/EventRequest.h"

#include <QJsonValue>
#include <cmath>

namespace fsd {

namespace {

const QString WrongId = QStringLiteral("wrong id");
const QString WrongData = QStringLiteral("wrong data");
const QString EmptyData = QStringLiteral("empty data");

// JSON numbers arrive as doubles; an id is an integral one within the range where doubles
// hold every integer exactly (2^53).
std::optional<qint64> integralValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (std::trunc(number) != number || std::fabs(number) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(number);
}

} // namespace

EventRequest::EventRequest(QString event, QJsonObject data, RequestContext context, Role role,
                           Database &database)
    : m_event(std::move(event))
    , m_data(std::move(data))
    , m_context(std::move(context))
    , m_role(role)
    , m_database(database)
{
}

Result<qint64> EventRequest::id(const QString &key) const
{
    return idIn(m_data, key);
}

Result<qint64> EventRequest::idIn(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    const std::optional<qint64> number = integralValue(value);
    if (!number || *number < 1) {
        return ApiError::make(WrongId, value.isUndefined()
                                           ? QStringLiteral("The field \"%1\" is missing; send the "
                                                            "item's id as a JSON integer.")
                                                 .arg(key)
                                           : QStringLiteral("The field \"%1\" must be a positive "
                                                            "JSON integer.")
                                                 .arg(key));
    }
    return *number;
}

Result<QString> EventRequest::name(const QString &key, const QString &emptyError) const
{
    return nameIn(m_data, key, emptyError);
}

Result<QString> EventRequest::nameIn(const QJsonObject &object, const QString &key,
                                     const QString &emptyError)
{
    const QJsonValue value = object.value(key);
    if (!value.isUndefined() && !value.isString()) {
        return ApiError::make(WrongData,
                              QStringLiteral("The field \"%1\" must be a JSON string.").arg(key));
    }
    const QString name = value.toString().trimmed();
    if (name.isEmpty()) {
        return ApiError::make(emptyError,
                              QStringLiteral("The field \"%1\" is missing or blank.").arg(key));
    }
    return name;
}

Result<QString> EventRequest::value(const QString &key) const
{
    return valueIn(m_data, key);
}

Result<QString> EventRequest::valueIn(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        return ApiError::make(EmptyData,
                              QStringLiteral("The field \"%1\" is missing.").arg(key));
    }
    if (!value.isString()) {
        return ApiError::make(WrongData,
                              QStringLiteral("The field \"%1\" must be a JSON string.").arg(key));
    }
    return value.toString();
}

Result<bool> EventRequest::boolean(const QString &key) const
{
    return booleanIn(m_data, key);
}

Result<bool> EventRequest::booleanIn(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isBool()) {
        return ApiError::make(WrongData,
                              QStringLiteral("The field \"%1\" must be true or false.").arg(key));
    }
    return value.toBool();
}

Result<qint64> EventRequest::integer(const QString &key, qint64 defaultValue) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isUndefined())
        return defaultValue;
    const std::optional<qint64> number = integralValue(value);
    if (!number) {
        return ApiError::make(WrongData,
                              QStringLiteral("The field \"%1\" must be a JSON integer.").arg(key));
    }
    return *number;
}

Result<QJsonObject> EventRequest::object(const QString &key) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isUndefined()) {
        return ApiError::make(EmptyData,
                              QStringLiteral("The field \"%1\" is missing.").arg(key));
    }
    if (!value.isObject()) {
        return ApiError::make(WrongData,
                              QStringLiteral("The field \"%1\" must be a JSON object.").arg(key));
    }
    return value.toObject();
}

} // namespace fsd
