// SPDX-License-Identifier: MPL-2.0
// Bad input: request bodies that are not requests, fields of the wrong JSON type, blank and
// invalid names, invalid CIDR lists and the limits of bulk user creation. Each rejected
// request leaves every table as it was.

#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"
#include "tests/support/DirectoryFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fsd;
using namespace fsd::test;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A valid request of every event that takes an id, with the key that contains the id.
struct IdEvent
{
    QString event;
    QString data;
    // "id", or "variable.id" for the gateway variable events.
    QString idKey = QStringLiteral("id");
};

QList<IdEvent> idEvents()
{
    return {
        {QStringLiteral("[Domains] Rename_domain"), QStringLiteral(R"({"id": ${domain}, "name": "a.example"})")},
        {QStringLiteral("[Domains][Switch] Domain"), QStringLiteral(R"({"id": ${domain}, "enabled": false})")},
        {QStringLiteral("[Domains] Del_domain"), QStringLiteral(R"({"id": ${domain}})")},
        {QStringLiteral("[Domains][Get] Domain_details"), QStringLiteral(R"({"id": ${domain}})")},
        {QStringLiteral("[Domains] New_domain_param"), QStringLiteral(R"({"id": ${domain}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Domains] Update_domain_param"), QStringLiteral(R"({"id": ${domainParam}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Domains][Switch] Domain parameter"), QStringLiteral(R"({"id": ${domainParam}, "enabled": false})")},
        {QStringLiteral("[Domains] Del_domain_param"), QStringLiteral(R"({"id": ${domainParam}})")},
        {QStringLiteral("[Domains] New_domain_var"), QStringLiteral(R"({"id": ${domain}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Domains] Update_domain_var"), QStringLiteral(R"({"id": ${domainVar}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Domains][Switch] Domain variable"), QStringLiteral(R"({"id": ${domainVar}, "enabled": false})")},
        {QStringLiteral("[Domains] Del_domain_var"), QStringLiteral(R"({"id": ${domainVar}})")},
        {QStringLiteral("[Users] Get_user_details"), QStringLiteral(R"({"id": ${user}})")},
        {QStringLiteral("[Users] Add_user_param"), QStringLiteral(R"({"id": ${user}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Users] Update_user_param"), QStringLiteral(R"({"id": ${userParam}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Users][Switch] User parameter"), QStringLiteral(R"({"id": ${userParam}, "enabled": false})")},
        {QStringLiteral("[Users] Del_user_param"), QStringLiteral(R"({"id": ${userParam}})")},
        {QStringLiteral("[Users] Add_user_var"), QStringLiteral(R"({"id": ${user}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Users] Update_user_var"), QStringLiteral(R"({"id": ${userVar}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Users][Switch] User variable"), QStringLiteral(R"({"id": ${userVar}, "enabled": false})")},
        {QStringLiteral("[Users] Del_user_var"), QStringLiteral(R"({"id": ${userVar}})")},
        {QStringLiteral("[Users] Update_user_cache"), QStringLiteral(R"({"id": ${user}, "value": "1"})")},
        {QStringLiteral("[Users] Update_user_cidr"), QStringLiteral(R"({"id": ${user}, "value": ""})")},
        {QStringLiteral("[Users] Update_user_number_alias"), QStringLiteral(R"({"id": ${user}, "value": ""})")},
        {QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "name": "4000"})")},
        {QStringLiteral("[Users] Update_user_name"), QStringLiteral(R"({"id": ${user}, "name": "4000"})")},
        {QStringLiteral("[Users][Switch] User"), QStringLiteral(R"({"id": ${user}, "enabled": false})")},
        {QStringLiteral("[Users] Del_user"), QStringLiteral(R"({"id": ${user}})")},
        {QStringLiteral("[Groups] Get_group_users"), QStringLiteral(R"({"id": ${group}})")},
        {QStringLiteral("[Groups] Add_new_group"), QStringLiteral(R"({"id": ${domain}, "name": "g"})")},
        {QStringLiteral("[Groups] Update_group_name"), QStringLiteral(R"({"id": ${group}, "name": "g"})")},
        {QStringLiteral("[Groups] Del_group"), QStringLiteral(R"({"id": ${group}})")},
        {QStringLiteral("[Groups] Add_group_user"), QStringLiteral(R"({"id": ${group}, "value": "${user2}"})")},
        {QStringLiteral("[Groups] Del_group_user"), QStringLiteral(R"({"id": ${member}})")},
        {QStringLiteral("[Gateways] Add_new_user_gateway"), QStringLiteral(R"({"id": ${user}, "name": "gw9"})")},
        {QStringLiteral("[Gateways] Update_user_gateway_name"), QStringLiteral(R"({"id": ${gateway}, "name": "gw9"})")},
        {QStringLiteral("[Gateways][Switch] Gateway"), QStringLiteral(R"({"id": ${gateway}, "enabled": false})")},
        {QStringLiteral("[Gateways] Del_user_gateway"), QStringLiteral(R"({"id": ${gateway}})")},
        {QStringLiteral("[Gateways] Get_user_gateways_details"), QStringLiteral(R"({"id": ${gateway}})")},
        {QStringLiteral("[Gateways] Add_user_gateway_param"), QStringLiteral(R"({"id": ${gateway}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}, "name": "n", "value": "v"})")},
        {QStringLiteral("[Gateways][Switch] Param"), QStringLiteral(R"({"id": ${gatewayParam}, "enabled": false})")},
        {QStringLiteral("[Gateways] Del_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}})")},
        {QStringLiteral("[Gateways] Add_user_gateway_var"), QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "n", "value": "v"}})")},
        {QStringLiteral("[Gateways] Update_user_gateway_var"),
         QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "n", "value": "v"}})"), QStringLiteral("variable.id")},
        {QStringLiteral("[Gateways] Switch_user_gateway_var"),
         QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": false}})"), QStringLiteral("variable.id")},
        {QStringLiteral("[Gateways] Del_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}}})"),
         QStringLiteral("variable.id")},
    };
}

