// SPDX-License-Identifier: MPL-2.0
#include "core/events/ImportHandlers.h"

#include "core/events/DirectoryXmlService.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/ReplyJson.h"
#include "core/storage/DomainStore.h"
#include "core/storage/UserStore.h"
#include "core/xml/ReportFormat.h"

#include <QJsonArray>

namespace fsd {

namespace {

using Access = Dispatcher::Access;

const QString KeyReport = QStringLiteral("report");
const QString KeyDryRun = QStringLiteral("dry_run");

// Reads the optional `dry_run` boolean of an import. When true, the import runs every check
// and insert, then rolls back.
Result<ImportOptions> importOptions(const EventRequest &request)
{
    ImportOptions options;
    if (request.data().contains(KeyDryRun)) {
        auto dryRun = request.boolean(KeyDryRun);
        if (!dryRun)
            return dryRun.error();
        options.dryRun = *dryRun;
    }
    return options;
}

// A dry run stores nothing, so it needs no transaction of the dispatcher's and is not pushed.
// A `dry_run` that is not a boolean counts as a change here, and the handler rejects it.
bool changesDirectory(const QJsonObject &data)
{
    return data.value(KeyDryRun) != QJsonValue(true);
}

// The XML text of `file`: a JSON string that is not blank.
Result<QString> xmlText(const EventRequest &request)
{
    auto text = request.value(QStringLiteral("file"));
    if (!text)
        return text.error();
    if (text->trimmed().isEmpty()) {
        return ApiError::make(QStringLiteral("empty data"),
                              QStringLiteral("\"file\" is empty; send the XML text in it."));
    }
    return text;
}

Result<QJsonObject> domainsReply(const EventRequest &request, const model::ImportReport &report)
{
    auto rows = DomainStore(request.database()).list();
    if (!rows)
        return rows.error();
    return QJsonObject{{QStringLiteral("domains"), ReplyJson::domains(*rows)},
                       {KeyReport, xml::ReportFormat::toJson(report)}};
}

Result<QJsonObject> importDomain(const EventRequest &request)
{
    auto text = xmlText(request);
    if (!text)
        return text.error();
    auto options = importOptions(request);
    if (!options)
        return options.error();
    auto report = DirectoryXmlService::importDomainText(request.database(), *text, *options);
    if (!report)
        return report.error();
    return domainsReply(request, *report);
}

Result<QJsonObject> importDomainUsers(const EventRequest &request)
{
    auto domainId = request.id();
    if (!domainId)
        return domainId.error();
    auto text = xmlText(request);
    if (!text)
        return text.error();
    auto options = importOptions(request);
    if (!options)
        return options.error();
    auto domain = DomainStore(request.database()).find(*domainId);
    if (!domain)
        return domain.error();
    if (!*domain) {
        return ApiError::make(QStringLiteral("domain not found"),
                              QStringLiteral("There is no domain with id %1.").arg(*domainId));
    }
    auto report = DirectoryXmlService::importUserText(request.database(), *domainId, *text,
                                                        *options);
    if (!report)
        return report.error();

    auto users = UserStore(request.database()).listInDomain(*domainId);
    if (!users)
        return users.error();
    QJsonObject list;
    for (const UserRow &row : *users)
        list.insert(ReplyJson::key(row.id), ReplyJson::user(row));
    return QJsonObject{
        {QStringLiteral("directory_users"), QJsonObject{{ReplyJson::key(*domainId), list}}},
        {KeyReport, xml::ReportFormat::toJson(*report)}};
}

// The Event Socket of the request's optional `host`, `port` and `password`, over the
// configured one.
Result<freeswitch::EventSocketSettings> eventSocketOf(const EventRequest &request,
                                                      freeswitch::EventSocketSettings settings)
{
    const QJsonObject &data = request.data();
    const QString wrongData = QStringLiteral("wrong data");
    if (data.contains(QStringLiteral("host"))) {
        auto host = request.name(QStringLiteral("host"));
        if (!host)
            return host.error();
        settings.host = *host;
    }
    if (data.contains(QStringLiteral("port"))) {
        auto port = request.integer(QStringLiteral("port"), settings.port);
        if (!port)
            return port.error();
        if (*port < 1 || *port > 65535) {
            return ApiError::make(wrongData, QStringLiteral("The port %1 is not between 1 and "
                                                            "65535.")
                                                 .arg(*port));
        }
        settings.port = quint16(*port);
    }
    if (data.contains(QStringLiteral("password"))) {
        auto password = request.value(QStringLiteral("password"));
        if (!password)
            return password.error();
        settings.password = *password;
    }
    return settings;
}

Result<QJsonObject> exportDirectory(const EventRequest &request)
{
    QString modeText;
    if (request.data().contains(QStringLiteral("mode"))) {
        auto mode = request.value(QStringLiteral("mode"));
        if (!mode)
            return mode.error();
        modeText = *mode;
    }
    auto mode = xml::DirectoryWriter::parseMode(modeText);
    if (!mode)
        return mode.error();
    auto document = DirectoryXmlService::exportDocument(request.database(), *mode,
                                                        request.role() == Role::Viewer);
    if (!document)
        return document.error();
    return QJsonObject{{QStringLiteral("file"), QString::fromUtf8(*document)}};
}

} // namespace

void registerImportHandlers(Dispatcher &dispatcher,
                            std::function<freeswitch::EventSocketSettings()> configuredEventSocket)
{
    const Dispatcher::ChangeTest unlessDryRun = changesDirectory;
    dispatcher.registerHandler(QStringLiteral("ImportXMLDomain"), Access::Change, importDomain,
                               unlessDryRun);
    dispatcher.registerHandler(QStringLiteral("ImportXMLDomainUser"), Access::Change,
                               importDomainUsers, unlessDryRun);
    dispatcher.registerHandler(
        QStringLiteral("[Directory][Import]"), Access::Admin,
        [configuredEventSocket](const EventRequest &request) -> Result<QJsonObject> {
            auto settings = eventSocketOf(request, configuredEventSocket
                                                       ? configuredEventSocket()
                                                       : freeswitch::EventSocketSettings{});
            if (!settings)
                return settings.error();
            auto report = DirectoryXmlService::importFromFreeSwitch(request.database(), *settings);
            if (!report)
                return report.error();
            return domainsReply(request, *report);
        },
        true);
    dispatcher.registerHandler(QStringLiteral("[Directory] Export"), Access::Read,
                               exportDirectory, false);
}

} // namespace fsd
