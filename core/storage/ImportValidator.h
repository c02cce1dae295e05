// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"

#include <QHash>
#include <QString>

namespace fsd {

// Checks imported directory items against the naming and uniqueness rules before anything is
// written. Names are trimmed and must not be empty. Domains are host names or IP addresses,
// user names and aliases SIP user parts, gateway names match ^[A-Za-z0-9_.-]+$, and cidr is a
// list of subnets. Names are unique case-insensitively within their parent (gateway variables
// per name and direction). Number aliases are unique and differ from other users' names.
// Every membership names a user of the domain, once per group. Errors name the item's file,
// line and column when it has them.
class ImportValidator
{
public:
    // The users of a domain that already exist, by NameRules::key of name and of alias.
    struct ExistingUsers
    {
        QHash<QString, QString> names;
        QHash<QString, QString> aliases;
    };

    static Status checkDomain(const model::Domain &domain);
    // Users added to a domain that already contains `existing` (ImportXMLDomainUser).
    static Status checkUsers(const QList<model::User> &users, const ExistingUsers &existing);

private:
    static Status checkUser(const model::User &user);
    static Status checkGateway(const model::Gateway &gateway, const QString &owner);
    static Status checkGroup(const model::Group &group, const QHash<QString, QString> &users);
    static Status checkAttributes(const QList<model::Attribute> &list, const QString &kind,
                                  const QString &owner, bool perDirection = false);
};

// Prefixes `detail` with the item's place ("file:line:column: ") when it has one.
QString atLocation(const model::SourceLocation &location, const QString &detail);

} // namespace fsd
