// SPDX-License-Identifier: MPL-2.0
// Success replies of every event: keys and JSON types as in the API document's example, values
// as stored in the database, and one change notification per committed change.

#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"
#include "tests/support/ApiDocument.h"
#include "tests/support/DirectoryFixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace fsd;
using namespace fsd::test;

namespace {

using Check = std::function<void(DirectoryFixture &, const SeededDirectory &, const QJsonObject &)>;

// One successful request of an event and the read-back of what it stored.
struct ReplyCase
{
    QString event;
    // The request's data as JSON text; ${name} stands for a seeded id (SeededDirectory).
    QString data;
    Check check;
    // Keys this event's reply carries beyond the document's example.
    QSet<QString> extraKeys = {};
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject at(const QJsonObject &object, const QStringList &path)
{
    QJsonValue value = object;
    for (const QString &key : path)
        value = value.toObject().value(key);
    return value.toObject();
}

QString key(qint64 id)
{
    return QString::number(id);
}

// Keys any reply may carry beyond the document's examples: user objects in lists carry
// number_alias, details replies always carry both parameters and variables, user details show
// a non-numeric cacheable, and replies echo request_id.
const QSet<QString> CommonExtraKeys = {QStringLiteral("number_alias"), QStringLiteral("parameters"),
                                       QStringLiteral("variables"), QStringLiteral("cacheable"),
                                       QStringLiteral("request_id")};

// Example replies of the events the document lacks. They reply like the rename events of users
// and gateways, with `enabled` in `item`.
QJsonObject addedEventExample(const QString &event)
{
    if (event == QLatin1String("[Users][Switch] User")) {
        return QJsonDocument::fromJson(R"({"MessageType": "[Users][Switch] User",
            "item": {"id": 56, "name": "1000", "enabled": false}, "id": 8})").object();
    }
    if (event == QLatin1String("[Directory] Export"))
        return QJsonObject{{QStringLiteral("MessageType"), event}, {QStringLiteral("file"), QString()}};
    if (event == QLatin1String("[Gateways][Switch] Gateway")) {
        return QJsonDocument::fromJson(R"({"MessageType": "[Gateways][Switch] Gateway",
            "item": {"id": 6, "name": "new", "enabled": false}, "id": 8, "affected_id": 57})").object();
    }
    return {};
}

// --- Read-backs -------------------------------------------------------------------------------

// Compares a parameter or variable list of a reply with the rows of `table` for `ownerId`.
void compareAttributes(DirectoryFixture &fixture, const QString &table, const QString &ownerColumn,
                       qint64 ownerId, const QJsonObject &list)
{
    const bool withDirection = table == QLatin1String("gateway_vars");
    auto query = fixture.database().exec(
        QStringLiteral("SELECT id, name, value, enabled, %1 FROM %2 WHERE %3 = ? ORDER BY id")
            .arg(withDirection ? QStringLiteral("direction") : QStringLiteral("''"), table, ownerColumn),
        {ownerId});
    QVERIFY(query);
    QList<qint64> storedIds;
    while (query->next()) {
        const qint64 id = query->value(0).toLongLong();
        storedIds.append(id);
        const QJsonObject entry = list.value(key(id)).toObject();
        QCOMPARE(entry.value(QLatin1String("id")).toInteger(), id);
        QCOMPARE(entry.value(QLatin1String("name")).toString(), query->value(1).toString());
        QCOMPARE(entry.value(QLatin1String("value")).toString(), query->value(2).toString());
        QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), query->value(3).toInt() != 0);
        if (withDirection)
            QCOMPARE(entry.value(QLatin1String("direction")).toString(), query->value(4).toString());
    }
    QVERIFY(!storedIds.isEmpty());
    QCOMPARE(idsOf(list), storedIds);
}

// Compares one attribute row of a reply with its stored row.
void compareAttribute(DirectoryFixture &fixture, const QString &table, const QJsonObject &entry,
                      qint64 ownerId, const QString &ownerColumn)
{
    const qint64 id = entry.value(QLatin1String("id")).toInteger();
    const QVariantList stored = fixture.row(
        QStringLiteral("SELECT name, value, enabled, %1 FROM %2 WHERE id = ?").arg(ownerColumn, table), {id});
    QVERIFY2(!stored.isEmpty(), qPrintable(QStringLiteral("no %1 row %2").arg(table).arg(id)));
    QCOMPARE(entry.value(QLatin1String("name")).toString(), stored.at(0).toString());
    QCOMPARE(entry.value(QLatin1String("value")).toString(), stored.at(1).toString());
    QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), stored.at(2).toInt() != 0);
    QCOMPARE(stored.at(3).toLongLong(), ownerId);
}

// Compares a `domains` list with the domains table.
void compareDomains(DirectoryFixture &fixture, const QJsonObject &domains)
{
    auto query = fixture.database().exec(QStringLiteral("SELECT id, name, enabled FROM domains ORDER BY id"));
    QVERIFY(query);
    QList<qint64> storedIds;
    while (query->next()) {
        const qint64 id = query->value(0).toLongLong();
        storedIds.append(id);
        const QJsonObject entry = domains.value(key(id)).toObject();
        QCOMPARE(entry.value(QLatin1String("id")).toInteger(), id);
        QCOMPARE(entry.value(QLatin1String("name")).toString(), query->value(1).toString());
        QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), query->value(2).toInt() != 0);
        QCOMPARE(entry.value(QLatin1String("sip_regs_counter")).toInteger(), 0);
    }
    QCOMPARE(idsOf(domains), storedIds);
}

