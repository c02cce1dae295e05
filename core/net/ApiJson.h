// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fsd {

// Helpers shared by the HTTP and WebSocket faces of the API.
namespace ApiJson {

// Parses a request body. Returns nothing when it is not a JSON object.
std::optional<QJsonObject> parseRequest(const QByteArray &body, QString *detail);
// `{"MessageType": "none", "error": "invalid request", "detail": ...}`.
QJsonObject invalidRequest(const QString &detail);
// Compact JSON text, the same bytes as QJsonDocument::toJson(QJsonDocument::Compact).
QByteArray toBytes(const QJsonObject &object);
// HTTP status of a dispatcher reply: 400, 401 and 403 for those errors, else 200.
int httpStatus(const QJsonObject &reply);
// The API's error word for a response the HTTP layer makes by itself (413, 431, ...).
QString errorForHttpStatus(int status);

} // namespace ApiJson

} // namespace fsd
