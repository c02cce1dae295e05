// SPDX-License-Identifier: MPL-2.0
#include "core/net/RemoteEventChannel.h"

#include "core/http/TlsFiles.h"
#include "core/net/NetLog.h"

#include <QJsonDocument>
#include <QSslConfiguration>

namespace fsd {

namespace {

const QString KeyEvent = QStringLiteral("event");
const QString KeyData = QStringLiteral("data");
const QString KeyError = QStringLiteral("error");
const QString KeyRequestId = QStringLiteral("request_id");
const QString KeyToken = QStringLiteral("token");

QJsonObject errorReply(const QString &event, const QString &error, const QString &detail)
{
    return QJsonObject{{QStringLiteral("MessageType"), event},
                       {KeyError, error},
                       {QStringLiteral("detail"), detail}};
}

} // namespace

RemoteEventChannel::RemoteEventChannel(const QUrl &url, QObject *parent)
    : EventChannel(parent)
    , m_url(url)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RemoteEventChannel::openSocket);
    connect(&m_socket, &QWebSocket::connected, this, &RemoteEventChannel::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RemoteEventChannel::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RemoteEventChannel::onTextMessage);
    connect(&m_socket, &QWebSocket::sslErrors, this, &RemoteEventChannel::onSslErrors);
}

RemoteEventChannel::~RemoteEventChannel()
{
    m_wantConnected = false;
    m_socket.abort();
}

void RemoteEventChannel::connectToServer(const QString &login, const QString &password)
{
    m_login = login;
    m_password = password;
    m_token.clear();
    m_role.clear();
    m_wantConnected = true;
    m_everConnected = false;
    m_nextDelay = m_firstDelay;
    openSocket();
}

void RemoteEventChannel::disconnectFromServer()
{
    m_wantConnected = false;
    m_reconnectTimer.stop();
    m_password.clear();
    if (m_state == State::Connected && !m_token.isEmpty())
        sendRaw(QJsonObject{{KeyEvent, QStringLiteral("logout")}, {KeyData, QJsonObject{{KeyToken, m_token}}}},
                nullptr, {});
    m_token.clear();
    m_socket.close();
    setState(State::Disconnected);
}

void RemoteEventChannel::setTrustedCertificateFingerprint(const QString &fingerprint)
{
    m_trustedFingerprint = fingerprint;
}

void RemoteEventChannel::acceptCertificate(const QString &fingerprint)
{
    m_trustedFingerprint = fingerprint;
    m_awaitingCertificateDecision = false;
    if (m_wantConnected)
        openSocket();
}

void RemoteEventChannel::setReconnectDelays(std::chrono::milliseconds first,
                                            std::chrono::milliseconds max)
{
    m_firstDelay = first;
    m_maxDelay = max;
    m_nextDelay = first;
}

void RemoteEventChannel::openSocket()
{
    if (!m_wantConnected || m_awaitingCertificateDecision)
        return;
    setState(State::Connecting);
    m_socket.abort();
    m_socket.open(m_url);
}

void RemoteEventChannel::onConnected()
{
    m_nextDelay = m_firstDelay;
    if (m_token.isEmpty()) {
        const QJsonObject login{{KeyEvent, QStringLiteral("login")},
                                {KeyData, QJsonObject{{QStringLiteral("login"), m_login},
                                                      {QStringLiteral("password"), m_password}}}};
        sendInternal(login, [this](const QJsonObject &reply) { handleLoginReply(reply); });
        return;
    }
    // After a reconnect, a request with the token binds the new socket to it for pushes.
    const QJsonObject rebind{{KeyEvent, QStringLiteral("[Domains][Get] Domains")},
                             {KeyData, QJsonObject{{KeyToken, m_token}}}};
    sendInternal(rebind, [this](const QJsonObject &reply) { handleRebindReply(reply); });
}

void RemoteEventChannel::handleLoginReply(const QJsonObject &reply)
{
    m_password.clear();
    if (reply.contains(KeyError)) {
        const QString error = reply.value(KeyError).toString();
        qCInfo(lcNet).noquote() << "Login to" << m_url.toDisplayString() << "failed:" << error;
        m_wantConnected = false;
        m_socket.close();
        setState(State::Disconnected);
        emit loginFailed(error, reply.value(QStringLiteral("detail")).toString());
        return;
    }
    m_token = reply.value(KeyToken).toString();
    m_role = reply.value(QStringLiteral("role")).toString();
    m_everConnected = true;
    setState(State::Connected);
    emit loggedIn(m_role);
}

void RemoteEventChannel::handleRebindReply(const QJsonObject &reply)
{
    if (reply.value(KeyError).toString() == QLatin1String("unauthorized")) {
        m_token.clear();
        m_wantConnected = false;
        m_socket.close();
        setState(State::Disconnected);
        emit tokenExpired();
        return;
    }
    setState(State::Connected);
    qCInfo(lcNet).noquote() << "Reconnected to" << m_url.toDisplayString();
    emit resynchronised();
}

