// SPDX-License-Identifier: MPL-2.0
#include "core/app/XmlCommands.h"

#include "core/events/DirectoryXmlService.h"
#include "core/storage/Database.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/CanonicalDump.h"
#include "core/xml/ReportFormat.h"

namespace fsd::XmlCommands {

namespace {

QString describe(const ApiError &error)
{
    return error.detail.isEmpty() ? error.error : error.detail;
}

} // namespace

int importXml(Database &database, const ImportArguments &arguments, QTextStream &out,
              QTextStream &err)
{
    DirectoryXmlService::FileImport request;
    request.path = arguments.path;
    request.options.dryRun = arguments.dryRun;
    request.runtimeVariablesFrom = arguments.runtimeVariablesFrom;
    for (const QString &set : arguments.sets) {
        const qsizetype equals = set.indexOf(QLatin1Char('='));
        const QString name = set.left(equals).trimmed();
        if (equals < 0 || name.isEmpty()) {
            err << "fsdirector: --set needs NAME=VALUE, such as --set local_ip_v4=192.0.2.10; "
                   "got \""
                << set << "\"." << Qt::endl;
            return 2;
        }
        request.supplied.append({name, set.mid(equals + 1)});
    }

    auto report = DirectoryXmlService::importPath(database, request);
    if (!report) {
        err << "fsdirector: import of " << arguments.path << " failed, nothing was stored: "
            << describe(report.error()) << Qt::endl;
        return 1;
    }
    out << xml::ReportFormat::toText(*report);
    out.flush();
    return 0;
}

int exportXml(const Database &database, const QString &path, const QString &mode,
              QTextStream &out, QTextStream &err)
{
    auto parsed = xml::DirectoryWriter::parseMode(mode);
    if (!parsed) {
        err << "fsdirector: " << describe(parsed.error()) << Qt::endl;
        return 2;
    }
    auto written = DirectoryXmlService::exportTo(database, path, *parsed);
    if (!written) {
        err << "fsdirector: export to " << path << " failed: " << describe(written.error())
            << Qt::endl;
        return 1;
    }
    for (const QString &file : *written)
        out << "Wrote " << file << Qt::endl;
    return 0;
}

int dumpDirectory(const Database &database, QTextStream &out, QTextStream &err)
{
    auto tree = DirectoryLoader(database).load();
    if (!tree) {
        err << "fsdirector: cannot read the directory: " << describe(tree.error()) << Qt::endl;
        return 1;
    }
    out << xml::CanonicalDump::dump(*tree);
    out.flush();
    return 0;
}

} // namespace fsd::XmlCommands
