// SPDX-License-Identifier: MPL-2.0
#include "ui/ImportXmlDialog.h"

#include "ui/Prompter.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fsd::ui {

ImportXmlDialog::ImportXmlDialog(Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_prompter(prompter)
    , m_fileChoice(new QRadioButton(tr("A directory XML &file"), this))
    , m_folderChoice(new QRadioButton(tr("A FreeSWITCH &conf/ folder"), this))
    , m_path(new QLineEdit(this))
    , m_variables(new QTableWidget(0, 2, this))
    , m_error(new QLabel(this))
    , m_check(new QPushButton(tr("Check &Only"), this))
    , m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import XML"));
    m_fileChoice->setChecked(true);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("/etc/freeswitch/directory/default.xml"));
    auto *browse = new QPushButton(tr("&Browse…"), this);

    m_variables->setObjectName(QStringLiteral("variableTable"));
    m_variables->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->hide();
    auto *addVariable = new QPushButton(tr("Add Variable"), this);
    auto *removeVariable = new QPushButton(tr("Remove Variable"), this);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *variableButtons = new QHBoxLayout;
    variableButtons->addWidget(addVariable);
    variableButtons->addWidget(removeVariable);
    variableButtons->addStretch();

    auto *form = new QFormLayout;
    auto *choices = new QVBoxLayout;
    choices->addWidget(m_fileChoice);
    choices->addWidget(m_folderChoice);
    form->addRow(tr("Import:"), choices);
    form->addRow(tr("Path:"), pathRow);
    auto *variablesNote = new QLabel(
        tr("Variables set here replace those of vars.xml, such as domain or default_password. "
           "Values FreeSWITCH computes at run time (local_ip_v4, hostname) must be set here."),
        this);
    variablesNote->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(variablesNote);
    layout->addWidget(m_variables, 1);
    layout->addLayout(variableButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 440);

    connect(browse, &QPushButton::clicked, this, &ImportXmlDialog::browse);
    connect(addVariable, &QPushButton::clicked, this, [this]() {
        this->addVariable(QString(), QString());
        m_variables->editItem(m_variables->item(m_variables->rowCount() - 1, 0));
    });
    connect(removeVariable, &QPushButton::clicked, this, [this]() {
        if (m_variables->currentRow() >= 0)
            m_variables->removeRow(m_variables->currentRow());
    });
    connect(m_check, &QPushButton::clicked, this, [this]() {
        if (validate())
            emit checkRequested();
    });
    connect(m_import, &QPushButton::clicked, this, [this]() {
        if (validate())
            emit importRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ImportXmlDialog::path() const
{
    return m_path->text().trimmed();
}

void ImportXmlDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ImportXmlDialog::isFolder() const
{
    return m_folderChoice->isChecked();
}

void ImportXmlDialog::setFolder(bool folder)
{
    (folder ? m_folderChoice : m_fileChoice)->setChecked(true);
}

QList<QPair<QString, QString>> ImportXmlDialog::variables() const
{
    QList<QPair<QString, QString>> result;
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QTableWidgetItem *name = m_variables->item(row, 0);
        const QTableWidgetItem *value = m_variables->item(row, 1);
        if (!name || name->text().trimmed().isEmpty())
            continue;
        result.append({name->text().trimmed(), value ? value->text() : QString()});
    }
    return result;
}

void ImportXmlDialog::addVariable(const QString &name, const QString &value)
{
    const int row = m_variables->rowCount();
    m_variables->insertRow(row);
    m_variables->setItem(row, 0, new QTableWidgetItem(name));
    m_variables->setItem(row, 1, new QTableWidgetItem(value));
}

void ImportXmlDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ImportXmlDialog::browse()
{
    const QString chosen =
        isFolder() ? m_prompter->openFolder(this, tr("Choose a FreeSWITCH conf/ folder"))
                   : m_prompter->openFile(this, tr("Choose a directory XML file"),
                                          tr("XML files (*.xml);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

bool ImportXmlDialog::validate()
{
    const QFileInfo info(path());
    QString error;
    if (path().isEmpty())
        error = tr("Choose a file or folder to import.");
    else if (!info.exists())
        error = tr("\"%1\" does not exist. Check the path.").arg(path());
    else if (isFolder() && !info.isDir())
        error = tr("\"%1\" is a file; choose \"A directory XML file\" or pick a folder.")
                    .arg(path());
    else if (!isFolder() && info.isDir())
        error = tr("\"%1\" is a folder; choose \"A FreeSWITCH conf/ folder\" or pick a file.")
                    .arg(path());
    showError(error);
    return error.isEmpty();
}

} // namespace fsd::ui
