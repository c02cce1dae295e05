// SPDX-License-Identifier: MPL-2.0
// Storage rules of the directory that span several events: deletes cascade, parameters and
// variables keep their order, ids are never reused, changes are announced after their commit
// and gateway names shared across domains are reported.

#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"
#include "tests/support/DirectoryFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace fsd;
using namespace fsd::test;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Rows per table, for the tables a cascade touches.
QMap<QString, qint64> tableCounts(DirectoryFixture &fixture)
{
    QMap<QString, qint64> counts;
    for (const char *table : {"domains", "domain_params", "domain_vars", "users", "user_params", "user_vars",
                              "directory_groups", "group_members", "gateways", "gateway_params", "gateway_vars"}) {
        counts.insert(QString::fromLatin1(table), fixture.count(QString::fromLatin1(table)));
    }
    return counts;
}

// Names of a parameter or variable list of a reply, in row id order.
QStringList namesInIdOrder(const QJsonObject &list)
{
    QStringList names;
    for (qint64 id : idsOf(list))
        names.append(list.value(QString::number(id)).toObject().value(QLatin1String("name")).toString());
    return names;
}

} // namespace

class DirectoryRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deleteDomainCascades();
    void deleteUserCascades();
    void deleteGroupKeepsUsers();
    void attributesKeepOrder_data();
    void attributesKeepOrder();
    void idsNeverReused_data();
    void idsNeverReused();
    void disabledItemsStayVisible();
    void changeAnnouncedAfterCommit();
    void sharedGatewayNameReported();

private:
    std::unique_ptr<DirectoryFixture> m_fixture;
    SeededDirectory m_seeded;
};

void DirectoryRulesTest::init()
{
    m_fixture = std::make_unique<DirectoryFixture>();
    QVERIFY2(m_fixture->isValid(), qPrintable(m_fixture->errorString()));
    m_seeded = SeededDirectory::seed(*m_fixture);
    QVERIFY2(m_seeded.isValid(), qPrintable(m_seeded.error));
}

void DirectoryRulesTest::cleanup()
{
    // Foreign keys are on, so no row may point to a deleted parent. PostgreSQL always enforces
    // them and has no such check.
    if (!onPostgres()) {
        auto query = m_fixture->database().exec(QStringLiteral("PRAGMA foreign_key_check"));
        QVERIFY(query);
        if (query->next())
            QFAIL(qPrintable(QStringLiteral("dangling row in %1").arg(query->value(0).toString())));
    }
    m_fixture.reset();
}

void DirectoryRulesTest::deleteDomainCascades()
{
    const QMap<QString, qint64> before = tableCounts(*m_fixture);
    QVERIFY(before.value(QStringLiteral("gateway_vars")) > 0);

    const QJsonObject reply = m_fixture->call(QStringLiteral("[Domains] Del_domain"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("domain"))}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));

    // Only the other domain and its user (with the user's generated password) remain.
    const QMap<QString, qint64> expected{{QStringLiteral("domains"), 1}, {QStringLiteral("domain_params"), 0},
                                         {QStringLiteral("domain_vars"), 0}, {QStringLiteral("users"), 1},
                                         {QStringLiteral("user_params"), 1}, {QStringLiteral("user_vars"), 0},
                                         {QStringLiteral("directory_groups"), 0}, {QStringLiteral("group_members"), 0},
                                         {QStringLiteral("gateways"), 0}, {QStringLiteral("gateway_params"), 0},
                                         {QStringLiteral("gateway_vars"), 0}};
    QCOMPARE(tableCounts(*m_fixture), expected);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT name FROM users")).toString(), QStringLiteral("2000"));

    // The events no longer find anything of the domain.
    const QJsonObject users = m_fixture->call(QStringLiteral("[Users] Get_users"));
    QCOMPARE(users.value(QLatin1String("directory_users")).toObject().keys(),
             QStringList{QString::number(m_seeded.id(QStringLiteral("domain2")))});
    QCOMPARE(m_fixture->call(QStringLiteral("[Users] Get_user_details"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("user"))}})
                 .value(QLatin1String("error")).toString(),
             QStringLiteral("user not found"));
    QCOMPARE(m_fixture->call(QStringLiteral("[Gateways] Get_user_gateways_details"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("gateway"))}})
                 .value(QLatin1String("error")).toString(),
             QStringLiteral("gateway not found"));
    QCOMPARE(m_fixture->call(QStringLiteral("[Groups] Get_group_users"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("group"))}})
                 .value(QLatin1String("error")).toString(),
             QStringLiteral("group not found"));
}

