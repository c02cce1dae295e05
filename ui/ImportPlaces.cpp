// SPDX-License-Identifier: MPL-2.0
#include "ui/ImportPlaces.h"

#include "core/common/NameRules.h"
#include "core/events/DirectoryXmlService.h"

#include <QRegularExpression>

namespace fsd::ui {

namespace {

// Indexes the items of one list by NameRules::key() of their trimmed name. The first one wins
// on duplicates, which the server rejects anyway.
template<typename Item>
QHash<QString, const Item *> byName(const QList<Item> &items, QString Item::*name)
{
    QHash<QString, const Item *> index;
    for (const Item &item : items) {
        const QString key = NameRules::key((item.*name).trimmed());
        if (!index.contains(key))
            index.insert(key, &item);
    }
    return index;
}

QString describe(const model::SourceLocation &place)
{
    return QStringLiteral("%1:%2:%3").arg(place.file).arg(place.line).arg(place.column);
}

} // namespace

ImportPlaces::ImportPlaces(const model::DirectoryTree &original,
                           const model::DirectoryTree &flattened)
{
    const auto domains = byName(original.domains, &model::Domain::name);
    for (const model::Domain &domain : flattened.domains) {
        if (const model::Domain *match = domains.value(NameRules::key(domain.name.trimmed())))
            addDomain(*match, domain);
    }
}

QString ImportPlaces::flattenedLabel()
{
    return DirectoryXmlService::domainTextLabel();
}

model::SourceLocation ImportPlaces::placeOfLine(qint64 line) const
{
    return m_places.value(line);
}

QJsonObject ImportPlaces::relocateItem(const QJsonObject &item) const
{
    if (item.value(QLatin1StringView("file")).toString() != flattenedLabel())
        return item;
    const model::SourceLocation place = placeOfLine(item.value(QLatin1StringView("line")).toInteger());
    if (place.file.isEmpty())
        return item;
    QJsonObject relocated = item;
    relocated.insert(QStringLiteral("file"), place.file);
    relocated.insert(QStringLiteral("line"), place.line);
    relocated.insert(QStringLiteral("column"), place.column);
    return relocated;
}

QString ImportPlaces::relocateDetail(const QString &detail) const
{
    static const QRegularExpression prefix(
        QStringLiteral("^%1:(\\d+):(\\d+):").arg(QRegularExpression::escape(flattenedLabel())));
    const QRegularExpressionMatch match = prefix.match(detail);
    if (!match.hasMatch())
        return detail;
    const model::SourceLocation place = placeOfLine(match.captured(1).toLongLong());
    if (place.file.isEmpty())
        return detail;
    return describe(place) + QLatin1Char(':') + detail.mid(match.capturedLength());
}

void ImportPlaces::add(const model::SourceLocation &flattened,
                       const model::SourceLocation &original)
{
    if (flattened.line > 0 && original.line > 0)
        m_places.insert(flattened.line, original);
}

// Parameters and variables are written in their order, so position pairs them.
void ImportPlaces::addAttributes(const QList<model::Attribute> &original,
                                 const QList<model::Attribute> &flattened)
{
    const qsizetype count = std::min(original.size(), flattened.size());
    for (qsizetype i = 0; i < count; ++i)
        add(flattened.at(i).location, original.at(i).location);
}

void ImportPlaces::addDomain(const model::Domain &original, const model::Domain &flattened)
{
    add(flattened.location, original.location);
    addAttributes(original.params, flattened.params);
    addAttributes(original.variables, flattened.variables);

    // The writer moves users into the group that defines them, so users pair by name.
    const auto users = byName(original.users, &model::User::name);
    for (const model::User &user : flattened.users) {
        if (const model::User *match = users.value(NameRules::key(user.name.trimmed())))
            addUser(*match, user);
    }
    const auto groups = byName(original.groups, &model::Group::name);
    for (const model::Group &group : flattened.groups) {
        if (const model::Group *match = groups.value(NameRules::key(group.name.trimmed())))
            addGroup(*match, group);
    }
}

void ImportPlaces::addUser(const model::User &original, const model::User &flattened)
{
    add(flattened.location, original.location);
    addAttributes(original.params, flattened.params);
    addAttributes(original.variables, flattened.variables);
    const qsizetype count = std::min(original.gateways.size(), flattened.gateways.size());
    for (qsizetype i = 0; i < count; ++i) {
        const model::Gateway &from = original.gateways.at(i);
        const model::Gateway &to = flattened.gateways.at(i);
        add(to.location, from.location);
        addAttributes(from.params, to.params);
        addAttributes(from.variables, to.variables);
    }
}

void ImportPlaces::addGroup(const model::Group &original, const model::Group &flattened)
{
    add(flattened.location, original.location);
    addAttributes(original.params, flattened.params);
    addAttributes(original.variables, flattened.variables);
    const auto members = byName(original.members, &model::Membership::userName);
    for (const model::Membership &member : flattened.members) {
        const model::Membership *match = members.value(NameRules::key(member.userName.trimmed()));
        if (match)
            add(member.location, match->location);
    }
}

} // namespace fsd::ui
