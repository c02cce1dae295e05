// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DirectoryImporter.h"

#include "core/common/NameRules.h"
#include "core/storage/BatchInsert.h"
#include "core/storage/Database.h"
#include "core/storage/ImportValidator.h"
#include "core/storage/StorageLog.h"

#include <QSet>

namespace fsd {

namespace {

// Returned by the work of a dry run so that the transaction rolls back; never reaches callers.
const QString DryRunMarker = QStringLiteral("fsdirector dry run");

QVariant enabledValue(bool enabled)
{
    return enabled ? 1 : 0;
}

// `cache` is the cacheable attribute in milliseconds when it is a number, 0 otherwise.
// `cacheable` stores the text as written, NULL when the attribute is absent.
qint64 cacheMilliseconds(const model::User &user)
{
    bool numeric = false;
    const qint64 value = user.cacheable.trimmed().toLongLong(&numeric);
    return user.hasCacheable && numeric && value > 0 ? value : 0;
}

} // namespace

Status DirectoryImporter::checkCancelled(const ImportOptions &options) const
{
    if (options.cancel && options.cancel->load()) {
        return ApiError::make(QStringLiteral("import cancelled"),
                              QStringLiteral("The import was cancelled; nothing was stored."));
    }
    return {};
}

Result<QList<qint64>> DirectoryImporter::runAtomically(
    const ImportOptions &options, const std::function<Result<QList<qint64>>()> &work)
{
    QList<qint64> ids;
    auto body = [&]() -> Status {
        auto result = work();
        if (!result)
            return result.error();
        ids = *result;
        if (options.dryRun)
            return ApiError::make(DryRunMarker);
        return {};
    };

    if (options.dryRun && m_database.inTransaction()) {
        // A caller's transaction cannot be rolled back here, so the dry run runs inside a savepoint.
        auto saved = m_database.exec(QStringLiteral("SAVEPOINT fsd_import_dry_run"));
        if (!saved)
            return saved.error();
        Status status = body();
        auto undone = m_database.exec(QStringLiteral("ROLLBACK TO SAVEPOINT fsd_import_dry_run"));
        auto released = m_database.exec(QStringLiteral("RELEASE SAVEPOINT fsd_import_dry_run"));
        if (!undone)
            return undone.error();
        if (!released)
            return released.error();
        if (!status && status.error().error != DryRunMarker)
            return status.error();
        return ids;
    }

    Status status = m_database.transaction(body);
    if (!status && !(options.dryRun && status.error().error == DryRunMarker))
        return status.error();
    return ids;
}

Result<QList<qint64>> DirectoryImporter::importTree(const model::DirectoryTree &tree,
                                                    const ImportOptions &options,
                                                    model::ImportReport &report)
{
    report.dryRun = options.dryRun;
    QSet<QString> names;
    for (const model::Domain &domain : tree.domains) {
        Status valid = ImportValidator::checkDomain(domain);
        if (!valid)
            return valid.error();
        const QString key = NameRules::key(domain.name.trimmed());
        if (names.contains(key)) {
            return ApiError::make(QStringLiteral("domain name already exists"),
                                  atLocation(domain.location,
                                             QStringLiteral("The domain \"%1\" appears twice "
                                                            "in the import.")
                                                 .arg(domain.name.trimmed())));
        }
        names.insert(key);
    }

    const model::ImportCounts before = report.counts;
    const qsizetype warningsBefore = report.warnings.size();
    m_importedGateways.clear();
    auto ids = runAtomically(options, [&]() -> Result<QList<qint64>> {
        QList<qint64> domainIds;
        for (const model::Domain &domain : tree.domains) {
            auto id = insertDomain(domain, options, report);
            if (!id)
                return id.error();
            domainIds.append(*id);
        }
        return domainIds;
    });
    if (!ids) {
        report.counts = before;
        report.warnings.resize(warningsBefore);
        return ids.error();
    }
    qCInfo(lcStorage) << (options.dryRun ? "Dry-run import of" : "Imported") << ids->size()
                      << (ids->size() == 1 ? "domain with" : "domains with")
                      << report.counts.users << (report.counts.users == 1 ? "user" : "users");
    return ids;
}

Result<QList<qint64>> DirectoryImporter::importUsers(qint64 domainId,
                                                     const QList<model::User> &users,
                                                     const ImportOptions &options,
                                                     model::ImportReport &report)
{
    report.dryRun = options.dryRun;
    auto existing = m_database.exec(
        QStringLiteral("SELECT name, number_alias FROM users WHERE domain_id = ?"), {domainId});
    if (!existing)
        return existing.error();
    ImportValidator::ExistingUsers known;
    while (existing->next()) {
        const QString name = existing->value(0).toString();
        const QString alias = existing->value(1).toString();
        known.names.insert(NameRules::key(name), name);
        if (!alias.isEmpty())
            known.aliases.insert(NameRules::key(alias), name);
    }
    Status valid = ImportValidator::checkUsers(users, known);
    if (!valid)
        return valid.error();

    const model::ImportCounts before = report.counts;
    m_importedGateways.clear();
    auto ids = runAtomically(options, [&]() -> Result<QList<qint64>> {
        auto userIds = insertUsers(domainId, users, options, report);
        if (!userIds)
            return userIds.error();
        Status gateways = insertGateways(domainId, users, *userIds, report);
        if (!gateways)
            return gateways.error();
        QList<qint64> ordered;
        for (const model::User &user : users)
            ordered.append(userIds->value(NameRules::key(user.name.trimmed())));
        return ordered;
    });
    if (!ids)
        report.counts = before;
    return ids;
}

Result<qint64> DirectoryImporter::insertDomain(const model::Domain &domain,
                                               const ImportOptions &options,
                                               model::ImportReport &report)
{
    Status cancelled = checkCancelled(options);
    if (!cancelled)
        return cancelled.error();
    const QString name = domain.name.trimmed();
    auto existing = m_database.exec(QStringLiteral("SELECT name FROM domains WHERE name_key = ?"),
                                    {NameRules::key(name)});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        return ApiError::make(QStringLiteral("domain name already exists"),
                              atLocation(domain.location,
                                         QStringLiteral("The domain \"%1\" already exists%2. "
                                                        "Delete or rename it first.")
                                             .arg(name, NameRules::storedSpellingNote(
                                                            name, existing->value(0).toString()))));
    }

