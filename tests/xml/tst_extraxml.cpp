// SPDX-License-Identifier: MPL-2.0
#include "core/xml/ExtraXml.h"

#include <QTest>

using namespace fsd;
using xml::ExtraXml;

class tst_ExtraXml : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        const QString skinny = QStringLiteral(
            "<skinny>\n  <buttons>\n    <button position=\"1\" label=\"Line 1\"/>\n"
            "    <button position=\"5\" label=\"Call &amp; go\"/>\n  </buttons>\n</skinny>");
        QTest::newRow("source file layout")
            << QStringLiteral("<skinny>\n    <buttons>\n      <!--\n      position: 1..\n"
                              "      -->\n      <button position=\"1\" label=\"Line 1\"/>\n\n"
                              "      <button position='5' label=\"Call &amp; go\"/>\n"
                              "    </buttons>\n   </skinny>")
            << skinny;
        QTest::newRow("switch_xml_toxml layout")
            << QStringLiteral("<skinny>\n    \n                    <buttons>\n\n      \n"
                              "                      <button position=\"1\" label=\"Line 1\">"
                              "</button>\n\n                      <button position=\"5\" "
                              "label=\"Call &amp; go\"></button>\n\n    </buttons>\n\n   </skinny>")
            << skinny;
        QTest::newRow("text joined across a comment")
            << QStringLiteral("<a>\n  foo<!-- c -->bar \n</a>") << QStringLiteral("<a>foobar</a>");
        QTest::newRow("text on its own lines beside elements")
            << QStringLiteral("<a>x <b/> y</a>")
            << QStringLiteral("<a>\n  x\n  <b/>\n  y\n</a>");
        QTest::newRow("cdata") << QStringLiteral("<a><![CDATA[<&>]]></a>")
                               << QStringLiteral("<a>&lt;&amp;&gt;</a>");
        QTest::newRow("escaped values")
            << QStringLiteral("<a v=\"l1&#10;l2&#9;&#13;&quot;&lt;'\">one\ntwo \"q\"</a>")
            << QStringLiteral(
                   "<a v=\"l1&#10;l2&#9;&#13;&quot;&lt;'\">one&#10;two &quot;q&quot;</a>");
        QTest::newRow("non-ASCII kept, no-break space not trimmed")
            << QStringLiteral("<a n=\"Zo&#xEB;\">&#xA0;Caf\u00e9 </a>")
            << QStringLiteral("<a n=\"Zo\u00eb\">\u00a0Caf\u00e9</a>");
        QTest::newRow("preprocessor word")
            << QStringLiteral("<a x-pre-process=\"1\" v=\"X-PRE-PROCESS\">"
                              "<X-PRE-PROCESS cmd=\"exec\"/></a>")
            << QStringLiteral("<a v=\"X&#45;PRE-PROCESS\"/>");
        QTest::newRow("several elements")
            << QStringLiteral("<a/>\n<!-- c -->\n<b>t</b>") << QStringLiteral("<a/>\n<b>t</b>");
    }

    void canonical()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::optional<QString> output = ExtraXml::canonical(input);
        QVERIFY(output.has_value());
        QCOMPARE(*output, expected);
        QCOMPARE(ExtraXml::canonical(*output), output);
    }

    void canonicalIndentsToDepth()
    {
        QCOMPARE(ExtraXml::canonical(u"<a>\n<b>t</b>\n</a>\n<c/>", 2),
                 QStringLiteral("    <a>\n      <b>t</b>\n    </a>\n    <c/>"));
    }

    void malformedGivesNothing()
    {
        QVERIFY(!ExtraXml::canonical(u"<a><b></a>").has_value());
        QVERIFY(!ExtraXml::canonical(u"<a>&nbsp;</a>").has_value());
        QVERIFY(!ExtraXml::canonical(u"<a/></fragment><b/>").has_value());
    }
};

QTEST_GUILESS_MAIN(tst_ExtraXml)
#include "tst_extraxml.moc"
