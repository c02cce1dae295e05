// SPDX-License-Identifier: MPL-2.0
#include "ui/RequestDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fsd::ui {

RequestDialog::RequestDialog(QWidget *parent)
    : QDialog(parent)
    , m_layout(new QVBoxLayout(this))
    , m_form(new QFormLayout)
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_layout->addLayout(m_form);
    m_layout->addWidget(m_error);
    m_layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RequestDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RequestDialog::reject);
}

QPushButton *RequestDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void RequestDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void RequestDialog::clearError()
{
    m_error->clear();
    m_error->hide();
}

void RequestDialog::setBusy(bool busy)
{
    m_busy = busy;
    okButton()->setEnabled(!busy);
}

void RequestDialog::finish()
{
    QDialog::accept();
}

void RequestDialog::accept()
{
    if (m_busy)
        return;
    clearError();
    emit submitted();
}

} // namespace fsd::ui
