// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>

namespace fsd {

struct DatabaseOptions;

// What Database needs to know about PostgreSQL beyond the SQL both backends share: libpq
// connection options, the session settings of every connection, and the error text of a
// failed connection attempt.
namespace postgres {

// libpq options appended to the connection string (Qt's QPSQL driver turns ';' into ' ').
QString connectOptions();
// Rejects schema names that would need quoting, so that they can go into SQL text as they are.
Status checkSchemaName(const QString &schema);
// Statements that set up a new session: lock wait limit, schema, read-only mode. The schema
// must exist unless `createSchema` is set.
QStringList sessionStatements(const DatabaseOptions &options, bool createSchema);
// Builds the message for a connection that libpq rejected. It names host, port, database and
// user, and what to do for the usual causes (server down, database or role missing, password).
QString describeOpenFailure(const DatabaseOptions &options, const QString &location,
                            const QString &driverMessage);

} // namespace postgres
} // namespace fsd
