// SPDX-License-Identifier: MPL-2.0
#include "core/net/ApiServer.h"

#include "core/events/SecretMasking.h"

#include "core/events/DispatchQueue.h"
#include "core/events/QuickReads.h"
#include "core/http/HttpServer.h"
#include "core/net/ApiHttpEndpoint.h"
#include "core/net/ApiJson.h"
#include "core/net/ApiWebSocketClient.h"
#include "core/net/NetLog.h"

#include <QHostInfo>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace fsd {

namespace {

// Resolves `host` to one address, preferring IPv4. Returns a null address on failure.
QHostAddress resolveHost(const QString &host, QString *error)
{
    QHostAddress address;
    if (address.setAddress(host))
        return address;
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        *error = QStringLiteral("The listen host \"%1\" does not resolve: %2. Use an IP address "
                                "such as 127.0.0.1.")
                     .arg(host, info.errorString());
        return {};
    }
    const QList<QHostAddress> addresses = info.addresses();
    const auto ipv4 = std::find_if(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    });
    return ipv4 != addresses.end() ? *ipv4 : addresses.first();
}

HttpResponse apiErrorResponse(int status, const QByteArray &message)
{
    const QJsonObject reply{{QStringLiteral("MessageType"), QStringLiteral("none")},
                            {QStringLiteral("error"), ApiJson::errorForHttpStatus(status)},
                            {QStringLiteral("detail"), QString::fromUtf8(message)}};
    return HttpResponse::json(status, ApiJson::toBytes(reply));
}

} // namespace

ApiServer::ApiServer(DispatchQueue &queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
    connect(&queue, &DispatchQueue::changeCommitted, this, &ApiServer::pushChange);
    connect(&queue, &DispatchQueue::tokenEnded, this, &ApiServer::endToken);
    connect(&m_clientTimer, &QTimer::timeout, this, &ApiServer::checkClients);
}

ApiServer::~ApiServer()
{
    stop();
}

void ApiServer::setQuickReads(std::unique_ptr<QuickReads> reads)
{
    m_quickReads = std::move(reads);
}

bool ApiServer::start(const ApiServerConfig &config)
{
    stop();
    m_config = config;
    m_errorString.clear();

    QString error;
    const QHostAddress address = resolveHost(config.host, &error);
    if (address.isNull()) {
        m_errorString = error;
        return false;
    }
    if (!config.tlsEnabled() && !config.allowInsecure && !address.isLoopback()) {
        m_errorString = QStringLiteral(
            "Serving the API without TLS on %1 is not allowed because it is not a loopback "
            "address, so passwords and tokens would cross the network unencrypted. Give a "
            "certificate and key with --tls-cert FILE and --tls-key FILE (or the same keys in "
            "the settings file), listen on 127.0.0.1, or pass --allow-insecure-api.")
                            .arg(config.listenAddress());
        return false;
    }

    m_webSockets = new QWebSocketServer(QStringLiteral("fsdirector"),
                                        config.tlsEnabled() ? QWebSocketServer::SecureMode
                                                            : QWebSocketServer::NonSecureMode,
                                        this);
    m_webSockets->setHandshakeTimeout(config.headerTimeout);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ApiServer::acceptWebSockets);

    m_endpoint = new ApiHttpEndpoint(m_queue, m_quickReads.get(), this);
    m_http = new HttpServer(this);
    m_http->setHandler([endpoint = m_endpoint](const HttpRequest &request, HttpResponder responder) {
        endpoint->handle(request, std::move(responder));
    });
    m_http->setErrorResponseFactory(&apiErrorResponse);
    m_http->setWebSocketServer(m_webSockets, "/ws");

    HttpServerConfig httpConfig;
    httpConfig.address = address;
    httpConfig.port = config.port;
    httpConfig.tlsCertificateFile = config.tlsCertificateFile;
    httpConfig.tlsKeyFile = config.tlsKeyFile;
    httpConfig.maxConnections = config.maxConnections;
    httpConfig.maxBodyBytes = config.maxRequestBytes;
    httpConfig.headerTimeout = config.headerTimeout;
    httpConfig.idleTimeout = config.idleTimeout;
    if (!m_http->listen(httpConfig)) {
        m_errorString = QStringLiteral("Starting the API on %1 failed. %2")
                            .arg(config.listenAddress(), m_http->errorString());
        stop();
        return false;
    }

    m_host = config.host;
    const auto tick = std::clamp(std::min(config.pingInterval, config.pongTimeout) / 4,
                                 std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
    m_clientTimer.start(tick);
    m_sinceTokenCheck.start();
    qCInfo(lcNet).noquote() << "Remote API started at" << baseUrl() << "(HTTP POST /api/v1,"
                            << "WebSocket /ws," << (isTls() ? "TLS on)" : "TLS off)");
    return true;
}

