// SPDX-License-Identifier: MPL-2.0
#include "core/xml/DirectoryReader.h"

#include "core/xml/ExtraXml.h"
#include "core/xml/XmlNames.h"

#include <algorithm>

namespace fsd::xml {

namespace {

const QString CantParse = QStringLiteral("can't parse");
const QString InvalidName = QStringLiteral("invalid name");
const QString WrongData = QStringLiteral("wrong data");

// FreeSWITCH's vanilla configuration sets this as `default_password`.
const QString SamplePassword = QStringLiteral("1234");

bool isCredential(const QString &name)
{
    return name.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0
           || name.compare(QLatin1String("a1-hash"), Qt::CaseInsensitive) == 0;
}

} // namespace

DirectoryReader::DirectoryReader(const PreprocessedText &input, model::ImportReport &report)
    : m_positions(input)
    , m_report(report)
{
    m_report.sources.append(input.sources);
    m_report.variables.append(input.notes);
    m_report.warnings.append(input.warnings);
    m_xml.addData(m_positions.text());
}

// --- helpers -------------------------------------------------------------------------------

qint64 DirectoryReader::startOffset() const
{
    // At a StartElement the reader is just past the tag's '>'. Attribute values cannot hold a
    // raw '<', so the last '<' before it opens the tag.
    return m_positions.text().lastIndexOf(QLatin1Char('<'), m_xml.characterOffset() - 1);
}

model::SourceLocation DirectoryReader::startLocation() const
{
    return m_positions.locate(startOffset());
}

bool DirectoryReader::readEnabled(QLatin1String attribute)
{
    return m_xml.attributes().value(attribute).compare(QLatin1String("false"), Qt::CaseInsensitive)
           != 0;
}

QString DirectoryReader::readName(const QString &attribute)
{
    return m_xml.attributes().value(attribute).toString().trimmed();
}

Status DirectoryReader::checkName(const QString &kind, const QString &name, qint64 from,
                                  qint64 to)
{
    const bool empty = name.isEmpty();
    if (!empty && !name.contains(QLatin1String("$${")))
        return {};
    const QString where = describeLocation(m_positions.locate(from));
    const QString chain = m_positions.explainEmpty(from, to);
    QString detail = empty ? QStringLiteral("%1: the %2 name is empty.").arg(where, kind)
                           : QStringLiteral("%1: the %2 name \"%3\" still contains \"$${\".")
                                 .arg(where, kind, name);
    if (!chain.isEmpty())
        detail += QStringLiteral(" %1 name ← %2.").arg(kind, chain);
    else if (empty)
        detail += QStringLiteral(" Give the %1 a name.").arg(kind);
    return ApiError::make(InvalidName, detail);
}

template<typename OwnerName>
void DirectoryReader::reportUnknownAttributes(std::initializer_list<QLatin1String> known,
                                              const OwnerName &owner)
{
    for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
        const QStringView name = attribute.qualifiedName();
        if (std::find(known.begin(), known.end(), name) != known.end())
            continue;
        m_report.unmodelled.append(model::ReportItem{
            QStringLiteral("The attribute %1=\"%2\" of %3 is not modelled and is dropped.")
                .arg(name.toString(), attribute.value().toString(), owner()),
            startLocation()});
    }
}

QString DirectoryReader::keepUnmodelled(const QString &owner)
{
    const qint64 start = startOffset();
    const QString element = m_xml.name().toString();
    m_report.unmodelled.append(model::ReportItem{
        QStringLiteral("The element <%1> of %2 is not modelled; it is kept without its "
                       "comments and layout.")
            .arg(element, owner),
        m_positions.locate(start)});
    m_xml.skipCurrentElement();
    const QString text = m_positions.text().mid(start, m_xml.characterOffset() - start);
    // The main reader has just read the element, so it is well-formed; the raw text is a
    // fallback that is never expected to be used.
    return ExtraXml::canonical(text).value_or(text);
}

