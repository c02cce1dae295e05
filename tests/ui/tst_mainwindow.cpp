// SPDX-License-Identifier: MPL-2.0
// Drives the main window like an operator, against a real database through the local channel.
#include "core/app/NetworkServices.h"
#include "core/storage/AttributeStore.h"
#include "core/storage/DomainStore.h"
#include "core/storage/GroupStore.h"
#include "core/storage/UserStore.h"
#include "tests/ui/LocalDirectory.h"
#include "tests/ui/ModelTestHelpers.h"
#include "tests/ui/ScriptedPrompter.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/support/TestSupport.h"
#include "ui/AddMembersDialog.h"
#include "ui/ApiEvents.h"
#include "ui/AttributeEditor.h"
#include "ui/AttributeTableModel.h"
#include "ui/BulkAddUsersDialog.h"
#include "ui/DetailPane.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"
#include "ui/ImportFreeSwitchDialog.h"
#include "ui/ImportReportDialog.h"
#include "ui/ImportXmlDialog.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/NameDialog.h"
#include "ui/UserFilterProxyModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QDir>
#include <QFile>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QTimer>
#include <QTreeView>

using namespace fsd;
using namespace fsd::test;
using fsd::ui::DirectoryTreeModel;
using fsd::ui::GroupsTreeModel;

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void operatorScenario();
    void rejectedNameStaysInDialog();
    void pushedChangesAppearLive();
    void weakPasswordWarning();
    void quitAsksWhileServingLookups();
    void vanillaImportThroughDialog();
    void cancelledImportLeavesDatabaseUnchanged();
    void importErrorNamesFileAndLine();
    void checkOnlyFindsStoredConflicts();
    void detailPaneEmptyState();
    void groupAttributesShownReadOnly();
    void exportWritesFile();
    void exportWritesFolder();
    void importFromFreeSwitchThroughDialog();
    void statusBarShowsRunningServers();
    void importUsersIntoDomain();
    void deleteKeyActsOnFocusedWidget();

private:
    // Waits until the replies to every request sent so far were applied. The channel keeps the
    // order of requests, so the reply to one more request comes last.
    void flush();
    void trigger(const char *actionName);
    template<typename Dialog>
    Dialog *openDialog();
    void submit(ui::RequestDialog *dialog);

    QStringList storedDomains();
    QStringList storedUsers(qint64 domainId);
    QStringList storedMembers(qint64 groupId);
    QList<AttributeRow> storedUserParams(qint64 userId);
    std::optional<UserRow> storedUser(qint64 userId);

    std::unique_ptr<LocalDirectory> m_directory;
    std::unique_ptr<ui::MainWindow> m_window;
    ScriptedPrompter *m_prompter = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_directoryTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
    std::unique_ptr<QAbstractItemModelTester> m_groupsTester;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_tableTesters;
};

void MainWindowTest::init()
{
    m_directory = std::make_unique<LocalDirectory>();
    const QString failure = m_directory->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_window = std::make_unique<ui::MainWindow>(m_directory->channel.get());
    auto prompter = std::make_unique<ScriptedPrompter>();
    m_prompter = prompter.get();
    m_window->setPrompter(std::move(prompter));
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    m_directoryTester = std::make_unique<QAbstractItemModelTester>(m_window->directoryModel(), mode);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(m_window->filterModel(), mode);
    m_groupsTester = std::make_unique<QAbstractItemModelTester>(m_window->groupsModel(), mode);
    // The parameter and variable tables of the detail pane.
    const QList<ui::AttributeTableModel *> tables =
        m_window->findChildren<ui::AttributeTableModel *>();
    QCOMPARE(tables.size(), 3);
    for (ui::AttributeTableModel *table : tables)
        m_tableTesters.push_back(std::make_unique<QAbstractItemModelTester>(table, mode));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    flush();
}

void MainWindowTest::cleanup()
{
    m_directoryTester.reset();
    m_filterTester.reset();
    m_groupsTester.reset();
    m_tableTesters.clear();
    m_window.reset();
    m_directory.reset();
}

// --- Helpers -----------------------------------------------------------------------------------

