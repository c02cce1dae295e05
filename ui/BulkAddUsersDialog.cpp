// SPDX-License-Identifier: MPL-2.0
#include "ui/BulkAddUsersDialog.h"

#include "core/events/BulkUserNames.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

namespace fsd::ui {

BulkAddUsersDialog::BulkAddUsersDialog(const QString &domainName, QWidget *parent)
    : RequestDialog(parent)
    , m_name(new QLineEdit(this))
    , m_count(new QSpinBox(this))
    , m_preview(new QListWidget(this))
{
    setWindowTitle(tr("Add users to %1").arg(domainName));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("for example ext1000 or ext007"));
    m_count->setObjectName(QStringLiteral("countBox"));
    m_count->setRange(1, MaxCount);
    m_count->setValue(10);
    m_preview->setObjectName(QStringLiteral("previewList"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);

    form()->addRow(tr("First user name:"), m_name);
    form()->addRow(tr("Number of users:"), m_count);
    form()->addRow(tr("Names:"), m_preview);
    auto *note = new QLabel(tr("Each new user gets a generated strong password."), this);
    note->setWordWrap(true);
    form()->addRow(note);

    connect(m_name, &QLineEdit::textChanged, this, &BulkAddUsersDialog::updatePreview);
    connect(m_count, &QSpinBox::valueChanged, this, &BulkAddUsersDialog::updatePreview);
    updatePreview();
    setMinimumWidth(400);
}

QString BulkAddUsersDialog::firstName() const
{
    return m_name->text().trimmed();
}

int BulkAddUsersDialog::count() const
{
    return m_count->value();
}

QStringList BulkAddUsersDialog::previewNames() const
{
    QStringList names;
    for (int row = 0; row < m_preview->count(); ++row)
        names << m_preview->item(row)->text();
    return names;
}

// The preview uses the server's own name generator, so what it shows is what gets added.
void BulkAddUsersDialog::updatePreview()
{
    m_preview->clear();
    clearError();
    if (firstName().isEmpty()) {
        okButton()->setEnabled(false);
        return;
    }
    const auto names = BulkUserNames::generate(firstName(), count());
    if (!names) {
        const ApiError &error = names.error();
        showError(error.detail.isEmpty() ? error.error : error.detail);
        okButton()->setEnabled(false);
        return;
    }
    m_preview->addItems(names.value());
    okButton()->setEnabled(!isBusy());
}

} // namespace fsd::ui
