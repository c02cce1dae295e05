// SPDX-License-Identifier: MPL-2.0
#include "ui/AttributeEditor.h"

#include "ui/AttributeItemDelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fsd::ui {

AttributeEditor::AttributeEditor(const QString &title, bool hasDirection, QWidget *parent)
    : QWidget(parent)
    , m_model(new AttributeTableModel(hasDirection, this))
    , m_view(new QTableView(this))
    , m_newName(new QLineEdit(this))
    , m_newValue(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_copy(new QPushButton(tr("Copy value"), this))
    , m_reveal(new QCheckBox(tr("Reveal secrets"), this))
    , m_error(new QLabel(this))
{
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);

    m_view->setObjectName(QStringLiteral("attributeTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new AttributeItemDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(AttributeTableModel::NameColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AttributeTableModel::ValueColumn,
                                                     QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    m_newName->setObjectName(QStringLiteral("newNameEdit"));
    m_newName->setPlaceholderText(tr("New name"));
    m_newValue->setObjectName(QStringLiteral("newValueEdit"));
    m_newValue->setPlaceholderText(tr("Value"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newName, 2);
    addRow->addWidget(m_newValue, 3);
    if (hasDirection) {
        m_newDirection = new QComboBox(this);
        m_newDirection->setObjectName(QStringLiteral("newDirectionBox"));
        m_newDirection->addItem(tr("both"), QString());
        m_newDirection->addItem(QStringLiteral("inbound"), QStringLiteral("inbound"));
        m_newDirection->addItem(QStringLiteral("outbound"), QStringLiteral("outbound"));
        addRow->addWidget(m_newDirection);
    }
    addRow->addWidget(m_add);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_reveal);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_view);
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    auto *removeShortcut = new QAction(tr("Remove"), m_view);
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeShortcut);
    connect(removeShortcut, &QAction::triggered, this, &AttributeEditor::requestRemove);

    connect(m_add, &QPushButton::clicked, this, &AttributeEditor::requestAdd);
    connect(m_newName, &QLineEdit::returnPressed, this, &AttributeEditor::requestAdd);
    connect(m_newValue, &QLineEdit::returnPressed, this, &AttributeEditor::requestAdd);
    connect(m_remove, &QPushButton::clicked, this, &AttributeEditor::requestRemove);
    connect(m_copy, &QPushButton::clicked, this, &AttributeEditor::copyCurrentValue);
    connect(m_reveal, &QCheckBox::toggled, m_model, &AttributeTableModel::setSecretsRevealed);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &AttributeEditor::showContextMenu);
    connect(m_model, &AttributeTableModel::editRequested, this, [this](qint64 id, const auto &row) {
        clearError();
        emit editRequested(id, row);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AttributeEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AttributeEditor::updateButtons);
    updateButtons();
}

void AttributeEditor::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void AttributeEditor::clearError()
{
    m_error->clear();
    m_error->hide();
}

void AttributeEditor::setReadOnly(bool readOnly)
{
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::DoubleClicked
                                           | QAbstractItemView::EditKeyPressed
                                           | QAbstractItemView::AnyKeyPressed);
    for (QWidget *widget : {static_cast<QWidget *>(m_newName), static_cast<QWidget *>(m_newValue),
                            static_cast<QWidget *>(m_add), static_cast<QWidget *>(m_remove)})
        widget->setVisible(!readOnly);
    if (m_newDirection)
        m_newDirection->setVisible(!readOnly);
}

void AttributeEditor::clearNewRow()
{
    m_newName->clear();
    m_newValue->clear();
    if (m_newDirection)
        m_newDirection->setCurrentIndex(0);
    clearError();
}

void AttributeEditor::requestAdd()
{
    clearError();
    const QString direction = m_newDirection ? m_newDirection->currentData().toString() : QString();
    emit addRequested(m_newName->text(), m_newValue->text(), direction);
}

void AttributeEditor::requestRemove()
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(AttributeTableModel::IdRole).toLongLong());
    if (ids.isEmpty() && m_view->currentIndex().isValid())
        ids.append(m_view->currentIndex().data(AttributeTableModel::IdRole).toLongLong());
    if (ids.isEmpty())
        return;
    clearError();
    emit removeRequested(ids);
}

void AttributeEditor::copyCurrentValue()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString value = m_model->rowAt(current.row()).value;
    QGuiApplication::clipboard()->setText(value);
}

void AttributeEditor::showContextMenu(const QPoint &position)
{
    QMenu menu(this);
    const bool onRow = m_view->indexAt(position).isValid();
    QAction *copy = menu.addAction(tr("Copy value"), this, &AttributeEditor::copyCurrentValue);
    copy->setEnabled(onRow);
    QAction *reveal = menu.addAction(tr("Reveal secrets"));
    reveal->setCheckable(true);
    reveal->setChecked(m_reveal->isChecked());
    connect(reveal, &QAction::toggled, m_reveal, &QCheckBox::setChecked);
    menu.addSeparator();
    QAction *remove = menu.addAction(tr("Remove"), this, &AttributeEditor::requestRemove);
    remove->setEnabled(onRow);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void AttributeEditor::updateButtons()
{
    const bool hasRow = m_view->selectionModel()->hasSelection() || m_view->currentIndex().isValid();
    m_remove->setEnabled(hasRow && m_model->rowCount() > 0);
    m_copy->setEnabled(hasRow && m_model->rowCount() > 0);
}

} // namespace fsd::ui
