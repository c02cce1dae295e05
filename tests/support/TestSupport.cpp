// SPDX-License-Identifier: MPL-2.0
#include "tests/support/TestSupport.h"

#include <QDir>

namespace fsd::test {

QString vanillaConfigDir(const char *fixturesDir)
{
    return QDir(QString::fromUtf8(fixturesDir)).absoluteFilePath(QStringLiteral("freeswitch-vanilla"));
}

} // namespace fsd::test
