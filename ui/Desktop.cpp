// SPDX-License-Identifier: MPL-2.0
#include "ui/Desktop.h"

#include "core/app/DirectoryService.h"
#include "core/events/LocalEventChannel.h"
#include "ui/LocalServerStatus.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QApplication>

namespace fsd::ui {

int runDesktop(DirectoryService &service, const NetworkServices *services,
               const QString &settingsFile, const QString &serverError)
{
    installTranslations(*QCoreApplication::instance());
    LocalEventChannel channel(service.queue(), service.location());
    MainWindow window(&channel);
    window.setSettingsFile(settingsFile);
    window.setLocalServerStatus(LocalServerStatus::of(services, serverError));
    window.show();
    return QApplication::exec();
}

} // namespace fsd::ui
