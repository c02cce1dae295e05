// SPDX-License-Identifier: MPL-2.0
// Answers to FreeSWITCH's directory lookups, checked by the FreeSWITCH double: it posts the
// forms FreeSWITCH posts, preprocesses and parses the answers as FreeSWITCH does and reads
// them as the module that asked would.
#include "core/storage/LookupQueries.h"
#include "core/xmlcurl/DirectoryAnswerBuilder.h"
#include "core/xmlcurl/LookupForm.h"
#include "tests/support/TestSupport.h"
#include "tests/xmlcurl/DirectoryFixture.h"
#include "tests/xmlcurl/FreeSwitchDouble.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace fsd;
using namespace fsd::test;

namespace {

using Owner = DirectoryFixture::Owner;

// FreeSWITCH's "not found" document, written out independently of the code under test.
const QByteArray ExpectedNotFound =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<document type=\"freeswitch/xml\">\n"
    "  <section name=\"result\">\n"
    "    <result status=\"not found\"/>\n"
    "  </section>\n"
    "</document>\n";

const QStringList SecretNames = {
    QStringLiteral("password"),          QStringLiteral("a1-hash"),
    QStringLiteral("vm-password"),       QStringLiteral("vm-a1-hash"),
    QStringLiteral("esl-password"),      QStringLiteral("jsonrpc-password"),
    QStringLiteral("reverse-auth-user"), QStringLiteral("reverse-auth-pass"),
};

void collectParamNames(const XmlNode &node, QSet<QString> &names)
{
    if (node.name == QLatin1String("param"))
        names.insert(node.attributeSoft(QStringLiteral("name")).toLower());
    for (const auto &child : node.children)
        collectParamNames(*child, names);
}

// The secret parameter names anywhere in an answer, outside gateways.
QStringList secretsIn(const FreeSwitchDouble::Fetch &fetch)
{
    QSet<QString> names;
    if (fetch.root)
        collectParamNames(*fetch.root, names);
    QStringList secrets;
    for (const QString &secret : SecretNames) {
        if (names.contains(secret))
            secrets.append(secret);
    }
    return secrets;
}

// Values that FreeSWITCH's preprocessor or parser would change if written carelessly.
QList<QPair<QString, QString>> awkwardValues()
{
    return {
        {QStringLiteral("markup"), QStringLiteral("Zo\u00eb & \"Bob\" <ops> 'x' > y")},
        {QStringLiteral("unicode"), QStringLiteral("\u00dcn\u00efc\u00f8d\u00e9 \u2713 \u65e5\u672c")},
        {QStringLiteral("lines"), QStringLiteral("line1\nline2\ttab\r\nend")},
        {QStringLiteral("declaration"), QStringLiteral("<?xml version=\"1.0\"?>")},
        {QStringLiteral("include"), QStringLiteral("<include>x</include>")},
        {QStringLiteral("marker"), QStringLiteral("echo x-Pre-Process cmd=\"exec\"")},
        {QStringLiteral("command"), QStringLiteral("<X-PRE-PROCESS cmd=\"exec\" data=\"touch /tmp/x\"/>")},
        {QStringLiteral("comment-command"), QStringLiteral("<!--# set a=b -->")},
        {QStringLiteral("entities"), QStringLiteral("a&amp;b &#60; 50%25")},
        {QStringLiteral("spaces"), QStringLiteral("  two  spaces  ")},
    };
}

int g_unknownKindMessages = 0;
int g_largeAnswerMessages = 0;
QtMessageHandler g_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (QLatin1String(context.category) == QLatin1String("fsdirector.xmlcurl")) {
        if (message.contains(QLatin1String("unknown kind")))
            ++g_unknownKindMessages;
        if (type == QtWarningMsg && message.contains(QLatin1String("response-max-bytes")))
            ++g_largeAnswerMessages;
    }
    g_previousHandler(type, context, message);
}

} // namespace

class DirectoryAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sipAuthFindsVanillaUser();
    void sipAuthUnknownUserIsNotFound();
    void numberAliasFindsUser();
    void numberAliasKeyMatchesAliasOnly();
    void externalProfileGetsGateways();
    void answerSurvivesPreprocessing();
    void oneLineAnswerIsRejected();
    void disabledItemsAreLeftOut();
    void awkwardValuesArriveUnchanged();
    void storedGlobalsExpandInFreeSwitch();

    void secretsPerLookup_data();
    void secretsPerLookup();
    void domainPasswordOnlyForSipAuth();
    void emptyPasswordIsDenied();
    void operatorAllowEmptyPasswordIsKept();
    void voicemailFallsBackToPassword();
    void voicemailApiLoginChecksPin();
    void cacheableUserGetsEverySecret();
    void groupCallDialsMembers();
    void networkListReadsCidrs();
    void publishVoicemailReachesUsers();
    void skinnyAuthReadsButtons();
    void wholeDomainHasNoSecrets();
    void unknownKindIsReportedOnce();
    void otherSectionIsNotFound();
    void largeAnswerLogsWarning();
    void formKeepsLastDuplicate();

private:
    void addTestDomains();
    QByteArray userForm(const QString &action, const QString &user, const QString &domain) const;

    QTemporaryDir m_dir;
    Globals m_globals;
    std::unique_ptr<DirectoryFixture> m_fixture;
    DirectoryFixture::Vanilla m_vanilla;
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<LookupQueries> m_queries;
    std::unique_ptr<DirectoryAnswerBuilder> m_builder;
    std::unique_ptr<FreeSwitchDouble> m_freeswitch;
};

void DirectoryAnswersTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString vanillaDir = vanillaConfigDir(FSD_FIXTURES_DIR);
    m_globals = readGlobals(QDir(vanillaDir).filePath(QStringLiteral("vars.xml")),
                            {{QStringLiteral("local_ip_v4"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("local_ip_v6"), QStringLiteral("::1")}});
    QCOMPARE(m_globals.value(QStringLiteral("domain")), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_globals.value(QStringLiteral("default_password")), QStringLiteral("1234"));

    m_fixture = std::make_unique<DirectoryFixture>();
    m_vanilla = m_fixture->loadVanilla(vanillaDir, m_globals);
    QCOMPARE(m_vanilla.domainName, QStringLiteral("127.0.0.1"));
    QVERIFY(m_vanilla.users.contains(QStringLiteral("1001")));
    QVERIFY(m_vanilla.users.contains(QStringLiteral("example.com")));
    addTestDomains();

    auto reader = m_fixture->database().openClone(QStringLiteral("answers-reader"), true);
    QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().detail));
    m_reader = std::move(*reader);
    m_queries = std::make_unique<LookupQueries>(*m_reader);
    m_builder = std::make_unique<DirectoryAnswerBuilder>(*m_queries);
    m_freeswitch = std::make_unique<FreeSwitchDouble>(
        [this](const QByteArray &form) {
            const auto answer = m_builder->answer(form);
            return HttpAnswer{answer.failed ? 500 : 200, answer.document};
        },
        m_globals);
    g_previousHandler = qInstallMessageHandler(countingHandler);
}

void DirectoryAnswersTest::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void DirectoryAnswersTest::addTestDomains()
{
    DirectoryFixture &f = *m_fixture;

    const qint64 alias = f.addDomain(QStringLiteral("alias.test"));
    DirectoryFixture::UserRow aliased;
    aliased.name = QStringLiteral("1001");
    aliased.numberAlias = QStringLiteral("5550101");
    const qint64 aliasUser = f.addUser(alias, aliased);
    f.addParam(Owner::User, aliasUser, QStringLiteral("password"), QStringLiteral("alias-pass"));

    const qint64 off = f.addDomain(QStringLiteral("off.test"), false);
    f.addParam(Owner::User, f.addUser(off, QStringLiteral("1001")), QStringLiteral("password"),
               QStringLiteral("x"));

    const qint64 toggles = f.addDomain(QStringLiteral("toggles.test"));
    DirectoryFixture::UserRow disabled;
    disabled.name = QStringLiteral("1001");
    disabled.enabled = false;
    f.addParam(Owner::User, f.addUser(toggles, disabled), QStringLiteral("password"),
               QStringLiteral("x"));
    const qint64 partly = f.addUser(toggles, QStringLiteral("1002"));
    f.addParam(Owner::User, partly, QStringLiteral("password"), QStringLiteral("p1002"));
    f.addParam(Owner::User, partly, QStringLiteral("dial-string"), QStringLiteral("off"), false);
    f.addVariable(Owner::User, partly, QStringLiteral("user_context"), QStringLiteral("off"), false);
    f.addVariable(Owner::User, partly, QStringLiteral("accountcode"), QStringLiteral("1002"));
    const qint64 gatewayOff = f.addGateway(partly, QStringLiteral("gw-off"), false);
    f.addParam(Owner::Gateway, gatewayOff, QStringLiteral("username"), QStringLiteral("off"));
    const qint64 gatewayOn = f.addGateway(partly, QStringLiteral("gw-on"));
    f.addParam(Owner::Gateway, gatewayOn, QStringLiteral("username"), QStringLiteral("on"));
    f.addParam(Owner::Gateway, gatewayOn, QStringLiteral("proxy"), QStringLiteral("off"), false);
    f.addVariable(Owner::Gateway, gatewayOn, QStringLiteral("inbound_only"), QStringLiteral("1"),
                  true, QStringLiteral("inbound"));
    f.addVariable(Owner::Gateway, gatewayOn, QStringLiteral("both"), QStringLiteral("2"));
    const qint64 closedGroup = f.addGroup(toggles, QStringLiteral("closed"), false);
    const qint64 inClosed = f.addUser(toggles, QStringLiteral("1003"));
    f.addMember(closedGroup, inClosed);
    f.addParam(Owner::User, inClosed, QStringLiteral("password"), QStringLiteral("p1003"));

    const qint64 chars = f.addDomain(QStringLiteral("chars.test"));
    f.addParam(Owner::Domain, chars, QStringLiteral("dial-string"),
               QStringLiteral("{a=1&b=2}${sofia_contact(*/${dialed_user}@${dialed_domain})}"));
    const qint64 zoe = f.addUser(chars, QStringLiteral("zo\u00eb"));
    for (const auto &value : awkwardValues())
        f.addVariable(Owner::User, zoe, value.first, value.second);
    f.addParam(Owner::User, zoe, QStringLiteral("password"), QStringLiteral("$${default_password}"));
    f.addVariable(Owner::User, zoe, QStringLiteral("expanded"),
                  QStringLiteral("pw=$${default_password};domain=$${domain}"));

    const qint64 secrets = f.addDomain(QStringLiteral("secrets.test"));
    const qint64 alice = f.addUser(secrets, QStringLiteral("alice"));
    for (const QString &secret : SecretNames)
        f.addParam(Owner::User, alice, secret, secret + QStringLiteral("-value"));
    f.addParam(Owner::User, alice, QStringLiteral("dial-string"), QStringLiteral("user/alice"));
    f.addUser(secrets, QStringLiteral("nopass"));
    const qint64 optout = f.addUser(secrets, QStringLiteral("optout"));
    f.addParam(Owner::User, optout, QStringLiteral("allow-empty-password"), QStringLiteral("true"));
    const qint64 openvm = f.addUser(secrets, QStringLiteral("openvm"));
    f.addParam(Owner::User, openvm, QStringLiteral("password"), QStringLiteral("sip-secret"));
    f.addParam(Owner::User, openvm, QStringLiteral("a1-hash"), QStringLiteral("abcdef"));
    DirectoryFixture::UserRow cached;
    cached.name = QStringLiteral("cached");
    cached.cache = 60000;
    const qint64 cachedId = f.addUser(secrets, cached);
    f.addParam(Owner::User, cachedId, QStringLiteral("password"), QStringLiteral("cached-pass"));

    const qint64 domainPass = f.addDomain(QStringLiteral("domainpass.test"));
    f.addParam(Owner::Domain, domainPass, QStringLiteral("password"), QStringLiteral("shared"));
    f.addParam(Owner::Domain, domainPass, QStringLiteral("allow-empty-password"),
               QStringLiteral("true"));
    f.addUser(domainPass, QStringLiteral("bob"));

    const qint64 groups = f.addDomain(QStringLiteral("groups.test"));
    const qint64 sales = f.addGroup(groups, QStringLiteral("sales"));
    const qint64 support = f.addGroup(groups, QStringLiteral("support"));
    f.addParam(Owner::Group, support, QStringLiteral("vm-mailto"), QStringLiteral("support@example.com"));
    f.addVariable(Owner::Group, support, QStringLiteral("team"), QStringLiteral("support"));
    const qint64 u1 = f.addUser(groups, QStringLiteral("u1"));
    const qint64 u2 = f.addUser(groups, QStringLiteral("u2"));
    DirectoryFixture::UserRow u3Row;
    u3Row.name = QStringLiteral("u3");
    u3Row.cidr = QStringLiteral("198.51.100.7/32");
    const qint64 u3 = f.addUser(groups, u3Row);
    DirectoryFixture::UserRow u4Row;
    u4Row.name = QStringLiteral("u4");
    u4Row.cidr = QStringLiteral("192.0.2.0/24");
    const qint64 u4 = f.addUser(groups, u4Row);
    for (qint64 user : {u1, u2, u3, u4})
        f.addParam(Owner::User, user, QStringLiteral("password"), QStringLiteral("pw"));
    f.addMember(sales, u1);
    f.addMember(sales, u2);
    f.addMember(support, u3);
    f.addMember(support, u1, QStringLiteral("pointer"));
    f.addMember(support, u2, QStringLiteral("pointer"), false);
}

