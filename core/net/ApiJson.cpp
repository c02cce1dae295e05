// SPDX-License-Identifier: MPL-2.0
#include "core/net/ApiJson.h"

#include "core/net/JsonWriter.h"

#include <QJsonDocument>

namespace fsd::ApiJson {

std::optional<QJsonObject> parseRequest(const QByteArray &body, QString *detail)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *detail = QStringLiteral("The request is not valid JSON: %1 at offset %2.")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *detail = QStringLiteral("A request is a JSON object with a string \"event\" and an "
                                 "object \"data\".");
        return std::nullopt;
    }
    return document.object();
}

QJsonObject invalidRequest(const QString &detail)
{
    return QJsonObject{{QStringLiteral("MessageType"), QStringLiteral("none")},
                       {QStringLiteral("error"), QStringLiteral("invalid request")},
                       {QStringLiteral("detail"), detail}};
}

QByteArray toBytes(const QJsonObject &object)
{
    return JsonWriter::compact(object);
}

int httpStatus(const QJsonObject &reply)
{
    const QString error = reply.value(QStringLiteral("error")).toString();
    if (error == QLatin1String("invalid request"))
        return 400;
    if (error == QLatin1String("unauthorized"))
        return 401;
    if (error == QLatin1String("forbidden"))
        return 403;
    return 200;
}

QString errorForHttpStatus(int status)
{
    switch (status) {
    case 400: return QStringLiteral("invalid request");
    case 404: return QStringLiteral("not found");
    case 405: return QStringLiteral("method not allowed");
    case 408: return QStringLiteral("request timeout");
    case 413: return QStringLiteral("request too large");
    case 417: return QStringLiteral("expectation failed");
    case 431: return QStringLiteral("request header too large");
    case 503: return QStringLiteral("too many connections");
    default: return QStringLiteral("internal error");
    }
}

} // namespace fsd::ApiJson
