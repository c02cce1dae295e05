// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/DispatchOutcome.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <optional>

class QWebSocket;

namespace fsd {

class DispatchQueue;
class QuickReads;
struct ApiServerConfig;

// One WebSocket client of the API: runs its text messages through the dispatcher, sends the
// replies in request order, and receives pushes once bound to a token (by its login or its
// first successful request) until that token ends.
class ApiWebSocketClient : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `socket`. `queue`, `quickReads` (optional) and `config` must outlive
    // the client.
    ApiWebSocketClient(QWebSocket *socket, DispatchQueue &queue, QuickReads *quickReads,
                       const ApiServerConfig &config, QObject *parent = nullptr);
    ~ApiWebSocketClient() override;

    // The RequestContext::originId of this client's requests, so its own changes are not
    // pushed back to it.
    quint64 originId() const { return quint64(reinterpret_cast<quintptr>(this)); }
    QByteArray tokenHash() const { return m_tokenHash; }
    bool receivesPushes() const { return !m_tokenHash.isEmpty(); }
    // True when the bound token is a viewer's, whose pushes must have secrets masked.
    bool masksSecrets() const { return m_masksSecrets; }
    QString peer() const { return m_peer; }

    // Sends a push (already serialized) unless the client is unbound.
    void sendPush(const QString &text);
    // Stops pushes when `tokenHash` is the token this client is bound to.
    void endToken(const QByteArray &tokenHash);
    // Sends a ping when one is due; disconnects when the last pong is older than the timeout.
    void checkAlive();
    // Closes the WebSocket with `code` (going away by default) and drops the TCP connection.
    void close();

signals:
    // The connection ended; the server deletes the client.
    void finished(fsd::ApiWebSocketClient *client);

private:
    void receiveText(const QString &text);
    void receiveBinary(const QByteArray &data);
    quint64 openSlot();
    void fillSlot(quint64 sequence, const QJsonObject &reply);
    void flushReplies();
    void applyOutcome(const DispatchOutcome &outcome);
    bool sendText(const QString &text);
    void writeNow();
    void onDisconnected();

    QWebSocket *m_socket;
    DispatchQueue &m_queue;
    QuickReads *m_quickReads;
    const ApiServerConfig &m_config;
    QString m_peer;
    QString m_peerAddress;
    QByteArray m_tokenHash;
    bool m_masksSecrets = false;

    // Replies in request order: a slot per request, sent once every earlier one was sent.
    std::deque<std::optional<QString>> m_replies;
    quint64 m_firstSequence = 0;

    QElapsedTimer m_sinceLastPong;
    QElapsedTimer m_sinceLastPing;
    bool m_finished = false;
};

} // namespace fsd
