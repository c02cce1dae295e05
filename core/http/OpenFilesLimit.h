// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QtGlobal>

namespace fsd {

// Raises the soft limit of open files (RLIMIT_NOFILE) to the hard limit, once per process, and
// returns the soft limit in force afterwards (-1 when it is unknown or unlimited).
qint64 raiseOpenFilesLimit();

} // namespace fsd