void MainWindowTest::flush()
{
    bool answered = false;
    m_window->client()->send(ui::Events::request(ui::Events::GetDomains), this,
                             [&answered](const QJsonObject &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
}

void MainWindowTest::trigger(const char *actionName)
{
    QAction *action = m_window->action(QString::fromLatin1(actionName));
    QVERIFY2(action, actionName);
    QVERIFY2(action->isEnabled(), actionName);
    action->trigger();
}

template<typename Dialog>
Dialog *MainWindowTest::openDialog()
{
    const QList<Dialog *> dialogs = m_window->findChildren<Dialog *>();
    for (Dialog *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void MainWindowTest::submit(ui::RequestDialog *dialog)
{
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->okButton()->click();
    flush();
}

QStringList MainWindowTest::storedDomains()
{
    return m_directory->read([](Database &database) {
        QStringList names;
        const auto rows = DomainStore(database).list();
        for (const DomainRow &row : rows.value())
            names << row.name;
        return names;
    });
}

QStringList MainWindowTest::storedUsers(qint64 domainId)
{
    return m_directory->read([domainId](Database &database) {
        QStringList names;
        const auto rows = UserStore(database).listInDomain(domainId);
        for (const UserRow &row : rows.value())
            names << row.name;
        names.sort();
        return names;
    });
}

QStringList MainWindowTest::storedMembers(qint64 groupId)
{
    return m_directory->read([groupId](Database &database) {
        QStringList names;
        const auto rows = GroupStore(database).members(groupId);
        for (const MemberRow &row : rows.value())
            names << row.userName;
        names.sort();
        return names;
    });
}

QList<AttributeRow> MainWindowTest::storedUserParams(qint64 userId)
{
    return m_directory->read([userId](Database &database) {
        return AttributeStore(database, AttributeStore::Table::UserParams).list(userId).value();
    });
}

std::optional<UserRow> MainWindowTest::storedUser(qint64 userId)
{
    return m_directory->read([userId](Database &database) {
        return UserStore(database).find(userId).value();
    });
}

// --- Tests -------------------------------------------------------------------------------------

// Create a domain, bulk-add 10 users, put two in a group, add a parameter, disable a user and
// delete the domain, checking the widgets and the database after each step.
void MainWindowTest::operatorScenario()
{
    DirectoryTreeModel *tree = m_window->directoryModel();
    GroupsTreeModel *groups = m_window->groupsModel();

    // 1. Add a domain.
    trigger("addDomainAction");
    auto *nameDialog = openDialog<ui::NameDialog>();
    QVERIFY(nameDialog);
    nameDialog->nameEdit()->setText(QStringLiteral("example.com"));
    submit(nameDialog);
    QVERIFY(!openDialog<ui::NameDialog>());
    QCOMPARE(storedDomains(), QStringList({"example.com"}));
    QCOMPARE(childNames(*tree), QStringList({"example.com"}));
    QCOMPARE(childNames(*groups), QStringList({"example.com"}));
    const qint64 domainId = tree->index(0, 0).data(DirectoryTreeModel::IdRole).toLongLong();
    // The new domain is selected, so the next actions apply to it.
    QCOMPARE(m_window->detailPane()->itemKind(), ui::DetailPane::ItemKind::Domain);
    QCOMPARE(m_window->detailPane()->itemId(), domainId);

    // 2. Bulk-add 10 users, with a preview of the names.
    trigger("bulkAddUsersAction");
    auto *bulk = openDialog<ui::BulkAddUsersDialog>();
    QVERIFY(bulk);
    bulk->nameEdit()->setText(QStringLiteral("ext007"));
    bulk->countBox()->setValue(10);
    const QStringList expectedNames{"ext007", "ext008", "ext009", "ext010", "ext011",
                                    "ext012", "ext013", "ext014", "ext015", "ext016"};
    QCOMPARE(bulk->previewNames(), expectedNames);
    submit(bulk);
    QVERIFY(!openDialog<ui::BulkAddUsersDialog>());
    QCOMPARE(storedUsers(domainId), expectedNames);
    const QModelIndex domainIndex = tree->indexFor(DirectoryTreeModel::DomainItem, domainId);
    QCOMPARE(childNames(*tree, domainIndex), expectedNames);
    QCOMPARE(domainIndex.siblingAtColumn(DirectoryTreeModel::StatusColumn).data().toString(),
             QStringLiteral("10 user(s)"));
    const QList<qint64> userIds = tree->userIds(domainId);
    QCOMPARE(userIds.size(), 10);

    // 3. Add a group to the domain (the first new user is selected, in that domain).
    trigger("addGroupAction");
    nameDialog = openDialog<ui::NameDialog>();
    QVERIFY(nameDialog);
    nameDialog->nameEdit()->setText(QStringLiteral("sales"));
    submit(nameDialog);
    const QModelIndex groupsDomain = groups->indexFor(GroupsTreeModel::DomainItem, domainId);
    QCOMPARE(childNames(*groups, groupsDomain), QStringList({"sales"}));
    const qint64 groupId =
        groups->index(0, 0, groupsDomain).data(GroupsTreeModel::IdRole).toLongLong();

    // 4a. Add ext007 by picking it in the Add members dialog (the group is selected).
    trigger("addMembersAction");
    auto *members = openDialog<ui::AddMembersDialog>();
    QVERIFY(members);
    QTRY_COMPARE(members->userList()->count(), 10);
    members->checkUsers({userIds.at(0)});
    submit(members);
    QCOMPARE(storedMembers(groupId), QStringList({"ext007"}));

    // 4b. Add ext008 by dragging it from the Directory tree onto the group.
    std::unique_ptr<QMimeData> drag(
        tree->mimeData({tree->indexFor(DirectoryTreeModel::UserItem, userIds.at(1))}));
    const QModelIndex groupIndex = groups->indexFor(GroupsTreeModel::GroupItem, groupId);
    QVERIFY(groups->canDropMimeData(drag.get(), Qt::CopyAction, -1, -1, groupIndex));
    QVERIFY(groups->dropMimeData(drag.get(), Qt::CopyAction, -1, -1, groupIndex));
    flush();
    QCOMPARE(storedMembers(groupId), QStringList({"ext007", "ext008"}));
    m_window->groupsView()->expand(groupIndex);
    flush();
    QCOMPARE(childNames(*groups, groupIndex), QStringList({"ext007", "ext008"}));
    // Double-clicking a member opens its user in the Directory tree.
    emit m_window->groupsView()->doubleClicked(groups->index(1, 0, groupIndex));
    QCOMPARE(m_window->detailPane()->itemKind(), ui::DetailPane::ItemKind::User);
    QCOMPARE(m_window->detailPane()->itemId(), userIds.at(1));

    // 5. Add a parameter to ext009 in the detail pane.
    const qint64 userId = userIds.at(2);
    m_window->selectDirectoryItem(DirectoryTreeModel::UserItem, userId);
    flush();
    ui::DetailPane *pane = m_window->detailPane();
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::User);
    ui::AttributeEditor *parameters = pane->parameterEditor();
    // New users get a generated password.
    QCOMPARE(childNames(*parameters->model()), QStringList({"password"}));
    parameters->newNameEdit()->setText(QStringLiteral("vm-password"));
    parameters->newValueEdit()->setText(QStringLiteral("8642"));
    parameters->addButton()->click();
    flush();
    QCOMPARE(childNames(*parameters->model()), QStringList({"password", "vm-password"}));
    QVERIFY(parameters->newNameEdit()->text().isEmpty());
    QVERIFY(parameters->errorLabel()->isHidden());
    const QList<AttributeRow> stored = storedUserParams(userId);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1).name, QStringLiteral("vm-password"));
    QCOMPARE(stored.at(1).value, QStringLiteral("8642"));

    // 6. Disable ext010.
    const qint64 disabledId = userIds.at(3);
    m_window->selectDirectoryItem(DirectoryTreeModel::UserItem, disabledId);
    QCOMPARE(m_window->action(QStringLiteral("toggleEnabledAction"))->text(),
             QStringLiteral("Disa&ble"));
    trigger("toggleEnabledAction");
    flush();
    QCOMPARE(storedUser(disabledId)->enabled, false);
    QCOMPARE(tree->itemInfo(DirectoryTreeModel::UserItem, disabledId).enabled, false);
    QVERIFY(tree->indexFor(DirectoryTreeModel::UserItem, disabledId)
                .data(Qt::ForegroundRole)
                .isValid());
    QCOMPARE(m_window->action(QStringLiteral("toggleEnabledAction"))->text(),
             QStringLiteral("Ena&ble"));

    // 7. Delete the domain. The confirmation names what is deleted with it.
    m_window->selectDirectoryItem(DirectoryTreeModel::DomainItem, domainId);
    m_prompter->confirmations = {true};
    trigger("deleteAction");
    flush();
    QCOMPARE(m_prompter->questions.size(), 1);
    QVERIFY2(m_prompter->questions.first().contains(
                 QStringLiteral("domain example.com and its 10 user(s)")),
             qPrintable(m_prompter->questions.first()));
    QVERIFY(m_prompter->errors.isEmpty());
    QCOMPARE(storedDomains(), QStringList());
    QCOMPARE(storedUsers(domainId), QStringList());
    QCOMPARE(tree->rowCount(), 0);
    QCOMPARE(groups->rowCount(), 0);
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::None);
}

