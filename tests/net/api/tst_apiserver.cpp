// SPDX-License-Identifier: MPL-2.0
#include "core/events/Dispatcher.h"
#include "core/net/ApiServer.h"
#include "tests/net/support/ApiTestFixture.h"
#include "tests/net/support/NetTestSupport.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace fsd;
using namespace fsd::test;

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parseBody(const std::optional<WireResponse> &response)
{
    return response ? QJsonDocument::fromJson(response->body).object() : QJsonObject{};
}

// Id of the first object named `name` anywhere in `value`, or 0.
qint64 findIdByName(const QJsonValue &value, const QString &name)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("name")).toString() == name
            && object.value(QStringLiteral("id")).isDouble())
            return object.value(QStringLiteral("id")).toInteger();
        for (const QJsonValue &child : object) {
            if (const qint64 id = findIdByName(child, name))
                return id;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &child : value.toArray()) {
            if (const qint64 id = findIdByName(child, name))
                return id;
        }
    }
    return 0;
}

// Opens a WebSocket on /ws with a hand-made handshake, for clients that must misbehave
// (never read, never send a pong).
bool openRawWebSocket(QTcpSocket &socket, quint16 port)
{
    if (!connectLoopback(socket, port))
        return false;
    socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    const auto response = readResponse(socket);
    return response && response->status == 101;
}

// A client-to-server text frame. The mask key is zero, so the payload goes out unchanged.
QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(payload.size()) >> shift) & 0xff));
    }
    frame.append(QByteArray(4, '\0'));
    frame.append(payload);
    return frame;
}

// Keeps the dispatcher's thread busy, as a long import would, until release() or destruction.
class DispatcherHold
{
public:
    explicit DispatcherHold(DirectoryService &service)
    {
        QMetaObject::invokeMethod(
            service.dispatcher(),
            [this]() {
                m_started.release();
                m_release.acquire();
            },
            Qt::QueuedConnection);
        m_started.acquire();
    }
    ~DispatcherHold() { release(); }
    void release()
    {
        if (!m_released) {
            m_released = true;
            m_release.release();
        }
    }

private:
    QSemaphore m_started;
    QSemaphore m_release;
    bool m_released = false;
};

} // namespace

class tst_ApiServer : public QObject
{
    Q_OBJECT

private slots:
    void listenAddressParsing_data();
    void listenAddressParsing();
    void nonLoopbackWithoutTlsIsRejected();
    void httpStatusCodes();
    void webSocketRepliesKeepOrder();
    void quickReadsAnswerWhileDispatcherIsBusy();
    void quickReadWaitsForEarlierChange();
    void pipelinedHttpReadWaitsForEarlierChange();
    void quickReadRejectsLoggedOutToken();
    void viewerQuickReadMasksSecrets();
    void adminManagesOperators();
    void pushesReachOtherClientsOnly();
    void viewerPushesMaskSecrets();
    void badWebSocketInput();
    void oversizedHttpBodyKeepsConnection();
    void unfinishedHeaderDoesNotBlockOthers();
    void connectionCapServesOthers();
    void slowPushReaderIsDisconnected();
    void silentClientIsDroppedAfterPongTimeout();
    void curlLogsInListsAndAdds();
    void tlsServesHttpsAndWss();

private:
    std::unique_ptr<ApiTestFixture> startFixture(ApiServerConfig config = ApiTestFixture::loopbackConfig());
    // Adds domain quick.example with user 1000 over `client` (logged in as admin); returns the
    // user's id, or 0.
    qint64 addQuickUser(WebSocketTestClient &client);
    QUrl webSocketUrl(ApiTestFixture &fixture, const QString &scheme = QStringLiteral("ws"))
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws").arg(scheme).arg(fixture.port()));
    }
};

std::unique_ptr<ApiTestFixture> tst_ApiServer::startFixture(ApiServerConfig config)
{
    auto fixture = std::make_unique<ApiTestFixture>();
    QString error;
    if (!fixture->start(config, &error)) {
        qWarning("Starting the API fixture failed: %s", qPrintable(error));
        return nullptr;
    }
    return fixture;
}