// Compares a user object of a list with its stored row.
void compareUser(DirectoryFixture &fixture, const QJsonObject &entry)
{
    const qint64 id = entry.value(QLatin1String("id")).toInteger();
    const QVariantList stored = fixture.row(
        QStringLiteral("SELECT name, enabled, cache, cidr, number_alias FROM users WHERE id = ?"), {id});
    QVERIFY2(!stored.isEmpty(), qPrintable(QStringLiteral("no user %1").arg(id)));
    QCOMPARE(entry.value(QLatin1String("name")).toString(), stored.at(0).toString());
    QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), stored.at(1).toInt() != 0);
    QCOMPARE(entry.value(QLatin1String("cache")).toInteger(), stored.at(2).toLongLong());
    QCOMPARE(entry.value(QLatin1String("cidr")).toString(), stored.at(3).toString());
    QCOMPARE(entry.value(QLatin1String("number_alias")).toString(), stored.at(4).toString());
}

// Compares `directory_users` ({domain: {user: object}}) with every stored user.
void compareAllUsers(DirectoryFixture &fixture, const QJsonObject &directoryUsers)
{
    auto query = fixture.database().exec(QStringLiteral("SELECT id, domain_id FROM users ORDER BY id"));
    QVERIFY(query);
    qint64 listed = 0;
    for (auto domain = directoryUsers.begin(); domain != directoryUsers.end(); ++domain)
        listed += domain.value().toObject().size();
    qint64 stored = 0;
    while (query->next()) {
        ++stored;
        const QJsonObject entry = at(directoryUsers, {query->value(1).toString(), query->value(0).toString()});
        QVERIFY2(!entry.isEmpty(), qPrintable(QStringLiteral("user %1 missing").arg(query->value(0).toLongLong())));
        compareUser(fixture, entry);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(listed, stored);
}

qint64 rowCount(DirectoryFixture &fixture, const QString &table, qint64 id)
{
    return fixture.count(table, QStringLiteral("id = ?"), {id});
}

// --- The cases, one per event -------------------------------------------------------------

QList<ReplyCase> domainCases()
{
    return {
        {QStringLiteral("[Domains][Get] Domains"), QStringLiteral("{}"),
         [](DirectoryFixture &f, const SeededDirectory &, const QJsonObject &reply) {
             compareDomains(f, reply.value(QLatin1String("domains")).toObject());
         }},
        {QStringLiteral("[Domains][Add] Domain"), QStringLiteral(R"({"name": "  new-domain.example.net "})"),
         [](DirectoryFixture &f, const SeededDirectory &, const QJsonObject &reply) {
             const QJsonObject domains = reply.value(QLatin1String("domains")).toObject();
             QCOMPARE(domains.size(), 1);
             const QJsonObject entry = domains.begin().value().toObject();
             QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("new-domain.example.net"));
             QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), true);
             const QVariantList stored = f.row(QStringLiteral("SELECT name, enabled FROM domains WHERE id = ?"),
                                               {entry.value(QLatin1String("id")).toInteger()});
             QCOMPARE(stored, (QVariantList{QStringLiteral("new-domain.example.net"), 1}));
         }},
        {QStringLiteral("[Domains] Rename_domain"), QStringLiteral(R"({"id": ${domain}, "name": "newDomain2.example.com"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject entry = at(reply, {QStringLiteral("domains"), key(s.id(QStringLiteral("domain")))});
             QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("newDomain2.example.com"));
             QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM domains WHERE id = ?"), {s.id(QStringLiteral("domain"))}).toString(),
                      QStringLiteral("newDomain2.example.com"));
         }},
        {QStringLiteral("[Domains][Switch] Domain"), QStringLiteral(R"({"id": ${domain}, "enabled": false})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject entry = at(reply, {QStringLiteral("domains"), key(s.id(QStringLiteral("domain")))});
             QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), false);
             QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("example.com"));
             QCOMPARE(f.scalar(QStringLiteral("SELECT enabled FROM domains WHERE id = ?"), {s.id(QStringLiteral("domain"))}).toInt(), 0);
         }},
        {QStringLiteral("[Domains] Del_domain"), QStringLiteral(R"({"id": ${domain2}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain2")));
             QCOMPARE(rowCount(f, QStringLiteral("domains"), s.id(QStringLiteral("domain2"))), 0);
             QCOMPARE(rowCount(f, QStringLiteral("domains"), s.id(QStringLiteral("domain"))), 1);
         }},
        {QStringLiteral("[Domains][Get] Domain_details"), QStringLiteral(R"({"id": ${domain}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 domain = s.id(QStringLiteral("domain"));
             const QJsonObject details = at(reply, {QStringLiteral("domain_details"), key(domain)});
             compareAttributes(f, QStringLiteral("domain_params"), QStringLiteral("domain_id"), domain,
                               details.value(QLatin1String("parameters")).toObject());
             if (QTest::currentTestFailed())
                 return;
             compareAttributes(f, QStringLiteral("domain_vars"), QStringLiteral("domain_id"), domain,
                               details.value(QLatin1String("variables")).toObject());
         }},
    };
}

// The add / update / switch / delete cases of one kind of parameter or variable whose events
// take `data.id` (domains and users).
QList<ReplyCase> attributeCases(const QString &addEvent, const QString &updateEvent,
                                const QString &switchEvent, const QString &deleteEvent,
                                const QString &detailsKey, const QString &listKey,
                                const QString &ownerName, const QString &rowName,
                                const QString &table, const QString &ownerColumn)
{
    auto checkEntry = [=](const QString &name, const QString &value, bool enabled, bool checkRowId) {
        return [=](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
            const qint64 owner = s.id(ownerName);
            const QJsonObject list = at(reply, {detailsKey, key(owner), listKey});
            QCOMPARE(list.size(), 1);
            const QJsonObject entry = list.begin().value().toObject();
            if (checkRowId)
                QCOMPARE(entry.value(QLatin1String("id")).toInteger(), s.id(rowName));
            QCOMPARE(entry.value(QLatin1String("name")).toString(), name);
            QCOMPARE(entry.value(QLatin1String("value")).toString(), value);
            QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), enabled);
            compareAttribute(f, table, entry, owner, ownerColumn);
        };
    };
    const QString owner = QStringLiteral("${%1}").arg(ownerName);
    const QString row = QStringLiteral("${%1}").arg(rowName);
    return {
        {addEvent, QStringLiteral(R"({"id": %1, "name": " param1 ", "value": " value with spaces "})").arg(owner),
         checkEntry(QStringLiteral("param1"), QStringLiteral(" value with spaces "), true, false)},
        {updateEvent, QStringLiteral(R"({"id": %1, "name": "param2", "value": ""})").arg(row),
         checkEntry(QStringLiteral("param2"), QString(), true, true)},
        {switchEvent, QStringLiteral(R"({"id": %1, "enabled": false})").arg(row),
         [=](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject entry = at(reply, {detailsKey, key(s.id(ownerName)), listKey, key(s.id(rowName))});
             QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), false);
             compareAttribute(f, table, entry, s.id(ownerName), ownerColumn);
         }},
        {deleteEvent, QStringLiteral(R"({"id": %1})").arg(row),
         [=](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(rowName));
             QCOMPARE(rowCount(f, table, s.id(rowName)), 0);
             QVERIFY(f.count(table, ownerColumn + QStringLiteral(" = ?"), {s.id(ownerName)}) > 0);
         }},
    };
}

