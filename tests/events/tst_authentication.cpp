// SPDX-License-Identifier: MPL-2.0
// Operators through the dispatcher: login and tokens, what each role may run, secrets masked
// for viewers, token expiry on an injected clock and the throttling of failed logins.

#include "core/auth/Authenticator.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Secrets.h"
#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"
#include "tests/support/DirectoryFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace fsd;
using namespace fsd::test;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

constexpr qint64 Day = 24 * 3600;
constexpr qint64 Start = 1700000000;

} // namespace

class AuthenticationTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loginFailures_data();
    void loginFailures();
    void loginIgnoresCaseOfName();
    void passwordStoredAsHash();
    void tokenRequired_data();
    void tokenRequired();
    void localRequestsNeedNoToken();
    void roleAccess_data();
    void roleAccess();
    void viewerSeesSecretsMasked_data();
    void viewerSeesSecretsMasked();
    void tokenExpiresWhenUnused();
    void tokenExpiryConfigurable();
    void tokenSurvivesRestart();
    void removedOperatorLosesToken();
    void cachedAuthenticationNeedsNoDatabase();
    void throttleAfterFiveFailures();
    void throttleCountsOnlyRecentFailures();
    void throttleResetBySuccess();

private:
    std::unique_ptr<DirectoryFixture> m_fixture;
    SeededDirectory m_seeded;
    qint64 m_now = Start;
};

void AuthenticationTest::init()
{
    m_fixture = std::make_unique<DirectoryFixture>();
    QVERIFY2(m_fixture->isValid(), qPrintable(m_fixture->errorString()));
    m_seeded = SeededDirectory::seed(*m_fixture);
    QVERIFY2(m_seeded.isValid(), qPrintable(m_seeded.error));
    m_now = Start;
    m_fixture->authenticator().setClock([this]() { return m_now; });
}

void AuthenticationTest::cleanup()
{
    m_fixture.reset();
}

void AuthenticationTest::loginFailures_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("error");

    QTest::newRow("wrong password") << QStringLiteral(R"({"login": "alice", "password": "nope"})")
                                    << QStringLiteral("wrong login or password");
    QTest::newRow("unknown operator") << QStringLiteral(R"({"login": "mallory", "password": "alice-secret"})")
                                      << QStringLiteral("wrong login or password");
    QTest::newRow("password in other case") << QStringLiteral(R"({"login": "alice", "password": "ALICE-SECRET"})")
                                            << QStringLiteral("wrong login or password");
    QTest::newRow("empty password") << QStringLiteral(R"({"login": "alice", "password": ""})")
                                    << QStringLiteral("wrong login or password");
    QTest::newRow("password missing") << QStringLiteral(R"({"login": "alice"})") << QStringLiteral("wrong data");
    QTest::newRow("login a number") << QStringLiteral(R"({"login": 5, "password": "x"})") << QStringLiteral("wrong data");
}

void AuthenticationTest::loginFailures()
{
    QFETCH(QString, data);
    QFETCH(QString, error);

    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("alice-secret")));
    RequestContext context;
    context.peer = QStringLiteral("192.0.2.1");
    const QJsonObject request{{QStringLiteral("event"), QStringLiteral("login")},
                              {QStringLiteral("data"), QJsonDocument::fromJson(data.toUtf8()).object()}};
    const DispatchOutcome outcome = m_fixture->dispatcher().dispatch(request, context);
    QCOMPARE(outcome.reply.value(QLatin1String("MessageType")).toString(), QStringLiteral("login"));
    QVERIFY2(outcome.reply.value(QLatin1String("error")) == error, qPrintable(compact(outcome.reply)));
    QVERIFY(!outcome.reply.contains(QLatin1String("token")));
    QVERIFY(outcome.tokenHash.isEmpty());
    // The reply never repeats the password it was sent.
    QVERIFY(!compact(outcome.reply).contains(QLatin1String("secret"), Qt::CaseInsensitive));
    QCOMPARE(m_fixture->count(QStringLiteral("sessions")), 0);
}

void AuthenticationTest::loginIgnoresCaseOfName()
{
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("Alice"), Role::Viewer, QStringLiteral("pw")));
    const QJsonObject reply = m_fixture->login(QStringLiteral("ALICE"), QStringLiteral("pw"));
    QCOMPARE(reply.value(QLatin1String("role")).toString(), QStringLiteral("viewer"));
    QVERIFY(!m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("other")));
}