void MainWindowTest::rejectedNameStaysInDialog()
{
    trigger("addDomainAction");
    auto *dialog = openDialog<ui::NameDialog>();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("not a host!"));
    submit(dialog);

    // The dialog stays open with the server's message next to the field.
    QCOMPARE(openDialog<ui::NameDialog>(), dialog);
    QVERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("not a host!")),
             qPrintable(dialog->errorLabel()->text()));
    QCOMPARE(storedDomains(), QStringList());

    dialog->nameEdit()->setText(QStringLiteral("pbx.example.com"));
    submit(dialog);
    QVERIFY(!openDialog<ui::NameDialog>());
    QCOMPARE(storedDomains(), QStringList({"pbx.example.com"}));
}

// A change made by another client reaches the window without a refresh, and the expanded
// domain and the selected user survive it.
void MainWindowTest::pushedChangesAppearLive()
{
    LocalEventChannel other(m_directory->service->queue(), m_directory->service->location());
    const auto sendOther = [&](QLatin1StringView event, const QJsonObject &data) -> QJsonObject {
        QJsonObject reply;
        bool answered = false;
        other.send(ui::Events::request(event, data), this, [&](const QJsonObject &message) {
            reply = message;
            answered = true;
        });
        if (!QTest::qWaitFor([&answered]() { return answered; }, 20000))
            return QJsonObject{{QStringLiteral("error"), QStringLiteral("no reply")}};
        return reply;
    };

    const QJsonObject domain = sendOther(ui::Events::AddDomain,
                                         QJsonObject{{QStringLiteral("name"), "live.example"}});
    const qint64 domainId = ui::Events::toId(
        domain.value(QStringLiteral("domains")).toObject().begin().value()[QStringLiteral("id")]);
    sendOther(ui::Events::AddUser, QJsonObject{{QStringLiteral("id"), domainId},
                                               {QStringLiteral("name"), "1000"},
                                               {QStringLiteral("bulk"), 3}});
    flush();
    DirectoryTreeModel *tree = m_window->directoryModel();
    QCOMPARE(childNames(*tree), QStringList({"live.example"}));
    const qint64 userId = tree->userIds(domainId).at(1);
    m_window->selectDirectoryItem(DirectoryTreeModel::UserItem, userId);
    const QPersistentModelIndex selected = m_window->directoryView()->currentIndex();
    QVERIFY(selected.isValid());

    sendOther(ui::Events::RenameUser,
              QJsonObject{{QStringLiteral("id"), userId}, {QStringLiteral("name"), "0999"}});
    sendOther(ui::Events::AddUser, QJsonObject{{QStringLiteral("id"), domainId},
                                               {QStringLiteral("name"), "0500"}});
    flush();

    const QModelIndex domainIndex = tree->indexFor(DirectoryTreeModel::DomainItem, domainId);
    QCOMPARE(childNames(*tree, domainIndex), QStringList({"0500", "0999", "1000", "1002"}));
    QVERIFY(m_window->directoryView()->isExpanded(
        m_window->filterModel()->mapFromSource(domainIndex)));
    QVERIFY(selected.isValid());
    QCOMPARE(m_window->directoryView()->currentIndex(), QModelIndex(selected));
    QCOMPARE(selected.data().toString(), QStringLiteral("0999"));
    QCOMPARE(m_window->detailPane()->itemId(), userId);
}

