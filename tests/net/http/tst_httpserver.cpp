// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpServer.h"
#include "core/http/OpenFilesLimit.h"
#include "tests/net/support/NetTestSupport.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <sys/resource.h>

using namespace fsd;
using fsd::test::readResponse;

namespace {

QByteArray postRequest(const QByteArray &path, const QByteArray &body,
                       const QByteArray &extraHeaders = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray getRequest(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void postEchoesBody();
    void keepAliveServesSeveralRequests();
    void headOmitsBody();
    void pipelinedRepliesKeepRequestOrder();
    void droppedResponderSends500();
    void oversizedBodyGets413AndConnectionStaysUsable();
    void oversizedBodyWithExpectClosesConnection();
    void expectContinueIsAnswered();
    void unknownExpectGets417();
    void malformedRequestGets400();
    void oversizedHeaderGets431();
    void unfinishedHeaderTimesOut();
    void idleConnectionIsClosed();
    void connectionCapRejectsNextConnection();
    void curlPostsLargeBodyWithExpect();
    void curlReusesConnection();
    void webSocketUpgradeIsHandedOver();
    void tlsServesHttpsAndRejectsPlainHttp();
    void tlsListenFailsOnMissingFile();
    void listenFailsOnBusyPort();
    void openFilesLimitIsRaised();

private:
    void startServer(const HttpServerConfig &config = {});
    quint16 port() const { return m_server->serverPort(); }

    std::unique_ptr<HttpServer> m_server;
    int m_requestCount = 0;
};

void tst_HttpServer::init()
{
    m_server = std::make_unique<HttpServer>();
    m_requestCount = 0;
    m_server->setHandler([this](const HttpRequest &request, HttpResponder responder) {
        ++m_requestCount;
        if (request.path == "/echo") {
            HttpResponse response = HttpResponse::text(200, request.body);
            response.headers.emplaceBack("X-Method", request.method);
            return responder.send(response);
        }
        if (request.path == "/delay") {
            const int delay = request.header("X-Delay-Ms").toInt();
            const QByteArray tag = request.header("X-Tag");
            QTimer::singleShot(delay, m_server.get(), [responder, tag]() {
                responder.send(HttpResponse::text(200, tag));
            });
            return;
        }
        if (request.path == "/drop")
            return;
        responder.send(HttpResponse::text(404, "not found"));
    });
}

void tst_HttpServer::cleanup()
{
    m_server.reset();
}

void tst_HttpServer::startServer(const HttpServerConfig &config)
{
    QVERIFY2(m_server->listen(config), qPrintable(m_server->errorString()));
    QVERIFY(port() != 0);
}

void tst_HttpServer::postEchoesBody()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write(postRequest("/echo", "hello"));

    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("hello"));
    QCOMPARE(response->header("X-Method"), QByteArray("POST"));
    QCOMPARE(response->header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
}

void tst_HttpServer::keepAliveServesSeveralRequests()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    for (int i = 0; i < 3; ++i) {
        client.write(postRequest("/echo", QByteArray::number(i)));
        const auto response = readResponse(client);
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray::number(i));
        QVERIFY(response->header("Connection").isEmpty());
    }

    client.write(getRequest("/echo", "Connection: close\r\n"));
    const auto last = readResponse(client);
    QVERIFY(last);
    QCOMPARE(last->header("Connection"), QByteArray("close"));
    QVERIFY(test::waitForClose(client));
}

void tst_HttpServer::headOmitsBody()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write("HEAD /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = readResponse(client, 10'000, true);
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(response->header("Content-Length"), QByteArray("9"));
    // The next response must start right away: no body bytes may follow a HEAD response.
    client.write(postRequest("/echo", "after"));
    QTRY_VERIFY(client.bytesAvailable() > 0);
    QVERIFY(client.peek(5).startsWith("HTTP/"));
}

void tst_HttpServer::pipelinedRepliesKeepRequestOrder()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    // The first request takes longest, so its response is ready last.
    client.write(postRequest("/delay", "", "X-Delay-Ms: 200\r\nX-Tag: first\r\n")
                 + postRequest("/delay", "", "X-Delay-Ms: 100\r\nX-Tag: second\r\n")
                 + postRequest("/echo", "third"));

    const QList<QByteArray> expected{"first", "second", "third"};
    for (const QByteArray &tag : expected) {
        const auto response = readResponse(client);
        QVERIFY(response);
        QCOMPARE(response->body, tag);
    }
}

void tst_HttpServer::droppedResponderSends500()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write(postRequest("/drop", "x") + postRequest("/echo", "next"));
    const auto dropped = readResponse(client);
    QVERIFY(dropped);
    QCOMPARE(dropped->status, 500);
    const auto next = readResponse(client);
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("next"));
}

