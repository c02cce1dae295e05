// SPDX-License-Identifier: MPL-2.0
// MainWindow's directory actions. Each sends one or more API events.
#include "ui/MainWindow.h"

#include "ui/AddMembersDialog.h"
#include "ui/ApiEvents.h"
#include "ui/BulkAddUsersDialog.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/GroupsTreeModel.h"
#include "ui/NameDialog.h"
#include "ui/Prompter.h"

#include <QLineEdit>
#include <QStatusBar>
#include <QTreeView>

namespace fsd::ui {

namespace {

QJsonObject fields(std::initializer_list<QPair<QString, QJsonValue>> entries)
{
    QJsonObject object;
    for (const auto &[key, value] : entries)
        object.insert(key, value);
    return object;
}

// The id of the first row of a `{owner: {id: row}}` object, such as `directory_users`.
qint64 firstNestedId(const QJsonObject &byOwner)
{
    qint64 first = 0;
    for (auto owner = byOwner.begin(); owner != byOwner.end(); ++owner) {
        const QJsonObject rows = owner.value().toObject();
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            const qint64 id = Events::toId(it.key());
            if (first == 0 || id < first)
                first = id;
        }
    }
    return first;
}

} // namespace

// --- Sending -----------------------------------------------------------------------------------

void MainWindow::sendFromDialog(RequestDialog *dialog, const QJsonObject &request,
                                std::function<void(const QJsonObject &)> onSuccess)
{
    dialog->setBusy(true);
    QPointer<RequestDialog> target(dialog);
    m_client->send(request, this, [target, onSuccess](const QJsonObject &reply) {
        if (target)
            target->setBusy(false);
        if (Events::isError(reply)) {
            if (target)
                target->showError(Events::errorText(reply));
            return;
        }
        if (target)
            target->finish();
        if (onSuccess)
            onSuccess(reply);
    });
}

void MainWindow::sendAction(const QString &title, const QJsonObject &request,
                            std::function<void(const QJsonObject &)> onSuccess)
{
    m_client->send(request, this, [this, title, onSuccess](const QJsonObject &reply) {
        if (Events::isError(reply)) {
            reportError(title, reply);
            return;
        }
        if (onSuccess)
            onSuccess(reply);
    });
}

void MainWindow::openNameDialog(const QString &title, const QString &label,
                                const QString &initial,
                                std::function<QJsonObject(const QString &)> makeRequest,
                                std::function<void(const QJsonObject &)> onSuccess)
{
    auto *dialog = new NameDialog(title, label, initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RequestDialog::submitted, this, [this, dialog, makeRequest, onSuccess]() {
        sendFromDialog(dialog, makeRequest(dialog->name()), onSuccess);
    });
    dialog->open();
}

// --- Adding ------------------------------------------------------------------------------------

void MainWindow::addDomain()
{
    openNameDialog(
        tr("Add domain"), tr("Domain name:"), QString(),
        [](const QString &name) {
            return Events::request(Events::AddDomain, fields({{QStringLiteral("name"), name}}));
        },
        [this](const QJsonObject &reply) {
            const QJsonObject domains = reply.value(QLatin1StringView("domains")).toObject();
            if (!domains.isEmpty())
                selectDirectoryItem(DirectoryTreeModel::DomainItem,
                                    Events::toId(domains.begin().key()));
        });
}

void MainWindow::addUser()
{
    const qint64 domainId = selectedDomainId();
    if (domainId <= 0)
        return;
    openNameDialog(
        tr("Add user to %1").arg(domainName(domainId)), tr("User name:"), QString(),
        [domainId](const QString &name) {
            return Events::request(Events::AddUser, fields({{QStringLiteral("id"), domainId},
                                                          {QStringLiteral("name"), name}}));
        },
        [this](const QJsonObject &reply) {
            selectDirectoryItem(
                DirectoryTreeModel::UserItem,
                firstNestedId(reply.value(QLatin1StringView("directory_users")).toObject()));
        });
}

