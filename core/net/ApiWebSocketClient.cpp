// SPDX-License-Identifier: MPL-2.0
#include "core/net/ApiWebSocketClient.h"

#include "core/events/DispatchQueue.h"
#include "core/events/QuickReads.h"
#include "core/http/HttpRequest.h"
#include "core/net/ApiJson.h"
#include "core/net/ApiServerConfig.h"
#include "core/net/NetLog.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace fsd {

ApiWebSocketClient::ApiWebSocketClient(QWebSocket *socket, DispatchQueue &queue,
                                       QuickReads *quickReads, const ApiServerConfig &config,
                                       QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_queue(queue)
    , m_quickReads(quickReads)
    , m_config(config)
    , m_peer(formatPeer(socket->peerAddress(), socket->peerPort()))
    , m_peerAddress(formatAddress(socket->peerAddress()))
{
    socket->setParent(this);
    m_sinceLastPong.start();
    m_sinceLastPing.start();

    connect(socket, &QWebSocket::textMessageReceived, this, &ApiWebSocketClient::receiveText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ApiWebSocketClient::receiveBinary);
    connect(socket, &QWebSocket::pong, this, [this]() { m_sinceLastPong.restart(); });
    connect(socket, &QWebSocket::disconnected, this, &ApiWebSocketClient::onDisconnected);
    qCDebug(lcNet).noquote() << "WebSocket client" << m_peer << "connected";
}

ApiWebSocketClient::~ApiWebSocketClient()
{
    // The TCP socket belongs to QWebSocketServer, which deletes it once it disconnects, so it
    // must not outlive its WebSocket in a connected state.
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
}

void ApiWebSocketClient::receiveText(const QString &text)
{
    // With an earlier request still queued, a quick read would overtake it and might miss its
    // change, so it queues too.
    const bool nothingQueued = m_replies.empty();
    const quint64 sequence = openSlot();
    QString detail;
    const std::optional<QJsonObject> request = ApiJson::parseRequest(text.toUtf8(), &detail);
    if (!request) {
        qCInfo(lcNet).noquote() << "Rejected a WebSocket message from" << m_peer << "-" << detail;
        return fillSlot(sequence, ApiJson::invalidRequest(detail));
    }

    RequestContext context;
    context.peer = m_peerAddress;
    context.originId = originId();
    if (m_quickReads && nothingQueued) {
        if (const auto outcome = m_quickReads->tryDispatch(*request, context)) {
            applyOutcome(*outcome);
            return fillSlot(sequence, outcome->reply);
        }
    }
    m_queue.submit(*request, context, this, [this, sequence](const DispatchOutcome &outcome) {
        applyOutcome(outcome);
        fillSlot(sequence, outcome.reply);
    });
}

void ApiWebSocketClient::receiveBinary(const QByteArray &data)
{
    qCInfo(lcNet).noquote() << "Rejected a binary WebSocket message of" << data.size()
                            << "bytes from" << m_peer;
    fillSlot(openSlot(), ApiJson::invalidRequest(QStringLiteral(
                             "Binary messages are not accepted; send each request as one text "
                             "message holding a JSON object.")));
}

void ApiWebSocketClient::applyOutcome(const DispatchOutcome &outcome)
{
    if (outcome.loggedOut) {
        endToken(outcome.tokenHash);
        return;
    }
    if (outcome.isError() || outcome.tokenHash.isEmpty())
        return;
    // A login binds to its new token; any other request binds only an unbound client.
    const bool isLogin = outcome.reply.value(QStringLiteral("MessageType")).toString()
        == QLatin1String("login");
    if (m_tokenHash.isEmpty() || isLogin) {
        m_tokenHash = outcome.tokenHash;
        m_masksSecrets = outcome.masksSecrets;
    }
}

quint64 ApiWebSocketClient::openSlot()
{
    m_replies.emplace_back();
    return m_firstSequence + m_replies.size() - 1;
}

void ApiWebSocketClient::fillSlot(quint64 sequence, const QJsonObject &reply)
{
    if (m_finished || sequence < m_firstSequence)
        return;
    m_replies[sequence - m_firstSequence] = QString::fromUtf8(ApiJson::toBytes(reply));
    flushReplies();
}

void ApiWebSocketClient::flushReplies()
{
    bool sent = false;
    while (!m_replies.empty() && m_replies.front().has_value() && !m_finished) {
        const QString text = std::move(*m_replies.front());
        m_replies.pop_front();
        ++m_firstSequence;
        if (!sendText(text))
            return;
        sent = true;
    }
    if (sent)
        writeNow();
}

void ApiWebSocketClient::sendPush(const QString &text)
{
    // Not written at once like replies: a push waits for the next writable notification, so
    // pushes of changes that commit in the same event loop pass share one write. With 100
    // clients this cut the p99 reply latency from about 29 to 15-20 ms (bench_api_load).
    if (!m_finished && receivesPushes())
        sendText(text);
}

void ApiWebSocketClient::writeNow()
{
    // QTcpSocket buffers a message until the event loop reports the socket writable, which
    // costs one more pass of the event loop per message. Writing at once cut the poll() calls
    // of a Get_user_details round trip from 6 to 5 (strace, bench/api).
    m_socket->flush();
}

bool ApiWebSocketClient::sendText(const QString &text)
{
    // The backlog, not the new message, is checked, so one reply larger than the limit (a big
    // details list) still goes out to a client that reads.
    const qint64 waiting = m_socket->bytesToWrite();
    if (waiting > m_config.maxSendQueueBytes) {
        qCWarning(lcNet).noquote() << "Disconnected WebSocket client" << m_peer << "because"
                                   << waiting << "bytes were still waiting to be sent (limit"
                                   << m_config.maxSendQueueBytes << "bytes)";
        close();
        return false;
    }
    m_socket->sendTextMessage(text);
    return true;
}

void ApiWebSocketClient::endToken(const QByteArray &tokenHash)
{
    if (!m_tokenHash.isEmpty() && m_tokenHash == tokenHash) {
        qCDebug(lcNet).noquote() << "WebSocket client" << m_peer << "stops receiving pushes: "
                                 << "its token ended";
        m_tokenHash.clear();
    }
}

void ApiWebSocketClient::checkAlive()
{
    if (m_finished)
        return;
    if (m_sinceLastPong.elapsed() > m_config.pongTimeout.count()) {
        qCInfo(lcNet).noquote() << "Disconnected WebSocket client" << m_peer << "after"
                                << m_config.pongTimeout.count() << "ms without a pong";
        return close();
    }
    if (m_sinceLastPing.elapsed() >= m_config.pingInterval.count()) {
        m_sinceLastPing.restart();
        m_socket->ping();
    }
}

void ApiWebSocketClient::close()
{
    if (m_finished)
        return;
    m_socket->abort();
    onDisconnected();
}

void ApiWebSocketClient::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_replies.clear();
    qCDebug(lcNet).noquote() << "WebSocket client" << m_peer << "disconnected, close code"
                             << int(m_socket->closeCode());
    emit finished(this);
}

} // namespace fsd
