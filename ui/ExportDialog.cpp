// SPDX-License-Identifier: MPL-2.0
#include "ui/ExportDialog.h"

#include "ui/Prompter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace fsd::ui {

ExportDialog::ExportDialog(Prompter *prompter, QWidget *parent)
    : RequestDialog(parent)
    , m_prompter(prompter)
    , m_mode(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_pathLabel(new QLabel(this))
{
    setWindowTitle(tr("Export XML"));
    m_mode->setObjectName(QStringLiteral("modeBox"));
    m_mode->addItem(tr("For FreeSWITCH (disabled items left out)"), QStringLiteral("freeswitch"));
    m_mode->addItem(tr("Backup (everything, restorable by an import)"), QStringLiteral("backup"));
    m_target->setObjectName(QStringLiteral("targetBox"));
    m_target->addItem(tr("One XML file"), false);
    m_target->addItem(tr("A folder with one file per domain (for conf/directory/)"), true);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    form()->addRow(tr("Mode:"), m_mode);
    form()->addRow(tr("Write:"), m_target);
    form()->addRow(m_pathLabel, pathRow);
    okButton()->setText(tr("Export"));
    setMinimumWidth(480);
    updatePathLabel();
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePathLabel);
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

bool ExportDialog::toFolder() const
{
    return m_target->currentData().toBool();
}

void ExportDialog::setToFolder(bool folder)
{
    m_target->setCurrentIndex(folder ? 1 : 0);
}

void ExportDialog::browse()
{
    const QString chosen =
        toFolder() ? m_prompter->openFolder(this, tr("Export the directory to the folder"))
                   : m_prompter->saveFile(this, tr("Export the directory to"),
                                          QStringLiteral("directory.xml"), tr("XML files (*.xml)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updatePathLabel()
{
    m_pathLabel->setText(toFolder() ? tr("Folder:") : tr("File:"));
    m_path->setPlaceholderText(toFolder() ? tr("directory") : tr("directory.xml"));
}

} // namespace fsd::ui
