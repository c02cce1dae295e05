// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/Prompter.h"

#include <QStringList>

namespace fsd::test {

// Answers the window's file dialogs and message boxes from lists a test fills, and records
// every question and message, so that tests can check what the operator would have read.
class ScriptedPrompter : public ui::Prompter
{
public:
    // Paths returned by openFile/openFolder/saveFile, in order; empty when exhausted (cancel).
    QStringList paths;
    // Results of confirm(), in order; true when the list is empty.
    QList<bool> confirmations;

    QStringList questions;
    QStringList errors;
    QStringList informations;

    QString openFile(QWidget *, const QString &, const QString &) override { return nextPath(); }
    QString openFolder(QWidget *, const QString &) override { return nextPath(); }
    QString saveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return nextPath();
    }
    bool confirm(QWidget *, const QString &, const QString &text, const QString &) override
    {
        questions << text;
        return confirmations.isEmpty() ? true : confirmations.takeFirst();
    }
    void showError(QWidget *, const QString &, const QString &text) override { errors << text; }
    void showInformation(QWidget *, const QString &, const QString &text) override
    {
        informations << text;
    }

private:
    QString nextPath() { return paths.isEmpty() ? QString() : paths.takeFirst(); }
};

} // namespace fsd::test
