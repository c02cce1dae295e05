// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/AttributeTableModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fsd::ui {

// The parameters or variables of the selected item: an editable table, a row to add a new
// one, Remove, and for secret values Reveal and Copy value. It sends nothing itself: it emits
// requests, and the owner shows the server's error with showError().
class AttributeEditor : public QWidget
{
    Q_OBJECT

public:
    AttributeEditor(const QString &title, bool hasDirection, QWidget *parent = nullptr);

    AttributeTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *newNameEdit() const { return m_newName; }
    QLineEdit *newValueEdit() const { return m_newValue; }
    QComboBox *newDirectionBox() const { return m_newDirection; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *copyButton() const { return m_copy; }
    QCheckBox *revealBox() const { return m_reveal; }
    QLabel *errorLabel() const { return m_error; }

    void showError(const QString &text);
    void clearError();
    // Hides the new-row fields and Remove, and makes the table read-only.
    void setReadOnly(bool readOnly);
    // Empties the new-row fields after the server added the row.
    void clearNewRow();
    // Copies the value of the current row, revealed or not, to the clipboard.
    void copyCurrentValue();

signals:
    void addRequested(const QString &name, const QString &value, const QString &direction);
    void removeRequested(const QList<qint64> &ids);
    void editRequested(qint64 id, const fsd::ui::AttributeTableModel::Row &edited);

private:
    void requestAdd();
    void requestRemove();
    void showContextMenu(const QPoint &position);
    void updateButtons();

    AttributeTableModel *m_model;
    QTableView *m_view;
    QLineEdit *m_newName;
    QLineEdit *m_newValue;
    QComboBox *m_newDirection = nullptr;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_copy;
    QCheckBox *m_reveal;
    QLabel *m_error;
};

} // namespace fsd::ui
