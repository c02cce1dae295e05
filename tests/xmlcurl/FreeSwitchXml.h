// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// The XML side of the FreeSWITCH test double: what FreeSWITCH 1.11.2 (src/switch_xml.c) does
// with a mod_xml_curl answer before a module reads it. Rewritten from its behaviour, not its
// code.
namespace fsd::test {

// An element as FreeSWITCH's parser holds it: attributes in document order, child elements.
struct XmlNode
{
    QString name;
    QList<QPair<QString, QString>> attributes;
    QList<std::shared_ptr<XmlNode>> children;
    QString text;

    // switch_xml_attr: the first attribute of that exact name.
    std::optional<QString> attribute(const QString &attributeName) const;
    QString attributeSoft(const QString &attributeName) const
    {
        return attribute(attributeName).value_or(QString());
    }
    void setAttribute(const QString &attributeName, const QString &value);
    // switch_xml_child: the first child element of that name.
    XmlNode *child(const QString &childName) const;
    QList<XmlNode *> childrenNamed(const QString &childName) const;
    XmlNode *addChild(const QString &childName);
    std::shared_ptr<XmlNode> clone() const;
};

// Global variables for "$${name}", from vars.xml's <X-PRE-PROCESS cmd="set"> lines.
using Globals = QHash<QString, QString>;

// Replaces each "$${name}" in `text` by the global's value (nothing when unset).
QString expandGlobals(const QString &text, const Globals &globals);

// Reads the set lines of a vars.xml, expanding "$${}" in each value from earlier ones, as
// FreeSWITCH does while preprocessing it. `predefined` holds what FreeSWITCH computes itself
// (local_ip_v4, ...).
Globals readGlobals(const QString &varsXmlPath, Globals predefined);

// switch_xml.c preprocess(), applied to an answer: per line, "$${name}" is replaced by the
// global (nothing when unset), and the line is dropped when the original contains "<?",
// "<include>" or "</include>". A line containing "X-pre-process" (any case) is dropped too and
// counts as a preprocessor command when '<' comes right before it; "<!--#" starts a command as
// well. Commands are not run; `commands` receives them so that a test can see that an answer
// would have run one.
QString preprocess(const QByteArray &answer, const Globals &globals, QStringList *commands);

// Parses the preprocessed text; nullptr with `error` set when it is not XML.
std::shared_ptr<XmlNode> parseXml(const QString &text, QString *error);

// switch_xml_find_child: the first child `name` whose attribute equals `value` ignoring case.
XmlNode *findChild(const XmlNode &node, const QString &name, const QString &attributeName,
                   const QString &value);

// switch_xml_find_child_multi: the first child `name` for which ANY (attribute, value) pair
// matches; a value "!x" matches an attribute that exists and differs from x.
XmlNode *findChildMulti(const XmlNode &node, const QString &name,
                        const QList<QPair<QString, QString>> &conditions);

// Where switch_xml_locate_user found a user.
struct LocatedUser
{
    XmlNode *domain = nullptr;
    XmlNode *group = nullptr;
    XmlNode *user = nullptr;
};

// switch_xml_locate: true when `root` is FreeSWITCH's "not found" result, so that it tries
// the next binding.
bool isNotFoundResult(const XmlNode &root);
// switch_xml_locate for section "directory", tag "domain", key "name".
XmlNode *locateDomain(const XmlNode &root, const QString &domainName);
// The user search of switch_xml_locate_user inside a located domain, with find_user_in_tag's
// matching: groups first, then <users> or the domain itself.
LocatedUser locateUserInDomain(XmlNode *domain, const QString &key, const QString &userName,
                               const QString &ip);
// switch_xml_locate_user_in_domain (mod_voicemail, mod_commands): groups only when the
// domain has <groups>.
LocatedUser locateUserInDomainStrict(XmlNode *domain, const QString &userName);
// switch_xml_merge_user: a copy of `user` with the group's and then the domain's params,
// variables and profile-variables whose names it lacks, and a domain-name attribute.
std::shared_ptr<XmlNode> mergeUser(const XmlNode &user, const XmlNode *domain,
                                   const XmlNode *group);

// The (name, value) pairs of <container><element name= value=> of `node`, in order.
QList<QPair<QString, QString>> namedValues(const XmlNode *node, const QString &container,
                                          const QString &element);
// The value of the last pair named `name` (ignoring case), as modules that loop over all of
// them keep the last.
std::optional<QString> lastValue(const QList<QPair<QString, QString>> &pairs,
                                 const QString &name);

} // namespace fsd::test
