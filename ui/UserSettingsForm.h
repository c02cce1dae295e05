// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace fsd::ui {

class AttributeTableModel;

// A user's own fields (cache, CIDR, number alias) with an error line under each, and the
// warning shown when the user's credentials let anyone register.
class UserSettingsForm : public QWidget
{
    Q_OBJECT

public:
    enum class Field { Cache, Cidr, NumberAlias };
    Q_ENUM(Field)

    explicit UserSettingsForm(QWidget *parent = nullptr);

    // Shows the values of a `user_details` entry; absent keys leave a field as it is.
    void setValues(const QJsonObject &details);
    void setValue(Field field, const QString &value);
    void clear();
    void showError(Field field, const QString &text);
    void clearError(Field field);
    // Checks the enabled `password` and `a1-hash` parameters and shows or hides the warning.
    void updateCredentialWarning(const AttributeTableModel &parameters);

    QLineEdit *editFor(Field field) const;
    QLabel *errorLabelFor(Field field) const;
    QLabel *credentialWarning() const { return m_warning; }

signals:
    // The operator finished editing a field and its text differs from the stored value.
    void changeRequested(fsd::ui::UserSettingsForm::Field field, const QString &value);

private:
    struct FieldWidgets
    {
        QLineEdit *edit = nullptr;
        QLabel *error = nullptr;
        QString stored;
    };

    void addField(Field field, const QString &label, const QString &placeholder);
    FieldWidgets &widgets(Field field);
    const FieldWidgets &widgets(Field field) const;

    FieldWidgets m_fields[3];
    QLabel *m_warning;
};

} // namespace fsd::ui