    auto inserted = m_database.exec(
        QStringLiteral("INSERT INTO domains (name, name_key, enabled, extra_xml) VALUES (?, ?, "
                       "?, ?) RETURNING id"),
        {name, NameRules::key(name), enabledValue(domain.enabled),
         domain.extraXml.isNull() ? QString(QLatin1String("")) : domain.extraXml});
    if (!inserted)
        return inserted.error();
    if (!inserted->next())
        return ApiError::make(Database::StorageFailure, QStringLiteral("INSERT returned no id"));
    const qint64 domainId = inserted->value(0).toLongLong();
    ++report.counts.domains;

    BatchInsert params = attributeBatch(QStringLiteral("domain_params"),
                                        QStringLiteral("domain_id"));
    BatchInsert variables = attributeBatch(QStringLiteral("domain_vars"),
                                           QStringLiteral("domain_id"));
    Status added = addAttributes(params, domainId, domain.params, report.counts.domainParams);
    if (added)
        added = addAttributes(variables, domainId, domain.variables, report.counts.domainVariables);
    if (added)
        added = params.flush();
    if (added)
        added = variables.flush();
    if (!added)
        return added.error();

    auto userIds = insertUsers(domainId, domain.users, options, report);
    if (!userIds)
        return userIds.error();
    Status gateways = insertGateways(domainId, domain.users, *userIds, report);
    if (!gateways)
        return gateways.error();
    Status groups = insertGroups(domainId, domain, *userIds, report);
    if (!groups)
        return groups.error();
    return domainId;
}

Status DirectoryImporter::addAttributes(BatchInsert &batch, qint64 ownerId,
                                        const QList<model::Attribute> &list, qint64 &count,
                                        bool withDirection)
{
    for (const model::Attribute &item : list) {
        const QString name = item.name.trimmed();
        QVariantList row = {ownerId, name, NameRules::key(name), item.value,
                            enabledValue(item.enabled)};
        if (withDirection)
            row.append(item.direction);
        Status added = batch.add(row);
        if (!added)
            return added;
        ++count;
    }
    return {};
}

BatchInsert DirectoryImporter::attributeBatch(const QString &table, const QString &ownerColumn,
                                              bool withDirection)
{
    QStringList columns = {ownerColumn, QStringLiteral("name"), QStringLiteral("name_key"),
                           QStringLiteral("value"), QStringLiteral("enabled")};
    if (withDirection)
        columns.append(QStringLiteral("direction"));
    return BatchInsert(m_database, table, columns);
}

