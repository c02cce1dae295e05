// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QThread>

#include <functional>

class QTcpSocket;

namespace fsd::test {

// A stand-in for FreeSWITCH's Event Socket (mod_event_socket 1.10) on 127.0.0.1 that speaks its
// wire protocol. It greets with "Content-Type: auth/request" and replies to `auth` with a
// command/reply of "Reply-Text: +OK accepted", or of "-ERR invalid" followed by a
// text/disconnect-notice and close. It replies to `api` with api/response and a
// Content-Length body, handles `event plain` subscriptions, and replies to `exit` with
// "+OK bye", a text/disconnect-notice and close.
class FakeEventSocket : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour {
        Normal,
        // Accepts connections and never sends a byte.
        Silent,
    };

    explicit FakeEventSocket(QObject *parent = nullptr);
    ~FakeEventSocket() override;

    // Listens on 127.0.0.1 at a free port.
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    void setPassword(const QByteArray &password) { m_password = password; }
    // The output of `api COMMAND`; unknown commands get FreeSWITCH's "-ERR ... Command not
    // found!". `api status` has a default output.
    void setApiOutput(const QByteArray &command, const QByteArray &output);
    // Values for `api global_getvar NAME`; unknown names give an empty output, which FreeSWITCH
    // sends as "-ERR no reply".
    void setGlobalVariable(const QByteArray &name, const QByteArray &value);
    // Sends a text/event-plain message to every subscribed connection, with the header values
    // URL-encoded as switch_event_serialize() does (switch_url_encode, FreeSWITCH 1.10).
    void sendEvent(const QList<QPair<QByteArray, QByteArray>> &headers);
    // Closes every connection without a disconnect notice, as when FreeSWITCH is killed.
    void dropConnections();
    // Number of connections that subscribed to events and are still open.
    int subscribedConnections() const;

    // Every command received, in order, with `auth` passwords replaced by "***".
    const QStringList &receivedCommands() const { return m_commands; }

    // FreeSWITCH's output for `api xml_locate directory` when its directory section contains
    // `sectionContent` (preprocessed XML, such as "<domain ...>...</domain>"): the section
    // printed by switch_xml_toxml, see SwitchXmlPrinter.
    static QByteArray directoryAnswer(const QString &sectionContent);
    // The same for the vanilla sample configuration with local_ip_v4 = 127.0.0.1.
    static QByteArray vanillaDirectoryAnswer(const QString &vanillaConfigDir);

    // Runs a FakeEventSocket on a thread of its own, for clients that block the test's thread
    // (EventSocketClient::runApiCommands and the handlers that use it).
    class OnThread
    {
    public:
        // `configure` runs before the server starts listening.
        explicit OnThread(const std::function<void(FakeEventSocket &)> &configure = {});
        ~OnThread();
        quint16 port() const { return m_port; }
        QStringList receivedCommands() const;

    private:
        QThread *m_thread;
        FakeEventSocket *m_server;
        quint16 m_port = 0;
    };

private:
    struct Connection
    {
        QByteArray buffer;
        bool authenticated = false;
        bool subscribed = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleCommand(QTcpSocket *socket, const QByteArray &command);
    void apiResponse(QTcpSocket *socket, const QByteArray &command);

    QTcpServer m_server;
    Behaviour m_behaviour = Behaviour::Normal;
    QByteArray m_password = "ClueCon";
    QHash<QByteArray, QByteArray> m_apiOutputs;
    QHash<QByteArray, QByteArray> m_globals;
    QHash<QTcpSocket *, Connection> m_connections;
    QStringList m_commands;
};

} // namespace fsd::test
