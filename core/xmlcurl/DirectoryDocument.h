// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"
#include "core/xmlcurl/XmlLineWriter.h"

#include <QStringList>

namespace fsd {

// Decides which parameters an answer may carry: every parameter that is not a secret, and the
// secrets named in `allowedSecrets`. Names compare case-insensitively, as FreeSWITCH's do.
class ParameterFilter
{
public:
    explicit ParameterFilter(QStringList allowedSecrets = {});
    bool allows(const QString &name) const;

private:
    QStringList m_allowedSecrets;
};

// Writes directory items into a mod_xml_curl answer, in the shape FreeSWITCH 1.11.2 reads
// from its static files (switch_xml.c switch_xml_locate_user, mod_sofia parse_domain_tag):
// <document><section name="directory"><domain name=..> with <params>, <variables>, then
// <groups><group><users><user> for users defined in a group and <user> directly under
// <domain> for the others. No <user> gets a `type` attribute except pointers: FreeSWITCH
// matches any user whose `type` is not "pointer" (find_user_in_tag), whatever its id.
class DirectoryDocument
{
public:
    DirectoryDocument();

    // The domain with every group (members defined there in full, other members as pointers)
    // and every user, without secrets.
    void writeWholeDomain(const model::Domain &domain);
    // The domain with `user`, inside `home` (the group it is defined in) when not null.
    // `filter` applies to the parameters of domain, group and user; `extraUserParams` are
    // appended to the user's parameters.
    void writeUserDomain(const model::Domain &domain, const model::User &user,
                         const model::Group *home, const ParameterFilter &filter,
                         const QList<model::Attribute> &extraUserParams);
    // The domain with its single group, every member in full inside it, without secrets.
    void writeGroupDomain(const model::Domain &domain);
    // The domain with its users' gateways, users inside the groups they are defined in.
    void writeGatewayDomain(const model::Domain &domain);

    QByteArray finish() { return m_writer.finish(); }
    // Owners ("user 1001@example.com", ...) whose kept XML did not parse and was left out.
    const QStringList &brokenFragments() const { return m_brokenFragments; }

private:
    void startDomain(const model::Domain &domain, const ParameterFilter *filter);
    void writeAttributes(QLatin1String container, QLatin1String element,
                         const QList<model::Attribute> &attributes, const ParameterFilter &filter,
                         const QList<model::Attribute> &extra = {});
    void writeUser(const model::User &user, const ParameterFilter &filter,
                   const QList<model::Attribute> &extraParams = {});
    void writeGateways(const QList<model::Gateway> &gateways);
    void writeFragment(const QString &xml, const QString &owner);

    XmlLineWriter m_writer;
    QString m_domainName;
    QStringList m_brokenFragments;
};

} // namespace fsd
