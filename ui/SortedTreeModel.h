// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace fsd::ui {

// Base of the directory and groups trees. Children stay in natural name order under their
// parent (ties broken by id), and are exposed to views in batches through canFetchMore() and
// fetchMore(), so a domain of 100,000 users opens at once. A rename moves the row instead of
// removing it, so selection and expanded state survive changes made by others.
class SortedTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    static constexpr int DefaultFetchBatchSize = 1000;

    explicit SortedTreeModel(QObject *parent = nullptr);
    ~SortedTreeModel() override;

    // How many children one fetchMore() exposes.
    void setFetchBatchSize(int size);
    int fetchBatchSize() const { return m_fetchBatchSize; }

    // Exposes every child of every node, for filtering across all rows.
    void exposeAll();
    // The index of the node of `kind` with `id`, exposing its rows (and its ancestors' rows) as
    // needed. Invalid when no such node exists.
    QModelIndex indexFor(int kind, qint64 id, int column = 0);
    bool contains(int kind, qint64 id) const { return m_lookup.value(kind).contains(id); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

protected:
    struct Node
    {
        Node() = default;
        Node(const Node &) = delete;
        Node &operator=(const Node &) = delete;
        virtual ~Node() = default;

        int kind = 0;
        qint64 id = 0;
        QString name;
        bool enabled = true;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        // children[0, exposed) are visible to views; the rest wait for fetchMore().
        int exposed = 0;
        // False while the children still have to be requested from the server.
        bool childrenLoaded = true;
        bool childrenRequested = false;
    };

    // Kind of the top-level nodes in both trees.
    static constexpr int DomainKind = 0;

    Node *rootNode() const { return m_root.get(); }
    QList<Node *> nodesOfKind(int kind) const { return m_lookup.value(kind).values(); }
    Node *nodeAt(const QModelIndex &index) const;
    Node *findNode(int kind, qint64 id) const { return m_lookup.value(kind).value(id); }
    // The index of an exposed node, invalid for the root and for nodes not exposed yet.
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    int rowOfNode(const Node *node) const;
    bool isExposed(const Node *node) const;

    // Inserts `node` (whose subtree may already be filled) in order under `parent`. It becomes
    // visible when it lands among the exposed rows or when every row was exposed already.
    Node *insertNode(Node *parent, std::unique_ptr<Node> node);
    // Inserts many nodes at once. Under a parent none of whose rows are exposed yet this sorts
    // once instead of inserting row by row, and exposes the first batch.
    void insertNodes(Node *parent, std::vector<std::unique_ptr<Node>> nodes);
    void removeNode(Node *node);
    // Removes the children of `parent` whose ids are not in `keep`.
    void removeChildrenExcept(Node *parent, const QSet<qint64> &keep);
    void removeAllChildren(Node *parent);
    void renameNode(Node *node, const QString &name);
    // Emits dataChanged() for every column of the node's row, if it is exposed.
    void notifyNodeChanged(Node *node);
    // Exposes the rows of `parent` up to and including `row`.
    void exposeRows(Node *parent, int row);
    void clearAll();

    // Applies a `domains` object of a reply ({"8": {"id": 8, "name": ..., "enabled": ...}}) to
    // the top level. `complete` means the object lists every domain, so others are removed.
    void syncDomains(const QJsonObject &domains, bool complete);
    virtual std::unique_ptr<Node> createDomainNode() const;
    // Reads the fields a subclass keeps beyond id, name and enabled; returns whether any
    // changed.
    virtual bool readDomainFields(Node *node, const QJsonObject &domain);

    // Asks the subclass to load the children of a node whose childrenLoaded is false.
    virtual void requestChildren(Node *node);
    // Called after children were inserted into or removed from `parent`.
    virtual void childCountChanged(Node *parent);
    // Called for every node leaving the tree (the root of a removed subtree and its children).
    virtual void nodeRemoved(Node *node);

private:
    static bool nodeLess(const std::unique_ptr<Node> &left, const std::unique_ptr<Node> &right);
    int insertPosition(const Node *parent, const QString &name, qint64 id) const;
    void registerSubtree(Node *node);
    void unregisterSubtree(Node *node);
    void exposeCount(Node *parent, int count);

    std::unique_ptr<Node> m_root;
    QHash<int, QHash<qint64, Node *>> m_lookup;
    int m_fetchBatchSize = DefaultFetchBatchSize;
    // True while rows are being inserted, removed or moved. Observers of the begin/end signals
    // (views, QAbstractItemModelTester) may call fetchMore(), which has to wait until then.
    bool m_changing = false;
};

} // namespace fsd::ui
