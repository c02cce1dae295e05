// SPDX-License-Identifier: MPL-2.0
#include "ui/MainWindow.h"

#include "ui/ApiEvents.h"
#include "ui/DetailPane.h"
#include "ui/DialogPrompter.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"
#include "ui/Prompter.h"
#include "ui/UserFilterProxyModel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace fsd::ui {

using DirKind = DirectoryTreeModel::Kind;
using GroupKind = GroupsTreeModel::Kind;

MainWindow::MainWindow(EventChannel *localChannel, QWidget *parent)
    : QMainWindow(parent)
    , m_prompter(std::make_unique<DialogPrompter>())
    , m_localChannel(localChannel)
    , m_client(new DirectoryClient(this))
    , m_directoryModel(new DirectoryTreeModel(this))
    , m_groupsModel(new GroupsTreeModel(this))
    , m_filterModel(new UserFilterProxyModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_filterModel->setDirectoryModel(m_directoryModel);
    buildLayout();
    createActions();
    createMenus();
    createToolBar();
    buildStatusBar();
    connectClient();
    resize(1200, 760);

    m_client->setChannel(localChannel);
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setPrompter(std::unique_ptr<Prompter> prompter)
{
    m_prompter = std::move(prompter);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

// --- Layout ------------------------------------------------------------------------------------

void MainWindow::buildLayout()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Find users by name or number alias"));
    m_filterEdit->setClearButtonEnabled(true);

    m_directoryView = new QTreeView(this);
    m_directoryView->setObjectName(QStringLiteral("directoryView"));
    m_directoryView->setModel(m_filterModel);
    m_directoryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_directoryView->setDragEnabled(true);
    m_directoryView->setDragDropMode(QAbstractItemView::DragOnly);
    m_directoryView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_directoryView->setUniformRowHeights(true);
    m_directoryView->header()->setSectionResizeMode(DirectoryTreeModel::NameColumn,
                                                    QHeaderView::Stretch);
    m_directoryView->header()->setSectionResizeMode(DirectoryTreeModel::NumberAliasColumn,
                                                    QHeaderView::Interactive);
    m_directoryView->header()->resizeSection(DirectoryTreeModel::NumberAliasColumn, 90);
    m_directoryView->header()->resizeSection(DirectoryTreeModel::StatusColumn, 110);
    m_directoryView->header()->setStretchLastSection(false);

    m_groupsView = new QTreeView(this);
    m_groupsView->setObjectName(QStringLiteral("groupsView"));
    m_groupsView->setModel(m_groupsModel);
    m_groupsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_groupsView->setDragDropMode(QAbstractItemView::DropOnly);
    m_groupsView->setAcceptDrops(true);
    m_groupsView->setDropIndicatorShown(true);
    m_groupsView->setDefaultDropAction(Qt::CopyAction);
    m_groupsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_groupsView->setUniformRowHeights(true);
    m_groupsView->header()->setSectionResizeMode(GroupsTreeModel::NameColumn,
                                                 QHeaderView::Stretch);
    m_groupsView->header()->setStretchLastSection(false);

    auto *directoryPanel = new QWidget(this);
    auto *directoryLayout = new QVBoxLayout(directoryPanel);
    directoryLayout->setContentsMargins(0, 0, 0, 0);
    directoryLayout->addWidget(new QLabel(tr("<b>Directory</b>"), directoryPanel));
    directoryLayout->addWidget(m_filterEdit);
    directoryLayout->addWidget(m_directoryView);

    auto *groupsPanel = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsPanel);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    groupsLayout->addWidget(new QLabel(tr("<b>Groups</b>"), groupsPanel));
    groupsLayout->addWidget(m_groupsView);

    auto *trees = new QSplitter(Qt::Vertical, this);
    trees->addWidget(directoryPanel);
    trees->addWidget(groupsPanel);
    trees->setStretchFactor(0, 3);
    trees->setStretchFactor(1, 2);

    m_detailPane = new DetailPane(m_client, this);
    m_detailPane->setObjectName(QStringLiteral("detailPane"));

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(trees);
    main->addWidget(m_detailPane);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({460, 740});
    setCentralWidget(main);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setFilterText(text);
        if (text.trimmed().isEmpty())
            return;
        // Show the matching users: expanding the domains is enough, and cheaper than
        // expandAll() over every row.
        for (int row = 0; row < m_filterModel->rowCount(); ++row)
            m_directoryView->expand(m_filterModel->index(row, 0));
    });
    connect(m_directoryView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this]() { setActiveTree(Tree::Directory); });
    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this]() { setActiveTree(Tree::Groups); });
    connect(m_directoryView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_groupsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    // A member stands for a user: double-clicking it opens the user in the Directory tree.
    connect(m_groupsView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(GroupsTreeModel::KindRole).toInt() == GroupsTreeModel::MemberItem)
            selectDirectoryItem(DirectoryTreeModel::UserItem,
                                index.data(GroupsTreeModel::UserIdRole).toLongLong());
    });
    connect(m_directoryView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { showTreeContextMenu(m_directoryView, position); });
    connect(m_groupsView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { showTreeContextMenu(m_groupsView, position); });
}

