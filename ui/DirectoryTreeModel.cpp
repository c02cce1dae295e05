// SPDX-License-Identifier: MPL-2.0
#include "ui/DirectoryTreeModel.h"

#include "ui/ApiEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QSet>

namespace fsd::ui {

using Events::toId;

namespace {

QJsonObject objectAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toObject();
}

} // namespace

const QString DirectoryTreeModel::UsersMimeType = QStringLiteral("application/x-fsdirector-users");

DirectoryTreeModel::DirectoryTreeModel(QObject *parent)
    : SortedTreeModel(parent)
{
}

DirectoryTreeModel::~DirectoryTreeModel() = default;

// --- Messages ----------------------------------------------------------------------------------

void DirectoryTreeModel::applyMessage(const QJsonObject &message)
{
    if (Events::isError(message))
        return;
    const QString type = Events::messageType(message);
    const QJsonObject domains = objectAt(message, "domains");

    if (type == Events::GetDomains || type == Events::ImportDomain
        || type == Events::GetGroups) {
        syncDomains(domains, true);
    } else if (type == Events::GetUsers) {
        if (message.value(QLatin1StringView("partial")).toBool()) {
            // Partial messages carry the live state of changed users and their domains'
            // counters. They never add or remove items.
            updatePartialDomains(domains);
            updatePartialUsers(objectAt(message, "directory_users"));
            return;
        }
        syncDomains(domains, true);
        syncUsers(objectAt(message, "directory_users"), true);
    } else if (type == Events::GetGateways) {
        // Its `directory_users` repeats every user of `[Users] Get_users`, which the window
        // requests first, so only the gateways of users already in the tree are taken.
        syncDomains(domains, true);
        syncGateways(objectAt(message, "user_gateways"));
    } else if (type == Events::AddDomain || type == Events::RenameDomain
               || type == Events::SwitchDomain) {
        syncDomains(domains, false);
    } else if (type == Events::DeleteDomain) {
        if (Node *node = findNode(DomainItem, toId(message.value(QLatin1StringView("id")))))
            removeNode(node);
    } else if (type == Events::AddUser || type == Events::ImportUser) {
        syncUsers(objectAt(message, "directory_users"), false);
    } else if (type == Events::RenameUser || type == Events::SwitchUser
               || type == Events::DeleteUser || type == Events::UpdateUserNumberAlias) {
        applyItemChange(UserItem, message);
    } else if (type == Events::AddGateway) {
        applyNewGateway(message);
    } else if (type == Events::RenameGateway || type == Events::SwitchGateway
               || type == Events::DeleteGateway) {
        applyItemChange(GatewayItem, message);
    }
}

std::unique_ptr<SortedTreeModel::Node> DirectoryTreeModel::createDomainNode() const
{
    return std::make_unique<DomainNode>();
}

bool DirectoryTreeModel::readDomainFields(Node *node, const QJsonObject &domain)
{
    auto *domainNode = static_cast<DomainNode *>(node);
    const int registrations = domain.value(QLatin1StringView("sip_regs_counter")).toInt();
    const bool changed = domainNode->sipRegistrations != registrations;
    domainNode->sipRegistrations = registrations;
    return changed;
}

// A domain shows its number of users.
void DirectoryTreeModel::childCountChanged(Node *parent)
{
    if (parent->kind == DomainItem && parent != rootNode())
        notifyNodeChanged(parent);
}

// `directoryUsers` is {domainId: {userId: user}}. `complete` means it lists every user of every
// domain, so users it lacks are removed.
void DirectoryTreeModel::syncUsers(const QJsonObject &directoryUsers, bool complete)
{
    for (auto it = directoryUsers.begin(); it != directoryUsers.end(); ++it) {
        Node *domain = findNode(DomainItem, toId(it.key()));
        if (!domain)
            continue;
        const QJsonObject users = it.value().toObject();
        if (complete) {
            QSet<qint64> listed;
            for (auto user = users.begin(); user != users.end(); ++user)
                listed.insert(toId(user.key()));
            removeChildrenExcept(domain, listed);
        }
        upsertUsers(domain, users);
    }
    if (!complete)
        return;
    for (const auto &domain : rootNode()->children) {
        if (!directoryUsers.contains(QString::number(domain->id)))
            removeAllChildren(domain.get());
    }
}