void tst_HttpServer::oversizedBodyGets413AndConnectionStaysUsable()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    const QByteArray body(17 * 1024 * 1024, 'a');
    client.write(postRequest("/echo", body));

    const auto rejected = readResponse(client, 60'000);
    QVERIFY(rejected);
    QCOMPARE(rejected->status, 413);
    QVERIFY(rejected->body.contains("17825792"));
    QVERIFY(rejected->header("Connection").isEmpty());

    client.write(postRequest("/echo", "still here"));
    const auto next = readResponse(client, 60'000);
    QVERIFY(next);
    QCOMPARE(next->status, 200);
    QCOMPARE(next->body, QByteArray("still here"));
    // The handler never saw the rejected body.
    QCOMPARE(m_requestCount, 1);
}

void tst_HttpServer::oversizedBodyWithExpectClosesConnection()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 17825792\r\n"
                 "Expect: 100-continue\r\n\r\n");
    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(test::waitForClose(client));
}

void tst_HttpServer::expectContinueIsAnswered()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                 "Expect: 100-continue\r\n\r\n");
    const auto interim = readResponse(client);
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);

    client.write("body");
    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("body"));
}

void tst_HttpServer::unknownExpectGets417()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: magic\r\n\r\n");
    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 417);
    QVERIFY(test::waitForClose(client));
}

void tst_HttpServer::malformedRequestGets400()
{
    startServer();
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write("THIS IS NOT HTTP\r\n\r\n");
    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(response->body.startsWith("malformed request"));
    QVERIFY(test::waitForClose(client));
    QCOMPARE(m_requestCount, 0);
}

void tst_HttpServer::oversizedHeaderGets431()
{
    HttpServerConfig config;
    config.maxHeaderBytes = 1024;
    startServer(config);
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write(getRequest("/echo", "X-Big: " + QByteArray(2000, 'b') + "\r\n"));
    const auto response = readResponse(client);
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(test::waitForClose(client));
}

void tst_HttpServer::unfinishedHeaderTimesOut()
{
    HttpServerConfig config;
    config.headerTimeout = std::chrono::milliseconds(300);
    startServer(config);

    QTcpSocket slow;
    QVERIFY(test::connectLoopback(slow, port()));
    slow.write("POST /echo HTTP/1.1\r\nHost: x\r\nX-Never: end");

    // Other clients keep being served while the slow one holds its connection.
    QTcpSocket other;
    QVERIFY(test::connectLoopback(other, port()));
    other.write(postRequest("/echo", "served"));
    const auto response = readResponse(other);
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("served"));

    QVERIFY(test::waitForClose(slow));
    QTRY_COMPARE(m_server->connectionCount(), 1);
}

void tst_HttpServer::idleConnectionIsClosed()
{
    HttpServerConfig config;
    config.idleTimeout = std::chrono::milliseconds(300);
    startServer(config);
    QTcpSocket client;
    QVERIFY(test::connectLoopback(client, port()));
    client.write(postRequest("/echo", "x"));
    QVERIFY(readResponse(client));
    QVERIFY(test::waitForClose(client));
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void tst_HttpServer::connectionCapRejectsNextConnection()
{
    HttpServerConfig config;
    config.maxConnections = 5;
    startServer(config);
    QCOMPARE(m_server->maxConnections(), 5);

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        QVERIFY(test::connectLoopback(*clients.back(), port()));
    }
    QTRY_COMPARE(m_server->connectionCount(), 5);

    QTcpSocket rejected;
    QVERIFY(test::connectLoopback(rejected, port()));
    const auto refusal = readResponse(rejected);
    QVERIFY(refusal);
    QCOMPARE(refusal->status, 503);
    QVERIFY(test::waitForClose(rejected));

    // The open ones still work, and a freed place is usable again.
    clients.front()->write(postRequest("/echo", "first"));
    const auto served = readResponse(*clients.front());
    QVERIFY(served);
    QCOMPARE(served->body, QByteArray("first"));

    clients.back()->abort();
    QTRY_COMPARE(m_server->connectionCount(), 4);
    QTcpSocket late;
    QVERIFY(test::connectLoopback(late, port()));
    late.write(postRequest("/echo", "late"));
    const auto lateResponse = readResponse(late);
    QVERIFY(lateResponse);
    QCOMPARE(lateResponse->body, QByteArray("late"));
}

void tst_HttpServer::curlPostsLargeBodyWithExpect()
{
    startServer();
    // curl 7.88 (Debian 12) sends "Expect: 100-continue" for bodies over 1 MiB; older and newer
    // releases use 1 KiB or 1 MiB. Both sizes are posted, the first with Expect forced.
    const QList<std::pair<qsizetype, QStringList>> cases{
        {2048, {QStringLiteral("-H"), QStringLiteral("Expect: 100-continue")}},
        {1100 * 1024, {}},
    };
    for (const auto &[size, extraArguments] : cases) {
        const QByteArray body(size, 'c');
        QStringList arguments{QStringLiteral("-sS"), QStringLiteral("-v"),
                              QStringLiteral("--data-binary"), QStringLiteral("@-")};
        arguments += extraArguments;
        arguments += QStringLiteral("http://127.0.0.1:%1/echo").arg(port());
        const auto result = test::runProcess(QStringLiteral("curl"), arguments, 30'000, body);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.standardOutput.size(), body.size());
        QCOMPARE(result.standardOutput, body);
        QVERIFY2(result.standardError.contains("Expect: 100-continue"),
                 result.standardError.left(2000).constData());
        QVERIFY2(result.standardError.contains("HTTP/1.1 100 Continue"),
                 result.standardError.left(2000).constData());
    }
}

void tst_HttpServer::curlReusesConnection()
{
    startServer();
    const QString url = QStringLiteral("http://127.0.0.1:%1/echo").arg(port());
    const auto result = test::runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("-v"), QStringLiteral("-d"), QStringLiteral("a"),
         url, QStringLiteral("--next"), QStringLiteral("-d"), QStringLiteral("b"), url});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray("ab"));
    QVERIFY2(result.standardError.contains("Re-using existing connection"),
             result.standardError.constData());
}

