// SPDX-License-Identifier: MPL-2.0
#include "ui/SortedTreeModel.h"

#include "ui/ApiEvents.h"
#include "ui/NaturalOrder.h"

#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

namespace fsd::ui {

SortedTreeModel::SortedTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->kind = -1;
}

SortedTreeModel::~SortedTreeModel() = default;

void SortedTreeModel::setFetchBatchSize(int size)
{
    m_fetchBatchSize = std::max(1, size);
}

// --- QAbstractItemModel ------------------------------------------------------------------------

QModelIndex SortedTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *node = nodeAt(parent);
    if (row < 0 || row >= node->exposed || column < 0 || column >= columnCount(parent))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex SortedTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<const Node *>(child.internalPointer());
    return indexOfNode(node->parent);
}

int SortedTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return nodeAt(parent)->exposed;
}

bool SortedTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeAt(parent);
    return !node->children.empty() || !node->childrenLoaded;
}

bool SortedTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    if (m_changing)
        return false;
    const Node *node = nodeAt(parent);
    if (!node->childrenLoaded)
        return !node->childrenRequested;
    return size_t(node->exposed) < node->children.size();
}

void SortedTreeModel::fetchMore(const QModelIndex &parent)
{
    if (m_changing || (parent.isValid() && parent.column() != 0))
        return;
    Node *node = nodeAt(parent);
    if (!node->childrenLoaded) {
        if (!node->childrenRequested) {
            node->childrenRequested = true;
            requestChildren(node);
        }
        return;
    }
    const int remaining = int(node->children.size()) - node->exposed;
    exposeCount(node, std::min(remaining, m_fetchBatchSize));
}

// --- Lookup and exposure -----------------------------------------------------------------------

SortedTreeModel::Node *SortedTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex SortedTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get() || !isExposed(node))
        return {};
    return createIndex(rowOfNode(node), column, const_cast<Node *>(node));
}

int SortedTreeModel::rowOfNode(const Node *node) const
{
    const Node *parent = node->parent;
    const int row = insertPosition(parent, node->name, node->id);
    Q_ASSERT(row < int(parent->children.size()) && parent->children[size_t(row)].get() == node);
    return row;
}

bool SortedTreeModel::isExposed(const Node *node) const
{
    for (const Node *current = node; current != m_root.get(); current = current->parent) {
        if (rowOfNode(current) >= current->parent->exposed)
            return false;
    }
    return true;
}

QModelIndex SortedTreeModel::indexFor(int kind, qint64 id, int column)
{
    Node *node = findNode(kind, id);
    if (!node)
        return {};

    std::vector<Node *> chain;
    for (Node *current = node; current != m_root.get(); current = current->parent)
        chain.push_back(current);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        exposeRows((*it)->parent, rowOfNode(*it));
    return indexOfNode(node, column);
}

void SortedTreeModel::exposeRows(Node *parent, int row)
{
    if (row >= parent->exposed)
        exposeCount(parent, row + 1 - parent->exposed);
}

