// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/EventSocketClient.h"

#include "core/freeswitch/FreeSwitchLog.h"


namespace fsd::freeswitch {

namespace {

const QString Unreachable = QStringLiteral("can't connect to freeswitch");
const QString FreeSwitchError = QStringLiteral("freeswitch error");

} // namespace

EventSocketClient::EventSocketClient(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventSocketClient::onTimeout);
    connect(&m_socket, &QTcpSocket::readyRead, this, &EventSocketClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &EventSocketClient::onSocketError);
    connect(&m_socket, &QTcpSocket::connected, this, [this]() {
        m_state = State::AwaitingGreeting;
        armTimer();
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this]() {
        if (m_state == State::Closing)
            finishClosing();
    });
}

EventSocketClient::~EventSocketClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

QString EventSocketClient::address() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

ApiError EventSocketClient::error(const QString &detail) const
{
    return ApiError::make(Unreachable, detail);
}

void EventSocketClient::armTimer()
{
    m_timer.start(m_settings.timeoutMs);
}

void EventSocketClient::connectToFreeSwitch(const EventSocketSettings &settings)
{
    m_settings = settings;
    m_parser = EslParser();
    m_state = State::Connecting;
    qCInfo(lcFreeSwitch) << "Connecting to the Event Socket at" << address();
    armTimer();
    m_socket.connectToHost(settings.host, settings.port);
}

void EventSocketClient::disconnectFromFreeSwitch()
{
    if (m_state == State::Closing)
        return;
    m_timer.stop();
    const bool connected = m_state != State::Idle && m_state != State::Closing
                           && m_socket.state() == QAbstractSocket::ConnectedState;
    // Idle first, so that callbacks that run now see no connection.
    m_state = State::Idle;
    while (!m_pending.isEmpty())
        m_pending.dequeue().callback(error(QStringLiteral("The connection to %1 was closed.")
                                               .arg(address())));
    if (!connected) {
        m_socket.abort();
        return;
    }
    // mod_event_socket replies to `exit` with "+OK bye", then sends a text/disconnect-notice
    // and closes the connection.
    m_state = State::Closing;
    m_socket.write("exit\n\n");
    // Written now, so that `exit` reaches FreeSWITCH even when the client is destroyed before
    // its event loop runs again.
    m_socket.flush();
    armTimer();
}

void EventSocketClient::finishClosing()
{
    m_timer.stop();
    m_state = State::Idle;
    m_socket.abort();
    qCInfo(lcFreeSwitch) << "Disconnected from the Event Socket at" << address();
    emit closed();
}

void EventSocketClient::send(const QByteArray &command,
                             std::function<void(Result<EslMessage>)> callback)
{
    if (m_state != State::Ready && m_state != State::Authenticating) {
        callback(error(QStringLiteral("Not connected to FreeSWITCH's Event Socket at %1.")
                           .arg(address())));
        return;
    }
    m_pending.enqueue(Pending{command, std::move(callback)});
    m_socket.write(command + "\n\n");
    armTimer();
}

void EventSocketClient::api(const QString &command, ApiCallback callback)
{
    const QByteArray line = "api " + command.toUtf8();
    send(line, [this, line, callback = std::move(callback)](Result<EslMessage> reply) {
        if (!reply) {
            callback(reply.error());
            return;
        }
        const QByteArray body = reply->body;
        if (body.startsWith("-ERR")) {
            callback(ApiError::make(FreeSwitchError,
                                    QStringLiteral("FreeSWITCH at %1 replied \"%2\" to \"%3\".")
                                        .arg(address(), QString::fromUtf8(body.trimmed()),
                                             QString::fromUtf8(line))));
            return;
        }
        callback(body);
    });
}

void EventSocketClient::subscribe(const QStringList &eventNames, StatusCallback callback)
{
    const QByteArray line = "event plain " + eventNames.join(QLatin1Char(' ')).toUtf8();
    send(line, [this, line, callback = std::move(callback)](Result<EslMessage> reply) {
        if (!reply) {
            callback(reply.error());
            return;
        }
        const QByteArray text = reply->header("Reply-Text");
        if (!text.startsWith("+OK")) {
            callback(ApiError::make(FreeSwitchError,
                                    QStringLiteral("FreeSWITCH at %1 replied \"%2\" to \"%3\".")
                                        .arg(address(), QString::fromUtf8(text),
                                             QString::fromUtf8(line))));
            return;
        }
        callback({});
    });
}

void EventSocketClient::onReadyRead()
{
    const QList<EslMessage> messages = m_parser.feed(m_socket.readAll());
    for (const EslMessage &message : messages)
        onMessage(message);
}