void MainWindowTest::weakPasswordWarning()
{
    // Add a domain and a user through the window, then set the sample password.
    trigger("addDomainAction");
    auto *dialog = openDialog<ui::NameDialog>();
    dialog->nameEdit()->setText(QStringLiteral("weak.example"));
    submit(dialog);
    trigger("addUserAction");
    dialog = openDialog<ui::NameDialog>();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("1000"));
    submit(dialog);
    flush();

    ui::DetailPane *pane = m_window->detailPane();
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::User);
    QLabel *warning = pane->userForm()->credentialWarning();
    QVERIFY(warning->isHidden());

    ui::AttributeTableModel *parameters = pane->parameterEditor()->model();
    const int passwordRow = 0;
    QCOMPARE(parameters->rowAt(passwordRow).name, QStringLiteral("password"));
    QVERIFY(parameters->setData(parameters->index(passwordRow, ui::AttributeTableModel::ValueColumn),
                                QStringLiteral("1234")));
    flush();
    QCOMPARE(parameters->rowAt(passwordRow).value, QStringLiteral("1234"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("1234")));

    // The value stays masked, and Copy value copies the real one.
    ui::AttributeEditor *editor = pane->parameterEditor();
    const QModelIndex value = parameters->index(passwordRow, ui::AttributeTableModel::ValueColumn);
    QVERIFY(value.data().toString() != QStringLiteral("1234"));
    editor->view()->setCurrentIndex(value);
    editor->copyButton()->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("1234"));
    editor->revealBox()->setChecked(true);
    QCOMPARE(value.data().toString(), QStringLiteral("1234"));
    editor->revealBox()->setChecked(false);

    // Disabling the password leaves the user with no credential at all.
    QVERIFY(parameters->setData(
        parameters->index(passwordRow, ui::AttributeTableModel::EnabledColumn),
        int(Qt::Unchecked), Qt::CheckStateRole));
    flush();
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("neither a password nor an a1-hash")));

    // A rejected cache value shows the core's message next to the field.
    QLineEdit *cache = pane->userForm()->editFor(ui::UserSettingsForm::Field::Cache);
    cache->setText(QStringLiteral("soon"));
    emit cache->editingFinished();
    flush();
    QLabel *cacheError = pane->userForm()->errorLabelFor(ui::UserSettingsForm::Field::Cache);
    QVERIFY(cacheError->isVisible());
    QVERIFY2(cacheError->text().contains(QStringLiteral("soon")), qPrintable(cacheError->text()));
}

void MainWindowTest::quitAsksWhileServingLookups()
{
    ui::LocalServerStatus status;
    status.apiListening = true;
    status.apiAddress = QStringLiteral("127.0.0.1:8080");
    status.xmlCurlListening = true;
    status.xmlCurlAddress = QStringLiteral("127.0.0.1:8081");
    m_window->setLocalServerStatus(status);
    auto *serverLabel = m_window->findChild<QLabel *>(QStringLiteral("serverLabel"));
    QVERIFY(serverLabel->text().contains(QStringLiteral("127.0.0.1:8080")));
    auto *locationLabel = m_window->findChild<QLabel *>(QStringLiteral("locationLabel"));
    QVERIFY(locationLabel->text().contains(m_directory->service->location()));

    m_prompter->confirmations = {false};
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_prompter->questions.size(), 1);
    QVERIFY(m_prompter->questions.first().contains(QStringLiteral("127.0.0.1:8081")));

    m_prompter->confirmations = {true};
    QVERIFY(m_window->close());
}

