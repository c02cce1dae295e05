// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpConnection.h"

#include "core/http/HttpLog.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QPointer>
#include <QSslSocket>
#include <QWebSocketServer>

namespace fsd {

namespace {

// Largest slice handed to llhttp at once; it bounds the copy that peek() makes.
constexpr qint64 MaxChunkBytes = 256 * 1024;

HttpConnection *connectionOf(llhttp_t *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, bool tls, HttpServer *server)
    : QObject(server)
    , m_server(server)
    , m_config(server->config())
    , m_socket(socket)
    , m_tls(tls)
    , m_ready(!tls)
    , m_peer(formatPeer(socket->peerAddress(), socket->peerPort()))
{
    socket->setParent(this);
    llhttp_init(&m_parser, HTTP_REQUEST, &parserSettings());
    m_parser.data = this;

    // Bounds what Qt reads ahead while requests wait for their responses. It must hold a whole
    // header, because header bytes stay in the socket until the header is complete.
    socket->setReadBufferSize(qMax<qint64>(m_config.maxHeaderBytes + MaxChunkBytes, 512 * 1024));

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(socket, &QTcpSocket::bytesWritten, this, [this]() {
        noteActivity();
        updateTimer();
    });
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::RemoteHostClosedError)
                    return;
                if (!m_ready && m_tls) {
                    qCInfo(lcHttp).noquote() << "TLS handshake with" << m_peer
                                             << "failed:" << m_socket->errorString();
                } else {
                    qCDebug(lcHttp).noquote() << "Connection from" << m_peer
                                              << "failed:" << m_socket->errorString();
                }
                abort();
            });
    if (tls) {
        auto *sslSocket = static_cast<QSslSocket *>(socket);
        connect(sslSocket, &QSslSocket::encrypted, this, [this]() {
            m_ready = true;
            processInput();
        });
    }

    m_headerDeadline = QDeadlineTimer(m_config.headerTimeout);
    noteActivity();
    updateTimer();
}

HttpConnection::~HttpConnection() = default;

