// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QList>
#include <QString>

// The FreeSWITCH directory as plain values, independent of storage and of XML. The XML reader
// fills it, imports write it to storage, and exports and mod_xml_curl answers are written from
// it. Ids are those of storage rows (0 when the item came from XML and is not stored yet).
namespace fsd::model {

// Source position of an item, for messages; empty when it did not come from a file.
struct SourceLocation
{
    QString file;
    qint64 line = 0;
    qint64 column = 0;
};

// A <param> or <variable>. `direction` is used by gateway variables only ("", "inbound",
// "outbound").
struct Attribute
{
    qint64 id = 0;
    QString name;
    QString value;
    bool enabled = true;
    QString direction;
    SourceLocation location;
};

struct Gateway
{
    qint64 id = 0;
    QString name;
    bool enabled = true;
    QList<Attribute> params;
    QList<Attribute> variables;
    // Elements the product does not model, kept as XML in the canonical form of xml::ExtraXml
    // (stored in gateways.extra_xml).
    QString extraXml;
    SourceLocation location;
};

struct User
{
    qint64 id = 0;
    QString name; // the id="" attribute of <user>
    QString numberAlias;
    QString cidr;
    // The cacheable="" attribute exactly as written; `hasCacheable` is false when absent.
    QString cacheable;
    bool hasCacheable = false;
    bool enabled = true;
    QList<Attribute> params;
    QList<Attribute> variables;
    QList<Gateway> gateways;
    // Elements the product does not model (<vcard>, <skinny>, ...), kept as XML in the
    // canonical form of xml::ExtraXml so that exports and mod_xml_curl responses carry them.
    QString extraXml;
    SourceLocation location;
};

// A user's place in a group. `type` is "pointer", or "" for the group in whose <users> the
// user is defined.
struct Membership
{
    qint64 id = 0;
    QString userName;
    QString type;
    bool enabled = true;
    SourceLocation location;
};

struct Group
{
    qint64 id = 0;
    QString name;
    bool enabled = true;
    QList<Attribute> params;
    QList<Attribute> variables;
    QList<Membership> members;
    QString extraXml;
    SourceLocation location;
};

struct Domain
{
    qint64 id = 0;
    QString name;
    bool enabled = true;
    QList<Attribute> params;
    QList<Attribute> variables;
    QList<Group> groups;
    // Every user of the domain, whether defined in a group or directly under the domain.
    // Memberships of type "" in `groups` say where a user was defined.
    QList<User> users;
    QString extraXml;
    SourceLocation location;
};

struct DirectoryTree
{
    QList<Domain> domains;
};

} // namespace fsd::model
