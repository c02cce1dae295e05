// SPDX-License-Identifier: MPL-2.0
#include "core/xml/CanonicalDump.h"
#include "core/xml/DirectoryWriter.h"
#include "tests/support/TestSupport.h"
#include "tests/xml/XmlTestHelpers.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace fsd;
using xml::CanonicalDump;
using xml::DirectoryWriter;

class tst_DirectoryWriter : public QObject
{
    Q_OBJECT

private:
    static model::Attribute attribute(const QString &name, const QString &value,
                                      bool enabled = true, const QString &direction = {})
    {
        model::Attribute item;
        item.name = name;
        item.value = value;
        item.enabled = enabled;
        item.direction = direction;
        return item;
    }

    // A domain that uses every field, with one disabled item of each kind.
    static model::DirectoryTree sampleTree()
    {
        model::Domain domain;
        domain.name = QStringLiteral("pbx.example.com");
        domain.params = {attribute(QStringLiteral("dial-string"), QStringLiteral("${x}")),
                         attribute(QStringLiteral("off"), QStringLiteral("1"), false)};
        domain.variables = {attribute(QStringLiteral("note"), QStringLiteral("Zoë Ångström & Co"))};

        model::User alice;
        alice.name = QStringLiteral("alice");
        alice.numberAlias = QStringLiteral("100");
        alice.cidr = QStringLiteral("192.0.2.0/24");
        alice.hasCacheable = true;
        alice.cacheable = QStringLiteral("60000");
        alice.params = {attribute(QStringLiteral("password"), QStringLiteral("p&ss\"<555>")),
                        attribute(QStringLiteral("multi"), QStringLiteral("a\nb\tc\rd"))};
        alice.variables = {attribute(QStringLiteral("effective_caller_id_name"),
                                     QStringLiteral("Café Müller")),
                           attribute(QStringLiteral("weird"), QStringLiteral("x-pre-process <?"))};
        model::Gateway gateway;
        gateway.name = QStringLiteral("acme");
        gateway.params = {attribute(QStringLiteral("username"), QStringLiteral("u"))};
        gateway.variables = {attribute(QStringLiteral("v"), QStringLiteral("1"), true,
                                       QStringLiteral("inbound"))};
        model::Gateway off = gateway;
        off.name = QStringLiteral("off");
        off.enabled = false;
        alice.gateways = {gateway, off};
        alice.extraXml = QStringLiteral("<vcard>\n  <x a=\"1\"/>\n</vcard>");

        model::User bob;
        bob.name = QStringLiteral("bob");
        bob.hasCacheable = true;
        bob.cacheable = QStringLiteral("true");
        model::User carol;
        carol.name = QStringLiteral("carol");
        carol.enabled = false;
        model::User dave;
        dave.name = QStringLiteral("dave");
        domain.users = {alice, bob, carol, dave};

        model::Group sales;
        sales.name = QStringLiteral("sales");
        sales.params = {attribute(QStringLiteral("gp"), QStringLiteral("1"))};
        sales.members = {model::Membership{0, QStringLiteral("bob"), QStringLiteral("pointer"),
                                           true, {}},
                         model::Membership{0, QStringLiteral("alice"), QString(), true, {}},
                         model::Membership{0, QStringLiteral("dave"), QString(), false, {}},
                         model::Membership{0, QStringLiteral("carol"), QString(), true, {}}};
        model::Group hidden;
        hidden.name = QStringLiteral("hidden");
        hidden.enabled = false;
        hidden.members = {model::Membership{0, QStringLiteral("bob"), QString(), true, {}}};
        domain.groups = {sales, hidden};

        model::Domain disabled;
        disabled.name = QStringLiteral("off.example.com");
        disabled.enabled = false;

        model::DirectoryTree tree;
        tree.domains = {domain, disabled};
        return tree;
    }

