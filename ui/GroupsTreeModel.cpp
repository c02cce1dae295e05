// SPDX-License-Identifier: MPL-2.0
#include "ui/GroupsTreeModel.h"

#include "ui/ApiEvents.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/Icons.h"
#include "ui/UiLog.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QPalette>
#include <QSet>

namespace fsd::ui {

using Events::toId;

namespace {

QJsonObject objectAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toObject();
}

} // namespace

GroupsTreeModel::GroupsTreeModel(QObject *parent)
    : SortedTreeModel(parent)
{
}

GroupsTreeModel::~GroupsTreeModel() = default;

// --- Messages ----------------------------------------------------------------------------------

void GroupsTreeModel::applyMessage(const QJsonObject &message)
{
    if (Events::isError(message))
        return;
    const QString type = Events::messageType(message);
    const QJsonObject domains = objectAt(message, "domains");

    if (type == Events::GetGroups) {
        syncDomains(domains, true);
        syncGroups(objectAt(message, "list"));
    } else if (type == Events::GetDomains || type == Events::ImportDomain
               || type == Events::GetGateways
               || (type == Events::GetUsers
                   && !message.value(QLatin1StringView("partial")).toBool())) {
        syncDomains(domains, true);
    } else if (type == Events::AddDomain || type == Events::RenameDomain
               || type == Events::SwitchDomain) {
        syncDomains(domains, false);
    } else if (type == Events::DeleteDomain) {
        if (Node *node = findNode(DomainItem, toId(message.value(QLatin1StringView("id")))))
            removeNode(node);
    } else if (type == Events::AddGroup) {
        Node *domain = findNode(DomainItem, toId(message.value(QLatin1StringView("id"))));
        const QJsonObject items = objectAt(message, "items");
        for (auto it = items.begin(); domain && it != items.end(); ++it) {
            if (!findNode(GroupItem, toId(it.key())))
                insertGroup(domain, toId(it.key()), it.value().toString(), true);
        }
    } else if (type == Events::RenameGroup || type == Events::DeleteGroup) {
        applyGroupItem(message);
    } else if (type == Events::AddGroupUser) {
        const QJsonObject groups = objectAt(message, "group_users");
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            Node *group = findNode(GroupItem, toId(it.key()));
            if (group && group->childrenLoaded)
                upsertMembers(group, it.value().toObject());
        }
    } else if (type == Events::DeleteGroupUser) {
        if (Node *member =
                findNode(MemberItem, toId(message.value(QLatin1StringView("affected_id")))))
            removeNode(member);
    } else if (type == Events::RenameUser || type == Events::DeleteUser) {
        applyUserItem(message);
    }
}

// `list` is {domainId: {groupId: name}} and lists every group.
void GroupsTreeModel::syncGroups(const QJsonObject &list)
{
    QSet<qint64> listed;
    for (auto domainIt = list.begin(); domainIt != list.end(); ++domainIt) {
        Node *domain = findNode(DomainItem, toId(domainIt.key()));
        if (!domain)
            continue;
        const QJsonObject groups = domainIt.value().toObject();
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const qint64 id = toId(it.key());
            listed.insert(id);
            if (Node *group = findNode(GroupItem, id))
                renameNode(group, it.value().toString());
            else
                insertGroup(domain, id, it.value().toString(), false);
        }
    }
    for (Node *group : nodesOfKind(GroupItem)) {
        if (!listed.contains(group->id))
            removeNode(group);
    }
}

void GroupsTreeModel::insertGroup(Node *domain, qint64 id, const QString &name,
                                  bool membersLoaded)
{
    if (id <= 0)
        return;
    auto group = std::make_unique<Node>();
    group->kind = GroupItem;
    group->id = id;
    group->name = name;
    group->childrenLoaded = membersLoaded;
    insertNode(domain, std::move(group));
}

