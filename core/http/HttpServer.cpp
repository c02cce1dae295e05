// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpServer.h"

#include "core/http/HttpConnection.h"
#include "core/http/HttpLog.h"
#include "core/http/OpenFilesLimit.h"
#include "core/http/TcpListener.h"
#include "core/http/TlsFiles.h"

#include <QSslSocket>
#include <QTimer>
#include <QWebSocketServer>

#include <unistd.h>

namespace fsd {

namespace {

// Pending connections the kernel queues before accept(); the Qt default of 50 drops bursts.
constexpr int ListenBacklog = 1024;
// A rejected connection over the cap gets this long to read its 503 before it is aborted.
constexpr int OverCapLingerMs = 1000;

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
}

HttpServer::~HttpServer()
{
    close();
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setErrorResponseFactory(ErrorResponseFactory factory)
{
    m_errorResponseFactory = std::move(factory);
}

void HttpServer::setWebSocketServer(QWebSocketServer *server, const QByteArray &path)
{
    m_webSocketServer = server;
    m_webSocketPath = path;
}

bool HttpServer::listen(const HttpServerConfig &config)
{
    close();
    m_config = config;
    m_errorString.clear();
    m_tls = false;

    if (config.tlsEnabled()) {
        if (!QSslSocket::supportsSsl()) {
            m_errorString = QStringLiteral("TLS is configured but this Qt build has no TLS "
                                           "backend; install Qt's OpenSSL plugin.");
            return false;
        }
        QString error;
        m_tlsConfiguration = loadServerTlsConfiguration(config.tlsCertificateFile,
                                                        config.tlsKeyFile, &error);
        if (m_tlsConfiguration.isNull()) {
            m_errorString = error;
            return false;
        }
        m_tls = true;
    }

    m_maxConnections = capForOpenFilesLimit(config.maxConnections);
    m_listener = new TcpListener(this);
    m_listener->setListenBacklogSize(ListenBacklog);
    connect(m_listener, &TcpListener::descriptorAccepted, this, &HttpServer::acceptDescriptor);
    if (!m_listener->listen(config.address, config.port)) {
        m_errorString = QStringLiteral("Listening on %1 failed: %2.")
                            .arg(formatPeer(config.address, config.port),
                                 m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    qCInfo(lcHttp).noquote() << "Listening on"
                             << formatPeer(m_listener->serverAddress(), m_listener->serverPort())
                             << (m_tls ? "with TLS" : "without TLS") << "for at most"
                             << m_maxConnections << "connections";
    return true;
}

void HttpServer::close()
{
    if (m_listener) {
        qCInfo(lcHttp).noquote() << "Stopped listening on"
                                 << formatPeer(m_listener->serverAddress(),
                                               m_listener->serverPort());
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    const QSet<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->abort();
    m_connections.clear();
}

bool HttpServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void HttpServer::acceptDescriptor(qintptr descriptor)
{
    if (connectionCount() >= m_maxConnections)
        return rejectOverCap(descriptor);

    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "Taking over an accepted connection failed:" << socket->errorString();
        ::close(int(descriptor));
        delete socket;
        return;
    }
    if (m_tls)
        static_cast<QSslSocket *>(socket)->setSslConfiguration(m_tlsConfiguration);
    // TCP_NODELAY: with Nagle's algorithm a reply written while a WebSocket push is still
    // unacknowledged waits for the client's delayed ACK, about 40 ms on Linux. With 100
    // WebSocket clients receiving pushes the median reply took 37 ms instead of 1 to 2 ms
    // (bench_api_load).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    auto *connection = new HttpConnection(socket, m_tls, this);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::finished, this, &HttpServer::connectionFinished);
    qCDebug(lcHttp).noquote() << "Connection from" << connection->peer() << "opened;"
                              << connectionCount() << "open";
    if (m_tls)
        static_cast<QSslSocket *>(socket)->startServerEncryption();
}

void HttpServer::rejectOverCap(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }

    ++m_rejectedOverCap;
    if (m_nextOverCapLog.hasExpired()) {
        qCWarning(lcHttp).noquote()
            << QStringLiteral("Rejected %1 connection(s), the last from %2, because %3 "
                              "connections are open (the connection cap)")
                   .arg(m_rejectedOverCap)
                   .arg(formatPeer(socket->peerAddress(), socket->peerPort()))
                   .arg(m_maxConnections);
        m_rejectedOverCap = 0;
        m_nextOverCapLog = QDeadlineTimer(std::chrono::seconds(10));
    }

    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(OverCapLingerMs, socket, [socket]() { socket->abort(); });
    if (m_tls) {
        // A plain-text 503 means nothing to a TLS client before the handshake.
        socket->abort();
    } else {
        HttpResponse response = errorResponse(503, "too many connections, try again later");
        response.headers.emplaceBack("Retry-After", "1");
        socket->write(response.serialize(false, false, true));
        socket->disconnectFromHost();
    }
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

void HttpServer::connectionFinished(HttpConnection *connection)
{
    m_connections.remove(connection);
    connection->deleteLater();
}

void HttpServer::handOver(HttpConnection *connection, QTcpSocket *socket)
{
    m_connections.remove(connection);
    connection->deleteLater();
    if (!m_webSocketServer) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_handedOverCount;
    socket->setParent(m_webSocketServer);
    connect(socket, &QObject::destroyed, this, [this]() { --m_handedOverCount; });
    m_webSocketServer->handleConnection(socket);
}

HttpResponse HttpServer::errorResponse(int status, const QByteArray &message) const
{
    if (m_errorResponseFactory)
        return m_errorResponseFactory(status, message);
    return HttpResponse::text(status, message + '\n');
}

int HttpServer::capForOpenFilesLimit(int requested) const
{
    const qint64 softLimit = raiseOpenFilesLimit();
    if (softLimit < 0)
        return requested;
    // Leaves room for the database, log and settings files, the listeners and the other
    // servers of the process.
    const qint64 reserve = qMax<qint64>(64, softLimit / 10);
    const qint64 cap = qMax<qint64>(1, softLimit - reserve);
    if (requested <= cap)
        return requested;
    qCWarning(lcHttp) << "Lowered the connection cap from" << requested << "to" << cap
                      << "to stay below the open-files limit of" << softLimit;
    return int(cap);
}

} // namespace fsd
