// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

class QComboBox;
class QLineEdit;

namespace fsd::ui {

class Prompter;

// Asks how and where to export the directory: `freeswitch` (what FreeSWITCH should load,
// without disabled items) or `backup` (everything, restorable by an import), to a .xml file.
class ExportDialog : public RequestDialog
{
    Q_OBJECT

public:
    ExportDialog(Prompter *prompter, QWidget *parent = nullptr);

    // "freeswitch" or "backup", as the API names the modes.
    QString mode() const;
    void setMode(const QString &mode);
    QString path() const;

    QLineEdit *pathEdit() const { return m_path; }

private:
    void browse();

    Prompter *m_prompter;
    QComboBox *m_mode;
    QLineEdit *m_path;
};

} // namespace fsd::ui
