// SPDX-License-Identifier: MPL-2.0
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/freeswitch/SwitchXmlPrinter.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTcpSocket>
#include <QTest>

using namespace fsd;
using test::SwitchXmlPrinter;

// The test double's fidelity to FreeSWITCH: switch_xml_toxml's layout and escaping, and the
// Event Socket framing.
class tst_FakeEventSocket : public QObject
{
    Q_OBJECT

private:
    static QByteArray printed(const char *xml, const QList<QByteArray> &path = {"a"})
    {
        auto output = SwitchXmlPrinter::print(QString::fromUtf8(xml), path);
        if (!output)
            qFatal("not well-formed: %s", xml);
        return *output;
    }

    // Runs the session of a raw Event Socket client: auth, `api COMMAND`, exit. Returns every
    // byte received until the server closed the connection.
    static QByteArray rawSession(quint16 port, const QByteArray &command)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(5000))
            return {};
        QByteArray received;
        const auto readUntil = [&](const std::function<bool()> &done) {
            while (!done() && socket.waitForReadyRead(5000))
                received += socket.readAll();
        };
        readUntil([&]() { return received.count("\n\n") >= 1; });
        socket.write("auth ClueCon\n\n");
        readUntil([&]() { return received.count("\n\n") >= 2; });
        socket.write("api " + command + "\n\n");
        const qsizetype start = received.size();
        readUntil([&]() {
            const qsizetype headerEnd = received.indexOf("\n\n", start);
            if (headerEnd < 0)
                return false;
            const QByteArray header = received.mid(start, headerEnd - start);
            const qsizetype at = header.indexOf("Content-Length: ");
            const qsizetype length = header.mid(at + 16).split('\n').first().toLongLong();
            return received.size() >= headerEnd + 2 + length;
        });
        socket.write("exit\n\n");
        readUntil([]() { return false; });
        received += socket.readAll();
        return received;
    }

