// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/EventSocketClient.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace fsd {

class Database;

// The XML commands of the command line. Each prints to `out`, reports problems to `err`, and
// returns the process exit code: 0 on success, 1 when the import or export failed (nothing
// was changed), 2 for invalid arguments.
namespace XmlCommands {

struct ImportArguments
{
    // --import-xml PATH: a directory XML file, a folder of them or a FreeSWITCH conf/ folder.
    QString path;
    // Each --set NAME=VALUE, in order.
    QStringList sets;
    // --dry-run: run everything, roll back, print the report.
    bool dryRun = false;
    // When set, variables the files leave undefined (local_ip_v4, ...) are read from this
    // FreeSWITCH with `api global_getvar`.
    std::optional<freeswitch::EventSocketSettings> runtimeVariablesFrom;
};

// --import-xml PATH [--set NAME=VALUE ...] [--dry-run]: prints the import report.
int importXml(Database &database, const ImportArguments &arguments, QTextStream &out,
              QTextStream &err);
// --export-xml PATH [--mode freeswitch|backup]: a .xml PATH gets one document, any other PATH
// becomes a folder with one file per domain.
int exportXml(const Database &database, const QString &path, const QString &mode,
              QTextStream &out, QTextStream &err);
// Prints the stored directory as a canonical dump (ids left out), for comparing two databases.
int dumpDirectory(const Database &database, QTextStream &out, QTextStream &err);

} // namespace XmlCommands
} // namespace fsd