QByteArray DirectoryAnswersTest::userForm(const QString &action, const QString &user,
                                          const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), action);
    params.add(QStringLiteral("key"), QStringLiteral("id"));
    params.add(QStringLiteral("user"), user);
    params.add(QStringLiteral("domain"), domain);
    return params.form(QStringLiteral("directory"), QStringLiteral("domain"),
                       QStringLiteral("name"), domain);
}

void DirectoryAnswersTest::sipAuthFindsVanillaUser()
{
    const auto result = m_freeswitch->sipAuth(QStringLiteral("1001"), QStringLiteral("127.0.0.1"));

    QVERIFY(result.found);
    QCOMPARE(result.merged->attributeSoft(QStringLiteral("id")), QStringLiteral("1001"));
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("1234"));
    QCOMPARE(result.param(QStringLiteral("allow-empty-password")), QStringLiteral("false"));
    QVERIFY(!result.param(QStringLiteral("vm-password")));
    QCOMPARE(result.variable(QStringLiteral("user_context")), QStringLiteral("default"));
    // Merged from the domain, as FreeSWITCH does with its static files.
    QCOMPARE(result.variable(QStringLiteral("record_stereo")), QStringLiteral("true"));
    QCOMPARE(result.param(QStringLiteral("jsonrpc-allowed-methods")), QStringLiteral("verto"));
    QCOMPARE(result.merged->attributeSoft(QStringLiteral("domain-name")),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(result.located.group->attributeSoft(QStringLiteral("name")), QStringLiteral("default"));
    QVERIFY(!FreeSwitchDouble::registersWithoutCredentials(result));
}

void DirectoryAnswersTest::sipAuthUnknownUserIsNotFound()
{
    const auto result = m_freeswitch->sipAuth(QStringLiteral("1099"), QStringLiteral("127.0.0.1"));

    QVERIFY(!result.found);
    QCOMPARE(result.fetches.size(), 1);
    QCOMPARE(result.fetches.first().answer.status, 200);
    QCOMPARE(result.fetches.first().answer.body, ExpectedNotFound);
    QVERIFY(result.fetches.first().notFound);
}

void DirectoryAnswersTest::numberAliasFindsUser()
{
    const auto byAlias = m_freeswitch->sipAuth(QStringLiteral("5550101"),
                                               QStringLiteral("alias.test"));
    QVERIFY(byAlias.found);
    QCOMPARE(byAlias.merged->attributeSoft(QStringLiteral("id")), QStringLiteral("1001"));
    QCOMPARE(byAlias.param(QStringLiteral("password")), QStringLiteral("alias-pass"));

    QCOMPARE(m_freeswitch->messageCountId(QStringLiteral("5550101"), QStringLiteral("alias.test")),
             QStringLiteral("1001"));

    const auto unknown = m_freeswitch->sipAuth(QStringLiteral("5550199"),
                                               QStringLiteral("alias.test"));
    QVERIFY(!unknown.found);
    QCOMPARE(unknown.fetches.first().answer.body, ExpectedNotFound);
    QCOMPARE(m_freeswitch->messageCountId(QStringLiteral("5550199"), QStringLiteral("alias.test")),
             QStringLiteral("5550199"));
}

