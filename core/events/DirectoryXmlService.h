// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/freeswitch/EventSocketClient.h"
#include "core/model/ImportReport.h"
#include "core/storage/DirectoryImporter.h"
#include "core/xml/DirectoryWriter.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace fsd {

class Database;

// Imports and exports of the directory as FreeSWITCH XML, shared by the API handlers and the
// command line. Every import is all or nothing; inside a transaction the caller opened (the
// dispatcher's), it joins that transaction.
class DirectoryXmlService
{
public:
    struct FileImport
    {
        // A directory XML file, a folder of them, or a FreeSWITCH conf/ folder.
        QString path;
        // --set name=value pairs, fixed before any file is read.
        QList<QPair<QString, QString>> supplied;
        // When set, variables still undefined after preprocessing are read from this
        // FreeSWITCH (api global_getvar NAME) and the files are preprocessed again.
        std::optional<freeswitch::EventSocketSettings> runtimeVariablesFrom;
        ImportOptions options;
    };

    static Result<model::ImportReport> importPath(Database &database, const FileImport &request);
    // ImportXMLDomain: XML text with one or more domains. Includes are rejected and undefined
    // $${name} stays verbatim for the FreeSWITCH that will load it.
    // Return the file names that reports and errors give for places in the text of
    // ImportXMLDomain and of ImportXMLDomainUser.
    static QString domainTextLabel();
    static QString userTextLabel();
    static Result<model::ImportReport> importDomainText(Database &database, const QString &text,
                                                        const ImportOptions &options = {});
    // ImportXMLDomainUser: <user> elements, bare or in <users>, added to domain `domainId`.
    static Result<model::ImportReport> importUserText(Database &database, qint64 domainId,
                                                      const QString &text,
                                                      const ImportOptions &options = {});
    // [Directory][Import]: `api xml_locate directory` of a running FreeSWITCH. Rejects the
    // output when that FreeSWITCH already takes its directory from fsdirector.
    static Result<model::ImportReport>
    importFromFreeSwitch(Database &database, const freeswitch::EventSocketSettings &settings,
                         const ImportOptions &options = {});

    // The stored directory as one <document>. `maskSecrets` replaces the values of secret
    // parameters with "********" (for viewers).
    static Result<QByteArray> exportDocument(const Database &database,
                                             xml::DirectoryWriter::Mode mode,
                                             bool maskSecrets = false);
    // Writes a document of `[Directory] Export` (written in `mode`) to the file `path`, or,
    // when `asFolder`, to the folder `path` with one file per domain. Returns the files
    // written.
    static Result<QStringList> saveExportedDocument(const QString &document, const QString &path,
                                                    xml::DirectoryWriter::Mode mode,
                                                    bool asFolder);
    // Writes the stored directory to a .xml file or to a folder of domain files.
    static Result<QStringList> exportTo(const Database &database, const QString &path,
                                        xml::DirectoryWriter::Mode mode);
};

} // namespace fsd
