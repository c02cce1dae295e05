// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

class QLineEdit;
class QSpinBox;

namespace fsd::ui {

// Asks where the running FreeSWITCH's Event Socket is, for `[Directory][Import]`. The server
// running the directory connects to it, not this window.
class ImportFreeSwitchDialog : public RequestDialog
{
    Q_OBJECT

public:
    ImportFreeSwitchDialog(const QString &host, int port, const QString &password,
                           QWidget *parent = nullptr);

    // The request's data: {host, port, password}.
    QJsonObject requestData() const;

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *passwordEdit() const { return m_password; }

private:
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_password;
};

} // namespace fsd::ui
