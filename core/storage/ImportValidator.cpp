// SPDX-License-Identifier: MPL-2.0
#include "core/storage/ImportValidator.h"

#include "core/common/NameRules.h"

#include <QSet>

namespace fsd {

namespace {

const QString InvalidName = QStringLiteral("invalid name");

Status located(Status status, const model::SourceLocation &location)
{
    if (status)
        return status;
    return ApiError::make(status.error().error, atLocation(location, status.error().detail));
}

Status checkNotEmpty(const QString &name, const QString &kind, const QString &owner,
                     const model::SourceLocation &location)
{
    if (!name.trimmed().isEmpty())
        return {};
    return ApiError::make(InvalidName,
                          atLocation(location, owner.isEmpty()
                                                   ? QStringLiteral("A %1 has no name.").arg(kind)
                                                   : QStringLiteral("A %1 of %2 has no name.")
                                                         .arg(kind, owner)));
}

Status duplicate(const QString &error, const QString &kind, const QString &name,
                 const QString &owner, const model::SourceLocation &location)
{
    return ApiError::make(
        error, atLocation(location, QStringLiteral("%1 \"%2\" appears twice in %3; names are "
                                                   "unique regardless of case.")
                                        .arg(kind, name, owner)));
}

} // namespace

QString atLocation(const model::SourceLocation &location, const QString &detail)
{
    if (location.line <= 0)
        return detail;
    return QStringLiteral("%1:%2:%3: %4")
        .arg(location.file)
        .arg(location.line)
        .arg(location.column)
        .arg(detail);
}

Status ImportValidator::checkAttributes(const QList<model::Attribute> &list, const QString &kind,
                                        const QString &owner, bool perDirection)
{
    QSet<QString> seen;
    for (const model::Attribute &item : list) {
        const QString name = item.name.trimmed();
        Status present = checkNotEmpty(name, kind, owner, item.location);
        if (!present)
            return present;
        Status valid = located(NameRules::checkPlainName(name, kind), item.location);
        if (!valid)
            return valid;
        if (perDirection && !item.direction.isEmpty() && item.direction != QLatin1String("inbound")
            && item.direction != QLatin1String("outbound")) {
            return ApiError::make(
                QStringLiteral("wrong data"),
                atLocation(item.location,
                           QStringLiteral("The direction \"%1\" of %2 \"%3\" of %4 is invalid; "
                                          "use \"inbound\", \"outbound\" or none.")
                               .arg(item.direction, kind, name, owner)));
        }
        const QString key = NameRules::key(name) + QLatin1Char('\n')
                            + (perDirection ? item.direction : QString());
        if (seen.contains(key)) {
            return duplicate(QStringLiteral("%1 name already exists").arg(kind),
                             kind == QLatin1String("parameter") ? QStringLiteral("The parameter")
                                                                : QStringLiteral("The variable"),
                             name, owner, item.location);
        }
        seen.insert(key);
    }
    return {};
}

Status ImportValidator::checkDomain(const model::Domain &domain)
{
    const QString name = domain.name.trimmed();
    Status present = checkNotEmpty(name, QStringLiteral("domain"), QString(), domain.location);
    if (!present)
        return present;
    Status valid = located(NameRules::checkDomainName(name), domain.location);
    if (!valid)
        return valid;
    const QString owner = QStringLiteral("domain \"%1\"").arg(name);
    Status params = checkAttributes(domain.params, QStringLiteral("parameter"), owner);
    if (!params)
        return params;
    Status variables = checkAttributes(domain.variables, QStringLiteral("variable"), owner);
    if (!variables)
        return variables;

    Status users = checkUsers(domain.users, ExistingUsers{});
    if (!users)
        return users;

    QHash<QString, QString> userNames;
    for (const model::User &user : domain.users)
        userNames.insert(NameRules::key(user.name.trimmed()), user.name.trimmed());
    QSet<QString> groups;
    for (const model::Group &group : domain.groups) {
        Status checked = checkGroup(group, userNames);
        if (!checked)
            return checked;
        const QString key = NameRules::key(group.name.trimmed());
        if (groups.contains(key)) {
            return duplicate(QStringLiteral("group name already exists"),
                             QStringLiteral("The group"), group.name.trimmed(), owner,
                             group.location);
        }
        groups.insert(key);
    }
    return {};
}

Status ImportValidator::checkUsers(const QList<model::User> &users, const ExistingUsers &existing)
{
    QHash<QString, QString> names = existing.names;
    QHash<QString, QString> aliases = existing.aliases;
    for (const model::User &user : users) {
        Status checked = checkUser(user);
        if (!checked)
            return checked;
        const QString name = user.name.trimmed();
        const QString key = NameRules::key(name);
        if (names.contains(key)) {
            return ApiError::make(QStringLiteral("user name already exists"),
                                  atLocation(user.location,
                                             QStringLiteral("The user \"%1\" already exists in "
                                                            "this domain%2.")
                                                 .arg(name, NameRules::storedSpellingNote(
                                                                name, names.value(key)))));
        }
        if (aliases.contains(key)) {
            return ApiError::make(QStringLiteral("user name already exists"),
                                  atLocation(user.location,
                                             QStringLiteral("The user name \"%1\" is the number "
                                                            "alias of user \"%2\".")
                                                 .arg(name, aliases.value(key))));
        }
        names.insert(key, name);
    }
    // Aliases after all names, so that an alias meeting a later user's name is found too.
    for (const model::User &user : users) {
        const QString alias = user.numberAlias.trimmed();
        if (alias.isEmpty())
            continue;
        const QString key = NameRules::key(alias);
        const QString name = user.name.trimmed();
        const QString other = aliases.value(key, names.value(key));
        if (!other.isEmpty() && NameRules::key(other) != NameRules::key(name)) {
            return ApiError::make(QStringLiteral("number alias already exists"),
                                  atLocation(user.location,
                                             QStringLiteral("The number alias \"%1\" of user "
                                                            "\"%2\" is already the name or "
                                                            "alias of user \"%3\".")
                                                 .arg(alias, name, other)));
        }
        if (aliases.contains(key)) {
            return ApiError::make(QStringLiteral("number alias already exists"),
                                  atLocation(user.location,
                                             QStringLiteral("The number alias \"%1\" of user "
                                                            "\"%2\" is used twice.")
                                                 .arg(alias, name)));
        }
        aliases.insert(key, name);
    }
    return {};
}

Status ImportValidator::checkUser(const model::User &user)
{
    const QString name = user.name.trimmed();
    Status present = checkNotEmpty(name, QStringLiteral("user"), QString(), user.location);
    if (!present)
        return present;
    Status valid = located(NameRules::checkUserName(name), user.location);
    if (!valid)
        return valid;
    const QString alias = user.numberAlias.trimmed();
    if (!alias.isEmpty()) {
        Status aliasValid = located(NameRules::checkUserName(alias), user.location);
        if (!aliasValid)
            return aliasValid;
    }
    Status cidr = located(NameRules::checkCidrList(user.cidr), user.location);
    if (!cidr)
        return cidr;

    const QString owner = QStringLiteral("user \"%1\"").arg(name);
    Status params = checkAttributes(user.params, QStringLiteral("parameter"), owner);
    if (!params)
        return params;
    Status variables = checkAttributes(user.variables, QStringLiteral("variable"), owner);
    if (!variables)
        return variables;
    QSet<QString> gateways;
    for (const model::Gateway &gateway : user.gateways) {
        Status checked = checkGateway(gateway, owner);
        if (!checked)
            return checked;
        const QString key = NameRules::key(gateway.name.trimmed());
        if (gateways.contains(key)) {
            return duplicate(QStringLiteral("gateway name already exists"),
                             QStringLiteral("The gateway"), gateway.name.trimmed(), owner,
                             gateway.location);
        }
        gateways.insert(key);
    }
    return {};
}

Status ImportValidator::checkGateway(const model::Gateway &gateway, const QString &owner)
{
    const QString name = gateway.name.trimmed();
    Status present = checkNotEmpty(name, QStringLiteral("gateway"), owner, gateway.location);
    if (!present)
        return present;
    Status valid = located(NameRules::checkGatewayName(name), gateway.location);
    if (!valid)
        return valid;
    const QString self = QStringLiteral("gateway \"%1\" of %2").arg(name, owner);
    Status params = checkAttributes(gateway.params, QStringLiteral("parameter"), self);
    if (!params)
        return params;
    return checkAttributes(gateway.variables, QStringLiteral("variable"), self, true);
}

Status ImportValidator::checkGroup(const model::Group &group,
                                   const QHash<QString, QString> &users)
{
    const QString name = group.name.trimmed();
    Status present = checkNotEmpty(name, QStringLiteral("group"), QString(), group.location);
    if (!present)
        return present;
    Status valid =
        located(NameRules::checkPlainName(name, QStringLiteral("group")), group.location);
    if (!valid)
        return valid;
    const QString owner = QStringLiteral("group \"%1\"").arg(name);
    Status params = checkAttributes(group.params, QStringLiteral("parameter"), owner);
    if (!params)
        return params;
    Status variables = checkAttributes(group.variables, QStringLiteral("variable"), owner);
    if (!variables)
        return variables;

    QSet<QString> members;
    for (const model::Membership &member : group.members) {
        const QString key = NameRules::key(member.userName.trimmed());
        if (!users.contains(key)) {
            return ApiError::make(
                QStringLiteral("user not found"),
                atLocation(member.location,
                           QStringLiteral("Group \"%1\" points to user \"%2\", which the domain "
                                          "does not define. Add the user or remove the "
                                          "pointer.")
                               .arg(name, member.userName.trimmed())));
        }
        if (members.contains(key)) {
            return ApiError::make(
                QStringLiteral("wrong data"),
                atLocation(member.location,
                           QStringLiteral("User \"%1\" appears twice in group \"%2\"; a user "
                                          "belongs to a group once.")
                               .arg(member.userName.trimmed(), name)));
        }
        members.insert(key);
    }
    return {};
}

} // namespace fsd
