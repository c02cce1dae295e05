// SPDX-License-Identifier: MPL-2.0
#include "tests/xmlcurl/FreeSwitchXml.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace fsd::test {

std::optional<QString> XmlNode::attribute(const QString &attributeName) const
{
    for (const auto &pair : attributes) {
        if (pair.first == attributeName)
            return pair.second;
    }
    return std::nullopt;
}

void XmlNode::setAttribute(const QString &attributeName, const QString &value)
{
    for (auto &pair : attributes) {
        if (pair.first == attributeName) {
            pair.second = value;
            return;
        }
    }
    attributes.append({attributeName, value});
}

XmlNode *XmlNode::child(const QString &childName) const
{
    for (const auto &node : children) {
        if (node->name == childName)
            return node.get();
    }
    return nullptr;
}

QList<XmlNode *> XmlNode::childrenNamed(const QString &childName) const
{
    QList<XmlNode *> found;
    for (const auto &node : children) {
        if (node->name == childName)
            found.append(node.get());
    }
    return found;
}

XmlNode *XmlNode::addChild(const QString &childName)
{
    auto node = std::make_shared<XmlNode>();
    node->name = childName;
    children.append(node);
    return node.get();
}

std::shared_ptr<XmlNode> XmlNode::clone() const
{
    auto copy = std::make_shared<XmlNode>();
    copy->name = name;
    copy->attributes = attributes;
    copy->text = text;
    for (const auto &node : children)
        copy->children.append(node->clone());
    return copy;
}