void SortedTreeModel::exposeAll()
{
    std::vector<Node *> pending{m_root.get()};
    while (!pending.empty()) {
        Node *node = pending.back();
        pending.pop_back();
        exposeCount(node, int(node->children.size()) - node->exposed);
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
}

void SortedTreeModel::exposeCount(Node *parent, int count)
{
    if (count <= 0)
        return;
    const bool visible = parent == m_root.get() || isExposed(parent);
    const QScopedValueRollback guard(m_changing, true);
    if (visible)
        beginInsertRows(indexOfNode(parent), parent->exposed, parent->exposed + count - 1);
    parent->exposed += count;
    if (visible)
        endInsertRows();
}

// --- Changes -----------------------------------------------------------------------------------

bool SortedTreeModel::nodeLess(const std::unique_ptr<Node> &left, const std::unique_ptr<Node> &right)
{
    const int order = naturalCompare(left->name, right->name);
    return order != 0 ? order < 0 : left->id < right->id;
}

int SortedTreeModel::insertPosition(const Node *parent, const QString &name, qint64 id) const
{
    const auto &children = parent->children;
    const auto it = std::lower_bound(children.begin(), children.end(), nullptr,
                                     [&](const std::unique_ptr<Node> &child, std::nullptr_t) {
                                         const int order = naturalCompare(child->name, name);
                                         return order != 0 ? order < 0 : child->id < id;
                                     });
    return int(it - children.begin());
}

SortedTreeModel::Node *SortedTreeModel::insertNode(Node *parent, std::unique_ptr<Node> node)
{
    const QScopedValueRollback guard(m_changing, true);
    const int row = insertPosition(parent, node->name, node->id);
    const bool allExposed = size_t(parent->exposed) == parent->children.size();
    const bool becomesExposed = row < parent->exposed || allExposed;
    const bool visible = becomesExposed && (parent == m_root.get() || isExposed(parent));

    Node *raw = node.get();
    raw->parent = parent;
    if (visible)
        beginInsertRows(indexOfNode(parent), row, row);
    parent->children.insert(parent->children.begin() + row, std::move(node));
    if (becomesExposed)
        ++parent->exposed;
    registerSubtree(raw);
    if (visible)
        endInsertRows();
    childCountChanged(parent);
    return raw;
}

void SortedTreeModel::insertNodes(Node *parent, std::vector<std::unique_ptr<Node>> nodes)
{
    if (nodes.size() <= 1 || parent->exposed > 0) {
        for (auto &node : nodes)
            insertNode(parent, std::move(node));
        return;
    }

    const bool wasEmpty = parent->children.empty();
    std::sort(nodes.begin(), nodes.end(), nodeLess);
    const auto middle = parent->children.insert(parent->children.end(),
                                                std::make_move_iterator(nodes.begin()),
                                                std::make_move_iterator(nodes.end()));
    std::inplace_merge(parent->children.begin(), middle, parent->children.end(), nodeLess);
    for (auto &child : parent->children) {
        if (child->parent != parent) {
            child->parent = parent;
            registerSubtree(child.get());
        }
    }
    if (wasEmpty)
        exposeCount(parent, std::min(int(parent->children.size()), m_fetchBatchSize));
    childCountChanged(parent);
}

void SortedTreeModel::removeNode(Node *node)
{
    const QScopedValueRollback guard(m_changing, true);
    Node *parent = node->parent;
    const int row = rowOfNode(node);
    const bool wasExposed = row < parent->exposed;
    const bool visible = wasExposed && (parent == m_root.get() || isExposed(parent));

    if (visible)
        beginRemoveRows(indexOfNode(parent), row, row);
    unregisterSubtree(node);
    parent->children.erase(parent->children.begin() + row);
    if (wasExposed)
        --parent->exposed;
    if (visible)
        endRemoveRows();
    childCountChanged(parent);
}

void SortedTreeModel::removeChildrenExcept(Node *parent, const QSet<qint64> &keep)
{
    std::vector<Node *> doomed;
    for (const auto &child : parent->children) {
        if (!keep.contains(child->id))
            doomed.push_back(child.get());
    }
    for (Node *node : doomed)
        removeNode(node);
}

void SortedTreeModel::removeAllChildren(Node *parent)
{
    const QScopedValueRollback guard(m_changing, true);
    if (parent->children.empty())
        return;
    const bool visible = parent->exposed > 0 && (parent == m_root.get() || isExposed(parent));
    if (visible)
        beginRemoveRows(indexOfNode(parent), 0, parent->exposed - 1);
    for (const auto &child : parent->children)
        unregisterSubtree(child.get());
    parent->children.clear();
    parent->exposed = 0;
    if (visible)
        endRemoveRows();
    childCountChanged(parent);
}

void SortedTreeModel::renameNode(Node *node, const QString &name)
{
    const QScopedValueRollback guard(m_changing, true);
    if (node->name == name)
        return;
    Node *parent = node->parent;
    auto &children = parent->children;
    const int oldRow = rowOfNode(node);
    const int slot = insertPosition(parent, name, node->id);
    const int newRow = slot > oldRow ? slot - 1 : slot;
    const int exposed = parent->exposed;
    const bool parentVisible = parent == m_root.get() || isExposed(parent);
    const QModelIndex parentIndex = indexOfNode(parent);

    // Moves the node inside the vector from oldRow to newRow, keeping the order of the others.
    const auto moveInVector = [&]() {
        if (newRow > oldRow)
            std::rotate(children.begin() + oldRow, children.begin() + oldRow + 1,
                        children.begin() + newRow + 1);
        else if (newRow < oldRow)
            std::rotate(children.begin() + newRow, children.begin() + oldRow,
                        children.begin() + oldRow + 1);
    };

    if (oldRow < exposed && newRow < exposed) {
        const bool moving = newRow != oldRow && parentVisible;
        if (moving)
            beginMoveRows(parentIndex, oldRow, oldRow, parentIndex,
                          newRow > oldRow ? newRow + 1 : newRow);
        node->name = name;
        moveInVector();
        if (moving)
            endMoveRows();
    } else if (oldRow < exposed) {
        // Leaves the exposed rows: the row disappears until fetchMore() reaches it again.
        if (parentVisible)
            beginRemoveRows(parentIndex, oldRow, oldRow);
        node->name = name;
        moveInVector();
        parent->exposed = exposed - 1;
        if (parentVisible)
            endRemoveRows();
    } else if (newRow < exposed) {
        if (parentVisible)
            beginInsertRows(parentIndex, newRow, newRow);
        node->name = name;
        moveInVector();
        parent->exposed = exposed + 1;
        if (parentVisible)
            endInsertRows();
    } else {
        node->name = name;
        moveInVector();
    }
    notifyNodeChanged(node);
}

void SortedTreeModel::notifyNodeChanged(Node *node)
{
    const QModelIndex first = indexOfNode(node, 0);
    if (!first.isValid())
        return;
    const int lastColumn = columnCount(first.parent()) - 1;
    emit dataChanged(first, first.siblingAtColumn(lastColumn));
}

void SortedTreeModel::clearAll()
{
    beginResetModel();
    for (const auto &child : m_root->children)
        unregisterSubtree(child.get());
    m_root->children.clear();
    m_root->exposed = 0;
    m_lookup.clear();
    endResetModel();
}

void SortedTreeModel::syncDomains(const QJsonObject &domains, bool complete)
{
    QSet<qint64> listed;
    for (auto it = domains.begin(); it != domains.end(); ++it) {
        const QJsonObject domain = it.value().toObject();
        const qint64 id = Events::toId(domain.value(QLatin1StringView("id")));
        if (id <= 0)
            continue;
        listed.insert(id);
        const QString name = domain.value(QLatin1StringView("name")).toString();
        const bool enabled = domain.value(QLatin1StringView("enabled")).toBool(true);

        Node *node = findNode(DomainKind, id);
        if (!node) {
            auto created = createDomainNode();
            created->kind = DomainKind;
            created->id = id;
            created->name = name;
            created->enabled = enabled;
            readDomainFields(created.get(), domain);
            insertNode(rootNode(), std::move(created));
            continue;
        }
        renameNode(node, name);
        bool changed = node->enabled != enabled;
        node->enabled = enabled;
        changed = readDomainFields(node, domain) || changed;
        if (changed)
            notifyNodeChanged(node);
    }
    if (complete)
        removeChildrenExcept(rootNode(), listed);
}

std::unique_ptr<SortedTreeModel::Node> SortedTreeModel::createDomainNode() const
{
    return std::make_unique<Node>();
}

bool SortedTreeModel::readDomainFields(Node *, const QJsonObject &)
{
    return false;
}

void SortedTreeModel::requestChildren(Node *) {}

void SortedTreeModel::nodeRemoved(Node *) {}

void SortedTreeModel::childCountChanged(Node *) {}

void SortedTreeModel::registerSubtree(Node *node)
{
    m_lookup[node->kind].insert(node->id, node);
    for (const auto &child : node->children) {
        child->parent = node;
        registerSubtree(child.get());
    }
}

void SortedTreeModel::unregisterSubtree(Node *node)
{
    for (const auto &child : node->children)
        unregisterSubtree(child.get());
    nodeRemoved(node);
    auto &ids = m_lookup[node->kind];
    const auto it = ids.find(node->id);
    if (it != ids.end() && it.value() == node)
        ids.erase(it);
}

} // namespace fsd::ui
