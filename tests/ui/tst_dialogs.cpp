// SPDX-License-Identifier: MPL-2.0
// The window's dialogs on their own: what they show, check and produce.
#include "core/app/AppSettings.h"
#include "tests/ui/ModelTestHelpers.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/AddMembersDialog.h"
#include "ui/BulkAddUsersDialog.h"
#include "ui/ImportReportDialog.h"
#include "ui/Translations.h"
#include "ui/ImportXmlDialog.h"
#include "ui/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace fsd;
using namespace fsd::test;

class DialogsTest : public QObject
{
    Q_OBJECT

private slots:
    void bulkPreview_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("keeps width") << "ext007" << 3 << QStringList{"ext007", "ext008", "ext009"};
        QTest::newRow("grows past nines") << "u98" << 3 << QStringList{"u98", "u99", "u100"};
        QTest::newRow("last run of digits") << "a1b09" << 2 << QStringList{"a1b09", "a1b10"};
        QTest::newRow("one without digits") << "alice" << 1 << QStringList{"alice"};
    }

    void bulkPreview()
    {
        QFETCH(QString, first);
        QFETCH(int, count);
        QFETCH(QStringList, names);

        ui::BulkAddUsersDialog dialog(QStringLiteral("example.com"));
        dialog.nameEdit()->setText(first);
        dialog.countBox()->setValue(count);
        QCOMPARE(dialog.previewNames(), names);
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.errorLabel()->isHidden());
    }

    void bulkPreviewRejectsNameWithoutDigits()
    {
        ui::BulkAddUsersDialog dialog(QStringLiteral("example.com"));
        dialog.nameEdit()->setText(QStringLiteral("alice"));
        dialog.countBox()->setValue(5);
        QVERIFY(dialog.previewNames().isEmpty());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("no digits")));
    }

    void bulkCountStopsAtApiLimit()
    {
        ui::BulkAddUsersDialog dialog(QStringLiteral("example.com"));
        dialog.countBox()->setValue(1000);
        QCOMPARE(dialog.count(), 100);
    }

    void membersExcludeCurrentOnes()
    {
        ui::AddMembersDialog dialog(QStringLiteral("sales"));
        dialog.setCandidates(10, json(R"({
            "MessageType": "[Groups] Get_group_users",
            "list": {"8": {"104": "4000", "105": "5000", "57": "1001", "58": "brian"}},
            "group_users": {"10": {"92": {"id": 92, "enabled": true, "user_id": 104,
                                          "name": "4000", "type": "pointer"}}}})"));
        QStringList shown;
        for (int row = 0; row < dialog.userList()->count(); ++row)
            shown << dialog.userList()->item(row)->text();
        QCOMPARE(shown, QStringList({"1001", "5000", "brian"}));

        dialog.filterEdit()->setText(QStringLiteral("BRI"));
        QVERIFY(dialog.userList()->item(0)->isHidden());
        QVERIFY(!dialog.userList()->item(2)->isHidden());

        dialog.checkUsers({105, 58});
        QCOMPARE(dialog.checkedUserIds(), QList<qint64>({105, 58}));
    }

    void reportListsCountsAndPlaces()
    {
        ui::ImportReportDialog dialog(QStringLiteral("Import XML"));
        dialog.setReport(json(R"({
            "dry_run": false,
            "counts": {"domains": 1, "users": 20, "groups": 2, "memberships": 20,
                       "gateways": 1, "user_params": 40, "user_variables": 160},
            "warnings": [{"message": "user 1000 has the sample password 1234",
                          "file": "directory/default/1000.xml", "line": 4, "column": 7}],
            "unmodelled": [{"message": "<vcard> kept verbatim"}],
            "variables": [],
            "sources": ["vars.xml", "directory/default.xml"]})"),
                         false);
        QVERIFY2(dialog.summary().contains(QStringLiteral("20 user(s) in 1 domain(s), 1 warning(s)")),
                 qPrintable(dialog.summary()));
        const QString details = dialog.details();
        QVERIFY(details.contains(QStringLiteral("20 user(s)")));
        QVERIFY(details.contains(QStringLiteral(
            "directory/default/1000.xml:4:7: user 1000 has the sample password 1234")));
        QVERIFY(details.contains(QStringLiteral("<vcard> kept verbatim")));
        QVERIFY(details.contains(QStringLiteral("vars.xml")));
    }

    void englishPluralsFromTranslation()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral("fsdirector_en"),
                             QStringLiteral(FSD_UI_TRANSLATIONS_DIR)));
        QCoreApplication::installTranslator(&english);
        ui::ImportReportDialog dialog(QStringLiteral("Import XML"));
        dialog.setReport(json(R"({"counts": {"domains": 1, "users": 20},
                                  "warnings": [{"message": "w"}]})"),
                         false);
        QCoreApplication::removeTranslator(&english);
        QVERIFY2(dialog.summary().contains(QStringLiteral("20 users in 1 domain, 1 warning.")),
                 qPrintable(dialog.summary()));
    }

    // A language without a translation of its own still gets the English plural forms.
    void pluralsWithoutTranslationOfLanguage()
    {
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        ui::installTranslations(*QCoreApplication::instance());
        ui::ImportReportDialog dialog(QStringLiteral("Import XML"));
        dialog.setReport(json(R"({"counts": {"domains": 1, "users": 1},
                                  "warnings": [{"message": "w"}, {"message": "v"}]})"),
                         true);
        const QList<QTranslator *> translators =
            QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(previous);
        QVERIFY2(dialog.summary().contains(QStringLiteral("1 user in 1 domain, 2 warnings.")),
                 qPrintable(dialog.summary()));
        QVERIFY2(dialog.details().contains(QStringLiteral("  1 domain\n")), qPrintable(dialog.details()));
    }

    void reportShowsError()
    {
        ui::ImportReportDialog dialog(QStringLiteral("Import XML"));
        dialog.setError(QStringLiteral("domain name already exists"));
        QVERIFY(dialog.summary().contains(QStringLiteral("Nothing was changed")));
        QCOMPARE(dialog.details(), QStringLiteral("domain name already exists"));
    }

    void importDialogChecksPath()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        ScriptedPrompter prompter;
        ui::ImportXmlDialog dialog(&prompter);
        QSignalSpy checks(&dialog, &ui::ImportXmlDialog::checkRequested);
        QSignalSpy imports(&dialog, &ui::ImportXmlDialog::importRequested);

        dialog.importButton()->click();
        QCOMPARE(imports.count(), 0);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(!error->isHidden());

        // A folder where a file is expected.
        dialog.setPath(folder.path());
        dialog.checkButton()->click();
        QCOMPARE(checks.count(), 0);
        QVERIFY(error->text().contains(QStringLiteral("is a folder")));

        dialog.setFolder(true);
        dialog.checkButton()->click();
        QCOMPARE(checks.count(), 1);
        QVERIFY(error->isHidden());

        // Browse goes through the prompter.
        prompter.paths = {QStringLiteral("/chosen/conf")};
        const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->text() == QStringLiteral("&Browse…"))
                button->click();
        }
        QCOMPARE(dialog.path(), QStringLiteral("/chosen/conf"));
    }

    void importDialogVariables()
    {
        ScriptedPrompter prompter;
        ui::ImportXmlDialog dialog(&prompter);
        dialog.addVariable(QStringLiteral("domain"), QStringLiteral("pbx.example.com"));
        dialog.addVariable(QString(), QStringLiteral("ignored"));
        dialog.addVariable(QStringLiteral(" local_ip_v4 "), QStringLiteral("192.0.2.1"));
        const QList<QPair<QString, QString>> expected{{"domain", "pbx.example.com"},
                                                      {"local_ip_v4", "192.0.2.1"}};
        QCOMPARE(dialog.variables(), expected);
    }

    void settingsSaveToFile()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString file = folder.filePath(QStringLiteral("fsdirector.ini"));
        ScriptedPrompter prompter;
        ui::SettingsDialog dialog(file, &prompter);
        QCOMPARE(dialog.apiListenEdit()->text(), QStringLiteral("127.0.0.1:8080"));

        dialog.databaseEdit()->setText(folder.filePath(QStringLiteral("other.sqlite")));
        dialog.apiListenEdit()->setText(QStringLiteral("127.0.0.1:9443"));
        dialog.eventSocketHostEdit()->setText(QStringLiteral("192.0.2.10"));
        dialog.eventSocketPortBox()->setValue(8022);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const AppSettings saved = AppSettings::load(file);
        QCOMPARE(saved.databasePath, folder.filePath(QStringLiteral("other.sqlite")));
        QCOMPARE(saved.apiListen, QStringLiteral("127.0.0.1:9443"));
        QCOMPARE(saved.eventSocketHost, QStringLiteral("192.0.2.10"));
        QCOMPARE(saved.eventSocketPort, 8022);
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }

    void settingsRejectBadAddress()
    {
        QTemporaryDir folder;
        const QString file = folder.filePath(QStringLiteral("fsdirector.ini"));
        ScriptedPrompter prompter;
        ui::SettingsDialog dialog(file, &prompter);
        dialog.show();
        dialog.apiListenEdit()->setText(QStringLiteral("localhost"));
        dialog.accept();
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("\"localhost\"")));
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_MAIN(DialogsTest)
#include "tst_dialogs.moc"