// Imports FreeSWITCH's sample conf/ folder through Import XML: first a check that stores
// nothing, then the import. The domain name is supplied as a variable, because vars.xml sets
// it from local_ip_v4, which FreeSWITCH computes at run time.
void MainWindowTest::vanillaImportThroughDialog()
{
    trigger("importXmlAction");
    auto *dialog = openDialog<ui::ImportXmlDialog>();
    QVERIFY(dialog);
    dialog->setFolder(true);
    dialog->setPath(vanillaConfigDir(FSD_FIXTURES_DIR));
    dialog->addVariable(QStringLiteral("domain"), QStringLiteral("vanilla.example"));

    dialog->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    auto *report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("The check found no error")),
             qPrintable(report->summary() + report->details()));
    QVERIFY2(report->details().contains(QStringLiteral("Check only: nothing was stored")),
             qPrintable(report->details()));
    // FreeSWITCH's sample password is reported with the file and line of each user.
    QVERIFY2(report->details().contains(QStringLiteral("1000.xml:")), qPrintable(report->details()));
    report->close();
    flush();
    QCOMPARE(storedDomains(), QStringList());

    dialog->importButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("The import succeeded")),
             qPrintable(report->summary() + report->details()));
    flush();
    QCOMPARE(storedDomains(), QStringList({"vanilla.example"}));
    const QModelIndex domain = childNamed(*m_window->directoryModel(),
                                          QStringLiteral("vanilla.example"));
    QVERIFY(domain.isValid());
    const qint64 domainId = domain.data(DirectoryTreeModel::IdRole).toLongLong();
    QCOMPARE(m_window->directoryModel()->rowCount(domain), storedUsers(domainId).size());
    QVERIFY(storedUsers(domainId).contains(QStringLiteral("1000")));
    QVERIFY(storedUsers(domainId).contains(QStringLiteral("brian")));
    const QModelIndex groupsDomain =
        m_window->groupsModel()->indexFor(GroupsTreeModel::DomainItem, domainId);
    QCOMPARE(childNames(*m_window->groupsModel(), groupsDomain),
             QStringList({"billing", "default", "sales", "support"}));
    QVERIFY(!openDialog<ui::ImportXmlDialog>());
}

// A large file whose import is cancelled while it is read: nothing is sent, nothing stored.
void MainWindowTest::cancelledImportLeavesDatabaseUnchanged()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("large.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<include>\n<domain name=\"large.example\">\n<users>\n");
    for (int i = 0; i < 20000; ++i) {
        file.write(QStringLiteral("<user id=\"%1\"><params><param name=\"password\" "
                                  "value=\"secret-%1\"/></params></user>\n")
                       .arg(100000 + i)
                       .toUtf8());
    }
    file.write("</users>\n</domain>\n</include>\n");
    file.close();

    trigger("importXmlAction");
    auto *dialog = openDialog<ui::ImportXmlDialog>();
    QVERIFY(dialog);
    dialog->setPath(path);
    dialog->importButton()->click();
    // The worker's outcome can only arrive through the event loop, so cancelling now always
    // comes first.
    auto *progress = m_window->findChild<QProgressDialog *>(QStringLiteral("progressDialog"));
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<QObject *>(QStringLiteral("xmlImportJob")),
                             60000);
    flush();
    QVERIFY(!openDialog<ui::ImportReportDialog>());
    QCOMPARE(storedDomains(), QStringList());
    QCOMPARE(m_window->directoryModel()->rowCount(), 0);
}

void MainWindowTest::importErrorNamesFileAndLine()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("broken.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<include>\n<domain name=\"broken.example\">\n<users>\n<user id=\"1\">\n"
               "</users>\n</domain>\n</include>\n");
    file.close();

    trigger("importXmlAction");
    auto *dialog = openDialog<ui::ImportXmlDialog>();
    dialog->setPath(path);
    dialog->importButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    auto *report = openDialog<ui::ImportReportDialog>();
    QVERIFY(report->summary().contains(QStringLiteral("Nothing was changed")));
    QVERIFY2(report->details().contains(QStringLiteral("broken.xml:5")),
             qPrintable(report->details()));
    flush();
    QCOMPARE(storedDomains(), QStringList());
    // The dialog stays open so that the operator can fix the file or the variables.
    QVERIFY(openDialog<ui::ImportXmlDialog>());
}

// "Check only" runs the import on the server as a dry run, so it finds what conflicts with the
// stored directory, and shows the server's findings at the operator's file and line.
void MainWindowTest::checkOnlyFindsStoredConflicts()
{
    QTemporaryDir folder;
    const auto writeDomain = [&folder](const QString &fileName, const QString &domain) {
        QFile file(folder.filePath(fileName));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(QStringLiteral("<include>\n<domain name=\"%1\">\n<user id=\"1000\">\n"
                                  "<gateways>\n<gateway name=\"carrier\"/>\n</gateways>\n"
                                  "</user>\n</domain>\n</include>\n")
                       .arg(domain)
                       .toUtf8());
        return file.fileName();
    };
    const QString first = writeDomain(QStringLiteral("first.xml"), QStringLiteral("a.example"));
    const QString second = writeDomain(QStringLiteral("second.xml"), QStringLiteral("b.example"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    trigger("importXmlAction");
    auto *dialog = openDialog<ui::ImportXmlDialog>();
    QVERIFY(dialog);
    dialog->setPath(first);
    dialog->importButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    openDialog<ui::ImportReportDialog>()->close();
    flush();
    QCOMPARE(storedDomains(), QStringList({"a.example"}));

    // The same file again: the domain exists, which only the server can tell.
    trigger("importXmlAction");
    dialog = openDialog<ui::ImportXmlDialog>();
    QVERIFY(dialog);
    dialog->setPath(first);
    dialog->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    auto *report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("Nothing was changed")),
             qPrintable(report->summary()));
    QVERIFY2(report->details().startsWith(QStringLiteral("first.xml:2:1: The domain")),
             qPrintable(report->details()));
    report->close();

    // Another domain whose user has a gateway name that a.example already uses.
    dialog->setPath(second);
    dialog->checkButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("The check found no error")),
             qPrintable(report->summary() + report->details()));
    QVERIFY2(report->details().contains(QStringLiteral("Check only: nothing was stored")),
             qPrintable(report->details()));
    QVERIFY2(report->details().contains(
                 QRegularExpression(QStringLiteral("second\\.xml:5:\\d+: Gateway \"carrier\""))),
             qPrintable(report->details()));
    report->close();
    flush();
    QCOMPARE(storedDomains(), QStringList({"a.example"}));
    QVERIFY(openDialog<ui::ImportXmlDialog>());
}

