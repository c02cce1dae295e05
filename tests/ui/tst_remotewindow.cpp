// SPDX-License-Identifier: MPL-2.0
// The window in remote mode against a real `fsdirector --headless` process, with a second
// WebSocket client on the same server.
#include "core/net/RemoteEventChannel.h"
#include "tests/ui/ModelTestHelpers.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/ApiEvents.h"
#include "ui/ConnectDialog.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/NameDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace fsd;
using namespace fsd::test;
using fsd::ui::DirectoryTreeModel;

namespace {

const QString AdminPassword = QStringLiteral("remote-test-password");

// A port free on 127.0.0.1 right now, for a server started later.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class RemoteWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void twoClientsSeeEachOther();

private:
    bool startServer();
    void stopServer();
    QJsonObject sendRaw(QWebSocket &socket, const QJsonObject &request);
    void flush();

    QTemporaryDir m_folder;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server;
};

void RemoteWindowTest::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_port = freePort();
    QVERIFY(m_port != 0);
}

void RemoteWindowTest::cleanup()
{
    stopServer();
}

bool RemoteWindowTest::startServer()
{
    m_server = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), AdminPassword);
    m_server->setProcessEnvironment(environment);
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(QStringLiteral(FSD_APP_BINARY),
                    {QStringLiteral("--headless"), QStringLiteral("--config"),
                     m_folder.filePath(QStringLiteral("fsdirector.ini")),
                     QStringLiteral("--database"),
                     m_folder.filePath(QStringLiteral("directory.sqlite")),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    if (!m_server->waitForStarted(20000))
        return false;
    // The server is ready when its port accepts connections.
    return QTest::qWaitFor(
        [this]() {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            return probe.waitForConnected(200);
        },
        20000);
}

void RemoteWindowTest::stopServer()
{
    if (!m_server)
        return;
    m_server->kill();
    m_server->waitForFinished(20000);
    m_server.reset();
}

QJsonObject RemoteWindowTest::sendRaw(QWebSocket &socket, const QJsonObject &request)
{
    QSignalSpy received(&socket, &QWebSocket::textMessageReceived);
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    // Pushes may arrive before the reply; the reply is the message without "push".
    for (int waited = 0; waited < 200; ++waited) {
        for (const QList<QVariant> &message : std::as_const(received)) {
            const QJsonObject object =
                QJsonDocument::fromJson(message.first().toString().toUtf8()).object();
            if (!object.value(QStringLiteral("push")).toBool())
                return object;
        }
        received.wait(100);
    }
    return {};
}

void RemoteWindowTest::twoClientsSeeEachOther()
{
    QVERIFY(startServer());

    // The window starts without a local directory and connects through its dialog.
    ui::MainWindow window(nullptr);
    auto prompter = std::make_unique<ScriptedPrompter>();
    ScriptedPrompter *answers = prompter.get();
    window.setPrompter(std::move(prompter));
    window.setSettingsFile(m_folder.filePath(QStringLiteral("gui.ini")));
    QAbstractItemModelTester tester(window.directoryModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();

    window.action(QStringLiteral("connectAction"))->trigger();
    auto *dialog = window.findChild<ui::ConnectDialog *>();
    QVERIFY(dialog);
    dialog->urlEdit()->setText(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
    dialog->loginEdit()->setText(QStringLiteral("admin"));
    dialog->passwordEdit()->setText(AdminPassword);
    dialog->okButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    QVERIFY(answers->errors.isEmpty());
    auto *location = window.findChild<QLabel *>(QStringLiteral("locationLabel"));
    QVERIFY2(location->text().contains(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)),
             qPrintable(location->text()));
    auto *channel = window.findChild<RemoteEventChannel *>(QStringLiteral("remoteChannel"));
    QVERIFY(channel);
    channel->setReconnectDelays(std::chrono::milliseconds(100), std::chrono::milliseconds(500));

    // A second client on the same server.
    QWebSocket other;
    QSignalSpy otherMessages(&other, &QWebSocket::textMessageReceived);
    other.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
    QVERIFY(QSignalSpy(&other, &QWebSocket::connected).wait(20000) || other.isValid());
    const QJsonObject login = sendRaw(
        other, QJsonObject{{QStringLiteral("event"), QStringLiteral("login")},
                           {QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("login"), QStringLiteral("admin")},
                                        {QStringLiteral("password"), AdminPassword}}}});
    const QString token = login.value(QStringLiteral("token")).toString();
    QVERIFY2(!token.isEmpty(), QJsonDocument(login).toJson().constData());

    // A change by the other client appears in the window.
    const QJsonObject added = sendRaw(
        other, ui::Events::request(ui::Events::AddDomain,
                                   QJsonObject{{QStringLiteral("token"), token},
                                               {QStringLiteral("name"), "remote.example"}}));
    QVERIFY2(!ui::Events::isError(added), QJsonDocument(added).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(childNames(*window.directoryModel()),
                              QStringList({"remote.example"}), 20000);

    // A change in the window reaches the other client as a push.
    otherMessages.clear();
    window.selectDirectoryItem(DirectoryTreeModel::DomainItem,
                               window.directoryModel()
                                   ->index(0, 0)
                                   .data(DirectoryTreeModel::IdRole)
                                   .toLongLong());
    window.action(QStringLiteral("addUserAction"))->trigger();
    auto *nameDialog = window.findChild<ui::NameDialog *>();
    QVERIFY(nameDialog);
    nameDialog->nameEdit()->setText(QStringLiteral("1000"));
    nameDialog->okButton()->click();
    const auto pushedUser = [&otherMessages]() {
        for (const QList<QVariant> &message : std::as_const(otherMessages)) {
            const QJsonObject object =
                QJsonDocument::fromJson(message.first().toString().toUtf8()).object();
            if (object.value(QStringLiteral("push")).toBool()
                && ui::Events::messageType(object) == ui::Events::AddUser)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(pushedUser(), 20000);

    // Kill the server, change the database while it is down, start it again: the window
    // reconnects and shows the current data.
    stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.client()->state() != EventChannel::State::Connected, 20000);
    QProcess command;
    command.start(QStringLiteral(FSD_APP_BINARY),
                  {QStringLiteral("--config"), m_folder.filePath(QStringLiteral("fsdirector.ini")),
                   QStringLiteral("--database"),
                   m_folder.filePath(QStringLiteral("directory.sqlite")),
                   QStringLiteral("--event"),
                   QStringLiteral(R"({"event":"[Domains][Add] Domain","data":{"name":"offline.example"}})")});
    QVERIFY(command.waitForFinished(20000));
    QCOMPARE(command.exitCode(), 0);

    QVERIFY(startServer());
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(childNames(*window.directoryModel()),
                              QStringList({"offline.example", "remote.example"}), 20000);
    const QModelIndex remote = childNamed(*window.directoryModel(), QStringLiteral("remote.example"));
    QTRY_COMPARE_WITH_TIMEOUT(window.directoryModel()->rowCount(remote), 1, 20000);
    QVERIFY(answers->errors.isEmpty());
}

QTEST_MAIN(RemoteWindowTest)
#include "tst_remotewindow.moc"