void AuthenticationTest::passwordStoredAsHash()
{
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Operator, QStringLiteral("correct horse")));
    const QString stored = m_fixture->scalar(QStringLiteral("SELECT password_hash FROM operators WHERE login = 'alice'")).toString();
    QVERIFY2(stored.startsWith(QLatin1String("pbkdf2-sha256$")), qPrintable(stored));
    QVERIFY(!stored.contains(QLatin1String("correct horse")));
    QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse"), stored));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horsE"), stored));

    // Salted: the same password hashes differently each time.
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("bob"), Role::Operator, QStringLiteral("correct horse")));
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT password_hash FROM operators WHERE login = 'bob'")).toString() != stored);
}

void AuthenticationTest::tokenRequired_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("token");

    for (const QString &event : {QStringLiteral("[Domains][Get] Domains"), QStringLiteral("[Domains][Add] Domain"),
                                 QStringLiteral("[Directory][Import]"), QStringLiteral("logout")}) {
        QTest::addRow("%s, no token", qPrintable(event)) << event << QString();
        QTest::addRow("%s, unknown token", qPrintable(event)) << event << QStringLiteral("00112233445566778899aabbccddeeff");
        QTest::addRow("%s, token hash", qPrintable(event)) << event << QStringLiteral("(hash of a valid token)");
    }
}

void AuthenticationTest::tokenRequired()
{
    QFETCH(QString, event);
    QFETCH(QString, token);

    // Sending the stored SHA-256 instead of the token must not work either.
    const QByteArray valid = m_fixture->addOperatorAndLogin(QStringLiteral("alice"), Role::Admin);
    QVERIFY(!valid.isEmpty());
    if (token.startsWith(QLatin1Char('(')))
        token = QString::fromLatin1(Secrets::hashToken(valid));

    const QString before = m_fixture->snapshot();
    RequestContext context;
    context.peer = QStringLiteral("192.0.2.1");
    QJsonObject data{{QStringLiteral("name"), QStringLiteral("x.example")}};
    if (!token.isEmpty())
        data.insert(QStringLiteral("token"), token);
    const DispatchOutcome outcome = m_fixture->dispatcher().dispatch(
        QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}}, context);
    QCOMPARE(outcome.reply.value(QLatin1String("MessageType")).toString(), event);
    QVERIFY2(outcome.reply.value(QLatin1String("error")) == QStringLiteral("unauthorized"), qPrintable(compact(outcome.reply)));
    QCOMPARE(outcome.reply.value(QLatin1String("no_token")).toBool(), true);
    QVERIFY(outcome.tokenHash.isEmpty());
    QCOMPARE(m_fixture->snapshot(), before);
}

void AuthenticationTest::localRequestsNeedNoToken()
{
    const QJsonObject reply = m_fixture->call(QStringLiteral("[Domains][Add] Domain"), {{QStringLiteral("name"), QStringLiteral("local.example")}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
}

void AuthenticationTest::roleAccess_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("error");

    struct Request
    {
        QString event;
        QString data;
        bool isGet;
    };
    const QList<Request> requests = {
        {QStringLiteral("[Domains][Get] Domains"), QStringLiteral("{}"), true},
        {QStringLiteral("[Domains][Get] Domain_details"), QStringLiteral(R"({"id": ${domain}})"), true},
        {QStringLiteral("[Users] Get_users"), QStringLiteral("{}"), true},
        {QStringLiteral("[Users] Get_user_details"), QStringLiteral(R"({"id": ${user}})"), true},
        {QStringLiteral("[Groups] Get_groups"), QStringLiteral("{}"), true},
        {QStringLiteral("[Groups] Get_group_users"), QStringLiteral(R"({"id": ${group}})"), true},
        {QStringLiteral("[Gateways] Get_users_gateways"), QStringLiteral("{}"), true},
        {QStringLiteral("[Gateways] Get_user_gateways_details"), QStringLiteral(R"({"id": ${gateway}})"), true},
        {QStringLiteral("[Domains][Add] Domain"), QStringLiteral(R"({"name": "new.example"})"), false},
        {QStringLiteral("[Domains] Del_domain"), QStringLiteral(R"({"id": ${domain2}})"), false},
        {QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "name": "3000", "bulk": 2})"), false},
        {QStringLiteral("[Users] Update_user_param"), QStringLiteral(R"({"id": ${userParam}, "name": "vm-password", "value": "9"})"), false},
        {QStringLiteral("[Users][Switch] User"), QStringLiteral(R"({"id": ${user}, "enabled": false})"), false},
        {QStringLiteral("[Groups] Add_group_user"), QStringLiteral(R"({"id": ${group}, "value": "${user2}"})"), false},
        {QStringLiteral("[Gateways] Del_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}}})"), false},
    };
    const QString forbidden = QStringLiteral("forbidden");
    for (const Request &request : requests) {
        QTest::addRow("viewer, %s", qPrintable(request.event))
            << int(Role::Viewer) << request.event << request.data << (request.isGet ? QString() : forbidden);
        QTest::addRow("operator, %s", qPrintable(request.event)) << int(Role::Operator) << request.event << request.data << QString();
        QTest::addRow("admin, %s", qPrintable(request.event)) << int(Role::Admin) << request.event << request.data << QString();
    }
    // Importing from a live FreeSWITCH is for admins only.
    const QString import = QStringLiteral("[Directory][Import]");
    QTest::newRow("viewer, import") << int(Role::Viewer) << import << QStringLiteral("{}") << forbidden;
    QTest::newRow("operator, import") << int(Role::Operator) << import << QStringLiteral("{}") << forbidden;
    QTest::newRow("admin, import") << int(Role::Admin) << import << QStringLiteral("{}") << QStringLiteral("can't connect to freeswitch");
}

