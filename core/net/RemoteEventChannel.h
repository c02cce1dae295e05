// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/EventChannel.h"

#include <QHash>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>

namespace fsd {

// The GUI's channel to a remote fsdirector over WebSocket (ws:// or wss://). It logs in with
// an operator's name and password, matches replies to requests by request_id and emits pushes.
// After a dropped connection it reconnects with growing delays and emits resynchronised(),
// because pushes sent meanwhile are lost and the GUI must reload.
//
// For wss:// with a certificate the system does not trust, it emits
// certificateConfirmationRequired() with the certificate's SHA-256 fingerprint; the GUI shows
// it and calls acceptCertificate(). The caller stores the accepted fingerprint and passes it
// to setTrustedCertificateFingerprint() next time.
class RemoteEventChannel : public EventChannel
{
    Q_OBJECT

public:
    explicit RemoteEventChannel(const QUrl &url, QObject *parent = nullptr);
    ~RemoteEventChannel() override;

    // Connects and logs in; loggedIn() or loginFailed() follows. The password is kept in memory
    // only until the login reply arrives.
    void connectToServer(const QString &login, const QString &password);
    // Logs out when logged in, closes the connection and stops reconnecting.
    void disconnectFromServer();

    // A fingerprint (colon-separated hex, as certificateFingerprint() writes it) the user
    // accepted earlier; a certificate with it is accepted without asking.
    void setTrustedCertificateFingerprint(const QString &fingerprint);
    // Accepts the certificate of certificateConfirmationRequired() and connects again.
    void acceptCertificate(const QString &fingerprint);
    // First and largest delay between reconnection attempts (default 1 s and 30 s).
    void setReconnectDelays(std::chrono::milliseconds first, std::chrono::milliseconds max);

    void send(const QJsonObject &request, QObject *context, ReplyCallback onReply) override;
    QString location() const override { return m_url.toString(); }
    State state() const override { return m_state; }
    QString role() const { return m_role; }

signals:
    void loggedIn(const QString &role);
    void loginFailed(const QString &error, const QString &detail);
    // The connection came back after a drop: reload everything shown.
    void resynchronised();
    // The server no longer accepts the token (expired or logged out): ask for a new login.
    void tokenExpired();
    void certificateConfirmationRequired(const QString &fingerprint, const QString &subject);
    // The connection failed or dropped; `message` is for a status line.
    void connectionError(const QString &message);

private:
    struct Pending
    {
        QString event;
        QPointer<QObject> context;
        ReplyCallback onReply;
    };

    void openSocket();
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString &text);
    void onSslErrors(const QList<QSslError> &errors);
    void sendInternal(const QJsonObject &request, ReplyCallback onReply);
    void sendRaw(QJsonObject request, QObject *context, ReplyCallback onReply);
    void handleLoginReply(const QJsonObject &reply);
    void handleRebindReply(const QJsonObject &reply);
    void setState(State state);
    void failPending(const QString &error);
    void scheduleReconnect();
    static void deliver(const Pending &pending, const QJsonObject &reply);

    QUrl m_url;
    QWebSocket m_socket;
    State m_state = State::Disconnected;
    QString m_login;
    QString m_password;
    QString m_token;
    QString m_role;
    QString m_trustedFingerprint;
    bool m_wantConnected = false;
    bool m_awaitingCertificateDecision = false;
    bool m_everConnected = false;

    QHash<qint64, Pending> m_pending;
    qint64 m_nextRequestId = 1;

    QTimer m_reconnectTimer;
    std::chrono::milliseconds m_firstDelay{1000};
    std::chrono::milliseconds m_maxDelay{30'000};
    std::chrono::milliseconds m_nextDelay{1000};
};

} // namespace fsd