void tst_ApiServer::listenAddressParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << "127.0.0.1:8080" << true << "127.0.0.1" << 8080;
    QTest::newRow("any") << "0.0.0.0:443" << true << "0.0.0.0" << 443;
    QTest::newRow("ipv6") << "[::1]:9000" << true << "::1" << 9000;
    QTest::newRow("port only") << ":8081" << true << "127.0.0.1" << 8081;
    QTest::newRow("name") << "localhost:80" << true << "localhost" << 80;
    QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
    QTest::newRow("port too big") << "127.0.0.1:70000" << false << "" << 0;
    QTest::newRow("bare ipv6") << "::1:8080" << false << "" << 0;
}

void tst_ApiServer::listenAddressParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    ApiServerConfig config;
    QString error;
    QCOMPARE(config.setListenAddress(text, &error), valid);
    if (!valid) {
        QVERIFY2(error.contains(text), qPrintable(error));
        return;
    }
    QFETCH(QString, host);
    QFETCH(int, port);
    QCOMPARE(config.host, host);
    QCOMPARE(int(config.port), port);
}

void tst_ApiServer::nonLoopbackWithoutTlsIsRejected()
{
    ApiTestFixture fixture;
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    config.host = QStringLiteral("0.0.0.0");
    QString error;
    QVERIFY(!fixture.start(config, &error));
    QVERIFY2(error.contains(QStringLiteral("0.0.0.0:0")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("--tls-cert")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("--allow-insecure-api")), qPrintable(error));
}

void tst_ApiServer::httpStatusCodes()
{
    auto fixture = startFixture();
    QVERIFY(fixture);

    auto response = fixture->post(R"({"event":"login","data":{"login":"admin","password":"admin-password"},"request_id":"r1"})");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));
    QJsonObject reply = parseBody(response);
    QCOMPARE(reply.value("MessageType").toString(), QStringLiteral("login"));
    QCOMPARE(reply.value("role").toString(), QStringLiteral("admin"));
    QCOMPARE(reply.value("request_id").toString(), QStringLiteral("r1"));
    const QString token = reply.value("token").toString();
    QCOMPARE(token.size(), 32);

    response = fixture->post(R"({"event":"login","data":{"login":"admin","password":"wrong"}})");
    QCOMPARE(response->status, 200);
    QCOMPARE(parseBody(response).value("error").toString(), QStringLiteral("wrong login or password"));

    response = fixture->post(R"({"event":"[Domains][Get] Domains","data":{}})");
    QCOMPARE(response->status, 401);
    reply = parseBody(response);
    QCOMPARE(reply.value("error").toString(), QStringLiteral("unauthorized"));
    QCOMPARE(reply.value("no_token").toBool(), true);

    const QString viewerToken = fixture->login(QStringLiteral("viewer"), QStringLiteral("viewer-password"));
    QVERIFY(!viewerToken.isEmpty());
    response = fixture->post(toJson(apiRequest("[Domains][Add] Domain", {{"name", "v.example"}}, viewerToken)));
    QCOMPARE(response->status, 403);
    QCOMPARE(parseBody(response).value("error").toString(), QStringLiteral("forbidden"));

    response = fixture->post("this is not JSON");
    QCOMPARE(response->status, 400);
    reply = parseBody(response);
    QCOMPARE(reply.value("MessageType").toString(), QStringLiteral("none"));
    QCOMPARE(reply.value("error").toString(), QStringLiteral("invalid request"));

    response = fixture->post(R"({"event":"[Domains][Get] Domains"})");
    QCOMPARE(response->status, 400);
    QCOMPARE(parseBody(response).value("error").toString(), QStringLiteral("invalid request"));

    response = fixture->post(toJson(apiRequest("No such event", {}, token)));
    QCOMPARE(response->status, 200);
    QCOMPARE(parseBody(response).value("error").toString(), QStringLiteral("unknown event"));

    response = fixture->post(toJson(apiRequest("[Domains][Add] Domain", {{"name", ""}}, token)));
    QCOMPARE(response->status, 200);
    QVERIFY(parseBody(response).contains("error"));

    QTcpSocket socket;
    QVERIFY(connectLoopback(socket, fixture->port()));
    socket.write("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
    response = readResponse(socket);
    QVERIFY(response);
    QCOMPARE(response->status, 405);
    QCOMPARE(response->header("Allow"), QByteArray("POST"));
    socket.write("POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    response = readResponse(socket);
    QVERIFY(response);
    QCOMPARE(response->status, 404);
}

void tst_ApiServer::webSocketRepliesKeepOrder()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client;
    QVERIFY(client.open(webSocketUrl(*fixture)));

    const QString token = fixture->login();
    QStringList messages;
    for (int i = 0; i < 20; ++i) {
        QJsonObject request = apiRequest("[Domains][Add] Domain",
                                         {{"name", QStringLiteral("order%1.example").arg(i)}}, token);
        request.insert("request_id", i);
        messages << QString::fromUtf8(toJson(request));
        if (i % 5 == 0)
            messages << QStringLiteral("{broken");
    }
    for (const QString &message : std::as_const(messages))
        client.socket().sendTextMessage(message);
    QTRY_COMPARE(client.replies().size(), messages.size());

    int next = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject reply = client.replies().at(i);
        if (messages.at(i) == QLatin1String("{broken")) {
            QCOMPARE(reply.value("error").toString(), QStringLiteral("invalid request"));
            continue;
        }
        QCOMPARE(reply.value("request_id").toInt(), next++);
        QVERIFY2(!reply.contains("error"), toJson(reply).constData());
    }
}

