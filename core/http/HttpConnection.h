// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <deque>

#include <llhttp.h>

class QTcpSocket;

namespace fsd {

class HttpServer;
struct HttpServerConfig;

// One client connection of an HttpServer: feeds llhttp, queues responses in request order,
// enforces the limits and timeouts, and hands WebSocket upgrades over. Internal to HttpServer.
//
// Bytes of a request header stay in the socket (read with peek()) until the header is
// complete, so that a WebSocket upgrade can be handed to QWebSocketServer, which reads the
// handshake from the socket itself. Everything else is removed from the socket once llhttp
// has consumed it.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `socket`, which must be connected (or, for TLS, in its handshake).
    HttpConnection(QTcpSocket *socket, bool tls, HttpServer *server);
    ~HttpConnection() override;

    // Fills the response slot `sequence` and writes every ready response at the front.
    void respond(quint64 sequence, HttpResponse response);
    // Closes the connection at once, dropping unsent responses.
    void abort();

    QString peer() const { return m_peer; }

signals:
    // The socket closed; the server deletes the connection.
    void finished(fsd::HttpConnection *connection);

private:
    enum class Phase { BetweenRequests, Header, Body };

    // One response to be written, in request order.
    struct Slot
    {
        quint64 sequence = 0;
        bool head = false;
        bool http10 = false;
        bool closeAfter = false;
        bool ready = false;
        QByteArray interim;     // "100 Continue", written before the final response
        QByteArray serialized;  // the final response
    };

    static int onMessageBegin(llhttp_t *parser);
    static int onUrl(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderField(llhttp_t *parser, const char *at, size_t length);
    static int onHeaderValue(llhttp_t *parser, const char *at, size_t length);
    static int onHeadersComplete(llhttp_t *parser);
    static int onBody(llhttp_t *parser, const char *at, size_t length);
    static int onMessageComplete(llhttp_t *parser);
    static const llhttp_settings_t &parserSettings();

    int headersComplete();
    int body(const char *at, size_t length);
    int messageComplete();
    bool isWebSocketUpgrade() const;
    bool countHeaderBytes(size_t length);

    void processInput();
    bool feedParser();
    void dispatchRequest();
    Slot &openSlot(bool closeAfter);
    void fillSlot(Slot &slot, HttpResponse response);
    void rejectRequest(int status, const QByteArray &message, bool closeAfter);
    void flushResponses();
    void closeGracefully();
    void handOverSocket();
    void onDisconnected();
    void onTimeout();
    void noteActivity();
    void updateTimer();

    HttpServer *m_server;
    const HttpServerConfig &m_config;
    QTcpSocket *m_socket;
    bool m_tls;
    bool m_ready;
    QString m_peer;
    llhttp_t m_parser;

    Phase m_phase = Phase::BetweenRequests;
    HttpRequest m_request;
    bool m_lastWasValue = false;
    qint64 m_headerBytes = 0;
    // Bytes of the current header left in the socket and already fed to llhttp.
    qint64 m_unconsumed = 0;
    bool m_discardingBody = false;
    bool m_requestComplete = false;
    bool m_hasCurrentSlot = false;
    quint64 m_currentSequence = 0;

    std::deque<Slot> m_slots;
    quint64 m_nextSequence = 0;
    bool m_stopReading = false;
    bool m_closing = false;
    bool m_handOverRequested = false;
    bool m_handedOver = false;
    bool m_processing = false;
    bool m_processAgain = false;
    bool m_finished = false;
    int m_requestsStarted = 0;

    QDeadlineTimer m_headerDeadline;
    QDeadlineTimer m_idleDeadline;
    QTimer m_timer;
};

} // namespace fsd