void DirectoryReader::dropElement(const QString &owner)
{
    m_report.unmodelled.append(model::ReportItem{
        QStringLiteral("The element <%1> in %2 is not modelled and is dropped.")
            .arg(m_xml.name().toString(), owner),
        startLocation()});
    m_xml.skipCurrentElement();
}

Status DirectoryReader::parseError()
{
    const model::SourceLocation where =
        m_positions.locateLineColumn(m_xml.lineNumber(), m_xml.columnNumber());
    return ApiError::make(CantParse, QStringLiteral("%1: %2")
                                         .arg(describeLocation(where), m_xml.errorString()));
}

// --- documents -----------------------------------------------------------------------------

Result<model::DirectoryTree> DirectoryReader::readDirectory()
{
    model::DirectoryTree tree;
    if (!m_xml.readNextStartElement())
        return parseError().error();
    Status read = readContainer(tree);
    if (!read)
        return read.error();
    if (m_xml.hasError())
        return parseError().error();
    if (tree.domains.isEmpty()) {
        return ApiError::make(CantParse,
                              QStringLiteral("No <domain> element found. A directory holds "
                                             "<domain name=\"...\"> elements, bare or inside "
                                             "<include> or <section name=\"directory\">."));
    }
    return tree;
}

Status DirectoryReader::readContainer(model::DirectoryTree &tree)
{
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        if (name == QLatin1String("document") || name == QLatin1String("include")) {
            Status read = readContainer(tree);
            if (!read)
                return read;
        } else if (name == QLatin1String("section")) {
            if (m_xml.attributes().value(QLatin1String("name")) != QLatin1String("directory")) {
                m_xml.skipCurrentElement();
                continue;
            }
            Status read = readContainer(tree);
            if (!read)
                return read;
        } else if (name == QLatin1String("domain")) {
            auto domain = readDomain();
            if (!domain)
                return domain.error();
            tree.domains.append(std::move(*domain));
        } else {
            dropElement(QStringLiteral("the directory (outside any <domain>)"));
        }
    }
    return m_xml.hasError() ? parseError() : Status{};
}

Result<QList<model::User>> DirectoryReader::readUsers()
{
    QList<model::User> users;
    if (!m_xml.readNextStartElement())
        return parseError().error();
    Status read = readUserList(users, QStringLiteral("the text"));
    if (!read)
        return read.error();
    if (users.isEmpty()) {
        return ApiError::make(CantParse, QStringLiteral("No <user> element found. Send one or "
                                                        "more <user id=\"...\"> elements, bare "
                                                        "or inside <users>."));
    }
    return users;
}

Status DirectoryReader::readUserList(QList<model::User> &users, const QString &where)
{
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        if (name == QLatin1String("users") || name == QLatin1String("include")) {
            Status read = readUserList(users, where);
            if (!read)
                return read;
        } else if (name == QLatin1String("user")) {
            if (m_xml.attributes().value(QLatin1String("type")) == QLatin1String("pointer")) {
                m_report.unmodelled.append(model::ReportItem{
                    QStringLiteral("The pointer to user \"%1\" in %2 is outside a group and is "
                                   "dropped; FreeSWITCH skips pointers when it looks users up.")
                        .arg(readName(QStringLiteral("id")), where),
                    startLocation()});
                m_xml.skipCurrentElement();
                continue;
            }
            auto user = readUser();
            if (!user)
                return user.error();
            users.append(std::move(*user));
        } else {
            dropElement(where);
        }
    }
    return m_xml.hasError() ? parseError() : Status{};
}

// --- domains and groups --------------------------------------------------------------------