void ApiServer::stop()
{
    const bool wasRunning = isRunning();
    const QString url = wasRunning ? baseUrl() : QString();
    m_clientTimer.stop();

    const QSet<ApiWebSocketClient *> clients = m_clients;
    m_clients.clear();
    for (ApiWebSocketClient *client : clients) {
        disconnect(client, nullptr, this, nullptr);
        client->close();
        delete client;
    }
    delete m_http;
    m_http = nullptr;
    delete m_endpoint;
    m_endpoint = nullptr;
    delete m_webSockets;
    m_webSockets = nullptr;

    if (wasRunning)
        qCInfo(lcNet).noquote() << "Remote API at" << url << "stopped";
}

bool ApiServer::isRunning() const
{
    return m_http && m_http->isListening();
}

QHostAddress ApiServer::address() const
{
    return m_http ? m_http->serverAddress() : QHostAddress();
}

quint16 ApiServer::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

bool ApiServer::isTls() const
{
    return m_http && m_http->isTls();
}

QString ApiServer::baseUrl() const
{
    const QString scheme = isTls() ? QStringLiteral("https") : QStringLiteral("http");
    return QStringLiteral("%1://%2").arg(scheme, formatPeer(address(), port()));
}

int ApiServer::connectionCount() const
{
    return m_http ? m_http->connectionCount() : 0;
}

int ApiServer::maxConnections() const
{
    return m_http ? m_http->maxConnections() : m_config.maxConnections;
}

void ApiServer::acceptWebSockets()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        // Set before the event loop reads the first frame; a larger message closes the
        // connection with code 1009 (message too big).
        socket->setMaxAllowedIncomingMessageSize(quint64(m_config.maxRequestBytes));
        auto *client = new ApiWebSocketClient(socket, m_queue, m_quickReads.get(), m_config,
                                               this);
        m_clients.insert(client);
        connect(client, &ApiWebSocketClient::finished, this, &ApiServer::clientFinished);
    }
}

void ApiServer::clientFinished(ApiWebSocketClient *client)
{
    m_clients.remove(client);
    client->deleteLater();
}

void ApiServer::pushChange(const QJsonObject &message, quint64 originId)
{
    if (m_clients.isEmpty())
        return;
    QJsonObject push = message;
    // The caller's request_id means nothing to other clients and could match one of theirs.
    push.remove(QStringLiteral("request_id"));
    push.insert(QStringLiteral("push"), true);
    const QString text = QString::fromUtf8(ApiJson::toBytes(push));
    // Viewers get the same message with secret values masked, as in their own replies.
    QString maskedText;

    // A client over its send limit is closed inside the loop, so iterate over a copy.
    const QSet<ApiWebSocketClient *> clients = m_clients;
    for (ApiWebSocketClient *client : clients) {
        if (client->originId() == originId)
            continue;
        if (!client->masksSecrets()) {
            client->sendPush(text);
            continue;
        }
        if (maskedText.isEmpty()) {
            QJsonObject masked = push;
            SecretMasking::mask(masked);
            maskedText = QString::fromUtf8(ApiJson::toBytes(masked));
        }
        client->sendPush(maskedText);
    }
}

void ApiServer::endToken(const QByteArray &tokenHash)
{
    for (ApiWebSocketClient *client : std::as_const(m_clients))
        client->endToken(tokenHash);
}

void ApiServer::checkClients()
{
    const QSet<ApiWebSocketClient *> clients = m_clients;
    for (ApiWebSocketClient *client : clients)
        client->checkAlive();
    if (m_sinceTokenCheck.elapsed() >= m_config.pingInterval.count()) {
        m_sinceTokenCheck.restart();
        dropInvalidTokens();
    }
}

// Finds tokens that expired without anyone using them, since only a request or a logout
// makes the dispatcher report a token's end.
void ApiServer::dropInvalidTokens()
{
    QSet<QByteArray> tokens;
    for (ApiWebSocketClient *client : std::as_const(m_clients)) {
        if (client->receivesPushes())
            tokens.insert(client->tokenHash());
    }
    // NOTE: isTokenValid() blocks this thread until the dispatcher's thread is free, which
    // can take as long as a running import.
    for (const QByteArray &token : std::as_const(tokens)) {
        if (!m_queue.isTokenValid(token))
            endToken(token);
    }
}

} // namespace fsd