// Checks the cache and cidr that user_details replies of parameter and variable events carry.
void checkUserFields(DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply)
{
    const QJsonObject details = at(reply, {QStringLiteral("user_details"), key(s.id(QStringLiteral("user")))});
    QCOMPARE(details.value(QLatin1String("cache")).toInteger(), 5000);
    QCOMPARE(details.value(QLatin1String("cidr")).toString(), QStringLiteral("192.0.2.0/24"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT cache FROM users WHERE id = ?"), {s.id(QStringLiteral("user"))}).toLongLong(), 5000);
}

QList<ReplyCase> userCases()
{
    QList<ReplyCase> cases = {
        {QStringLiteral("[Users] Get_users"), QStringLiteral("{}"),
         [](DirectoryFixture &f, const SeededDirectory &, const QJsonObject &reply) {
             compareDomains(f, reply.value(QLatin1String("domains")).toObject());
             if (QTest::currentTestFailed())
                 return;
             compareAllUsers(f, reply.value(QLatin1String("directory_users")).toObject());
         }},
        {QStringLiteral("[Users] Get_user_details"), QStringLiteral(R"({"id": ${user}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 user = s.id(QStringLiteral("user"));
             const QJsonObject details = at(reply, {QStringLiteral("user_details"), key(user)});
             compareAttributes(f, QStringLiteral("user_params"), QStringLiteral("user_id"), user,
                               details.value(QLatin1String("parameters")).toObject());
             if (QTest::currentTestFailed())
                 return;
             compareAttributes(f, QStringLiteral("user_vars"), QStringLiteral("user_id"), user,
                               details.value(QLatin1String("variables")).toObject());
             if (QTest::currentTestFailed())
                 return;
             QCOMPARE(details.value(QLatin1String("cache")).toInteger(), 5000);
             QCOMPARE(details.value(QLatin1String("cidr")).toString(), QStringLiteral("192.0.2.0/24"));
             QCOMPARE(details.value(QLatin1String("number_alias")).toString(), QStringLiteral("alias1000"));
             QVERIFY(!details.contains(QLatin1String("cacheable")));
         }},
        {QStringLiteral("[Users] Update_user_cache"), QStringLiteral(R"({"id": ${user}, "value": "7000"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 user = s.id(QStringLiteral("user"));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), user);
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("value")).toString(), QStringLiteral("7000"));
             QCOMPARE(f.row(QStringLiteral("SELECT cache, cacheable FROM users WHERE id = ?"), {user}),
                      (QVariantList{7000, QStringLiteral("7000")}));
         }},
        {QStringLiteral("[Users] Update_user_cidr"), QStringLiteral(R"({"id": ${user}, "value": "10.0.0.0/8,2001:db8::/32,192.0.2.7/32"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QString cidr = QStringLiteral("10.0.0.0/8,2001:db8::/32,192.0.2.7/32");
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("value")).toString(), cidr);
             QCOMPARE(f.scalar(QStringLiteral("SELECT cidr FROM users WHERE id = ?"), {s.id(QStringLiteral("user"))}).toString(), cidr);
         }},
        {QStringLiteral("[Users] Update_user_number_alias"), QStringLiteral(R"({"id": ${user}, "value": "5551234"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("value")).toString(), QStringLiteral("5551234"));
             QCOMPARE(f.scalar(QStringLiteral("SELECT number_alias FROM users WHERE id = ?"), {s.id(QStringLiteral("user"))}).toString(),
                      QStringLiteral("5551234"));
         }},
        {QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "name": "5000", "bulk": 10})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 domain = s.id(QStringLiteral("domain"));
             QCOMPARE(reply.value(QLatin1String("total")).toInteger(), 10);
             const QJsonObject users = at(reply, {QStringLiteral("directory_users"), key(domain)});
             QCOMPARE(users.size(), 10);
             QStringList names;
             for (qint64 id : idsOf(users)) {
                 const QJsonObject entry = users.value(key(id)).toObject();
                 names.append(entry.value(QLatin1String("name")).toString());
                 compareUser(f, entry);
                 if (QTest::currentTestFailed())
                     return;
                 QCOMPARE(f.scalar(QStringLiteral("SELECT domain_id FROM users WHERE id = ?"), {id}).toLongLong(), domain);
                 // Every new user gets a generated strong password parameter.
                 const QString password = f.scalar(
                     QStringLiteral("SELECT value FROM user_params WHERE user_id = ? AND name = 'password'"), {id}).toString();
                 QVERIFY2(password.size() >= 16, qPrintable(password));
             }
             QCOMPARE(names, (QStringList{"5000", "5001", "5002", "5003", "5004", "5005", "5006", "5007", "5008", "5009"}));
         }},
        {QStringLiteral("[Users] Update_user_name"), QStringLiteral(R"({"id": ${user}, "name": " 1022 "})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 user = s.id(QStringLiteral("user"));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), user);
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("name")).toString(), QStringLiteral("1022"));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM users WHERE id = ?"), {user}).toString(), QStringLiteral("1022"));
         }},
        {QStringLiteral("[Users][Switch] User"), QStringLiteral(R"({"id": ${user}, "enabled": false})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 user = s.id(QStringLiteral("user"));
             const QJsonObject item = at(reply, {QStringLiteral("item")});
             QCOMPARE(item.value(QLatin1String("id")).toInteger(), user);
             QCOMPARE(item.value(QLatin1String("name")).toString(), QStringLiteral("1000"));
             QCOMPARE(item.value(QLatin1String("enabled")).toBool(), false);
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(f.scalar(QStringLiteral("SELECT enabled FROM users WHERE id = ?"), {user}).toInt(), 0);
         }},
        {QStringLiteral("[Users] Del_user"), QStringLiteral(R"({"id": ${user2}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("user2")));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(rowCount(f, QStringLiteral("users"), s.id(QStringLiteral("user2"))), 0);
             QCOMPARE(rowCount(f, QStringLiteral("users"), s.id(QStringLiteral("user"))), 1);
         }},
    };
    for (const QString &noun : {QStringLiteral("param"), QStringLiteral("var")}) {
        const bool isParam = noun == QLatin1String("param");
        QList<ReplyCase> attributes = attributeCases(
            QStringLiteral("[Users] Add_user_%1").arg(noun), QStringLiteral("[Users] Update_user_%1").arg(noun),
            isParam ? QStringLiteral("[Users][Switch] User parameter") : QStringLiteral("[Users][Switch] User variable"),
            QStringLiteral("[Users] Del_user_%1").arg(noun), QStringLiteral("user_details"),
            isParam ? QStringLiteral("parameters") : QStringLiteral("variables"), QStringLiteral("user"),
            isParam ? QStringLiteral("userParam") : QStringLiteral("userVar"),
            isParam ? QStringLiteral("user_params") : QStringLiteral("user_vars"), QStringLiteral("user_id"));
        for (ReplyCase &attribute : attributes) {
            if (attribute.event.contains(QLatin1String("Del_")))
                continue;
            const Check entryCheck = attribute.check;
            attribute.check = [entryCheck](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
                entryCheck(f, s, reply);
                if (!QTest::currentTestFailed())
                    checkUserFields(f, s, reply);
            };
        }
        cases += attributes;
    }
    return cases;
}