// With nothing selected the pane shows a hint and no editors, also right after start.
void MainWindowTest::detailPaneEmptyState()
{
    ui::DetailPane *pane = m_window->detailPane();
    const auto visibleEditors = [pane]() {
        int count = 0;
        const QList<ui::AttributeEditor *> editors = pane->findChildren<ui::AttributeEditor *>();
        for (ui::AttributeEditor *editor : editors)
            count += editor->isVisible() ? 1 : 0;
        return count;
    };
    const auto title = [pane]() {
        return pane->findChild<QLabel *>(QStringLiteral("detailTitle"))->text();
    };
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::None);
    QCOMPARE(title(), QStringLiteral("Nothing selected"));
    QCOMPARE(visibleEditors(), 0);
    QVERIFY(!pane->userForm()->isVisible());
    QVERIFY(!pane->groupNote()->isVisible());

    trigger("addDomainAction");
    auto *nameDialog = openDialog<ui::NameDialog>();
    QVERIFY(nameDialog);
    nameDialog->nameEdit()->setText(QStringLiteral("empty.example"));
    submit(nameDialog);
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::Domain);
    QCOMPARE(visibleEditors(), 2);

    m_window->directoryView()->setCurrentIndex(QModelIndex());
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::None);
    QCOMPARE(title(), QStringLiteral("Nothing selected"));
    QCOMPARE(visibleEditors(), 0);
}

// Groups have no events for their parameters and variables, so the pane shows them read-only.
void MainWindowTest::groupAttributesShownReadOnly()
{
    bool imported = false;
    m_window->client()->send(
        ui::Events::request(
            ui::Events::ImportDomain,
            QJsonObject{{QStringLiteral("file"),
                         QStringLiteral("<domain name=\"groups.example\"><groups><group "
                                        "name=\"sales\"><params><param name=\"dial-string\" "
                                        "value=\"{presence_id=${dialed_user}}\"/></params>"
                                        "<variables><variable name=\"callgroup\" "
                                        "value=\"sales\"/></variables><users><user "
                                        "id=\"1000\"/></users></group></groups></domain>")}}),
        this, [&imported](const QJsonObject &reply) { imported = !ui::Events::isError(reply); });
    QTRY_VERIFY_WITH_TIMEOUT(imported, 20000);
    m_window->client()->reload();
    flush();

    GroupsTreeModel *groups = m_window->groupsModel();
    const QModelIndex domain = childNamed(*groups, QStringLiteral("groups.example"));
    QVERIFY(domain.isValid());
    const QModelIndex group = groups->index(0, 0, domain);
    QCOMPARE(group.data().toString(), QStringLiteral("sales"));
    m_window->groupsView()->setFocus();
    m_window->groupsView()->setCurrentIndex(group);

    ui::DetailPane *pane = m_window->detailPane();
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::Group);
    QTRY_COMPARE(pane->parameterEditor()->model()->rowCount(), 1);
    QTRY_COMPARE(pane->variableEditor()->model()->rowCount(), 1);
    QCOMPARE(pane->parameterEditor()->model()->rowAt(0).name, QStringLiteral("dial-string"));
    QCOMPARE(pane->variableEditor()->model()->rowAt(0).value, QStringLiteral("sales"));
    QVERIFY(pane->parameterEditor()->isVisible());
    QVERIFY(pane->variableEditor()->isVisible());
    QVERIFY(pane->groupNote()->isVisible());
    QVERIFY(!pane->parameterEditor()->addButton()->isVisible());
    QVERIFY(!pane->variableEditor()->newNameEdit()->isVisible());
    QCOMPARE(pane->parameterEditor()->view()->editTriggers(), QAbstractItemView::NoEditTriggers);

    // A domain afterwards is editable again.
    m_window->groupsView()->setCurrentIndex(domain);
    QCOMPARE(pane->itemKind(), ui::DetailPane::ItemKind::Domain);
    QVERIFY(pane->parameterEditor()->addButton()->isVisible());
    QVERIFY(!pane->groupNote()->isVisible());
}

