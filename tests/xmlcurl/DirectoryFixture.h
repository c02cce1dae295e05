// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/xmlcurl/FreeSwitchXml.h"

#include <QHash>
#include <QVariant>

#include <memory>

namespace fsd::test {

// Writes directory rows straight into a test database with SQL, standing in for the XML
// importer. Every failure ends the test program with the database's message.
class DirectoryFixture
{
public:
    enum class Owner { Domain, Group, User, Gateway };

    struct UserRow
    {
        QString name;
        QString numberAlias;
        QString cidr;
        qint64 cache = 0;
        QVariant cacheable; // null: no non-numeric cacheable text
        QString extraXml;
        bool enabled = true;
    };

    // What loadVanilla stored, by name.
    struct Vanilla
    {
        qint64 domainId = 0;
        QString domainName;
        QHash<QString, qint64> groups;
        QHash<QString, qint64> users;
    };

    // Creates a ScratchDatabase with the current schema.
    DirectoryFixture();
    ~DirectoryFixture();

    Database &database() { return *m_database; }
    // Options for more connections to the same database.
    DatabaseOptions options() const { return m_scratch.options(); }

    qint64 addDomain(const QString &name, bool enabled = true);
    qint64 addGroup(qint64 domainId, const QString &name, bool enabled = true);
    qint64 addUser(qint64 domainId, const UserRow &user);
    qint64 addUser(qint64 domainId, const QString &name);
    qint64 addMember(qint64 groupId, qint64 userId, const QString &type = QString(),
                     bool enabled = true);
    qint64 addGateway(qint64 userId, const QString &name, bool enabled = true);
    qint64 addParam(Owner owner, qint64 ownerId, const QString &name, const QString &value,
                    bool enabled = true);
    qint64 addVariable(Owner owner, qint64 ownerId, const QString &name, const QString &value,
                       bool enabled = true, const QString &direction = QString());
    void setEnabled(const QString &table, qint64 id, bool enabled);

    // Stores FreeSWITCH's sample directory from `vanillaDir` (directory/default.xml and the user
    // files it includes): names with "$${...}" resolved from `globals`, values kept as written
    // so that FreeSWITCH expands them, elements other than params, variables and gateways kept
    // as extra XML.
    Vanilla loadVanilla(const QString &vanillaDir, const Globals &globals);

private:
    qint64 insert(const QString &sql, const QVariantList &values);

    ScratchDatabase m_scratch;
    std::unique_ptr<Database> m_database;
};

} // namespace fsd::test
