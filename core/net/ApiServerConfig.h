// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

#include <chrono>

namespace fsd {

// Settings of the API listener: address, TLS files, limits and timeouts. The defaults are the
// product's; tests shorten the timeouts.
struct ApiServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    // 0 lets the system choose a free port (ApiServer::port() returns it).
    quint16 port = 8080;
    // PEM files; TLS is on when both are set.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    // Serve plain HTTP and ws:// on an address other than loopback.
    bool allowInsecure = false;

    int maxConnections = 1000;
    // Largest HTTP request body and WebSocket message; larger gets 413 or close code 1009.
    qint64 maxRequestBytes = 16 * 1024 * 1024;
    // Bytes waiting to be sent to one WebSocket client. A client whose backlog is over it when
    // a new message is due is disconnected.
    qint64 maxSendQueueBytes = 64 * 1024 * 1024;

    std::chrono::milliseconds headerTimeout{10'000};
    std::chrono::milliseconds idleTimeout{60'000};
    std::chrono::milliseconds pingInterval{30'000};
    // A WebSocket client that sends no pong for this long is disconnected.
    std::chrono::milliseconds pongTimeout{60'000};

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }

    // Sets host and port from "HOST:PORT", "[IPv6]:PORT" or ":PORT" (host 127.0.0.1). On
    // invalid text returns false and sets `error` to a sentence naming the value.
    bool setListenAddress(const QString &text, QString *error);
    // "HOST:PORT" as --listen takes it.
    QString listenAddress() const;
};

} // namespace fsd