// Sets (or with an undefined value, removes) `key` of `data`; "a.b" reaches into object "a".
QJsonObject withField(QJsonObject data, const QString &key, const QJsonValue &value)
{
    const int dot = int(key.indexOf(QLatin1Char('.')));
    if (dot >= 0) {
        const QString outer = key.left(dot);
        data.insert(outer, withField(data.value(outer).toObject(), key.mid(dot + 1), value));
        return data;
    }
    if (value.isUndefined())
        data.remove(key);
    else
        data.insert(key, value);
    return data;
}

QJsonValue jsonValue(const QString &text)
{
    if (text == QLatin1String("(missing)"))
        return QJsonValue(QJsonValue::Undefined);
    return QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text).toUtf8()).array().at(0);
}

} // namespace

class BadInputTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void notARequest_data();
    void notARequest();
    void idOfWrongType_data();
    void idOfWrongType();
    void fieldOfWrongType_data();
    void fieldOfWrongType();
    void blankName_data();
    void blankName();
    void invalidName_data();
    void invalidName();
    void validNameAccepted_data();
    void validNameAccepted();
    void invalidCidr_data();
    void invalidCidr();
    void validCidrAccepted_data();
    void validCidrAccepted();

    void bulkRejected_data();
    void bulkRejected();
    void bulkNames_data();
    void bulkNames();
    void bulkOfHundred();

private:
    // Runs `data` (JSON text with seeded ids) and checks the error and that nothing changed.
    void expectRejected(const QString &event, const QJsonObject &data, const QString &error,
                        const QString &detail = {});
    QJsonObject expand(const QString &data) const;

    // Rejected requests do not change anything, so one seeded directory serves them all; the
    // snapshot taken before each test function proves it stayed unchanged.
    std::unique_ptr<DirectoryFixture> m_fixture;
    SeededDirectory m_seeded;
    QString m_snapshot;
};

void BadInputTest::initTestCase()
{
    m_fixture = std::make_unique<DirectoryFixture>();
    QVERIFY2(m_fixture->isValid(), qPrintable(m_fixture->errorString()));
    m_seeded = SeededDirectory::seed(*m_fixture);
    QVERIFY2(m_seeded.isValid(), qPrintable(m_seeded.error));
}

void BadInputTest::init()
{
    m_snapshot = m_fixture->snapshot();
}

void BadInputTest::cleanup()
{
    QCOMPARE(m_fixture->snapshot(), m_snapshot);
}

QJsonObject BadInputTest::expand(const QString &data) const
{
    return QJsonDocument::fromJson(m_seeded.expand(data).toUtf8()).object();
}

void BadInputTest::expectRejected(const QString &event, const QJsonObject &data, const QString &error,
                                  const QString &detail)
{
    QSignalSpy changes(&m_fixture->dispatcher(), &Dispatcher::changeCommitted);
    const QJsonObject reply = m_fixture->call(event, data);
    const QString text = compact(reply) + QStringLiteral(" for ") + compact(data);
    QVERIFY2(reply.value(QLatin1String("error")) == error, qPrintable(text));
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), event);
    if (!detail.isEmpty())
        QVERIFY2(reply.value(QLatin1String("detail")).toString().contains(detail), qPrintable(text));
    QCOMPARE(changes.size(), 0);
    QCOMPARE(m_fixture->snapshot(), m_snapshot);
}

