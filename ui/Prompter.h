// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

class QWidget;

namespace fsd::ui {

// File dialogs and message boxes of the window. The window opens them through this interface
// so that tests can script them. DialogPrompter is the real implementation.
class Prompter
{
public:
    virtual ~Prompter() = default;

    // Each returns an empty string when the operator cancels.
    virtual QString openFile(QWidget *parent, const QString &caption, const QString &filter) = 0;
    virtual QString openFolder(QWidget *parent, const QString &caption) = 0;
    virtual QString saveFile(QWidget *parent, const QString &caption,
                             const QString &suggestedName, const QString &filter) = 0;

    // Asks a yes/no question; `acceptLabel` names the action ("Delete", "Quit").
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &acceptLabel) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void showInformation(QWidget *parent, const QString &title, const QString &text) = 0;
};

} // namespace fsd::ui