void tst_HttpServer::webSocketUpgradeIsHandedOver()
{
    QWebSocketServer webSocketServer(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
    std::vector<QWebSocket *> serverSockets;
    connect(&webSocketServer, &QWebSocketServer::newConnection, this, [&]() {
        while (QWebSocket *socket = webSocketServer.nextPendingConnection()) {
            socket->setParent(&webSocketServer);
            connect(socket, &QWebSocket::textMessageReceived, socket,
                    [socket](const QString &text) { socket->sendTextMessage(text.toUpper()); });
            serverSockets.push_back(socket);
        }
    });
    m_server->setWebSocketServer(&webSocketServer, "/ws");
    startServer();

    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port())));
    QVERIFY(connected.wait(10'000));
    client.sendTextMessage(QStringLiteral("hello"));
    QVERIFY(received.wait(10'000));
    QCOMPARE(received.first().first().toString(), QStringLiteral("HELLO"));
    QCOMPARE(m_server->connectionCount(), 1);

    // Plain HTTP on the same port still works, and a GET elsewhere is not upgraded.
    QTcpSocket http;
    QVERIFY(test::connectLoopback(http, port()));
    http.write(getRequest("/other", "Connection: Upgrade\r\nUpgrade: websocket\r\n"));
    const auto response = readResponse(http);
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(response->header("Connection"), QByteArray("close"));

    client.close();
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void tst_HttpServer::tlsServesHttpsAndRejectsPlainHttp()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    HttpServerConfig config;
    QString error;
    QVERIFY2(test::makeSelfSignedCertificate(folder.path(), &config.tlsCertificateFile,
                                             &config.tlsKeyFile, &error),
             qPrintable(error));
    startServer(config);
    QVERIFY(m_server->isTls());

    const auto https = test::runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("--cacert"), config.tlsCertificateFile,
         QStringLiteral("-d"), QStringLiteral("secret"),
         QStringLiteral("https://127.0.0.1:%1/echo").arg(port())});
    QVERIFY(https.finished);
    QCOMPARE(https.exitCode, 0);
    QCOMPARE(https.standardOutput, QByteArray("secret"));

    const auto plain = test::runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("-m"), QStringLiteral("10"), QStringLiteral("-d"),
         QStringLiteral("x"), QStringLiteral("http://127.0.0.1:%1/echo").arg(port())});
    QVERIFY(plain.finished);
    QVERIFY2(plain.exitCode != 0, plain.standardOutput.constData());
    // curl reports an empty reply or a reset, not a timeout (exit code 28).
    QVERIFY2(plain.exitCode != 28, plain.standardError.constData());
    QTRY_COMPARE(m_server->connectionCount(), 0);

    // The server still serves TLS clients afterwards.
    const auto again = test::runProcess(
        QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("-k"), QStringLiteral("-d"), QStringLiteral("ok"),
         QStringLiteral("https://127.0.0.1:%1/echo").arg(port())});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.standardOutput, QByteArray("ok"));
}

void tst_HttpServer::tlsListenFailsOnMissingFile()
{
    HttpServerConfig config;
    config.tlsCertificateFile = QStringLiteral("/nonexistent/cert.pem");
    config.tlsKeyFile = QStringLiteral("/nonexistent/key.pem");
    QVERIFY(!m_server->listen(config));
    QVERIFY2(m_server->errorString().contains(QStringLiteral("/nonexistent/cert.pem")),
             qPrintable(m_server->errorString()));
    QVERIFY(!m_server->isListening());
}

void tst_HttpServer::listenFailsOnBusyPort()
{
    startServer();
    HttpServer second;
    HttpServerConfig config;
    config.port = port();
    QVERIFY(!second.listen(config));
    QVERIFY2(second.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(port())),
             qPrintable(second.errorString()));
}

void tst_HttpServer::openFilesLimitIsRaised()
{
    const qint64 soft = raiseOpenFilesLimit();
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    if (limit.rlim_max == RLIM_INFINITY)
        QSKIP("The hard open-files limit is unlimited; the soft limit is left alone.");
    QCOMPARE(quint64(soft), quint64(limit.rlim_max));
    QCOMPARE(limit.rlim_cur, limit.rlim_max);
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
