// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

class QLineEdit;

namespace fsd::ui {

// Asks for one name: add or rename a domain, user, gateway or group.
class NameDialog : public RequestDialog
{
    Q_OBJECT

public:
    NameDialog(const QString &title, const QString &label, const QString &initialName,
               QWidget *parent = nullptr);

    QString name() const;
    QLineEdit *nameEdit() const { return m_name; }

private:
    QLineEdit *m_name;
};

} // namespace fsd::ui