void MainWindow::bulkAddUsers()
{
    const qint64 domainId = selectedDomainId();
    if (domainId <= 0)
        return;
    auto *dialog = new BulkAddUsersDialog(domainName(domainId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RequestDialog::submitted, this, [this, dialog, domainId]() {
        const QJsonObject request =
            Events::request(Events::AddUser, fields({{QStringLiteral("id"), domainId},
                                                   {QStringLiteral("name"), dialog->firstName()},
                                                   {QStringLiteral("bulk"), dialog->count()}}));
        sendFromDialog(dialog, request, [this](const QJsonObject &reply) {
            const int total = reply.value(QLatin1StringView("total")).toInt();
            statusBar()->showMessage(tr("Added %n user(s).", nullptr, total), 5000);
            selectDirectoryItem(
                DirectoryTreeModel::UserItem,
                firstNestedId(reply.value(QLatin1StringView("directory_users")).toObject()));
        });
    });
    dialog->open();
}

void MainWindow::addGateway()
{
    const qint64 userId = selectedUserId();
    if (userId <= 0)
        return;
    const auto user = m_directoryModel->itemInfo(DirectoryTreeModel::UserItem, userId);
    openNameDialog(
        tr("Add gateway to user %1").arg(user.name), tr("Gateway name:"), QString(),
        [userId](const QString &name) {
            return Events::request(Events::AddGateway, fields({{QStringLiteral("id"), userId},
                                                             {QStringLiteral("name"), name}}));
        },
        [this](const QJsonObject &reply) {
            const QJsonObject item = reply.value(QLatin1StringView("item")).toObject();
            selectDirectoryItem(DirectoryTreeModel::GatewayItem,
                                Events::toId(item.value(QLatin1StringView("id"))));
        });
}

void MainWindow::addGroup()
{
    const qint64 domainId = selectedDomainId();
    if (domainId <= 0)
        return;
    openNameDialog(
        tr("Add group to %1").arg(domainName(domainId)), tr("Group name:"), QString(),
        [domainId](const QString &name) {
            return Events::request(Events::AddGroup, fields({{QStringLiteral("id"), domainId},
                                                           {QStringLiteral("name"), name}}));
        },
        [this](const QJsonObject &reply) {
            const QJsonObject items = reply.value(QLatin1StringView("items")).toObject();
            if (!items.isEmpty())
                selectGroupsItem(GroupsTreeModel::GroupItem, Events::toId(items.begin().key()));
        });
}

// --- Group members -----------------------------------------------------------------------------

void MainWindow::addMembers()
{
    const qint64 groupId = selectedGroupId();
    if (groupId <= 0)
        return;
    const auto group = m_groupsModel->itemInfo(GroupsTreeModel::GroupItem, groupId);
    auto *dialog = new AddMembersDialog(group.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBusy(true);
    // The candidates are the domain's users, as the server lists them with the members.
    m_client->send(Events::request(Events::GetGroupUsers, fields({{QStringLiteral("id"), groupId}})),
                   dialog, [dialog, groupId](const QJsonObject &reply) {
                       dialog->setBusy(false);
                       if (Events::isError(reply))
                           dialog->showError(Events::errorText(reply));
                       else
                           dialog->setCandidates(groupId, reply);
                   });
    connect(dialog, &RequestDialog::submitted, this, [this, dialog, groupId]() {
        const QList<qint64> userIds = dialog->checkedUserIds();
        if (userIds.isEmpty()) {
            dialog->showError(tr("Check the users to add."));
            return;
        }
        addUsersToGroup(groupId, userIds);
        dialog->finish();
    });
    dialog->open();
}

void MainWindow::addUsersToGroup(qint64 groupId, const QList<qint64> &userIds)
{
    const auto group = m_groupsModel->itemInfo(GroupsTreeModel::GroupItem, groupId);
    for (qint64 userId : userIds) {
        // The API carries the user id as a string in `value`.
        const QJsonObject request = Events::request(
            Events::AddGroupUser, fields({{QStringLiteral("id"), groupId},
                                        {QStringLiteral("value"), QString::number(userId)}}));
        sendAction(tr("Adding a member to %1 failed").arg(group.name), request);
    }
}

void MainWindow::removeMembers()
{
    const QList<qint64> memberIds = selectedMemberIds();
    if (memberIds.isEmpty())
        return;
    const auto first = m_groupsModel->itemInfo(GroupsTreeModel::MemberItem, memberIds.first());
    const auto group = m_groupsModel->itemInfo(GroupsTreeModel::GroupItem, first.parentId);
    const QString question =
        memberIds.size() == 1
            ? tr("Remove %1 from group %2? The user stays in the domain.").arg(first.name,
                                                                               group.name)
            : tr("Remove %n member(s) from group %1? The users stay in the domain.", nullptr,
                 int(memberIds.size()))
                  .arg(group.name);
    if (!m_prompter->confirm(this, tr("Remove from group"), question, tr("Remove")))
        return;
    for (qint64 memberId : memberIds) {
        sendAction(tr("Removing a member failed"),
                   Events::request(Events::DeleteGroupUser,
                                   fields({{QStringLiteral("id"), memberId}})));
    }
}

// --- Rename, enable/disable, delete ------------------------------------------------------------

void MainWindow::renameSelected()
{
    const Selection selection = currentSelection();
    QLatin1StringView event;
    QString what;
    QString name;
    if (selection.tree == Tree::Directory) {
        const auto info =
            m_directoryModel->itemInfo(DirectoryTreeModel::Kind(selection.kind), selection.id);
        name = info.name;
        event = selection.kind == DirectoryTreeModel::DomainItem ? Events::RenameDomain
                : selection.kind == DirectoryTreeModel::UserItem ? Events::RenameUser
                                                                 : Events::RenameGateway;
        what = selection.kind == DirectoryTreeModel::DomainItem ? tr("domain")
               : selection.kind == DirectoryTreeModel::UserItem ? tr("user")
                                                                : tr("gateway");
    } else if (selection.tree == Tree::Groups
               && selection.kind != GroupsTreeModel::MemberItem) {
        name = m_groupsModel->itemInfo(GroupsTreeModel::Kind(selection.kind), selection.id).name;
        event = selection.kind == GroupsTreeModel::DomainItem ? Events::RenameDomain
                                                              : Events::RenameGroup;
        what = selection.kind == GroupsTreeModel::DomainItem ? tr("domain") : tr("group");
    } else {
        return;
    }
    const qint64 id = selection.id;
    openNameDialog(
        tr("Rename %1 %2").arg(what, name), tr("New name:"), name,
        [event, id](const QString &newName) {
            return Events::request(event, fields({{QStringLiteral("id"), id},
                                                {QStringLiteral("name"), newName}}));
        },
        {});
}

void MainWindow::toggleSelected()
{
    const Selection selection = currentSelection();
    QLatin1StringView event;
    bool enabled = true;
    if (selection.tree == Tree::Directory) {
        enabled = m_directoryModel->itemInfo(DirectoryTreeModel::Kind(selection.kind), selection.id)
                      .enabled;
        event = selection.kind == DirectoryTreeModel::DomainItem ? Events::SwitchDomain
                : selection.kind == DirectoryTreeModel::UserItem ? Events::SwitchUser
                                                                 : Events::SwitchGateway;
    } else if (selection.tree == Tree::Groups && selection.kind == GroupsTreeModel::DomainItem) {
        enabled = m_groupsModel->itemInfo(GroupsTreeModel::DomainItem, selection.id).enabled;
        event = Events::SwitchDomain;
    } else {
        return;
    }
    sendAction(enabled ? tr("Disabling failed") : tr("Enabling failed"),
               Events::request(event, fields({{QStringLiteral("id"), selection.id},
                                            {QStringLiteral("enabled"), !enabled}})));
}

// Says what goes with the item, so the operator knows what a delete costs.
QString MainWindow::deleteQuestion(const Selection &selection) const
{
    if (selection.tree == Tree::Directory || selection.kind == GroupsTreeModel::DomainItem) {
        const int kind = selection.tree == Tree::Directory ? selection.kind
                                                           : int(DirectoryTreeModel::DomainItem);
        const auto info = m_directoryModel->itemInfo(DirectoryTreeModel::Kind(kind), selection.id);
        if (kind == DirectoryTreeModel::DomainItem)
            return tr("Delete domain %1 and its %n user(s)? Their parameters, variables, "
                      "gateways and groups go with them.",
                      nullptr, info.childCount)
                .arg(info.name);
        if (kind == DirectoryTreeModel::UserItem)
            return tr("Delete user %1 of %2 and its %n gateway(s)? Its parameters, variables "
                      "and group memberships go with it.",
                      nullptr, info.childCount)
                .arg(info.name, domainName(info.parentId));
        const auto user = m_directoryModel->itemInfo(DirectoryTreeModel::UserItem, info.parentId);
        return tr("Delete gateway %1 of user %2 with its parameters and variables?")
            .arg(info.name, user.name);
    }
    const auto info = m_groupsModel->itemInfo(GroupsTreeModel::Kind(selection.kind), selection.id);
    if (selection.kind == GroupsTreeModel::GroupItem) {
        if (info.childCount < 0)
            return tr("Delete group %1 of %2? Its members stay users of the domain.")
                .arg(info.name, domainName(info.parentId));
        return tr("Delete group %1 of %2 and its %n membership(s)? The users stay in the domain.",
                  nullptr, info.childCount)
            .arg(info.name, domainName(info.parentId));
    }
    return {};
}

void MainWindow::deleteSelected()
{
    const Selection selection = currentSelection();
    if (selection.tree == Tree::Groups && selection.kind == GroupsTreeModel::MemberItem) {
        removeMembers();
        return;
    }
    if (selection.kind < 0)
        return;

    QLatin1StringView event = Events::DeleteDomain;
    if (selection.tree == Tree::Directory && selection.kind == DirectoryTreeModel::UserItem)
        event = Events::DeleteUser;
    else if (selection.tree == Tree::Directory && selection.kind == DirectoryTreeModel::GatewayItem)
        event = Events::DeleteGateway;
    else if (selection.tree == Tree::Groups && selection.kind == GroupsTreeModel::GroupItem)
        event = Events::DeleteGroup;

    if (!m_prompter->confirm(this, tr("Delete"), deleteQuestion(selection), tr("Delete")))
        return;
    sendAction(tr("Deleting failed"),
               Events::request(event, fields({{QStringLiteral("id"), selection.id}})));
}

void MainWindow::refresh()
{
    m_client->reload();
}

void MainWindow::focusFilter()
{
    m_filterEdit->setFocus();
    m_filterEdit->selectAll();
}

} // namespace fsd::ui
