// SPDX-License-Identifier: MPL-2.0
#include "ui/XmlImportJob.h"

#include "core/events/DirectoryXmlService.h"
#include "core/model/ImportReport.h"
#include "core/xml/DirectoryReader.h"
#include "core/xml/DirectoryWriter.h"
#include "core/xml/ImportSource.h"
#include "core/xml/ReportFormat.h"
#include "ui/UiLog.h"

#include <QFileInfo>
#include <QThread>

namespace fsd::ui {

namespace {

// Counts what the files define, for a check that stores nothing. The server counts again
// when it imports.
model::ImportCounts countTree(const model::DirectoryTree &tree)
{
    model::ImportCounts counts;
    for (const model::Domain &domain : tree.domains) {
        ++counts.domains;
        counts.domainParams += domain.params.size();
        counts.domainVariables += domain.variables.size();
        for (const model::Group &group : domain.groups) {
            ++counts.groups;
            counts.groupParams += group.params.size();
            counts.groupVariables += group.variables.size();
            counts.memberships += group.members.size();
            for (const model::Membership &member : group.members) {
                if (member.type == QLatin1String("pointer"))
                    ++counts.pointers;
            }
        }
        for (const model::User &user : domain.users) {
            ++counts.users;
            counts.userParams += user.params.size();
            counts.userVariables += user.variables.size();
            for (const model::Gateway &gateway : user.gateways) {
                ++counts.gateways;
                counts.gatewayParams += gateway.params.size();
                counts.gatewayVariables += gateway.variables.size();
            }
        }
    }
    return counts;
}

// Reads the flattened text back as the server will, to pair its lines with the operator's files.
ImportPlaces placesOf(const model::DirectoryTree &original, const QString &flattenedXml)
{
    auto text = xml::ImportSource::preprocessText(flattenedXml.toUtf8(),
                                                  DirectoryXmlService::domainTextLabel(), {});
    if (!text) {
        qCWarning(lcUi) << "Reading the flattened import text back failed:" << text.error().detail;
        return {};
    }
    model::ImportReport ignored;
    xml::DirectoryReader reader(*text, ignored);
    auto flattened = reader.readDirectory();
    if (!flattened) {
        qCWarning(lcUi) << "Reading the flattened import text back failed:"
                        << flattened.error().detail;
        return {};
    }
    return ImportPlaces(original, *flattened);
}

QString errorText(const ApiError &error)
{
    return error.detail.isEmpty() ? error.error : error.detail;
}

} // namespace

XmlImportJob::XmlImportJob(const QString &path, const QList<QPair<QString, QString>> &variables,
                           QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_variables(variables)
{
}

XmlImportJob::~XmlImportJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void XmlImportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this]() { m_outcome = prepare(m_path, m_variables); });
    m_thread->setObjectName(QStringLiteral("fsdirector-xml-import"));
    connect(m_thread, &QThread::finished, this, [this]() {
        if (m_cancelled) {
            deleteLater();
            return;
        }
        emit finished(m_outcome);
    });
    m_thread->start();
}

void XmlImportJob::cancel()
{
    m_cancelled = true;
    if (!m_thread || m_thread->isFinished())
        deleteLater();
}

XmlImportJob::Outcome XmlImportJob::prepare(const QString &path,
                                            const QList<QPair<QString, QString>> &variables)
{
    Outcome outcome;
    xml::PreprocessOptions options;
    options.supplied = variables;
    // File names in messages relative to the chosen folder, or to the chosen file's folder.
    const QFileInfo info(path);
    options.baseFolder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();

    auto text = xml::ImportSource::preprocessPath(path, options);
    if (!text) {
        outcome.error = errorText(text.error());
        qCInfo(lcUi) << "Reading" << path << "for an import failed:" << outcome.error;
        return outcome;
    }
    model::ImportReport report;
    xml::DirectoryReader reader(*text, report);
    auto tree = reader.readDirectory();
    if (!tree) {
        outcome.error = errorText(tree.error());
        qCInfo(lcUi) << "Reading" << path << "for an import failed:" << outcome.error;
        return outcome;
    }
    report.counts = countTree(*tree);
    report.dryRun = true;
    // Backup mode keeps disabled items and marks them, so the import restores them disabled.
    outcome.xml = QString::fromUtf8(
        xml::DirectoryWriter(xml::DirectoryWriter::Mode::Backup).writeDocument(*tree));
    outcome.report = xml::ReportFormat::toJson(report);
    outcome.places = placesOf(*tree, outcome.xml);
    return outcome;
}

} // namespace fsd::ui
