// SPDX-License-Identifier: MPL-2.0
// MainWindow's import, export, settings and connection actions.
#include "ui/MainWindow.h"

#include "core/app/AppSettings.h"
#include "core/events/DirectoryXmlService.h"
#include "ui/ApiEvents.h"
#include "ui/DirectoryClient.h"
#include "ui/ExportDialog.h"
#include "ui/ImportFreeSwitchDialog.h"
#include "ui/ImportReportDialog.h"
#include "ui/Prompter.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStatusBar>

namespace fsd::ui {

namespace {

// The server names the text of ImportXMLDomainUser with a label, and its line numbers are
// those of the file the window sent as it is. Replaces that label with the file's path in the
// report items, the files read and an error detail.
QJsonObject withFileName(const QJsonObject &reply, const QString &path)
{
    const QString label = DirectoryXmlService::userTextLabel();
    QJsonObject result = reply;
    const QString detail = reply.value(QLatin1StringView("detail")).toString();
    if (detail.startsWith(label + QLatin1Char(':')))
        result.insert(QStringLiteral("detail"), path + detail.mid(label.size()));

    QJsonObject report = reply.value(QLatin1StringView("report")).toObject();
    for (const QString &key : {QStringLiteral("warnings"), QStringLiteral("unmodelled"),
                              QStringLiteral("variables")}) {
        QJsonArray items = report.value(key).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QLatin1StringView("file")).toString() == label) {
                item.insert(QStringLiteral("file"), path);
                items.replace(i, item);
            }
        }
        report.insert(key, items);
    }
    QJsonArray sources = report.value(QLatin1StringView("sources")).toArray();
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (sources.at(i).toString() == label)
            sources.replace(i, path);
    }
    report.insert(QStringLiteral("sources"), sources);
    if (reply.contains(QLatin1StringView("report")))
        result.insert(QStringLiteral("report"), report);
    return result;
}

} // namespace

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

// The server sends one document. A folder export splits it into one file per domain here, so
// local and remote mode write the same files.
void MainWindow::exportXml()
{
    auto *dialog = new ExportDialog(m_prompter.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RequestDialog::submitted, this, [this, dialog]() {
        const QString path = dialog->path();
        const bool toFolder = dialog->toFolder();
        if (path.isEmpty()) {
            dialog->showError(toFolder ? tr("Choose the folder to write to.")
                                       : tr("Choose the file to write."));
            return;
        }
        const auto mode = xml::DirectoryWriter::parseMode(dialog->mode());
        if (!mode) {
            dialog->showError(mode.error().detail);
            return;
        }
        const QJsonObject request = Events::request(
            Events::Export, QJsonObject{{QStringLiteral("mode"), dialog->mode()}});
        sendFromDialog(dialog, request, [this, path, toFolder, mode](const QJsonObject &reply) {
            const QString document = reply.value(QLatin1StringView("file")).toString();
            auto written = DirectoryXmlService::saveExportedDocument(document, path, *mode, toFolder);
            if (!written) {
                m_prompter->showError(this, tr("Export XML"),
                                      tr("Exporting to %1 failed, so choose another place.\n%2")
                                          .arg(path, written.error().detail));
                return;
            }
            statusBar()->showMessage(
                toFolder ? tr("Exported the directory to %n file(s) in %1.", nullptr,
                              int(written->size()))
                               .arg(path)
                         : tr("Exported the directory to %1.").arg(path),
                10000);
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
    m_client->send(request, this, [this, path](const QJsonObject &reply) {
        showImportReport(tr("Import Users"), withFileName(reply, path), false);
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
