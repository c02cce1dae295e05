// SPDX-License-Identifier: MPL-2.0
#include "tests/xmlcurl/DirectoryFixture.h"

#include "core/common/NameRules.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QXmlStreamWriter>

namespace fsd::test {

namespace {

const char *attributeTable(DirectoryFixture::Owner owner, bool variable)
{
    switch (owner) {
    case DirectoryFixture::Owner::Domain: return variable ? "domain_vars" : "domain_params";
    case DirectoryFixture::Owner::Group: return variable ? "group_vars" : "group_params";
    case DirectoryFixture::Owner::User: return variable ? "user_vars" : "user_params";
    case DirectoryFixture::Owner::Gateway: return variable ? "gateway_vars" : "gateway_params";
    }
    return "";
}

const char *ownerColumn(DirectoryFixture::Owner owner)
{
    switch (owner) {
    case DirectoryFixture::Owner::Domain: return "domain_id";
    case DirectoryFixture::Owner::Group: return "group_id";
    case DirectoryFixture::Owner::User: return "user_id";
    case DirectoryFixture::Owner::Gateway: return "gateway_id";
    }
    return "";
}

// A null QString binds as SQL NULL; the NOT NULL text columns need "".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

std::shared_ptr<XmlNode> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Cannot read the fixture %s", qPrintable(path));
    QString error;
    auto root = parseXml(QString::fromUtf8(file.readAll()), &error);
    if (!root)
        qFatal("Cannot parse the fixture %s: %s", qPrintable(path), qPrintable(error));
    return root;
}

void writeNode(QXmlStreamWriter &writer, const XmlNode &node)
{
    writer.writeStartElement(node.name);
    for (const auto &attribute : node.attributes)
        writer.writeAttribute(attribute.first, attribute.second);
    if (!node.text.isEmpty())
        writer.writeCharacters(node.text);
    for (const auto &child : node.children)
        writeNode(writer, *child);
    writer.writeEndElement();
}

} // namespace

DirectoryFixture::DirectoryFixture()
{
    if (!m_scratch.isValid())
        qFatal("Cannot create the test database: %s", qPrintable(m_scratch.errorString()));
    auto opened = Database::open(m_scratch.options(), QStringLiteral("fixture-%1").arg(quintptr(this)));
    if (!opened)
        qFatal("Cannot create the test database: %s", qPrintable(opened.error().detail));
    m_database = std::move(*opened);
}

DirectoryFixture::~DirectoryFixture()
{
    // The connection closes before the scratch schema is emptied or dropped.
    m_database.reset();
}

qint64 DirectoryFixture::insert(const QString &sql, const QVariantList &values)
{
    auto query = m_database->exec(sql + QStringLiteral(" RETURNING id"), values);
    if (!query || !query->next())
        qFatal("Fixture statement failed: %s", qPrintable(sql));
    return query->value(0).toLongLong();
}

qint64 DirectoryFixture::addDomain(const QString &name, bool enabled)
{
    return insert(QStringLiteral("INSERT INTO domains (name, name_key, enabled) VALUES (?, ?, ?)"),
                  {name, NameRules::key(name), int(enabled)});
}

qint64 DirectoryFixture::addGroup(qint64 domainId, const QString &name, bool enabled)
{
    return insert(QStringLiteral("INSERT INTO directory_groups (domain_id, name, name_key, enabled)"
                                 " VALUES (?, ?, ?, ?)"),
                  {domainId, name, NameRules::key(name), int(enabled)});
}

qint64 DirectoryFixture::addUser(qint64 domainId, const UserRow &user)
{
    const QVariant aliasKey = user.numberAlias.isEmpty() ? QVariant()
                                                         : QVariant(NameRules::key(user.numberAlias));
    return insert(QStringLiteral("INSERT INTO users (domain_id, name, name_key, number_alias,"
                                 " alias_key, cidr, cache, cacheable, enabled, extra_xml)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {domainId, user.name, NameRules::key(user.name), text(user.numberAlias), aliasKey,
                   text(user.cidr), user.cache, user.cacheable, int(user.enabled),
                   text(user.extraXml)});
}

qint64 DirectoryFixture::addUser(qint64 domainId, const QString &name)
{
    UserRow user;
    user.name = name;
    return addUser(domainId, user);
}

qint64 DirectoryFixture::addMember(qint64 groupId, qint64 userId, const QString &type,
                                   bool enabled)
{
    return insert(QStringLiteral("INSERT INTO group_members (group_id, user_id, type, enabled)"
                                 " VALUES (?, ?, ?, ?)"),
                  {groupId, userId, text(type), int(enabled)});
}

qint64 DirectoryFixture::addGateway(qint64 userId, const QString &name, bool enabled)
{
    return insert(QStringLiteral("INSERT INTO gateways (user_id, name, name_key, enabled)"
                                 " VALUES (?, ?, ?, ?)"),
                  {userId, name, NameRules::key(name), int(enabled)});
}

qint64 DirectoryFixture::addParam(Owner owner, qint64 ownerId, const QString &name,
                                  const QString &value, bool enabled)
{
    return insert(QStringLiteral("INSERT INTO %1 (%2, name, name_key, value, enabled)"
                                 " VALUES (?, ?, ?, ?, ?)")
                      .arg(QLatin1String(attributeTable(owner, false)),
                           QLatin1String(ownerColumn(owner))),
                  {ownerId, name, NameRules::key(name), text(value), int(enabled)});
}