void BadInputTest::notARequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageType");
    QTest::addColumn<QString>("error");

    const QString none = QStringLiteral("none");
    const QString invalid = QStringLiteral("invalid request");
    QTest::newRow("empty body") << QByteArray() << none << invalid;
    QTest::newRow("not JSON") << QByteArray("hello") << none << invalid;
    QTest::newRow("truncated JSON") << QByteArray(R"({"event": "[Domains][Get] Domains", "data": {)") << none << invalid;
    QTest::newRow("trailing garbage") << QByteArray(R"({"event": "[Domains][Get] Domains", "data": {}} x)") << none << invalid;
    QTest::newRow("array") << QByteArray(R"([{"event": "[Domains][Get] Domains", "data": {}}])") << none << invalid;
    QTest::newRow("string") << QByteArray(R"("[Domains][Get] Domains")") << none << invalid;
    QTest::newRow("empty object") << QByteArray("{}") << none << invalid;
    QTest::newRow("data missing") << QByteArray(R"({"event": "[Domains][Add] Domain"})") << none << invalid;
    QTest::newRow("data null") << QByteArray(R"({"event": "[Domains][Add] Domain", "data": null})") << none << invalid;
    QTest::newRow("data an array") << QByteArray(R"({"event": "[Domains][Add] Domain", "data": [{"name": "a.b"}]})") << none << invalid;
    QTest::newRow("data a string") << QByteArray(R"({"event": "[Domains][Add] Domain", "data": "a.b"})") << none << invalid;
    QTest::newRow("event missing") << QByteArray(R"({"data": {"name": "a.b"}})") << none << invalid;
    QTest::newRow("event a number") << QByteArray(R"({"event": 5, "data": {}})") << none << invalid;
    QTest::newRow("event an object") << QByteArray(R"({"event": {"name": "x"}, "data": {}})") << none << invalid;
    QTest::newRow("unknown event") << QByteArray(R"({"event": "[Domains] Drop_all", "data": {}})")
                                   << QStringLiteral("[Domains] Drop_all") << QStringLiteral("unknown event");
    QTest::newRow("event in other case") << QByteArray(R"({"event": "[domains][add] domain", "data": {"name": "a.b"}})")
                                         << QStringLiteral("[domains][add] domain") << QStringLiteral("unknown event");
    QTest::newRow("event with trailing space") << QByteArray(R"({"event": "[Domains][Add] Domain ", "data": {"name": "a.b"}})")
                                               << QStringLiteral("[Domains][Add] Domain ") << QStringLiteral("unknown event");
}

void BadInputTest::notARequest()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messageType);
    QFETCH(QString, error);

    RequestContext context;
    context.local = true;
    QSignalSpy changes(&m_fixture->dispatcher(), &Dispatcher::changeCommitted);
    const QJsonObject reply = m_fixture->dispatcher().dispatchBytes(body, context).reply;
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), messageType);
    QVERIFY2(reply.value(QLatin1String("error")) == error, qPrintable(compact(reply)));
    QVERIFY2(!reply.value(QLatin1String("detail")).toString().isEmpty(), "the detail says what a request looks like");
    QCOMPARE(changes.size(), 0);
}

void BadInputTest::idOfWrongType_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("idKey");
    QTest::addColumn<QString>("id");

    // Ids are positive JSON integers. 1e300 is integral but beyond the integers a double represents
    // exactly.
    const QStringList badIds = {QStringLiteral("(missing)"), QStringLiteral(R"("1")"), QStringLiteral("1.5"), QStringLiteral("0"),
                                QStringLiteral("-1"), QStringLiteral("null"), QStringLiteral("true"), QStringLiteral("{}"),
                                QStringLiteral("[1]"), QStringLiteral("1e300")};
    for (const IdEvent &idEvent : idEvents()) {
        for (const QString &id : badIds) {
            QTest::addRow("%s, id %s", qPrintable(idEvent.event), qPrintable(id))
                << idEvent.event << idEvent.data << idEvent.idKey << id;
        }
    }
}

void BadInputTest::idOfWrongType()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, idKey);
    QFETCH(QString, id);

    expectRejected(event, withField(expand(data), idKey, jsonValue(id)), QStringLiteral("wrong id"));
}

