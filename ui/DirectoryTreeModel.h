// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/SortedTreeModel.h"

#include <QJsonObject>

namespace fsd::ui {

// The Directory tree: domains → users → gateways, fed with the replies and pushed messages of
// the API. It keeps no rule of its own: every change arrives as a message, through
// applyMessage(). Users can be dragged (onto a group of the Groups tree).
class DirectoryTreeModel : public SortedTreeModel
{
    Q_OBJECT

public:
    enum Kind { DomainItem = DomainKind, UserItem, GatewayItem };
    enum Column { NameColumn, NumberAliasColumn, StatusColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1,
        IdRole,
        EnabledRole,
        NumberAliasRole,
        // Id of the domain for a user, of the user for a gateway, 0 for a domain.
        ParentIdRole,
        // Number of children, including those not fetched yet.
        ChildCountRole,
        // For users: true while FreeSWITCH reports a SIP or Verto registration.
        RegisteredRole,
        // For domains: the sip_regs_counter of the last message.
        SipRegistrationsRole,
    };

    // Summary of one item for the window's confirmations and actions.
    struct ItemInfo
    {
        bool valid = false;
        Kind kind = DomainItem;
        qint64 id = 0;
        QString name;
        bool enabled = true;
        qint64 parentId = 0;
        int childCount = 0;
        QString numberAlias;
        // For users: the live state in words ("SIP registered, in call, inbound"), empty when
        // no message carried it.
        QString liveState;
        // For users: the latest call FreeSWITCH reported, if any (call_date in Unix seconds).
        QString lastUuid;
        qint64 callDate = 0;
    };

    // MIME type of dragged users: JSON {"domain": id, "users": [id, ...]}.
    static const QString UsersMimeType;

    explicit DirectoryTreeModel(QObject *parent = nullptr);
    ~DirectoryTreeModel() override;

    // Applies a reply or pushed message of any event; messages that do not concern the tree,
    // and error replies, are ignored.
    void applyMessage(const QJsonObject &message);
    void clear() { clearAll(); }

    ItemInfo itemInfo(Kind kind, qint64 id) const;
    ItemInfo itemInfo(const QModelIndex &index) const;
    // Ids of the users of a domain, in tree order.
    QList<qint64> userIds(qint64 domainId) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct DomainNode : Node
    {
        int sipRegistrations = 0;
    };
    // The live registration fields are those of `[Users] Get_users`. `hasLiveState` stays
    // false until a message carried them.
    struct UserNode : Node
    {
        QString numberAlias;
        bool hasLiveState = false;
        bool sipRegistered = false;
        bool vertoRegistered = false;
        bool inCall = false;
        bool talking = false;
        QString callDirection;
        qint64 callDate = 0;
        QString lastUuid;
    };

    std::unique_ptr<Node> createDomainNode() const override;
    bool readDomainFields(Node *node, const QJsonObject &domain) override;
    void childCountChanged(Node *parent) override;

    void syncUsers(const QJsonObject &directoryUsers, bool complete);
    void upsertUsers(Node *domain, const QJsonObject &users);
    void updatePartialDomains(const QJsonObject &domains);
    void updatePartialUsers(const QJsonObject &directoryUsers);
    bool readUserFields(UserNode *user, const QJsonObject &json);
    void syncGateways(const QJsonObject &userGateways);
    void upsertGateway(Node *user, const QJsonObject &gateway);
    void applyItemChange(Kind kind, const QJsonObject &message);
    void applyNewGateway(const QJsonObject &message);

    QVariant displayData(const Node *node, int column) const;
    QString liveStateText(const UserNode *user) const;
    QVariant toolTipData(const Node *node) const;
    bool isEffectivelyEnabled(const Node *node) const;
};

} // namespace fsd::ui
