// SPDX-License-Identifier: MPL-2.0
#include "core/xml/DirectoryWriter.h"

#include "core/common/NameRules.h"
#include "core/xml/ExtraXml.h"
#include "core/xml/XmlEscape.h"
#include "core/xml/XmlLog.h"
#include "core/xml/XmlNames.h"

#include <QDir>
#include <QHash>
#include <QSaveFile>

namespace fsd::xml {

namespace {

constexpr int IndentWidth = 2;

QString attribute(const QString &name, const QString &value)
{
    return QStringLiteral(" %1=\"%2\"").arg(name, escapeXmlValue(value));
}

} // namespace

// Collects lines of UTF-16 text and encodes them once at the end.
class DirectoryWriter::Output
{
public:
    void line(int depth, const QString &text)
    {
        m_text.append(QString(depth * IndentWidth, QLatin1Char(' ')));
        m_text.append(text);
        m_text.append(QLatin1Char('\n'));
    }
    // Writes a start tag and returns a mark for close().
    qsizetype open(int depth, const QString &tag)
    {
        line(depth, tag);
        return m_text.size();
    }
    // Writes the end tag, or turns the start tag into an empty-element tag when nothing was
    // written since open().
    void close(int depth, qsizetype mark, const QString &name)
    {
        if (m_text.size() == mark) {
            m_text.replace(mark - 2, 2, QLatin1String("/>\n"));
            return;
        }
        line(depth, QStringLiteral("</%1>").arg(name));
    }
    QByteArray toUtf8() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

Result<DirectoryWriter::Mode> DirectoryWriter::parseMode(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("freeswitch"))
        return Mode::FreeSwitch;
    if (text == QLatin1String("backup"))
        return Mode::Backup;
    return ApiError::make(QStringLiteral("wrong data"),
                          QStringLiteral("The export mode \"%1\" is unknown. Use \"freeswitch\" "
                                         "(what FreeSWITCH should load) or \"backup\" "
                                         "(everything, disabled items marked).")
                              .arg(text));
}

QString DirectoryWriter::enabledMark(bool enabled, const QString &name) const
{
    if (enabled || m_mode != Mode::Backup)
        return {};
    return attribute(name.isEmpty() ? QString(names::Enabled) : name, QStringLiteral("false"));
}

QByteArray DirectoryWriter::writeDocument(const model::DirectoryTree &tree) const
{
    Output out;
    out.line(0, QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    out.line(0, QStringLiteral("<document type=\"freeswitch/xml\">"));
    out.line(1, QStringLiteral("<section name=\"directory\"%1>")
                    .arg(m_markGenerated ? attribute(names::Generated, QStringLiteral("true"))
                                         : QString()));
    for (const model::Domain &domain : tree.domains) {
        if (!skip(domain.enabled))
            writeDomain(out, 2, domain);
    }
    out.line(1, QStringLiteral("</section>"));
    out.line(0, QStringLiteral("</document>"));
    return out.toUtf8();
}

QByteArray DirectoryWriter::writeDomainFile(const model::Domain &domain) const
{
    // FreeSWITCH's preprocessor drops the <include> lines; they keep the file valid XML.
    Output out;
    out.line(0, QStringLiteral("<include>"));
    writeDomain(out, 1, domain);
    out.line(0, QStringLiteral("</include>"));
    return out.toUtf8();
}

void DirectoryWriter::writeDomain(Output &out, int depth, const model::Domain &domain) const
{
    const qsizetype mark = out.open(depth, QStringLiteral("<domain%1%2%3>")
                        .arg(attribute(QStringLiteral("name"), domain.name),
                             enabledMark(domain.enabled),
                             m_markGenerated ? attribute(names::Generated, QStringLiteral("true"))
                                             : QString()));
    writeAttributes(out, depth + 1, QStringLiteral("params"), QStringLiteral("param"),
                    domain.params);
    writeAttributes(out, depth + 1, QStringLiteral("variables"), QStringLiteral("variable"),
                    domain.variables);

    const Placement placement = placeUsers(domain);
    bool anyGroup = false;
    for (const model::Group &group : domain.groups)
        anyGroup = anyGroup || !skip(group.enabled);
    if (anyGroup) {
        out.line(depth + 1, QStringLiteral("<groups>"));
        for (const model::Group &group : domain.groups) {
            if (!skip(group.enabled))
                writeGroup(out, depth + 2, placement, group);
        }
        out.line(depth + 1, QStringLiteral("</groups>"));
    }

    // Users that no written group defines go directly under <domain>.
    for (const model::User &user : domain.users) {
        if (!skip(user.enabled) && !placement.definedIn.contains(NameRules::key(user.name)))
            writeUser(out, depth + 1, user, QString());
    }
    writeExtra(out, depth + 1, domain.extraXml);
    out.close(depth, mark, QStringLiteral("domain"));
}

DirectoryWriter::Placement DirectoryWriter::placeUsers(const model::Domain &domain) const
{
    Placement placement;
    for (const model::User &user : domain.users)
        placement.users.insert(NameRules::key(user.name), &user);
    // A user is defined in the first written group that has a type "" membership for it.
    for (const model::Group &group : domain.groups) {
        if (skip(group.enabled))
            continue;
        for (const model::Membership &member : group.members) {
            const QString key = NameRules::key(member.userName);
            if (member.type.isEmpty() && !skip(member.enabled)
                && !placement.definedIn.contains(key))
                placement.definedIn.insert(key, &group);
        }
    }
    return placement;
}

void DirectoryWriter::writeGroup(Output &out, int depth, const Placement &placement,
                                 const model::Group &group) const
{
    out.line(depth, QStringLiteral("<group%1%2>")
                        .arg(attribute(QStringLiteral("name"), group.name),
                             enabledMark(group.enabled)));
    writeAttributes(out, depth + 1, QStringLiteral("params"), QStringLiteral("param"),
                    group.params);
    writeAttributes(out, depth + 1, QStringLiteral("variables"), QStringLiteral("variable"),
                    group.variables);
    out.line(depth + 1, QStringLiteral("<users>"));
    for (const model::Membership &member : group.members) {
        const QString key = NameRules::key(member.userName);
        const model::User *user = placement.users.value(key);
        if (!user || skip(user->enabled) || skip(member.enabled))
            continue;
        if (member.type.isEmpty() && placement.definedIn.value(key) == &group) {
            writeUser(out, depth + 2, *user,
                      enabledMark(member.enabled, names::MembershipEnabled));
            continue;
        }
        // NOTE: a second type "" membership of a user (possible only through the API) is
        // written as a pointer, because XML can define a user only once.
        out.line(depth + 2, QStringLiteral("<user%1 type=\"pointer\"%2/>")
                                .arg(attribute(QStringLiteral("id"), user->name),
                                     enabledMark(member.enabled)));
    }
    out.line(depth + 1, QStringLiteral("</users>"));
    writeExtra(out, depth + 1, group.extraXml);
    out.line(depth, QStringLiteral("</group>"));
}

void DirectoryWriter::writeUser(Output &out, int depth, const model::User &user,
                                const QString &membershipMark) const
{
    QString attributes = attribute(QStringLiteral("id"), user.name);
    if (!user.numberAlias.isEmpty())
        attributes += attribute(QStringLiteral("number-alias"), user.numberAlias);
    if (!user.cidr.isEmpty())
        attributes += attribute(QStringLiteral("cidr"), user.cidr);
    if (user.hasCacheable)
        attributes += attribute(QStringLiteral("cacheable"), user.cacheable);
    attributes += enabledMark(user.enabled) + membershipMark;

    const qsizetype mark = out.open(depth, QStringLiteral("<user%1>").arg(attributes));
    writeAttributes(out, depth + 1, QStringLiteral("params"), QStringLiteral("param"),
                    user.params);
    writeAttributes(out, depth + 1, QStringLiteral("variables"), QStringLiteral("variable"),
                    user.variables);
    bool anyGateway = false;
    for (const model::Gateway &gateway : user.gateways)
        anyGateway = anyGateway || !skip(gateway.enabled);
    if (anyGateway) {
        out.line(depth + 1, QStringLiteral("<gateways>"));
        for (const model::Gateway &gateway : user.gateways) {
            if (!skip(gateway.enabled))
                writeGateway(out, depth + 2, gateway);
        }
        out.line(depth + 1, QStringLiteral("</gateways>"));
    }
    writeExtra(out, depth + 1, user.extraXml);
    out.close(depth, mark, QStringLiteral("user"));
}

void DirectoryWriter::writeGateway(Output &out, int depth, const model::Gateway &gateway) const
{
    const qsizetype mark = out.open(depth, QStringLiteral("<gateway%1%2>")
                        .arg(attribute(QStringLiteral("name"), gateway.name),
                             enabledMark(gateway.enabled)));
    writeAttributes(out, depth + 1, QStringLiteral("params"), QStringLiteral("param"),
                    gateway.params);
    writeAttributes(out, depth + 1, QStringLiteral("variables"), QStringLiteral("variable"),
                    gateway.variables);
    writeExtra(out, depth + 1, gateway.extraXml);
    out.close(depth, mark, QStringLiteral("gateway"));
}

void DirectoryWriter::writeAttributes(Output &out, int depth, const QString &list,
                                      const QString &tag,
                                      const QList<model::Attribute> &attributes) const
{
    bool any = false;
    for (const model::Attribute &item : attributes)
        any = any || !skip(item.enabled);
    if (!any)
        return;
    out.line(depth, QStringLiteral("<%1>").arg(list));
    for (const model::Attribute &item : attributes) {
        if (skip(item.enabled))
            continue;
        QString text = QLatin1Char('<') + tag + attribute(QStringLiteral("name"), item.name)
                       + attribute(QStringLiteral("value"), item.value);
        if (!item.direction.isEmpty())
            text += attribute(QStringLiteral("direction"), item.direction);
        text += enabledMark(item.enabled) + QLatin1String("/>");
        out.line(depth + 1, text);
    }
    out.line(depth, QStringLiteral("</%1>").arg(list));
}

void DirectoryWriter::writeExtra(Output &out, int depth, const QString &extraXml) const
{
    if (extraXml.isEmpty())
        return;
    // Imports store the canonical form already; rewriting it indents every line to this level
    // and normalises text stored before imports did so.
    const std::optional<QString> lines = ExtraXml::canonical(extraXml, depth);
    if (lines) {
        out.line(0, *lines);
        return;
    }
    // The text itself is not logged: unmodelled elements can hold credentials.
    qCWarning(lcXml) << "Unmodelled XML that is not well-formed is written as stored ("
                     << extraXml.size() << "characters)";
    out.line(depth, extraXml);
}

// Exports hold SIP passwords, so files and new folders are readable by their owner only, like
// the database.
Status DirectoryWriter::saveFile(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(bytes) != bytes.size() || !file.commit()) {
        return ApiError::make(QStringLiteral("can't export"),
                              QStringLiteral("Cannot write %1: %2")
                                  .arg(fileName, file.errorString()));
    }
    return {};
}

Result<QStringList> DirectoryWriter::writeTo(const model::DirectoryTree &tree,
                                             const QString &path) const
{
    if (path.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive)) {
        Status saved = saveFile(path, writeDocument(tree));
        if (!saved)
            return saved.error();
        return QStringList{path};
    }
    return writeFolder(tree, path);
}

Result<QStringList> DirectoryWriter::writeFolder(const model::DirectoryTree &tree,
                                                 const QString &path) const
{
    QDir folder(path);
    if (!folder.exists()
        && !QDir().mkdir(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)
        && !folder.mkpath(QStringLiteral("."))) {
        return ApiError::make(QStringLiteral("can't export"),
                              QStringLiteral("Cannot create the folder %1. Check the "
                                             "permissions of its parent.")
                                  .arg(path));
    }
    QStringList written;
    for (const model::Domain &domain : tree.domains) {
        if (skip(domain.enabled))
            continue;
        // Domain names are host names or IP addresses, which are safe file names.
        const QString fileName = folder.filePath(domain.name + QLatin1String(".xml"));
        Status saved = saveFile(fileName, writeDomainFile(domain));
        if (!saved)
            return saved.error();
        written.append(fileName);
    }
    qCInfo(lcXml).noquote() << "Exported" << written.size()
                            << (written.size() == 1 ? "domain file to" : "domain files to") << path;
    return written;
}

} // namespace fsd::xml