void RemoteEventChannel::onDisconnected()
{
    failPending(QStringLiteral("connection lost"));
    if (!m_wantConnected || m_awaitingCertificateDecision) {
        if (!m_awaitingCertificateDecision)
            setState(State::Disconnected);
        return;
    }
    const QString message = m_socket.errorString();
    qCInfo(lcNet).noquote() << "Connection to" << m_url.toDisplayString() << "lost:" << message;
    emit connectionError(message);
    if (!m_everConnected) {
        // The first connection failed: there is no session to resume.
        m_wantConnected = false;
        m_password.clear();
        setState(State::Disconnected);
        return;
    }
    scheduleReconnect();
}

void RemoteEventChannel::scheduleReconnect()
{
    setState(State::Connecting);
    m_reconnectTimer.start(m_nextDelay);
    m_nextDelay = std::min(m_nextDelay * 2, m_maxDelay);
}

void RemoteEventChannel::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    const QString fingerprint = certificateFingerprint(certificate);
    if (!certificate.isNull() && fingerprint == m_trustedFingerprint) {
        m_socket.ignoreSslErrors();
        return;
    }
    QStringList reasons;
    for (const QSslError &error : errors)
        reasons << error.errorString();
    qCInfo(lcNet).noquote() << "The certificate of" << m_url.toDisplayString()
                            << "is not trusted:" << reasons.join(QStringLiteral("; "));
    m_awaitingCertificateDecision = true;
    m_socket.abort();
    setState(State::Disconnected);
    emit certificateConfirmationRequired(fingerprint,
                                         certificate.subjectDisplayName());
}

void RemoteEventChannel::send(const QJsonObject &request, QObject *context, ReplyCallback onReply)
{
    const QString event = request.value(KeyEvent).toString();
    if (m_state != State::Connected) {
        const Pending pending{event, context, std::move(onReply)};
        const QJsonObject reply = errorReply(event, QStringLiteral("not connected"),
                                             QStringLiteral("The connection to %1 is not open.")
                                                 .arg(m_url.toDisplayString()));
        QMetaObject::invokeMethod(this, [pending, reply]() { deliver(pending, reply); },
                                  Qt::QueuedConnection);
        return;
    }
    QJsonObject withToken = request;
    if (event != QLatin1String("login")) {
        QJsonObject data = request.value(KeyData).toObject();
        data.insert(KeyToken, m_token);
        withToken.insert(KeyData, data);
    }
    sendRaw(withToken, context, std::move(onReply));
}

void RemoteEventChannel::sendInternal(const QJsonObject &request, ReplyCallback onReply)
{
    sendRaw(request, this, std::move(onReply));
}

void RemoteEventChannel::sendRaw(QJsonObject request, QObject *context, ReplyCallback onReply)
{
    const qint64 requestId = m_nextRequestId++;
    request.insert(KeyRequestId, requestId);
    if (onReply)
        m_pending.insert(requestId, Pending{request.value(KeyEvent).toString(), context, std::move(onReply)});
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

void RemoteEventChannel::onTextMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QStringLiteral("push")).toBool()) {
        emit pushed(message);
        return;
    }
    const QJsonValue requestId = message.value(KeyRequestId);
    const auto pending = m_pending.constFind(requestId.toInteger(-1));
    if (pending == m_pending.constEnd()) {
        qCDebug(lcNet) << "Ignored a reply without a matching request from" << m_url.toDisplayString();
        return;
    }
    const Pending entry = *pending;
    m_pending.erase(pending);

    QJsonObject reply = message;
    reply.remove(KeyRequestId);
    const bool tokenRejected = reply.value(KeyError).toString() == QLatin1String("unauthorized")
        && !m_token.isEmpty() && entry.context != this;
    deliver(entry, reply);
    if (tokenRejected) {
        m_token.clear();
        m_wantConnected = false;
        m_socket.close();
        setState(State::Disconnected);
        emit tokenExpired();
    }
}

void RemoteEventChannel::deliver(const Pending &pending, const QJsonObject &reply)
{
    if (!pending.onReply || !pending.context)
        return;
    const ReplyCallback callback = pending.onReply;
    QMetaObject::invokeMethod(pending.context, [callback, reply]() { callback(reply); },
                              Qt::AutoConnection);
}

void RemoteEventChannel::failPending(const QString &error)
{
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        deliver(entry, errorReply(entry.event, error,
                                  QStringLiteral("The connection to %1 closed before the reply.")
                                      .arg(m_url.toDisplayString())));
    }
}

void RemoteEventChannel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace fsd
