// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"

#include <QList>
#include <QString>

namespace fsd::model {

// Rows an import created (or would create, in a dry run).
struct ImportCounts
{
    qint64 domains = 0;
    qint64 domainParams = 0;
    qint64 domainVariables = 0;
    qint64 users = 0;
    qint64 userParams = 0;
    qint64 userVariables = 0;
    qint64 groups = 0;
    qint64 groupParams = 0;
    qint64 groupVariables = 0;
    // Memberships of both types; `pointers` counts those of type "pointer".
    qint64 memberships = 0;
    qint64 pointers = 0;
    qint64 gateways = 0;
    qint64 gatewayParams = 0;
    qint64 gatewayVariables = 0;
};

// One line of an import report, with the place in the input it refers to when known.
struct ReportItem
{
    QString message;
    SourceLocation location;
};

// Summary of an import for the person who runs it. The XML reader fills
// `unmodelled`, `variables` and part of `warnings`; the storage importer fills `counts` and
// adds its own warnings.
struct ImportReport
{
    ImportCounts counts;
    // Questionable but accepted input: users without credentials, the sample password, gateway
    // names shared between domains, includes that matched no file.
    QList<ReportItem> warnings;
    // Elements and attributes the product does not model; each message states whether the item
    // is kept (as XML, see xml::ExtraXml) or dropped.
    QList<ReportItem> unmodelled;
    // Preprocessor notes: undefined variables, ignored `set`s of supplied variables, commands
    // that an import never runs.
    QList<ReportItem> variables;
    // Files read, in the order the preprocessor read them.
    QStringList sources;
    bool dryRun = false;
};

} // namespace fsd::model