void BadInputTest::fieldOfWrongType_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");

    const QString wrongData = QStringLiteral("wrong data");
    struct Field
    {
        QString event;
        QString data;
        QString field;
    };
    const QList<Field> nameFields = {
        {QStringLiteral("[Domains][Add] Domain"), QStringLiteral(R"({"name": "a.example"})"), QStringLiteral("name")},
        {QStringLiteral("[Domains] Rename_domain"), QStringLiteral(R"({"id": ${domain}, "name": "a.example"})"), QStringLiteral("name")},
        {QStringLiteral("[Domains] New_domain_param"), QStringLiteral(R"({"id": ${domain}, "name": "n", "value": "v"})"), QStringLiteral("name")},
        {QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "name": "4000"})"), QStringLiteral("name")},
        {QStringLiteral("[Users] Update_user_name"), QStringLiteral(R"({"id": ${user}, "name": "4000"})"), QStringLiteral("name")},
        {QStringLiteral("[Users] Update_user_var"), QStringLiteral(R"({"id": ${userVar}, "name": "n", "value": "v"})"), QStringLiteral("name")},
        {QStringLiteral("[Groups] Add_new_group"), QStringLiteral(R"({"id": ${domain}, "name": "g"})"), QStringLiteral("name")},
        {QStringLiteral("[Gateways] Add_new_user_gateway"), QStringLiteral(R"({"id": ${user}, "name": "gw9"})"), QStringLiteral("name")},
        {QStringLiteral("[Gateways] Add_user_gateway_var"), QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "n", "value": "v"}})"),
         QStringLiteral("variable.name")},
        {QStringLiteral("[Domains] Update_domain_var"), QStringLiteral(R"({"id": ${domainVar}, "name": "n", "value": "v"})"), QStringLiteral("value")},
        {QStringLiteral("[Users] Add_user_param"), QStringLiteral(R"({"id": ${user}, "name": "n", "value": "v"})"), QStringLiteral("value")},
        {QStringLiteral("[Users] Update_user_cache"), QStringLiteral(R"({"id": ${user}, "value": "1"})"), QStringLiteral("value")},
        {QStringLiteral("[Users] Update_user_cidr"), QStringLiteral(R"({"id": ${user}, "value": ""})"), QStringLiteral("value")},
        {QStringLiteral("[Users] Update_user_number_alias"), QStringLiteral(R"({"id": ${user}, "value": ""})"), QStringLiteral("value")},
        {QStringLiteral("[Groups] Add_group_user"), QStringLiteral(R"({"id": ${group}, "value": "${user2}"})"), QStringLiteral("value")},
        {QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}, "name": "n", "value": "v"})"),
         QStringLiteral("value")},
        {QStringLiteral("[Gateways] Update_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "n", "value": "v"}})"),
         QStringLiteral("variable.value")},
    };
    // Names and values are strings only: no numbers, booleans, null, objects or arrays.
    for (const Field &field : nameFields) {
        for (const QString &value : {QStringLiteral("42"), QStringLiteral("true"), QStringLiteral("null"), QStringLiteral("{}"),
                                     QStringLiteral(R"(["a"])")}) {
            QTest::addRow("%s, %s %s", qPrintable(field.event), qPrintable(field.field), qPrintable(value))
                << field.event << field.data << field.field << value << wrongData;
        }
    }

    // A gateway variable's direction may be null, meaning none, but no other non-string.
    for (const QString &value : {QStringLiteral("42"), QStringLiteral("true"), QStringLiteral("{}")}) {
        QTest::addRow("[Gateways] Update_user_gateway_var, variable.direction %s", qPrintable(value))
            << QStringLiteral("[Gateways] Update_user_gateway_var")
            << QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "n", "value": "v"}})")
            << QStringLiteral("variable.direction") << value << wrongData;
    }

    const QList<Field> booleanFields = {
        {QStringLiteral("[Domains][Switch] Domain"), QStringLiteral(R"({"id": ${domain}, "enabled": false})"), QStringLiteral("enabled")},
        {QStringLiteral("[Users][Switch] User"), QStringLiteral(R"({"id": ${user}, "enabled": false})"), QStringLiteral("enabled")},
        {QStringLiteral("[Users][Switch] User variable"), QStringLiteral(R"({"id": ${userVar}, "enabled": false})"), QStringLiteral("enabled")},
        {QStringLiteral("[Gateways][Switch] Param"), QStringLiteral(R"({"id": ${gatewayParam}, "enabled": false})"), QStringLiteral("enabled")},
        {QStringLiteral("[Gateways] Switch_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "enabled": false}})"),
         QStringLiteral("variable.enabled")},
        {QStringLiteral("[Gateways] Add_user_gateway_var"), QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "n", "value": "v"}})"),
         QStringLiteral("variable.enabled")},
    };
    for (const Field &field : booleanFields) {
        for (const QString &value : {QStringLiteral("(missing)"), QStringLiteral("0"), QStringLiteral(R"("false")"), QStringLiteral("null")}) {
            // An added gateway variable without "enabled" is enabled.
            if (field.event.contains(QLatin1String("Add_")) && value == QLatin1String("(missing)"))
                continue;
            QTest::addRow("%s, %s %s", qPrintable(field.event), qPrintable(field.field), qPrintable(value))
                << field.event << field.data << field.field << value << wrongData;
        }
    }

    const QString bulkData = QStringLiteral(R"({"id": ${domain}, "name": "4000"})");
    for (const QString &value : {QStringLiteral(R"("5")"), QStringLiteral("2.5"), QStringLiteral("true"), QStringLiteral("null")}) {
        QTest::addRow("[Users] Add_new_user, bulk %s", qPrintable(value))
            << QStringLiteral("[Users] Add_new_user") << bulkData << QStringLiteral("bulk") << value << wrongData;
    }
    const QString indexData = QStringLiteral(R"({"id": ${gateway}, "index": 0, "variable": {"name": "n", "value": "v"}})");
    for (const QString &value : {QStringLiteral(R"("0")"), QStringLiteral("0.5"), QStringLiteral("false")}) {
        QTest::addRow("[Gateways] Add_user_gateway_var, index %s", qPrintable(value))
            << QStringLiteral("[Gateways] Add_user_gateway_var") << indexData << QStringLiteral("index") << value << wrongData;
    }
    for (const QString &value : {QStringLiteral(R"("v")"), QStringLiteral("[]"), QStringLiteral("null")}) {
        QTest::addRow("[Gateways] Update_user_gateway_var, variable %s", qPrintable(value))
            << QStringLiteral("[Gateways] Update_user_gateway_var") << QStringLiteral("{}") << QStringLiteral("variable") << value
            << wrongData;
    }
}

