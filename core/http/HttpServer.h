// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpResponse.h"
#include "core/http/HttpServerConfig.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <functional>

class QTcpSocket;
class QWebSocketServer;

namespace fsd {

class HttpConnection;
class TcpListener;

// An HTTP/1.1 server: keep-alive, pipelining with responses in request order, body and header
// limits, "Expect: 100-continue", header and idle timeouts, a connection cap and optional TLS.
// llhttp parses the requests. A request for the WebSocket path is handed to a
// QWebSocketServer. All work happens on the thread the server lives on.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    // Called once per complete request. Send the response through `responder`, now or later.
    using Handler = std::function<void(const HttpRequest &request, HttpResponder responder)>;
    // Builds the responses the server sends by itself (400, 408, 413, 431, 503, ...);
    // `message` is a short English sentence.
    using ErrorResponseFactory = std::function<HttpResponse(int status, const QByteArray &message)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    void setErrorResponseFactory(ErrorResponseFactory factory);
    // Hands `GET path` requests that ask for a WebSocket upgrade to `server` via
    // QWebSocketServer::handleConnection(), with the request still unread in the socket. The
    // socket becomes a child of `server`, which deletes it when it disconnects; it keeps
    // counting against the connection cap until then.
    void setWebSocketServer(QWebSocketServer *server, const QByteArray &path);

    // Starts listening. On failure returns false and errorString() names the address or file.
    bool listen(const HttpServerConfig &config);
    // Stops listening and closes every HTTP connection. Handed-over WebSocket connections
    // belong to their QWebSocketServer and stay open.
    void close();

    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    bool isTls() const { return m_tls; }
    QString errorString() const { return m_errorString; }
    // The connection cap in force: the configured one, lowered to fit the open-files limit.
    int maxConnections() const { return m_maxConnections; }
    // Open connections, handed-over WebSocket connections included.
    int connectionCount() const { return int(m_connections.size()) + m_handedOverCount; }
    const HttpServerConfig &config() const { return m_config; }

private:
    friend class HttpConnection;

    void acceptDescriptor(qintptr descriptor);
    void rejectOverCap(qintptr descriptor);
    void connectionFinished(HttpConnection *connection);
    void handOver(HttpConnection *connection, QTcpSocket *socket);
    HttpResponse errorResponse(int status, const QByteArray &message) const;
    int capForOpenFilesLimit(int requested) const;

    HttpServerConfig m_config;
    Handler m_handler;
    ErrorResponseFactory m_errorResponseFactory;
    QPointer<QWebSocketServer> m_webSocketServer;
    QByteArray m_webSocketPath;
    TcpListener *m_listener = nullptr;
    QSslConfiguration m_tlsConfiguration;
    bool m_tls = false;
    QString m_errorString;
    int m_maxConnections = 0;
    QSet<HttpConnection *> m_connections;
    int m_handedOverCount = 0;
    // Connections rejected over the cap since the last log line about them.
    int m_rejectedOverCap = 0;
    QDeadlineTimer m_nextOverCapLog;
};

} // namespace fsd
