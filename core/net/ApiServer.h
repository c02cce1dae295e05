// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/net/ApiServerConfig.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QWebSocketServer;

namespace fsd {

class ApiHttpEndpoint;
class ApiWebSocketClient;
class DispatchQueue;
class HttpServer;
class QuickReads;

// The remote API: HTTP `POST /api/v1` and WebSocket `/ws` on one port, optionally with TLS.
// Requests run on the dispatcher through `queue`. Every committed change is pushed, with
// "push": true and in commit order, to every other WebSocket client bound to a valid token.
// With QuickReads set, quick reads of a connection with nothing queued run on this thread.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    // `queue` is not owned and must outlive the server.
    explicit ApiServer(DispatchQueue &queue, QObject *parent = nullptr);
    ~ApiServer() override;

    // Runs quick read events on the server's thread instead of queuing them. Set it before
    // start(), because clients accepted earlier keep queuing.
    void setQuickReads(std::unique_ptr<QuickReads> reads);

    // Starts listening. Fails (returns false, errorString() names the address or file) when
    // the host does not resolve, the port is taken, a TLS file is unusable, or the address is
    // not loopback while TLS is off and `config.allowInsecure` is false.
    bool start(const ApiServerConfig &config);
    // Closes the listener and every connection.
    void stop();

    bool isRunning() const;
    QString errorString() const { return m_errorString; }
    QHostAddress address() const;
    // The port in use (the chosen one when the configuration asked for port 0).
    quint16 port() const;
    bool isTls() const;
    // "http://HOST:PORT" or "https://HOST:PORT".
    QString baseUrl() const;
    int webSocketClientCount() const { return int(m_clients.size()); }
    // Open connections of both kinds, as counted against the connection cap.
    int connectionCount() const;
    int maxConnections() const;

private:
    void acceptWebSockets();
    void pushChange(const QJsonObject &message, quint64 originId);
    void endToken(const QByteArray &tokenHash);
    void checkClients();
    void dropInvalidTokens();
    void clientFinished(ApiWebSocketClient *client);

    DispatchQueue &m_queue;
    std::unique_ptr<QuickReads> m_quickReads;
    ApiServerConfig m_config;
    HttpServer *m_http = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    ApiHttpEndpoint *m_endpoint = nullptr;
    QSet<ApiWebSocketClient *> m_clients;
    QTimer m_clientTimer;
    QElapsedTimer m_sinceTokenCheck;
    QString m_errorString;
    QString m_host;
};

} // namespace fsd
