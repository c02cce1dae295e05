// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

#include <QUrl>

class QLabel;
class QLineEdit;

namespace fsd::ui {

// Asks for a remote fsdirector (ws:// or wss:// URL) and an operator's login and password.
// Also used to log in again when the server ended the session.
class ConnectDialog : public RequestDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // The URL as entered, with the path /ws added when it has none. The URL is invalid when
    // the text is not a ws:// or wss:// URL with a host.
    QUrl url() const;
    QString login() const;
    QString password() const;
    void setUrl(const QString &url);
    void setLogin(const QString &login);
    // Fixes the server, for a new login to the same one.
    void setUrlEditable(bool editable);
    void setMessage(const QString &text);

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }

private:
    QLineEdit *m_url;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLabel *m_message;
};

} // namespace fsd::ui