void DirectoryTreeModel::upsertUsers(Node *domain, const QJsonObject &users)
{
    std::vector<std::unique_ptr<Node>> created;
    for (auto it = users.begin(); it != users.end(); ++it) {
        const QJsonObject json = it.value().toObject();
        const qint64 id = toId(json.value(QLatin1StringView("id")));
        if (id <= 0)
            continue;
        const QString name = json.value(QLatin1StringView("name")).toString();
        if (auto *user = static_cast<UserNode *>(findNode(UserItem, id))) {
            renameNode(user, name);
            if (readUserFields(user, json))
                notifyNodeChanged(user);
            continue;
        }
        auto user = std::make_unique<UserNode>();
        user->kind = UserItem;
        user->id = id;
        user->name = name;
        readUserFields(user.get(), json);
        created.push_back(std::move(user));
    }
    insertNodes(domain, std::move(created));
}

void DirectoryTreeModel::updatePartialDomains(const QJsonObject &domains)
{
    for (auto it = domains.begin(); it != domains.end(); ++it) {
        Node *domain = findNode(DomainItem, toId(it.key()));
        if (domain && readDomainFields(domain, it.value().toObject()))
            notifyNodeChanged(domain);
    }
}

void DirectoryTreeModel::updatePartialUsers(const QJsonObject &directoryUsers)
{
    for (auto domain = directoryUsers.begin(); domain != directoryUsers.end(); ++domain) {
        const QJsonObject users = domain.value().toObject();
        for (auto it = users.begin(); it != users.end(); ++it) {
            auto *user = static_cast<UserNode *>(findNode(UserItem, toId(it.key())));
            if (user && readUserFields(user, it.value().toObject()))
                notifyNodeChanged(user);
        }
    }
}

// Reads the fields present in `json`; absent fields keep their value, because partial
// messages carry only what changed. Returns whether anything changed.
bool DirectoryTreeModel::readUserFields(UserNode *user, const QJsonObject &json)
{
    bool changed = false;
    const auto readBool = [&](const char *key, bool &field) {
        const QJsonValue value = json.value(QLatin1StringView(key));
        if (!value.isBool() || value.toBool() == field)
            return;
        field = value.toBool();
        changed = true;
    };
    const auto readString = [&](const char *key, QString &field) {
        const QJsonValue value = json.value(QLatin1StringView(key));
        if (!value.isString() || value.toString() == field)
            return;
        field = value.toString();
        changed = true;
    };

    readBool("enabled", user->enabled);
    readString("number_alias", user->numberAlias);
    if (json.contains(QLatin1StringView("sip_register"))
        || json.contains(QLatin1StringView("verto_register"))) {
        changed = changed || !user->hasLiveState;
        user->hasLiveState = true;
    }
    readBool("sip_register", user->sipRegistered);
    readBool("verto_register", user->vertoRegistered);
    readBool("in_call", user->inCall);
    readBool("talking", user->talking);
    readString("call_direction", user->callDirection);
    readString("last_uuid", user->lastUuid);
    const QJsonValue callDate = json.value(QLatin1StringView("call_date"));
    if (callDate.isDouble() && qint64(callDate.toDouble()) != user->callDate) {
        user->callDate = qint64(callDate.toDouble());
        changed = true;
    }
    return changed;
}

// `userGateways` is {domainId: {userId: {gatewayId: gateway}}} and lists every gateway.
void DirectoryTreeModel::syncGateways(const QJsonObject &userGateways)
{
    QSet<qint64> listed;
    for (auto domain = userGateways.begin(); domain != userGateways.end(); ++domain) {
        const QJsonObject users = domain.value().toObject();
        for (auto user = users.begin(); user != users.end(); ++user) {
            Node *userNode = findNode(UserItem, toId(user.key()));
            if (!userNode)
                continue;
            const QJsonObject gateways = user.value().toObject();
            for (auto gateway = gateways.begin(); gateway != gateways.end(); ++gateway) {
                listed.insert(toId(gateway.key()));
                upsertGateway(userNode, gateway.value().toObject());
            }
        }
    }
    for (Node *gateway : nodesOfKind(GatewayItem)) {
        if (!listed.contains(gateway->id))
            removeNode(gateway);
    }
}