void DirectoryAnswersTest::numberAliasKeyMatchesAliasOnly()
{
    // The second attempt of "id:number-alias" in a GENERAL event: both keys are in the form.
    FreeSwitchEvent params(FreeSwitchEvent::Type::General);
    params.add(QStringLiteral("action"), QStringLiteral("message-count"));
    params.add(QStringLiteral("key"), QStringLiteral("id"));
    const auto byAlias = m_freeswitch->locateUser(QStringLiteral("number-alias"),
                                                  QStringLiteral("5550101"),
                                                  QStringLiteral("alias.test"), QString(), params);
    QVERIFY(byAlias.fetches.first().form.contains("&key=id&"));
    QVERIFY(byAlias.fetches.first().form.contains("&key=number-alias&"));
    QVERIFY(byAlias.found);
    QCOMPARE(byAlias.located.user->attributeSoft(QStringLiteral("id")), QStringLiteral("1001"));

    FreeSwitchEvent byNameParams(FreeSwitchEvent::Type::General);
    byNameParams.add(QStringLiteral("action"), QStringLiteral("message-count"));
    const auto byName = m_freeswitch->locateUser(QStringLiteral("number-alias"),
                                                 QStringLiteral("1001"),
                                                 QStringLiteral("alias.test"), QString(),
                                                 byNameParams);
    QVERIFY(!byName.found);
    QCOMPARE(byName.fetches.first().answer.body, ExpectedNotFound);
}

void DirectoryAnswersTest::externalProfileGetsGateways()
{
    const auto gateways = m_freeswitch->profileGateways(QStringLiteral("external"));

    QStringList names;
    for (const auto &gateway : gateways)
        names.append(gateway.name);
    QCOMPARE(names, QStringList({QStringLiteral("example.com"), QStringLiteral("gw-on")}));
    const auto &example = gateways.first();
    QCOMPARE(lastValue(example.params, QStringLiteral("username")), QStringLiteral("joeuser"));
    QCOMPARE(lastValue(example.params, QStringLiteral("password")), QStringLiteral("password"));
    QCOMPARE(lastValue(example.params, QStringLiteral("from-user")), QStringLiteral("joeuser"));
    QCOMPARE(lastValue(example.params, QStringLiteral("from-domain")), QStringLiteral("example.com"));
    QCOMPARE(lastValue(example.params, QStringLiteral("expire-seconds")), QStringLiteral("600"));
    QCOMPARE(lastValue(example.params, QStringLiteral("register")), QStringLiteral("false"));
    QCOMPARE(lastValue(example.params, QStringLiteral("retry-seconds")), QStringLiteral("30"));
    QCOMPARE(lastValue(example.params, QStringLiteral("extension")), QStringLiteral("5000"));
    QCOMPARE(lastValue(example.params, QStringLiteral("context")), QStringLiteral("public"));
    QCOMPARE(example.params.size(), 9);

    // No user password anywhere: users carry only their gateways.
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("purpose"), QStringLiteral("gateways"));
    params.add(QStringLiteral("profile"), QStringLiteral("external"));
    const auto fetched = m_freeswitch->fetch(
        params.form(QStringLiteral("directory"), QString(), QString(), QString()));
    QVERIFY(fetched.root);
    const XmlNode *domain = locateDomain(*fetched.root, QStringLiteral("127.0.0.1"));
    QVERIFY(domain);
    QVERIFY(!domain->child(QStringLiteral("params")));
    const LocatedUser provider = locateUserInDomain(const_cast<XmlNode *>(domain),
                                                    QStringLiteral("id"),
                                                    QStringLiteral("example.com"), QString());
    QVERIFY(provider.user);
    QCOMPARE(provider.group->attributeSoft(QStringLiteral("name")), QStringLiteral("default"));
    QVERIFY(!provider.user->child(QStringLiteral("params")));
    QVERIFY(provider.user->child(QStringLiteral("gateways")));
    QVERIFY(!fetched.answer.body.contains("1234"));
    QVERIFY(!fetched.answer.body.contains("$${default_password}"));
}

void DirectoryAnswersTest::answerSurvivesPreprocessing()
{
    const QByteArray body = m_builder->answer(userForm(QStringLiteral("sip_auth"),
                                                       QStringLiteral("1001"),
                                                       QStringLiteral("127.0.0.1")))
                                .document;
    const QList<QByteArray> lines = body.split('\n');
    QVERIFY(lines.first().startsWith("<?xml "));
    QVERIFY(body.endsWith("</document>\n"));
    static const QRegularExpression oneElement(
        QStringLiteral("^ *(<[^<>]+>|<[^<>]+>[^<>]*</[^<>]+>)$"));
    for (qsizetype i = 1; i + 1 < lines.size(); ++i)
        QVERIFY2(oneElement.match(QString::fromUtf8(lines[i])).hasMatch(), lines[i].constData());

    QStringList commands;
    const QString preprocessed = preprocess(body, m_globals, &commands);
    QVERIFY(commands.isEmpty());
    // Only the declaration line goes; everything else reaches the parser.
    QCOMPARE(preprocessed.count(QLatin1Char('\n')), lines.size() - 2);
    const auto fetch = m_freeswitch->interpret(body);
    QVERIFY2(fetch.root, qPrintable(fetch.error));
    XmlNode *domain = locateDomain(*fetch.root, QStringLiteral("127.0.0.1"));
    QVERIFY(locateUserInDomain(domain, QStringLiteral("id"), QStringLiteral("1001"),
                               QStringLiteral("127.0.0.1"))
                .user);
}

