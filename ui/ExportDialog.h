// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace fsd::ui {

class Prompter;

// Asks how and where to export the directory: `freeswitch` (what FreeSWITCH should load,
// without disabled items) or `backup` (everything, restorable by an import), to one .xml file
// or to a folder with one file per domain, in the layout of FreeSWITCH's conf/directory/.
class ExportDialog : public RequestDialog
{
    Q_OBJECT

public:
    ExportDialog(Prompter *prompter, QWidget *parent = nullptr);

    // "freeswitch" or "backup", as the API names the modes.
    QString mode() const;
    void setMode(const QString &mode);
    QString path() const;
    // True when the export goes to a folder with one file per domain.
    bool toFolder() const;
    void setToFolder(bool folder);

    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *targetBox() const { return m_target; }

private:
    void browse();
    void updatePathLabel();

    Prompter *m_prompter;
    QComboBox *m_mode;
    QComboBox *m_target;
    QLineEdit *m_path;
    QLabel *m_pathLabel;
};

} // namespace fsd::ui
