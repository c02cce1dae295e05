// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd::test {

// Folder of the FreeSWITCH sample configuration (freeswitch-vanilla/), from the CMake cache
// variable FSD_FIXTURES_DIR.
QString vanillaConfigDir(const char *fixturesDir);

} // namespace fsd::test

// Fails the test with the error's detail when `result` (a fsd::Result) holds an error.
#define FSD_VERIFY_OK(result)                                                                     \
    do {                                                                                           \
        if (!(result).ok())                                                                        \
            QFAIL(qPrintable((result).error().error + QLatin1String(": ")                         \
                             + (result).error().detail));                                          \
    } while (false)
