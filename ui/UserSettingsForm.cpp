// SPDX-License-Identifier: MPL-2.0
#include "ui/UserSettingsForm.h"

#include "ui/AttributeTableModel.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace fsd::ui {

namespace {

// FreeSWITCH's sample configuration gives every user this password (vars.xml,
// default_password), so it is the first one scanners try.
const QString SamplePassword = QStringLiteral("1234");

} // namespace

UserSettingsForm::UserSettingsForm(QWidget *parent)
    : QWidget(parent)
    , m_warning(new QLabel(this))
{
    m_warning->setObjectName(QStringLiteral("credentialWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral(
        "background: #fff3cd; color: #664d03; border: 1px solid #ffda6a; padding: 4px;"));
    m_warning->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warning);
    layout->addLayout(new QFormLayout);

    addField(Field::Cache, tr("Cache (ms):"), tr("0: FreeSWITCH does not cache this user"));
    addField(Field::Cidr, tr("CIDR:"), tr("for example 192.0.2.0/24, 198.51.100.7/32"));
    addField(Field::NumberAlias, tr("Number alias:"), tr("another number that reaches this user"));
}

void UserSettingsForm::addField(Field field, const QString &label, const QString &placeholder)
{
    auto *form = static_cast<QFormLayout *>(layout()->itemAt(1)->layout());
    FieldWidgets &entry = widgets(field);
    entry.edit = new QLineEdit(this);
    entry.edit->setPlaceholderText(placeholder);
    entry.error = new QLabel(this);
    entry.error->setWordWrap(true);
    entry.error->setStyleSheet(QStringLiteral("color: #b00020;"));
    entry.error->hide();

    const char *names[] = {"cacheEdit", "cidrEdit", "numberAliasEdit"};
    entry.edit->setObjectName(QString::fromLatin1(names[int(field)]));
    entry.error->setObjectName(entry.edit->objectName() + QStringLiteral("Error"));

    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(entry.edit);
    column->addWidget(entry.error);
    form->addRow(label, column);

    connect(entry.edit, &QLineEdit::editingFinished, this, [this, field]() {
        const FieldWidgets &current = widgets(field);
        if (current.edit->text() != current.stored)
            emit changeRequested(field, current.edit->text());
    });
}

UserSettingsForm::FieldWidgets &UserSettingsForm::widgets(Field field)
{
    return m_fields[int(field)];
}

const UserSettingsForm::FieldWidgets &UserSettingsForm::widgets(Field field) const
{
    return m_fields[int(field)];
}

QLineEdit *UserSettingsForm::editFor(Field field) const
{
    return widgets(field).edit;
}

QLabel *UserSettingsForm::errorLabelFor(Field field) const
{
    return widgets(field).error;
}

void UserSettingsForm::setValues(const QJsonObject &details)
{
    // A non-numeric `cacheable` read from XML is kept as text; show it instead of 0.
    const QJsonValue cacheable = details.value(QLatin1StringView("cacheable"));
    if (cacheable.isString())
        setValue(Field::Cache, cacheable.toString());
    else if (details.contains(QLatin1StringView("cache")))
        setValue(Field::Cache,
                 QString::number(details.value(QLatin1StringView("cache")).toInteger()));
    if (details.contains(QLatin1StringView("cidr")))
        setValue(Field::Cidr, details.value(QLatin1StringView("cidr")).toString());
    if (details.contains(QLatin1StringView("number_alias")))
        setValue(Field::NumberAlias, details.value(QLatin1StringView("number_alias")).toString());
}

void UserSettingsForm::setValue(Field field, const QString &value)
{
    FieldWidgets &entry = widgets(field);
    entry.stored = value;
    entry.edit->setText(value);
    clearError(field);
}

void UserSettingsForm::clear()
{
    for (Field field : {Field::Cache, Field::Cidr, Field::NumberAlias})
        setValue(field, QString());
    m_warning->hide();
}

void UserSettingsForm::showError(Field field, const QString &text)
{
    widgets(field).error->setText(text);
    widgets(field).error->show();
}

void UserSettingsForm::clearError(Field field)
{
    widgets(field).error->clear();
    widgets(field).error->hide();
}

void UserSettingsForm::updateCredentialWarning(const AttributeTableModel &parameters)
{
    const AttributeTableModel::Row *password = parameters.findEnabled(QStringLiteral("password"));
    const AttributeTableModel::Row *a1Hash = parameters.findEnabled(QStringLiteral("a1-hash"));
    const bool hasPassword = password && !password->value.isEmpty();
    const bool hasA1Hash = a1Hash && !a1Hash->value.isEmpty();

    QString text;
    if (!hasPassword && !hasA1Hash) {
        text = tr("This user has neither a password nor an a1-hash parameter. FreeSWITCH lets "
                  "anyone register as this user without checking a credential. Add a password "
                  "parameter.");
    } else if (hasPassword && password->value == SamplePassword) {
        text = tr("This user has FreeSWITCH's sample password 1234, which is the first one "
                  "attackers try. Change the password parameter.");
    }
    m_warning->setText(text);
    m_warning->setVisible(!text.isEmpty());
}

} // namespace fsd::ui
