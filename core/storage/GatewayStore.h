// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

#include <QList>
#include <optional>

namespace fsd {

class Database;

// Rows of the gateways table: gateways that mod_sofia loads from a directory user. Names are
// unique per user. Rows carry the domain of their user, which the API replies name.
class GatewayStore
{
public:
    explicit GatewayStore(Database &database) : m_database(database) {}

    Result<QList<GatewayRow>> list() const;
    Result<std::optional<GatewayRow>> find(qint64 id) const;
    Result<GatewayRow> add(qint64 userId, qint64 domainId, const QString &name);
    Status rename(const GatewayRow &gateway, const QString &name);
    Status setEnabled(qint64 id, bool enabled);
    Status remove(qint64 id);
    // Names of domains other than `domainId` whose users have a gateway called `name`:
    // mod_sofia loads only one gateway of a name, so a clash is worth reporting.
    Result<QStringList> domainsSharingName(const QString &name, qint64 exceptId) const;

private:
    Status checkUnique(qint64 userId, const QString &name, qint64 exceptId) const;

    Database &m_database;
};

} // namespace fsd