void DirectoryAnswersTest::oneLineAnswerIsRejected()
{
    QByteArray body = m_builder->answer(userForm(QStringLiteral("sip_auth"),
                                                 QStringLiteral("1001"),
                                                 QStringLiteral("127.0.0.1")))
                          .document;
    QVERIFY(m_freeswitch->interpret(body).root);
    body.replace('\n', QByteArray());

    const auto fetch = m_freeswitch->interpret(body);
    QVERIFY(!fetch.root);
    QVERIFY(fetch.preprocessed.isEmpty());
}

void DirectoryAnswersTest::disabledItemsAreLeftOut()
{
    const auto disabledUser = m_freeswitch->sipAuth(QStringLiteral("1001"),
                                                    QStringLiteral("toggles.test"));
    QVERIFY(!disabledUser.found);
    QCOMPARE(disabledUser.fetches.first().answer.body, ExpectedNotFound);

    const auto disabledDomain = m_freeswitch->sipAuth(QStringLiteral("1001"),
                                                      QStringLiteral("off.test"));
    QVERIFY(!disabledDomain.found);
    QCOMPARE(disabledDomain.fetches.first().answer.body, ExpectedNotFound);

    const auto partly = m_freeswitch->userCall(QStringLiteral("1002"), QStringLiteral("toggles.test"));
    QVERIFY(partly.found);
    QVERIFY(!partly.param(QStringLiteral("dial-string")));
    QVERIFY(!partly.variable(QStringLiteral("user_context")));
    QCOMPARE(partly.variable(QStringLiteral("accountcode")), QStringLiteral("1002"));

    // A user defined in a disabled group is still served, directly in its domain.
    const auto inClosedGroup = m_freeswitch->sipAuth(QStringLiteral("1003"),
                                                     QStringLiteral("toggles.test"));
    QVERIFY(inClosedGroup.found);
    QVERIFY(!inClosedGroup.located.group);
    QCOMPARE(inClosedGroup.param(QStringLiteral("password")), QStringLiteral("p1003"));

    const auto gateways = m_freeswitch->profileGateways(QStringLiteral("external"));
    const auto gateway = std::find_if(gateways.cbegin(), gateways.cend(), [](const auto &g) {
        return g.name == QLatin1String("gw-on");
    });
    QVERIFY(gateway != gateways.cend());
    QCOMPARE(gateway->params.size(), 1);
    QCOMPARE(lastValue(gateway->params, QStringLiteral("username")), QStringLiteral("on"));
    QCOMPARE(gateway->variables.size(), 2);
    QCOMPARE(gateway->directions, QStringList({QStringLiteral("inbound"), QString()}));
    for (const auto &other : gateways)
        QVERIFY(other.name != QLatin1String("gw-off"));
}

void DirectoryAnswersTest::awkwardValuesArriveUnchanged()
{
    const auto result = m_freeswitch->userCall(QStringLiteral("zo\u00eb"),
                                               QStringLiteral("chars.test"));

    QVERIFY(result.found);
    QVERIFY(result.fetches.first().commands.isEmpty());
    QCOMPARE(result.merged->attributeSoft(QStringLiteral("id")), QStringLiteral("zo\u00eb"));
    for (const auto &value : awkwardValues())
        QCOMPARE(result.variable(value.first), value.second);
    QCOMPARE(result.param(QStringLiteral("dial-string")),
             QStringLiteral("{a=1&b=2}${sofia_contact(*/${dialed_user}@${dialed_domain})}"));
}

void DirectoryAnswersTest::storedGlobalsExpandInFreeSwitch()
{
    const auto result = m_freeswitch->sipAuth(QStringLiteral("zo\u00eb"),
                                              QStringLiteral("chars.test"));
    QVERIFY(result.found);
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("1234"));
    QCOMPARE(result.variable(QStringLiteral("expanded")),
             QStringLiteral("pw=1234;domain=127.0.0.1"));
    QVERIFY(result.fetches.first().answer.body.contains("$${default_password}"));
}

void DirectoryAnswersTest::secretsPerLookup_data()
{
    QTest::addColumn<QString>("lookup");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("sip_auth") << "sip_auth"
                              << QStringList{QStringLiteral("password"), QStringLiteral("a1-hash")};
    QTest::newRow("jsonrpc-authenticate")
        << "jsonrpc-authenticate"
        << QStringList{QStringLiteral("password"), QStringLiteral("a1-hash"),
                       QStringLiteral("jsonrpc-password")};
    QTest::newRow("event_socket_auth") << "event_socket_auth"
                                       << QStringList{QStringLiteral("esl-password")};
    QTest::newRow("reverse-auth-lookup")
        << "reverse-auth-lookup"
        << QStringList{QStringLiteral("reverse-auth-user"), QStringLiteral("reverse-auth-pass")};
    QTest::newRow("voicemail-lookup")
        << "voicemail-lookup"
        << QStringList{QStringLiteral("vm-password"), QStringLiteral("vm-a1-hash")};
    QTest::newRow("user_call") << "user_call" << QStringList();
    QTest::newRow("message-count") << "message-count" << QStringList();
    QTest::newRow("skinny-auth") << "skinny-auth" << QStringList();
    QTest::newRow("no action") << "" << QStringList{QStringLiteral("vm-password")};
}

