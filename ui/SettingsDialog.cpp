// SPDX-License-Identifier: MPL-2.0
#include "ui/SettingsDialog.h"

#include "ui/Prompter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fsd::ui {

SettingsDialog::SettingsDialog(const QString &settingsFile, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_file(settingsFile)
    , m_prompter(prompter)
{
    setWindowTitle(tr("Settings"));

    auto *storage = new QGroupBox(tr("Directory"), this);
    auto *storageForm = new QFormLayout(storage);
    m_database = addPathField(storageForm, tr("Database:"), false);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setToolTip(tr("An SQLite file, or postgresql://user@host:port/database for "
                              "PostgreSQL (the password comes from FSDIRECTOR_DATABASE_PASSWORD, "
                              "the settings file or ~/.pgpass)."));

    auto *api = new QGroupBox(tr("Remote API"), this);
    auto *apiForm = new QFormLayout(api);
    m_apiListen = new QLineEdit(this);
    m_apiListen->setObjectName(QStringLiteral("apiListenEdit"));
    m_apiListen->setPlaceholderText(QStringLiteral("127.0.0.1:8080"));
    apiForm->addRow(tr("Listen on (address:port):"), m_apiListen);
    m_tlsCertificate = addPathField(apiForm, tr("TLS certificate (PEM):"), false);
    m_tlsKey = addPathField(apiForm, tr("TLS private key (PEM):"), false);
    m_allowInsecure = new QCheckBox(tr("Allow a non-loopback address without TLS"), this);
    apiForm->addRow(m_allowInsecure);

    auto *eventSocket = new QGroupBox(tr("FreeSWITCH Event Socket (imports, live registrations)"),
                                      this);
    auto *eventSocketForm = new QFormLayout(eventSocket);
    m_eventSocketHost = new QLineEdit(this);
    m_eventSocketHost->setObjectName(QStringLiteral("eventSocketHostEdit"));
    m_eventSocketPort = new QSpinBox(this);
    m_eventSocketPort->setObjectName(QStringLiteral("eventSocketPortBox"));
    m_eventSocketPort->setRange(1, 65535);
    m_eventSocketPassword = new QLineEdit(this);
    m_eventSocketPassword->setEchoMode(QLineEdit::Password);
    eventSocketForm->addRow(tr("Host:"), m_eventSocketHost);
    eventSocketForm->addRow(tr("Port:"), m_eventSocketPort);
    eventSocketForm->addRow(tr("Password:"), m_eventSocketPassword);
    m_liveState = new QCheckBox(tr("Show registrations and calls live (applies at the next start)"),
                                this);
    m_liveState->setObjectName(QStringLiteral("liveStateBox"));
    eventSocketForm->addRow(m_liveState);

    auto *note = new QLabel(tr("Settings are stored in %1. Changes to the database file and the "
                               "API listener apply the next time fsdirector starts.")
                                .arg(settingsFile),
                            this);
    note->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(storage);
    layout->addWidget(api);
    layout->addWidget(eventSocket);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    setSettings(AppSettings::load(settingsFile));
}

QLineEdit *SettingsDialog::addPathField(QFormLayout *form, const QString &label, bool folder)
{
    auto *edit = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, folder]() {
        const QString chosen = folder ? m_prompter->openFolder(this, label)
                                      : m_prompter->openFile(this, label, tr("All files (*)"));
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return edit;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings result = m_loaded;
    result.databasePath = m_database->text().trimmed();
    result.apiListen = m_apiListen->text().trimmed();
    result.tlsCertificate = m_tlsCertificate->text().trimmed();
    result.tlsKey = m_tlsKey->text().trimmed();
    result.allowInsecureApi = m_allowInsecure->isChecked();
    result.eventSocketHost = m_eventSocketHost->text().trimmed();
    result.eventSocketPort = m_eventSocketPort->value();
    result.eventSocketPassword = m_eventSocketPassword->text();
    result.liveState = m_liveState->isChecked();
    return result;
}

void SettingsDialog::setSettings(const AppSettings &settings)
{
    m_loaded = settings;
    m_database->setText(settings.databasePath);
    m_apiListen->setText(settings.apiListen);
    m_tlsCertificate->setText(settings.tlsCertificate);
    m_tlsKey->setText(settings.tlsKey);
    m_allowInsecure->setChecked(settings.allowInsecureApi);
    m_eventSocketHost->setText(settings.eventSocketHost);
    m_eventSocketPort->setValue(settings.eventSocketPort);
    m_eventSocketPassword->setText(settings.eventSocketPassword);
    m_liveState->setChecked(settings.liveState);
}

QString SettingsDialog::validate() const
{
    const AppSettings values = settings();
    if (values.databasePath.isEmpty())
        return tr("The database file is missing. Enter the path of a SQLite file.");

    const int colon = values.apiListen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? values.apiListen.mid(colon + 1).toInt(&portOk) : 0;
    QString host = values.apiListen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (colon <= 0 || !portOk || port < 1 || port > 65535 || QHostAddress(host).isNull())
        return tr("The API address \"%1\" is not an address:port such as 127.0.0.1:8080.")
            .arg(values.apiListen);

    if (values.tlsCertificate.isEmpty() != values.tlsKey.isEmpty())
        return tr("TLS needs both a certificate and a private key; set both or neither.");
    for (const QString &file : {values.tlsCertificate, values.tlsKey}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            return tr("The TLS file \"%1\" cannot be read. Check the path and its permissions.")
                .arg(file);
    }
    if (values.eventSocketHost.isEmpty())
        return tr("The Event Socket host is missing, such as 127.0.0.1.");
    return {};
}

void SettingsDialog::accept()
{
    const QString error = validate();
    if (error.isEmpty() && !settings().save(m_file)) {
        m_error->setText(tr("Writing %1 failed. Check that its folder is writable.").arg(m_file));
        m_error->show();
        return;
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}

} // namespace fsd::ui
