// SPDX-License-Identifier: MPL-2.0
// The "can't ..." errors: every statement an event runs, and its commit, is made to fail in
// turn through Database::setFaultInjector. Each failure must give the event's storage error,
// roll everything back and announce nothing; the same request then succeeds.

#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"
#include "tests/support/DirectoryFixture.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace fsd;
using namespace fsd::test;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The lookup of gateways that share a name across domains only feeds a log warning, so its
// failure does not fail the event (advisorySharedGatewayName checks that).
bool isAdvisory(const QString &sql)
{
    return sql.startsWith(QLatin1String("SELECT DISTINCT d.name FROM gateways"));
}

// Fails the statement with the given index (counting from 0, COMMIT included, advisory
// statements left out), and records the statements it counts.
struct FaultPlan
{
    int failAt = -1;
    int seen = 0;
    QStringList statements;

    std::function<bool(const QString &)> injector()
    {
        return [this](const QString &sql) {
            if (isAdvisory(sql))
                return false;
            statements.append(sql.simplified());
            return seen++ == failAt;
        };
    }
};

} // namespace

class StorageFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyStatementFailure_data();
    void everyStatementFailure();
    void advisorySharedGatewayName();
    void loginStorageFailure();
    void logoutStorageFailure();
};

void StorageFaultsTest::initTestCase()
{
    // Every injected failure logs a warning with the statement; hundreds are expected here.
    QLoggingCategory::setFilterRules(QStringLiteral("fsdirector.storage.warning=false\n"
                                                    "fsdirector.events.warning=false"));
}