void DirectoryRulesTest::deleteUserCascades()
{
    const qint64 user = m_seeded.id(QStringLiteral("user"));
    const QMap<QString, qint64> before = tableCounts(*m_fixture);

    const QJsonObject reply = m_fixture->call(QStringLiteral("[Users] Del_user"), {{QStringLiteral("id"), user}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));

    // The user had the password and vm-password parameters, two variables, the membership in
    // "sales", gateways gw1 and gw2, gw1's two parameters and two variables.
    QMap<QString, qint64> expected = before;
    expected[QStringLiteral("users")] -= 1;
    expected[QStringLiteral("user_params")] -= 2;
    expected[QStringLiteral("user_vars")] -= 2;
    expected[QStringLiteral("group_members")] -= 1;
    expected[QStringLiteral("gateways")] -= 2;
    expected[QStringLiteral("gateway_params")] -= 2;
    expected[QStringLiteral("gateway_vars")] -= 2;
    QCOMPARE(tableCounts(*m_fixture), expected);
    QCOMPARE(m_fixture->count(QStringLiteral("user_params"), QStringLiteral("user_id = ?"), {user}), 0);
    QCOMPARE(m_fixture->count(QStringLiteral("gateways"), QStringLiteral("user_id = ?"), {user}), 0);
    QCOMPARE(m_fixture->count(QStringLiteral("group_members"), QStringLiteral("user_id = ?"), {user}), 0);

    // The group, the domain and the other user stay.
    QCOMPARE(m_fixture->count(QStringLiteral("directory_groups"), QStringLiteral("id = ?"), {m_seeded.id(QStringLiteral("group"))}), 1);
    QCOMPARE(m_fixture->count(QStringLiteral("users"), QStringLiteral("id = ?"), {m_seeded.id(QStringLiteral("user2"))}), 1);
    QCOMPARE(m_fixture->count(QStringLiteral("user_params"), QStringLiteral("user_id = ?"), {m_seeded.id(QStringLiteral("user2"))}), 1);
    const QJsonObject members = m_fixture->call(QStringLiteral("[Groups] Get_group_users"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("group"))}});
    QCOMPARE(members.value(QLatin1String("group_users")).toObject().value(QString::number(m_seeded.id(QStringLiteral("group")))).toObject(),
             QJsonObject());
}

void DirectoryRulesTest::deleteGroupKeepsUsers()
{
    const QJsonObject reply = m_fixture->call(QStringLiteral("[Groups] Del_group"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("group"))}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(m_fixture->count(QStringLiteral("group_members")), 0);
    QCOMPARE(m_fixture->count(QStringLiteral("users")), 3);
}

void DirectoryRulesTest::attributesKeepOrder_data()
{
    QTest::addColumn<QString>("addEvent");
    QTest::addColumn<QString>("updateEvent");
    QTest::addColumn<QString>("deleteEvent");
    QTest::addColumn<QString>("detailsEvent");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("detailsKey");
    QTest::addColumn<QString>("listKey");
    QTest::addColumn<QStringList>("seededNames");

    QTest::newRow("user parameters") << QStringLiteral("[Users] Add_user_param") << QStringLiteral("[Users] Update_user_param")
                                     << QStringLiteral("[Users] Del_user_param") << QStringLiteral("[Users] Get_user_details")
                                     << QStringLiteral("user2") << QStringLiteral("user_details") << QStringLiteral("parameters")
                                     << QStringList{"password"};
    QTest::newRow("user variables") << QStringLiteral("[Users] Add_user_var") << QStringLiteral("[Users] Update_user_var")
                                    << QStringLiteral("[Users] Del_user_var") << QStringLiteral("[Users] Get_user_details")
                                    << QStringLiteral("user2") << QStringLiteral("user_details") << QStringLiteral("variables")
                                    << QStringList();
    QTest::newRow("domain variables") << QStringLiteral("[Domains] New_domain_var") << QStringLiteral("[Domains] Update_domain_var")
                                      << QStringLiteral("[Domains] Del_domain_var") << QStringLiteral("[Domains][Get] Domain_details")
                                      << QStringLiteral("domain") << QStringLiteral("domain_details") << QStringLiteral("variables")
                                      << QStringList{"record_stereo", "default_areacode"};
    QTest::newRow("gateway parameters") << QStringLiteral("[Gateways] Add_user_gateway_param")
                                        << QStringLiteral("[Gateways] Update_user_gateway_param")
                                        << QStringLiteral("[Gateways] Del_user_gateway_param")
                                        << QStringLiteral("[Gateways] Get_user_gateways_details") << QStringLiteral("gateway")
                                        << QStringLiteral("gateway_details") << QStringLiteral("parameters")
                                        << QStringList{"username", "password"};
}

