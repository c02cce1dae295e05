// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QStyledItemDelegate>

namespace fsd::ui {

// Editors of the parameter and variable tables: a password field for secret values that are
// not revealed, and a choice of "", "inbound" and "outbound" for gateway variable direction.
class AttributeItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace fsd::ui