void MainWindow::buildStatusBar()
{
    m_locationLabel = new QLabel(this);
    m_locationLabel->setObjectName(QStringLiteral("locationLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_freeSwitchLabel = new QLabel(this);
    m_freeSwitchLabel->setObjectName(QStringLiteral("freeSwitchLabel"));
    statusBar()->addPermanentWidget(m_locationLabel, 1);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_freeSwitchLabel);
    updateStatusBar();
}

// --- Messages ----------------------------------------------------------------------------------

void MainWindow::connectClient()
{
    connect(m_client, &DirectoryClient::messageReceived, this, &MainWindow::applyMessage);
    connect(m_client, &DirectoryClient::stateChanged, this, [this]() {
        updateStatusBar();
        updateActions();
    });
    connect(m_client, &DirectoryClient::channelChanged, this, [this]() {
        updateStatusBar();
        updateWindowTitle();
    });
    connect(m_client, &DirectoryClient::reloadFinished, this, [this]() {
        // The reply arrives through applyMessage(). A server without live state replies
        // "unknown event", which leaves the label empty.
        m_client->send(Events::request(Events::GetFreeSwitchStatus), this,
                       [this](const QJsonObject &reply) {
                           if (Events::isError(reply))
                               m_freeSwitchLabel->clear();
                       });
        // Members of groups seen so far, and the shown details, may have changed too.
        m_groupsModel->reloadLoadedGroups();
        showSelectionDetails();
        updateActions();
    });
    connect(m_client, &DirectoryClient::reloadFailed, this, [this](const QString &text) {
        statusBar()->showMessage(tr("Loading the directory failed: %1").arg(text), 10000);
    });
    connect(m_groupsModel, &GroupsTreeModel::membersRequested, this, [this](qint64 groupId) {
        const QJsonObject data{{QStringLiteral("id"), groupId}};
        m_client->send(Events::request(Events::GetGroupUsers, data), m_groupsModel,
                       [this, groupId](const QJsonObject &reply) {
                           m_groupsModel->setGroupMembers(groupId, reply);
                       });
    });
    connect(m_groupsModel, &GroupsTreeModel::usersDropped, this, &MainWindow::addUsersToGroup);
}

void MainWindow::applyMessage(const QJsonObject &message)
{
    const QString type = Events::messageType(message);
    if (type == Events::GetFreeSwitchStatus) {
        applyFreeSwitchStatus(message);
        return;
    }
    m_directoryModel->applyMessage(message);
    m_groupsModel->applyMessage(message);
    m_detailPane->applyMessage(message);
    // A rename changes the detail pane's title; a delete may have removed its item. Partial
    // `Get_users` messages change the live state in the summary of a user.
    if (!type.contains(QLatin1StringView("Get"))
        || message.value(QLatin1StringView("partial")).toBool())
        showSelectionDetails();
    updateActions();
}

QString MainWindow::userSummary(const DirectoryTreeModel::ItemInfo &info) const
{
    QStringList lines;
    if (!info.enabled)
        lines << tr("Disabled");
    if (!info.liveState.isEmpty())
        lines << tr("FreeSWITCH: %1").arg(info.liveState);
    if (!info.lastUuid.isEmpty()) {
        const QString started = info.callDate > 0
                                    ? QLocale().toString(QDateTime::fromSecsSinceEpoch(info.callDate),
                                                         QLocale::ShortFormat)
                                    : tr("unknown time");
        lines << tr("Last call: %1, started %2").arg(info.lastUuid, started);
    }
    return lines.join(QLatin1Char('\n'));
}

// Shows the server's connection to FreeSWITCH from a `[FreeSWITCH] Get_status` reply or push.
void MainWindow::applyFreeSwitchStatus(const QJsonObject &message)
{
    const QJsonObject status = message.value(QLatin1StringView("freeswitch")).toObject();
    const QString state = status.value(QLatin1StringView("state")).toString();
    const QString address = status.value(QLatin1StringView("address")).toString();
    const QString error = status.value(QLatin1StringView("error")).toString();
    QString text;
    if (state == QLatin1StringView("connected"))
        text = tr("FreeSWITCH: connected to %1").arg(address);
    else if (state == QLatin1StringView("connecting"))
        text = tr("FreeSWITCH: connecting to %1…").arg(address);
    else if (state == QLatin1StringView("reconnecting"))
        text = tr("FreeSWITCH: reconnecting to %1 (%2)").arg(address, error);
    else
        text = tr("FreeSWITCH: not configured");
    m_freeSwitchLabel->setText(text);
    m_freeSwitchLabel->setToolTip(error.isEmpty() ? text : error);
}

void MainWindow::useChannel(EventChannel *channel)
{
    EventChannel *target = channel ? channel : m_localChannel.data();
    if (target == m_client->channel())
        return;
    m_detailPane->clearItem();
    m_directoryModel->clear();
    m_groupsModel->clear();
    m_client->setChannel(target);
    updateActions();
}

void MainWindow::reportError(const QString &title, const QJsonObject &reply)
{
    const QString text = Events::errorText(reply);
    statusBar()->showMessage(QStringLiteral("%1: %2").arg(title, text), 10000);
    emit actionFailed(text);
    m_prompter->showError(this, title, text);
}

// --- Selection ---------------------------------------------------------------------------------

void MainWindow::setActiveTree(Tree tree)
{
    m_activeTree = tree;
    showSelectionDetails();
    updateActions();
}

MainWindow::Selection MainWindow::currentSelection() const
{
    Selection selection;
    selection.tree = m_activeTree;
    if (m_activeTree == Tree::Directory) {
        const QModelIndex index = m_filterModel->mapToSource(m_directoryView->currentIndex());
        if (!index.isValid())
            return {};
        selection.kind = index.data(DirectoryTreeModel::KindRole).toInt();
        selection.id = index.data(DirectoryTreeModel::IdRole).toLongLong();
    } else if (m_activeTree == Tree::Groups) {
        const QModelIndex index = m_groupsView->currentIndex();
        if (!index.isValid())
            return {};
        selection.kind = index.data(GroupsTreeModel::KindRole).toInt();
        selection.id = index.data(GroupsTreeModel::IdRole).toLongLong();
    }
    return selection;
}

void MainWindow::showSelectionDetails()
{
    const Selection selection = currentSelection();
    if (selection.tree == Tree::Directory) {
        const auto info = m_directoryModel->itemInfo(DirKind(selection.kind), selection.id);
        if (info.valid && info.kind == DirectoryTreeModel::DomainItem) {
            m_detailPane->showItem(DetailPane::ItemKind::Domain, info.id,
                                   tr("Domain %1").arg(info.name),
                                   tr("%n user(s)", nullptr, info.childCount)
                                       + (info.enabled ? QString() : tr(", disabled")));
            return;
        }
        if (info.valid && info.kind == DirectoryTreeModel::UserItem) {
            m_detailPane->showItem(DetailPane::ItemKind::User, info.id,
                                   tr("User %1@%2").arg(info.name, domainName(info.parentId)),
                                   userSummary(info));
            return;
        }
        if (info.valid) {
            const auto user = m_directoryModel->itemInfo(DirectoryTreeModel::UserItem,
                                                         info.parentId);
            m_detailPane->showItem(DetailPane::ItemKind::Gateway, info.id,
                                   tr("Gateway %1").arg(info.name),
                                   tr("Gateway of user %1").arg(user.name)
                                       + (info.enabled ? QString() : tr(", disabled")));
            return;
        }
    } else if (selection.tree == Tree::Groups) {
        const auto info = m_groupsModel->itemInfo(GroupKind(selection.kind), selection.id);
        if (info.valid && info.kind == GroupsTreeModel::DomainItem) {
            const auto domain = m_directoryModel->itemInfo(DirectoryTreeModel::DomainItem, info.id);
            m_detailPane->showItem(DetailPane::ItemKind::Domain, info.id,
                                   tr("Domain %1").arg(info.name),
                                   tr("%n user(s)", nullptr, domain.childCount));
            return;
        }
        if (info.valid && info.kind == GroupsTreeModel::GroupItem) {
            const QString members = info.childCount < 0
                                        ? tr("Expand the group to load its members.")
                                        : tr("%n member(s).", nullptr, info.childCount);
            m_detailPane->showItem(DetailPane::ItemKind::Group, info.id,
                                   tr("Group %1 in %2").arg(info.name, domainName(info.parentId)),
                                   members + QLatin1Char(' ')
                                       + tr("Drag users from the Directory tree onto the group, "
                                            "or use Add members."));
            return;
        }
        if (info.valid) {
            const auto group = m_groupsModel->itemInfo(GroupsTreeModel::GroupItem, info.parentId);
            m_detailPane->showItem(DetailPane::ItemKind::Member, info.id,
                                   tr("Member %1 of group %2").arg(info.name, group.name),
                                   tr("Select the user in the Directory tree to edit it."));
            return;
        }
    }
    if (m_detailPane->itemKind() != DetailPane::ItemKind::None)
        m_detailPane->clearItem();
}

qint64 MainWindow::selectedDomainId() const
{
    const Selection selection = currentSelection();
    if (selection.tree == Tree::Directory) {
        auto info = m_directoryModel->itemInfo(DirKind(selection.kind), selection.id);
        while (info.valid && info.kind != DirectoryTreeModel::DomainItem)
            info = m_directoryModel->itemInfo(DirKind(info.kind - 1), info.parentId);
        return info.valid ? info.id : 0;
    }
    if (selection.tree == Tree::Groups) {
        auto info = m_groupsModel->itemInfo(GroupKind(selection.kind), selection.id);
        while (info.valid && info.kind != GroupsTreeModel::DomainItem)
            info = m_groupsModel->itemInfo(GroupKind(info.kind - 1), info.parentId);
        return info.valid ? info.id : 0;
    }
    return 0;
}

qint64 MainWindow::selectedUserId() const
{
    const Selection selection = currentSelection();
    if (selection.tree == Tree::Directory) {
        if (selection.kind == DirectoryTreeModel::UserItem)
            return selection.id;
        if (selection.kind == DirectoryTreeModel::GatewayItem)
            return m_directoryModel->itemInfo(DirectoryTreeModel::GatewayItem, selection.id)
                .parentId;
    } else if (selection.tree == Tree::Groups && selection.kind == GroupsTreeModel::MemberItem) {
        return m_groupsModel->itemInfo(GroupsTreeModel::MemberItem, selection.id).userId;
    }
    return 0;
}

qint64 MainWindow::selectedGroupId() const
{
    const Selection selection = currentSelection();
    if (selection.tree != Tree::Groups)
        return 0;
    if (selection.kind == GroupsTreeModel::GroupItem)
        return selection.id;
    if (selection.kind == GroupsTreeModel::MemberItem)
        return m_groupsModel->itemInfo(GroupsTreeModel::MemberItem, selection.id).parentId;
    return 0;
}

QList<qint64> MainWindow::selectedMemberIds() const
{
    QList<qint64> ids;
    if (m_activeTree != Tree::Groups)
        return ids;
    const QModelIndexList rows = m_groupsView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (row.data(GroupsTreeModel::KindRole).toInt() == GroupsTreeModel::MemberItem)
            ids.append(row.data(GroupsTreeModel::IdRole).toLongLong());
    }
    const Selection current = currentSelection();
    if (ids.isEmpty() && current.kind == GroupsTreeModel::MemberItem)
        ids.append(current.id);
    return ids;
}

