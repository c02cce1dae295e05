// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/Prompter.h"

namespace fsd::ui {

// Prompter with QFileDialog and QMessageBox.
class DialogPrompter : public Prompter
{
public:
    QString openFile(QWidget *parent, const QString &caption, const QString &filter) override;
    QString openFolder(QWidget *parent, const QString &caption) override;
    QString saveFile(QWidget *parent, const QString &caption, const QString &suggestedName,
                     const QString &filter) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text,
                 const QString &acceptLabel) override;
    void showError(QWidget *parent, const QString &title, const QString &text) override;
    void showInformation(QWidget *parent, const QString &title, const QString &text) override;
};

} // namespace fsd::ui