void BadInputTest::fieldOfWrongType()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);

    expectRejected(event, withField(expand(data), field, jsonValue(value)), error);
}

void BadInputTest::blankName_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");

    struct NameEvent
    {
        QString event;
        QString data;
        QString field;
        QString error;
    };
    const QString emptyData = QStringLiteral("empty data");
    const QList<NameEvent> events = {
        {QStringLiteral("[Domains][Add] Domain"), QStringLiteral("{}"), QStringLiteral("name"), QStringLiteral("empty domain name")},
        {QStringLiteral("[Domains] Rename_domain"), QStringLiteral(R"({"id": ${domain}})"), QStringLiteral("name"), QStringLiteral("empty domain name")},
        {QStringLiteral("[Domains] New_domain_param"), QStringLiteral(R"({"id": ${domain}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Domains] Update_domain_param"), QStringLiteral(R"({"id": ${domainParam}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Domains] New_domain_var"), QStringLiteral(R"({"id": ${domain}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Domains] Update_domain_var"), QStringLiteral(R"({"id": ${domainVar}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Add_new_user"), QStringLiteral(R"({"id": ${domain}, "bulk": 3})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Update_user_name"), QStringLiteral(R"({"id": ${user}})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Add_user_param"), QStringLiteral(R"({"id": ${user}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Update_user_param"), QStringLiteral(R"({"id": ${userParam}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Add_user_var"), QStringLiteral(R"({"id": ${user}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Users] Update_user_var"), QStringLiteral(R"({"id": ${userVar}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Groups] Add_new_group"), QStringLiteral(R"({"id": ${domain}})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Groups] Update_group_name"), QStringLiteral(R"({"id": ${group}})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Gateways] Add_new_user_gateway"), QStringLiteral(R"({"id": ${user}})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Gateways] Update_user_gateway_name"), QStringLiteral(R"({"id": ${gateway}})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Gateways] Add_user_gateway_param"), QStringLiteral(R"({"id": ${gateway}, "value": "v"})"), QStringLiteral("name"), emptyData},
        {QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral(R"({"id": ${gatewayParam}, "value": "v"})"),
         QStringLiteral("name"), emptyData},
        {QStringLiteral("[Gateways] Add_user_gateway_var"), QStringLiteral(R"({"id": ${gateway}, "variable": {"value": "v"}})"),
         QStringLiteral("variable.name"), emptyData},
        {QStringLiteral("[Gateways] Update_user_gateway_var"), QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "value": "v"}})"),
         QStringLiteral("variable.name"), emptyData},
    };
    // White space includes tabs, line breaks and Unicode spaces (no-break space, em space).
    const QStringList blanks = {QStringLiteral("(missing)"), QStringLiteral(R"("")"), QStringLiteral(R"(" ")"),
                                QStringLiteral(R"(" \t\r\n ")"), QStringLiteral(R"("\u00a0\u2003")")};
    for (const NameEvent &event : events) {
        for (const QString &name : blanks) {
            QTest::addRow("%s, name %s", qPrintable(event.event), qPrintable(name))
                << event.event << event.data << event.field << name << event.error;
        }
    }
}

void BadInputTest::blankName()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, field);
    QFETCH(QString, name);
    QFETCH(QString, error);

    expectRejected(event, withField(expand(data), field, jsonValue(name)), error);
}

