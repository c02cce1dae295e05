// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/app/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fsd::ui {

class Prompter;

// Edits the settings file of this installation (the INI file fsdirector reads at start):
// database file, API listen address and TLS files, and the Event Socket defaults.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(const QString &settingsFile, Prompter *prompter, QWidget *parent = nullptr);

    AppSettings settings() const;
    void setSettings(const AppSettings &settings);

    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *apiListenEdit() const { return m_apiListen; }
    QLineEdit *eventSocketHostEdit() const { return m_eventSocketHost; }
    QSpinBox *eventSocketPortBox() const { return m_eventSocketPort; }

    // Checks the fields and writes the file; stays open with an error otherwise.
    void accept() override;

private:
    QLineEdit *addPathField(QFormLayout *form, const QString &label, bool folder);
    QString validate() const;

    QString m_file;
    Prompter *m_prompter;
    AppSettings m_loaded;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_apiListen = nullptr;
    QLineEdit *m_tlsCertificate = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QCheckBox *m_allowInsecure = nullptr;
    QLineEdit *m_eventSocketHost = nullptr;
    QSpinBox *m_eventSocketPort = nullptr;
    QLineEdit *m_eventSocketPassword = nullptr;
    QCheckBox *m_liveState = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fsd::ui
