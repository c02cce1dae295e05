// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/RequestDialog.h"

class QLineEdit;
class QListWidget;
class QSpinBox;

namespace fsd::ui {

// Adds up to 100 users at once: the first name and a count, with a preview of the names the
// server will generate (the last run of digits counts up, keeping its width).
class BulkAddUsersDialog : public RequestDialog
{
    Q_OBJECT

public:
    // The API takes at most this many users per request.
    static constexpr int MaxCount = 100;

    explicit BulkAddUsersDialog(const QString &domainName, QWidget *parent = nullptr);

    QString firstName() const;
    int count() const;
    QStringList previewNames() const;

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *countBox() const { return m_count; }

private:
    void updatePreview();

    QLineEdit *m_name;
    QSpinBox *m_count;
    QListWidget *m_preview;
};

} // namespace fsd::ui
