// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace fsd::xml {

// Writes the directory as FreeSWITCH XML, UTF-8, one element per line, every value escaped.
//
// Users go where FreeSWITCH 1.10 both finds them (switch_xml_locate_user searches
// groups/group/users/user, then the domain's direct <user> children) and mod_sofia loads their
// gateways (parse_domain_tag reads domain/user and domain/groups/group/users/user, never
// domain/users/user): inside the group they were defined in, otherwise directly under
// <domain>. The writer never emits a domain-level <users>, which would hide direct users.
class DirectoryWriter
{
public:
    enum class Mode {
        // What FreeSWITCH should load: disabled items are left out.
        FreeSwitch,
        // Everything, with disabled items marked fsdirector-enabled="false" so that an import
        // restores them disabled. FreeSWITCH ignores the attribute, so do not load a backup
        // into FreeSWITCH as it is.
        Backup,
    };

    explicit DirectoryWriter(Mode mode) : m_mode(mode) {}

    // Adds fsdirector-generated="true" to <section> and every <domain>, for replies served
    // to FreeSWITCH (see XmlNames.h).
    void setMarkGenerated(bool mark) { m_markGenerated = mark; }

    // <document type="freeswitch/xml"><section name="directory">...: one file for everything.
    QByteArray writeDocument(const model::DirectoryTree &tree) const;
    // <include><domain ...>...</domain></include>, ready for conf/directory/.
    QByteArray writeDomainFile(const model::Domain &domain) const;

    // Writes to `path`: a single document when it ends in ".xml", otherwise a folder (created
    // if needed) with one NAME.xml file per domain. Returns the files written.
    Result<QStringList> writeTo(const model::DirectoryTree &tree, const QString &path) const;
    // Writes one NAME.xml file per domain to the folder `path`, created if needed, whatever
    // its name ends in. Returns the files written.
    Result<QStringList> writeFolder(const model::DirectoryTree &tree, const QString &path) const;
    // Writes `bytes` to `fileName` atomically, readable by its owner only, because exports
    // hold SIP passwords.
    static Status saveFile(const QString &fileName, const QByteArray &bytes);

    static Result<Mode> parseMode(const QString &text);

private:
    class Output;
    // The place of each user of a domain: the group that defines it, or none (directly under
    // <domain>). Keys are NameRules::key() of user names.
    struct Placement
    {
        QHash<QString, const model::User *> users;
        QHash<QString, const model::Group *> definedIn;
    };

    Placement placeUsers(const model::Domain &domain) const;

    bool skip(bool enabled) const { return m_mode == Mode::FreeSwitch && !enabled; }
    QString enabledMark(bool enabled, const QString &attribute = {}) const;
    void writeDomain(Output &out, int depth, const model::Domain &domain) const;
    void writeGroup(Output &out, int depth, const Placement &placement,
                    const model::Group &group) const;
    void writeUser(Output &out, int depth, const model::User &user,
                   const QString &membershipMark) const;
    void writeGateway(Output &out, int depth, const model::Gateway &gateway) const;
    void writeAttributes(Output &out, int depth, const QString &list, const QString &tag,
                         const QList<model::Attribute> &attributes) const;
    void writeExtra(Output &out, int depth, const QString &extraXml) const;

    Mode m_mode;
    bool m_markGenerated = false;
};

} // namespace fsd::xml
