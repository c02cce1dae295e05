// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace fsd {

// A response for HttpResponder::send(). The server adds Content-Length and, when the
// connection ends after this response, "Connection: close".
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    // Extra header fields, e.g. {"Allow", "POST"}.
    QList<std::pair<QByteArray, QByteArray>> headers;
    // Close the connection once this response is written.
    bool closeConnection = false;

    // The response as bytes on the wire. `headRequest` leaves the body out; `http10Request`
    // adds "Connection: keep-alive", which HTTP/1.0 clients need to reuse the connection.
    QByteArray serialize(bool headRequest, bool http10Request, bool closing) const;

    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse text(int status, const QByteArray &body);
    // The standard reason phrase of `status`, e.g. "Payload Too Large" for 413.
    static QByteArray reasonPhrase(int status);
};

} // namespace fsd