QList<ReplyCase> groupCases()
{
    return {
        {QStringLiteral("[Groups] Get_groups"), QStringLiteral("{}"),
         [](DirectoryFixture &f, const SeededDirectory &, const QJsonObject &reply) {
             compareDomains(f, reply.value(QLatin1String("domains")).toObject());
             if (QTest::currentTestFailed())
                 return;
             const QJsonObject list = reply.value(QLatin1String("list")).toObject();
             auto query = f.database().exec(QStringLiteral("SELECT id, domain_id, name FROM directory_groups"));
             QVERIFY(query);
             int stored = 0;
             while (query->next()) {
                 ++stored;
                 QCOMPARE(at(list, {query->value(1).toString()}).value(query->value(0).toString()).toString(),
                          query->value(2).toString());
             }
             QCOMPARE(stored, 2);
         }},
        {QStringLiteral("[Groups] Get_group_users"), QStringLiteral(R"({"id": ${group}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 domain = s.id(QStringLiteral("domain"));
             const QJsonObject candidates = at(reply, {QStringLiteral("list"), key(domain)});
             QCOMPARE(idsOf(candidates), (QList<qint64>{s.id(QStringLiteral("user")), s.id(QStringLiteral("user2"))}));
             QCOMPARE(candidates.value(key(s.id(QStringLiteral("user2")))).toString(), QStringLiteral("brian"));
             const QJsonObject members = at(reply, {QStringLiteral("group_users"), key(s.id(QStringLiteral("group")))});
             QCOMPARE(idsOf(members), QList<qint64>{s.id(QStringLiteral("member"))});
             const QJsonObject member = members.begin().value().toObject();
             QCOMPARE(member.value(QLatin1String("user_id")).toInteger(), s.id(QStringLiteral("user")));
             QCOMPARE(member.value(QLatin1String("name")).toString(), QStringLiteral("1000"));
             QCOMPARE(member.value(QLatin1String("type")).toString(), QStringLiteral("pointer"));
             QCOMPARE(member.value(QLatin1String("enabled")).toBool(), true);
             QCOMPARE(f.row(QStringLiteral("SELECT group_id, user_id, type FROM group_members WHERE id = ?"), {s.id(QStringLiteral("member"))}),
                      (QVariantList{s.id(QStringLiteral("group")), s.id(QStringLiteral("user")), QStringLiteral("pointer")}));
             // The group's parameters and variables, read-only in the API.
             const QJsonObject details = at(reply, {QStringLiteral("group_details"), key(s.id(QStringLiteral("group")))});
             QVERIFY(details.value(QLatin1String("parameters")).isObject());
             QVERIFY(details.value(QLatin1String("variables")).isObject());
         },
         {QStringLiteral("group_details")}},
        {QStringLiteral("[Groups] Add_new_group"), QStringLiteral(R"({"id": ${domain}, "name": " new-group "})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject items = reply.value(QLatin1String("items")).toObject();
             QCOMPARE(items.size(), 1);
             QCOMPARE(items.begin().value().toString(), QStringLiteral("new-group"));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(f.row(QStringLiteral("SELECT domain_id, name FROM directory_groups WHERE id = ?"), {items.begin().key().toLongLong()}),
                      (QVariantList{s.id(QStringLiteral("domain")), QStringLiteral("new-group")}));
         }},
        {QStringLiteral("[Groups] Update_group_name"), QStringLiteral(R"({"id": ${group}, "name": "new-group2"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("group")));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("name")).toString(), QStringLiteral("new-group2"));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM directory_groups WHERE id = ?"), {s.id(QStringLiteral("group"))}).toString(),
                      QStringLiteral("new-group2"));
         }},
        {QStringLiteral("[Groups] Del_group"), QStringLiteral(R"({"id": ${group}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("group")));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
             QCOMPARE(rowCount(f, QStringLiteral("directory_groups"), s.id(QStringLiteral("group"))), 0);
             QCOMPARE(rowCount(f, QStringLiteral("group_members"), s.id(QStringLiteral("member"))), 0);
             QCOMPARE(rowCount(f, QStringLiteral("users"), s.id(QStringLiteral("user"))), 1);
         }},
        {QStringLiteral("[Groups] Add_group_user"), QStringLiteral(R"({"id": ${group}, "value": "${user2}"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 group = s.id(QStringLiteral("group"));
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), group);
             const QJsonObject members = at(reply, {QStringLiteral("group_users"), key(group)});
             QCOMPARE(members.size(), 1);
             const QJsonObject member = members.begin().value().toObject();
             QCOMPARE(member.value(QLatin1String("user_id")).toInteger(), s.id(QStringLiteral("user2")));
             QCOMPARE(member.value(QLatin1String("name")).toString(), QStringLiteral("brian"));
             QCOMPARE(member.value(QLatin1String("type")).toString(), QStringLiteral("pointer"));
             QCOMPARE(f.row(QStringLiteral("SELECT group_id, user_id, type FROM group_members WHERE id = ?"),
                            {member.value(QLatin1String("id")).toInteger()}),
                      (QVariantList{group, s.id(QStringLiteral("user2")), QStringLiteral("pointer")}));
         }},
        {QStringLiteral("[Groups] Del_group_user"), QStringLiteral(R"({"id": ${member}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("group")));
             QCOMPARE(reply.value(QLatin1String("affected_id")).toInteger(), s.id(QStringLiteral("member")));
             QCOMPARE(rowCount(f, QStringLiteral("group_members"), s.id(QStringLiteral("member"))), 0);
             QCOMPARE(rowCount(f, QStringLiteral("users"), s.id(QStringLiteral("user"))), 1);
         }},
    };
}