void StorageFaultsTest::everyStatementFailure_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("error");

    const QString get = QStringLiteral("can't get");
    const QString add = QStringLiteral("can't add");
    const QString update = QStringLiteral("can't update");
    const QString change = QStringLiteral("can't change");
    const QString remove = QStringLiteral("can't delete");
    auto row = [](const QString &event, const QString &data, const QString &error) {
        QTest::newRow(qPrintable(event)) << event << data << error;
    };

    row(QStringLiteral("[Domains][Get] Domains"), QStringLiteral("{}"), get);
    row(QStringLiteral("[Domains][Add] Domain"), QStringLiteral(R"({"name": "new.example.net"})"), add);
    row(QStringLiteral("[Domains] Rename_domain"), QStringLiteral(R"({"id": ${domain}, "name": "renamed.example.net"})"), update);
    row(QStringLiteral("[Domains][Switch] Domain"), QStringLiteral(R"({"id": ${domain}, "enabled": false})"), change);
    row(QStringLiteral("[Domains] Del_domain"), QStringLiteral(R"({"id": ${domain}})"), remove);
    row(QStringLiteral("[Domains][Get] Domain_details"), QStringLiteral(R"({"id": ${domain}})"), get);
    row(QStringLiteral("[Domains] New_domain_param"), QStringLiteral(R"({"id": ${domain}, "name": "p", "value": "v"})"), add);
    row(QStringLiteral("[Domains] Update_domain_param"), QStringLiteral(R"({"id": ${domainParam}, "name": "p", "value": "v"})"), update);
    row(QStringLiteral("[Domains][Switch] Domain parameter"), QStringLiteral(R"({"id": ${domainParam}, "enabled": false})"), change);
    row(QStringLiteral("[Domains] Del_domain_param"), QStringLiteral(R"({"id": ${domainParam}})"), remove);
    row(QStringLiteral("[Domains] New_domain_var"), QStringLiteral(R"({"id": ${domain}, "name": "v", "value": "v"})"), add);
    row(QStringLiteral("[Domains] Update_domain_var"), QStringLiteral(R"({"id": ${domainVar}, "name": "v", "value": "v"})"), update);
    row(QStringLiteral("[Domains][Switch] Domain variable"), QStringLiteral(R"({"id": ${domainVar}, "enabled": false})"), change);
    row(QStringLiteral("[Domains] Del_domain_var"), QStringLiteral(R"({"id": ${domainVar}})"), remove);

    row(QStringLiteral("[Users] Get_users"), QStringLiteral("{}"), get);
    row(QStringLiteral("[Users] Get_user_details"), QStringLiteral(R"({"id": ${user}})"), get);
    row(QStringLiteral("[Users] Add_user_param"), QStringLiteral(R"({"id": ${user}, "name": "p", "value": "v"})"), add);
    row(QStringLiteral("[Users] Update_user_param"), QStringLiteral(R"({"id": ${userParam}, "name": "p", "value": "v"})"), update);
    row(QStringLiteral("[Users][Switch] User parameter"), QStringLiteral(R"({"id": ${userParam}, "enabled": false})"), change);
    row(QStringLiteral("[Users] Del_user_param"), QStringLiteral(R"({"id": ${userParam}})"), remove);
    row(QStringLiteral("[Users] Add_user_var"), QStringLiteral(R"({"id": ${user}, "name": "v", "value": "v"})"), add);
    row(QStringLiteral("[Users] Update_user_var"), QStringLiteral(R"({"id": ${userVar}, "name": "v", "value": "v"})"), update);
    row(QStringLiteral("[Users][Switch] User variable"), QStringLiteral(R"({"id": ${userVar}, "enabled": false})"), change);
    row(QStringLiteral("[Users] Del_user_var"), QStringLiteral(R"({"id": ${userVar}})"), remove);
    row(QStringLiteral("[Users] Update_user_cache"), QStringLiteral(R"({"id": ${user}, "value": "100"})"), update);
    row(QStringLiteral("[Users] Update_user_cidr"), QStringLiteral(R"({"id": ${user}, "value": "10.0.0.0/8"})"), update);
    row(QStringLiteral("[Users] Update_user_number_alias"), QStringLiteral(R"({"id": ${user}, "value": "777"})"), update);
    // A failure anywhere in a bulk add, including its last user, leaves none of the bulk.
    row(QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "name": "ext007", "bulk": 5})"), add);
    row(QStringLiteral("[Users] Update_user_name"), QStringLiteral(R"({"id": ${user}, "name": "1999"})"), update);
    row(QStringLiteral("[Users][Switch] User"), QStringLiteral(R"({"id": ${user}, "enabled": false})"), change);
    row(QStringLiteral("[Users] Del_user"), QStringLiteral(R"({"id": ${user}})"), remove);

    row(QStringLiteral("[Groups] Get_groups"), QStringLiteral("{}"), get);
    row(QStringLiteral("[Groups] Get_group_users"), QStringLiteral(R"({"id": ${group}})"), get);
    row(QStringLiteral("[Groups] Add_new_group"), QStringLiteral(R"({"id": ${domain}, "name": "g"})"), add);
    row(QStringLiteral("[Groups] Update_group_name"), QStringLiteral(R"({"id": ${group}, "name": "g"})"), update);
    row(QStringLiteral("[Groups] Del_group"), QStringLiteral(R"({"id": ${group}})"), remove);
    row(QStringLiteral("[Groups] Add_group_user"), QStringLiteral(R"({"id": ${group}, "value": "${user2}"})"), add);
    row(QStringLiteral("[Groups] Del_group_user"), QStringLiteral(R"({"id": ${member}})"), remove);

    row(QStringLiteral("[Gateways] Get_users_gateways"), QStringLiteral("{}"), get);
    row(QStringLiteral("[Gateways] Add_new_user_gateway"), QStringLiteral(R"({"id": ${user}, "name": "gw9"})"), add);
    row(QStringLiteral("[Gateways] Update_user_gateway_name"), QStringLiteral(R"({"id": ${gateway}, "name": "gw9"})"), update);
    row(QStringLiteral("[Gateways][Switch] Gateway"), QStringLiteral(R"({"id": ${gateway}, "enabled": false})"), change);
    row(QStringLiteral("[Gateways] Del_user_gateway"), QStringLiteral(R"({"id": ${gateway}})"), remove);
    row(QStringLiteral("[Gateways] Get_user_gateways_details"), QStringLiteral(R"({"id": ${gateway}})"), get);
    row(QStringLiteral("[Gateways] Add_user_gateway_param"), QStringLiteral(R"({"id": ${gateway}, "name": "p", "value": "v"})"), add);
    row(QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}, "name": "p", "value": "v"})"), update);
    row(QStringLiteral("[Gateways][Switch] Param"), QStringLiteral(R"({"id": ${gatewayParam}, "enabled": false})"), change);
    row(QStringLiteral("[Gateways] Del_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}})"), remove);
    row(QStringLiteral("[Gateways] Add_user_gateway_var"),
        QStringLiteral(R"({"id": ${gateway}, "index": 0, "variable": {"name": "v", "value": "x", "direction": "outbound"}})"), add);
    row(QStringLiteral("[Gateways] Update_user_gateway_var"),
        QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "v", "value": "x", "direction": "inbound"}})"), update);
    row(QStringLiteral("[Gateways] Switch_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": false}})"),
        change);
    row(QStringLiteral("[Gateways] Del_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}}})"), remove);
}

