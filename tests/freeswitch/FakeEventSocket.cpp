// SPDX-License-Identifier: MPL-2.0
#include "tests/freeswitch/FakeEventSocket.h"

#include "core/xml/Preprocessor.h"
#include "tests/freeswitch/SwitchXmlPrinter.h"

#include <QDir>
#include <QTcpSocket>

namespace fsd::test {

namespace {

QByteArray withLength(const QByteArray &type, const QByteArray &body)
{
    return "Content-Type: " + type + "\nContent-Length: " + QByteArray::number(body.size())
           + "\n\n" + body;
}

QByteArray commandReply(const QByteArray &text)
{
    return "Content-Type: command/reply\nReply-Text: " + text + "\n\n";
}

// mod_event_socket sends this when it closes a connection: after `exit`, after a wrong
// password, and when it shuts down.
QByteArray disconnectNotice()
{
    return withLength("text/disconnect-notice",
                      "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
}

// switch_url_encode(): bytes below space or above '~' and those of SWITCH_URL_UNSAFE become
// %XX with upper-case hex digits.
QByteArray urlEncode(const QByteArray &value)
{
    static const QByteArray unsafe = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
    static const char hex[] = "0123456789ABCDEF";
    QByteArray encoded;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < ' ' || byte > '~' || unsafe.contains(c)) {
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0x0F];
        } else {
            encoded += c;
        }
    }
    return encoded;
}

const QByteArray DirectorySectionTag =
    "<section name=\"directory\" description=\"User Directory\">\n";

} // namespace

FakeEventSocket::FakeEventSocket(QObject *parent) : QObject(parent), m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEventSocket::onNewConnection);
}

FakeEventSocket::~FakeEventSocket()
{
    // The sockets are children of m_server, which outlives m_connections: detach them first.
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool FakeEventSocket::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeEventSocket::setApiOutput(const QByteArray &command, const QByteArray &output)
{
    m_apiOutputs.insert(command, output);
}

void FakeEventSocket::setGlobalVariable(const QByteArray &name, const QByteArray &value)
{
    m_globals.insert(name, value);
}

void FakeEventSocket::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        if (m_behaviour == Behaviour::Normal)
            socket->write("Content-Type: auth/request\n\n");
    }
}

void FakeEventSocket::onReadyRead(QTcpSocket *socket)
{
    Connection &connection = m_connections[socket];
    connection.buffer.append(socket->readAll());
    if (m_behaviour == Behaviour::Silent)
        return;
    while (true) {
        const qsizetype end = connection.buffer.indexOf("\n\n");
        if (end < 0)
            return;
        const QByteArray command = connection.buffer.left(end).trimmed();
        connection.buffer.remove(0, end + 2);
        handleCommand(socket, command);
        if (!m_connections.contains(socket) || socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void FakeEventSocket::handleCommand(QTcpSocket *socket, const QByteArray &command)
{
    Connection &connection = m_connections[socket];
    m_commands.append(command.startsWith("auth ") ? QStringLiteral("auth ***")
                                                  : QString::fromUtf8(command));
    if (command.startsWith("exit")) {
        socket->write(commandReply("+OK bye"));
        socket->write(disconnectNotice());
        socket->disconnectFromHost();
        return;
    }
    if (!connection.authenticated) {
        if (command.startsWith("auth ") && command.mid(5) == m_password) {
            connection.authenticated = true;
            socket->write(commandReply("+OK accepted"));
            return;
        }
        socket->write(commandReply("-ERR invalid"));
        socket->write(disconnectNotice());
        socket->disconnectFromHost();
        return;
    }
    if (command.startsWith("api ")) {
        apiResponse(socket, command.mid(4));
        return;
    }
    if (command.startsWith("event plain ")) {
        connection.subscribed = true;
        socket->write(commandReply("+OK event listener enabled plain"));
        return;
    }
    socket->write(commandReply("-ERR command not found"));
}

void FakeEventSocket::apiResponse(QTcpSocket *socket, const QByteArray &command)
{
    QByteArray output;
    if (command.startsWith("global_getvar ")) {
        output = m_globals.value(command.mid(14).trimmed());
    } else if (command == "status" && !m_apiOutputs.contains(command)) {
        // The first lines of mod_commands' status_function() output.
        output = "UP 0 years, 0 days, 0 hours, 5 minutes, 12 seconds, 80 milliseconds, "
                 "0 microseconds\nFreeSWITCH (Version 1.10.12 -release 64bit) is ready\n";
    } else if (m_apiOutputs.contains(command)) {
        output = m_apiOutputs.value(command);
    } else {
        output = "-ERR " + command.split(' ').first() + " Command not found!\n";
    }
    // mod_event_socket turns an empty output into "-ERR no reply".
    if (output.isEmpty())
        output = "-ERR no reply\n";
    socket->write(withLength("api/response", output));
}

void FakeEventSocket::sendEvent(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray body;
    for (const auto &[name, value] : headers)
        body += name + ": " + (value.isEmpty() ? QByteArray("_undef_") : urlEncode(value)) + "\n";
    body += "\n";
    // mod_event_socket sends Content-Length before Content-Type for events.
    const QByteArray message = "Content-Length: " + QByteArray::number(body.size())
                               + "\nContent-Type: text/event-plain\n\n" + body;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->subscribed)
            it.key()->write(message);
    }
}

void FakeEventSocket::dropConnections()
{
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        m_connections.remove(socket);
        socket->abort();
        socket->deleteLater();
    }
}