void DirectoryRulesTest::attributesKeepOrder()
{
    QFETCH(QString, addEvent);
    QFETCH(QString, updateEvent);
    QFETCH(QString, deleteEvent);
    QFETCH(QString, detailsEvent);
    QFETCH(QString, owner);
    QFETCH(QString, detailsKey);
    QFETCH(QString, listKey);
    QFETCH(QStringList, seededNames);

    const qint64 ownerId = m_seeded.id(owner);
    QHash<QString, qint64> ids;
    // Names out of alphabetical order, so that sorting by name cannot pass for keeping order.
    for (const QString &name : {QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("Mid"), QStringLiteral("beta")}) {
        const QJsonObject reply = m_fixture->call(addEvent, {{QStringLiteral("id"), ownerId}, {QStringLiteral("name"), name},
                                                             {QStringLiteral("value"), name + QStringLiteral("-value")}});
        QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
        // Add_user_gateway_param replies with the row as "item"; the others with details.
        const QJsonObject list = reply.value(detailsKey).toObject().value(QString::number(ownerId)).toObject().value(listKey).toObject();
        const qint64 id = reply.contains(QLatin1String("item"))
            ? reply.value(QLatin1String("item")).toObject().value(QLatin1String("id")).toInteger()
            : (list.isEmpty() ? 0 : list.begin().key().toLongLong());
        QVERIFY(id > 0);
        ids.insert(name, id);
    }
    auto currentNames = [&]() {
        const QJsonObject reply = m_fixture->call(detailsEvent, {{QStringLiteral("id"), ownerId}});
        return namesInIdOrder(reply.value(detailsKey).toObject().value(QString::number(ownerId)).toObject().value(listKey).toObject());
    };
    QCOMPARE(currentNames(), (seededNames + QStringList{"zeta", "alpha", "Mid", "beta"}));

    // A renamed row keeps its place.
    const QJsonObject renamed = m_fixture->call(updateEvent, {{QStringLiteral("id"), ids.value(QStringLiteral("alpha"))},
                                                              {QStringLiteral("name"), QStringLiteral("aaa")},
                                                              {QStringLiteral("value"), QStringLiteral("x")}});
    QVERIFY2(!renamed.contains(QLatin1String("error")), qPrintable(compact(renamed)));
    QCOMPARE(currentNames(), (seededNames + QStringList{"zeta", "aaa", "Mid", "beta"}));

    // A deleted row leaves a gap; a new one goes last.
    QVERIFY(!m_fixture->call(deleteEvent, {{QStringLiteral("id"), ids.value(QStringLiteral("zeta"))}}).contains(QLatin1String("error")));
    QVERIFY(!m_fixture->call(addEvent, {{QStringLiteral("id"), ownerId}, {QStringLiteral("name"), QStringLiteral("zeta")},
                                        {QStringLiteral("value"), QStringLiteral("again")}})
                 .contains(QLatin1String("error")));
    QCOMPARE(currentNames(), (seededNames + QStringList{"aaa", "Mid", "beta", "zeta"}));
}

void DirectoryRulesTest::idsNeverReused_data()
{
    QTest::addColumn<QString>("addEvent");
    QTest::addColumn<QString>("addData");
    QTest::addColumn<QString>("deleteEvent");
    QTest::addColumn<QString>("table");

    QTest::newRow("domain") << QStringLiteral("[Domains][Add] Domain") << QStringLiteral(R"({"name": "last.example"})")
                            << QStringLiteral("[Domains] Del_domain") << QStringLiteral("domains");
    QTest::newRow("user") << QStringLiteral("[Users] Add_new_user") << QStringLiteral(R"({"id": ${domain}, "name": "8000"})")
                          << QStringLiteral("[Users] Del_user") << QStringLiteral("users");
    QTest::newRow("group") << QStringLiteral("[Groups] Add_new_group") << QStringLiteral(R"({"id": ${domain}, "name": "last"})")
                           << QStringLiteral("[Groups] Del_group") << QStringLiteral("directory_groups");
    QTest::newRow("gateway") << QStringLiteral("[Gateways] Add_new_user_gateway") << QStringLiteral(R"({"id": ${user}, "name": "last"})")
                             << QStringLiteral("[Gateways] Del_user_gateway") << QStringLiteral("gateways");
    QTest::newRow("user parameter") << QStringLiteral("[Users] Add_user_param") << QStringLiteral(R"({"id": ${user}, "name": "last", "value": ""})")
                                    << QStringLiteral("[Users] Del_user_param") << QStringLiteral("user_params");
}

