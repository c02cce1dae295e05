// SPDX-License-Identifier: MPL-2.0
// The window in remote mode against a real `fsdirector --headless` process, with a second
// WebSocket client on the same server.
#include "core/net/RemoteEventChannel.h"
#include "tests/net/support/NetTestSupport.h"
#include "tests/ui/ModelTestHelpers.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/ApiEvents.h"
#include "ui/ConnectDialog.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"
#include "ui/ImportReportDialog.h"
#include "ui/ImportXmlDialog.h"
#include "ui/MainWindow.h"
#include "ui/UserFilterProxyModel.h"
#include "ui/NameDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
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
    void untrustedCertificateIsConfirmedOnce();
    void newLoginAfterTokenEnds();
    void viewerCannotChangeAnything();
    void checkOnlyAsksServer();

private:
    bool startServer(const QStringList &extraArguments = {});
    // Opens Connect to Server… on `window` and submits it.
    void connectWindow(ui::MainWindow &window, const QString &url,
                       const QString &login = QStringLiteral("admin"),
                       const QString &password = AdminPassword);
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

bool RemoteWindowTest::startServer(const QStringList &extraArguments)
{
    m_server = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), AdminPassword);
    m_server->setProcessEnvironment(environment);
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--config"),
                                m_folder.filePath(QStringLiteral("fsdirector.ini")),
                                QStringLiteral("--database"),
                                m_folder.filePath(QStringLiteral("directory.sqlite")),
                                QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:%1").arg(m_port)};
    m_server->start(QStringLiteral(FSD_APP_BINARY), arguments + extraArguments);
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
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester tester(window.directoryModel(), mode);
    QAbstractItemModelTester filterTester(window.filterModel(), mode);
    QAbstractItemModelTester groupsTester(window.groupsModel(), mode);
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

void RemoteWindowTest::connectWindow(ui::MainWindow &window, const QString &url,
                                     const QString &login, const QString &password)
{
    window.action(QStringLiteral("connectAction"))->trigger();
    ui::ConnectDialog *dialog = nullptr;
    for (ui::ConnectDialog *candidate : window.findChildren<ui::ConnectDialog *>()) {
        if (candidate->isVisible())
            dialog = candidate;
    }
    QVERIFY(dialog);
    dialog->urlEdit()->setText(url);
    dialog->loginEdit()->setText(login);
    dialog->passwordEdit()->setText(password);
    dialog->okButton()->click();
}

// A server with a self-signed certificate: the window shows its SHA-256 fingerprint, connects
// only when the operator trusts it, and remembers that decision.
void RemoteWindowTest::untrustedCertificateIsConfirmedOnce()
{
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(makeSelfSignedCertificate(m_folder.path(), &certificate, &key, &error),
             qPrintable(error));
    QVERIFY(startServer({QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key}));
    const QString url = QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_port);
    const QString settingsFile = m_folder.filePath(QStringLiteral("trust.ini"));

    ui::MainWindow window(nullptr);
    auto prompter = std::make_unique<ScriptedPrompter>();
    ScriptedPrompter *answers = prompter.get();
    window.setPrompter(std::move(prompter));
    window.setSettingsFile(settingsFile);
    window.show();

    // Declined: not connected, and the dialog shows the reason.
    answers->confirmations = {false};
    connectWindow(window, url);
    QTRY_COMPARE_WITH_TIMEOUT(answers->questions.size(), 1, 20000);
    QVERIFY2(answers->questions.first().contains(QStringLiteral("SHA-256")),
             qPrintable(answers->questions.first()));
    auto *dialog = window.findChild<ui::ConnectDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->isVisible(), 20000);
    QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("not trusted")));
    QCOMPARE(window.client()->state(), EventChannel::State::Disconnected);

    // Trusted: connected.
    answers->confirmations = {true};
    dialog->okButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    QCOMPARE(answers->questions.size(), 2);

    // A new window with the same settings connects without asking.
    ui::MainWindow second(nullptr);
    auto secondPrompter = std::make_unique<ScriptedPrompter>();
    ScriptedPrompter *secondAnswers = secondPrompter.get();
    second.setPrompter(std::move(secondPrompter));
    second.setSettingsFile(settingsFile);
    second.show();
    connectWindow(second, url);
    QTRY_COMPARE_WITH_TIMEOUT(second.client()->state(), EventChannel::State::Connected, 20000);
    QVERIFY(secondAnswers->questions.isEmpty());
}

