// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QHostAddress>
#include <QString>

#include <chrono>

namespace fsd {

// Listening address, TLS files and per-connection limits of an HttpServer.
struct HttpServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    // 0 lets the system choose a free port (HttpServer::serverPort() returns it).
    quint16 port = 0;
    // PEM files. TLS is on when both are set.
    QString tlsCertificateFile;
    QString tlsKeyFile;

    // Open connections at most, WebSocket connections handed over included. The server lowers
    // it when the open-files limit cannot hold it; the next connection gets 503 and is closed.
    int maxConnections = 1000;
    // Largest request body. A larger Content-Length gets 413 before the body is read.
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    // A rejected body up to this size is read and dropped, so the connection stays usable. A
    // larger one closes the connection, and so does one announced with "Expect: 100-continue".
    qint64 maxDiscardedBodyBytes = 64 * 1024 * 1024;
    // Request line plus header fields; more gets 431 and the connection is closed.
    qint64 maxHeaderBytes = 64 * 1024;
    // Requests read ahead on one connection while earlier ones wait for their response.
    int maxPipelinedRequests = 16;

    // Time from the connection's start (for the first request, TLS handshake included) or from
    // a request's first byte until its header is complete.
    std::chrono::milliseconds headerTimeout{10'000};
    // Time without a byte read or written after which a connection that waits for a request,
    // a body or a reading client is closed.
    std::chrono::milliseconds idleTimeout{60'000};

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }
};

} // namespace fsd