void MainWindowTest::exportWritesFile()
{
    trigger("addDomainAction");
    auto *nameDialog = openDialog<ui::NameDialog>();
    nameDialog->nameEdit()->setText(QStringLiteral("export.example"));
    submit(nameDialog);

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("directory.xml"));
    m_prompter->paths = {path};
    trigger("exportXmlAction");
    auto *dialog = openDialog<ui::ExportDialog>();
    QVERIFY(dialog);
    dialog->setMode(QStringLiteral("backup"));
    const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == QStringLiteral("&Browse…"))
            button->click();
    }
    QCOMPARE(dialog->path(), path);
    submit(dialog);
    QVERIFY(!openDialog<ui::ExportDialog>());
    QFile exported(path);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray text = exported.readAll();
    QVERIFY(text.contains("<domain name=\"export.example\""));
    // Exports hold SIP passwords.
    QCOMPARE(exported.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

// A folder export writes one file per domain, like the command line's --export-xml; the
// `freeswitch` mode leaves the disabled domain out.
void MainWindowTest::exportWritesFolder()
{
    for (const QString &name : {QStringLiteral("one.example"), QStringLiteral("two.example"),
                                QStringLiteral("off.example")}) {
        trigger("addDomainAction");
        auto *nameDialog = openDialog<ui::NameDialog>();
        QVERIFY(nameDialog);
        nameDialog->nameEdit()->setText(name);
        submit(nameDialog);
    }
    const qint64 offId =
        childNamed(*m_window->directoryModel(), QStringLiteral("off.example"))
            .data(DirectoryTreeModel::IdRole)
            .toLongLong();
    bool switched = false;
    m_window->client()->send(
        ui::Events::request(ui::Events::SwitchDomain, QJsonObject{{QStringLiteral("id"), offId},
                                                                  {QStringLiteral("enabled"), false}}),
        this, [&switched](const QJsonObject &reply) { switched = !ui::Events::isError(reply); });
    QTRY_VERIFY_WITH_TIMEOUT(switched, 20000);

    QTemporaryDir parent;
    const QString folder = parent.filePath(QStringLiteral("directory"));
    m_prompter->paths = {folder};
    trigger("exportXmlAction");
    auto *dialog = openDialog<ui::ExportDialog>();
    QVERIFY(dialog);
    dialog->setMode(QStringLiteral("freeswitch"));
    dialog->setToFolder(true);
    const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == QStringLiteral("&Browse…"))
            button->click();
    }
    QCOMPARE(dialog->path(), folder);
    submit(dialog);
    QVERIFY(!openDialog<ui::ExportDialog>());
    QVERIFY2(m_prompter->errors.isEmpty(), qPrintable(m_prompter->errors.join(QLatin1Char('\n'))));

    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, QStringList({"one.example.xml", "two.example.xml"}));
    QFile one(QDir(folder).filePath(QStringLiteral("one.example.xml")));
    QVERIFY(one.open(QIODevice::ReadOnly));
    const QByteArray text = one.readAll();
    QVERIFY2(text.startsWith("<include>"), text.constData());
    QVERIFY2(text.contains("<domain name=\"one.example\""), text.constData());
    QVERIFY(!text.contains("two.example"));
    QCOMPARE(one.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY(m_prompter->errors.isEmpty());
}

// Imports the directory of a running FreeSWITCH (a test double speaking the Event Socket
// protocol) through the dialog. A wrong password shows the error next to the fields.
void MainWindowTest::importFromFreeSwitchThroughDialog()
{
    const QByteArray answer =
        FakeEventSocket::vanillaDirectoryAnswer(vanillaConfigDir(FSD_FIXTURES_DIR));
    FakeEventSocket::OnThread freeSwitch([&answer](FakeEventSocket &fake) {
        fake.setApiOutput("xml_locate directory", answer);
    });

    trigger("importFreeSwitchAction");
    auto *dialog = openDialog<ui::ImportFreeSwitchDialog>();
    QVERIFY(dialog);
    dialog->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog->portBox()->setValue(freeSwitch.port());
    dialog->passwordEdit()->setText(QStringLiteral("wrong"));
    submit(dialog);
    QCOMPARE(openDialog<ui::ImportFreeSwitchDialog>(), dialog);
    QVERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains(QString::number(freeSwitch.port())),
             qPrintable(dialog->errorLabel()->text()));
    QCOMPARE(storedDomains(), QStringList());

    dialog->passwordEdit()->setText(QStringLiteral("ClueCon"));
    submit(dialog);
    QVERIFY(!openDialog<ui::ImportFreeSwitchDialog>());
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    auto *report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("The import succeeded")),
             qPrintable(report->summary() + report->details()));
    flush();
    QCOMPARE(storedDomains(), QStringList({"127.0.0.1"}));
    QCOMPARE(childNames(*m_window->directoryModel()), QStringList({"127.0.0.1"}));
}

