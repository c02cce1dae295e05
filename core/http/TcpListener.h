// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QTcpServer>

namespace fsd {

// A QTcpServer that hands out raw socket descriptors, so that HttpServer can count a
// connection and start its timers before the TLS handshake. QSslServer of Qt 6.4 reports a
// connection only after the handshake and has no handshake timeout.
class TcpListener : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

signals:
    void descriptorAccepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace fsd