Result<model::Domain> DirectoryReader::readDomain()
{
    model::Domain domain;
    domain.location = startLocation();
    domain.name = readName();
    domain.enabled = readEnabled();
    const QString owner = QStringLiteral("domain \"%1\"").arg(domain.name);
    reportUnknownAttributes({QLatin1String("name"), names::Enabled, names::Generated},
                            [&owner]() { return owner; });
    Status named = checkName(QStringLiteral("domain"), domain.name, startOffset(),
                             m_xml.characterOffset());
    if (!named)
        return named.error();

    QStringList extra;
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        Status read;
        if (name == QLatin1String("params")) {
            read = readAttributeList(QStringLiteral("param"), domain.params, false, owner);
        } else if (name == QLatin1String("variables")) {
            read = readAttributeList(QStringLiteral("variable"), domain.variables, false, owner);
        } else if (name == QLatin1String("groups")) {
            read = readGroups(domain);
        } else if (name == QLatin1String("users")) {
            read = readUserList(domain.users, QStringLiteral("<users> of %1").arg(owner));
        } else if (name == QLatin1String("user")) {
            auto user = readUser();
            if (!user)
                return user.error();
            domain.users.append(std::move(*user));
        } else {
            extra.append(keepUnmodelled(owner));
        }
        if (!read)
            return read.error();
    }
    if (m_xml.hasError())
        return parseError().error();
    domain.extraXml = extra.join(QLatin1Char('\n'));
    return domain;
}

Status DirectoryReader::readGroups(model::Domain &domain)
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == QLatin1String("group")) {
            Status read = readGroup(domain);
            if (!read)
                return read;
        } else {
            dropElement(QStringLiteral("<groups> of domain \"%1\"").arg(domain.name));
        }
    }
    return m_xml.hasError() ? parseError() : Status{};
}

Status DirectoryReader::readGroup(model::Domain &domain)
{
    model::Group group;
    group.location = startLocation();
    group.name = readName();
    group.enabled = readEnabled();
    const QString owner = QStringLiteral("group \"%1\"").arg(group.name);
    reportUnknownAttributes({QLatin1String("name"), names::Enabled},
                            [&owner]() { return owner; });
    Status named =
        checkName(QStringLiteral("group"), group.name, startOffset(), m_xml.characterOffset());
    if (!named)
        return named;

    QStringList extra;
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        Status read;
        if (name == QLatin1String("users"))
            read = readGroupUsers(domain, group);
        else if (name == QLatin1String("params"))
            read = readAttributeList(QStringLiteral("param"), group.params, false, owner);
        else if (name == QLatin1String("variables"))
            read = readAttributeList(QStringLiteral("variable"), group.variables, false, owner);
        else
            extra.append(keepUnmodelled(owner));
        if (!read)
            return read;
    }
    if (m_xml.hasError())
        return parseError();
    group.extraXml = extra.join(QLatin1Char('\n'));
    domain.groups.append(std::move(group));
    return {};
}

Status DirectoryReader::readGroupUsers(model::Domain &domain, model::Group &group)
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() != QLatin1String("user")) {
            dropElement(QStringLiteral("<users> of group \"%1\"").arg(group.name));
            continue;
        }
        if (m_xml.attributes().value(QLatin1String("type")) == QLatin1String("pointer")) {
            model::Membership pointer;
            pointer.location = startLocation();
            pointer.userName = readName(QStringLiteral("id"));
            pointer.type = QStringLiteral("pointer");
            pointer.enabled = readEnabled();
            const QString owner = QStringLiteral("the pointer to \"%1\" in group \"%2\"")
                                      .arg(pointer.userName, group.name);
            reportUnknownAttributes({QLatin1String("id"), QLatin1String("type"), names::Enabled},
                                    [&owner]() { return owner; });
            Status named = checkName(QStringLiteral("user"), pointer.userName, startOffset(),
                                     m_xml.characterOffset());
            if (!named)
                return named;
            while (m_xml.readNextStartElement())
                dropElement(owner);
            group.members.append(pointer);
            continue;
        }
        model::Membership definition;
        definition.location = startLocation();
        definition.enabled = readEnabled(names::MembershipEnabled);
        auto user = readUser();
        if (!user)
            return user.error();
        definition.userName = user->name;
        group.members.append(definition);
        domain.users.append(std::move(*user));
    }
    return m_xml.hasError() ? parseError() : Status{};
}