void DirectoryAnswersTest::secretsPerLookup()
{
    QFETCH(QString, lookup);
    QFETCH(QStringList, expected);
    const QString user = QStringLiteral("alice");
    const QString domain = QStringLiteral("secrets.test");

    FreeSwitchDouble::UserResult result;
    if (lookup == QLatin1String("sip_auth"))
        result = m_freeswitch->sipAuth(user, domain);
    else if (lookup == QLatin1String("jsonrpc-authenticate"))
        result = m_freeswitch->jsonRpcAuthenticate(user, domain);
    else if (lookup == QLatin1String("event_socket_auth"))
        result = m_freeswitch->eventSocketAuth(user, domain);
    else if (lookup == QLatin1String("reverse-auth-lookup"))
        result = m_freeswitch->reverseAuthLookup(user, domain);
    else if (lookup == QLatin1String("voicemail-lookup"))
        result = m_freeswitch->voicemailLookup(user, domain);
    else if (lookup == QLatin1String("user_call"))
        result = m_freeswitch->userCall(user, domain);
    else if (lookup == QLatin1String("skinny-auth"))
        result = m_freeswitch->skinnyAuth(user, domain);
    else
        result.fetches.append(m_freeswitch->fetch(userForm(lookup, user, domain)));

    QVERIFY(!result.fetches.isEmpty());
    const auto &fetch = result.fetches.last();
    QVERIFY2(fetch.root, qPrintable(fetch.error));
    QCOMPARE(secretsIn(fetch), expected);
    for (const QString &secret : expected) {
        const XmlNode *located = locateUserInDomain(locateDomain(*fetch.root, domain),
                                                    QStringLiteral("id"), user, QString())
                                     .user;
        QVERIFY(located);
        QCOMPARE(lastValue(namedValues(located, QStringLiteral("params"), QStringLiteral("param")),
                           secret),
                 secret + QStringLiteral("-value"));
    }
    QCOMPARE(lastValue(namedValues(locateUserInDomain(locateDomain(*fetch.root, domain),
                                                      QStringLiteral("id"), user, QString())
                                       .user,
                                   QStringLiteral("params"), QStringLiteral("param")),
                       QStringLiteral("dial-string")),
             QStringLiteral("user/alice"));
}

void DirectoryAnswersTest::domainPasswordOnlyForSipAuth()
{
    const auto sipAuth = m_freeswitch->sipAuth(QStringLiteral("bob"),
                                               QStringLiteral("domainpass.test"));
    QVERIFY(sipAuth.found);
    QCOMPARE(sipAuth.param(QStringLiteral("password")), QStringLiteral("shared"));

    const auto userCall = m_freeswitch->userCall(QStringLiteral("bob"),
                                                 QStringLiteral("domainpass.test"));
    QVERIFY(userCall.found);
    QVERIFY(!userCall.param(QStringLiteral("password")));
    QVERIFY(secretsIn(userCall.fetches.first()).isEmpty());
}

void DirectoryAnswersTest::emptyPasswordIsDenied()
{
    const auto vanillaDefault = m_freeswitch->sipAuth(QStringLiteral("default"),
                                                      QStringLiteral("127.0.0.1"));
    QVERIFY(vanillaDefault.found);
    QCOMPARE(vanillaDefault.param(QStringLiteral("allow-empty-password")), QStringLiteral("false"));
    QVERIFY(!FreeSwitchDouble::registersWithoutCredentials(vanillaDefault));

    const auto noPassword = m_freeswitch->sipAuth(QStringLiteral("nopass"),
                                                  QStringLiteral("secrets.test"));
    QVERIFY(noPassword.found);
    QVERIFY(!FreeSwitchDouble::registersWithoutCredentials(noPassword));

    const auto userCall = m_freeswitch->userCall(QStringLiteral("nopass"),
                                                 QStringLiteral("secrets.test"));
    QVERIFY(!userCall.param(QStringLiteral("allow-empty-password")));
}

void DirectoryAnswersTest::operatorAllowEmptyPasswordIsKept()
{
    const auto userLevel = m_freeswitch->sipAuth(QStringLiteral("optout"),
                                                 QStringLiteral("secrets.test"));
    QVERIFY(userLevel.found);
    QCOMPARE(userLevel.params().size(), 1);
    QVERIFY(FreeSwitchDouble::registersWithoutCredentials(userLevel));

    const auto domainLevel = m_freeswitch->sipAuth(QStringLiteral("bob"),
                                                   QStringLiteral("domainpass.test"));
    QCOMPARE(domainLevel.param(QStringLiteral("allow-empty-password")), QStringLiteral("true"));
    int count = 0;
    for (const auto &param : domainLevel.params())
        count += param.first == QLatin1String("allow-empty-password") ? 1 : 0;
    QCOMPARE(count, 1);
}

void DirectoryAnswersTest::voicemailFallsBackToPassword()
{
    const auto withoutPin = m_freeswitch->voicemailLookup(QStringLiteral("openvm"),
                                                          QStringLiteral("secrets.test"));
    QVERIFY(withoutPin.found);
    QCOMPARE(withoutPin.param(QStringLiteral("password")), QStringLiteral("sip-secret"));
    QCOMPARE(withoutPin.param(QStringLiteral("a1-hash")), QStringLiteral("abcdef"));

    const auto withPin = m_freeswitch->voicemailLookup(QStringLiteral("alice"),
                                                       QStringLiteral("secrets.test"));
    QVERIFY(withPin.found);
    QVERIFY(!withPin.param(QStringLiteral("password")));
    QCOMPARE(withPin.param(QStringLiteral("vm-password")), QStringLiteral("vm-password-value"));
}

