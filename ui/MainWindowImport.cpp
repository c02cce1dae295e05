// SPDX-License-Identifier: MPL-2.0
// MainWindow's Import XML: files are read and preprocessed here, the flattened XML is sent.
#include "ui/MainWindow.h"

#include "ui/ImportXmlDialog.h"

namespace fsd::ui {

void MainWindow::importXml()
{
    auto *dialog = new ImportXmlDialog(m_prompter.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportXmlDialog::checkRequested, this, [dialog]() {
        dialog->showError(tr("Reading XML files needs the XML import of this build, which is "
                             "not available yet."));
    });
    connect(dialog, &ImportXmlDialog::importRequested, this, [dialog]() {
        dialog->showError(tr("Reading XML files needs the XML import of this build, which is "
                             "not available yet."));
    });
    dialog->open();
}

} // namespace fsd::ui
