// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QString>

namespace fsd {

// Turns the --database value or the settings file's database/path into DatabaseOptions:
// a file path selects SQLite, and a URL
//   postgresql://[user@][host][:port]/dbname[?schema=name]
// selects PostgreSQL (postgres:// is accepted too; no host means the local Unix socket).
// A URL with a password is rejected, because command lines and settings paths end up in
// process lists and logs: the password comes from DatabaseOptions::password instead.
Result<DatabaseOptions> parseDatabaseLocation(const QString &location);

} // namespace fsd