void BadInputTest::invalidName_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("name");

    const QString domain = QStringLiteral("[Domains][Add] Domain");
    const QString domainData = QStringLiteral("{}");
    const QStringList badDomains = {QStringLiteral("ex ample.com"), QStringLiteral("example..com"), QStringLiteral(".example.com"),
                                    QStringLiteral("example.com."), QStringLiteral("*.example.com"), QStringLiteral("exa_mple.com"),
                                    QStringLiteral("example-.com"), QStringLiteral("user@example.com"), QStringLiteral("example.com:5060"),
                                    QStringLiteral("ex/ample"), QStringLiteral("exämple.com"), QStringLiteral("1.2.3.4.5:6"),
                                    QString(QLatin1Char('a')).repeated(64) + QStringLiteral(".com"),
                                    QStringLiteral("a.").repeated(127) + QStringLiteral("com")};
    for (const QString &name : badDomains)
        QTest::addRow("domain \"%s\"", qPrintable(name.left(40))) << domain << domainData << name;
    for (const QString &name : {QStringLiteral("bad name"), QStringLiteral("a..b")}) {
        QTest::addRow("rename domain \"%s\"", qPrintable(name))
            << QStringLiteral("[Domains] Rename_domain") << QStringLiteral(R"({"id": ${domain}})") << name;
    }

    // SIP user parts: no white space, '@', ':' or control characters.
    const QStringList badUsers = {QStringLiteral("10 00"), QStringLiteral("10\t00"), QStringLiteral("10\u00a000"), QStringLiteral("a@b"),
                                  QStringLiteral("sip:1000"), QStringLiteral("a\u0001b"), QStringLiteral("a\u200bb")};
    for (const QString &name : badUsers) {
        QTest::addRow("user \"%s\"", qPrintable(name)) << QStringLiteral("[Users] Add_new_user")
                                                       << QStringLiteral(R"({"id": ${domain}})") << name;
        QTest::addRow("rename user \"%s\"", qPrintable(name))
            << QStringLiteral("[Users] Update_user_name") << QStringLiteral(R"({"id": ${user}})") << name;
    }

    // Gateway names are limited to ^[A-Za-z0-9_.-]+$.
    const QStringList badGateways = {QStringLiteral("gw 1"), QStringLiteral("gw@1"), QStringLiteral("gw:1"), QStringLiteral("gw/1"),
                                     QStringLiteral("gwé"), QStringLiteral("gw+1"), QStringLiteral("gw#1")};
    for (const QString &name : badGateways) {
        QTest::addRow("gateway \"%s\"", qPrintable(name))
            << QStringLiteral("[Gateways] Add_new_user_gateway") << QStringLiteral(R"({"id": ${user}})") << name;
        QTest::addRow("rename gateway \"%s\"", qPrintable(name))
            << QStringLiteral("[Gateways] Update_user_gateway_name") << QStringLiteral(R"({"id": ${gateway}})") << name;
    }

    // Groups, parameters and variables take any text without control characters.
    QTest::addRow("group with a line feed inside") << QStringLiteral("[Groups] Add_new_group") << QStringLiteral(R"({"id": ${domain}})")
                                                   << QStringLiteral("sa\nles");
    QTest::addRow("parameter with NUL") << QStringLiteral("[Users] Add_user_param") << QStringLiteral(R"({"id": ${user}, "value": "v"})")
                                        << QStringLiteral("pa") + QChar(0) + QStringLiteral("ss");
    QTest::addRow("variable with escape") << QStringLiteral("[Domains] New_domain_var") << QStringLiteral(R"({"id": ${domain}, "value": "v"})")
                                          << QStringLiteral("var\u001b[0m");
}

void BadInputTest::invalidName()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, name);

    expectRejected(event, withField(expand(data), QStringLiteral("name"), name), QStringLiteral("invalid name"));
}

void BadInputTest::validNameAccepted_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("name");

    for (const QString &name : {QStringLiteral("pbx"), QStringLiteral("pbx-1.example.com"), QStringLiteral("192.0.2.10"),
                                QStringLiteral("2001:db8::10"), QStringLiteral("XN--BCHER-KVA.example")}) {
        QTest::addRow("domain \"%s\"", qPrintable(name)) << QStringLiteral("[Domains][Add] Domain") << QStringLiteral("{}") << name;
    }
    for (const QString &name : {QStringLiteral("SEP001120AABBCC"), QStringLiteral("user.name+tag"), QStringLiteral("Jürgen"),
                                QStringLiteral("*97")}) {
        QTest::addRow("user \"%s\"", qPrintable(name)) << QStringLiteral("[Users] Add_new_user")
                                                       << QStringLiteral(R"({"id": ${domain}})") << name;
    }
    for (const QString &name : {QStringLiteral("example.com"), QStringLiteral("gw_1-a.B")}) {
        QTest::addRow("gateway \"%s\"", qPrintable(name)) << QStringLiteral("[Gateways] Add_new_user_gateway")
                                                          << QStringLiteral(R"({"id": ${user2}})") << name;
    }
    QTest::addRow("group with spaces") << QStringLiteral("[Groups] Add_new_group") << QStringLiteral(R"({"id": ${domain}})")
                                       << QStringLiteral("Sales team (EU)");
}

void BadInputTest::validNameAccepted()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, name);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QJsonObject request = withField(QJsonDocument::fromJson(seeded.expand(data).toUtf8()).object(), QStringLiteral("name"), name);
    const QJsonObject reply = fixture.call(event, request);
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    const QString table = event.contains(QLatin1String("Domain")) ? QStringLiteral("domains")
        : event.contains(QLatin1String("gateway"))                ? QStringLiteral("gateways")
        : event.contains(QLatin1String("group"))                  ? QStringLiteral("directory_groups")
                                                                  : QStringLiteral("users");
    QCOMPARE(fixture.count(table, QStringLiteral("name = ?"), {name}), 1);
}