void AuthenticationTest::roleAccess()
{
    QFETCH(int, role);
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, error);

    const QByteArray token = m_fixture->addOperatorAndLogin(QStringLiteral("someone"), Role(role));
    QVERIFY(!token.isEmpty());
    const QString before = m_fixture->snapshot();
    QSignalSpy changes(&m_fixture->dispatcher(), &Dispatcher::changeCommitted);

    const QJsonObject reply = m_fixture->callWithToken(token, event, QJsonDocument::fromJson(m_seeded.expand(data).toUtf8()).object());
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), event);
    if (error.isEmpty()) {
        QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
        return;
    }
    QVERIFY2(reply.value(QLatin1String("error")) == error, qPrintable(compact(reply)));
    QVERIFY(!reply.contains(QLatin1String("no_token")));
    QCOMPARE(changes.size(), 0);
    QCOMPARE(m_fixture->snapshot(), before);
}

void AuthenticationTest::viewerSeesSecretsMasked_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("detailsKey");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QStringList>("masked");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("user details") << QStringLiteral("[Users] Get_user_details") << QStringLiteral(R"({"id": ${user}})")
                                  << QStringLiteral("user_details") << QStringLiteral("user")
                                  << QStringList{"password", "vm-password"} << QStringList{"toll_allow", "accountcode"};
    QTest::newRow("gateway details") << QStringLiteral("[Gateways] Get_user_gateways_details") << QStringLiteral(R"({"id": ${gateway}})")
                                     << QStringLiteral("gateway_details") << QStringLiteral("gateway")
                                     << QStringList{"password"} << QStringList{"username", "var1"};
}

void AuthenticationTest::viewerSeesSecretsMasked()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, detailsKey);
    QFETCH(QString, owner);
    QFETCH(QStringList, masked);
    QFETCH(QStringList, visible);

    const QByteArray viewer = m_fixture->addOperatorAndLogin(QStringLiteral("viewer"), Role::Viewer);
    const QByteArray operatorToken = m_fixture->addOperatorAndLogin(QStringLiteral("op"), Role::Operator);
    QVERIFY(!viewer.isEmpty());
    QVERIFY(!operatorToken.isEmpty());
    const QJsonObject request = QJsonDocument::fromJson(m_seeded.expand(data).toUtf8()).object();

    // Collects name → value of every parameter and variable in a details reply.
    auto values = [&](const QJsonObject &reply) {
        QHash<QString, QString> byName;
        const QJsonObject details = reply.value(detailsKey).toObject().value(QString::number(m_seeded.id(owner))).toObject();
        for (const QString &list : {QStringLiteral("parameters"), QStringLiteral("variables")}) {
            const QJsonObject rows = details.value(list).toObject();
            for (auto it = rows.begin(); it != rows.end(); ++it)
                byName.insert(it->toObject().value(QLatin1String("name")).toString(), it->toObject().value(QLatin1String("value")).toString());
        }
        return byName;
    };
    const QHash<QString, QString> seenByViewer = values(m_fixture->callWithToken(viewer, event, request));
    const QHash<QString, QString> seenByOperator = values(m_fixture->callWithToken(operatorToken, event, request));

    for (const QString &name : masked) {
        QVERIFY2(seenByOperator.contains(name), qPrintable(name));
        QVERIFY2(seenByOperator.value(name) != QLatin1String("********"), qPrintable(name));
        QCOMPARE(seenByViewer.value(name), QStringLiteral("********"));
    }
    for (const QString &name : visible) {
        QVERIFY2(!seenByViewer.value(name).isEmpty(), qPrintable(name));
        QCOMPARE(seenByViewer.value(name), seenByOperator.value(name));
    }
    // Masking only changes the reply: the stored values stay.
    QCOMPARE(m_fixture->count(QStringLiteral("user_params"), QStringLiteral("value = '********'")), 0);
}