void DirectoryTreeModel::upsertGateway(Node *user, const QJsonObject &gateway)
{
    const qint64 id = toId(gateway.value(QLatin1StringView("id")));
    if (id <= 0)
        return;
    const QString name = gateway.value(QLatin1StringView("name")).toString();
    const bool enabled = gateway.value(QLatin1StringView("enabled")).toBool(true);

    Node *node = findNode(GatewayItem, id);
    if (node && node->parent != user) {
        removeNode(node);
        node = nullptr;
    }
    if (!node) {
        auto created = std::make_unique<Node>();
        created->kind = GatewayItem;
        created->id = id;
        created->name = name;
        created->enabled = enabled;
        insertNode(user, std::move(created));
        return;
    }
    renameNode(node, name);
    if (node->enabled != enabled) {
        node->enabled = enabled;
        notifyNodeChanged(node);
    }
}

// Replies shaped {"item": {"id": ..., "name" | "enabled" | "value": ...}, "id": owner}.
void DirectoryTreeModel::applyItemChange(Kind kind, const QJsonObject &message)
{
    const QString type = Events::messageType(message);
    const QJsonObject item = objectAt(message, "item");
    Node *node = findNode(kind, toId(item.value(QLatin1StringView("id"))));
    if (!node)
        return;

    if (type == Events::DeleteUser || type == Events::DeleteGateway) {
        removeNode(node);
        return;
    }
    if (type == Events::UpdateUserNumberAlias) {
        auto *user = static_cast<UserNode *>(node);
        user->numberAlias = item.value(QLatin1StringView("value")).toString();
        notifyNodeChanged(user);
        return;
    }
    if (item.contains(QLatin1StringView("name")))
        renameNode(node, item.value(QLatin1StringView("name")).toString());
    if (item.contains(QLatin1StringView("enabled"))) {
        node->enabled = item.value(QLatin1StringView("enabled")).toBool();
        notifyNodeChanged(node);
    }
}

// `[Gateways] Add_new_user_gateway`: {"item": {"id", "name"}, "id": domain, "affected_id": user}.
void DirectoryTreeModel::applyNewGateway(const QJsonObject &message)
{
    Node *user = findNode(UserItem, toId(message.value(QLatin1StringView("affected_id"))));
    if (user)
        upsertGateway(user, objectAt(message, "item"));
}

// --- Queries -----------------------------------------------------------------------------------

DirectoryTreeModel::ItemInfo DirectoryTreeModel::itemInfo(Kind kind, qint64 id) const
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
    info.childCount = int(node->children.size());
    if (kind == UserItem) {
        const auto *user = static_cast<const UserNode *>(node);
        info.numberAlias = user->numberAlias;
        info.liveState = liveStateText(user);
        info.lastUuid = user->lastUuid;
        info.callDate = user->callDate;
    }
    return info;
}

DirectoryTreeModel::ItemInfo DirectoryTreeModel::itemInfo(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    return itemInfo(Kind(node->kind), node->id);
}

QList<qint64> DirectoryTreeModel::userIds(qint64 domainId) const
{
    QList<qint64> ids;
    if (const Node *domain = findNode(DomainItem, domainId)) {
        ids.reserve(qsizetype(domain->children.size()));
        for (const auto &user : domain->children)
            ids.append(user->id);
    }
    return ids;
}

// --- Drag and drop -----------------------------------------------------------------------------

QStringList DirectoryTreeModel::mimeTypes() const
{
    return {UsersMimeType};
}

// Carries the users among `indexes` that belong to the domain of the first one, because a group
// takes members of its own domain only.
QMimeData *DirectoryTreeModel::mimeData(const QModelIndexList &indexes) const
{
    qint64 domainId = 0;
    QJsonArray users;
    QSet<qint64> seen;
    for (const QModelIndex &index : indexes) {
        const Node *node = nodeAt(index);
        if (!index.isValid() || node->kind != UserItem || seen.contains(node->id))
            continue;
        if (domainId == 0)
            domainId = node->parent->id;
        if (node->parent->id != domainId)
            continue;
        seen.insert(node->id);
        users.append(node->id);
    }
    if (users.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    const QJsonObject payload{{QStringLiteral("domain"), domainId},
                              {QStringLiteral("users"), users}};
    mime->setData(UsersMimeType, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return mime;
}

Qt::DropActions DirectoryTreeModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace fsd::ui
