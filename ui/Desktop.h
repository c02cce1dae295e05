// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd {
class DirectoryService;
class NetworkServices;
} // namespace fsd

namespace fsd::ui {

// Shows the desktop window on the directory of `service` and runs the event loop until the
// window closes; returns the exit code for main(). Needs a QApplication. `services` are the
// listeners the application started (null when none), `serverError` the reason starting them
// failed, and `settingsFile` the INI file the Settings dialog edits.
int runDesktop(DirectoryService &service, const NetworkServices *services,
               const QString &settingsFile, const QString &serverError = {});

} // namespace fsd::ui