    static model::DirectoryTree reread(const QByteArray &xml)
    {
        model::ImportReport report;
        auto tree = test::readText(xml, report);
        if (!tree.ok())
            qFatal("re-read failed: %s", qPrintable(tree.error().detail));
        return *tree;
    }

private slots:
    void backupRoundTripIsIdentical()
    {
        const model::DirectoryTree tree = sampleTree();
        const QByteArray xml = DirectoryWriter(DirectoryWriter::Mode::Backup).writeDocument(tree);
        QCOMPARE(CanonicalDump::dump(reread(xml)), CanonicalDump::dump(tree));
    }

    void freeswitchRoundTripDropsDisabled()
    {
        const model::DirectoryTree tree = sampleTree();
        const QByteArray xml =
            DirectoryWriter(DirectoryWriter::Mode::FreeSwitch).writeDocument(tree);
        QVERIFY(!xml.contains("fsdirector-enabled"));
        QVERIFY(!xml.contains("off.example.com"));
        QCOMPARE(CanonicalDump::dump(reread(xml)),
                 CanonicalDump::dump(CanonicalDump::withoutDisabled(tree)));
    }

    void everyElementOnItsOwnLine()
    {
        const QByteArray xml =
            DirectoryWriter(DirectoryWriter::Mode::Backup).writeDocument(sampleTree());
        for (const QByteArray &line : xml.split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith("<x "))
                continue;
            QVERIFY2(trimmed.count('<') == 1, line.constData());
        }
    }

    void valuesAreEscaped()
    {
        const QByteArray xml =
            DirectoryWriter(DirectoryWriter::Mode::Backup).writeDocument(sampleTree());
        QVERIFY(xml.contains("value=\"p&amp;ss&quot;&lt;555&gt;\""));
        QVERIFY(xml.contains("value=\"a&#10;b&#9;c&#13;d\""));
        QVERIFY(xml.contains("value=\"x&#45;pre-process &lt;?\""));
        QVERIFY(xml.contains("Café Müller"));
    }

    void usersPlacedWhereFreeswitchFindsThem()
    {
        const QByteArray xml =
            DirectoryWriter(DirectoryWriter::Mode::FreeSwitch).writeDocument(sampleTree());
        const QString text = QString::fromUtf8(xml);
        // alice is defined in sales; bob's defining group is disabled and dave's definition
        // membership too, so both sit directly under <domain> after <groups>.
        const qsizetype groupsEnd = text.indexOf(QLatin1String("</groups>"));
        QVERIFY(text.indexOf(QLatin1String("<user id=\"alice\"")) < groupsEnd);
        QVERIFY(text.indexOf(QLatin1String("<user id=\"bob\" type=\"pointer\"/>")) < groupsEnd);
        QVERIFY(text.indexOf(QLatin1String("<user id=\"bob\" cacheable")) > groupsEnd);
        QVERIFY(text.indexOf(QLatin1String("<user id=\"dave\"")) > groupsEnd);
        QVERIFY(!text.contains(QLatin1String("carol")));
        QVERIFY(!text.contains(QLatin1String("<users>\n    <user id=\"dave\"")));
        // Never a domain-level <users>: FreeSWITCH would stop finding direct users.
        QCOMPARE(text.count(QLatin1String("<users>")), 1);
    }

    void folderModeWritesOneFilePerDomain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("directory"));
        auto written = DirectoryWriter(DirectoryWriter::Mode::Backup).writeTo(sampleTree(), folder);
        FSD_VERIFY_OK(written);
        QCOMPARE(written->size(), 2);
        QFile file(QDir(folder).filePath(QStringLiteral("pbx.example.com.xml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.startsWith("<include>\n  <domain name=\"pbx.example.com\">\n"));
        QVERIFY(content.endsWith("</domain>\n</include>\n"));

        model::ImportReport report;
        auto tree = test::readPath(folder, {}, report);
        FSD_VERIFY_OK(tree);
        QCOMPARE(CanonicalDump::dump(*tree), CanonicalDump::dump(sampleTree()));
    }

    void unknownModeIsRejected()
    {
        auto mode = DirectoryWriter::parseMode(QStringLiteral("full"));
        QVERIFY(!mode.ok());
        QVERIFY(mode.error().detail.contains(QLatin1String("\"full\"")));
    }
};

QTEST_GUILESS_MAIN(tst_DirectoryWriter)
#include "tst_directorywriter.moc"