void BadInputTest::invalidCidr_data()
{
    QTest::addColumn<QString>("cidr");

    QTest::newRow("word") << QStringLiteral("office");
    QTest::newRow("prefix 33") << QStringLiteral("10.0.0.0/33");
    QTest::newRow("negative prefix") << QStringLiteral("10.0.0.0/-1");
    QTest::newRow("prefix not a number") << QStringLiteral("10.0.0.0/abc");
    QTest::newRow("prefix missing") << QStringLiteral("10.0.0.0/");
    QTest::newRow("IPv6 prefix 129") << QStringLiteral("2001:db8::/129");
    QTest::newRow("octet 256") << QStringLiteral("192.0.2.256");
    QTest::newRow("three octets") << QStringLiteral("192.0.2/24");
    QTest::newRow("empty entry") << QStringLiteral("10.0.0.0/8,,192.0.2.0/24");
    QTest::newRow("trailing comma") << QStringLiteral("10.0.0.0/8,");
    QTest::newRow("leading comma") << QStringLiteral(",10.0.0.0/8");
    QTest::newRow("semicolon list") << QStringLiteral("10.0.0.0/8;192.0.2.0/24");
    QTest::newRow("space separated") << QStringLiteral("10.0.0.0/8 192.0.2.0/24");
    QTest::newRow("host name") << QStringLiteral("pbx.example.com");
    QTest::newRow("address without prefix") << QStringLiteral("192.0.2.7");
    QTest::newRow("IPv6 address without prefix") << QStringLiteral("2001:db8::1");
    QTest::newRow("leading zero") << QStringLiteral("127.0.0.01/32");
    QTest::newRow("octal octet") << QStringLiteral("0300.0.2.1/32");
    QTest::newRow("prefix with plus sign") << QStringLiteral("10.0.0.0/+8");
    QTest::newRow("IPv4 in IPv6 prefix range") << QStringLiteral("10.0.0.0/64");
    QTest::newRow("one bad among good") << QStringLiteral("10.0.0.0/8,192.0.2.0/24,300.1.1.1/32");
}

void BadInputTest::invalidCidr()
{
    QFETCH(QString, cidr);

    QJsonObject data = expand(QStringLiteral(R"({"id": ${user}})"));
    data.insert(QStringLiteral("value"), cidr);
    expectRejected(QStringLiteral("[Users] Update_user_cidr"), data, QStringLiteral("invalid cidr"));
}

void BadInputTest::validCidrAccepted_data()
{
    QTest::addColumn<QString>("cidr");
    QTest::addColumn<QString>("stored");

    QTest::newRow("one subnet") << QStringLiteral("192.0.2.0/24") << QStringLiteral("192.0.2.0/24");
    QTest::newRow("single address") << QStringLiteral("192.0.2.7/32") << QStringLiteral("192.0.2.7/32");
    QTest::newRow("everything") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0");
    QTest::newRow("host bits set") << QStringLiteral("192.0.2.7/24") << QStringLiteral("192.0.2.7/24");
    QTest::newRow("IPv6 subnet") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db8::/32");
    QTest::newRow("list") << QStringLiteral("10.0.0.0/8,192.0.2.0/24") << QStringLiteral("10.0.0.0/8,192.0.2.0/24");
    QTest::newRow("list with spaces") << QStringLiteral("10.0.0.0/8, 192.0.2.0/24") << QStringLiteral("10.0.0.0/8, 192.0.2.0/24");
    QTest::newRow("surrounding spaces trimmed") << QStringLiteral("  10.0.0.0/8 ") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("empty clears") << QString() << QString();
}

void BadInputTest::validCidrAccepted()
{
    QFETCH(QString, cidr);
    QFETCH(QString, stored);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QJsonObject reply = fixture.call(QStringLiteral("[Users] Update_user_cidr"),
                                           {{QStringLiteral("id"), seeded.id(QStringLiteral("user"))},
                                            {QStringLiteral("value"), cidr.isNull() ? QStringLiteral("") : cidr}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT cidr FROM users WHERE id = ?"), {seeded.id(QStringLiteral("user"))}).toString(),
             stored);
}

void BadInputTest::bulkRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("bulk");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("detail");

    QTest::newRow("bulk 0") << QStringLiteral("3000") << QStringLiteral("0") << QStringLiteral("wrong data") << QStringLiteral("0");
    QTest::newRow("bulk -5") << QStringLiteral("3000") << QStringLiteral("-5") << QStringLiteral("wrong data") << QStringLiteral("-5");
    QTest::newRow("bulk 101") << QStringLiteral("3000") << QStringLiteral("101") << QStringLiteral("to many at once") << QStringLiteral("100");
    QTest::newRow("bulk 100000") << QStringLiteral("3000") << QStringLiteral("100000") << QStringLiteral("to many at once") << QString();
    QTest::newRow("no digits to count") << QStringLiteral("alice") << QStringLiteral("2") << QStringLiteral("wrong data")
                                        << QStringLiteral("alice");
    QTest::newRow("no digits suggests a name") << QStringLiteral("alice") << QStringLiteral("2")
                                               << QStringLiteral("wrong data") << QStringLiteral("\"alice100\"");
    // 0999 counts up to 1000, which is the seeded user "1000": nothing of the bulk is made.
    QTest::newRow("collides with a user") << QStringLiteral("0998") << QStringLiteral("3") << QStringLiteral("user name already exists")
                                          << QStringLiteral("1000");
    QTest::newRow("collides in other case") << QStringLiteral("Brian") << QStringLiteral("1") << QStringLiteral("user name already exists")
                                            << QStringLiteral("Brian");
    QTest::newRow("collides with an alias") << QStringLiteral("alias0998") << QStringLiteral("5")
                                            << QStringLiteral("user name already exists") << QStringLiteral("alias1000");
    QTest::newRow("collides at the last name") << QStringLiteral("901") << QStringLiteral("100")
                                               << QStringLiteral("user name already exists") << QStringLiteral("1000");
}