const llhttp_settings_t &HttpConnection::parserSettings()
{
    static const llhttp_settings_t settings = [] {
        llhttp_settings_t s;
        llhttp_settings_init(&s);
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

// --- llhttp callbacks -------------------------------------------------------------------------

int HttpConnection::onMessageBegin(llhttp_t *parser)
{
    HttpConnection *self = connectionOf(parser);
    self->m_request = HttpRequest{};
    self->m_request.peerAddress = self->m_socket->peerAddress();
    self->m_request.peerPort = self->m_socket->peerPort();
    self->m_request.secure = self->m_tls;
    self->m_lastWasValue = false;
    self->m_headerBytes = 0;
    self->m_discardingBody = false;
    self->m_phase = Phase::Header;
    // The first request's header time counts from the connection's start.
    if (self->m_requestsStarted++ > 0)
        self->m_headerDeadline = QDeadlineTimer(self->m_config.headerTimeout);
    return HPE_OK;
}

int HttpConnection::onUrl(llhttp_t *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return HPE_USER;
    self->m_request.target.append(at, qsizetype(length));
    return HPE_OK;
}

int HttpConnection::onHeaderField(llhttp_t *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return HPE_USER;
    auto &headers = self->m_request.headers;
    if (headers.isEmpty() || self->m_lastWasValue)
        headers.emplaceBack();
    self->m_lastWasValue = false;
    headers.last().first.append(at, qsizetype(length));
    return HPE_OK;
}

int HttpConnection::onHeaderValue(llhttp_t *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return HPE_USER;
    auto &headers = self->m_request.headers;
    if (headers.isEmpty())
        headers.emplaceBack();
    self->m_lastWasValue = true;
    headers.last().second.append(at, qsizetype(length));
    return HPE_OK;
}

int HttpConnection::onHeadersComplete(llhttp_t *parser)
{
    return connectionOf(parser)->headersComplete();
}

int HttpConnection::onBody(llhttp_t *parser, const char *at, size_t length)
{
    return connectionOf(parser)->body(at, length);
}

int HttpConnection::onMessageComplete(llhttp_t *parser)
{
    return connectionOf(parser)->messageComplete();
}

bool HttpConnection::countHeaderBytes(size_t length)
{
    m_headerBytes += qint64(length);
    if (m_headerBytes <= m_config.maxHeaderBytes)
        return true;
    rejectRequest(431, "request header larger than " + QByteArray::number(m_config.maxHeaderBytes)
                           + " bytes",
                  true);
    m_stopReading = true;
    return false;
}

int HttpConnection::headersComplete()
{
    m_phase = Phase::Body;
    m_request.method = llhttp_method_name(llhttp_method_t(m_parser.method));
    m_request.httpMajor = m_parser.http_major;
    m_request.httpMinor = m_parser.http_minor;
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);
    for (auto &field : m_request.headers)
        field.second = field.second.trimmed();

    if (isWebSocketUpgrade()) {
        m_handOverRequested = true;
        return HPE_PAUSED;
    }

    // Other upgrades (h2c, CONNECT) get a plain HTTP/1.1 response and end the connection,
    // because llhttp stops parsing after them.
    const bool closeAfter = !llhttp_should_keep_alive(&m_parser) || m_parser.upgrade;
    Slot &slot = openSlot(closeAfter);
    slot.head = m_parser.method == HTTP_HEAD;
    slot.http10 = m_request.httpMajor == 1 && m_request.httpMinor == 0;
    m_hasCurrentSlot = true;
    m_currentSequence = slot.sequence;

    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const quint64 contentLength = (m_parser.flags & F_CONTENT_LENGTH) ? m_parser.content_length : 0;
    const QByteArray expect = m_request.header("Expect");
    const bool expectContinue = expect.compare("100-continue", Qt::CaseInsensitive) == 0;

    if (!expect.isEmpty() && !expectContinue) {
        rejectRequest(417, "unsupported Expect header: " + expect.left(64), true);
        m_stopReading = true;
        return HPE_PAUSED;
    }
    if (contentLength > quint64(m_config.maxBodyBytes)) {
        const QByteArray message = "request body of " + QByteArray::number(contentLength)
            + " bytes is larger than the limit of " + QByteArray::number(m_config.maxBodyBytes)
            + " bytes";
        // A body that the client may hold back after a final status, or a huge one, is not read.
        if (expectContinue || contentLength > quint64(m_config.maxDiscardedBodyBytes)) {
            rejectRequest(413, message, true);
            m_stopReading = true;
            return HPE_PAUSED;
        }
        rejectRequest(413, message, false);
        m_discardingBody = true;
        return HPE_OK;
    }
    if (expectContinue && slot.http10 == false && (chunked || contentLength > 0)) {
        slot.interim = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
        flushResponses();
    }
    return HPE_OK;
}

int HttpConnection::body(const char *at, size_t length)
{
    if (m_discardingBody)
        return HPE_OK;
    if (m_request.body.size() + qint64(length) > m_config.maxBodyBytes) {
        rejectRequest(413, "request body larger than the limit of "
                               + QByteArray::number(m_config.maxBodyBytes) + " bytes",
                      true);
        m_stopReading = true;
        return HPE_USER;
    }
    m_request.body.append(at, qsizetype(length));
    return HPE_OK;
}

int HttpConnection::messageComplete()
{
    m_phase = Phase::BetweenRequests;
    if (!m_discardingBody && m_hasCurrentSlot)
        m_requestComplete = true;
    m_discardingBody = false;
    // Pausing after every request gives feedParser() the offset where the next one starts.
    return HPE_PAUSED;
}

bool HttpConnection::isWebSocketUpgrade() const
{
    if (!m_server->m_webSocketServer || !m_parser.upgrade || m_parser.method != HTTP_GET)
        return false;
    if (m_request.path != m_server->m_webSocketPath)
        return false;
    return m_request.header("Upgrade").toLower().contains("websocket");
}

// --- input ------------------------------------------------------------------------------------

void HttpConnection::processInput()
{
    if (m_processing) {
        m_processAgain = true;
        return;
    }
    m_processing = true;
    do {
        m_processAgain = false;
        while (feedParser()) {
        }
    } while (m_processAgain);
    m_processing = false;

    if (m_handOverRequested && !m_handedOver && m_slots.empty() && !m_finished) {
        handOverSocket();
        return;
    }
    updateTimer();
}

// Feeds llhttp one slice of the socket's data. Returns true when it should be called again.
bool HttpConnection::feedParser()
{
    if (!m_ready || m_stopReading || m_handOverRequested || m_finished || m_closing)
        return false;
    if (m_slots.size() >= size_t(qMax(1, m_config.maxPipelinedRequests)))
        return false;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_unconsumed)
        return false;

    const QByteArray data = m_socket->peek(qMin(available, m_unconsumed + MaxChunkBytes));
    const char *begin = data.constData() + m_unconsumed;
    const size_t length = size_t(data.size() - m_unconsumed);
    const llhttp_errno_t result = llhttp_execute(&m_parser, begin, length);
    size_t used = length;
    if (result == HPE_PAUSED || result == HPE_PAUSED_UPGRADE)
        used = size_t(llhttp_get_error_pos(&m_parser) - begin);

    // The upgrade request stays in the socket for QWebSocketServer.
    if (m_handOverRequested)
        return false;

    if (result != HPE_OK && result != HPE_PAUSED && result != HPE_PAUSED_UPGRADE) {
        // HPE_USER means a callback has already queued the error response.
        if (result != HPE_USER) {
            rejectRequest(400, QByteArray("malformed request: ") + llhttp_get_error_reason(&m_parser),
                          true);
        }
        m_stopReading = true;
        return false;
    }

    if (m_phase == Phase::Header) {
        m_unconsumed += qint64(used);
    } else {
        m_socket->skip(m_unconsumed + qint64(used));
        m_unconsumed = 0;
    }
    noteActivity();

    if (result == HPE_PAUSED_UPGRADE) {
        m_stopReading = true;
        return false;
    }
    if (result == HPE_PAUSED) {
        if (m_requestComplete) {
            m_requestComplete = false;
            dispatchRequest();
        }
        if (m_stopReading)
            return false;
        llhttp_resume(&m_parser);
    }
    return true;
}

