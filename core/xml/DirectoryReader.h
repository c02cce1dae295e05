// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"
#include "core/model/ImportReport.h"
#include "core/xml/PreprocessedText.h"
#include "core/xml/SourcePositions.h"

#include <QXmlStreamReader>

#include <initializer_list>

namespace fsd::xml {

// Reads the directory FreeSWITCH reads from preprocessed XML: <document>, <section
// name="directory"> and <include> wrappers or bare <domain>s; per domain its params,
// variables, groups (with their own params and variables) and users, whether in
// groups/group/users, in users or directly under the domain; per user its attributes, params,
// variables and gateways. Elements it does not model are kept in `extraXml`, in the canonical
// form of ExtraXml, and listed in the report. Attributes it does not model are only listed.
//
// Structure only: name rules and uniqueness are the importer's job, except what needs the
// preprocessor's history: a domain, user, group or gateway name that is empty or still contains
// "$${", or a password emptied by an undefined variable, fails here with its variable chain.
//
// NOTE: QXmlStreamReader rejects undefined entities such as &nbsp;, which FreeSWITCH's parser
// keeps as written, so such a file fails to import.
class DirectoryReader
{
public:
    DirectoryReader(const PreprocessedText &input, model::ImportReport &report);

    // One or more domains.
    Result<model::DirectoryTree> readDirectory();
    // <user> elements, bare or in <users> (ImportXMLDomainUser).
    Result<QList<model::User>> readUsers();

private:
    Status readContainer(model::DirectoryTree &tree);
    Result<model::Domain> readDomain();
    Status readGroups(model::Domain &domain);
    Status readGroup(model::Domain &domain);
    Status readGroupUsers(model::Domain &domain, model::Group &group);
    Status readUserList(QList<model::User> &users, const QString &where);
    Result<model::User> readUser();
    Status readUserAttributes(model::User &user);
    Status readGateways(model::User &user);
    Result<model::Gateway> readGateway();
    Status readAttributeList(const QString &tag, QList<model::Attribute> &list,
                             bool withDirection, const QString &owner);
    Result<model::Attribute> readAttribute(bool withDirection, const QString &owner);
    void checkCredentials(const model::User &user);

    // Helpers for the element at the reader's position.
    qint64 startOffset() const;
    model::SourceLocation startLocation() const;
    bool readEnabled(QLatin1String attribute = QLatin1String("fsdirector-enabled"));
    QString readName(const QString &attribute = QStringLiteral("name"));
    Status checkName(const QString &kind, const QString &name, qint64 from, qint64 to);
    // Reports attributes not in `known`; `owner` returns the element's description and runs
    // only when there is one to report.
    template<typename OwnerName>
    void reportUnknownAttributes(std::initializer_list<QLatin1String> known,
                                 const OwnerName &owner);
    QString keepUnmodelled(const QString &owner);
    void dropElement(const QString &owner);
    Status parseError();

    SourcePositions m_positions;
    model::ImportReport &m_report;
    QXmlStreamReader m_xml;
};

} // namespace fsd::xml
