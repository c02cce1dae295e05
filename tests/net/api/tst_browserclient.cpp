// SPDX-License-Identifier: MPL-2.0
// A WebSocket client that is not Qt's: headless Chromium loads a page served on loopback. Its
// script logs in on two sockets and runs the API document's exampleSocket.send() lines for
// listing and adding a domain on the first. Then it posts what both sockets received.
#include "core/http/HttpServer.h"
#include "tests/net/support/ApiTestFixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fsd;
using namespace fsd::test;

namespace {

// The token the document's examples carry; the page puts the real one in its place.
const QString DocumentToken = QStringLiteral("dd64511448aed2ce2160fc091a79749d");

// The argument of the document's exampleSocket.send('...') line for `event`, as written.
QString documentSendArgument(const QString &event)
{
    QFile file(QStringLiteral(FSD_FIXTURES_DIR "/../spec/directory-api.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression line(QStringLiteral(R"(exampleSocket\.send\('(\{"event":"%1".*)'\);)")
                                      .arg(QRegularExpression::escape(event)));
    return line.match(text).captured(1);
}

QByteArray pageHtml(quint16 apiPort, const QString &listLine, const QString &addLine)
{
    QString html = QStringLiteral(R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>fsdirector API test</title></head><body><script>
const documentToken = '%1';
function report(result) {
  fetch('/result', {method: 'POST', body: JSON.stringify(result)});
}
function openSocket() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket('ws://127.0.0.1:%2/ws');
    socket.onopen = () => resolve(socket);
    socket.onerror = () => reject(new Error('WebSocket failed to open'));
  });
}
function nextMessage(socket, accept) {
  return new Promise((resolve) => {
    const listener = (event) => {
      const message = JSON.parse(event.data);
      if (accept(message)) {
        socket.removeEventListener('message', listener);
        resolve(message);
      }
    };
    socket.addEventListener('message', listener);
  });
}
async function login(socket) {
  const reply = nextMessage(socket, (m) => m.MessageType === 'login');
  socket.send('{"event":"login","data":{"login":"admin","password":"admin-password"}}');
  return (await reply).token;
}
(async () => {
  try {
    const exampleSocket = await openSocket();
    const secondPage = await openSocket();
    const token = await login(exampleSocket);
    await login(secondPage);

    let reply = nextMessage(exampleSocket, (m) => m.MessageType === '[Domains][Get] Domains');
    exampleSocket.send('%3'.replace(documentToken, token));
    const listed = await reply;

    const pushed = nextMessage(secondPage, (m) => m.push === true);
    reply = nextMessage(exampleSocket, (m) => m.MessageType === '[Domains][Add] Domain');
    exampleSocket.send('%4'.replace(documentToken, token));
    const added = await reply;
    const push = await pushed;
    report({listed, added, push});
  } catch (error) {
    report({error: String(error)});
  }
})();
</script></body></html>
)");
    return html.arg(DocumentToken).arg(apiPort).arg(listLine, addLine).toUtf8();
}

} // namespace

class tst_BrowserClient : public QObject
{
    Q_OBJECT

private slots:
    void chromiumListsAddsAndSeesPush();
};

void tst_BrowserClient::chromiumListsAddsAndSeesPush()
{
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    QVERIFY2(!chromium.isEmpty(), "chromium is not installed (packaging/install-dependencies.sh --tests)");
    const QString listLine = documentSendArgument(QStringLiteral("[Domains][Get] Domains"));
    const QString addLine = documentSendArgument(QStringLiteral("[Domains][Add] Domain"));
    QVERIFY(listLine.contains(DocumentToken));
    QVERIFY(addLine.contains(DocumentToken));

    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));

    HttpServer pageServer;
    const QByteArray page = pageHtml(fixture.port(), listLine, addLine);
    std::optional<QJsonObject> result;
    pageServer.setHandler([&](const HttpRequest &request, HttpResponder responder) {
        if (request.path == "/result") {
            result = QJsonDocument::fromJson(request.body).object();
            return responder.send(HttpResponse::text(204, {}));
        }
        if (request.path == "/page.html") {
            HttpResponse response = HttpResponse::text(200, page);
            response.contentType = "text/html; charset=utf-8";
            return responder.send(response);
        }
        responder.send(HttpResponse::text(404, "not found"));
    });
    QVERIFY2(pageServer.listen({}), qPrintable(pageServer.errorString()));

    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    QProcess browser;
    browser.setProcessChannelMode(QProcess::MergedChannels);
    browser.start(chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                             QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
                             QStringLiteral("--no-first-run"),
                             QStringLiteral("--disable-background-networking"),
                             QStringLiteral("--disable-component-update"),
                             QStringLiteral("--disable-sync"),
                             QStringLiteral("--user-data-dir=%1").arg(profile.path()),
                             QStringLiteral("http://127.0.0.1:%1/page.html").arg(pageServer.serverPort())});
    QVERIFY2(browser.waitForStarted(10'000), qPrintable(browser.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value() || browser.state() == QProcess::NotRunning, 60'000);
    const QByteArray browserOutput = browser.readAll();
    browser.kill();
    browser.waitForFinished(10'000);
    QVERIFY2(result.has_value(), browserOutput.right(2000).constData());
    QVERIFY2(!result->contains("error"), QJsonDocument(*result).toJson().constData());

    const QJsonObject listed = result->value("listed").toObject();
    QCOMPARE(listed.value("MessageType").toString(), QStringLiteral("[Domains][Get] Domains"));
    QVERIFY(listed.value("domains").isObject());

    const QJsonObject added = result->value("added").toObject();
    QCOMPARE(added.value("MessageType").toString(), QStringLiteral("[Domains][Add] Domain"));
    QVERIFY2(!added.contains("error"), QJsonDocument(added).toJson().constData());
    const QJsonObject domains = added.value("domains").toObject();
    QCOMPARE(domains.size(), 1);
    QCOMPARE(domains.begin()->toObject().value("name").toString(), QStringLiteral("new-domain"));

    QJsonObject push = result->value("push").toObject();
    QCOMPARE(push.value("push").toBool(), true);
    push.remove("push");
    QCOMPARE(push, added);
}

QTEST_GUILESS_MAIN(tst_BrowserClient)
#include "tst_browserclient.moc"