void HttpConnection::dispatchRequest()
{
    m_hasCurrentSlot = false;
    HttpResponder responder(this, m_currentSequence);
    if (!m_slots.empty())
        m_request.pendingBefore = int(m_currentSequence - m_slots.front().sequence);
    const HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    if (m_server->m_handler)
        m_server->m_handler(request, responder);
    else
        responder.send(m_server->errorResponse(404, "no handler for " + request.path));
}

// --- output -----------------------------------------------------------------------------------

HttpConnection::Slot &HttpConnection::openSlot(bool closeAfter)
{
    Slot slot;
    slot.sequence = m_nextSequence++;
    slot.closeAfter = closeAfter;
    m_slots.push_back(std::move(slot));
    return m_slots.back();
}

void HttpConnection::fillSlot(Slot &slot, HttpResponse response)
{
    slot.closeAfter = slot.closeAfter || response.closeConnection;
    slot.serialized = response.serialize(slot.head, slot.http10, slot.closeAfter);
    slot.ready = true;
}

void HttpConnection::respond(quint64 sequence, HttpResponse response)
{
    if (m_finished || m_handedOver || m_slots.empty() || sequence < m_slots.front().sequence)
        return;
    const quint64 index = sequence - m_slots.front().sequence;
    if (index >= m_slots.size() || m_slots[index].ready)
        return;
    fillSlot(m_slots[index], std::move(response));
    flushResponses();
    // A freed pipeline place may let more buffered requests through.
    processInput();
}

void HttpConnection::rejectRequest(int status, const QByteArray &message, bool closeAfter)
{
    qCInfo(lcHttp).noquote() << "Rejected a request from" << m_peer << "with" << status << "-"
                             << QString::fromLatin1(message);
    Slot *slot = nullptr;
    if (m_hasCurrentSlot && !m_slots.empty() && m_currentSequence >= m_slots.front().sequence)
        slot = &m_slots[m_currentSequence - m_slots.front().sequence];
    else
        slot = &openSlot(closeAfter);
    m_hasCurrentSlot = false;
    slot->closeAfter = slot->closeAfter || closeAfter;
    fillSlot(*slot, m_server->errorResponse(status, message));
    flushResponses();
}

