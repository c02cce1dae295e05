// SPDX-License-Identifier: MPL-2.0
// MainWindow's import, export, settings and connection actions.
#include "ui/MainWindow.h"

#include "core/app/AppSettings.h"
#include "ui/ApiEvents.h"
#include "ui/DirectoryClient.h"
#include "ui/ExportDialog.h"
#include "ui/ImportFreeSwitchDialog.h"
#include "ui/ImportReportDialog.h"
#include "ui/Prompter.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStatusBar>

namespace fsd::ui {

void MainWindow::setSettingsFile(const QString &path)
{
    m_settingsFile = path;
}

QString MainWindow::settingsFile() const
{
    return m_settingsFile.isEmpty() ? AppSettings::defaultFilePath() : m_settingsFile;
}

// Shows the outcome of an import: the report of a successful reply, or its error.
void MainWindow::showImportReport(const QString &title, const QJsonObject &reply, bool checkOnly)
{
    auto *report = new ImportReportDialog(title, this);
    report->setObjectName(QStringLiteral("importReport"));
    report->setAttribute(Qt::WA_DeleteOnClose);
    if (Events::isError(reply))
        report->setError(Events::errorText(reply));
    else
        report->setReport(reply.value(QLatin1StringView("report")).toObject(), checkOnly);
    report->open();
}

// A busy indicator for work that runs elsewhere (the dispatcher's thread, the server).
QProgressDialog *MainWindow::openProgress(const QString &text)
{
    auto *progress = new QProgressDialog(text, tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("progressDialog"));
    progress->setWindowTitle(tr("fsdirector"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->show();
    return progress;
}

void MainWindow::importFromFreeSwitch()
{
    const AppSettings settings = AppSettings::load(settingsFile());
    auto *dialog = new ImportFreeSwitchDialog(settings.eventSocketHost, settings.eventSocketPort,
                                              settings.eventSocketPassword, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RequestDialog::submitted, this, [this, dialog]() {
        const QJsonObject request =
            Events::request(Events::ImportFromFreeSwitch, dialog->requestData());
        sendFromDialog(dialog, request, [this](const QJsonObject &reply) {
            showImportReport(tr("Import from FreeSWITCH"), reply, false);
            // The reply lists only domains; fetch what the import brought in.
            m_client->reload();
        });
    });
    dialog->open();
}

void MainWindow::exportXml()
{
    auto *dialog = new ExportDialog(m_prompter.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RequestDialog::submitted, this, [this, dialog]() {
        const QString path = dialog->path();
        if (path.isEmpty()) {
            dialog->showError(tr("Choose the file to write."));
            return;
        }
        const QJsonObject request = Events::request(
            Events::Export, QJsonObject{{QStringLiteral("mode"), dialog->mode()}});
        sendFromDialog(dialog, request, [this, path](const QJsonObject &reply) {
            QSaveFile file(path);
            const QByteArray xml = reply.value(QLatin1StringView("file")).toString().toUtf8();
            if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size()
                || !file.commit()) {
                m_prompter->showError(this, tr("Export XML"),
                                      tr("Writing %1 failed: %2. Choose another file.")
                                          .arg(path, file.errorString()));
                return;
            }
            statusBar()->showMessage(tr("Exported the directory to %1.").arg(path), 10000);
        });
    });
    dialog->open();
}

// `ImportXMLDomainUser`: <user> elements from a file, added to the selected domain. The file
// is sent as it is, because the server rejects includes in it and keeps $${name} for the
// FreeSWITCH that loads the directory.
void MainWindow::importUsers()
{
    const qint64 domainId = selectedDomainId();
    if (domainId <= 0)
        return;
    const QString path = m_prompter->openFile(this, tr("Import users into %1").arg(domainName(domainId)),
                                              tr("XML files (*.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_prompter->showError(this, tr("Import Users"),
                              tr("Reading %1 failed: %2.").arg(path, file.errorString()));
        return;
    }
    const QJsonObject request = Events::request(
        Events::ImportUser, QJsonObject{{QStringLiteral("id"), domainId},
                                        {QStringLiteral("file"), QString::fromUtf8(file.readAll())}});
    m_client->send(request, this, [this](const QJsonObject &reply) {
        showImportReport(tr("Import Users"), reply, false);
    });
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(settingsFile(), m_prompter.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About fsdirector"),
                       tr("<p><b>fsdirector %1</b></p><p>Administration tool for the FreeSWITCH "
                          "directory.</p><p>Licensed under the Mozilla Public License 2.0.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace fsd::ui