void GroupsTreeModel::setGroupMembers(qint64 groupId, const QJsonObject &reply)
{
    Node *group = findNode(GroupItem, groupId);
    if (!group)
        return;
    if (Events::isError(reply)) {
        qCWarning(lcUi) << "Loading the members of group" << groupId
                        << "failed:" << Events::errorText(reply);
        group->childrenRequested = false;
        return;
    }

    const QJsonObject members = objectAt(objectAt(reply, "group_users"),
                                         QByteArray::number(groupId).constData());
    QSet<qint64> listed;
    for (auto it = members.begin(); it != members.end(); ++it)
        listed.insert(toId(it.key()));
    removeChildrenExcept(group, listed);

    const bool wasLoaded = group->childrenLoaded;
    group->childrenLoaded = true;
    group->childrenRequested = false;
    upsertMembers(group, members);
    if (!wasLoaded && group->children.empty()) {
        // The expand arrow has to go: the group turned out to be empty.
        notifyNodeChanged(group);
    }
}

void GroupsTreeModel::upsertMembers(Node *group, const QJsonObject &members)
{
    std::vector<std::unique_ptr<Node>> created;
    for (auto it = members.begin(); it != members.end(); ++it) {
        const QJsonObject json = it.value().toObject();
        const qint64 id = toId(json.value(QLatin1StringView("id")));
        if (id <= 0)
            continue;
        const QString name = json.value(QLatin1StringView("name")).toString();
        const bool enabled = json.value(QLatin1StringView("enabled")).toBool(true);
        if (auto *member = static_cast<MemberNode *>(findNode(MemberItem, id))) {
            renameNode(member, name);
            member->enabled = enabled;
            member->type = json.value(QLatin1StringView("type")).toString();
            notifyNodeChanged(member);
            continue;
        }
        auto member = std::make_unique<MemberNode>();
        member->kind = MemberItem;
        member->id = id;
        member->name = name;
        member->enabled = enabled;
        member->userId = toId(json.value(QLatin1StringView("user_id")));
        member->type = json.value(QLatin1StringView("type")).toString();
        created.push_back(std::move(member));
    }
    insertNodes(group, std::move(created));
}

// `[Groups] Update_group_name` / `Del_group`: {"item": {"id", "name"?}, "id": domain}.
void GroupsTreeModel::applyGroupItem(const QJsonObject &message)
{
    const QJsonObject item = objectAt(message, "item");
    Node *group = findNode(GroupItem, toId(item.value(QLatin1StringView("id"))));
    if (!group)
        return;
    if (Events::messageType(message) == Events::DeleteGroup)
        removeNode(group);
    else
        renameNode(group, item.value(QLatin1StringView("name")).toString());
}

// A renamed or deleted user changes its memberships in every loaded group of its domain.
void GroupsTreeModel::applyUserItem(const QJsonObject &message)
{
    const QJsonObject item = objectAt(message, "item");
    const qint64 userId = toId(item.value(QLatin1StringView("id")));
    const Node *domain = findNode(DomainItem, toId(message.value(QLatin1StringView("id"))));
    if (!domain || userId <= 0)
        return;
    const bool deleted = Events::messageType(message) == Events::DeleteUser;
    const QString name = item.value(QLatin1StringView("name")).toString();

    std::vector<Node *> affected;
    for (const auto &group : domain->children) {
        for (const auto &member : group->children) {
            if (static_cast<const MemberNode *>(member.get())->userId == userId)
                affected.push_back(member.get());
        }
    }
    for (Node *member : affected) {
        if (deleted)
            removeNode(member);
        else
            renameNode(member, name);
    }
}

void GroupsTreeModel::requestChildren(Node *node)
{
    if (node->kind == GroupItem)
        emit membersRequested(node->id);
}

void GroupsTreeModel::reloadLoadedGroups()
{
    for (Node *group : nodesOfKind(GroupItem)) {
        if (group->childrenLoaded && !group->childrenRequested) {
            group->childrenRequested = true;
            emit membersRequested(group->id);
        }
    }
}

// --- Queries -----------------------------------------------------------------------------------

