// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/DirectoryDocument.h"

#include "core/xmlcurl/DirectoryLookup.h"

#include <QSet>

namespace fsd {

namespace {

const QLatin1String Params("params");
const QLatin1String Param("param");
const QLatin1String Variables("variables");
const QLatin1String Variable("variable");
const QLatin1String Groups("groups");
const QLatin1String Group("group");
const QLatin1String Users("users");
const QLatin1String User("user");
const QLatin1String Name("name");

// Names of the users defined in one of `groups` (membership type "").
QSet<QString> definedUserNames(const QList<model::Group> &groups)
{
    QSet<QString> names;
    for (const model::Group &group : groups) {
        for (const model::Membership &member : group.members) {
            if (member.type.isEmpty())
                names.insert(member.userName);
        }
    }
    return names;
}

} // namespace

ParameterFilter::ParameterFilter(QStringList allowedSecrets)
    : m_allowedSecrets(std::move(allowedSecrets))
{
}

bool ParameterFilter::allows(const QString &name) const
{
    const QString key = name.toLower();
    return !DirectoryLookup::secretParameterNames().contains(key)
        || m_allowedSecrets.contains(key);
}

DirectoryDocument::DirectoryDocument()
{
    m_writer.startElement(QLatin1String("document"),
                          {{QLatin1String("type"), QStringLiteral("freeswitch/xml")}});
    m_writer.startElement(QLatin1String("section"), {{Name, QStringLiteral("directory")}});
}

void DirectoryDocument::startDomain(const model::Domain &domain, const ParameterFilter *filter)
{
    m_domainName = domain.name;
    m_writer.startElement(QLatin1String("domain"), {{Name, domain.name}});
    if (!filter)
        return;
    writeAttributes(Params, Param, domain.params, *filter);
    writeAttributes(Variables, Variable, domain.variables, *filter);
    writeFragment(domain.extraXml, QStringLiteral("domain %1").arg(domain.name));
}

void DirectoryDocument::writeAttributes(QLatin1String container, QLatin1String element,
                                        const QList<model::Attribute> &attributes,
                                        const ParameterFilter &filter,
                                        const QList<model::Attribute> &extra)
{
    bool started = false;
    auto write = [&](const model::Attribute &attribute) {
        if (element == Param && !filter.allows(attribute.name))
            return;
        if (!started) {
            m_writer.startElement(container);
            started = true;
        }
        QList<XmlLineWriter::Attribute> xmlAttributes = {{Name, attribute.name},
                                                         {QLatin1String("value"), attribute.value}};
        // mod_sofia applies a gateway variable with an empty direction to neither direction,
        // so the attribute is written only when set.
        if (!attribute.direction.isEmpty())
            xmlAttributes.append({QLatin1String("direction"), attribute.direction});
        m_writer.emptyElement(element, xmlAttributes);
    };
    for (const model::Attribute &attribute : attributes)
        write(attribute);
    for (const model::Attribute &attribute : extra)
        write(attribute);
    if (started)
        m_writer.endElement();
}

void DirectoryDocument::writeUser(const model::User &user, const ParameterFilter &filter,
                                  const QList<model::Attribute> &extraParams)
{
    QList<XmlLineWriter::Attribute> attributes = {{QLatin1String("id"), user.name}};
    if (!user.numberAlias.isEmpty())
        attributes.append({QLatin1String("number-alias"), user.numberAlias});
    if (!user.cidr.isEmpty())
        attributes.append({QLatin1String("cidr"), user.cidr});
    if (user.hasCacheable)
        attributes.append({QLatin1String("cacheable"), user.cacheable});
    m_writer.startElement(User, attributes);
    writeAttributes(Params, Param, user.params, filter, extraParams);
    writeAttributes(Variables, Variable, user.variables, filter);
    writeGateways(user.gateways);
    writeFragment(user.extraXml, QStringLiteral("user %1@%2").arg(user.name, m_domainName));
    m_writer.endElement();
}

void DirectoryDocument::writeGateways(const QList<model::Gateway> &gateways)
{
    if (gateways.isEmpty())
        return;
    // Gateway parameters are written directly in <gateway>, as in FreeSWITCH's samples;
    // mod_sofia (parse_gateways) reads them there or inside <params>.
    m_writer.startElement(QLatin1String("gateways"));
    for (const model::Gateway &gateway : gateways) {
        m_writer.startElement(QLatin1String("gateway"), {{Name, gateway.name}});
        for (const model::Attribute &param : gateway.params)
            m_writer.emptyElement(Param, {{Name, param.name},
                                          {QLatin1String("value"), param.value}});
        writeAttributes(Variables, Variable, gateway.variables, ParameterFilter());
        m_writer.endElement();
    }
    m_writer.endElement();
}

void DirectoryDocument::writeFragment(const QString &xml, const QString &owner)
{
    if (!m_writer.writeFragment(xml))
        m_brokenFragments.append(owner);
}

void DirectoryDocument::writeWholeDomain(const model::Domain &domain)
{
    const ParameterFilter noSecrets;
    startDomain(domain, &noSecrets);

    QHash<QString, const model::User *> usersByName;
    for (const model::User &user : domain.users)
        usersByName.insert(user.name, &user);
    if (!domain.groups.isEmpty()) {
        m_writer.startElement(Groups);
        for (const model::Group &group : domain.groups) {
            m_writer.startElement(Group, {{Name, group.name}});
            writeAttributes(Params, Param, group.params, noSecrets);
            writeAttributes(Variables, Variable, group.variables, noSecrets);
            writeFragment(group.extraXml, QStringLiteral("group %1").arg(group.name));
            if (!group.members.isEmpty()) {
                m_writer.startElement(Users);
                for (const model::Membership &member : group.members) {
                    const model::User *user = usersByName.value(member.userName);
                    if (member.type.isEmpty() && user)
                        writeUser(*user, noSecrets);
                    else
                        m_writer.emptyElement(User, {{QLatin1String("id"), member.userName},
                                                     {QLatin1String("type"),
                                                      QStringLiteral("pointer")}});
                }
                m_writer.endElement();
            }
            m_writer.endElement();
        }
        m_writer.endElement();
    }

    const QSet<QString> defined = definedUserNames(domain.groups);
    for (const model::User &user : domain.users) {
        if (!defined.contains(user.name))
            writeUser(user, noSecrets);
    }
    m_writer.endElement();
}

void DirectoryDocument::writeUserDomain(const model::Domain &domain, const model::User &user,
                                        const model::Group *home, const ParameterFilter &filter,
                                        const QList<model::Attribute> &extraUserParams)
{
    startDomain(domain, &filter);
    if (home) {
        m_writer.startElement(Groups);
        m_writer.startElement(Group, {{Name, home->name}});
        writeAttributes(Params, Param, home->params, filter);
        writeAttributes(Variables, Variable, home->variables, filter);
        writeFragment(home->extraXml, QStringLiteral("group %1").arg(home->name));
        m_writer.startElement(Users);
        writeUser(user, filter, extraUserParams);
        m_writer.endElement();
        m_writer.endElement();
        m_writer.endElement();
    } else {
        writeUser(user, filter, extraUserParams);
    }
    m_writer.endElement();
}

void DirectoryDocument::writeGroupDomain(const model::Domain &domain)
{
    const ParameterFilter noSecrets;
    startDomain(domain, &noSecrets);
    m_writer.startElement(Groups);
    for (const model::Group &group : domain.groups) {
        m_writer.startElement(Group, {{Name, group.name}});
        writeAttributes(Params, Param, group.params, noSecrets);
        writeAttributes(Variables, Variable, group.variables, noSecrets);
        writeFragment(group.extraXml, QStringLiteral("group %1").arg(group.name));
        // Pointer members are written in full too: mod_commands (group_call) and
        // mod_voicemail (publish-vm) then need no second lookup per member, and both merge a
        // pointed-to user with this group anyway.
        m_writer.startElement(Users);
        for (const model::User &user : domain.users)
            writeUser(user, noSecrets);
        m_writer.endElement();
        m_writer.endElement();
    }
    m_writer.endElement();
    m_writer.endElement();
}

void DirectoryDocument::writeGatewayDomain(const model::Domain &domain)
{
    const ParameterFilter noSecrets;
    startDomain(domain, nullptr);
    QHash<QString, const model::User *> usersByName;
    for (const model::User &user : domain.users)
        usersByName.insert(user.name, &user);

    const QSet<QString> defined = definedUserNames(domain.groups);
    if (!domain.groups.isEmpty()) {
        m_writer.startElement(Groups);
        for (const model::Group &group : domain.groups) {
            m_writer.startElement(Group, {{Name, group.name}});
            m_writer.startElement(Users);
            for (const model::Membership &member : group.members) {
                if (const model::User *user = usersByName.value(member.userName))
                    writeUser(*user, noSecrets);
            }
            m_writer.endElement();
            m_writer.endElement();
        }
        m_writer.endElement();
    }
    for (const model::User &user : domain.users) {
        if (!defined.contains(user.name))
            writeUser(user, noSecrets);
    }
    m_writer.endElement();
}

} // namespace fsd
