// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"
#include "core/model/ImportReport.h"

#include <QHash>
#include <QList>

#include <atomic>

namespace fsd {

class BatchInsert;
class Database;

struct ImportOptions
{
    // Runs every check and insert, then rolls back; the report shows what would be created.
    bool dryRun = false;
    // When set and true, the import stops at the next user and rolls back.
    const std::atomic<bool> *cancel = nullptr;
};

// Writes imported directory items to storage in one transaction: all or nothing. Checks every
// naming and uniqueness rule first (ImportValidator), rejects domains that already exist, and
// reports gateway names that other users already have, because mod_sofia loads only one gateway
// of a name. Inside a transaction the caller opened, the import joins it (a failure then rolls
// back the caller's transaction too) and a dry run uses a savepoint.
class DirectoryImporter
{
public:
    explicit DirectoryImporter(Database &database) : m_database(database) {}

    // Stores every domain of `tree` and returns their new ids.
    Result<QList<qint64>> importTree(const model::DirectoryTree &tree,
                                     const ImportOptions &options, model::ImportReport &report);
    // Adds users, without group memberships, to the existing domain `domainId` and returns
    // their new ids.
    Result<QList<qint64>> importUsers(qint64 domainId, const QList<model::User> &users,
                                      const ImportOptions &options, model::ImportReport &report);

private:
    Result<QList<qint64>> runAtomically(const ImportOptions &options,
                                        const std::function<Result<QList<qint64>>()> &work);
    Status checkCancelled(const ImportOptions &options) const;
    Result<qint64> insertDomain(const model::Domain &domain, const ImportOptions &options,
                                model::ImportReport &report);
    Result<QHash<QString, qint64>> insertUsers(qint64 domainId, const QList<model::User> &users,
                                               const ImportOptions &options,
                                               model::ImportReport &report);
    Status insertGateways(qint64 domainId, const QList<model::User> &users,
                          const QHash<QString, qint64> &userIds, model::ImportReport &report);
    Status insertGroups(qint64 domainId, const model::Domain &domain,
                        const QHash<QString, qint64> &userIds, model::ImportReport &report);
    // A batch for one parameter or variable table; every owner's rows share it.
    BatchInsert attributeBatch(const QString &table, const QString &ownerColumn,
                               bool withDirection = false);
    Status addAttributes(BatchInsert &batch, qint64 ownerId, const QList<model::Attribute> &list,
                         qint64 &count, bool withDirection = false);
    Result<QHash<QString, qint64>> idsByName(const QString &sql, qint64 domainId);
    void reportSharedGateways(const QList<model::User> &users, qint64 domainId,
                              model::ImportReport &report);

    Database &m_database;
    // Gateway names (keys) imported so far in this import, with their domain and user.
    QHash<QString, QString> m_importedGateways;
};

} // namespace fsd
