// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/app/DirectoryService.h"
#include "core/net/ApiServer.h"
#include "tests/support/TestDatabase.h"

#include <QJsonObject>
#include <QList>
#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>
#include <optional>

namespace fsd::test {

// A real directory (a ScratchDatabase, dispatcher on its own thread) with the
// operators admin/admin-password (admin) and viewer/viewer-password (viewer), and an
// ApiServer on 127.0.0.1 with a port the system chose. Like fsdirector, the server runs
// quick reads on its own thread unless `quickReads` is cleared before start().
class ApiTestFixture
{
public:
    ApiTestFixture();
    ~ApiTestFixture();

    // Starts the directory and the server. Returns false and sets `error` on failure.
    bool start(const ApiServerConfig &config, QString *error);
    static ApiServerConfig loopbackConfig();
    bool quickReads = true;

    ApiServer &server() { return *m_server; }
    DirectoryService &service() { return *m_service; }
    quint16 port() const { return m_server->port(); }
    QString folder() const { return m_folder.path(); }

    // POSTs `body` to /api/v1 over a new connection.
    std::optional<struct WireResponse> post(const QByteArray &body);
    // Logs in over HTTP and returns the token, or an empty string.
    QString login(const QString &name = QStringLiteral("admin"),
                  const QString &password = QStringLiteral("admin-password"));

private:
    QTemporaryDir m_folder;
    ScratchDatabase m_scratch;
    std::unique_ptr<DirectoryService> m_service;
    std::unique_ptr<ApiServer> m_server;
};

// A Qt WebSocket client that keeps replies and pushes apart.
class WebSocketTestClient
{
public:
    WebSocketTestClient();

    bool open(const QUrl &url, int timeoutMs = 10'000);
    // Sends `request` with a fresh request_id and waits for the reply carrying it.
    std::optional<QJsonObject> request(QJsonObject request, int timeoutMs = 10'000);
    // Sends raw text and waits for the next message that is not a push.
    std::optional<QJsonObject> sendText(const QString &text, int timeoutMs = 10'000);
    // Waits until at least `count` pushes arrived.
    bool waitForPushes(qsizetype count, int timeoutMs = 10'000);
    bool waitForDisconnect(int timeoutMs = 10'000);

    QWebSocket &socket() { return m_socket; }
    QList<QJsonObject> &pushes() { return m_pushes; }
    QList<QJsonObject> &replies() { return m_replies; }
    QString token;

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_replies;
    QList<QJsonObject> m_pushes;
    int m_nextRequestId = 1;
};

// `{"event": event, "data": data}` with "token" added to data when `token` is not empty.
QJsonObject apiRequest(const QString &event, QJsonObject data, const QString &token = {});

} // namespace fsd::test