void DirectoryAnswersTest::voicemailApiLoginChecksPin()
{
    const QString domain = QStringLiteral("127.0.0.1");
    QVERIFY(m_freeswitch->voicemailApiLogin(QStringLiteral("1001"), domain,
                                            QStringLiteral("1001")));
    QVERIFY(!m_freeswitch->voicemailApiLogin(QStringLiteral("1001"), domain,
                                             QStringLiteral("0000")));
    QVERIFY(!m_freeswitch->voicemailApiLogin(QStringLiteral("1099"), domain,
                                             QStringLiteral("1099")));
}

void DirectoryAnswersTest::cacheableUserGetsEverySecret()
{
    const auto result = m_freeswitch->userCall(QStringLiteral("cached"),
                                               QStringLiteral("secrets.test"));
    QVERIFY(result.found);
    QCOMPARE(result.merged->attributeSoft(QStringLiteral("cacheable")), QStringLiteral("60000"));
    QCOMPARE(result.param(QStringLiteral("password")), QStringLiteral("cached-pass"));
    QCOMPARE(result.param(QStringLiteral("allow-empty-password")), QStringLiteral("false"));
}

void DirectoryAnswersTest::groupCallDialsMembers()
{
    QCOMPARE(m_freeswitch->groupCall(QStringLiteral("support"), QStringLiteral("groups.test")),
             QStringList({QStringLiteral("u3"), QStringLiteral("u1")}));
    QCOMPARE(m_freeswitch->groupCall(QStringLiteral("sales"), QStringLiteral("groups.test")),
             QStringList({QStringLiteral("u1"), QStringLiteral("u2")}));
    QCOMPARE(m_freeswitch->groupCall(QStringLiteral("SALES"), QStringLiteral("GROUPS.test")),
             QStringList({QStringLiteral("u1"), QStringLiteral("u2")}));
    QVERIFY(m_freeswitch->groupCall(QStringLiteral("nobody"), QStringLiteral("groups.test")).isEmpty());
    QCOMPARE(m_freeswitch->groupCall(QStringLiteral("sales"), QStringLiteral("127.0.0.1")),
             QStringList({QStringLiteral("1000"), QStringLiteral("1001"), QStringLiteral("1002"),
                          QStringLiteral("1003"), QStringLiteral("1004")}));

    // Group answers contain no secret.
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("group_call"));
    const auto fetch = m_freeswitch->locateGroup(QStringLiteral("support"),
                                                 QStringLiteral("groups.test"), params);
    QVERIFY(fetch.root);
    QVERIFY(secretsIn(fetch).isEmpty());
}

void DirectoryAnswersTest::networkListReadsCidrs()
{
    QStringList entries = m_freeswitch->networkList(QStringLiteral("groups.test"));
    entries.sort();
    QCOMPARE(entries, QStringList({QStringLiteral("u3@groups.test 198.51.100.7/32"),
                                   QStringLiteral("u4@groups.test 192.0.2.0/24")}));
    QCOMPARE(m_freeswitch->networkList(QStringLiteral("127.0.0.1")),
             QStringList({QStringLiteral("brian@127.0.0.1 192.0.2.0/24")}));
}