void AuthenticationTest::tokenExpiresWhenUnused()
{
    const QByteArray token = m_fixture->addOperatorAndLogin(QStringLiteral("alice"), Role::Operator);
    QVERIFY(!token.isEmpty());
    const QString get = QStringLiteral("[Domains][Get] Domains");

    // Each use restarts the 24 hours.
    m_now = Start + Day - 1;
    QVERIFY(!m_fixture->callWithToken(token, get).contains(QLatin1String("error")));
    m_now += Day - 1;
    QVERIFY(!m_fixture->callWithToken(token, get).contains(QLatin1String("error")));

    QSignalSpy ended(&m_fixture->dispatcher(), &Dispatcher::tokenEnded);
    m_now += Day;
    const QJsonObject expired = m_fixture->callWithToken(token, get);
    QCOMPARE(expired.value(QLatin1String("error")).toString(), QStringLiteral("unauthorized"));
    QCOMPARE(expired.value(QLatin1String("no_token")).toBool(), true);
    QVERIFY(!m_fixture->dispatcher().isTokenValid(Secrets::hashToken(token)));
    QCOMPARE(m_fixture->count(QStringLiteral("sessions")), 0);
    // A WebSocket bound to the token must learn that it ended.
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toByteArray(), Secrets::hashToken(token));

    // Going back in time does not revive it.
    m_now = Start;
    QCOMPARE(m_fixture->callWithToken(token, get).value(QLatin1String("error")).toString(), QStringLiteral("unauthorized"));
}

void AuthenticationTest::tokenExpiryConfigurable()
{
    Authenticator::Options options;
    options.tokenLifetimeSeconds = 600;
    Authenticator authenticator(m_fixture->database(), options);
    authenticator.setPasswordIterations(FastPasswordIterations);
    authenticator.setClock([this]() { return m_now; });
    QVERIFY(authenticator.addOperator(QStringLiteral("alice"), Role::Viewer, QStringLiteral("pw")));
    auto login = authenticator.login(QStringLiteral("alice"), QStringLiteral("pw"), QStringLiteral("192.0.2.1"));
    QVERIFY(login);

    m_now = Start + 599;
    QVERIFY(authenticator.authenticate(login->token));
    m_now += 600;
    const auto expired = authenticator.authenticate(login->token);
    QVERIFY(!expired);
    QCOMPARE(expired.error().error, QStringLiteral("unauthorized"));
}

void AuthenticationTest::tokenSurvivesRestart()
{
    const QByteArray token = m_fixture->addOperatorAndLogin(QStringLiteral("alice"), Role::Operator);
    QVERIFY(!token.isEmpty());

    // A new authenticator on the same database, as after a restart, finds the stored session
    // and its role. Only the SHA-256 of the token was stored.
    Authenticator restarted(m_fixture->database());
    restarted.setClock([this]() { return m_now; });
    m_now = Start + 3600;
    auto session = restarted.authenticate(token);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().error));
    QCOMPARE(session->login, QStringLiteral("alice"));
    QCOMPARE(session->role, Role::Operator);

    m_now = Start + 3600 + Day;
    QVERIFY(!restarted.authenticate(token));
}

void AuthenticationTest::removedOperatorLosesToken()
{
    const QByteArray token = m_fixture->addOperatorAndLogin(QStringLiteral("alice"), Role::Admin);
    QVERIFY(!token.isEmpty());
    QVERIFY(!m_fixture->callWithToken(token, QStringLiteral("[Domains][Get] Domains")).contains(QLatin1String("error")));

    auto ended = m_fixture->authenticator().removeOperator(QStringLiteral("alice"));
    QVERIFY(ended);
    QCOMPARE(*ended, QList<QByteArray>{Secrets::hashToken(token)});
    QCOMPARE(m_fixture->callWithToken(token, QStringLiteral("[Domains][Get] Domains")).value(QLatin1String("error")).toString(),
             QStringLiteral("unauthorized"));
    QCOMPARE(m_fixture->count(QStringLiteral("sessions")), 0);
}