// Checks the `item`, `id` (domain) and `affected_id` (user) of a gateway reply.
void checkGatewayItem(const SeededDirectory &s, const QJsonObject &reply, qint64 gateway, qint64 user)
{
    QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger(), gateway);
    QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("domain")));
    QCOMPARE(reply.value(QLatin1String("affected_id")).toInteger(), user);
}

QList<ReplyCase> gatewayCases()
{
    QList<ReplyCase> cases = {
        {QStringLiteral("[Gateways] Get_users_gateways"), QStringLiteral("{}"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             compareDomains(f, reply.value(QLatin1String("domains")).toObject());
             if (QTest::currentTestFailed())
                 return;
             compareAllUsers(f, reply.value(QLatin1String("directory_users")).toObject());
             if (QTest::currentTestFailed())
                 return;
             const QJsonObject gateways = at(reply, {QStringLiteral("user_gateways"), key(s.id(QStringLiteral("domain"))),
                                                     key(s.id(QStringLiteral("user")))});
             QCOMPARE(idsOf(gateways), (QList<qint64>{s.id(QStringLiteral("gateway")), s.id(QStringLiteral("gateway2"))}));
             const QJsonObject gateway = gateways.value(key(s.id(QStringLiteral("gateway")))).toObject();
             QCOMPARE(gateway.value(QLatin1String("name")).toString(), QStringLiteral("gw1"));
             QCOMPARE(gateway.value(QLatin1String("enabled")).toBool(), true);
             QCOMPARE(reply.value(QLatin1String("user_gateways")).toObject().size(), 1);
         }},
        {QStringLiteral("[Gateways] Add_new_user_gateway"), QStringLiteral(R"({"id": ${user2}, "name": "new"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 gateway = at(reply, {QStringLiteral("item")}).value(QLatin1String("id")).toInteger();
             checkGatewayItem(s, reply, gateway, s.id(QStringLiteral("user2")));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("name")).toString(), QStringLiteral("new"));
             QCOMPARE(f.row(QStringLiteral("SELECT user_id, name, enabled FROM gateways WHERE id = ?"), {gateway}),
                      (QVariantList{s.id(QStringLiteral("user2")), QStringLiteral("new"), 1}));
         }},
        {QStringLiteral("[Gateways] Update_user_gateway_name"), QStringLiteral(R"({"id": ${gateway}, "name": "new2"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             checkGatewayItem(s, reply, s.id(QStringLiteral("gateway")), s.id(QStringLiteral("user")));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("name")).toString(), QStringLiteral("new2"));
             QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM gateways WHERE id = ?"), {s.id(QStringLiteral("gateway"))}).toString(),
                      QStringLiteral("new2"));
         }},
        {QStringLiteral("[Gateways][Switch] Gateway"), QStringLiteral(R"({"id": ${gateway}, "enabled": false})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             checkGatewayItem(s, reply, s.id(QStringLiteral("gateway")), s.id(QStringLiteral("user")));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("name")).toString(), QStringLiteral("gw1"));
             QCOMPARE(at(reply, {QStringLiteral("item")}).value(QLatin1String("enabled")).toBool(), false);
             QCOMPARE(f.scalar(QStringLiteral("SELECT enabled FROM gateways WHERE id = ?"), {s.id(QStringLiteral("gateway"))}).toInt(), 0);
         }},
        {QStringLiteral("[Gateways] Del_user_gateway"), QStringLiteral(R"({"id": ${gateway}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             checkGatewayItem(s, reply, s.id(QStringLiteral("gateway")), s.id(QStringLiteral("user")));
             QCOMPARE(rowCount(f, QStringLiteral("gateways"), s.id(QStringLiteral("gateway"))), 0);
             QCOMPARE(f.count(QStringLiteral("gateway_params")), 0);
             QCOMPARE(f.count(QStringLiteral("gateway_vars")), 0);
         }},
        {QStringLiteral("[Gateways] Get_user_gateways_details"), QStringLiteral(R"({"id": ${gateway}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const qint64 gateway = s.id(QStringLiteral("gateway"));
             const QJsonObject details = at(reply, {QStringLiteral("gateway_details"), key(gateway)});
             compareAttributes(f, QStringLiteral("gateway_params"), QStringLiteral("gateway_id"), gateway,
                               details.value(QLatin1String("parameters")).toObject());
             if (QTest::currentTestFailed())
                 return;
             QVERIFY2(details.value(QLatin1String("variables")).isObject(), "details replies always carry variables");
             compareAttributes(f, QStringLiteral("gateway_vars"), QStringLiteral("gateway_id"), gateway,
                               details.value(QLatin1String("variables")).toObject());
         }},
        {QStringLiteral("[Gateways] Add_user_gateway_param"), QStringLiteral(R"({"id": ${gateway}, "name": "param1", "value": "val1"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject item = at(reply, {QStringLiteral("item")});
             QCOMPARE(item.value(QLatin1String("name")).toString(), QStringLiteral("param1"));
             QCOMPARE(item.value(QLatin1String("value")).toString(), QStringLiteral("val1"));
             QCOMPARE(item.value(QLatin1String("enabled")).toBool(), true);
             // Beyond the document's example, this reply also carries the gateway as `id`.
             QCOMPARE(reply.value(QLatin1String("id")).toInteger(), s.id(QStringLiteral("gateway")));
             compareAttribute(f, QStringLiteral("gateway_params"), item, s.id(QStringLiteral("gateway")), QStringLiteral("gateway_id"));
         },
         {QStringLiteral("id")}},
    };

    // Update, switch and delete of a gateway parameter take data.id like user parameters.
    QList<ReplyCase> params = attributeCases(
        QString(), QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral("[Gateways][Switch] Param"),
        QStringLiteral("[Gateways] Del_user_gateway_param"), QStringLiteral("gateway_details"),
        QStringLiteral("parameters"), QStringLiteral("gateway"), QStringLiteral("gatewayParam"),
        QStringLiteral("gateway_params"), QStringLiteral("gateway_id"));
    params.removeFirst();
    cases += params;

    auto checkVariable = [](const QString &name, const QString &value, const QString &direction, bool enabled) {
        return [=](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
            const qint64 gateway = s.id(QStringLiteral("gateway"));
            const QJsonObject list = at(reply, {QStringLiteral("gateway_details"), key(gateway), QStringLiteral("variables")});
            QCOMPARE(list.size(), 1);
            const QJsonObject entry = list.begin().value().toObject();
            QCOMPARE(entry.value(QLatin1String("name")).toString(), name);
            QCOMPARE(entry.value(QLatin1String("value")).toString(), value);
            QCOMPARE(entry.value(QLatin1String("direction")).toString(), direction);
            QCOMPARE(entry.value(QLatin1String("enabled")).toBool(), enabled);
            compareAttribute(f, QStringLiteral("gateway_vars"), entry, gateway, QStringLiteral("gateway_id"));
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(f.scalar(QStringLiteral("SELECT direction FROM gateway_vars WHERE id = ?"),
                              {entry.value(QLatin1String("id")).toInteger()}).toString(), direction);
        };
    };
    cases += {
        {QStringLiteral("[Gateways] Add_user_gateway_var"),
         QStringLiteral(R"({"id": ${gateway}, "index": 0, "variable": {"enabled": true, "name": "var2", "value": "val2"}})"),
         checkVariable(QStringLiteral("var2"), QStringLiteral("val2"), QString(), true)},
        {QStringLiteral("[Gateways] Update_user_gateway_var"),
         QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": true, "name": "var9", "value": "val9", "direction": "outbound"}})"),
         checkVariable(QStringLiteral("var9"), QStringLiteral("val9"), QStringLiteral("outbound"), true)},
        {QStringLiteral("[Gateways] Switch_user_gateway_var"),
         QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": false, "name": "var1", "value": "val1", "direction": "inbound"}})"),
         checkVariable(QStringLiteral("var1"), QStringLiteral("val1"), QStringLiteral("inbound"), false)},
        {QStringLiteral("[Gateways] Del_user_gateway_var"),
         QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": true, "name": "var1", "value": "val1", "direction": "inbound"}})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject entry = at(reply, {QStringLiteral("gateway_details"), key(s.id(QStringLiteral("gateway"))),
                                                  QStringLiteral("variables"), key(s.id(QStringLiteral("gatewayVar")))});
             QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("var1"));
             QCOMPARE(rowCount(f, QStringLiteral("gateway_vars"), s.id(QStringLiteral("gatewayVar"))), 0);
         }},
    };
    return cases;
}