private slots:
    void nestedElementsKeepSourceWhitespace()
    {
        // Text before each child is printed, then two spaces per level; leaves get "</x>".
        QCOMPARE(printed("<a x=\"1\">\n  <b/>\n  <c>t</c>\n</a>"),
                 QByteArray("<a x=\"1\">\n    <b></b>\n\n    <c>t</c>\n\n</a>\n"));
    }

    void childRightAfterTagStartsNewLine()
    {
        QCOMPARE(printed("<a><b><c/></b></a>"),
                 QByteArray("<a>\n  <b>\n    <c></c>\n  </b>\n</a>\n"));
    }

    void commentsAreDropped()
    {
        QCOMPARE(printed("<a>\n  <!-- note -->\n  <b/>\n</a>"),
                 QByteArray("<a>\n  \n    <b></b>\n\n</a>\n"));
    }

    void siblingsWithoutTextRepeatText()
    {
        // switch_xml_ampencode reads a length of 0 as "to the end of the string".
        QCOMPARE(printed("<a><b/><c/>x</a>"), QByteArray("<a>x  <b></b>\nx  <c></c>\nx</a>\n"));
    }

    void printsNamedDescendant()
    {
        QCOMPARE(printed("<document>\n  <section name=\"s\">\n    <d/>\n  </section>\n</document>",
                         {"document", "section"}),
                 QByteArray("<section name=\"s\">\n      <d></d>\n\n  </section>\n"));
        QVERIFY(!SwitchXmlPrinter::print(QStringLiteral("<a><b/></a>"), {"a", "c"}));
        QVERIFY(!SwitchXmlPrinter::print(QStringLiteral("<a><b></a>"), {"a"}));
    }

    void ampencode_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("attribute");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("markup, attribute")
            << QByteArray("p&ss\"<555>'") << true << QByteArray("p&amp;ss&quot;&lt;555&gt;'");
        QTest::newRow("markup, text")
            << QByteArray("p&ss\"<555>'") << false << QByteArray("p&amp;ss\"&lt;555&gt;'");
        QTest::newRow("whitespace, attribute")
            << QByteArray("a\nb\tc\rd") << true << QByteArray("a&#xA;b&#x9;c&#xD;d");
        QTest::newRow("whitespace, text")
            << QByteArray("a\nb\tc\rd") << false << QByteArray("a\nb\tc&#xD;d");
        QTest::newRow("two, three and four bytes")
            << QByteArray("Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80") << true
            << QByteArray("Zo&#xEB; &#x20AC; &#x1F600;");
        QTest::newRow("stray continuation byte")
            << QByteArray("a\x80z") << false << QByteArray("az");
        QTest::newRow("after <!") << QByteArray("x<!y&\xc3\xab") << false
                                  << QByteArray("x<!y&\xc3\xab");
    }

    void ampencode()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, attribute);
        QFETCH(QByteArray, expected);
        QCOMPARE(SwitchXmlPrinter::ampencode(input, attribute), expected);
    }

    void vanillaAnswerHasFreeSwitchLayout()
    {
        const QByteArray answer = test::FakeEventSocket::vanillaDirectoryAnswer(
            test::vanillaConfigDir(FSD_FIXTURES_DIR));
        QVERIFY(answer.startsWith(
            "<section name=\"directory\" description=\"User Directory\">\n\n\n  \n"
            "    <domain name=\"127.0.0.1\">\n"));
        QVERIFY(answer.endsWith("  </domain>\n\n  </section>\n"));
        QVERIFY(!answer.contains("/>"));
        QVERIFY(!answer.contains("<!--"));
        QVERIFY(!answer.contains("$${"));
        QVERIFY(answer.contains("<button position=\"1\" type=\"Line\" label=\"Line 1\" "
                                "value=\"1101\" caller-name=\"Calling as 1101\"></button>\n"));
    }

    void exitSendsDisconnectNotice()
    {
        test::FakeEventSocket::OnThread server([](test::FakeEventSocket &fake) {
            fake.setGlobalVariable("hostname", "pbx");
        });
        QCOMPARE(rawSession(server.port(), "global_getvar hostname"),
                 QByteArray("Content-Type: auth/request\n\n"
                            "Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                            "Content-Type: api/response\nContent-Length: 3\n\npbx"
                            "Content-Type: command/reply\nReply-Text: +OK bye\n\n"
                            "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                            "Disconnected, goodbye.\n"
                            "See you at ClueCon! http://www.cluecon.com/\n"));
    }

    // Compares the double's whole session with one recorded from a real FreeSWITCH serving the
    // vanilla configuration with local_ip_v4=127.0.0.1, when FSD_XML_LOCATE_CAPTURE names a
    // file with the bytes it sent for auth, `api xml_locate directory` and exit.
    void sessionMatchesCapture()
    {
        const QString capturePath = qEnvironmentVariable("FSD_XML_LOCATE_CAPTURE");
        if (capturePath.isEmpty())
            QSKIP("Set FSD_XML_LOCATE_CAPTURE to a capture of a real FreeSWITCH to compare.");
        QFile capture(capturePath);
        QVERIFY2(capture.open(QIODevice::ReadOnly), qPrintable(capture.errorString()));
        const QByteArray expected = capture.readAll();

        const QByteArray answer = test::FakeEventSocket::vanillaDirectoryAnswer(
            test::vanillaConfigDir(FSD_FIXTURES_DIR));
        test::FakeEventSocket::OnThread server([&](test::FakeEventSocket &fake) {
            fake.setApiOutput("xml_locate directory", answer);
        });
        const QByteArray actual = rawSession(server.port(), "xml_locate directory");
        qsizetype at = 0;
        while (at < actual.size() && at < expected.size() && actual.at(at) == expected.at(at))
            ++at;
        // 80 bytes around the first difference, with line breaks as %0A.
        const auto around = [at](const QByteArray &bytes) {
            return QString::fromUtf8(bytes.mid(qMax(0, at - 40), 80).toPercentEncoding(" <>=\"/"));
        };
        QVERIFY2(actual == expected,
                 qPrintable(QStringLiteral("first difference at byte %1 of %2 (capture %3):\n"
                                           "double:  %4\ncapture: %5")
                                .arg(at)
                                .arg(actual.size())
                                .arg(expected.size())
                                .arg(around(actual), around(expected))));
    }
};

QTEST_GUILESS_MAIN(tst_FakeEventSocket)
#include "tst_fakeeventsocket.moc"