namespace {

// expand_vars: "$${name}" becomes the global's value, or nothing when unset. `checkedPrefix`
// receives what FreeSWITCH's later marker checks still see of the original line: expand_vars
// cuts it at the '}' of the first expanded variable.
QString expandVariables(const QString &line, const Globals &globals, QString *checkedPrefix)
{
    QString out;
    *checkedPrefix = line;
    bool cut = false;
    qsizetype i = 0;
    while (i < line.size()) {
        if (line.mid(i, 3) == QLatin1String("$${")) {
            int depth = 0;
            qsizetype end = -1;
            for (qsizetype j = i + 2; j < line.size(); ++j) {
                if (line[j] == QLatin1Char('{')) {
                    ++depth;
                } else if (line[j] == QLatin1Char('}') && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end > 0) {
                if (!cut) {
                    *checkedPrefix = line.left(end);
                    cut = true;
                }
                out += globals.value(line.mid(i + 3, end - i - 3));
                i = end + 1;
                continue;
            }
        }
        out += line[i];
        ++i;
    }
    return out;
}

// Splits after each '\n' or '\r', as switch_fp_read_dline ends a line at either.
QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n') || text[i] == QLatin1Char('\r')) {
            lines.append(text.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

std::shared_ptr<XmlNode> readElement(QXmlStreamReader &reader)
{
    auto node = std::make_shared<XmlNode>();
    node->name = reader.name().toString();
    for (const QXmlStreamAttribute &attribute : reader.attributes())
        node->attributes.append({attribute.name().toString(), attribute.value().toString()});
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            node->children.append(readElement(reader));
        else if (token == QXmlStreamReader::Characters && !reader.isWhitespace())
            node->text += reader.text().toString();
        else if (token == QXmlStreamReader::EndElement)
            break;
    }
    return node;
}

// find_user_in_tag (switch_xml.c): type "!pointer" unless the lookup says otherwise.
XmlNode *findUserInTag(const XmlNode &tag, const QString &ip, const QString &userName,
                       const QString &key)
{
    const QString type = QStringLiteral("!pointer");
    if (!ip.isNull()) {
        if (XmlNode *user = findChildMulti(tag, QStringLiteral("user"),
                                           {{QStringLiteral("ip"), ip},
                                            {QStringLiteral("type"), type}}))
            return user;
    }
    if (userName.isEmpty())
        return nullptr;
    if (key.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
        return findChildMulti(tag, QStringLiteral("user"),
                              {{key, userName},
                               {QStringLiteral("number-alias"), userName},
                               {QStringLiteral("type"), type}});
    return findChildMulti(tag, QStringLiteral("user"),
                          {{key, userName}, {QStringLiteral("type"), type}});
}

// do_merge: copies the <element>s of src's <container> whose names `in` lacks.
void mergeContainer(XmlNode &in, const XmlNode *source, const QString &container,
                    const QString &element)
{
    XmlNode *target = in.child(container);
    if (!target)
        target = in.addChild(container);
    const XmlNode *from = source ? source->child(container) : nullptr;
    if (!from)
        return;
    for (const XmlNode *item : from->childrenNamed(element)) {
        const auto name = item->attribute(QStringLiteral("name"));
        bool present = false;
        for (const XmlNode *existing : target->childrenNamed(element)) {
            const auto existingName = existing->attribute(QStringLiteral("name"));
            if (name && existingName && name->compare(*existingName, Qt::CaseInsensitive) == 0) {
                present = true;
                break;
            }
        }
        if (present)
            continue;
        XmlNode *added = target->addChild(element);
        added->setAttribute(QStringLiteral("name"), name.value_or(QString()));
        added->setAttribute(QStringLiteral("value"),
                            item->attribute(QStringLiteral("value")).value_or(QString()));
    }
}

} // namespace

QString expandGlobals(const QString &text, const Globals &globals)
{
    QString ignored;
    return expandVariables(text, globals, &ignored);
}

Globals readGlobals(const QString &varsXmlPath, Globals predefined)
{
    QFile file(varsXmlPath);
    if (!file.open(QIODevice::ReadOnly))
        return predefined;
    static const QRegularExpression setLine(
        QStringLiteral("^\\s*<X-PRE-PROCESS\\s+cmd=\"set\"\\s+data=\"([^=\"]+)=([^\"]*)\""));
    Globals globals = std::move(predefined);
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const auto match = setLine.match(line);
        if (!match.hasMatch())
            continue;
        QString ignored;
        globals.insert(match.captured(1).trimmed(),
                       expandVariables(match.captured(2).trimmed(), globals, &ignored));
    }
    return globals;
}

QString preprocess(const QByteArray &answer, const Globals &globals, QStringList *commands)
{
    QString out;
    bool inCommandComment = false;
    for (const QString &line : splitLines(QString::fromUtf8(answer))) {
        QString checked;
        const QString expanded = expandVariables(line, globals, &checked);
        if (checked.contains(QLatin1String("<include>"))
            || checked.contains(QLatin1String("</include>"))
            || checked.contains(QLatin1String("<?")))
            continue;
        QString kept = expanded;
        if (inCommandComment) {
            const qsizetype end = kept.indexOf(QLatin1String("-->"));
            if (end < 0)
                continue;
            inCommandComment = false;
            kept = kept.mid(end + 3);
        }
        const qsizetype marker = kept.indexOf(QLatin1String("X-pre-process"), 0,
                                              Qt::CaseInsensitive);
        if (marker >= 0) {
            if (marker > 0 && kept[marker - 1] == QLatin1Char('<') && commands)
                commands->append(kept.trimmed());
            continue;
        }
        const qsizetype command = kept.indexOf(QLatin1String("<!--#"));
        if (command >= 0) {
            if (commands)
                commands->append(kept.mid(command).trimmed());
            const qsizetype end = kept.indexOf(QLatin1String("-->"), command);
            out += kept.left(command);
            if (end >= 0)
                out += kept.mid(end + 3);
            else
                inCommandComment = true;
            continue;
        }
        out += kept;
    }
    return out;
}

std::shared_ptr<XmlNode> parseXml(const QString &text, QString *error)
{
    QXmlStreamReader reader(text);
    if (!reader.readNextStartElement()) {
        if (error)
            *error = reader.hasError() ? reader.errorString() : QStringLiteral("no element");
        return nullptr;
    }
    auto root = readElement(reader);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError()) {
        if (error)
            *error = QStringLiteral("%1 at line %2").arg(reader.errorString()).arg(reader.lineNumber());
        return nullptr;
    }
    return root;
}

XmlNode *findChild(const XmlNode &node, const QString &name, const QString &attributeName,
                   const QString &value)
{
    for (XmlNode *child : node.childrenNamed(name)) {
        const auto attribute = child->attribute(attributeName);
        if (attribute && attribute->compare(value, Qt::CaseInsensitive) == 0)
            return child;
    }
    return nullptr;
}