qint64 DirectoryFixture::addVariable(Owner owner, qint64 ownerId, const QString &name,
                                     const QString &value, bool enabled, const QString &direction)
{
    if (owner == Owner::Gateway) {
        return insert(QStringLiteral("INSERT INTO gateway_vars (gateway_id, name, name_key, value,"
                                     " direction, enabled) VALUES (?, ?, ?, ?, ?, ?)"),
                      {ownerId, name, NameRules::key(name), text(value), text(direction), int(enabled)});
    }
    return insert(QStringLiteral("INSERT INTO %1 (%2, name, name_key, value, enabled)"
                                 " VALUES (?, ?, ?, ?, ?)")
                      .arg(QLatin1String(attributeTable(owner, true)),
                           QLatin1String(ownerColumn(owner))),
                  {ownerId, name, NameRules::key(name), text(value), int(enabled)});
}

void DirectoryFixture::setEnabled(const QString &table, qint64 id, bool enabled)
{
    auto query = m_database->exec(QStringLiteral("UPDATE %1 SET enabled = ? WHERE id = ?").arg(table),
                                  {int(enabled), id});
    if (!query)
        qFatal("Cannot update %s %lld", qPrintable(table), id);
}

DirectoryFixture::Vanilla DirectoryFixture::loadVanilla(const QString &vanillaDir,
                                                        const Globals &globals)
{
    const QString directoryFile = QDir(vanillaDir).filePath(QStringLiteral("directory/default.xml"));
    auto root = readFile(directoryFile);
    const XmlNode *domain = root->child(QStringLiteral("domain"));
    if (!domain)
        qFatal("No <domain> in %s", qPrintable(directoryFile));

    Vanilla vanilla;
    vanilla.domainName = expandGlobals(domain->attributeSoft(QStringLiteral("name")), globals);
    vanilla.domainId = addDomain(vanilla.domainName);
    for (const auto &param : namedValues(domain, QStringLiteral("params"), QStringLiteral("param")))
        addParam(Owner::Domain, vanilla.domainId, param.first, param.second);
    for (const auto &variable : namedValues(domain, QStringLiteral("variables"), QStringLiteral("variable")))
        addVariable(Owner::Domain, vanilla.domainId, variable.first, variable.second);

    QList<QPair<qint64, QString>> pointers;
    const XmlNode *groups = domain->child(QStringLiteral("groups"));
    for (const XmlNode *group : groups->childrenNamed(QStringLiteral("group"))) {
        const qint64 groupId = addGroup(vanilla.domainId, group->attributeSoft(QStringLiteral("name")));
        vanilla.groups.insert(group->attributeSoft(QStringLiteral("name")), groupId);
        const XmlNode *users = group->child(QStringLiteral("users"));
        for (const auto &child : users->children) {
            if (child->name == QLatin1String("user")) {
                pointers.append({groupId, expandGlobals(child->attributeSoft(QStringLiteral("id")), globals)});
                continue;
            }
            // <X-PRE-PROCESS cmd="include" data="default/*.xml"/>
            const QString pattern = child->attributeSoft(QStringLiteral("data"));
            const QDir folder(QDir(vanillaDir).filePath(QStringLiteral("directory/") + QFileInfo(pattern).path()));
            for (const QString &file : folder.entryList({QFileInfo(pattern).fileName()}, QDir::Files, QDir::Name)) {
                const auto userFile = readFile(folder.filePath(file));
                const XmlNode *user = userFile->child(QStringLiteral("user"));
                if (!user)
                    continue;
                UserRow row;
                row.name = expandGlobals(user->attributeSoft(QStringLiteral("id")), globals);
                row.numberAlias = user->attributeSoft(QStringLiteral("number-alias"));
                row.cidr = user->attributeSoft(QStringLiteral("cidr"));
                QString extra;
                QXmlStreamWriter writer(&extra);
                for (const auto &part : user->children) {
                    if (part->name != QLatin1String("params") && part->name != QLatin1String("variables")
                        && part->name != QLatin1String("gateways"))
                        writeNode(writer, *part);
                }
                row.extraXml = extra;
                const qint64 userId = addUser(vanilla.domainId, row);
                vanilla.users.insert(row.name, userId);
                addMember(groupId, userId);
                for (const auto &param : namedValues(user, QStringLiteral("params"), QStringLiteral("param")))
                    addParam(Owner::User, userId, param.first, param.second);
                for (const auto &variable : namedValues(user, QStringLiteral("variables"), QStringLiteral("variable")))
                    addVariable(Owner::User, userId, variable.first, variable.second);
                const XmlNode *gateways = user->child(QStringLiteral("gateways"));
                for (const XmlNode *gateway : gateways ? gateways->childrenNamed(QStringLiteral("gateway")) : QList<XmlNode *>()) {
                    const qint64 gatewayId = addGateway(userId, expandGlobals(gateway->attributeSoft(QStringLiteral("name")), globals));
                    for (const XmlNode *param : gateway->childrenNamed(QStringLiteral("param")))
                        addParam(Owner::Gateway, gatewayId, param->attributeSoft(QStringLiteral("name")),
                                 param->attributeSoft(QStringLiteral("value")));
                }
            }
        }
    }
    for (const auto &pointer : pointers)
        addMember(pointer.first, vanilla.users.value(pointer.second), QStringLiteral("pointer"));
    return vanilla;
}

} // namespace fsd::test