// The status bar as the application sets it: from the listeners it really started.
void MainWindowTest::statusBarShowsRunningServers()
{
    NetworkServices services(*m_directory->service);
    AppSettings settings;
    settings.apiListen = QStringLiteral("127.0.0.1:0");
    settings.xmlCurlListen = QStringLiteral("127.0.0.1:0");
    const Status started = services.start(settings);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().detail));

    const ui::LocalServerStatus status = ui::LocalServerStatus::of(&services);
    QVERIFY(status.apiListening);
    QVERIFY(status.xmlCurlListening);
    m_window->setLocalServerStatus(status);
    auto *serverLabel = m_window->findChild<QLabel *>(QStringLiteral("serverLabel"));
    QVERIFY2(serverLabel->text().contains(status.apiAddress), qPrintable(serverLabel->text()));
    QVERIFY2(serverLabel->text().contains(status.xmlCurlAddress), qPrintable(serverLabel->text()));
    QVERIFY(status.apiAddress.startsWith(QStringLiteral("http://127.0.0.1:")));

    services.stop();
    m_window->setLocalServerStatus(ui::LocalServerStatus::of(&services));
    QVERIFY2(serverLabel->text().contains(QStringLiteral("API server: off")),
             qPrintable(serverLabel->text()));
    // Nothing serves FreeSWITCH any more, so quitting needs no confirmation.
    QVERIFY(m_window->close());
    QVERIFY(m_prompter->questions.isEmpty());
}

void MainWindowTest::importUsersIntoDomain()
{
    trigger("addDomainAction");
    auto *nameDialog = openDialog<ui::NameDialog>();
    nameDialog->nameEdit()->setText(QStringLiteral("users.example"));
    submit(nameDialog);
    const qint64 domainId =
        m_window->directoryModel()->index(0, 0).data(DirectoryTreeModel::IdRole).toLongLong();

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("users.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<users>\n<user id=\"7000\"><params><param name=\"password\" value=\"s3cret-7000\"/>"
               "</params></user>\n<user id=\"7001\" number-alias=\"71\"/>\n</users>\n");
    file.close();

    m_prompter->paths = {path};
    trigger("importUsersAction");
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    auto *report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("The import succeeded")),
             qPrintable(report->summary() + report->details()));
    // 7001 has no credential, which the report warns about at its place in the file.
    QVERIFY2(report->details().contains(QStringLiteral("7001")), qPrintable(report->details()));
    QVERIFY2(report->details().contains(path + QStringLiteral(":3:")), qPrintable(report->details()));
    QVERIFY2(!report->details().contains(QStringLiteral("ImportXMLDomainUser text")),
             qPrintable(report->details()));
    flush();
    QCOMPARE(storedUsers(domainId), QStringList({"7000", "7001"}));
    const QModelIndex domain = m_window->directoryModel()->indexFor(DirectoryTreeModel::DomainItem,
                                                                    domainId);
    QCOMPARE(childNames(*m_window->directoryModel(), domain), QStringList({"7000", "7001"}));
    QCOMPARE(m_window->directoryModel()
                 ->indexFor(DirectoryTreeModel::UserItem,
                            m_window->directoryModel()->userIds(domainId).at(1),
                            DirectoryTreeModel::NumberAliasColumn)
                 .data()
                 .toString(),
             QStringLiteral("71"));

    // The same file again: the error names the file and line of the first duplicate.
    report->close();
    m_prompter->paths = {path};
    trigger("importUsersAction");
    QTRY_VERIFY_WITH_TIMEOUT(openDialog<ui::ImportReportDialog>(), 20000);
    report = openDialog<ui::ImportReportDialog>();
    QVERIFY2(report->summary().contains(QStringLiteral("Nothing was changed")),
             qPrintable(report->summary()));
    QVERIFY2(report->details().startsWith(path + QStringLiteral(":2:1: The user \"7000\"")),
             qPrintable(report->details()));
}

// Delete in a tree deletes the tree's item (after a confirmation); Delete in a parameter table
// removes the table's row and leaves the tree alone.
void MainWindowTest::deleteKeyActsOnFocusedWidget()
{
    trigger("addDomainAction");
    auto *dialog = openDialog<ui::NameDialog>();
    dialog->nameEdit()->setText(QStringLiteral("keys.example"));
    submit(dialog);
    trigger("addUserAction");
    dialog = openDialog<ui::NameDialog>();
    dialog->nameEdit()->setText(QStringLiteral("1000"));
    submit(dialog);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // The new user is selected and its password shown in the parameter table.
    ui::AttributeEditor *parameters = m_window->detailPane()->parameterEditor();
    QCOMPARE(parameters->model()->rowCount(), 1);
    parameters->view()->setFocus();
    parameters->view()->setCurrentIndex(parameters->model()->index(0, 0));
    QTest::keyClick(parameters->view(), Qt::Key_Delete);
    flush();
    QCOMPARE(parameters->model()->rowCount(), 0);
    QVERIFY(m_prompter->questions.isEmpty());
    QCOMPARE(m_window->directoryModel()->rowCount(), 1);

    m_prompter->confirmations = {false};
    m_window->directoryView()->setFocus();
    QTest::keyClick(m_window->directoryView(), Qt::Key_Delete);
    QCOMPARE(m_prompter->questions.size(), 1);
    QVERIFY2(m_prompter->questions.first().contains(QStringLiteral("Delete user 1000")),
             qPrintable(m_prompter->questions.first()));
    flush();
    QCOMPARE(m_window->directoryModel()->itemInfo(DirectoryTreeModel::DomainItem,
                                                  m_window->directoryModel()
                                                      ->index(0, 0)
                                                      .data(DirectoryTreeModel::IdRole)
                                                      .toLongLong())
                 .childCount,
             1);
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
