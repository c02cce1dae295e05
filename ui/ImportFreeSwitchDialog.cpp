// SPDX-License-Identifier: MPL-2.0
#include "ui/ImportFreeSwitchDialog.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace fsd::ui {

ImportFreeSwitchDialog::ImportFreeSwitchDialog(const QString &host, int port,
                                               const QString &password, QWidget *parent)
    : RequestDialog(parent)
    , m_host(new QLineEdit(host, this))
    , m_port(new QSpinBox(this))
    , m_password(new QLineEdit(password, this))
{
    setWindowTitle(tr("Import from FreeSWITCH"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port->setObjectName(QStringLiteral("portBox"));
    m_port->setRange(1, 65535);
    m_port->setValue(port);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *note = new QLabel(tr("The fsdirector that holds the directory connects to this Event "
                               "Socket and imports the directory FreeSWITCH has loaded "
                               "(api xml_locate directory), all or nothing."),
                            this);
    note->setWordWrap(true);
    form()->addRow(note);
    form()->addRow(tr("Event Socket host:"), m_host);
    form()->addRow(tr("Port:"), m_port);
    form()->addRow(tr("Password:"), m_password);
    okButton()->setText(tr("Import"));
    setMinimumWidth(420);
}

QJsonObject ImportFreeSwitchDialog::requestData() const
{
    return QJsonObject{{QStringLiteral("host"), m_host->text().trimmed()},
                       {QStringLiteral("port"), m_port->value()},
                       {QStringLiteral("password"), m_password->text()}};
}

} // namespace fsd::ui