// When the channel reports that the server ended the session, the window opens a login
// dialog and resumes with the new login.
void RemoteWindowTest::newLoginAfterTokenEnds()
{
    QVERIFY(startServer());
    ui::MainWindow window(nullptr);
    auto prompter = std::make_unique<ScriptedPrompter>();
    window.setPrompter(std::move(prompter));
    window.setSettingsFile(m_folder.filePath(QStringLiteral("relogin.ini")));
    window.show();
    connectWindow(window, QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    auto *channel = window.findChild<RemoteEventChannel *>(QStringLiteral("remoteChannel"));
    QVERIFY(channel);

    // The signal the channel emits when a request comes back "unauthorized".
    emit channel->tokenExpired();
    ui::ConnectDialog *relogin = nullptr;
    for (ui::ConnectDialog *dialog : window.findChildren<ui::ConnectDialog *>()) {
        if (dialog->isVisible())
            relogin = dialog;
    }
    QVERIFY(relogin);
    QCOMPARE(relogin->windowTitle(), QStringLiteral("Log In Again"));
    QVERIFY(relogin->urlEdit()->isReadOnly());
    QCOMPARE(relogin->loginEdit()->text(), QStringLiteral("admin"));

    relogin->passwordEdit()->setText(QStringLiteral("wrong password"));
    relogin->okButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(relogin->errorLabel()->isVisible(), 20000);
    QVERIFY2(relogin->errorLabel()->text().contains(QStringLiteral("wrong login or password")),
             qPrintable(relogin->errorLabel()->text()));

    QPointer<ui::ConnectDialog> guard(relogin);
    relogin->passwordEdit()->setText(AdminPassword);
    relogin->okButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    QCOMPARE(window.findChild<RemoteEventChannel *>(QStringLiteral("remoteChannel")), channel);
}

// An operator with the viewer role sees the directory, but the window offers no change.
void RemoteWindowTest::viewerCannotChangeAnything()
{
    // Operators are added with the server stopped, because the running server locks the
    // database.
    QProcess addViewer;
    addViewer.start(QStringLiteral(FSD_APP_BINARY),
                    {QStringLiteral("--config"), m_folder.filePath(QStringLiteral("fsdirector.ini")),
                     QStringLiteral("--database"),
                     m_folder.filePath(QStringLiteral("directory.sqlite")),
                     QStringLiteral("--add-operator"), QStringLiteral("watcher"),
                     QStringLiteral("--role"), QStringLiteral("viewer")});
    addViewer.write("watcher-password\n");
    addViewer.closeWriteChannel();
    QVERIFY(addViewer.waitForFinished(20000));
    QCOMPARE(addViewer.exitCode(), 0);
    QVERIFY(startServer());

    ui::MainWindow window(nullptr);
    window.setPrompter(std::make_unique<ScriptedPrompter>());
    window.setSettingsFile(m_folder.filePath(QStringLiteral("viewer.ini")));
    window.show();
    connectWindow(window, QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port),
                  QStringLiteral("watcher"), QStringLiteral("watcher-password"));
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window.directoryModel()->rowCount() > 0, 20000);

    window.selectDirectoryItem(DirectoryTreeModel::DomainItem,
                               window.directoryModel()->index(0, 0).data(DirectoryTreeModel::IdRole).toLongLong());
    for (const char *name : {"addDomainAction", "addUserAction", "deleteAction", "renameAction",
                             "toggleEnabledAction", "importXmlAction"}) {
        QVERIFY2(!window.action(QString::fromLatin1(name))->isEnabled(), name);
    }
    QVERIFY(window.action(QStringLiteral("exportXmlAction"))->isEnabled());
    QVERIFY(window.action(QStringLiteral("refreshAction"))->isEnabled());
    for (QLineEdit *edit : window.findChildren<QLineEdit *>(QStringLiteral("newNameEdit")))
        QVERIFY(!edit->isVisibleTo(&window));
}

