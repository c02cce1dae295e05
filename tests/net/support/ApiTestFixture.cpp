// SPDX-License-Identifier: MPL-2.0
#include "tests/net/support/ApiTestFixture.h"

#include "core/auth/Authenticator.h"
#include "core/events/QuickReads.h"
#include "tests/net/support/NetTestSupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

namespace fsd::test {

ApiTestFixture::ApiTestFixture() = default;

ApiTestFixture::~ApiTestFixture()
{
    m_server.reset();
    m_service.reset();
}

ApiServerConfig ApiTestFixture::loopbackConfig()
{
    ApiServerConfig config;
    config.port = 0;
    return config;
}

bool ApiTestFixture::start(const ApiServerConfig &config, QString *error)
{
    if (!m_scratch.isValid()) {
        *error = m_scratch.errorString();
        return false;
    }
    DirectoryService::Options options;
    options.database = m_scratch.options();
    options.threaded = true;
    auto service = DirectoryService::start(options);
    if (!service) {
        *error = service.error().error + QLatin1Char(' ') + service.error().detail;
        return false;
    }
    m_service = std::move(*service);

    bool added = true;
    m_service->runOnServiceThread([&]() {
        Authenticator *authenticator = m_service->authenticator();
        // Few PBKDF2 iterations keep logins fast in tests.
        authenticator->setPasswordIterations(1000);
        added = authenticator->addOperator(QStringLiteral("admin"), Role::Admin,
                                           QStringLiteral("admin-password"))
                    .ok()
            && authenticator->addOperator(QStringLiteral("viewer"), Role::Viewer,
                                          QStringLiteral("viewer-password"))
                   .ok();
    });
    if (!added) {
        *error = QStringLiteral("adding the test operators failed");
        return false;
    }

    m_server = std::make_unique<ApiServer>(*m_service->queue());
    if (quickReads) {
        auto reads = QuickReads::open(m_service->database()->options(), *m_service->authenticator());
        if (!reads) {
            *error = reads.error().detail;
            return false;
        }
        m_server->setQuickReads(std::move(*reads));
    }
    if (!m_server->start(config)) {
        *error = m_server->errorString();
        return false;
    }
    return true;
}

std::optional<WireResponse> ApiTestFixture::post(const QByteArray &body)
{
    QTcpSocket socket;
    if (!connectLoopback(socket, port()))
        return std::nullopt;
    socket.write("POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Content-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return readResponse(socket);
}

QString ApiTestFixture::login(const QString &name, const QString &password)
{
    const auto response = post(QJsonDocument(apiRequest(QStringLiteral("login"),
                                                        {{QStringLiteral("login"), name},
                                                         {QStringLiteral("password"), password}}))
                                   .toJson(QJsonDocument::Compact));
    if (!response)
        return {};
    return QJsonDocument::fromJson(response->body).object().value(QStringLiteral("token")).toString();
}

QJsonObject apiRequest(const QString &event, QJsonObject data, const QString &token)
{
    if (!token.isEmpty())
        data.insert(QStringLiteral("token"), token);
    return QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
}

WebSocketTestClient::WebSocketTestClient()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                     [this](const QString &text) {
                         const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                         if (message.value(QStringLiteral("push")).toBool())
                             m_pushes.append(message);
                         else
                             m_replies.append(message);
                     });
}

bool WebSocketTestClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

std::optional<QJsonObject> WebSocketTestClient::request(QJsonObject request, int timeoutMs)
{
    const int requestId = m_nextRequestId++;
    request.insert(QStringLiteral("request_id"), requestId);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = 0; i < m_replies.size(); ++i) {
            if (m_replies[i].value(QStringLiteral("request_id")).toInt() == requestId)
                return m_replies.takeAt(i);
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        QTest::qWait(1);
    }
    return std::nullopt;
}

std::optional<QJsonObject> WebSocketTestClient::sendText(const QString &text, int timeoutMs)
{
    const qsizetype before = m_replies.size();
    m_socket.sendTextMessage(text);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_replies.size() == before) {
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        QTest::qWait(1);
    }
    return m_replies.takeAt(before);
}

bool WebSocketTestClient::waitForPushes(qsizetype count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_pushes.size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1);
    }
    return true;
}

bool WebSocketTestClient::waitForDisconnect(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

} // namespace fsd::test
