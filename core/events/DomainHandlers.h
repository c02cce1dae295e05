// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Rows.h"

namespace fsd {

class Database;
class Dispatcher;

// The [Domains] events: list, add, rename, enable/disable, delete, details and the domain's
// parameters and variables.
void registerDomainHandlers(Dispatcher &dispatcher);

// Loads a domain or fails with `domain not found`; shared by the handlers of every area.
Result<DomainRow> requireDomain(Database &database, qint64 id);

} // namespace fsd