void BadInputTest::bulkRejected()
{
    QFETCH(QString, name);
    QFETCH(QString, bulk);
    QFETCH(QString, error);
    QFETCH(QString, detail);

    QJsonObject data = expand(QStringLiteral(R"({"id": ${domain}})"));
    data.insert(QStringLiteral("name"), name);
    data.insert(QStringLiteral("bulk"), jsonValue(bulk));
    expectRejected(QStringLiteral("[Users] Add_new_user"), data, error, detail);
}

void BadInputTest::bulkNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("bulk");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("bulk missing means one") << QStringLiteral("alice") << -1 << QStringList{"alice"};
    QTest::newRow("bulk 1 without digits") << QStringLiteral("alice") << 1 << QStringList{"alice"};
    QTest::newRow("keeps leading zeros") << QStringLiteral("ext007") << 3 << QStringList{"ext007", "ext008", "ext009"};
    QTest::newRow("widens past nine") << QStringLiteral("u9") << 3 << QStringList{"u9", "u10", "u11"};
    QTest::newRow("zeros roll over") << QStringLiteral("ext099") << 2 << QStringList{"ext099", "ext100"};
    QTest::newRow("all nines widen") << QStringLiteral("999") << 2 << QStringList{"999", "1000"};
    QTest::newRow("last run of digits") << QStringLiteral("12a34") << 3 << QStringList{"12a34", "12a35", "12a36"};
    QTest::newRow("digits inside") << QStringLiteral("a1b") << 2 << QStringList{"a1b", "a2b"};
    QTest::newRow("name trimmed") << QStringLiteral(" 7000 ") << 2 << QStringList{"7000", "7001"};
    QTest::newRow("beyond 64 bits") << QStringLiteral("99999999999999999999") << 2
                                    << QStringList{"99999999999999999999", "100000000000000000000"};
}

void BadInputTest::bulkNames()
{
    QFETCH(QString, name);
    QFETCH(int, bulk);
    QFETCH(QStringList, names);

    // A domain of its own, so that "1000" of the seed does not collide.
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const QJsonObject domain = fixture.call(QStringLiteral("[Domains][Add] Domain"), {{QStringLiteral("name"), QStringLiteral("bulk.example")}});
    const qint64 domainId = domain.value(QLatin1String("domains")).toObject().begin().key().toLongLong();
    QVERIFY(domainId > 0);

    QJsonObject data{{QStringLiteral("id"), domainId}, {QStringLiteral("name"), name}};
    if (bulk >= 0)
        data.insert(QStringLiteral("bulk"), bulk);
    const QJsonObject reply = fixture.call(QStringLiteral("[Users] Add_new_user"), data);
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply)));
    QCOMPARE(reply.value(QLatin1String("total")).toInteger(), names.size());

    QStringList stored;
    auto query = fixture.database().exec(QStringLiteral("SELECT name FROM users ORDER BY id"));
    QVERIFY(query);
    while (query->next())
        stored.append(query->value(0).toString());
    QCOMPARE(stored, names);
    QCOMPARE(fixture.count(QStringLiteral("user_params"), QStringLiteral("name = 'password'")), names.size());
}

void BadInputTest::bulkOfHundred()
{
    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const qint64 usersBefore = fixture.count(QStringLiteral("users"));

    const QJsonObject reply = fixture.call(QStringLiteral("[Users] Add_new_user"), {{QStringLiteral("id"), seeded.id(QStringLiteral("domain"))},
                                                                                   {QStringLiteral("name"), QStringLiteral("ext001")},
                                                                                   {QStringLiteral("bulk"), 100}});
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(compact(reply).left(300)));
    QCOMPARE(reply.value(QLatin1String("total")).toInteger(), 100);
    const QJsonObject users = reply.value(QLatin1String("directory_users")).toObject()
                                  .value(QString::number(seeded.id(QStringLiteral("domain")))).toObject();
    QCOMPARE(users.size(), 100);
    QCOMPARE(fixture.count(QStringLiteral("users")), usersBefore + 100);
    QCOMPARE(fixture.count(QStringLiteral("users"), QStringLiteral("name = 'ext001' OR name = 'ext100'")), 2);

    // Each of them has its own generated password: letters and digits, at least 16 of them.
    auto query = fixture.database().exec(QStringLiteral(
        "SELECT p.value FROM user_params p JOIN users u ON u.id = p.user_id WHERE u.name LIKE 'ext%' AND p.name = 'password'"));
    QVERIFY(query);
    QSet<QString> passwords;
    static const QRegularExpression strong(QStringLiteral("^[A-Za-z0-9]{16,}$"));
    while (query->next()) {
        const QString password = query->value(0).toString();
        QVERIFY2(strong.match(password).hasMatch(), qPrintable(password));
        passwords.insert(password);
    }
    QCOMPARE(passwords.size(), 100);
}

QTEST_GUILESS_MAIN(BadInputTest)
#include "tst_badinput.moc"