QList<ReplyCase> importCases()
{
    const QString report = QStringLiteral("report");
    return {
        {QStringLiteral("ImportXMLDomain"),
         QStringLiteral(R"({"file": "<domain name=\"newDomain\"><params><param name=\"jsonrpc-allowed-methods\" value=\"verto\"/></params><variables><variable name=\"record_stereo\" value=\"true\"/></variables><groups></groups></domain>"})"),
         [](DirectoryFixture &f, const SeededDirectory &, const QJsonObject &reply) {
             compareDomains(f, reply.value(QLatin1String("domains")).toObject());
             auto query = f.database().exec(QStringLiteral(
                 "SELECT COUNT(*) FROM domain_params p JOIN domains d ON d.id = p.domain_id WHERE d.name = 'newDomain'"));
             QVERIFY(query && query->next());
             QCOMPARE(query->value(0).toInt(), 1);
         },
         {report}},
        {QStringLiteral("ImportXMLDomainUser"),
         QStringLiteral(R"({"id": ${domain}, "file": "<user id=\"1400\"><params><param name=\"password\" value=\"$${default_password}\"/></params></user>"})"),
         [](DirectoryFixture &f, const SeededDirectory &s, const QJsonObject &reply) {
             const QJsonObject users = at(reply, {QStringLiteral("directory_users"), key(s.id(QStringLiteral("domain")))});
             auto query = f.database().exec(QStringLiteral("SELECT id FROM users WHERE domain_id = ? ORDER BY id"),
                                            {s.id(QStringLiteral("domain"))});
             QVERIFY(query);
             QList<qint64> stored;
             while (query->next())
                 stored.append(query->value(0).toLongLong());
             QCOMPARE(idsOf(users), stored);
             // The undefined $${default_password} is kept for the receiving FreeSWITCH to expand.
             auto password = f.database().exec(QStringLiteral(
                 "SELECT p.value FROM user_params p JOIN users u ON u.id = p.user_id WHERE u.name = '1400'"));
             QVERIFY(password && password->next());
             QCOMPARE(password->value(0).toString(), QStringLiteral("$${default_password}"));
         },
         {report}},
        {QStringLiteral("[Directory] Export"), QStringLiteral(R"({"mode": "backup"})"),
         [](DirectoryFixture &, const SeededDirectory &, const QJsonObject &reply) {
             const QString file = reply.value(QLatin1String("file")).toString();
             QVERIFY(file.contains(QLatin1String("<section name=\"directory\"")));
             QVERIFY(file.contains(QLatin1String("<user id=\"1000\"")));
         }},
    };
}

