// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

namespace fsd {

class Database;

// The versioned schema. Each migration runs once, in order, in its own transaction; the
// version reached is stored in schema_version.
class Schema
{
public:
    static int latestVersion();
    // Applies every migration newer than the stored version.
    static Status migrate(Database &database);
    static Result<int> currentVersion(Database &database);
};

} // namespace fsd