void StorageFaultsTest::everyStatementFailure()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, error);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QJsonObject request = QJsonDocument::fromJson(seeded.expand(data).toUtf8()).object();
    QVERIFY(!request.isEmpty() || data == QLatin1String("{}"));
    const QString before = fixture.snapshot();
    QSignalSpy changes(&fixture.dispatcher(), &Dispatcher::changeCommitted);

    // Fail each statement in turn until the request runs through without reaching the fault.
    // Each failed run must have rolled back, so the next one starts from the same rows.
    int failures = 0;
    for (int failAt = 0;; ++failAt) {
        QVERIFY2(failAt < 1000, "the request never completes");
        FaultPlan plan;
        plan.failAt = failAt;
        fixture.database().setFaultInjector(plan.injector());
        const QJsonObject reply = fixture.call(event, request);
        fixture.database().setFaultInjector({});

        if (plan.seen <= failAt) {
            // Nothing failed: this was the successful run.
            QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
            QVERIFY2(failures > 0, "the request ran no statement");
            break;
        }
        ++failures;
        const QString failed = plan.statements.at(failAt);
        const QString where = QStringLiteral("statement %1 (%2): %3").arg(failAt).arg(failed, compact(reply));
        QVERIFY2(reply.value(QLatin1String("error")) == error, qPrintable(where));
        QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), event);
        // The detail points to the log and never shows SQL or the database's message.
        QVERIFY2(!reply.value(QLatin1String("detail")).toString().contains(QLatin1String("injected")), qPrintable(where));
        QVERIFY2(changes.isEmpty(), qPrintable(where));
        QVERIFY2(fixture.snapshot() == before, qPrintable(QStringLiteral("rows changed after a failed ") + where));
    }

    const bool isGet = event.contains(QLatin1String("Get"));
    QCOMPARE(changes.size(), isGet ? 0 : 1);
    if (!isGet)
        QVERIFY(fixture.snapshot() != before);
}

void StorageFaultsTest::advisorySharedGatewayName()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));

    fixture.database().setFaultInjector(isAdvisory);
    const QJsonObject reply = fixture.call(QStringLiteral("[Gateways] Add_new_user_gateway"),
                                           {{QStringLiteral("id"), seeded.id(QStringLiteral("userOther"))},
                                            {QStringLiteral("name"), QStringLiteral("gw1")}});
    fixture.database().setFaultInjector({});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(fixture.count(QStringLiteral("gateways"), QStringLiteral("name = 'gw1'")), 2);
}

void StorageFaultsTest::loginStorageFailure()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    QVERIFY(fixture.authenticator().addOperator(QStringLiteral("alice"), Role::Admin, QStringLiteral("pw")));

    for (const QString &statement : {QStringLiteral("SELECT"), QStringLiteral("INSERT INTO sessions")}) {
        fixture.database().setFaultInjector([statement](const QString &sql) { return sql.startsWith(statement); });
        const QJsonObject reply = fixture.login(QStringLiteral("alice"), QStringLiteral("pw"));
        fixture.database().setFaultInjector({});
        QCOMPARE(reply.value(QLatin1String("error")).toString(), QStringLiteral("can't get"));
        QVERIFY(!reply.contains(QLatin1String("token")));
        QCOMPARE(fixture.count(QStringLiteral("sessions")), 0);
    }
    // The failures did not count as wrong passwords.
    QCOMPARE(fixture.login(QStringLiteral("alice"), QStringLiteral("pw")).value(QLatin1String("role")).toString(),
             QStringLiteral("admin"));
}

void StorageFaultsTest::logoutStorageFailure()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const QByteArray token = fixture.addOperatorAndLogin(QStringLiteral("alice"), Role::Admin);
    QVERIFY(!token.isEmpty());

    fixture.database().setFaultInjector([](const QString &sql) { return sql.startsWith(QLatin1String("DELETE FROM sessions")); });
    const QJsonObject reply = fixture.callWithToken(token, QStringLiteral("logout"));
    fixture.database().setFaultInjector({});
    QCOMPARE(reply.value(QLatin1String("error")).toString(), QStringLiteral("can't delete"));
    QCOMPARE(fixture.count(QStringLiteral("sessions")), 1);
}

QTEST_GUILESS_MAIN(StorageFaultsTest)
#include "tst_storagefaults.moc"