void DirectoryAnswersTest::publishVoicemailReachesUsers()
{
    const auto group = m_freeswitch->publishVoicemail(QStringLiteral("group=support"),
                                                      QStringLiteral("groups.test"));
    QCOMPARE(group.size(), 2);
    QCOMPARE(group[0]->attributeSoft(QStringLiteral("id")), QStringLiteral("u3"));
    QCOMPARE(group[1]->attributeSoft(QStringLiteral("id")), QStringLiteral("u1"));
    for (const auto &user : group) {
        QCOMPARE(lastValue(namedValues(user.get(), QStringLiteral("params"), QStringLiteral("param")),
                           QStringLiteral("vm-mailto")),
                 QStringLiteral("support@example.com"));
        QVERIFY(!lastValue(namedValues(user.get(), QStringLiteral("params"), QStringLiteral("param")),
                           QStringLiteral("password")));
    }

    const auto all = m_freeswitch->publishVoicemail(QStringLiteral("_all_"),
                                                    QStringLiteral("groups.test"));
    QStringList ids;
    for (const auto &user : all)
        ids.append(user->attributeSoft(QStringLiteral("id")));
    QCOMPARE(ids, QStringList({QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")}));

    const auto ungrouped = m_freeswitch->publishVoicemail(QStringLiteral("u4"),
                                                          QStringLiteral("groups.test"));
    QCOMPARE(ungrouped.size(), 1);
    QCOMPARE(ungrouped.first()->attributeSoft(QStringLiteral("id")), QStringLiteral("u4"));
}

void DirectoryAnswersTest::skinnyAuthReadsButtons()
{
    const auto result = m_freeswitch->skinnyAuth(QStringLiteral("SEP001120AABBCC"),
                                                 QStringLiteral("127.0.0.1"));
    QVERIFY(result.found);
    const XmlNode *skinny = result.located.user->child(QStringLiteral("skinny"));
    QVERIFY(skinny);
    const XmlNode *buttons = skinny->child(QStringLiteral("buttons"));
    QVERIFY(buttons);
    const auto list = buttons->childrenNamed(QStringLiteral("button"));
    QCOMPARE(list.size(), 4);
    QCOMPARE(list[0]->attributeSoft(QStringLiteral("label")), QStringLiteral("Line 1"));
    QCOMPARE(list[3]->attributeSoft(QStringLiteral("value")),
             QStringLiteral("http://phone-xml.berbee.com/menu.xml"));
}

void DirectoryAnswersTest::wholeDomainHasNoSecrets()
{
    // mod_directory's lookup: the domain only, no action and no user.
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    const auto fetch = m_freeswitch->locateDomain(QStringLiteral("127.0.0.1"), params);
    QVERIFY2(fetch.root, qPrintable(fetch.error));
    QVERIFY(secretsIn(fetch).isEmpty());
    const XmlNode *domain = locateDomain(*fetch.root, QStringLiteral("127.0.0.1"));
    const XmlNode *groups = domain->child(QStringLiteral("groups"));
    QCOMPARE(groups->childrenNamed(QStringLiteral("group")).size(), 4);
    const XmlNode *sales = fsd::test::findChild(*groups, QStringLiteral("group"), QStringLiteral("name"),
                                     QStringLiteral("sales"));
    const auto members = sales->child(QStringLiteral("users"))->childrenNamed(QStringLiteral("user"));
    QCOMPARE(members.size(), 5);
    for (const XmlNode *member : members)
        QCOMPARE(member->attributeSoft(QStringLiteral("type")), QStringLiteral("pointer"));
    const XmlNode *defaultGroup = fsd::test::findChild(*groups, QStringLiteral("group"), QStringLiteral("name"),
                                            QStringLiteral("default"));
    QCOMPARE(defaultGroup->child(QStringLiteral("users"))->childrenNamed(QStringLiteral("user")).size(),
             m_vanilla.users.size());

    // FreeSWITCH finds each user of the whole-domain answer as itself.
    for (const QString &name : m_vanilla.users.keys()) {
        const LocatedUser located = locateUserInDomain(const_cast<XmlNode *>(domain),
                                                       QStringLiteral("id"), name, QString());
        QVERIFY2(located.user, qPrintable(name));
        QCOMPARE(located.user->attributeSoft(QStringLiteral("id")), name);
        QCOMPARE(located.group->attributeSoft(QStringLiteral("name")), QStringLiteral("default"));
    }
}

void DirectoryAnswersTest::unknownKindIsReportedOnce()
{
    g_unknownKindMessages = 0;
    const QByteArray form = userForm(QStringLiteral("frobnicate"), QStringLiteral("alice"),
                                     QStringLiteral("secrets.test"));
    const auto first = m_freeswitch->fetch(form);
    const auto second = m_freeswitch->fetch(form);

    QVERIFY(first.root);
    QVERIFY(secretsIn(first).isEmpty());
    QVERIFY(locateUserInDomain(locateDomain(*second.root, QStringLiteral("secrets.test")),
                               QStringLiteral("id"), QStringLiteral("alice"), QString())
                .user);
    QCOMPARE(g_unknownKindMessages, 1);
}

void DirectoryAnswersTest::otherSectionIsNotFound()
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("Caller-Destination-Number"), QStringLiteral("1001"));
    const auto fetch = m_freeswitch->fetch(params.form(QStringLiteral("dialplan"), QString(),
                                                       QString(), QString()));
    QCOMPARE(fetch.answer.status, 200);
    QCOMPARE(fetch.answer.body, ExpectedNotFound);

    const auto unknownDomain = m_freeswitch->locateDomain(QStringLiteral("nowhere.test"), params);
    QCOMPARE(unknownDomain.answer.body, ExpectedNotFound);
}

void DirectoryAnswersTest::largeAnswerLogsWarning()
{
    const qint64 big = m_fixture->addDomain(QStringLiteral("big.test"));
    const qint64 user = m_fixture->addUser(big, QStringLiteral("big"));
    m_fixture->addVariable(Owner::User, user, QStringLiteral("blob"),
                           QString(DirectoryAnswerBuilder::ResponseMaxBytes, QLatin1Char('x')));
    g_largeAnswerMessages = 0;

    const auto answer = m_builder->answer(userForm(QStringLiteral("user_call"),
                                                   QStringLiteral("big"),
                                                   QStringLiteral("big.test")));
    QVERIFY(answer.found);
    QVERIFY(answer.document.size() > DirectoryAnswerBuilder::ResponseMaxBytes);
    QCOMPARE(g_largeAnswerMessages, 1);

    const auto small = m_builder->answer(userForm(QStringLiteral("user_call"),
                                                  QStringLiteral("1001"),
                                                  QStringLiteral("127.0.0.1")));
    QVERIFY(small.found);
    QCOMPARE(g_largeAnswerMessages, 1);
}

void DirectoryAnswersTest::formKeepsLastDuplicate()
{
    const LookupForm form = LookupForm::parse(
        "hostname=fs&section=directory&tag_name=domain&key_name=name&key_value=a.test&"
        "key=id&user=1%2B1&section=dialplan&key=number-alias&name=a+b&empty=&flag&");
    QCOMPARE(form.section(), QStringLiteral("directory"));
    QCOMPARE(form.keyValue(), QStringLiteral("a.test"));
    QCOMPARE(form.value(QStringLiteral("key")), QStringLiteral("number-alias"));
    QCOMPARE(form.value(QStringLiteral("user")), QStringLiteral("1+1"));
    QCOMPARE(form.value(QStringLiteral("name")), QStringLiteral("a b"));
    QVERIFY(form.contains(QStringLiteral("empty")));
    QVERIFY(form.contains(QStringLiteral("flag")));
    QVERIFY(!form.contains(QStringLiteral("missing")));
}

QTEST_GUILESS_MAIN(DirectoryAnswersTest)
#include "tst_directoryanswers.moc"
