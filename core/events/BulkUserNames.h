// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QStringList>

namespace fsd::BulkUserNames {

// The names of a bulk add: `first`, then names that continue the last run of digits in it,
// keeping its width ("ext007" → "ext008", "u9" → "u10"). A name without digits is valid only
// for a count of 1; otherwise `wrong data` with a detail.
Result<QStringList> generate(const QString &first, qint64 count);

} // namespace fsd::BulkUserNames
