// SPDX-License-Identifier: MPL-2.0
// The actions of MainWindow: menus, toolbar, context menus, shortcuts, and when each applies.
#include "ui/MainWindow.h"

#include "core/net/RemoteEventChannel.h"
#include "ui/DetailPane.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>

namespace fsd::ui {

QAction *MainWindow::addAction(const QString &objectName, const QString &text,
                               const QKeySequence &shortcut, void (MainWindow::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
    }
    connect(action, &QAction::triggered, this, slot);
    m_actions.insert(objectName, action);
    QMainWindow::addAction(action);
    return action;
}

void MainWindow::createActions()
{
    const auto key = [](QKeyCombination combination) { return QKeySequence(combination); };
    QStyle *style = QApplication::style();

    addAction(QStringLiteral("importXmlAction"), tr("&Import XML…"), key(Qt::CTRL | Qt::Key_I),
              &MainWindow::importXml);
    addAction(QStringLiteral("importFreeSwitchAction"), tr("Import from &FreeSWITCH…"), {},
              &MainWindow::importFromFreeSwitch);
    addAction(QStringLiteral("exportXmlAction"), tr("&Export XML…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::exportXml);
    addAction(QStringLiteral("connectAction"), tr("&Connect to Server…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &MainWindow::connectToServer);
    addAction(QStringLiteral("localAction"), tr("Open &Local Directory"), {},
              &MainWindow::useLocalDirectory);
    addAction(QStringLiteral("settingsAction"), tr("&Settings…"), QKeySequence::Preferences,
              &MainWindow::openSettings);
    addAction(QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit, &MainWindow::quit);

    addAction(QStringLiteral("addDomainAction"), tr("Add &Domain…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &MainWindow::addDomain)
        ->setIcon(style->standardIcon(QStyle::SP_DriveNetIcon));
    addAction(QStringLiteral("addUserAction"), tr("Add &User…"), key(Qt::CTRL | Qt::Key_N),
              &MainWindow::addUser)
        ->setIcon(style->standardIcon(QStyle::SP_FileIcon));
    addAction(QStringLiteral("bulkAddUsersAction"), tr("Add &Several Users…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_U), &MainWindow::bulkAddUsers);
    addAction(QStringLiteral("importUsersAction"), tr("Import Users from XML…"), {},
              &MainWindow::importUsers);
    addAction(QStringLiteral("addGatewayAction"), tr("Add &Gateway…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_W), &MainWindow::addGateway)
        ->setIcon(style->standardIcon(QStyle::SP_ComputerIcon));
    addAction(QStringLiteral("addGroupAction"), tr("Add G&roup…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_G), &MainWindow::addGroup)
        ->setIcon(style->standardIcon(QStyle::SP_DirIcon));
    addAction(QStringLiteral("addMembersAction"), tr("Add &Members…"),
              key(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &MainWindow::addMembers);
    addAction(QStringLiteral("removeMembersAction"), tr("Remove from Group"), {},
              &MainWindow::removeMembers);

    addAction(QStringLiteral("renameAction"), tr("&Rename…"), key(QKeyCombination(Qt::Key_F2)),
              &MainWindow::renameSelected);
    addAction(QStringLiteral("toggleEnabledAction"), tr("Disa&ble"), key(Qt::CTRL | Qt::Key_D),
              &MainWindow::toggleSelected);
    addAction(QStringLiteral("deleteAction"), tr("&Delete…"), QKeySequence::Delete,
              &MainWindow::deleteSelected)
        ->setIcon(style->standardIcon(QStyle::SP_TrashIcon));
    addAction(QStringLiteral("findAction"), tr("&Find Users"), QKeySequence::Find,
              &MainWindow::focusFilter);
    addAction(QStringLiteral("refreshAction"), tr("Re&load"), QKeySequence::Refresh,
              &MainWindow::refresh)
        ->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    addAction(QStringLiteral("aboutAction"), tr("&About fsdirector"), {}, &MainWindow::showAbout);

    // Rename, enable/disable and delete act on the trees' selection, so their keys work only
    // while a tree has the focus. Elsewhere F2 and Delete keep their meaning, such as editing
    // or removing a row of a parameter table.
    for (const char *name : {"renameAction", "toggleEnabledAction", "deleteAction",
                             "removeMembersAction"}) {
        QAction *treeAction = action(QString::fromLatin1(name));
        QMainWindow::removeAction(treeAction);
        treeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_directoryView->addAction(treeAction);
        m_groupsView->addAction(treeAction);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("importXmlAction")));
    file->addAction(action(QStringLiteral("importFreeSwitchAction")));
    file->addAction(action(QStringLiteral("exportXmlAction")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("connectAction")));
    file->addAction(action(QStringLiteral("localAction")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("settingsAction")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quitAction")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("renameAction")));
    edit->addAction(action(QStringLiteral("toggleEnabledAction")));
    edit->addAction(action(QStringLiteral("deleteAction")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("findAction")));
    edit->addAction(action(QStringLiteral("refreshAction")));

    QMenu *directory = menuBar()->addMenu(tr("&Directory"));
    directory->addAction(action(QStringLiteral("addDomainAction")));
    directory->addAction(action(QStringLiteral("addUserAction")));
    directory->addAction(action(QStringLiteral("bulkAddUsersAction")));
    directory->addAction(action(QStringLiteral("importUsersAction")));
    directory->addAction(action(QStringLiteral("addGatewayAction")));

    QMenu *groups = menuBar()->addMenu(tr("&Groups"));
    groups->addAction(action(QStringLiteral("addGroupAction")));
    groups->addAction(action(QStringLiteral("addMembersAction")));
    groups->addAction(action(QStringLiteral("removeMembersAction")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("aboutAction")));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const char *const names[] = {"addDomainAction", "addUserAction",   "addGatewayAction",
                                 "addGroupAction",  nullptr,           "deleteAction",
                                 nullptr,           "importXmlAction", "exportXmlAction",
                                 "refreshAction"};
    for (const char *name : names) {
        if (name)
            bar->addAction(action(QString::fromLatin1(name)));
        else
            bar->addSeparator();
    }
}

void MainWindow::showTreeContextMenu(QTreeView *view, const QPoint &position)
{
    const bool directory = view == m_directoryView;
    if (view->indexAt(position).isValid())
        view->setCurrentIndex(view->indexAt(position));
    setActiveTree(directory ? Tree::Directory : Tree::Groups);

    QMenu menu(this);
    const QStringList names =
        directory ? QStringList{"addDomainAction", "addUserAction", "bulkAddUsersAction",
                                "addGatewayAction", {}, "renameAction", "toggleEnabledAction",
                                "deleteAction"}
                  : QStringList{"addGroupAction", "addMembersAction", "removeMembersAction", {},
                                "renameAction", "deleteAction"};
    for (const QString &name : names) {
        if (name.isEmpty())
            menu.addSeparator();
        else if (QAction *item = action(name); item->isEnabled())
            menu.addAction(item);
    }
    menu.exec(view->viewport()->mapToGlobal(position));
}

// Enables the actions that apply to the current selection and names the toggle after what it
// would do.
void MainWindow::updateActions()
{
    const bool connected = m_client->state() == EventChannel::State::Connected;
    const Selection selection = currentSelection();
    const bool inDirectory = selection.tree == Tree::Directory && selection.kind >= 0;
    const bool inGroups = selection.tree == Tree::Groups && selection.kind >= 0;
    const bool hasDomain = selectedDomainId() > 0;
    const bool isMember = inGroups && selection.kind == GroupsTreeModel::MemberItem;

    // A remote operator with the viewer role may only read.
    const bool viewer = m_remoteChannel && m_client->channel() == m_remoteChannel
                        && m_remoteChannel->role() == QLatin1String("viewer");
    m_detailPane->setReadOnly(viewer);
    const auto enable = [this, connected, viewer](const char *name, bool on) {
        const bool reads = qstrcmp(name, "exportXmlAction") == 0
                           || qstrcmp(name, "refreshAction") == 0;
        action(QString::fromLatin1(name))->setEnabled(connected && on && (reads || !viewer));
    };
    enable("importXmlAction", true);
    enable("importFreeSwitchAction", true);
    enable("exportXmlAction", true);
    enable("refreshAction", true);
    enable("addDomainAction", true);
    enable("addUserAction", hasDomain);
    enable("bulkAddUsersAction", hasDomain);
    enable("importUsersAction", hasDomain);
    enable("addGatewayAction", selectedUserId() > 0);
    enable("addGroupAction", hasDomain);
    enable("addMembersAction", selectedGroupId() > 0);
    enable("removeMembersAction", !selectedMemberIds().isEmpty());
    enable("renameAction", inDirectory || (inGroups && !isMember));
    enable("deleteAction", inDirectory || inGroups);

    // Groups and memberships have no enabled switch in the API.
    const bool toggles = inDirectory || (inGroups && selection.kind == GroupsTreeModel::DomainItem);
    enable("toggleEnabledAction", toggles);
    bool enabled = true;
    if (inDirectory)
        enabled = m_directoryModel->itemInfo(DirectoryTreeModel::Kind(selection.kind), selection.id)
                      .enabled;
    else if (toggles)
        enabled = m_groupsModel->itemInfo(GroupsTreeModel::DomainItem, selection.id).enabled;
    action(QStringLiteral("toggleEnabledAction"))->setText(enabled ? tr("Disa&ble") : tr("Ena&ble"));

    action(QStringLiteral("localAction"))
        ->setEnabled(m_localChannel && m_client->channel() != m_localChannel);
}

} // namespace fsd::ui