GroupsTreeModel::ItemInfo GroupsTreeModel::itemInfo(Kind kind, qint64 id) const
{
    const Node *node = findNode(kind, id);
    if (!node)
        return {};
    ItemInfo info;
    info.valid = true;
    info.kind = kind;
    info.id = id;
    info.name = node->name;
    info.enabled = node->enabled;
    info.parentId = node->parent == rootNode() ? 0 : node->parent->id;
    info.childCount = node->childrenLoaded ? int(node->children.size()) : -1;
    if (kind == MemberItem)
        info.userId = static_cast<const MemberNode *>(node)->userId;
    return info;
}

GroupsTreeModel::ItemInfo GroupsTreeModel::itemInfo(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    return itemInfo(Kind(node->kind), node->id);
}

QList<qint64> GroupsTreeModel::memberUserIds(qint64 groupId) const
{
    QList<qint64> ids;
    if (const Node *group = findNode(GroupItem, groupId)) {
        for (const auto &member : group->children)
            ids.append(static_cast<const MemberNode *>(member.get())->userId);
    }
    return ids;
}

// --- Presentation ------------------------------------------------------------------------------

int GroupsTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant GroupsTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Name");
    if (section == TypeColumn)
        return tr("Membership");
    return {};
}

QVariant GroupsTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        if (node->kind != MemberItem)
            return {};
        //: A user defined inside the group's <users> in FreeSWITCH XML, as opposed to a pointer.
        return static_cast<const MemberNode *>(node)->type.isEmpty() ? tr("defined here")
                                                                      : tr("pointer");
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (!node->enabled)
            return Icons::disabled();
        return node->kind == DomainItem ? Icons::domain()
               : node->kind == GroupItem ? Icons::group()
                                         : Icons::member();
    case Qt::ForegroundRole:
        if (node->enabled && (node->kind == DomainItem || node->parent->enabled))
            return {};
        return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case KindRole:
        return node->kind;
    case IdRole:
        return node->id;
    case EnabledRole:
        return node->enabled;
    case ParentIdRole:
        return node->parent == rootNode() ? qint64(0) : node->parent->id;
    case UserIdRole:
        return node->kind == MemberItem ? static_cast<const MemberNode *>(node)->userId
                                        : qint64(0);
    case MembersLoadedRole:
        return node->childrenLoaded;
    default:
        return {};
    }
}

Qt::ItemFlags GroupsTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->kind != DomainItem)
        result |= Qt::ItemIsDropEnabled;
    return result;
}

// --- Drops -------------------------------------------------------------------------------------

QStringList GroupsTreeModel::mimeTypes() const
{
    return {DirectoryTreeModel::UsersMimeType};
}

Qt::DropActions GroupsTreeModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

// The group a drop onto `parent` goes to: the group itself, or the group of a member.
const SortedTreeModel::Node *GroupsTreeModel::dropTarget(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return nullptr;
    const Node *node = nodeAt(parent);
    if (node->kind == MemberItem)
        return node->parent;
    return node->kind == GroupItem ? node : nullptr;
}

bool GroupsTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                      const QModelIndex &parent) const
{
    const Node *group = dropTarget(parent);
    if (!group || !(action & Qt::CopyAction) || !data
        || !data->hasFormat(DirectoryTreeModel::UsersMimeType))
        return false;
    const QJsonObject payload =
        QJsonDocument::fromJson(data->data(DirectoryTreeModel::UsersMimeType)).object();
    return toId(payload.value(QLatin1StringView("domain"))) == group->parent->id;
}

bool GroupsTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                   int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Node *group = dropTarget(parent);
    const QJsonObject payload =
        QJsonDocument::fromJson(data->data(DirectoryTreeModel::UsersMimeType)).object();
    const QJsonArray users = payload.value(QLatin1StringView("users")).toArray();
    QList<qint64> userIds;
    for (const QJsonValue &user : users)
        userIds.append(toId(user));
    emit usersDropped(group->id, userIds);
    return true;
}

} // namespace fsd::ui
