// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd::test {

// Folder of the FreeSWITCH sample configuration (freeswitch-vanilla/), from the CMake cache
// variable FSD_FIXTURES_DIR.
QString vanillaConfigDir(const char *fixturesDir);

} // namespace fsd::test
