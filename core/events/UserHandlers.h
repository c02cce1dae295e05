// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

namespace fsd {

class Database;
class Dispatcher;

// The [Users] events: list, details, add (with bulk), rename, enable/disable, delete, cache,
// CIDR, number alias, and the user's parameters and variables.
void registerUserHandlers(Dispatcher &dispatcher);

// Loads a user or fails with `user not found`; shared by the group and gateway handlers.
Result<UserRow> requireUser(Database &database, qint64 id);

} // namespace fsd
