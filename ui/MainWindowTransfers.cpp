// SPDX-License-Identifier: MPL-2.0
// MainWindow's import, export, settings and connection actions.
#include "ui/MainWindow.h"

#include "ui/Prompter.h"

#include <QApplication>
#include <QMessageBox>

namespace fsd::ui {

void MainWindow::importXml()
{
    // TODO: replaced by the import dialog.
}

void MainWindow::importFromFreeSwitch() {}

void MainWindow::exportXml() {}

void MainWindow::openSettings() {}

void MainWindow::connectToServer() {}

void MainWindow::useLocalDirectory()
{
    useChannel(nullptr);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About fsdirector"),
                       tr("<p><b>fsdirector %1</b></p><p>Administration tool for the FreeSWITCH "
                          "directory.</p><p>Licensed under the Mozilla Public License 2.0.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace fsd::ui