qint64 tst_ApiServer::addQuickUser(WebSocketTestClient &client)
{
    const auto login = client.request(apiRequest("login", {{"login", "admin"}, {"password", "admin-password"}}));
    if (!login)
        return 0;
    client.token = login->value("token").toString();
    const auto domain = client.request(apiRequest("[Domains][Add] Domain", {{"name", "quick.example"}}, client.token));
    const qint64 domainId = domain ? findIdByName(*domain, "quick.example") : 0;
    const auto user = client.request(apiRequest("[Users] Add_new_user", {{"id", domainId}, {"name", "1000"}},
                                                client.token));
    return user ? findIdByName(*user, "1000") : 0;
}

void tst_ApiServer::quickReadsAnswerWhileDispatcherIsBusy()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client;
    QVERIFY(client.open(webSocketUrl(*fixture)));
    const qint64 userId = addQuickUser(client);
    QVERIFY(userId > 0);

    DispatcherHold hold(fixture->service());
    const auto details = client.request(apiRequest("[Users] Get_user_details", {{"id", userId}}, client.token));
    QVERIFY2(details, "a user's details were not answered while the dispatcher was busy");
    QCOMPARE(details->value("MessageType").toString(), QStringLiteral("[Users] Get_user_details"));
    QVERIFY2(toJson(*details).contains("\"password\""), toJson(*details).constData());

    // A list of every user is not a quick read: it waits for the dispatcher.
    QVERIFY(!client.request(apiRequest("[Users] Get_users", {}, client.token), 300));
    hold.release();
    QTRY_VERIFY(!client.replies().isEmpty()
                && client.replies().last().value("MessageType").toString() == "[Users] Get_users");
}

void tst_ApiServer::quickReadWaitsForEarlierChange()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client;
    QVERIFY(client.open(webSocketUrl(*fixture)));
    const qint64 userId = addQuickUser(client);
    QVERIFY(userId > 0);
    const qsizetype before = client.replies().size();

    DispatcherHold hold(fixture->service());
    client.socket().sendTextMessage(QString::fromUtf8(toJson(apiRequest(
        "[Users] Add_user_param", {{"id", userId}, {"name", "quick-order"}, {"value", "1"}}, client.token))));
    client.socket().sendTextMessage(QString::fromUtf8(
        toJson(apiRequest("[Users] Get_user_details", {{"id", userId}}, client.token))));
    QTest::qWait(300);
    QCOMPARE(client.replies().size(), before);
    hold.release();

    QTRY_COMPARE(client.replies().size(), before + 2);
    QCOMPARE(client.replies().at(before).value("MessageType").toString(), QStringLiteral("[Users] Add_user_param"));
    const QJsonObject details = client.replies().at(before + 1);
    QVERIFY2(toJson(details).contains("quick-order"), toJson(details).constData());
}

void tst_ApiServer::pipelinedHttpReadWaitsForEarlierChange()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client;
    QVERIFY(client.open(webSocketUrl(*fixture)));
    const qint64 userId = addQuickUser(client);
    QVERIFY(userId > 0);

    const auto post = [](const QJsonObject &request) {
        const QByteArray body = toJson(request);
        return "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    QTcpSocket socket;
    QVERIFY(connectLoopback(socket, fixture->port()));
    DispatcherHold hold(fixture->service());
    socket.write(post(apiRequest("[Users] Add_user_param", {{"id", userId}, {"name", "piped"}, {"value", "1"}},
                                 client.token))
                 + post(apiRequest("[Users] Get_user_details", {{"id", userId}}, client.token)));
    QVERIFY(!readResponse(socket, 300));
    hold.release();

    const QJsonObject added = parseBody(readResponse(socket));
    QCOMPARE(added.value("MessageType").toString(), QStringLiteral("[Users] Add_user_param"));
    const auto details = readResponse(socket);
    QVERIFY(details);
    QCOMPARE(details->status, 200);
    QVERIFY2(details->body.contains("piped"), details->body.constData());
}