XmlNode *findChildMulti(const XmlNode &node, const QString &name,
                        const QList<QPair<QString, QString>> &conditions)
{
    for (XmlNode *child : node.childrenNamed(name)) {
        for (const auto &condition : conditions) {
            const auto attribute = child->attribute(condition.first);
            if (!attribute)
                continue;
            if (condition.second.startsWith(QLatin1Char('!'))) {
                if (attribute->compare(condition.second.mid(1), Qt::CaseInsensitive) != 0)
                    return child;
            } else if (attribute->compare(condition.second, Qt::CaseInsensitive) == 0) {
                return child;
            }
        }
    }
    return nullptr;
}

bool isNotFoundResult(const XmlNode &root)
{
    const XmlNode *section = findChild(root, QStringLiteral("section"), QStringLiteral("name"),
                                       QStringLiteral("result"));
    const XmlNode *result = section ? section->child(QStringLiteral("result")) : nullptr;
    const auto status = result ? result->attribute(QStringLiteral("status")) : std::nullopt;
    return status && status->compare(QLatin1String("not found"), Qt::CaseInsensitive) == 0;
}

XmlNode *locateDomain(const XmlNode &root, const QString &domainName)
{
    const XmlNode *section = findChild(root, QStringLiteral("section"), QStringLiteral("name"),
                                       QStringLiteral("directory"));
    if (!section)
        return nullptr;
    return findChild(*section, QStringLiteral("domain"), QStringLiteral("name"), domainName);
}

LocatedUser locateUserInDomain(XmlNode *domain, const QString &key, const QString &userName,
                               const QString &ip)
{
    LocatedUser located;
    if (!domain)
        return located;
    located.domain = domain;
    if (const XmlNode *groups = domain->child(QStringLiteral("groups"))) {
        for (XmlNode *group : groups->childrenNamed(QStringLiteral("group"))) {
            const XmlNode *users = group->child(QStringLiteral("users"));
            if (!users)
                continue;
            if (XmlNode *user = findUserInTag(*users, ip, userName, key)) {
                located.group = group;
                located.user = user;
                return located;
            }
        }
    }
    const XmlNode *users = domain->child(QStringLiteral("users"));
    located.user = findUserInTag(users ? *users : *domain, ip, userName, key);
    return located;
}

LocatedUser locateUserInDomainStrict(XmlNode *domain, const QString &userName)
{
    LocatedUser located;
    if (!domain)
        return located;
    located.domain = domain;
    if (const XmlNode *groups = domain->child(QStringLiteral("groups"))) {
        for (XmlNode *group : groups->childrenNamed(QStringLiteral("group"))) {
            const XmlNode *users = group->child(QStringLiteral("users"));
            XmlNode *user = users ? findUserInTag(*users, QString(), userName,
                                                  QStringLiteral("id"))
                                  : nullptr;
            if (user) {
                located.group = group;
                located.user = user;
                return located;
            }
        }
        return located;
    }
    const XmlNode *users = domain->child(QStringLiteral("users"));
    located.user = findUserInTag(users ? *users : *domain, QString(), userName,
                                 QStringLiteral("id"));
    return located;
}

std::shared_ptr<XmlNode> mergeUser(const XmlNode &user, const XmlNode *domain,
                                   const XmlNode *group)
{
    auto merged = user.clone();
    for (const XmlNode *source : {group, domain}) {
        mergeContainer(*merged, source, QStringLiteral("params"), QStringLiteral("param"));
        mergeContainer(*merged, source, QStringLiteral("variables"), QStringLiteral("variable"));
        mergeContainer(*merged, source, QStringLiteral("profile-variables"),
                       QStringLiteral("variable"));
    }
    const QString domainName = domain ? domain->attributeSoft(QStringLiteral("name")) : QString();
    if (!domainName.isEmpty())
        merged->setAttribute(QStringLiteral("domain-name"), domainName);
    return merged;
}

QList<QPair<QString, QString>> namedValues(const XmlNode *node, const QString &container,
                                          const QString &element)
{
    QList<QPair<QString, QString>> pairs;
    const XmlNode *list = node ? node->child(container) : nullptr;
    if (!list)
        return pairs;
    for (const XmlNode *item : list->childrenNamed(element))
        pairs.append({item->attributeSoft(QStringLiteral("name")),
                      item->attributeSoft(QStringLiteral("value"))});
    return pairs;
}

std::optional<QString> lastValue(const QList<QPair<QString, QString>> &pairs,
                                 const QString &name)
{
    std::optional<QString> value;
    for (const auto &pair : pairs) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            value = pair.second;
    }
    return value;
}

} // namespace fsd::test
