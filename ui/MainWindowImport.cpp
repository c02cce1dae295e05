// SPDX-License-Identifier: MPL-2.0
// MainWindow's Import XML: the files are read and preprocessed here, off the GUI thread, and
// the flattened XML is sent as `ImportXMLDomain`, so local and remote mode work alike.
#include "ui/MainWindow.h"

#include "ui/ApiEvents.h"
#include "ui/DirectoryClient.h"
#include "ui/ImportXmlDialog.h"
#include "ui/XmlImportJob.h"

#include <QDir>
#include <QJsonArray>
#include <QProgressDialog>
#include <QSet>
#include <QStatusBar>

namespace fsd::ui {

namespace {

// Merges the reports of an import or its check. The result has the server's counts and the
// warnings read locally, which name the operator's files and lines. Warnings only the server
// found (such as a gateway name another domain uses) are added, moved to the operator's files
// by `places`.
QJsonObject mergeReports(const QJsonObject &local, const QJsonObject &server,
                         const ImportPlaces &places, bool checkOnly)
{
    QJsonObject merged = local;
    merged.insert(QStringLiteral("dry_run"), checkOnly);
    if (server.contains(QLatin1StringView("counts")))
        merged.insert(QStringLiteral("counts"), server.value(QLatin1StringView("counts")));

    QJsonArray warnings = local.value(QLatin1StringView("warnings")).toArray();
    QSet<QString> known;
    for (const QJsonValue &warning : std::as_const(warnings))
        known.insert(warning.toObject().value(QLatin1StringView("message")).toString());
    const QJsonArray serverWarnings = server.value(QLatin1StringView("warnings")).toArray();
    for (const QJsonValue &warning : serverWarnings) {
        const QJsonObject item = warning.toObject();
        if (!known.contains(item.value(QLatin1StringView("message")).toString()))
            warnings.append(places.relocateItem(item));
    }
    merged.insert(QStringLiteral("warnings"), warnings);
    return merged;
}

} // namespace

void MainWindow::importXml()
{
    auto *dialog = new ImportXmlDialog(m_prompter.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportXmlDialog::checkRequested, this,
            [this, dialog]() { runXmlImport(dialog, true); });
    connect(dialog, &ImportXmlDialog::importRequested, this,
            [this, dialog]() { runXmlImport(dialog, false); });
    dialog->open();
}

// Reads the files on a worker thread behind a progress dialog. Cancelling while they are read
// drops the outcome, so nothing reaches the directory. Once the XML is sent the import runs on
// the server as one transaction, which can no longer be cancelled.
void MainWindow::runXmlImport(ImportXmlDialog *dialog, bool checkOnly)
{
    const QString path = dialog->path();
    const QString title = checkOnly ? tr("Check XML") : tr("Import XML");
    auto *job = new XmlImportJob(path, dialog->variables(), this);
    job->setObjectName(QStringLiteral("xmlImportJob"));
    QProgressDialog *progress = openProgress(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    QPointer<QProgressDialog> progressGuard(progress);
    QPointer<ImportXmlDialog> dialogGuard(dialog);

    connect(progress, &QProgressDialog::canceled, job, [this, job, progressGuard]() {
        job->cancel();
        if (progressGuard)
            progressGuard->close();
        statusBar()->showMessage(tr("Import cancelled; nothing was changed."), 10000);
    });
    connect(job, &XmlImportJob::finished, this,
            [this, job, title, checkOnly, progressGuard,
             dialogGuard](const XmlImportJob::Outcome &outcome) {
                job->deleteLater();
                if (!outcome.error.isEmpty()) {
                    if (progressGuard)
                        progressGuard->close();
                    QJsonObject result{{QStringLiteral("report"), outcome.report}};
                    if (!outcome.error.isEmpty())
                        result.insert(QStringLiteral("error"), outcome.error);
                    showImportReport(title, result, checkOnly);
                    return;
                }
                if (progressGuard) {
                    const QString location =
                        m_client->channel() ? m_client->channel()->location() : QString();
                    progressGuard->setLabelText(checkOnly
                                                    ? tr("Checking against %1…").arg(location)
                                                    : tr("Importing into %1…").arg(location));
                    progressGuard->setCancelButton(nullptr);
                }
                sendXmlImport(title, outcome, checkOnly, dialogGuard, progressGuard);
            });
    job->start();
}

// "Check only" sends the import with `dry_run`, so that the server checks it against the
// stored directory (an existing domain, a gateway name in use) and stores nothing.
void MainWindow::sendXmlImport(const QString &title, const XmlImportJob::Outcome &outcome,
                               bool checkOnly, QPointer<ImportXmlDialog> dialog,
                               QPointer<QProgressDialog> progress)
{
    QJsonObject data{{QStringLiteral("file"), outcome.xml}};
    if (checkOnly)
        data.insert(QStringLiteral("dry_run"), true);
    const QJsonObject request = Events::request(Events::ImportDomain, data);
    const QJsonObject localReport = outcome.report;
    const ImportPlaces places = outcome.places;
    m_client->send(request, this,
                   [this, title, localReport, places, checkOnly, dialog,
                    progress](const QJsonObject &reply) {
                       if (progress)
                           progress->close();
                       if (Events::isError(reply)) {
                           QJsonObject located = reply;
                           if (reply.contains(QLatin1StringView("detail"))) {
                               located.insert(QStringLiteral("detail"),
                                              places.relocateDetail(
                                                  reply.value(QLatin1StringView("detail")).toString()));
                           }
                           showImportReport(title, located, checkOnly);
                           return;
                       }
                       const QJsonObject serverReport =
                           reply.value(QLatin1StringView("report")).toObject();
                       showImportReport(title,
                                        QJsonObject{{QStringLiteral("report"),
                                                     mergeReports(localReport, serverReport, places,
                                                                  checkOnly)}},
                                        checkOnly);
                       if (checkOnly) {
                           statusBar()->showMessage(tr("Check finished; nothing was changed."),
                                                    10000);
                           return;
                       }
                       if (dialog)
                           dialog->accept();
                       // The reply lists only domains; fetch the users, gateways and groups it
                       // brought in.
                       m_client->reload();
                       statusBar()->showMessage(tr("Import finished."), 10000);
                   });
}

} // namespace fsd::ui