Result<QHash<QString, qint64>> DirectoryImporter::idsByName(const QString &sql, qint64 domainId)
{
    auto query = m_database.exec(sql, {domainId});
    if (!query)
        return query.error();
    QHash<QString, qint64> ids;
    while (query->next())
        ids.insert(query->value(1).toString(), query->value(0).toLongLong());
    return ids;
}

Result<QHash<QString, qint64>> DirectoryImporter::insertUsers(qint64 domainId,
                                                              const QList<model::User> &users,
                                                              const ImportOptions &options,
                                                              model::ImportReport &report)
{
    BatchInsert batch(m_database, QStringLiteral("users"),
                      {QStringLiteral("domain_id"), QStringLiteral("name"),
                       QStringLiteral("name_key"), QStringLiteral("number_alias"),
                       QStringLiteral("alias_key"), QStringLiteral("cidr"), QStringLiteral("cache"),
                       QStringLiteral("cacheable"), QStringLiteral("enabled"),
                       QStringLiteral("extra_xml")});
    for (const model::User &user : users) {
        Status cancelled = checkCancelled(options);
        if (!cancelled)
            return cancelled.error();
        const QString name = user.name.trimmed();
        const QString alias = user.numberAlias.trimmed();
        Status added = batch.add({domainId, name, NameRules::key(name), alias,
                                  alias.isEmpty() ? QVariant() : QVariant(NameRules::key(alias)),
                                  user.cidr, cacheMilliseconds(user),
                                  user.hasCacheable ? QVariant(user.cacheable) : QVariant(),
                                  enabledValue(user.enabled), user.extraXml});
        if (!added)
            return added.error();
        ++report.counts.users;
    }
    Status flushed = batch.flush();
    if (!flushed)
        return flushed.error();

    auto ids = idsByName(QStringLiteral("SELECT id, name_key FROM users WHERE domain_id = ?"),
                         domainId);
    if (!ids)
        return ids.error();
    BatchInsert params = attributeBatch(QStringLiteral("user_params"), QStringLiteral("user_id"));
    BatchInsert variables = attributeBatch(QStringLiteral("user_vars"), QStringLiteral("user_id"));
    for (const model::User &user : users) {
        const qint64 userId = ids->value(NameRules::key(user.name.trimmed()));
        Status added = addAttributes(params, userId, user.params, report.counts.userParams);
        if (!added)
            return added.error();
        added = addAttributes(variables, userId, user.variables, report.counts.userVariables);
        if (!added)
            return added.error();
    }
    Status attributesFlushed = params.flush();
    if (attributesFlushed)
        attributesFlushed = variables.flush();
    if (!attributesFlushed)
        return attributesFlushed.error();
    return ids;
}

Status DirectoryImporter::insertGateways(qint64 domainId, const QList<model::User> &users,
                                         const QHash<QString, qint64> &userIds,
                                         model::ImportReport &report)
{
    reportSharedGateways(users, domainId, report);
    BatchInsert batch(m_database, QStringLiteral("gateways"),
                      {QStringLiteral("user_id"), QStringLiteral("name"), QStringLiteral("name_key"),
                       QStringLiteral("enabled"), QStringLiteral("extra_xml")});
    bool any = false;
    for (const model::User &user : users) {
        const qint64 userId = userIds.value(NameRules::key(user.name.trimmed()));
        for (const model::Gateway &gateway : user.gateways) {
            const QString name = gateway.name.trimmed();
            Status added = batch.add({userId, name, NameRules::key(name),
                                      enabledValue(gateway.enabled), gateway.extraXml});
            if (!added)
                return added;
            ++report.counts.gateways;
            any = true;
        }
    }
    if (!any)
        return {};
    Status flushed = batch.flush();
    if (!flushed)
        return flushed;

    auto query = m_database.exec(
        QStringLiteral("SELECT g.id, g.user_id, g.name_key FROM gateways g JOIN users u ON "
                       "g.user_id = u.id WHERE u.domain_id = ?"),
        {domainId});
    if (!query)
        return query.error();
    QHash<QPair<qint64, QString>, qint64> gatewayIds;
    while (query->next()) {
        gatewayIds.insert({query->value(1).toLongLong(), query->value(2).toString()},
                          query->value(0).toLongLong());
    }
    BatchInsert params = attributeBatch(QStringLiteral("gateway_params"),
                                        QStringLiteral("gateway_id"));
    BatchInsert variables = attributeBatch(QStringLiteral("gateway_vars"),
                                           QStringLiteral("gateway_id"), true);
    for (const model::User &user : users) {
        const qint64 userId = userIds.value(NameRules::key(user.name.trimmed()));
        for (const model::Gateway &gateway : user.gateways) {
            const qint64 gatewayId =
                gatewayIds.value({userId, NameRules::key(gateway.name.trimmed())});
            Status added = addAttributes(params, gatewayId, gateway.params,
                                         report.counts.gatewayParams);
            if (!added)
                return added;
            added = addAttributes(variables, gatewayId, gateway.variables,
                                  report.counts.gatewayVariables, true);
            if (!added)
                return added;
        }
    }
    Status paramsFlushed = params.flush();
    return paramsFlushed ? variables.flush() : paramsFlushed;
}