void DirectoryRulesTest::idsNeverReused()
{
    QFETCH(QString, addEvent);
    QFETCH(QString, addData);
    QFETCH(QString, deleteEvent);
    QFETCH(QString, table);

    const QJsonObject data = QJsonDocument::fromJson(m_seeded.expand(addData).toUtf8()).object();
    QVERIFY(!m_fixture->call(addEvent, data).contains(QLatin1String("error")));
    const qint64 last = m_fixture->scalar(QStringLiteral("SELECT MAX(id) FROM %1").arg(table)).toLongLong();
    QVERIFY(last > 0);

    // Deleting the row with the highest id and adding again must not hand out that id again.
    QVERIFY(!m_fixture->call(deleteEvent, {{QStringLiteral("id"), last}}).contains(QLatin1String("error")));
    QVERIFY(!m_fixture->call(addEvent, data).contains(QLatin1String("error")));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT MAX(id) FROM %1").arg(table)).toLongLong(), last + 1);
}

void DirectoryRulesTest::disabledItemsStayVisible()
{
    const qint64 domain = m_seeded.id(QStringLiteral("domain"));
    QVERIFY(!m_fixture->call(QStringLiteral("[Domains][Switch] Domain"), {{QStringLiteral("id"), domain}, {QStringLiteral("enabled"), false}})
                 .contains(QLatin1String("error")));
    QVERIFY(!m_fixture->call(QStringLiteral("[Users][Switch] User"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("user"))},
                                                                      {QStringLiteral("enabled"), false}})
                 .contains(QLatin1String("error")));

    const QJsonObject users = m_fixture->call(QStringLiteral("[Users] Get_users"));
    const QJsonObject domainEntry = users.value(QLatin1String("domains")).toObject().value(QString::number(domain)).toObject();
    QCOMPARE(domainEntry.value(QLatin1String("enabled")).toBool(), false);
    const QJsonObject userEntry = users.value(QLatin1String("directory_users")).toObject().value(QString::number(domain)).toObject()
                                      .value(QString::number(m_seeded.id(QStringLiteral("user")))).toObject();
    QCOMPARE(userEntry.value(QLatin1String("name")).toString(), QStringLiteral("1000"));
    QCOMPARE(userEntry.value(QLatin1String("enabled")).toBool(), false);

    // A disabled user can still be changed.
    const QJsonObject param = m_fixture->call(QStringLiteral("[Users] Add_user_param"), {{QStringLiteral("id"), m_seeded.id(QStringLiteral("user"))},
                                                                                          {QStringLiteral("name"), QStringLiteral("p")},
                                                                                          {QStringLiteral("value"), QStringLiteral("v")}});
    QVERIFY2(!param.contains(QLatin1String("error")), qPrintable(compact(param)));
}

void DirectoryRulesTest::changeAnnouncedAfterCommit()
{
    // A second connection reads only committed rows (WAL on SQLite, read committed on
    // PostgreSQL), so what it reads inside the slot shows whether the commit came first.
    auto reader = m_fixture->database().openClone(QUuid::createUuid().toString(), true);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));

    qint64 seenByReader = -1;
    quint64 origin = 0;
    QJsonObject message;
    connect(&m_fixture->dispatcher(), &Dispatcher::changeCommitted, this,
            [&](const QJsonObject &changed, quint64 originId) {
                message = changed;
                origin = originId;
                auto query = (*reader)->exec(QStringLiteral("SELECT COUNT(*) FROM domains WHERE name = 'after.example'"));
                seenByReader = query && query->next() ? query->value(0).toLongLong() : -2;
            });

    RequestContext context;
    context.local = true;
    context.originId = 77;
    const QJsonObject request{{QStringLiteral("event"), QStringLiteral("[Domains][Add] Domain")},
                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("name"), QStringLiteral("after.example")}}},
                              {QStringLiteral("request_id"), 5}};
    const DispatchOutcome outcome = m_fixture->dispatcher().dispatch(request, context);
    QVERIFY2(!outcome.isError(), qPrintable(compact(outcome.reply)));
    QVERIFY(outcome.changed);
    QCOMPARE(seenByReader, 1);
    QCOMPARE(origin, quint64(77));
    QCOMPARE(message, outcome.reply);
}

void DirectoryRulesTest::sharedGatewayNameReported()
{
    // The same gateway name in another domain is allowed but logged as a warning.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GW1.*example\\.com")));
    const QJsonObject reply = m_fixture->call(QStringLiteral("[Gateways] Add_new_user_gateway"),
                                              {{QStringLiteral("id"), m_seeded.id(QStringLiteral("userOther"))},
                                               {QStringLiteral("name"), QStringLiteral("GW1")}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(m_fixture->count(QStringLiteral("gateways"), QStringLiteral("name_key = 'gw1'")), 2);
}

QTEST_GUILESS_MAIN(DirectoryRulesTest)
#include "tst_directoryrules.moc"
