// SPDX-License-Identifier: MPL-2.0
#include "core/xml/CanonicalDump.h"

#include "core/common/NameRules.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace fsd::xml {

namespace {

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    out.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString flag(bool enabled)
{
    return enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
}

void dumpAttributes(QStringList &out, const QString &indent, const QString &kind,
                    const QList<model::Attribute> &list)
{
    for (const model::Attribute &item : list) {
        out.append(QStringLiteral("%1%2 %3=%4 %5 direction=%6")
                       .arg(indent, kind, quoted(item.name), quoted(item.value),
                            flag(item.enabled), quoted(item.direction)));
    }
}

template<typename T>
QList<const T *> sortedByName(const QList<T> &items)
{
    QList<const T *> sorted;
    for (const T &item : items)
        sorted.append(&item);
    std::stable_sort(sorted.begin(), sorted.end(), [](const T *a, const T *b) {
        return NameRules::key(a->name) < NameRules::key(b->name);
    });
    return sorted;
}

void dumpUser(QStringList &out, const model::User &user)
{
    out.append(QStringLiteral("  user %1 alias=%2 cidr=%3 cacheable=%4 %5")
                   .arg(quoted(user.name), quoted(user.numberAlias), quoted(user.cidr),
                        user.hasCacheable ? quoted(user.cacheable) : QStringLiteral("absent"),
                        flag(user.enabled)));
    dumpAttributes(out, QStringLiteral("    "), QStringLiteral("param"), user.params);
    dumpAttributes(out, QStringLiteral("    "), QStringLiteral("variable"), user.variables);
    for (const model::Gateway &gateway : user.gateways) {
        out.append(QStringLiteral("    gateway %1 %2").arg(quoted(gateway.name),
                                                           flag(gateway.enabled)));
        dumpAttributes(out, QStringLiteral("      "), QStringLiteral("param"), gateway.params);
        dumpAttributes(out, QStringLiteral("      "), QStringLiteral("variable"),
                       gateway.variables);
        if (!gateway.extraXml.isEmpty())
            out.append(QStringLiteral("      extra %1").arg(quoted(gateway.extraXml)));
    }
    if (!user.extraXml.isEmpty())
        out.append(QStringLiteral("    extra %1").arg(quoted(user.extraXml)));
}

} // namespace

QString CanonicalDump::dump(const model::DirectoryTree &tree)
{
    QStringList out;
    for (const model::Domain *domain : sortedByName(tree.domains)) {
        out.append(QStringLiteral("domain %1 %2").arg(quoted(domain->name), flag(domain->enabled)));
        dumpAttributes(out, QStringLiteral("  "), QStringLiteral("param"), domain->params);
        dumpAttributes(out, QStringLiteral("  "), QStringLiteral("variable"), domain->variables);
        for (const model::Group &group : domain->groups) {
            out.append(QStringLiteral("  group %1 %2").arg(quoted(group.name), flag(group.enabled)));
            dumpAttributes(out, QStringLiteral("    "), QStringLiteral("param"), group.params);
            dumpAttributes(out, QStringLiteral("    "), QStringLiteral("variable"),
                           group.variables);
            for (const model::Membership &member : group.members) {
                out.append(QStringLiteral("    member %1 type=%2 %3")
                               .arg(quoted(member.userName), quoted(member.type),
                                    flag(member.enabled)));
            }
            if (!group.extraXml.isEmpty())
                out.append(QStringLiteral("    extra %1").arg(quoted(group.extraXml)));
        }
        for (const model::User *user : sortedByName(domain->users))
            dumpUser(out, *user);
        if (!domain->extraXml.isEmpty())
            out.append(QStringLiteral("  extra %1").arg(quoted(domain->extraXml)));
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

model::DirectoryTree CanonicalDump::withoutDisabled(const model::DirectoryTree &tree)
{
    auto enabledOnly = [](QList<model::Attribute> &list) {
        list.removeIf([](const model::Attribute &item) { return !item.enabled; });
    };

    model::DirectoryTree result;
    for (model::Domain domain : tree.domains) {
        if (!domain.enabled)
            continue;
        enabledOnly(domain.params);
        enabledOnly(domain.variables);
        domain.users.removeIf([](const model::User &user) { return !user.enabled; });
        QSet<QString> users;
        for (model::User &user : domain.users) {
            users.insert(NameRules::key(user.name));
            enabledOnly(user.params);
            enabledOnly(user.variables);
            user.gateways.removeIf([](const model::Gateway &gateway) { return !gateway.enabled; });
            for (model::Gateway &gateway : user.gateways) {
                enabledOnly(gateway.params);
                enabledOnly(gateway.variables);
            }
        }
        domain.groups.removeIf([](const model::Group &group) { return !group.enabled; });
        for (model::Group &group : domain.groups) {
            enabledOnly(group.params);
            enabledOnly(group.variables);
            group.members.removeIf([&users](const model::Membership &member) {
                return !member.enabled || !users.contains(NameRules::key(member.userName));
            });
        }
        result.domains.append(std::move(domain));
    }
    return result;
}

} // namespace fsd::xml