// --- users and gateways --------------------------------------------------------------------

Status DirectoryReader::readUserAttributes(model::User &user)
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    user.location = startLocation();
    user.name = readName(QStringLiteral("id"));
    user.numberAlias = attributes.value(QLatin1String("number-alias")).toString().trimmed();
    user.cidr = attributes.value(QLatin1String("cidr")).toString();
    user.hasCacheable = attributes.hasAttribute(QLatin1String("cacheable"));
    user.cacheable = attributes.value(QLatin1String("cacheable")).toString();
    user.enabled = readEnabled();
    reportUnknownAttributes({QLatin1String("id"), QLatin1String("number-alias"),
                             QLatin1String("cidr"), QLatin1String("cacheable"), names::Enabled,
                             names::MembershipEnabled},
                            [&user]() { return QStringLiteral("user \"%1\"").arg(user.name); });
    return checkName(QStringLiteral("user"), user.name, startOffset(), m_xml.characterOffset());
}

Result<model::User> DirectoryReader::readUser()
{
    model::User user;
    Status attributes = readUserAttributes(user);
    if (!attributes)
        return attributes.error();
    const QString owner = QStringLiteral("user \"%1\"").arg(user.name);

    QStringList extra;
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        Status read;
        if (name == QLatin1String("params"))
            read = readAttributeList(QStringLiteral("param"), user.params, false, owner);
        else if (name == QLatin1String("variables"))
            read = readAttributeList(QStringLiteral("variable"), user.variables, false, owner);
        else if (name == QLatin1String("gateways"))
            read = readGateways(user);
        else
            extra.append(keepUnmodelled(owner));
        if (!read)
            return read.error();
    }
    if (m_xml.hasError())
        return parseError().error();
    user.extraXml = extra.join(QLatin1Char('\n'));
    checkCredentials(user);
    return user;
}

void DirectoryReader::checkCredentials(const model::User &user)
{
    bool hasCredential = false;
    for (const model::Attribute &param : user.params) {
        if (!isCredential(param.name))
            continue;
        hasCredential = true;
        if (param.name.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0
            && param.value == SamplePassword) {
            m_report.warnings.append(model::ReportItem{
                QStringLiteral("User \"%1\" has FreeSWITCH's sample password \"%2\"; change it "
                               "before the phones go live.")
                    .arg(user.name, SamplePassword),
                param.location});
        }
    }
    if (!hasCredential) {
        m_report.warnings.append(model::ReportItem{
            QStringLiteral("User \"%1\" has neither a password nor an a1-hash parameter; "
                           "FreeSWITCH lets it register without any credential check.")
                .arg(user.name),
            user.location});
    }
}

Status DirectoryReader::readGateways(model::User &user)
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() != QLatin1String("gateway")) {
            dropElement(QStringLiteral("<gateways> of user \"%1\"").arg(user.name));
            continue;
        }
        auto gateway = readGateway();
        if (!gateway)
            return gateway.error();
        user.gateways.append(std::move(*gateway));
    }
    return m_xml.hasError() ? parseError() : Status{};
}

