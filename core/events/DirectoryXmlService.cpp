// SPDX-License-Identifier: MPL-2.0
#include "core/events/DirectoryXmlService.h"

#include "core/events/SecretMasking.h"
#include "core/storage/Database.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/DirectoryReader.h"
#include "core/xml/ImportSource.h"
#include "core/xml/VariableTable.h"
#include "core/xml/XmlNames.h"

#include <QStringDecoder>

namespace fsd {

namespace {

const QString CantParse = QStringLiteral("can't parse");

// Reads the variables that preprocessing left undefined from FreeSWITCH and returns those it
// has. FreeSWITCH replies "-ERR no reply" for a variable it does not have.
Result<QList<QPair<QString, QString>>> runtimeValues(const freeswitch::EventSocketSettings &settings,
                                                     const QList<QByteArray> &names)
{
    QList<QPair<QString, QString>> values;
    for (const QByteArray &name : names) {
        auto output = freeswitch::EventSocketClient::runApiCommands(
            settings, {QStringLiteral("global_getvar %1").arg(QString::fromUtf8(name))});
        if (!output && output.error().error != QLatin1String("freeswitch error"))
            return output.error();
        if (output && !output->isEmpty() && !output->first().trimmed().isEmpty())
            values.append({QString::fromUtf8(name), QString::fromUtf8(output->first().trimmed())});
    }
    return values;
}

void maskAttributes(QList<model::Attribute> &list)
{
    for (model::Attribute &item : list) {
        if (SecretMasking::isSecretName(item.name))
            item.value = QStringLiteral("********");
    }
}

void maskSecrets(model::DirectoryTree &tree)
{
    for (model::Domain &domain : tree.domains) {
        maskAttributes(domain.params);
        for (model::Group &group : domain.groups)
            maskAttributes(group.params);
        for (model::User &user : domain.users) {
            maskAttributes(user.params);
            for (model::Gateway &gateway : user.gateways)
                maskAttributes(gateway.params);
        }
    }
}

} // namespace

Result<model::ImportReport> DirectoryXmlService::importPath(Database &database,
                                                            const FileImport &request)
{
    xml::PreprocessOptions options;
    options.supplied = request.supplied;
    auto text = xml::ImportSource::preprocessPath(request.path, options);
    if (!text)
        return text.error();

    if (request.runtimeVariablesFrom && !text->undefinedNames.isEmpty()) {
        auto values = runtimeValues(*request.runtimeVariablesFrom, text->undefinedNames);
        if (!values)
            return values.error();
        if (!values->isEmpty()) {
            options.supplied.append(*values);
            text = xml::ImportSource::preprocessPath(request.path, options);
            if (!text)
                return text.error();
        }
    }

    model::ImportReport report;
    xml::DirectoryReader reader(*text, report);
    auto tree = reader.readDirectory();
    if (!tree)
        return tree.error();
    auto ids = DirectoryImporter(database).importTree(*tree, request.options, report);
    if (!ids)
        return ids.error();
    return report;
}

QString DirectoryXmlService::domainTextLabel()
{
    return QStringLiteral("ImportXMLDomain text");
}

QString DirectoryXmlService::userTextLabel()
{
    return QStringLiteral("ImportXMLDomainUser text");
}

Result<model::ImportReport> DirectoryXmlService::importDomainText(Database &database,
                                                                  const QString &text,
                                                                  const ImportOptions &options)
{
    auto preprocessed = xml::ImportSource::preprocessText(text.toUtf8(), domainTextLabel(), {});
    if (!preprocessed)
        return preprocessed.error();
    model::ImportReport report;
    xml::DirectoryReader reader(*preprocessed, report);
    auto tree = reader.readDirectory();
    if (!tree)
        return tree.error();
    auto ids = DirectoryImporter(database).importTree(*tree, options, report);
    if (!ids)
        return ids.error();
    return report;
}

Result<model::ImportReport> DirectoryXmlService::importUserText(Database &database,
                                                                qint64 domainId,
                                                                const QString &text,
                                                                const ImportOptions &options)
{
    auto preprocessed = xml::ImportSource::preprocessText(text.toUtf8(), userTextLabel(), {});
    if (!preprocessed)
        return preprocessed.error();
    model::ImportReport report;
    xml::DirectoryReader reader(*preprocessed, report);
    auto users = reader.readUsers();
    if (!users)
        return users.error();
    auto ids = DirectoryImporter(database).importUsers(domainId, *users, options, report);
    if (!ids)
        return ids.error();
    return report;
}

Result<model::ImportReport> DirectoryXmlService::importFromFreeSwitch(
    Database &database, const freeswitch::EventSocketSettings &settings,
    const ImportOptions &options)
{
    const QString command = QStringLiteral("xml_locate directory");
    auto outputs = freeswitch::EventSocketClient::runApiCommands(settings, {command});
    if (!outputs)
        return outputs.error();
    const QByteArray answer = outputs->first();
    const QString address = QStringLiteral("%1:%2").arg(settings.host).arg(settings.port);
    if (answer.startsWith("can't find anything")) {
        return ApiError::make(CantParse, QStringLiteral("FreeSWITCH at %1 has no directory "
                                                        "section (xml_locate directory found "
                                                        "nothing).")
                                             .arg(address));
    }
    if (answer.contains(QByteArray(xml::names::Generated.data(), xml::names::Generated.size()))) {
        return ApiError::make(
            QStringLiteral("wrong data"),
            QStringLiteral("FreeSWITCH at %1 already takes its directory from fsdirector "
                           "(mod_xml_curl): its answer is fsdirector's own output with the "
                           "passwords removed. Nothing was imported; the directory is already "
                           "here.")
                .arg(address));
    }

    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(answer);
    if (decoder.hasError()) {
        return ApiError::make(CantParse, QStringLiteral("The output of %2 from FreeSWITCH at %1 "
                                                        "is not valid UTF-8.")
                                             .arg(address, command));
    }
    const xml::PreprocessedText input = xml::PreprocessedText::fromPlainText(
        text, QStringLiteral("FreeSWITCH %1 (%2)").arg(address, command));
    model::ImportReport report;
    xml::DirectoryReader reader(input, report);
    auto tree = reader.readDirectory();
    if (!tree)
        return tree.error();
    auto ids = DirectoryImporter(database).importTree(*tree, options, report);
    if (!ids)
        return ids.error();
    return report;
}

Result<QByteArray> DirectoryXmlService::exportDocument(const Database &database,
                                                       xml::DirectoryWriter::Mode mode,
                                                       bool maskSecretValues)
{
    auto tree = DirectoryLoader(database).load();
    if (!tree)
        return tree.error();
    if (maskSecretValues)
        maskSecrets(*tree);
    return xml::DirectoryWriter(mode).writeDocument(*tree);
}

Result<QStringList> DirectoryXmlService::saveExportedDocument(const QString &document,
                                                              const QString &path,
                                                              xml::DirectoryWriter::Mode mode,
                                                              bool asFolder)
{
    if (!asFolder) {
        Status saved = xml::DirectoryWriter::saveFile(path, document.toUtf8());
        if (!saved)
            return saved.error();
        return QStringList{path};
    }
    // Read as API text: the document sets no variables, so a stored value such as $${name}
    // stays as it is.
    auto input = xml::ImportSource::preprocessText(document.toUtf8(),
                                                   QStringLiteral("[Directory] Export reply"), {});
    if (!input)
        return input.error();
    model::ImportReport ignored;
    xml::DirectoryReader reader(*input, ignored);
    auto tree = reader.readDirectory();
    if (!tree)
        return tree.error();
    return xml::DirectoryWriter(mode).writeFolder(*tree, path);
}

Result<QStringList> DirectoryXmlService::exportTo(const Database &database, const QString &path,
                                                  xml::DirectoryWriter::Mode mode)
{
    auto tree = DirectoryLoader(database).load();
    if (!tree)
        return tree.error();
    return xml::DirectoryWriter(mode).writeTo(*tree, path);
}

} // namespace fsd
