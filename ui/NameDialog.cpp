// SPDX-License-Identifier: MPL-2.0
#include "ui/NameDialog.h"

#include <QFormLayout>
#include <QLineEdit>

namespace fsd::ui {

NameDialog::NameDialog(const QString &title, const QString &label, const QString &initialName,
                       QWidget *parent)
    : RequestDialog(parent)
    , m_name(new QLineEdit(initialName, this))
{
    setWindowTitle(title);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->selectAll();
    form()->addRow(label, m_name);
    setMinimumWidth(360);
}

QString NameDialog::name() const
{
    return m_name->text().trimmed();
}

} // namespace fsd::ui
