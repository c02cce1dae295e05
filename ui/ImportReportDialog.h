// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPlainTextEdit;

namespace fsd::ui {

// The outcome of an import or a check. It lists what was (or would be) created and every
// warning with the file and line it refers to, or else the error that stopped the import.
class ImportReportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportReportDialog(const QString &title, QWidget *parent = nullptr);

    // `report` is the API's report object: {"counts": {...}, "warnings": [...],
    // "unmodelled": [...], "variables": [...], "sources": [...]}. `checkOnly` is true when
    // nothing was stored.
    void setReport(const QJsonObject &report, bool checkOnly);
    void setError(const QString &text);

    QString summary() const;
    QString details() const;

private:
    QLabel *m_summary;
    QPlainTextEdit *m_details;
};

} // namespace fsd::ui
