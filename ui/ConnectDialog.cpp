// SPDX-License-Identifier: MPL-2.0
#include "ui/ConnectDialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace fsd::ui {

ConnectDialog::ConnectDialog(QWidget *parent)
    : RequestDialog(parent)
    , m_url(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Connect to Server"));
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(QStringLiteral("wss://pbx.example.com:8080/ws"));
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_message->hide();

    form()->addRow(m_message);
    form()->addRow(tr("Server URL:"), m_url);
    form()->addRow(tr("Login:"), m_login);
    form()->addRow(tr("Password:"), m_password);
    okButton()->setText(tr("Connect"));
    setMinimumWidth(440);
}

QUrl ConnectDialog::url() const
{
    QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return {};
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/ws"));
    return url;
}

QString ConnectDialog::login() const
{
    return m_login->text().trimmed();
}

QString ConnectDialog::password() const
{
    return m_password->text();
}

void ConnectDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void ConnectDialog::setLogin(const QString &login)
{
    m_login->setText(login);
}

void ConnectDialog::setUrlEditable(bool editable)
{
    m_url->setReadOnly(!editable);
}

void ConnectDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace fsd::ui