int FakeEventSocket::subscribedConnections() const
{
    int count = 0;
    for (const Connection &connection : m_connections)
        count += connection.subscribed ? 1 : 0;
    return count;
}

QByteArray FakeEventSocket::directoryAnswer(const QString &sectionContent)
{
    // The directory section of the sample freeswitch.xml contains one include line, which the
    // preprocessor replaces by the included text.
    const QString section = QString::fromUtf8(DirectorySectionTag) + sectionContent
                            + QStringLiteral("  </section>\n");
    auto printed = SwitchXmlPrinter::print(section, {"section"});
    if (!printed)
        qFatal("the directory XML given to the fake Event Socket is not well-formed");
    return *printed;
}

QByteArray FakeEventSocket::vanillaDirectoryAnswer(const QString &vanillaConfigDir)
{
    // The parts of the sample freeswitch.xml that reach the directory section: vars.xml at the
    // top, then the section that includes directory/*.xml.
    xml::PreprocessOptions options;
    options.supplied = {{QStringLiteral("local_ip_v4"), QStringLiteral("127.0.0.1")}};
    options.baseFolder = vanillaConfigDir;
    xml::Preprocessor preprocessor(options);
    Status added = preprocessor.addText("<document type=\"freeswitch/xml\">\n",
                                        QStringLiteral("freeswitch.xml"));
    if (added)
        added = preprocessor.addFile(QDir(vanillaConfigDir).filePath(QStringLiteral("vars.xml")));
    if (added)
        added = preprocessor.addText("  " + DirectorySectionTag, QStringLiteral("freeswitch.xml"));
    if (added)
        added = preprocessor.addGlob("directory/*.xml", vanillaConfigDir);
    if (added)
        added = preprocessor.addText("  </section>\n</document>\n",
                                     QStringLiteral("freeswitch.xml"));
    if (!added)
        qFatal("cannot preprocess the vanilla configuration: %s", qPrintable(added.error().detail));
    auto text = preprocessor.finish();
    if (!text)
        qFatal("cannot preprocess the vanilla configuration: %s", qPrintable(text.error().detail));
    auto printed = SwitchXmlPrinter::print(text->text, {"document", "section"});
    if (!printed)
        qFatal("the preprocessed vanilla configuration is not well-formed");
    return *printed;
}

FakeEventSocket::OnThread::OnThread(const std::function<void(FakeEventSocket &)> &configure)
    : m_thread(new QThread)
    , m_server(new FakeEventSocket)
{
    if (configure)
        configure(*m_server);
    m_server->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_server,
        [this]() {
            if (!m_server->listen())
                qFatal("the fake Event Socket cannot listen on 127.0.0.1");
            m_port = m_server->port();
        },
        Qt::BlockingQueuedConnection);
}

FakeEventSocket::OnThread::~OnThread()
{
    QMetaObject::invokeMethod(m_server, [this]() { delete m_server; },
                              Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QStringList FakeEventSocket::OnThread::receivedCommands() const
{
    QStringList commands;
    QMetaObject::invokeMethod(
        m_server, [&]() { commands = m_server->receivedCommands(); },
        Qt::BlockingQueuedConnection);
    return commands;
}

} // namespace fsd::test