void EventSocketClient::onMessage(const EslMessage &message)
{
    if (m_state == State::Closing) {
        onClosingMessage(message);
        return;
    }
    const QByteArray type = message.contentType();
    if (type == "auth/request" && m_state == State::AwaitingGreeting) {
        m_state = State::Authenticating;
        // The password goes to the socket only, never to a log line.
        send("auth " + m_settings.password.toUtf8(), [this](Result<EslMessage> reply) {
            if (!reply)
                return;
            if (!reply->header("Reply-Text").startsWith("+OK")) {
                fail(error(QStringLiteral("FreeSWITCH's Event Socket at %1 rejected the password. "
                                          "Use the password of its event_socket.conf.xml.")
                               .arg(address())));
                return;
            }
            m_state = State::Ready;
            qCInfo(lcFreeSwitch) << "Authenticated to the Event Socket at" << address();
            emit ready();
        });
        return;
    }
    if (type == "command/reply" || type == "api/response") {
        if (m_pending.isEmpty()) {
            qCWarning(lcFreeSwitch) << "Unexpected" << type << "from" << address();
            return;
        }
        Pending pending = m_pending.dequeue();
        if (m_pending.isEmpty())
            m_timer.stop();
        else
            armTimer();
        pending.callback(message);
        return;
    }
    if (type.startsWith("text/event-")) {
        emit eventReceived(type == "text/event-plain" ? EslParser::parseEventBody(message.body)
                                                      : message);
        return;
    }
    if (type == "text/rude-rejection") {
        fail(error(QStringLiteral("FreeSWITCH's Event Socket at %1 refused this address: %2 "
                                  "Allow it in the apply-inbound-acl of event_socket.conf.xml.")
                       .arg(address(), QString::fromUtf8(message.body.trimmed()))));
        return;
    }
    if (type == "text/disconnect-notice") {
        fail(error(QStringLiteral("FreeSWITCH's Event Socket at %1 closed the connection.")
                       .arg(address())));
    }
}

void EventSocketClient::onClosingMessage(const EslMessage &message)
{
    // The reply to `exit` and the notice after it; events that were already on their way are
    // dropped.
    const QByteArray type = message.contentType();
    if (type == "command/reply" && !message.header("Reply-Text").startsWith("+OK")) {
        qCWarning(lcFreeSwitch).noquote()
            << QStringLiteral("FreeSWITCH at %1 replied \"%2\" to \"exit\".")
                   .arg(address(), QString::fromUtf8(message.header("Reply-Text")));
    }
}

void EventSocketClient::onSocketError()
{
    // waitForReadyRead() in runApiCommands() reports its own timeouts.
    if (m_state == State::Idle || m_socket.error() == QAbstractSocket::SocketTimeoutError)
        return;
    if (m_state == State::Closing) {
        // FreeSWITCH closing the connection after `exit` is the expected end.
        finishClosing();
        return;
    }
    if (m_state == State::Connecting) {
        fail(error(QStringLiteral("Cannot connect to FreeSWITCH's Event Socket at %1: %2. Check "
                                  "that FreeSWITCH runs and that mod_event_socket listens there.")
                       .arg(address(), m_socket.errorString())));
        return;
    }
    fail(error(QStringLiteral("The connection to FreeSWITCH's Event Socket at %1 failed: %2.")
                   .arg(address(), m_socket.errorString())));
}

void EventSocketClient::onTimeout()
{
    if (m_state == State::Closing) {
        qCWarning(lcFreeSwitch) << "FreeSWITCH at" << address() << "did not close the connection"
                                << "after \"exit\"; closing it here.";
        finishClosing();
        return;
    }
    fail(error(QStringLiteral("FreeSWITCH's Event Socket at %1 did not answer within %2 s.")
                   .arg(address())
                   .arg(m_settings.timeoutMs / 1000.0)));
}

void EventSocketClient::fail(const ApiError &failure)
{
    if (m_state == State::Idle)
        return;
    qCWarning(lcFreeSwitch).noquote() << failure.detail;
    m_state = State::Idle;
    m_timer.stop();
    m_socket.abort();
    while (!m_pending.isEmpty())
        m_pending.dequeue().callback(failure);
    emit failed(failure);
}

Result<QList<QByteArray>> EventSocketClient::runApiCommands(const EventSocketSettings &settings,
                                                            const QStringList &commands)
{
    // Blocking socket calls instead of a local event loop: a nested loop on the dispatcher's
    // thread would start queued requests in the middle of this one.
    EventSocketClient client;
    QList<QByteArray> outputs;
    std::optional<ApiError> failure;
    bool finished = false;

    std::function<void(int)> runFrom = [&](int index) {
        if (index >= commands.size()) {
            finished = true;
            return;
        }
        client.api(commands.at(index), [&, index](Result<QByteArray> output) {
            if (!output) {
                failure = output.error();
                return;
            }
            outputs.append(*output);
            runFrom(index + 1);
        });
    };
    connect(&client, &EventSocketClient::ready, &client, [&]() { runFrom(0); });
    connect(&client, &EventSocketClient::failed, &client, [&](const ApiError &error) {
        if (!failure)
            failure = error;
    });

    client.connectToFreeSwitch(settings);
    if (!client.m_socket.waitForConnected(settings.timeoutMs) && !failure)
        client.onTimeout();
    while (!finished && !failure) {
        // Each step (greeting, authentication, every reply) gets the full timeout.
        if (!client.m_socket.waitForReadyRead(settings.timeoutMs) && !failure && !finished)
            client.onTimeout();
    }
    client.disconnectFromFreeSwitch();
    while (client.m_state == State::Closing) {
        // Reading delivers "+OK bye" and the disconnect notice; it returns false once
        // FreeSWITCH has closed the connection.
        if (!client.m_socket.waitForReadyRead(settings.timeoutMs)
            && client.m_state == State::Closing) {
            if (client.m_socket.state() == QAbstractSocket::ConnectedState)
                client.onTimeout();
            else
                client.finishClosing();
        }
    }
    if (failure)
        return *failure;
    return outputs;
}

} // namespace fsd::freeswitch