// "Check only" in remote mode runs the import on the server as a dry run: it finds a domain
// that the server already stores, stores nothing and pushes nothing to other clients.
void RemoteWindowTest::checkOnlyAsksServer()
{
    QVERIFY(startServer());
    ui::MainWindow window(nullptr);
    auto prompter = std::make_unique<ScriptedPrompter>();
    ScriptedPrompter *answers = prompter.get();
    window.setPrompter(std::move(prompter));
    window.setSettingsFile(m_folder.filePath(QStringLiteral("gui.ini")));
    window.show();
    connectWindow(window, QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
    QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), EventChannel::State::Connected, 20000);
    QVERIFY(answers->errors.isEmpty());

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
    const QJsonObject added = sendRaw(
        other, ui::Events::request(ui::Events::AddDomain,
                                   QJsonObject{{QStringLiteral("token"), token},
                                               {QStringLiteral("name"), "taken.example"}}));
    QVERIFY2(!ui::Events::isError(added), QJsonDocument(added).toJson().constData());
    // Earlier tests of this class leave their domains in the server's database.
    QTRY_VERIFY_WITH_TIMEOUT(
        childNamed(*window.directoryModel(), QStringLiteral("taken.example")).isValid(), 20000);

    QTemporaryDir files;
    const auto writeDomain = [&files](const QString &domain) {
        QFile file(files.filePath(domain + QStringLiteral(".xml")));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(QStringLiteral("<include>\n<domain name=\"%1\">\n<user id=\"1000\"/>\n"
                                  "</domain>\n</include>\n")
                       .arg(domain)
                       .toUtf8());
        return file.fileName();
    };
    const QString taken = writeDomain(QStringLiteral("taken.example"));
    const QString fresh = writeDomain(QStringLiteral("fresh.example"));
    QVERIFY(!taken.isEmpty() && !fresh.isEmpty());

    const auto openDialog = [&window]() -> ui::ImportReportDialog * {
        for (ui::ImportReportDialog *dialog : window.findChildren<ui::ImportReportDialog *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    };
    window.action(QStringLiteral("importXmlAction"))->trigger();
    auto *importDialog = window.findChild<ui::ImportXmlDialog *>();
    QVERIFY(importDialog);
    otherMessages.clear();

    importDialog->setPath(taken);
    importDialog->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(), 20000);
    ui::ImportReportDialog *report = openDialog();
    QVERIFY2(report->summary().contains(QStringLiteral("Nothing was changed")),
             qPrintable(report->summary()));
    QVERIFY2(report->details().startsWith(
                 QStringLiteral("taken.example.xml:2:1: The domain \"taken.example\" already exists.")),
             qPrintable(report->details()));
    report->close();

    importDialog->setPath(fresh);
    importDialog->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(), 20000);
    report = openDialog();
    QVERIFY2(report->summary().contains(QStringLiteral("The check found no error")),
             qPrintable(report->summary() + report->details()));
    QVERIFY2(report->details().contains(QStringLiteral("Check only: nothing was stored")),
             qPrintable(report->details()));
    report->close();

    // Nothing stored on the server, and nothing pushed to the other client.
    const QJsonObject domains = sendRaw(
        other, ui::Events::request(ui::Events::GetDomains,
                                   QJsonObject{{QStringLiteral("token"), token}}));
    QStringList names;
    for (const QJsonValue &domain : domains.value(QStringLiteral("domains")).toObject())
        names.append(domain.toObject().value(QStringLiteral("name")).toString());
    QVERIFY2(names.contains(QStringLiteral("taken.example")), qPrintable(names.join(u',')));
    QVERIFY2(!names.contains(QStringLiteral("fresh.example")), qPrintable(names.join(u',')));
    for (const QList<QVariant> &message : std::as_const(otherMessages)) {
        const QJsonObject object = QJsonDocument::fromJson(message.first().toString().toUtf8()).object();
        QVERIFY2(!object.value(QStringLiteral("push")).toBool(),
                 QJsonDocument(object).toJson().constData());
    }
    QVERIFY(answers->errors.isEmpty());
}

QTEST_MAIN(RemoteWindowTest)
#include "tst_remotewindow.moc"