Result<model::Gateway> DirectoryReader::readGateway()
{
    model::Gateway gateway;
    gateway.location = startLocation();
    gateway.name = readName();
    gateway.enabled = readEnabled();
    const QString owner = QStringLiteral("gateway \"%1\"").arg(gateway.name);
    reportUnknownAttributes({QLatin1String("name"), names::Enabled},
                            [&owner]() { return owner; });
    Status named = checkName(QStringLiteral("gateway"), gateway.name, startOffset(),
                             m_xml.characterOffset());
    if (!named)
        return named.error();

    // mod_sofia (parse_gateways) reads params from the first <params>, or when there is none
    // from direct <param> children; variables likewise.
    QStringList extra;
    bool directParams = false;
    bool listedParams = false;
    bool directVariables = false;
    bool listedVariables = false;
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        Status read;
        if (name == QLatin1String("param") || name == QLatin1String("variable")) {
            const bool isParam = name == QLatin1String("param");
            auto attribute = readAttribute(!isParam, owner);
            if (!attribute)
                return attribute.error();
            (isParam ? gateway.params : gateway.variables).append(std::move(*attribute));
            (isParam ? directParams : directVariables) = true;
        } else if (name == QLatin1String("params")) {
            read = readAttributeList(QStringLiteral("param"), gateway.params, false, owner);
            listedParams = true;
        } else if (name == QLatin1String("variables")) {
            read = readAttributeList(QStringLiteral("variable"), gateway.variables, true, owner);
            listedVariables = true;
        } else {
            extra.append(keepUnmodelled(owner));
        }
        if (!read)
            return read.error();
    }
    if (m_xml.hasError())
        return parseError().error();
    gateway.extraXml = extra.join(QLatin1Char('\n'));
    if ((directParams && listedParams) || (directVariables && listedVariables)) {
        m_report.warnings.append(model::ReportItem{
            QStringLiteral("Gateway \"%1\" has both direct <param>/<variable> children and "
                           "<params>/<variables> lists; mod_sofia reads only the lists, fsdirector "
                           "imports both.")
                .arg(gateway.name),
            gateway.location});
    }
    return gateway;
}

// --- params and variables ------------------------------------------------------------------

Status DirectoryReader::readAttributeList(const QString &tag, QList<model::Attribute> &list,
                                          bool withDirection, const QString &owner)
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() != tag) {
            dropElement(QStringLiteral("the <%1s> of %2").arg(tag, owner));
            continue;
        }
        auto attribute = readAttribute(withDirection, owner);
        if (!attribute)
            return attribute.error();
        list.append(std::move(*attribute));
    }
    return m_xml.hasError() ? parseError() : Status{};
}

Result<model::Attribute> DirectoryReader::readAttribute(bool withDirection, const QString &owner)
{
    const QString tag = m_xml.name().toString();
    const qint64 from = startOffset();
    const qint64 to = m_xml.characterOffset();
    model::Attribute attribute;
    attribute.location = m_positions.locate(from);
    attribute.name = readName();
    attribute.value = m_xml.attributes().value(QLatin1String("value")).toString();
    attribute.enabled = readEnabled();
    const auto ownerName = [&]() {
        return QStringLiteral("the %1 \"%2\" of %3").arg(tag, attribute.name, owner);
    };
    if (withDirection) {
        attribute.direction = m_xml.attributes().value(QLatin1String("direction")).toString();
        reportUnknownAttributes({QLatin1String("name"), QLatin1String("value"), names::Enabled,
                                 QLatin1String("direction")},
                                ownerName);
    } else {
        reportUnknownAttributes({QLatin1String("name"), QLatin1String("value"), names::Enabled},
                                ownerName);
    }
    while (m_xml.readNextStartElement())
        dropElement(QStringLiteral("the %1 \"%2\" of %3").arg(tag, attribute.name, owner));

    if (attribute.name.isEmpty()) {
        return ApiError::make(InvalidName, QStringLiteral("%1: a <%2> of %3 has no name.")
                                               .arg(describeLocation(attribute.location), tag,
                                                    owner));
    }
    if (isCredential(attribute.name) && attribute.value.isEmpty()
        && m_positions.emptiedByUndefined(from, to)) {
        return ApiError::make(
            WrongData,
            QStringLiteral("%1: the %2 of %3 is empty because a variable is undefined: %4. "
                           "FreeSWITCH would accept any credential for it.")
                .arg(describeLocation(attribute.location), attribute.name, owner,
                     m_positions.explainEmpty(from, to)));
    }
    return attribute;
}

} // namespace fsd::xml