void DirectoryImporter::reportSharedGateways(const QList<model::User> &users, qint64 domainId,
                                             model::ImportReport &report)
{
    for (const model::User &user : users) {
        for (const model::Gateway &gateway : user.gateways) {
            const QString name = gateway.name.trimmed();
            const QString key = NameRules::key(name);
            const QString owner = QStringLiteral("user \"%1\"").arg(user.name.trimmed());
            QString other = m_importedGateways.value(key);
            if (other.isEmpty()) {
                auto query = m_database.exec(
                    QStringLiteral("SELECT u.name, d.name FROM gateways g JOIN users u ON "
                                   "g.user_id = u.id JOIN domains d ON u.domain_id = d.id WHERE "
                                   "g.name_key = ? AND d.id <> ?"),
                    {key, domainId});
                if (query && query->next()) {
                    other = QStringLiteral("user \"%1\" of domain \"%2\"")
                                .arg(query->value(0).toString(), query->value(1).toString());
                }
            }
            if (!other.isEmpty()) {
                report.warnings.append(model::ReportItem{
                    QStringLiteral("Gateway \"%1\" of %2 has the name of a gateway of %3; "
                                   "mod_sofia loads only one gateway of a name.")
                        .arg(name, owner, other),
                    gateway.location});
            }
            m_importedGateways.insert(key, owner);
        }
    }
}

Status DirectoryImporter::insertGroups(qint64 domainId, const model::Domain &domain,
                                       const QHash<QString, qint64> &userIds,
                                       model::ImportReport &report)
{
    if (domain.groups.isEmpty())
        return {};
    BatchInsert batch(m_database, QStringLiteral("directory_groups"),
                      {QStringLiteral("domain_id"), QStringLiteral("name"),
                       QStringLiteral("name_key"), QStringLiteral("enabled"),
                       QStringLiteral("extra_xml")});
    for (const model::Group &group : domain.groups) {
        const QString name = group.name.trimmed();
        Status added = batch.add({domainId, name, NameRules::key(name),
                                  enabledValue(group.enabled), group.extraXml});
        if (!added)
            return added;
        ++report.counts.groups;
    }
    Status flushed = batch.flush();
    if (!flushed)
        return flushed;
    auto groupIds = idsByName(
        QStringLiteral("SELECT id, name_key FROM directory_groups WHERE domain_id = ?"), domainId);
    if (!groupIds)
        return groupIds.error();

    BatchInsert members(m_database, QStringLiteral("group_members"),
                        {QStringLiteral("group_id"), QStringLiteral("user_id"),
                         QStringLiteral("type"), QStringLiteral("enabled")});
    BatchInsert params = attributeBatch(QStringLiteral("group_params"), QStringLiteral("group_id"));
    BatchInsert variables = attributeBatch(QStringLiteral("group_vars"), QStringLiteral("group_id"));
    for (const model::Group &group : domain.groups) {
        const qint64 groupId = groupIds->value(NameRules::key(group.name.trimmed()));
        Status added = addAttributes(params, groupId, group.params, report.counts.groupParams);
        if (!added)
            return added;
        added = addAttributes(variables, groupId, group.variables, report.counts.groupVariables);
        if (!added)
            return added;
        for (const model::Membership &member : group.members) {
            const qint64 userId = userIds.value(NameRules::key(member.userName.trimmed()));
            Status added = members.add({groupId, userId, member.type,
                                        enabledValue(member.enabled)});
            if (!added)
                return added;
            ++report.counts.memberships;
            if (member.type == QLatin1String("pointer"))
                ++report.counts.pointers;
        }
    }
    Status attributesFlushed = params.flush();
    if (attributesFlushed)
        attributesFlushed = variables.flush();
    return attributesFlushed ? members.flush() : attributesFlushed;
}

} // namespace fsd
