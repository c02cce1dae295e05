// SPDX-License-Identifier: MPL-2.0
// Grabs the main window with FreeSWITCH's sample directory loaded and saves it as
// screenshot.png in the test's build folder.
#include "tests/support/TestSupport.h"
#include "tests/ui/LocalDirectory.h"
#include "tests/ui/ModelTestHelpers.h"
#include "ui/ApiEvents.h"
#include "ui/DetailPane.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"
#include "ui/LocalServerStatus.h"
#include "ui/MainWindow.h"
#include "ui/XmlImportJob.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTest>
#include <QTreeView>

using namespace fsd;
using namespace fsd::test;
using fsd::ui::DirectoryTreeModel;
using fsd::ui::GroupsTreeModel;

class ScreenshotTest : public QObject
{
    Q_OBJECT

private slots:
    void vanillaDirectory();

private:
    void flush(ui::MainWindow &window);
};

void ScreenshotTest::flush(ui::MainWindow &window)
{
    bool answered = false;
    window.client()->send(ui::Events::request(ui::Events::GetDomains), this,
                          [&answered](const QJsonObject &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
}

void ScreenshotTest::vanillaDirectory()
{
    LocalDirectory directory;
    const QString failure = directory.start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // The sample conf/ folder, read the way Import XML reads it, with the domain FreeSWITCH
    // would take from the machine's address.
    const ui::XmlImportJob::Outcome prepared = ui::XmlImportJob::prepare(
        vanillaConfigDir(FSD_FIXTURES_DIR), {{QStringLiteral("domain"), QStringLiteral("pbx.example.com")}});
    QVERIFY2(prepared.error.isEmpty(), qPrintable(prepared.error));

    ui::MainWindow window(directory.channel.get());
    QAbstractItemModelTester tester(window.directoryModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester groupsTester(window.groupsModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::LocalServerStatus status;
    status.apiListening = true;
    status.apiAddress = QStringLiteral("127.0.0.1:8080");
    status.xmlCurlListening = true;
    status.xmlCurlAddress = QStringLiteral("127.0.0.1:8081");
    window.setLocalServerStatus(status);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    bool imported = false;
    window.client()->send(
        ui::Events::request(ui::Events::ImportDomain,
                            QJsonObject{{QStringLiteral("file"), prepared.xml}}),
        this, [&imported](const QJsonObject &reply) { imported = !ui::Events::isError(reply); });
    QTRY_VERIFY_WITH_TIMEOUT(imported, 20000);
    window.client()->reload();
    flush(window);

    const QModelIndex domain = childNamed(*window.directoryModel(),
                                          QStringLiteral("pbx.example.com"));
    QVERIFY(domain.isValid());
    const qint64 domainId = domain.data(DirectoryTreeModel::IdRole).toLongLong();
    const QModelIndex groupsDomain =
        window.groupsModel()->indexFor(GroupsTreeModel::DomainItem, domainId);
    const QModelIndex sales = childNamed(*window.groupsModel(), QStringLiteral("sales"), groupsDomain);
    QVERIFY(sales.isValid());
    window.groupsView()->expand(groupsDomain);
    window.groupsView()->expand(sales);
    flush(window);

    const QModelIndex user = childNamed(*window.directoryModel(), QStringLiteral("1000"), domain);
    QVERIFY(user.isValid());
    window.selectDirectoryItem(DirectoryTreeModel::UserItem,
                               user.data(DirectoryTreeModel::IdRole).toLongLong());
    flush(window);
    QCOMPARE(window.detailPane()->itemKind(), ui::DetailPane::ItemKind::User);
    QTest::qWait(50);

    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800) * image.devicePixelRatio());
    const QString path = QDir(QStringLiteral(FSD_TEST_BINARY_DIR)).filePath(QStringLiteral("screenshot.png"));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("Saved %s", qPrintable(path));
}

QTEST_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
