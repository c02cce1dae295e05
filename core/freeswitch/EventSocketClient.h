// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/freeswitch/EslMessage.h"
#include "core/freeswitch/EslParser.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace fsd::freeswitch {

// Address and password of FreeSWITCH's Event Socket. The defaults are those of the sample
// event_socket.conf.xml.
struct EventSocketSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8021;
    QString password = QStringLiteral("ClueCon");
    // How long to wait for the connection, the greeting, the authentication and each reply.
    int timeoutMs = 10000;
};

// An asynchronous client of FreeSWITCH's Event Socket (mod_event_socket, inbound mode):
// connects, waits for "Content-Type: auth/request", authenticates, then sends commands whose
// replies come back in order (command/reply, or api/response with a Content-Length body).
// Events named in subscribe() arrive as eventReceived(). Every error names the host and port.
// Lives in the thread that created it.
class EventSocketClient : public QObject
{
    Q_OBJECT

public:
    using ApiCallback = std::function<void(Result<QByteArray>)>;
    using StatusCallback = std::function<void(Status)>;

    explicit EventSocketClient(QObject *parent = nullptr);
    ~EventSocketClient() override;

    // Connects and authenticates; emits ready() or failed().
    void connectToFreeSwitch(const EventSocketSettings &settings);
    // Sends `exit` and emits closed() once FreeSWITCH has closed the connection, or after the
    // timeout. FreeSWITCH replies "+OK bye" and sends a text/disconnect-notice, which are no
    // error.
    // Pending callbacks receive an error.
    void disconnectFromFreeSwitch();
    bool isReady() const { return m_state == State::Ready; }
    // "host:port" of the current settings, for messages.
    QString address() const;

    // Runs `api COMMAND` and calls back with its output. Output starting with "-ERR" is an
    // error. Call after ready().
    void api(const QString &command, ApiCallback callback);
    // Subscribes to events ("event plain NAME ..."); they arrive as eventReceived().
    void subscribe(const QStringList &eventNames, StatusCallback callback);

    // Connects, runs each `api` command in turn and disconnects, blocking the calling thread
    // without running its event loop. For callers that must reply synchronously, such as
    // event handlers.
    static Result<QList<QByteArray>> runApiCommands(const EventSocketSettings &settings,
                                                    const QStringList &commands);

signals:
    void ready();
    // The connection that disconnectFromFreeSwitch() ended is closed.
    void closed();
    // The connection failed or was lost; pending callbacks have received the same error.
    void failed(const fsd::ApiError &error);
    void eventReceived(const fsd::freeswitch::EslMessage &event);

private:
    enum class State { Idle, Connecting, AwaitingGreeting, Authenticating, Ready, Closing };
    struct Pending
    {
        QByteArray command;
        std::function<void(Result<EslMessage>)> callback;
    };

    void send(const QByteArray &command, std::function<void(Result<EslMessage>)> callback);
    void onReadyRead();
    void onMessage(const EslMessage &message);
    void onClosingMessage(const EslMessage &message);
    void finishClosing();
    void onSocketError();
    void onTimeout();
    void fail(const ApiError &error);
    void armTimer();
    ApiError error(const QString &detail) const;

    EventSocketSettings m_settings;
    QTcpSocket m_socket;
    QTimer m_timer;
    EslParser m_parser;
    QQueue<Pending> m_pending;
    State m_state = State::Idle;
};

} // namespace fsd::freeswitch