QString MainWindow::domainName(qint64 id) const
{
    const auto info = m_directoryModel->itemInfo(DirectoryTreeModel::DomainItem, id);
    if (info.valid)
        return info.name;
    return m_groupsModel->itemInfo(GroupsTreeModel::DomainItem, id).name;
}

void MainWindow::selectDirectoryItem(int kind, qint64 id)
{
    const QModelIndex source = m_directoryModel->indexFor(kind, id);
    const QModelIndex index = m_filterModel->mapFromSource(source);
    if (!index.isValid())
        return;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_directoryView->expand(parent);
    m_directoryView->setCurrentIndex(index);
    m_directoryView->scrollTo(index);
    setActiveTree(Tree::Directory);
}

void MainWindow::selectGroupsItem(int kind, qint64 id)
{
    const QModelIndex index = m_groupsModel->indexFor(kind, id);
    if (!index.isValid())
        return;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_groupsView->expand(parent);
    m_groupsView->setCurrentIndex(index);
    m_groupsView->scrollTo(index);
    setActiveTree(Tree::Groups);
}

// --- Status bar and closing --------------------------------------------------------------------

void MainWindow::setLocalServerStatus(const LocalServerStatus &status)
{
    m_serverStatus = status;
    updateStatusBar();
}

void MainWindow::updateStatusBar()
{
    EventChannel *channel = m_client->channel();
    const bool remote = channel && channel != m_localChannel;
    if (!channel)
        m_locationLabel->setText(tr("No directory open"));
    else if (remote)
        m_locationLabel->setText(tr("Remote directory: %1").arg(channel->location()));
    else
        m_locationLabel->setText(tr("Local directory: %1").arg(channel->location()));

    switch (m_client->state()) {
    case EventChannel::State::Connected:
        m_connectionLabel->setText(remote ? tr("Connected") : tr("Open"));
        break;
    case EventChannel::State::Connecting:
        m_connectionLabel->setText(tr("Connecting…"));
        break;
    case EventChannel::State::Disconnected:
        m_connectionLabel->setText(tr("Disconnected"));
        break;
    }

    QStringList servers;
    servers << (m_serverStatus.apiListening
                    ? tr("API server: listening on %1").arg(m_serverStatus.apiAddress)
                    : tr("API server: off"));
    if (m_serverStatus.xmlCurlListening)
        servers << tr("FreeSWITCH lookups: %1").arg(m_serverStatus.xmlCurlAddress);
    if (!m_serverStatus.error.isEmpty())
        servers << tr("server error: %1").arg(m_serverStatus.error);
    m_serverLabel->setText(servers.join(QStringLiteral(" · ")));
}

void MainWindow::updateWindowTitle()
{
    EventChannel *channel = m_client->channel();
    setWindowTitle(channel ? tr("%1 – fsdirector").arg(channel->location())
                           : tr("fsdirector"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_serverStatus.xmlCurlListening) {
        const QString text =
            tr("FreeSWITCH fetches its directory from this fsdirector at %1. After quitting, "
               "registrations and calls that need a directory lookup fail until fsdirector "
               "runs again.\n\nQuit anyway?")
                .arg(m_serverStatus.xmlCurlAddress);
        if (!m_prompter->confirm(this, tr("Quit fsdirector"), text, tr("Quit"))) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace fsd::ui