void tst_ApiServer::quickReadRejectsLoggedOutToken()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client;
    QVERIFY(client.open(webSocketUrl(*fixture)));
    const qint64 userId = addQuickUser(client);
    QVERIFY(userId > 0);
    const QString oldToken = client.token;
    QVERIFY(client.request(apiRequest("logout", {}, oldToken)));

    DispatcherHold hold(fixture->service());
    QVERIFY(!client.request(apiRequest("[Users] Get_user_details", {{"id", userId}}, oldToken), 300));
    hold.release();
    QTRY_VERIFY(!client.replies().isEmpty()
                && client.replies().last().value("MessageType").toString() == "[Users] Get_user_details");
    QCOMPARE(client.replies().last().value("error").toString(), QStringLiteral("unauthorized"));
}

void tst_ApiServer::viewerQuickReadMasksSecrets()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient admin, viewer;
    QVERIFY(admin.open(webSocketUrl(*fixture)));
    QVERIFY(viewer.open(webSocketUrl(*fixture)));
    const qint64 userId = addQuickUser(admin);
    QVERIFY(userId > 0);
    QVERIFY(admin.request(apiRequest("[Users] Add_user_param",
                                     {{"id", userId}, {"name", "vm-password"}, {"value", "s3cret-pin"}},
                                     admin.token)));
    const auto login = viewer.request(apiRequest("login", {{"login", "viewer"}, {"password", "viewer-password"}}));
    QVERIFY(login);
    viewer.token = login->value("token").toString();

    DispatcherHold hold(fixture->service());
    const auto details = viewer.request(apiRequest("[Users] Get_user_details", {{"id", userId}}, viewer.token));
    QVERIFY(details);
    QVERIFY2(!toJson(*details).contains("s3cret-pin"), toJson(*details).constData());
    QVERIFY2(toJson(*details).contains("********"), toJson(*details).constData());
}

void tst_ApiServer::adminManagesOperators()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    const QString admin = fixture->login();
    const QString viewer = fixture->login(QStringLiteral("viewer"), QStringLiteral("viewer-password"));
    QVERIFY(!admin.isEmpty());
    QVERIFY(!viewer.isEmpty());
    const auto call = [&](const QString &event, const QJsonObject &data, const QString &token) {
        return parseBody(fixture->post(toJson(apiRequest(event, data, token))));
    };

    const QJsonObject listed = call("[Operators] Get_operators", {}, admin);
    QVERIFY2(toJson(listed).contains("\"login\":\"admin\""), toJson(listed).constData());
    QVERIFY2(toJson(listed).contains("\"login\":\"viewer\""), toJson(listed).constData());
    QVERIFY2(!toJson(listed).contains("pbkdf2") && !toJson(listed).contains("hash"), toJson(listed).constData());
    QCOMPARE(call("[Operators] Get_operators", {}, viewer).value("error").toString(), QStringLiteral("forbidden"));

    // Adding: errors first, then a working account.
    QCOMPARE(call("[Operators] Add_operator", {{"login", "carol"}, {"role", "root"}, {"password", "pw"}}, admin)
                 .value("error").toString(),
             QStringLiteral("wrong data"));
    QCOMPARE(call("[Operators] Add_operator", {{"login", "carol"}, {"role", "operator"}}, admin).value("error").toString(),
             QStringLiteral("empty data"));
    const QJsonObject added = call("[Operators] Add_operator",
                                   {{"login", "carol"}, {"role", "operator"}, {"password", "carol-pw"}}, admin);
    QVERIFY2(!added.contains("error"), toJson(added).constData());
    QVERIFY2(!toJson(added).contains("carol-pw"), toJson(added).constData());
    QCOMPARE(call("[Operators] Add_operator", {{"login", "CAROL"}, {"role", "viewer"}, {"password", "x"}}, admin)
                 .value("error").toString(),
             QStringLiteral("operator already exists"));
    const QString carol = fixture->login(QStringLiteral("carol"), QStringLiteral("carol-pw"));
    QVERIFY(!carol.isEmpty());

    // A WebSocket bound to carol's token stops receiving pushes when her password changes.
    WebSocketTestClient carolSocket;
    QVERIFY(carolSocket.open(webSocketUrl(*fixture)));
    QVERIFY(carolSocket.request(apiRequest("[Domains][Get] Domains", {}, carol)));
    QVERIFY(!call("[Operators] Update_operator_password", {{"login", "carol"}, {"password", "new-pw"}}, admin)
                 .contains("error"));
    QCOMPARE(call("[Domains][Get] Domains", {}, carol).value("error").toString(), QStringLiteral("unauthorized"));
    QVERIFY(!call("[Domains][Add] Domain", {{"name", "after-password.example"}}, admin).contains("error"));
    QVERIFY(!carolSocket.waitForPushes(1, 300));
    QVERIFY(fixture->login(QStringLiteral("carol"), QStringLiteral("carol-pw")).isEmpty());
    QVERIFY(!fixture->login(QStringLiteral("carol"), QStringLiteral("new-pw")).isEmpty());

    // Removing: the account and its sessions go, but the last admin stays.
    QVERIFY(!call("[Operators] Del_operator", {{"login", "carol"}}, admin).contains("error"));
    QVERIFY(fixture->login(QStringLiteral("carol"), QStringLiteral("new-pw")).isEmpty());
    QCOMPARE(call("[Operators] Del_operator", {{"login", "carol"}}, admin).value("error").toString(),
             QStringLiteral("operator not found"));
    const QJsonObject lastAdmin = call("[Operators] Del_operator", {{"login", "admin"}}, admin);
    QCOMPARE(lastAdmin.value("error").toString(), QStringLiteral("forbidden"));
    QVERIFY2(lastAdmin.value("detail").toString().contains("last admin"), toJson(lastAdmin).constData());
    QVERIFY(!call("[Domains][Get] Domains", {}, admin).contains("error"));
}

