// SPDX-License-Identifier: MPL-2.0
#include "core/http/TlsFiles.h"
#include "core/net/RemoteEventChannel.h"
#include "tests/net/support/ApiTestFixture.h"
#include "tests/net/support/NetTestSupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

#include <optional>

using namespace fsd;
using namespace fsd::test;

namespace {

// Sends through `channel` and runs the event loop until the reply arrives.
std::optional<QJsonObject> sendAndWait(RemoteEventChannel &channel, const QJsonObject &request)
{
    std::optional<QJsonObject> result;
    QObject context;
    channel.send(request, &context, [&](const QJsonObject &reply) { result = reply; });
    const QDeadlineTimer deadline(10'000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(1);
    return result;
}

} // namespace

class tst_RemoteEventChannel : public QObject
{
    Q_OBJECT

private slots:
    void logsInSendsAndReceivesPushes();
    void wrongPasswordReportsLoginFailed();
    void reconnectsAndResynchronises();
    void loggedOutTokenSignalsExpiry();
    void unknownCertificateNeedsConfirmation();

private:
    static QUrl url(ApiTestFixture &fixture, const QString &scheme = QStringLiteral("ws"))
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws").arg(scheme).arg(fixture.port()));
    }
};

void tst_RemoteEventChannel::logsInSendsAndReceivesPushes()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));

    RemoteEventChannel channel(url(fixture));
    QSignalSpy loggedIn(&channel, &RemoteEventChannel::loggedIn);
    QSignalSpy pushed(&channel, &EventChannel::pushed);
    channel.connectToServer(QStringLiteral("admin"), QStringLiteral("admin-password"));
    QVERIFY(loggedIn.wait(10'000));
    QCOMPARE(loggedIn.first().first().toString(), QStringLiteral("admin"));
    QCOMPARE(channel.state(), EventChannel::State::Connected);
    QCOMPARE(channel.location(), url(fixture).toString());

    const auto added = sendAndWait(channel, apiRequest(QStringLiteral("[Domains][Add] Domain"), {{"name", "channel.example"}}));
    QVERIFY(added);
    QVERIFY2(!added->contains("error"), QJsonDocument(*added).toJson().constData());
    QVERIFY(!added->contains("request_id"));

    // Another client's change arrives as a push; the channel's own change did not.
    const QString token = fixture.login();
    const auto response = fixture.post(QJsonDocument(apiRequest(QStringLiteral("[Domains][Add] Domain"),
                                                                {{"name", "other.example"}}, token))
                                           .toJson(QJsonDocument::Compact));
    QVERIFY(response);
    // The push may arrive while post() still runs the event loop for the response.
    QVERIFY(!pushed.isEmpty() || pushed.wait(10'000));
    QCOMPARE(pushed.size(), 1);
    const QJsonObject push = pushed.first().first().toJsonObject();
    QCOMPARE(push.value("MessageType").toString(), QStringLiteral("[Domains][Add] Domain"));
    QCOMPARE(push.value("push").toBool(), true);
}

void tst_RemoteEventChannel::wrongPasswordReportsLoginFailed()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));
    RemoteEventChannel channel(url(fixture));
    QSignalSpy failed(&channel, &RemoteEventChannel::loginFailed);
    channel.connectToServer(QStringLiteral("admin"), QStringLiteral("wrong"));
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.first().first().toString(), QStringLiteral("wrong login or password"));
    QTRY_COMPARE(channel.state(), EventChannel::State::Disconnected);

    const auto reply = sendAndWait(channel, apiRequest(QStringLiteral("[Domains][Get] Domains"), {}));
    QVERIFY(reply);
    QCOMPARE(reply->value("error").toString(), QStringLiteral("not connected"));
}

