// SPDX-License-Identifier: MPL-2.0
// Presentation of DirectoryTreeModel's items: columns, roles, icons and tool tips.
#include "ui/DirectoryTreeModel.h"

#include "ui/Icons.h"

#include <QApplication>
#include <QPalette>

namespace fsd::ui {

namespace {

template<typename UserNode>
bool isRegistered(const UserNode *user)
{
    return user->sipRegistered || user->vertoRegistered;
}

} // namespace

int DirectoryTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DirectoryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case NumberAliasColumn:
        return tr("Number alias");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

Qt::ItemFlags DirectoryTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->kind == UserItem)
        result |= Qt::ItemIsDragEnabled;
    return result;
}

QVariant DirectoryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole:
        return toolTipData(node);
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (!node->enabled)
            return Icons::disabled();
        if (node->kind == UserItem && isRegistered(static_cast<const UserNode *>(node)))
            return Icons::registeredUser();
        return node->kind == DomainItem ? Icons::domain()
               : node->kind == UserItem ? Icons::user()
                                        : Icons::gateway();
    case Qt::ForegroundRole:
        if (isEffectivelyEnabled(node))
            return {};
        return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case KindRole:
        return node->kind;
    case IdRole:
        return node->id;
    case EnabledRole:
        return node->enabled;
    case NumberAliasRole:
        return node->kind == UserItem ? static_cast<const UserNode *>(node)->numberAlias
                                      : QString();
    case ParentIdRole:
        return node->parent == rootNode() ? qint64(0) : node->parent->id;
    case ChildCountRole:
        return int(node->children.size());
    case RegisteredRole:
        return node->kind == UserItem && isRegistered(static_cast<const UserNode *>(node));
    case SipRegistrationsRole:
        return node->kind == DomainItem ? static_cast<const DomainNode *>(node)->sipRegistrations
                                        : 0;
    default:
        return {};
    }
}

QVariant DirectoryTreeModel::displayData(const Node *node, int column) const
{
    if (column == NameColumn)
        return node->name;

    if (node->kind == DomainItem) {
        if (column != StatusColumn)
            return {};
        const auto *domain = static_cast<const DomainNode *>(node);
        QString text = tr("%n user(s)", nullptr, int(domain->children.size()));
        if (domain->sipRegistrations > 0)
            text += tr(", %n registered", nullptr, domain->sipRegistrations);
        return text;
    }
    if (node->kind != UserItem)
        return {};

    const auto *user = static_cast<const UserNode *>(node);
    if (column == NumberAliasColumn)
        return user->numberAlias;
    return liveStateText(user);
}

QString DirectoryTreeModel::liveStateText(const UserNode *user) const
{
    if (!user->hasLiveState)
        return {};
    QStringList states;
    if (user->sipRegistered)
        states << tr("SIP registered");
    if (user->vertoRegistered)
        states << tr("Verto registered");
    if (user->talking)
        states << tr("talking");
    else if (user->inCall)
        states << tr("in call");
    if (!user->callDirection.isEmpty() && (user->inCall || user->talking))
        states << user->callDirection;
    return states.isEmpty() ? tr("not registered") : states.join(QStringLiteral(", "));
}

QVariant DirectoryTreeModel::toolTipData(const Node *node) const
{
    QString text;
    switch (node->kind) {
    case DomainItem:
        text = tr("Domain %1 with %n user(s)", nullptr, int(node->children.size()))
                   .arg(node->name);
        break;
    case UserItem: {
        const auto *user = static_cast<const UserNode *>(node);
        text = user->numberAlias.isEmpty()
                   ? tr("User %1 of %2").arg(user->name, user->parent->name)
                   : tr("User %1 (number alias %2) of %3")
                         .arg(user->name, user->numberAlias, user->parent->name);
        break;
    }
    default:
        text = tr("Gateway %1 of user %2").arg(node->name, node->parent->name);
        break;
    }
    if (!node->enabled)
        text += QLatin1Char('\n') + tr("Disabled: kept here, but not served to FreeSWITCH.");
    else if (!isEffectivelyEnabled(node))
        text += QLatin1Char('\n') + tr("Not served to FreeSWITCH, because an item above it is "
                                       "disabled.");
    return text;
}

bool DirectoryTreeModel::isEffectivelyEnabled(const Node *node) const
{
    for (const Node *current = node; current != rootNode(); current = current->parent) {
        if (!current->enabled)
            return false;
    }
    return true;
}

} // namespace fsd::ui