void tst_ApiServer::pushesReachOtherClientsOnly()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient a, b, anonymous, loggedOut;
    for (WebSocketTestClient *client : {&a, &b, &anonymous, &loggedOut})
        QVERIFY(client->open(webSocketUrl(*fixture)));

    for (WebSocketTestClient *client : {&a, &b, &loggedOut}) {
        const auto reply = client->request(apiRequest("login", {{"login", "admin"}, {"password", "admin-password"}}));
        QVERIFY(reply);
        client->token = reply->value("token").toString();
        QVERIFY(!client->token.isEmpty());
    }
    QVERIFY(loggedOut.request(apiRequest("logout", {}, loggedOut.token)));

    const auto added = a.request(apiRequest("[Domains][Add] Domain", {{"name", "pushed.example"}}, a.token));
    QVERIFY(added);
    QVERIFY2(!added->contains("error"), toJson(*added).constData());

    QVERIFY(b.waitForPushes(1));
    QJsonObject push = b.pushes().first();
    QCOMPARE(push.value("push").toBool(), true);
    QCOMPARE(push.value("MessageType").toString(), QStringLiteral("[Domains][Add] Domain"));
    QVERIFY(!push.contains("request_id"));
    push.remove("push");
    QJsonObject expected = *added;
    expected.remove("request_id");
    QCOMPARE(push, expected);

    // A push would have reached these sockets before the reply to a later request.
    QVERIFY(anonymous.sendText(QStringLiteral("{}")));
    QVERIFY(loggedOut.sendText(QStringLiteral("{}")));
    QVERIFY(a.request(apiRequest("[Domains][Get] Domains", {}, a.token)));
    QVERIFY(anonymous.pushes().isEmpty());
    QVERIFY(loggedOut.pushes().isEmpty());
    QVERIFY(a.pushes().isEmpty());

    // A change made over HTTP reaches every bound WebSocket client, A included.
    const auto response = fixture->post(toJson(apiRequest("[Domains][Add] Domain", {{"name", "http.example"}}, a.token)));
    QCOMPARE(response->status, 200);
    QVERIFY(a.waitForPushes(1));
    QVERIFY(b.waitForPushes(2));
    QCOMPARE(b.pushes().at(1).value("MessageType").toString(), QStringLiteral("[Domains][Add] Domain"));
    QVERIFY(findIdByName(b.pushes().at(1), "http.example") > 0);
}

