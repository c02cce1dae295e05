// SPDX-License-Identifier: MPL-2.0
#include "core/xml/ImportSource.h"
#include "core/xml/Preprocessor.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fsd;
using namespace fsd::xml;

class tst_Preprocessor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

    static Result<PreprocessedText> run(const QString &path, PreprocessOptions options = {})
    {
        options.baseFolder = QFileInfo(path).absolutePath();
        Preprocessor preprocessor(options);
        Status added = preprocessor.addFile(path);
        if (!added)
            return added.error();
        return preprocessor.finish();
    }

    static bool notesMention(const PreprocessedText &text, const QString &needle)
    {
        for (const auto &note : text.notes) {
            if (note.message.contains(needle))
                return true;
        }
        return false;
    }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void includeGlobIsSortedBytewise()
    {
        write(QStringLiteral("glob/parts/b.xml"), "B\n");
        write(QStringLiteral("glob/parts/a.xml"), "a\n");
        write(QStringLiteral("glob/parts/C.xml"), "C\n");
        write(QStringLiteral("glob/parts/10.xml"), "10\n");
        write(QStringLiteral("glob/parts/9.xml"), "9\n");
        write(QStringLiteral("glob/parts/skip.txt"), "txt\n");
        const QString main = write(QStringLiteral("glob/main.xml"),
                                   "start\n<X-PRE-PROCESS cmd=\"include\" data=\"parts/*.xml\"/>\nend\n");
        auto result = run(main);
        FSD_VERIFY_OK(result);
        QCOMPARE(result->text, QStringLiteral("start\n10\n9\nC\na\nB\nend\n"));
    }

    void includeMapsLinesBackToFiles()
    {
        write(QStringLiteral("map/inc/one.xml"), "one-1\none-2\n");
        const QString main = write(QStringLiteral("map/main.xml"),
                                   "m1\n<X-PRE-PROCESS cmd=\"include\" data=\"inc/one.xml\"/>\nm3\n");
        auto result = run(main);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("m1\none-1\none-2\nm3\n"));
        const auto first = result->map.locate(1, 0);
        QCOMPARE(first.file, QStringLiteral("inc/one.xml"));
        QCOMPARE(first.line, 1);
        const auto second = result->map.locate(2, 3);
        QCOMPARE(second.file, QStringLiteral("inc/one.xml"));
        QCOMPARE(second.line, 2);
        QCOMPARE(second.column, 4);
        const auto last = result->map.locate(3, 0);
        QCOMPARE(last.file, QStringLiteral("main.xml"));
        QCOMPARE(last.line, 3);
    }

    void includeAndDeclarationLinesAreDropped_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("kept");
        QTest::newRow("include open") << QByteArray("  <include>") << false;
        QTest::newRow("include close") << QByteArray("</include>  ") << false;
        QTest::newRow("xml declaration") << QByteArray("<?xml version=\"1.0\"?>") << false;
        QTest::newRow("element after include") << QByteArray("<include><domain name=\"x\">")
                                               << false;
        QTest::newRow("include with attribute") << QByteArray("<include a=\"1\">") << true;
        // expand_vars cuts the raw line at the first $${...}, so FreeSWITCH checks only the
        // text before it.
        QTest::newRow("declaration after variable") << QByteArray("<a v=\"$${x}\"/><?") << true;
        QTest::newRow("plain element") << QByteArray("<domain name=\"x\">") << true;
    }

    void includeAndDeclarationLinesAreDropped()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, kept);
        const QString path = write(QStringLiteral("drop.xml"), "before\n" + line + "\nafter\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QCOMPARE(result->text.contains(QLatin1String("before\n")), true);
        QCOMPARE(result->text.split(QLatin1Char('\n')).size(), kept ? 4 : 3);
    }

    void prefixedTagIsNoDirective()
    {
        const QString path = write(
            QStringLiteral("xx.xml"),
            "<XX-PRE-PROCESS cmd=\"set\" data=\"hidden=1\"/>\n<a v=\"[$${hidden}]\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"[]\"/>\n"));
        QVERIFY(!result->variables.isDefined("hidden"));
    }

    void directiveRunsInsideComment()
    {
        // FreeSWITCH's vars.xml warns that an X-PRE-PROCESS line cannot be commented out.
        const QString path = write(QStringLiteral("comment.xml"),
                                   "<!-- <X-PRE-PROCESS cmd=\"set\" data=\"c=yes\"/> -->\n"
                                   "<a v=\"$${c}\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"yes\"/>\n"));
    }

    void setSplitsAtFirstEquals_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("plain") << QByteArray("a=b") << QByteArray("a") << QByteArray("b");
        QTest::newRow("second equals kept") << QByteArray("a=b=c") << QByteArray("a")
                                            << QByteArray("b=c");
        QTest::newRow("spaces around equals") << QByteArray("a  =  b ") << QByteArray("a")
                                              << QByteArray("b ");
        QTest::newRow("empty value") << QByteArray("a=") << QByteArray("a") << QByteArray("");
        QTest::newRow("ring tone") << QByteArray("bong-ring=v=-7;%(100,0,941.0);>=2")
                                   << QByteArray("bong-ring")
                                   << QByteArray("v=-7;%(100,0,941.0);>=2");
    }

    void setSplitsAtFirstEquals()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const QString path = write(QStringLiteral("set.xml"),
                                   "<X-PRE-PROCESS cmd=\"set\" data=\"" + data + "\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QVERIFY(result->variables.isDefined(name));
        QCOMPARE(result->variables.value(name), value);
        QCOMPARE(result->text, QString());
    }

    void setWithoutEqualsSetsNothing()
    {
        const QString path =
            write(QStringLiteral("noeq.xml"), "<X-PRE-PROCESS cmd=\"set\" data=\"lonely\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QVERIFY(!result->variables.isDefined("lonely"));
    }

    void undefinedVariableIsEmptyAndReported()
    {
        const QString path = write(QStringLiteral("undef.xml"),
                                   "<a v=\"[$${nowhere}]\" w=\"${runtime}\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"[]\" w=\"${runtime}\"/>\n"));
        QVERIFY(notesMention(*result, QStringLiteral("$${nowhere} is not defined")));
        QCOMPARE(result->emptyExpansions.value(0), QList<QByteArray>{"nowhere"});
    }

    void commandsNeverRun_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("exec-set") << QByteArray("exec-set") << QByteArray("ran=touch %1")
                                  << QByteArray("ran");
        QTest::newRow("stun-set") << QByteArray("stun-set")
                                  << QByteArray("ext=stun:stun.invalid") << QByteArray("ext");
        QTest::newRow("env-set") << QByteArray("env-set") << QByteArray("home=$HOME")
                                 << QByteArray("home");
        QTest::newRow("exec") << QByteArray("exec") << QByteArray("touch %1") << QByteArray();
        QTest::newRow("comment exec-set") << QByteArray("#exec-set") << QByteArray("ran=touch %1")
                                          << QByteArray("ran");
    }

    void commandsNeverRun()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, variable);
        const QString marker = m_dir.filePath(QStringLiteral("marker-%1").arg(QTest::currentDataTag()));
        data.replace("%1", QFile::encodeName(marker));
        const QByteArray line = command.startsWith('#')
                                    ? "<!--" + command + " \"" + data + "\"-->\n"
                                    : "<X-PRE-PROCESS cmd=\"" + command + "\" data=\"" + data
                                          + "\"/>\n";
        const QString path = write(QStringLiteral("cmd.xml"), line + "<a v=\"x\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QVERIFY(!QFile::exists(marker));
        if (!variable.isEmpty())
            QVERIFY(!result->variables.isDefined(variable));
        QVERIFY(notesMention(*result, QStringLiteral("not run")));
        QVERIFY(result->text.contains(QLatin1String("<a v=\"x\"/>")));
    }

    void suppliedVariableWinsOverSet()
    {
        const QString path = write(QStringLiteral("supplied.xml"),
                                   "<X-PRE-PROCESS cmd=\"set\" data=\"domain=file\"/>\n"
                                   "<a v=\"$${domain}\"/>\n");
        PreprocessOptions options;
        options.supplied = {{QStringLiteral("domain"), QStringLiteral("given")}};
        auto result = run(path, options);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"given\"/>\n"));
        QVERIFY(notesMention(*result, QStringLiteral("set of domain is ignored")));
    }

    void suppliedVariableFeedsExecSet()
    {
        const QString path = write(QStringLiteral("supplied-exec.xml"),
                                   "<X-PRE-PROCESS cmd=\"stun-set\" data=\"ext=stun:x\"/>\n"
                                   "<a v=\"$${ext}\"/>\n");
        PreprocessOptions options;
        options.supplied = {{QStringLiteral("ext"), QStringLiteral("192.0.2.1")}};
        auto result = run(path, options);
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"192.0.2.1\"/>\n"));
    }

    void chainExplainsEmptyValue()
    {
        const QString path = write(QStringLiteral("chain.xml"),
                                   "<X-PRE-PROCESS cmd=\"set\" data=\"domain=$${local_ip_v4}\"/>\n"
                                   "<X-PRE-PROCESS cmd=\"set\" data=\"alias=$${domain}\"/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        const QString chain = result->variables.explain("alias");
        QVERIFY2(chain.startsWith(QStringLiteral("alias (set at chain.xml:2:1) ← domain (set at "
                                                 "chain.xml:1:1) ← local_ip_v4, which FreeSWITCH "
                                                 "computes at run time")),
                 qPrintable(chain));
        QVERIFY(result->variables.isEmptiedByUndefined("alias"));
    }

    void commentDirectiveKeepsSurroundingText()
    {
        const QString path = write(QStringLiteral("hash.xml"),
                                   "<a/><!--#set \"h=1\"--><b v=\"$${h}\"/>\n"
                                   "<c/><!--#set \"m=2\"\n"
                                   "dropped\n"
                                   "still-->tail\n");
        auto result = run(path);
        QVERIFY(result.ok());
        // The text after "-->" is written before the directive runs, so $${h} was expanded
        // with the value h had before.
        QCOMPARE(result->text, QStringLiteral("<a/><b v=\"\"/>\n<c/>tail\n"));
        QCOMPARE(result->variables.value("h"), QByteArray("1"));
        QCOMPARE(result->variables.value("m"), QByteArray("2"));
    }

    void crlfLinesCountOnce()
    {
        const QString path = write(QStringLiteral("crlf.xml"), "a\r\nb\r\n\xff\r\n");
        auto result = run(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().detail.startsWith(QLatin1String("crlf.xml:3:1: not valid UTF-8")),
                 qPrintable(result.error().detail));
    }

    void invalidUtf8NamesLineAndColumn()
    {
        const QString path = write(QStringLiteral("cp1252.xml"),
                                   "<user id=\"1\">\n  <variable value=\"O\x92" "Brien\"/>\n");
        auto result = run(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().error, QStringLiteral("can't parse"));
        QVERIFY2(result.error().detail.startsWith(
                     QLatin1String("cp1252.xml:2:21: not valid UTF-8 (byte 0x92)")),
                 qPrintable(result.error().detail));
    }

    void apiTextRejectsInclude()
    {
        auto result = ImportSource::preprocessText(
            "<domain name=\"a\">\n<X-PRE-PROCESS cmd=\"include\" data=\"/etc/*\"/>\n</domain>\n",
            QStringLiteral("text"), {});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().detail.contains(QLatin1String("text:2:1")),
                 qPrintable(result.error().detail));
        QVERIFY(result.error().detail.contains(QLatin1String("cannot read the sender's files")));
    }

    void apiTextKeepsUndefinedVerbatim()
    {
        auto result = ImportSource::preprocessText(
            "<X-PRE-PROCESS cmd=\"set\" data=\"known=k\"/>\n<a v=\"$${known}$${unknown}\"/>\n",
            QStringLiteral("text"), {});
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<a v=\"k$${unknown}\"/>\n"));
        QVERIFY(notesMention(*result, QStringLiteral("stays as written")));
    }

    void varsFileFoundAboveDirectoryFolder()
    {
        write(QStringLiteral("conf/vars.xml"), "<X-PRE-PROCESS cmd=\"set\" data=\"d=example.org\"/>\n");
        const QString user = write(QStringLiteral("conf/directory/default/u.xml"),
                                   "<user id=\"$${d}\"/>\n");
        QCOMPARE(ImportSource::findVarsFile(QFileInfo(user).absolutePath()),
                 QFileInfo(m_dir.filePath(QStringLiteral("conf/vars.xml"))).absoluteFilePath());
        auto result = ImportSource::preprocessPath(user, {});
        QVERIFY(result.ok());
        QCOMPARE(result->text, QStringLiteral("<user id=\"example.org\"/>\n"));
        QCOMPARE(result->sources,
                 QStringList({QStringLiteral("vars.xml"), QStringLiteral("directory/default/u.xml")}));
    }

    void missingIncludeIsWarning()
    {
        const QString path = write(QStringLiteral("missing.xml"),
                                   "<X-PRE-PROCESS cmd=\"include\" data=\"none/*.xml\"/>\n<a/>\n");
        auto result = run(path);
        QVERIFY(result.ok());
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY(result->warnings.first().message.contains(QLatin1String("No file matches")));
    }

    void selfIncludeFails()
    {
        const QString path = write(QStringLiteral("loop.xml"),
                                   "<X-PRE-PROCESS cmd=\"include\" data=\"loop.xml\"/>\n");
        auto result = run(path);
        QVERIFY(!result.ok());
        QVERIFY(result.error().detail.contains(QLatin1String("nested more than 100 levels")));
    }
};

QTEST_GUILESS_MAIN(tst_Preprocessor)
#include "tst_preprocessor.moc"
