// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace fsd::ui {

// Base of the dialogs whose OK sends a request. OK emits submitted() and leaves the dialog
// open while the owner sends the request. On success the owner calls finish(); on failure it
// calls showError() with the server's message, which appears under the fields so that the
// operator can correct them.
class RequestDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RequestDialog(QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    QPushButton *okButton() const;
    QLabel *errorLabel() const { return m_error; }

    void showError(const QString &text);
    void clearError();
    // While busy, OK is disabled, so a request is not sent twice.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // Closes the dialog as accepted.
    void finish();

    // Emits submitted() instead of closing.
    void accept() override;

signals:
    void submitted();

protected:
    // The vertical layout holding the form, the error label and the buttons, for subclasses
    // that add widgets below the form.
    QVBoxLayout *mainLayout() const { return m_layout; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }

private:
    QVBoxLayout *m_layout;
    QFormLayout *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace fsd::ui