void tst_ApiServer::viewerPushesMaskSecrets()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient admin, viewer;
    QVERIFY(admin.open(webSocketUrl(*fixture)));
    QVERIFY(viewer.open(webSocketUrl(*fixture)));
    const auto adminLogin = admin.request(apiRequest("login", {{"login", "admin"}, {"password", "admin-password"}}));
    QVERIFY(adminLogin);
    admin.token = adminLogin->value("token").toString();
    const auto viewerLogin = viewer.request(apiRequest("login", {{"login", "viewer"}, {"password", "viewer-password"}}));
    QVERIFY(viewerLogin);
    QCOMPARE(viewerLogin->value("role").toString(), QStringLiteral("viewer"));
    viewer.token = viewerLogin->value("token").toString();

    const auto domain = admin.request(apiRequest("[Domains][Add] Domain", {{"name", "mask.example"}}, admin.token));
    QVERIFY(domain);
    const qint64 domainId = findIdByName(*domain, "mask.example");
    QVERIFY(domainId > 0);
    const auto param = admin.request(apiRequest("[Domains] New_domain_param",
                                                {{"id", domainId}, {"name", "password"}, {"value", "s3cret-value"}},
                                                admin.token));
    QVERIFY(param);
    QVERIFY2(toJson(*param).contains("s3cret-value"), toJson(*param).constData());

    QVERIFY(viewer.waitForPushes(2));
    const QByteArray pushed = toJson(viewer.pushes().at(1));
    QVERIFY2(!pushed.contains("s3cret-value"), pushed.constData());
    QVERIFY2(pushed.contains("********"), pushed.constData());
}

