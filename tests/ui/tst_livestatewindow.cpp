// SPDX-License-Identifier: MPL-2.0
// The window shows FreeSWITCH's registrations live: a fake Event Socket feeds the application's
// LiveStateService, whose pushes reach the window through the local channel.
#include "core/app/LiveStateService.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/freeswitch/FreeSwitchEvents.h"
#include "tests/ui/LocalDirectory.h"
#include "tests/ui/ModelTestHelpers.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/ApiEvents.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/Icons.h"
#include "ui/MainWindow.h"
#include "ui/UserFilterProxyModel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTest>
#include <QTreeView>

using namespace fsd;
using namespace fsd::test;
using namespace std::chrono_literals;
using fsd::ui::DirectoryTreeModel;
namespace FsEvents = fsd::test::FreeSwitchEvents;

class tst_LiveStateWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void treeMarksRegisteredUsers();
    void statusBarFollowsConnection();
    void detailPaneShowsLiveFields();

private:
    // Sends `event` with `data` through the window's client and waits for the reply.
    QJsonObject send(const QLatin1StringView &event, const QJsonObject &data);
    QModelIndex domainIndex() const;
    QModelIndex userIndex(const QString &name, int column = DirectoryTreeModel::NameColumn) const;
    QString freeSwitchLabel() const;

    std::unique_ptr<LocalDirectory> m_directory;
    std::unique_ptr<FakeEventSocket> m_freeswitch;
    std::unique_ptr<LiveStateService> m_liveState;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_LiveStateWindow::init()
{
    m_directory = std::make_unique<LocalDirectory>();
    const QString failure = m_directory->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_freeswitch = std::make_unique<FakeEventSocket>();
    QVERIFY(m_freeswitch->listen());
    m_freeswitch->setApiOutput("show registrations as json",
                               FsEvents::registrationsListing({{"1000", "live.example", "call-a"}}));
    m_freeswitch->setApiOutput("show channels as json", FsEvents::channelsListing({}));

    m_window = std::make_unique<ui::MainWindow>(m_directory->channel.get());
    m_window->setPrompter(std::make_unique<ScriptedPrompter>());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->directoryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    const QJsonObject domain = send(ui::Events::AddDomain, {{"name", "live.example"}});
    const qint64 domainId =
        domain.value(QLatin1String("domains")).toObject().begin().key().toLongLong();
    QVERIFY(domainId > 0);
    send(ui::Events::AddUser, {{"id", domainId}, {"name", "1000"}, {"bulk", 2}});
    QTRY_VERIFY(userIndex(QStringLiteral("1001")).isValid());

    freeswitch::EventSocketSettings settings;
    settings.port = m_freeswitch->port();
    m_liveState = std::make_unique<LiveStateService>(*m_directory->service, settings);
    m_liveState->setRetryDelays(50ms, 200ms);
    m_liveState->setFlushInterval(20ms);
    m_liveState->start();
}

void tst_LiveStateWindow::cleanup()
{
    m_liveState.reset();
    m_tester.reset();
    m_window.reset();
    m_freeswitch.reset();
    m_directory.reset();
}

QJsonObject tst_LiveStateWindow::send(const QLatin1StringView &event, const QJsonObject &data)
{
    std::optional<QJsonObject> reply;
    m_window->client()->send(ui::Events::request(event, data), this,
                             [&reply](const QJsonObject &answer) { reply = answer; });
    if (!QTest::qWaitFor([&reply]() { return reply.has_value(); }, 20000))
        qWarning("no reply to %s within 20 s", qPrintable(QString(event)));
    return reply.value_or(QJsonObject());
}

QModelIndex tst_LiveStateWindow::domainIndex() const
{
    return childNamed(*m_window->directoryModel(), QStringLiteral("live.example"));
}

QModelIndex tst_LiveStateWindow::userIndex(const QString &name, int column) const
{
    const QModelIndex user = childNamed(*m_window->directoryModel(), name, domainIndex());
    return user.isValid() ? user.siblingAtColumn(column) : user;
}

QString tst_LiveStateWindow::freeSwitchLabel() const
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("freeSwitchLabel"));
    return label ? label->text() : QStringLiteral("no freeSwitchLabel");
}