void HttpConnection::flushResponses()
{
    bool wrote = false;
    while (!m_slots.empty() && !m_closing && !m_finished) {
        Slot &front = m_slots.front();
        if (!front.interim.isEmpty()) {
            m_socket->write(front.interim);
            front.interim.clear();
            wrote = true;
        }
        if (!front.ready)
            break;
        m_socket->write(front.serialized);
        wrote = true;
        const bool close = front.closeAfter;
        m_slots.pop_front();
        if (close) {
            closeGracefully();
            break;
        }
    }
    // Without flush(), QTcpSocket writes only once the event loop reports the socket writable,
    // which costs one more loop pass per response. A closing socket flushes by itself.
    if (wrote && !m_closing && !m_finished)
        m_socket->flush();
    updateTimer();
}

void HttpConnection::closeGracefully()
{
    if (m_closing || m_finished)
        return;
    m_closing = true;
    m_stopReading = true;
    m_slots.clear();
    noteActivity();
    m_socket->disconnectFromHost();
    updateTimer();
}

void HttpConnection::abort()
{
    if (m_finished || m_handedOver)
        return;
    m_socket->abort();
    // abort() emits disconnected() only for a connected socket.
    onDisconnected();
}

void HttpConnection::handOverSocket()
{
    m_handedOver = true;
    m_timer.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->setReadBufferSize(0);
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    qCDebug(lcHttp).noquote() << "Handing the connection from" << m_peer << "to the WebSocket server";
    m_server->handOver(this, socket);
}

void HttpConnection::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    qCDebug(lcHttp).noquote() << "Connection from" << m_peer << "closed";
    emit finished(this);
}

// --- timeouts ---------------------------------------------------------------------------------

void HttpConnection::noteActivity()
{
    m_idleDeadline = QDeadlineTimer(m_config.idleTimeout);
}

void HttpConnection::updateTimer()
{
    if (m_finished || m_handedOver)
        return m_timer.stop();

    const bool awaitingHeader = !m_ready || m_phase == Phase::Header
        || (m_phase == Phase::BetweenRequests && m_requestsStarted == 0);
    const bool awaitingHandler = !m_slots.empty() && !m_slots.front().ready
        && m_socket->bytesToWrite() == 0;

    QDeadlineTimer deadline;
    if (m_closing)
        deadline = m_idleDeadline;
    else if (awaitingHeader)
        deadline = m_headerDeadline;
    else if (m_phase == Phase::Body || !awaitingHandler)
        deadline = m_idleDeadline;
    else
        return m_timer.stop();

    m_timer.start(std::chrono::milliseconds(qMax<qint64>(0, deadline.remainingTime())));
}

void HttpConnection::onTimeout()
{
    if (m_finished || m_handedOver)
        return;
    const bool awaitingHeader = !m_ready || m_phase == Phase::Header
        || (m_phase == Phase::BetweenRequests && m_requestsStarted == 0);
    const QDeadlineTimer &deadline = awaitingHeader && !m_closing ? m_headerDeadline : m_idleDeadline;
    if (!deadline.hasExpired())
        return updateTimer();

    if (m_closing) {
        qCInfo(lcHttp).noquote() << "Aborted the connection from" << m_peer
                                 << "because it did not read its last response";
        return abort();
    }
    if (awaitingHeader) {
        qCInfo(lcHttp).noquote() << "Closed the connection from" << m_peer << "because its"
                                 << (m_ready ? "request header" : "TLS handshake")
                                 << "did not complete within" << m_config.headerTimeout.count()
                                 << "ms";
        return abort();
    }
    qCDebug(lcHttp).noquote() << "Closed the connection from" << m_peer << "after"
                              << m_config.idleTimeout.count() << "ms without traffic";
    if (m_socket->bytesToWrite() > 0 || m_phase == Phase::Body)
        return abort();
    closeGracefully();
}

} // namespace fsd
