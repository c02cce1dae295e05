// SPDX-License-Identifier: MPL-2.0
#include "ui/ExportDialog.h"

#include "ui/Prompter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace fsd::ui {

ExportDialog::ExportDialog(Prompter *prompter, QWidget *parent)
    : RequestDialog(parent)
    , m_prompter(prompter)
    , m_mode(new QComboBox(this))
    , m_path(new QLineEdit(this))
{
    setWindowTitle(tr("Export XML"));
    m_mode->setObjectName(QStringLiteral("modeBox"));
    m_mode->addItem(tr("For FreeSWITCH (disabled items left out)"), QStringLiteral("freeswitch"));
    m_mode->addItem(tr("Backup (everything, restorable by an import)"), QStringLiteral("backup"));
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("directory.xml"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    form()->addRow(tr("Mode:"), m_mode);
    form()->addRow(tr("File:"), pathRow);
    okButton()->setText(tr("Export"));
    setMinimumWidth(480);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
}

QString ExportDialog::mode() const
{
    return m_mode->currentData().toString();
}

void ExportDialog::setMode(const QString &mode)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(mode)));
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::browse()
{
    const QString chosen = m_prompter->saveFile(this, tr("Export the directory to"),
                                                QStringLiteral("directory.xml"),
                                                tr("XML files (*.xml)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

} // namespace fsd::ui
