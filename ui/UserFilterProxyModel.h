// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace fsd::ui {

class DirectoryTreeModel;

// Filters the Directory tree to the users whose name or number alias contains the filter text
// (case-insensitive), across all domains. Domains of matching users stay visible, and so do
// the gateways of matching users.
class UserFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit UserFilterProxyModel(QObject *parent = nullptr);

    void setDirectoryModel(DirectoryTreeModel *model);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    DirectoryTreeModel *m_directory = nullptr;
    QString m_text;
};

} // namespace fsd::ui