void tst_ApiServer::badWebSocketInput()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    WebSocketTestClient client, other;
    QVERIFY(client.open(webSocketUrl(*fixture)));
    QVERIFY(other.open(webSocketUrl(*fixture)));

    auto reply = client.sendText(QStringLiteral("not json at all"));
    QVERIFY(reply);
    QCOMPARE(reply->value("MessageType").toString(), QStringLiteral("none"));
    QCOMPARE(reply->value("error").toString(), QStringLiteral("invalid request"));

    const qsizetype before = client.replies().size();
    client.socket().sendBinaryMessage(QByteArray(R"({"event":"login","data":{}})"));
    QTRY_COMPARE(client.replies().size(), before + 1);
    QCOMPARE(client.replies().takeLast().value("error").toString(), QStringLiteral("invalid request"));

    client.socket().sendTextMessage(QString(17 * 1024 * 1024, QLatin1Char('x')));
    QVERIFY(client.waitForDisconnect(30'000));
    QCOMPARE(int(client.socket().closeCode()), 1009);

    const QString token = fixture->login();
    reply = other.request(apiRequest("[Domains][Get] Domains", {}, token));
    QVERIFY(reply);
    QVERIFY(!reply->contains("error"));
}

void tst_ApiServer::oversizedHttpBodyKeepsConnection()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    QTcpSocket socket;
    QVERIFY(connectLoopback(socket, fixture->port()));
    const QByteArray body(17 * 1024 * 1024, ' ');
    socket.write("POST /api/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\n\r\n" + body);
    auto response = readResponse(socket, 60'000);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(parseBody(response).value("error").toString(), QStringLiteral("request too large"));

    const QByteArray login = R"({"event":"login","data":{"login":"admin","password":"admin-password"}})";
    socket.write("POST /api/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(login.size())
                 + "\r\n\r\n" + login);
    response = readResponse(socket, 60'000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(parseBody(response).value("token").toString().size(), 32);
}

void tst_ApiServer::unfinishedHeaderDoesNotBlockOthers()
{
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    config.headerTimeout = std::chrono::milliseconds(300);
    auto fixture = startFixture(config);
    QVERIFY(fixture);
    QTcpSocket slow;
    QVERIFY(connectLoopback(slow, fixture->port()));
    slow.write("POST /api/v1 HTTP/1.1\r\nHost: x\r\nContent-Le");

    QVERIFY(!fixture->login().isEmpty());
    QVERIFY(waitForClose(slow));
}

void tst_ApiServer::connectionCapServesOthers()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    const int cap = fixture->server().maxConnections();
    QVERIFY2(cap == 1000, "the open-files limit of this machine lowered the default cap");

    WebSocketTestClient webSocket;
    QVERIFY(webSocket.open(webSocketUrl(*fixture)));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 1; i < cap; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QStringLiteral("127.0.0.1"), fixture->port());
    }
    QTRY_COMPARE_WITH_TIMEOUT(fixture->server().connectionCount(), cap, 30'000);

    QTcpSocket rejected;
    QVERIFY(connectLoopback(rejected, fixture->port()));
    const auto refusal = readResponse(rejected);
    QVERIFY(refusal);
    QCOMPARE(refusal->status, 503);
    QCOMPARE(parseBody(refusal).value("error").toString(), QStringLiteral("too many connections"));

    // Open connections keep being served.
    const QByteArray login = R"({"event":"login","data":{"login":"admin","password":"admin-password"}})";
    QTcpSocket &first = *sockets.front();
    first.write("POST /api/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(login.size())
                + "\r\n\r\n" + login);
    const auto served = readResponse(first);
    QVERIFY(served);
    QCOMPARE(served->status, 200);
    const auto listed = webSocket.request(apiRequest("[Domains][Get] Domains", {}, parseBody(served).value("token").toString()));
    QVERIFY(listed);
    QVERIFY(!listed->contains("error"));

    sockets.clear();
    QTRY_COMPARE_WITH_TIMEOUT(fixture->server().connectionCount(), 1, 30'000);
    QVERIFY(!fixture->login().isEmpty());
}

void tst_ApiServer::slowPushReaderIsDisconnected()
{
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    config.maxSendQueueBytes = 1024 * 1024;
    auto fixture = startFixture(config);
    QVERIFY(fixture);
    const QString token = fixture->login();

    QTcpSocket stalled;
    QVERIFY(openRawWebSocket(stalled, fixture->port()));
    stalled.write(maskedTextFrame(toJson(apiRequest("[Domains][Get] Domains", {}, token))));
    // The reply frame arriving means the request ran and bound the socket to the token.
    QTRY_VERIFY(stalled.bytesAvailable() > 0);
    // Stop reading: Qt stops taking bytes from the kernel once its buffer contains one byte.
    stalled.setReadBufferSize(1);

    WebSocketTestClient writer;
    QVERIFY(writer.open(webSocketUrl(*fixture)));
    const auto domain = writer.request(apiRequest("[Domains][Add] Domain", {{"name", "big.example"}}, token));
    QVERIFY(domain);
    const qint64 domainId = findIdByName(*domain, "big.example");
    QVERIFY(domainId > 0);

    const QString bigValue(512 * 1024, QLatin1Char('v'));
    int added = 0;
    for (int i = 0; i < 80 && fixture->server().webSocketClientCount() > 1; ++i) {
        const auto reply = writer.request(apiRequest("[Domains] New_domain_param",
                                                     {{"id", domainId},
                                                      {"name", QStringLiteral("p%1").arg(i)},
                                                      {"value", bigValue}},
                                                     token));
        QVERIFY(reply);
        QVERIFY2(!reply->contains("error"), toJson(*reply).left(300).constData());
        ++added;
    }
    QTRY_COMPARE(fixture->server().webSocketClientCount(), 1);

    // The writer keeps being served and every change it made is stored.
    const auto details = writer.request(apiRequest("[Domains][Get] Domain_details", {{"id", domainId}}, token));
    QVERIFY(details);
    const QJsonObject parameters = details->value("domain_details").toObject()
                                       .value(QString::number(domainId)).toObject()
                                       .value("parameters").toObject();
    QCOMPARE(parameters.size(), added);
}

void tst_ApiServer::silentClientIsDroppedAfterPongTimeout()
{
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    config.pingInterval = std::chrono::milliseconds(50);
    config.pongTimeout = std::chrono::milliseconds(300);
    auto fixture = startFixture(config);
    QVERIFY(fixture);

    WebSocketTestClient answering;
    QVERIFY(answering.open(webSocketUrl(*fixture)));
    QTcpSocket silent;
    QVERIFY(openRawWebSocket(silent, fixture->port()));
    QTRY_COMPARE(fixture->server().webSocketClientCount(), 2);

    QVERIFY(waitForClose(silent));
    QCOMPARE(fixture->server().webSocketClientCount(), 1);
    // Qt's client sends pongs, so it outlives several pong timeouts.
    QTest::qWait(1000);
    QCOMPARE(answering.socket().state(), QAbstractSocket::ConnectedState);
}

void tst_ApiServer::curlLogsInListsAndAdds()
{
    auto fixture = startFixture();
    QVERIFY(fixture);
    const QString url = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(fixture->port());

    WebSocketTestClient watcher;
    QVERIFY(watcher.open(webSocketUrl(*fixture)));
    QVERIFY(watcher.request(apiRequest("login", {{"login", "admin"}, {"password", "admin-password"}})));

    auto curl = [&](const QByteArray &body, const QStringList &extra = {}) {
        QStringList arguments{QStringLiteral("-sS"), QStringLiteral("-v"), QStringLiteral("-X"),
                              QStringLiteral("POST"), url, QStringLiteral("--data-binary"),
                              QStringLiteral("@-")};
        arguments += extra;
        return runProcess(QStringLiteral("curl"), arguments, 30'000, body);
    };

    auto result = curl(R"({"event":"login","data":{"login":"admin","password":"admin-password"}})");
    QCOMPARE(result.exitCode, 0);
    const QString token = QJsonDocument::fromJson(result.standardOutput).object().value("token").toString();
    QCOMPARE(token.size(), 32);

    result = curl(toJson(apiRequest("[Domains][Get] Domains", {}, token)));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(result.standardOutput).object().value("MessageType").toString(),
             QStringLiteral("[Domains][Get] Domains"));

    result = curl(toJson(apiRequest("[Domains][Add] Domain", {{"name", "curl.example"}}, token)));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject added = QJsonDocument::fromJson(result.standardOutput).object();
    const qint64 domainId = findIdByName(added, "curl.example");
    QVERIFY2(domainId > 0, result.standardOutput.constData());
    QVERIFY(watcher.waitForPushes(1));

    // Bodies over 1 KiB: curl 7.88 sends Expect: 100-continue only from 1 MiB on, so both a
    // 2 KiB body with the header forced and a 1.1 MiB body are posted.
    const QList<std::pair<qsizetype, QStringList>> cases{
        {2048, {QStringLiteral("-H"), QStringLiteral("Expect: 100-continue")}},
        {1100 * 1024, {}},
    };
    int index = 0;
    for (const auto &[size, extra] : cases) {
        const QJsonObject request = apiRequest("[Domains] New_domain_param",
                                               {{"id", domainId},
                                                {"name", QStringLiteral("large%1").arg(index++)},
                                                {"value", QString(size, QLatin1Char('x'))}},
                                               token);
        result = curl(toJson(request), extra);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.standardError.contains("HTTP/1.1 100 Continue"), result.standardError.left(1500).constData());
        const QJsonObject reply = QJsonDocument::fromJson(result.standardOutput).object();
        QVERIFY2(!reply.contains("error"), result.standardOutput.left(300).constData());
    }
    QVERIFY(watcher.waitForPushes(3));
}

