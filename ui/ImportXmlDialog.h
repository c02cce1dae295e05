// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace fsd::ui {

class Prompter;

// Asks what to import: a directory XML file or a whole FreeSWITCH conf/ folder, plus variables
// to fix before the files are read (as FreeSWITCH's $${name}). "Check only" reads the files
// and runs the import on the server as a dry run, which also finds conflicts with the stored
// directory and stores nothing. "Import" stores it.
class ImportXmlDialog : public QDialog
{
    Q_OBJECT

public:
    ImportXmlDialog(Prompter *prompter, QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    bool isFolder() const;
    void setFolder(bool folder);
    // Variables with a non-empty name, in table order.
    QList<QPair<QString, QString>> variables() const;
    void addVariable(const QString &name, const QString &value);
    void showError(const QString &text);

    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *importButton() const { return m_import; }

signals:
    void checkRequested();
    void importRequested();

private:
    void browse();
    bool validate();

    Prompter *m_prompter;
    QRadioButton *m_fileChoice;
    QRadioButton *m_folderChoice;
    QLineEdit *m_path;
    QTableWidget *m_variables;
    QLabel *m_error;
    QPushButton *m_check;
    QPushButton *m_import;
};

} // namespace fsd::ui
