// SPDX-License-Identifier: MPL-2.0
#include "ui/UserFilterProxyModel.h"

#include "ui/DirectoryTreeModel.h"

namespace fsd::ui {

UserFilterProxyModel::UserFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void UserFilterProxyModel::setDirectoryModel(DirectoryTreeModel *model)
{
    m_directory = model;
    setSourceModel(model);
}

void UserFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    // Users not fetched yet are invisible to the proxy, so expose them all before filtering.
    if (!trimmed.isEmpty() && m_directory)
        m_directory->exposeAll();
    m_text = trimmed;
    invalidateRowsFilter();
}

bool UserFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(DirectoryTreeModel::KindRole).toInt() != DirectoryTreeModel::UserItem)
        return false;
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
           || index.data(DirectoryTreeModel::NumberAliasRole)
                  .toString()
                  .contains(m_text, Qt::CaseInsensitive);
}

} // namespace fsd::ui