void tst_ApiServer::tlsServesHttpsAndWss()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    QString error;
    QVERIFY2(makeSelfSignedCertificate(folder.path(), &config.tlsCertificateFile, &config.tlsKeyFile, &error),
             qPrintable(error));
    auto fixture = startFixture(config);
    QVERIFY(fixture);
    QVERIFY(fixture->server().isTls());
    QVERIFY(fixture->server().baseUrl().startsWith(QStringLiteral("https://127.0.0.1:")));

    const QString url = QStringLiteral("https://127.0.0.1:%1/api/v1").arg(fixture->port());
    auto result = runProcess(QStringLiteral("curl"),
                             {QStringLiteral("-sS"), QStringLiteral("--cacert"), config.tlsCertificateFile,
                              url, QStringLiteral("-d"),
                              QStringLiteral(R"({"event":"login","data":{"login":"admin","password":"admin-password"}})")});
    QCOMPARE(result.exitCode, 0);
    const QString token = QJsonDocument::fromJson(result.standardOutput).object().value("token").toString();
    QCOMPARE(token.size(), 32);

    WebSocketTestClient secure;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(config.tlsCertificateFile));
    secure.socket().setSslConfiguration(tls);
    QVERIFY(secure.open(webSocketUrl(*fixture, QStringLiteral("wss"))));
    const auto listed = secure.request(apiRequest("[Domains][Get] Domains", {}, token));
    QVERIFY(listed);
    QVERIFY(!listed->contains("error"));

    result = runProcess(QStringLiteral("curl"),
                        {QStringLiteral("-sS"), QStringLiteral("-m"), QStringLiteral("10"),
                         QStringLiteral("http://127.0.0.1:%1/api/v1").arg(fixture->port()),
                         QStringLiteral("-d"), QStringLiteral("{}")});
    QVERIFY(result.finished);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.exitCode != 28, "plain HTTP to the TLS port must fail at once, not time out");
    QTRY_COMPARE(fixture->server().connectionCount(), 1);
}

QTEST_GUILESS_MAIN(tst_ApiServer)
#include "tst_apiserver.moc"