void tst_RemoteEventChannel::reconnectsAndResynchronises()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));
    RemoteEventChannel channel(url(fixture));
    channel.setReconnectDelays(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
    QSignalSpy loggedIn(&channel, &RemoteEventChannel::loggedIn);
    QSignalSpy resynchronised(&channel, &RemoteEventChannel::resynchronised);
    QSignalSpy pushed(&channel, &EventChannel::pushed);
    channel.connectToServer(QStringLiteral("admin"), QStringLiteral("admin-password"));
    QVERIFY(loggedIn.wait(10'000));

    // Drop every connection, then listen again on the same port.
    const quint16 port = fixture.port();
    fixture.server().stop();
    QTRY_COMPARE(channel.state(), EventChannel::State::Connecting);
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    config.port = port;
    QVERIFY2(fixture.server().start(config), qPrintable(fixture.server().errorString()));

    QVERIFY(resynchronised.wait(10'000));
    QCOMPARE(channel.state(), EventChannel::State::Connected);
    QCOMPARE(loggedIn.size(), 1);

    // The new socket is bound to the token again, so pushes arrive.
    const QString token = fixture.login();
    QVERIFY(fixture.post(QJsonDocument(apiRequest(QStringLiteral("[Domains][Add] Domain"),
                                                  {{"name", "after.example"}}, token))
                             .toJson(QJsonDocument::Compact)));
    QVERIFY(!pushed.isEmpty() || pushed.wait(10'000));
}

void tst_RemoteEventChannel::loggedOutTokenSignalsExpiry()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));
    RemoteEventChannel channel(url(fixture));
    QSignalSpy loggedIn(&channel, &RemoteEventChannel::loggedIn);
    QSignalSpy expired(&channel, &RemoteEventChannel::tokenExpired);
    channel.connectToServer(QStringLiteral("admin"), QStringLiteral("admin-password"));
    QVERIFY(loggedIn.wait(10'000));

    QVERIFY(sendAndWait(channel, apiRequest(QStringLiteral("logout"), {})));
    const auto reply = sendAndWait(channel, apiRequest(QStringLiteral("[Domains][Get] Domains"), {}));
    QVERIFY(reply);
    QCOMPARE(reply->value("error").toString(), QStringLiteral("unauthorized"));
    QCOMPARE(expired.size(), 1);
    QCOMPARE(channel.state(), EventChannel::State::Disconnected);
}

void tst_RemoteEventChannel::unknownCertificateNeedsConfirmation()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    ApiServerConfig config = ApiTestFixture::loopbackConfig();
    QString error;
    QVERIFY2(makeSelfSignedCertificate(folder.path(), &config.tlsCertificateFile, &config.tlsKeyFile, &error),
             qPrintable(error));
    ApiTestFixture fixture;
    QVERIFY2(fixture.start(config, &error), qPrintable(error));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(config.tlsCertificateFile);
    QCOMPARE(certificates.size(), 1);
    const QString expectedFingerprint = certificateFingerprint(certificates.first());
    QCOMPARE(expectedFingerprint.size(), 32 * 3 - 1);

    RemoteEventChannel first(url(fixture, QStringLiteral("wss")));
    QSignalSpy confirmation(&first, &RemoteEventChannel::certificateConfirmationRequired);
    QSignalSpy loggedIn(&first, &RemoteEventChannel::loggedIn);
    first.connectToServer(QStringLiteral("admin"), QStringLiteral("admin-password"));
    QVERIFY(confirmation.wait(10'000));
    QCOMPARE(confirmation.first().first().toString(), expectedFingerprint);
    QCOMPARE(confirmation.first().at(1).toString(), QStringLiteral("localhost"));
    QVERIFY(loggedIn.isEmpty());

    first.acceptCertificate(expectedFingerprint);
    QVERIFY(loggedIn.wait(10'000));

    // A remembered fingerprint connects without asking.
    RemoteEventChannel second(url(fixture, QStringLiteral("wss")));
    second.setTrustedCertificateFingerprint(expectedFingerprint);
    QSignalSpy secondConfirmation(&second, &RemoteEventChannel::certificateConfirmationRequired);
    QSignalSpy secondLoggedIn(&second, &RemoteEventChannel::loggedIn);
    second.connectToServer(QStringLiteral("admin"), QStringLiteral("admin-password"));
    QVERIFY(secondLoggedIn.wait(10'000));
    QVERIFY(secondConfirmation.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RemoteEventChannel)
#include "tst_remoteeventchannel.moc"