void AuthenticationTest::cachedAuthenticationNeedsNoDatabase()
{
    Authenticator &authenticator = m_fixture->authenticator();
    const QByteArray token = m_fixture->addOperatorAndLogin(QStringLiteral("alice"), Role::Viewer);
    QVERIFY(!token.isEmpty());
    QVERIFY(!authenticator.authenticateCached(QByteArray()));
    QVERIFY(!authenticator.authenticateCached(QByteArrayLiteral("not-a-token")));

    // A login caches its session.
    auto session = authenticator.authenticateCached(token);
    QVERIFY(session);
    QCOMPARE(session->login, QStringLiteral("alice"));
    QCOMPARE(session->role, Role::Viewer);

    // When the last use is due to be stored, only authenticate() returns the session. After it
    // stored the use, the cache returns it again.
    m_now += 3600;
    QVERIFY(!authenticator.authenticateCached(token));
    QVERIFY(authenticator.authenticate(token));
    QVERIFY(authenticator.authenticateCached(token));

    // An expired token is left to authenticate(), which reports the expiry.
    m_now += Day;
    QVERIFY(!authenticator.authenticateCached(token));
    bool expired = false;
    QVERIFY(!authenticator.authenticate(token, &expired));
    QVERIFY(expired);

    // A session known only from the database, as after a restart, is not cached yet.
    const QByteArray other = m_fixture->addOperatorAndLogin(QStringLiteral("bob"), Role::Admin);
    Authenticator restarted(m_fixture->database());
    restarted.setClock([this]() { return m_now; });
    QVERIFY(!restarted.authenticateCached(other));
    QVERIFY(restarted.authenticate(other));
    QVERIFY(restarted.authenticateCached(other));

    // Logging out ends the cached session at once.
    QVERIFY(restarted.logout(Secrets::hashToken(other)));
    QVERIFY(!restarted.authenticateCached(other));
}

void AuthenticationTest::throttleAfterFiveFailures()
{
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("pw")));
    const QString attacker = QStringLiteral("198.51.100.7");
    for (int attempt = 1; attempt <= 5; ++attempt) {
        m_now = Start + attempt * 60;
        QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("wrong"), attacker).value(QLatin1String("error")).toString(),
                 QStringLiteral("wrong login or password"));
    }

    // Even the right password is refused from that address for 60 seconds...
    m_now = Start + 5 * 60 + 59;
    const QJsonObject refused = m_fixture->login(QStringLiteral("alice"), QStringLiteral("pw"), attacker);
    QCOMPARE(refused.value(QLatin1String("error")).toString(), QStringLiteral("too many attempts"));
    QVERIFY(!refused.contains(QLatin1String("token")));
    QCOMPARE(m_fixture->login(QStringLiteral("nobody"), QStringLiteral("x"), attacker).value(QLatin1String("error")).toString(),
             QStringLiteral("too many attempts"));
    // ...while other addresses log in.
    QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("pw"), QStringLiteral("192.0.2.20")).value(QLatin1String("role")).toString(),
             QStringLiteral("admin"));

    m_now = Start + 5 * 60 + 60;
    const QJsonObject after = m_fixture->login(QStringLiteral("alice"), QStringLiteral("pw"), attacker);
    QVERIFY2(!after.contains(QLatin1String("error")), qPrintable(compact(after)));
    QCOMPARE(after.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
}

void AuthenticationTest::throttleCountsOnlyRecentFailures()
{
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("pw")));
    const QString peer = QStringLiteral("198.51.100.8");
    // Five failures, but the first is more than 15 minutes before the last.
    for (const qint64 at : {qint64(0), qint64(300), qint64(600), qint64(900), qint64(901)}) {
        m_now = Start + at;
        QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("wrong"), peer).value(QLatin1String("error")).toString(),
                 QStringLiteral("wrong login or password"));
    }
    m_now = Start + 902;
    QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("pw"), peer).value(QLatin1String("role")).toString(),
             QStringLiteral("admin"));
}

void AuthenticationTest::throttleResetBySuccess()
{
    QVERIFY(m_fixture->authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("pw")));
    const QString peer = QStringLiteral("198.51.100.9");
    for (int round = 0; round < 2; ++round) {
        for (int attempt = 0; attempt < 4; ++attempt) {
            ++m_now;
            QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("wrong"), peer).value(QLatin1String("error")).toString(),
                     QStringLiteral("wrong login or password"));
        }
        ++m_now;
        QCOMPARE(m_fixture->login(QStringLiteral("alice"), QStringLiteral("pw"), peer).value(QLatin1String("role")).toString(),
                 QStringLiteral("admin"));
    }
}

QTEST_GUILESS_MAIN(AuthenticationTest)
#include "tst_authentication.moc"
