// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/SortedTreeModel.h"

#include <QJsonObject>

namespace fsd::ui {

// The Groups tree: domains → groups → members, fed with API replies and pushed messages.
// A group's members are loaded when a view first expands it. The model emits
// membersRequested(), and the owner passes the reply to setGroupMembers().
// Users dragged from the Directory tree can be dropped onto a group of their own domain.
class GroupsTreeModel : public SortedTreeModel
{
    Q_OBJECT

public:
    enum Kind { DomainItem = DomainKind, GroupItem, MemberItem };
    enum Column { NameColumn, TypeColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1,
        IdRole,
        EnabledRole,
        // Id of the domain for a group, of the group for a member, 0 for a domain.
        ParentIdRole,
        // The member's user id (members only).
        UserIdRole,
        // True once the members of a group arrived.
        MembersLoadedRole,
    };

    struct ItemInfo
    {
        bool valid = false;
        Kind kind = DomainItem;
        qint64 id = 0;
        QString name;
        bool enabled = true;
        qint64 parentId = 0;
        // Children known so far; for a group whose members were not loaded yet, -1.
        int childCount = 0;
        qint64 userId = 0;
    };

    explicit GroupsTreeModel(QObject *parent = nullptr);
    ~GroupsTreeModel() override;

    void applyMessage(const QJsonObject &message);
    // Applies a `[Groups] Get_group_users` reply for `groupId`; an error reply lets a later
    // fetchMore() ask again.
    void setGroupMembers(qint64 groupId, const QJsonObject &reply);
    // Emits membersRequested() for every group whose members were loaded, to refresh them
    // after a reconnection or an import; groups not loaded yet stay lazy.
    void reloadLoadedGroups();
    void clear() { clearAll(); }

    ItemInfo itemInfo(Kind kind, qint64 id) const;
    ItemInfo itemInfo(const QModelIndex &index) const;
    // Users that are members of the group, by user id; empty when not loaded.
    QList<qint64> memberUserIds(qint64 groupId) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;

signals:
    // The members of the group are needed. The owner requests `[Groups] Get_group_users` and
    // passes the reply to setGroupMembers().
    void membersRequested(qint64 groupId);
    // Users of the group's domain were dropped onto the group; the caller sends the events.
    void usersDropped(qint64 groupId, const QList<qint64> &userIds);

private:
    struct MemberNode : Node
    {
        qint64 userId = 0;
        QString type;
    };

    void requestChildren(Node *node) override;
    void syncGroups(const QJsonObject &list);
    void insertGroup(Node *domain, qint64 id, const QString &name, bool membersLoaded);
    void upsertMembers(Node *group, const QJsonObject &members);
    void applyGroupItem(const QJsonObject &message);
    void applyUserItem(const QJsonObject &message);
    const Node *dropTarget(const QModelIndex &parent) const;
};

} // namespace fsd::ui
