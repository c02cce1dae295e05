// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <utility>

namespace fsd {

// One parsed HTTP/1.x request with its complete body.
struct HttpRequest
{
    QByteArray method;
    // The request target as sent, e.g. "/api/v1?x=1".
    QByteArray target;
    // The target without its query string.
    QByteArray path;
    int httpMajor = 1;
    int httpMinor = 1;
    // Header fields in arrival order, names and values as sent.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    // True when the request came over TLS.
    bool secure = false;
    // Earlier requests of the same connection whose responses are not sent yet (pipelining).
    int pendingBefore = 0;

    // Value of the first header field named `name` (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // "address:port" of the client, for log lines.
    QString peer() const;
};

// The address as text, with an IPv4-mapped IPv6 address shown as plain IPv4.
QString formatAddress(const QHostAddress &address);
// "address:port", with IPv6 addresses in brackets.
QString formatPeer(const QHostAddress &address, quint16 port);

} // namespace fsd