QList<ReplyCase> allCases()
{
    QList<ReplyCase> cases = domainCases();
    cases += importCases();
    cases += attributeCases(QStringLiteral("[Domains] New_domain_param"), QStringLiteral("[Domains] Update_domain_param"),
                            QStringLiteral("[Domains][Switch] Domain parameter"), QStringLiteral("[Domains] Del_domain_param"),
                            QStringLiteral("domain_details"), QStringLiteral("parameters"), QStringLiteral("domain"),
                            QStringLiteral("domainParam"), QStringLiteral("domain_params"), QStringLiteral("domain_id"));
    cases += attributeCases(QStringLiteral("[Domains] New_domain_var"), QStringLiteral("[Domains] Update_domain_var"),
                            QStringLiteral("[Domains][Switch] Domain variable"), QStringLiteral("[Domains] Del_domain_var"),
                            QStringLiteral("domain_details"), QStringLiteral("variables"), QStringLiteral("domain"),
                            QStringLiteral("domainVar"), QStringLiteral("domain_vars"), QStringLiteral("domain_id"));
    cases += userCases();
    cases += groupCases();
    cases += gatewayCases();
    return cases;
}

// [Directory][Import] needs a FreeSWITCH Event Socket; tests/freeswitch replays it against a
// double. Here it only has to fail cleanly.
const QString LiveImportEvent = QStringLiteral("[Directory][Import]");

} // namespace

class EventRepliesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void documentEventsAllCovered();
    void replyMatchesDocument_data();
    void replyMatchesDocument();
    void shapeCheckRejectsWrongReplies_data();
    void shapeCheckRejectsWrongReplies();
    void liveImportWithoutFreeSwitchFails();
    void loginAndLogoutReplies();
    void requestIdEchoed_data();
    void requestIdEchoed();

private:
    ApiDocument m_document;
};

void EventRepliesTest::initTestCase()
{
    m_document = ApiDocument::loadFromSpecDir(FSD_SPEC_DIR);
    QVERIFY2(m_document.isValid(), qPrintable(m_document.errorString()));
    QCOMPARE(m_document.eventNames().size(), 53);
}

void EventRepliesTest::documentEventsAllCovered()
{
    QSet<QString> covered;
    for (const ReplyCase &replyCase : allCases())
        covered.insert(replyCase.event);
    for (const QString &event : m_document.eventNames()) {
        if (event == LiveImportEvent)
            continue;
        QVERIFY2(covered.contains(event), qPrintable(QStringLiteral("no reply case for \"%1\"").arg(event)));
    }
    QVERIFY(covered.contains(QStringLiteral("[Users][Switch] User")));
    QVERIFY(covered.contains(QStringLiteral("[Gateways][Switch] Gateway")));
}

void EventRepliesTest::replyMatchesDocument_data()
{
    QTest::addColumn<int>("caseIndex");
    const QList<ReplyCase> cases = allCases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).event)) << i;
}

void EventRepliesTest::replyMatchesDocument()
{
    QFETCH(int, caseIndex);
    const ReplyCase replyCase = allCases().at(caseIndex);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));

    QJsonParseError parseError;
    const QJsonDocument data = QJsonDocument::fromJson(seeded.expand(replyCase.data).toUtf8(), &parseError);
    QVERIFY2(data.isObject(), qPrintable(parseError.errorString()));

    QSignalSpy changes(&fixture.dispatcher(), &Dispatcher::changeCommitted);
    const QJsonObject reply = fixture.call(replyCase.event, data.object());
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), replyCase.event);

    QJsonObject example = m_document.event(replyCase.event).example;
    if (example.isEmpty())
        example = addedEventExample(replyCase.event);
    QVERIFY2(!example.isEmpty(), "no example reply for this event");
    const QStringList differences = JsonShape(CommonExtraKeys + replyCase.extraKeys).compare(reply, example);
    QVERIFY2(differences.isEmpty(),
             qPrintable(differences.join(QLatin1String("; ")) + QStringLiteral(" in ") + compact(reply)));

    replyCase.check(fixture, seeded, reply);
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "reply:" << compact(reply);
        return;
    }

    // A change is announced once, after its commit, with the reply its caller received.
    const bool isGet = replyCase.event.contains(QLatin1String("Get"))
        || replyCase.event == QLatin1String("[Directory] Export");
    QCOMPARE(changes.size(), isGet ? 0 : 1);
    if (!isGet)
        QCOMPARE(changes.at(0).at(0).toJsonObject(), reply);
}