void tst_LiveStateWindow::treeMarksRegisteredUsers()
{
    // 1000 is in FreeSWITCH's listing at connect.
    QTRY_VERIFY(userIndex(QStringLiteral("1000")).data(DirectoryTreeModel::RegisteredRole).toBool());
    QVERIFY(!userIndex(QStringLiteral("1001")).data(DirectoryTreeModel::RegisteredRole).toBool());
    const QImage registeredIcon = ui::Icons::registeredUser().pixmap(16).toImage();
    const QImage plainIcon = ui::Icons::user().pixmap(16).toImage();
    QVERIFY(registeredIcon != plainIcon);
    QCOMPARE(userIndex(QStringLiteral("1000")).data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage(),
             registeredIcon);
    QCOMPARE(userIndex(QStringLiteral("1001")).data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage(),
             plainIcon);
    QCOMPARE(userIndex(QStringLiteral("1000"), DirectoryTreeModel::StatusColumn).data().toString(),
             QStringLiteral("SIP registered"));
    QCOMPARE(domainIndex().data(DirectoryTreeModel::SipRegistrationsRole).toInt(), 1);
    QVERIFY2(domainIndex()
                 .siblingAtColumn(DirectoryTreeModel::StatusColumn)
                 .data()
                 .toString()
                 .contains(QLatin1String("1 registered")),
             qPrintable(domainIndex().siblingAtColumn(DirectoryTreeModel::StatusColumn).data().toString()));

    // Events move the mark.
    m_freeswitch->sendEvent(FsEvents::sofiaRegister("1001", "live.example", "call-b"));
    QTRY_VERIFY(userIndex(QStringLiteral("1001")).data(DirectoryTreeModel::RegisteredRole).toBool());
    QTRY_COMPARE(domainIndex().data(DirectoryTreeModel::SipRegistrationsRole).toInt(), 2);
    m_freeswitch->sendEvent(FsEvents::sofiaUnregister("1000", "live.example", "call-a"));
    QTRY_VERIFY(!userIndex(QStringLiteral("1000")).data(DirectoryTreeModel::RegisteredRole).toBool());
    QCOMPARE(userIndex(QStringLiteral("1000"), DirectoryTreeModel::StatusColumn).data().toString(),
             QStringLiteral("not registered"));
    QTRY_COMPARE(domainIndex().data(DirectoryTreeModel::SipRegistrationsRole).toInt(), 1);
}

void tst_LiveStateWindow::statusBarFollowsConnection()
{
    QTRY_VERIFY2(freeSwitchLabel().contains(QLatin1String("connected to 127.0.0.1")),
                 qPrintable(freeSwitchLabel()));
    m_freeswitch->setPassword("changed");
    m_freeswitch->dropConnections();
    QTRY_VERIFY2(freeSwitchLabel().contains(QLatin1String("reconnecting")),
                 qPrintable(freeSwitchLabel()));
    QTRY_VERIFY2(freeSwitchLabel().contains(QLatin1String("rejected the password")),
                 qPrintable(freeSwitchLabel()));
    m_freeswitch->setPassword("ClueCon");
    QTRY_VERIFY2(freeSwitchLabel().contains(QLatin1String("connected to 127.0.0.1")),
                 qPrintable(freeSwitchLabel()));

    m_liveState->stop();
    QTRY_COMPARE(freeSwitchLabel(), QStringLiteral("FreeSWITCH: not configured"));
}

void tst_LiveStateWindow::detailPaneShowsLiveFields()
{
    QTRY_VERIFY(userIndex(QStringLiteral("1001")).isValid());
    // Events sent before the listings were read would be replaced by the fake's fixed listing.
    QTRY_VERIFY2(freeSwitchLabel().contains(QLatin1String("connected to 127.0.0.1")),
                 qPrintable(freeSwitchLabel()));
    const QModelIndex user =
        m_window->filterModel()->mapFromSource(userIndex(QStringLiteral("1001")));
    m_window->directoryView()->setCurrentIndex(user);
    auto *summary = m_window->findChild<QLabel *>(QStringLiteral("detailSummary"));
    QVERIFY(summary);

    const qint64 created = 1796426415000000;
    m_freeswitch->sendEvent(FsEvents::sofiaRegister("1001", "live.example", "call-b"));
    m_freeswitch->sendEvent(
        FsEvents::channelCreate("uuid-in-pane", "1001@live.example", "inbound", created));
    m_freeswitch->sendEvent(
        FsEvents::channelAnswer("uuid-in-pane", "1001@live.example", "inbound", created));
    QTRY_VERIFY2(summary->text().contains(QLatin1String("talking")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QLatin1String("SIP registered")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QLatin1String("inbound")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QLatin1String("uuid-in-pane")), qPrintable(summary->text()));
}

QTEST_MAIN(tst_LiveStateWindow)
#include "tst_livestatewindow.moc"
