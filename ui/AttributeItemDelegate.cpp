// SPDX-License-Identifier: MPL-2.0
#include "ui/AttributeItemDelegate.h"

#include "ui/AttributeTableModel.h"

#include <QComboBox>
#include <QLineEdit>

namespace fsd::ui {

namespace {

bool isDirection(const QModelIndex &index)
{
    const auto *model = qobject_cast<const AttributeTableModel *>(index.model());
    return model && model->hasDirection()
           && index.column() == AttributeTableModel::DirectionColumn;
}

} // namespace

QWidget *AttributeItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    if (isDirection(index)) {
        auto *box = new QComboBox(parent);
        box->addItem(tr("both"), QString());
        box->addItem(QStringLiteral("inbound"), QStringLiteral("inbound"));
        box->addItem(QStringLiteral("outbound"), QStringLiteral("outbound"));
        return box;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    const auto *model = qobject_cast<const AttributeTableModel *>(index.model());
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (line && model && index.column() == AttributeTableModel::ValueColumn
        && index.data(AttributeTableModel::SecretRole).toBool() && !model->secretsRevealed())
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

void AttributeItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor); box && isDirection(index)) {
        box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void AttributeItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                         const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor); box && isDirection(index)) {
        model->setData(index, box->currentData().toString(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace fsd::ui