// The shape check must catch what a wrong handler would send.
void EventRepliesTest::shapeCheckRejectsWrongReplies_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("difference");

    const QString domains = QStringLiteral(R"({"MessageType": "x", "domains": {"1": {"id": 1, "enabled": true, "name": "a"}}})");
    QTest::newRow("key missing") << domains << QStringLiteral(R"({"MessageType": "x", "domains": {"5": {"id": 5, "name": "b"}}})")
                                 << QStringLiteral("domains/5/enabled: missing");
    QTest::newRow("boolean as integer") << domains
                                        << QStringLiteral(R"({"MessageType": "x", "domains": {"5": {"id": 5, "enabled": 1, "name": "b"}}})")
                                        << QStringLiteral("domains/5/enabled: expected boolean, got integer");
    QTest::newRow("id as string") << domains
                                  << QStringLiteral(R"({"MessageType": "x", "domains": {"5": {"id": "5", "enabled": true, "name": "b"}}})")
                                  << QStringLiteral("domains/5/id: expected integer, got string");
    QTest::newRow("empty list") << domains << QStringLiteral(R"({"MessageType": "x", "domains": {}})")
                                << QStringLiteral("domains: empty, but the example lists entries");
    QTest::newRow("list keyed by name") << domains
                                        << QStringLiteral(R"({"MessageType": "x", "domains": {"a": {"id": 5, "enabled": true, "name": "b"}}})")
                                        << QStringLiteral("domains: keys a are not all row ids");
    QTest::newRow("unknown key") << domains
                                 << QStringLiteral(R"({"MessageType": "x", "domains": {"5": {"id": 5, "enabled": true, "name": "b", "extra": 1}}})")
                                 << QStringLiteral("domains/5/extra: not in the example");
    QTest::newRow("top-level key missing") << QStringLiteral(R"({"MessageType": "x", "total": 10})")
                                           << QStringLiteral(R"({"MessageType": "x"})") << QStringLiteral("total: missing");
}

void EventRepliesTest::shapeCheckRejectsWrongReplies()
{
    QFETCH(QString, example);
    QFETCH(QString, reply);
    QFETCH(QString, difference);

    const QStringList differences = JsonShape().compare(QJsonDocument::fromJson(reply.toUtf8()).object(),
                                                        QJsonDocument::fromJson(example.toUtf8()).object());
    QCOMPARE(differences, QStringList{difference});
}

void EventRepliesTest::liveImportWithoutFreeSwitchFails()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QString before = fixture.snapshot();

    const QJsonObject reply = fixture.call(LiveImportEvent, {});
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), LiveImportEvent);
    QCOMPARE(reply.value(QLatin1String("error")).toString(), QStringLiteral("can't connect to freeswitch"));
    QVERIFY2(reply.value(QLatin1String("detail")).toString().contains(QLatin1String("127.0.0.1:1")),
             qPrintable(compact(reply)));
    QCOMPARE(fixture.snapshot(), before);
}

void EventRepliesTest::loginAndLogoutReplies()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    QVERIFY(fixture.authenticator().addOperator(QStringLiteral("alice"), Role::Operator, QStringLiteral("pw-alice")));

    const QJsonObject login = fixture.login(QStringLiteral("alice"), QStringLiteral("pw-alice"));
    const QJsonObject loginExample{{QStringLiteral("MessageType"), QStringLiteral("login")},
                                   {QStringLiteral("token"), QStringLiteral("0123")},
                                   {QStringLiteral("role"), QStringLiteral("admin")}};
    QCOMPARE(JsonShape().compare(login, loginExample), QStringList());
    QCOMPARE(login.value(QLatin1String("role")).toString(), QStringLiteral("operator"));
    const QString token = login.value(QLatin1String("token")).toString();
    // 128 random bits as hex; only the SHA-256 of the token is stored.
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(token).hasMatch(), qPrintable(token));
    QCOMPARE(fixture.count(QStringLiteral("sessions")), 1);
    QCOMPARE(fixture.count(QStringLiteral("sessions"), QStringLiteral("token_hash = ?"), {token}), 0);
    QCOMPARE(fixture.count(QStringLiteral("sessions"), QStringLiteral("token_hash = ?"),
                           {QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex())}),
             1);

    QSignalSpy ended(&fixture.dispatcher(), &Dispatcher::tokenEnded);
    const QJsonObject logout = fixture.callWithToken(token.toLatin1(), QStringLiteral("logout"));
    QCOMPARE(logout, (QJsonObject{{QStringLiteral("MessageType"), QStringLiteral("logout")}}));
    QCOMPARE(fixture.count(QStringLiteral("sessions")), 0);
    QCOMPARE(ended.size(), 1);

    const QJsonObject after = fixture.callWithToken(token.toLatin1(), QStringLiteral("[Domains][Get] Domains"));
    QCOMPARE(after.value(QLatin1String("error")).toString(), QStringLiteral("unauthorized"));
    QCOMPARE(after.value(QLatin1String("no_token")).toBool(), true);
}

void EventRepliesTest::requestIdEchoed_data()
{
    QTest::addColumn<QString>("request");

    QTest::newRow("success, number") << QStringLiteral(R"({"event": "[Domains][Get] Domains", "data": {}, "request_id": 42})");
    QTest::newRow("success, object") << QStringLiteral(R"({"event": "[Domains][Get] Domains", "data": {}, "request_id": {"n": [1, "a"]}})");
    QTest::newRow("handler error") << QStringLiteral(R"({"event": "[Domains] Del_domain", "data": {"id": 99}, "request_id": "r-1"})");
    QTest::newRow("unknown event") << QStringLiteral(R"({"event": "[Nope] Nothing", "data": {}, "request_id": "r-2"})");
    QTest::newRow("data missing") << QStringLiteral(R"({"event": "[Domains][Get] Domains", "request_id": "r-3"})");
    QTest::newRow("event not a string") << QStringLiteral(R"({"event": 7, "data": {}, "request_id": null})");
}

void EventRepliesTest::requestIdEchoed()
{
    QFETCH(QString, request);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const QJsonObject object = QJsonDocument::fromJson(request.toUtf8()).object();
    const QJsonObject reply = fixture.request(object);
    QVERIFY2(reply.contains(QLatin1String("request_id")), qPrintable(compact(reply)));
    QCOMPARE(reply.value(QLatin1String("request_id")), object.value(QLatin1String("request_id")));
}

QTEST_GUILESS_MAIN(EventRepliesTest)
#include "tst_eventreplies.moc"
