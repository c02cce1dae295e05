// SPDX-License-Identifier: MPL-2.0
// Every error an event can reply with, triggered for real on a seeded directory: the reply
// names the event and the error, the detail names the offending value, and nothing is stored
// or announced.

#include "core/events/Dispatcher.h"
#include "tests/support/DirectoryFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace fsd;
using namespace fsd::test;

class EventErrorsTest : public QObject
{
    Q_OBJECT

private slots:
    void errorLeavesDatabaseUnchanged_data();
    void errorLeavesDatabaseUnchanged();
    void sameNameInOtherCaseAllowedForSelf_data();
    void sameNameInOtherCaseAllowedForSelf();
    void duplicateNameDetail_data();
    void duplicateNameDetail();
};

namespace {

// Adds a row: the event, its data as JSON text with ${name} for seeded ids (${missing} is an
// id no row has), the expected error and a text the detail must contain (empty: no check).
void row(const char *name, const QString &event, const QString &data, const QString &error,
         const QString &detail = {})
{
    QTest::newRow(name) << event << data << error << detail;
}

void domainRows()
{
    const QString add = QStringLiteral("[Domains][Add] Domain");
    row("add domain: name missing", add, QStringLiteral("{}"), QStringLiteral("empty domain name"));
    row("add domain: name blank", add, QStringLiteral(R"({"name": " \t "})"), QStringLiteral("empty domain name"));
    row("add domain: name a number", add, QStringLiteral(R"({"name": 42})"), QStringLiteral("wrong data"));
    row("add domain: exists in other case", add, QStringLiteral(R"({"name": "EXAMPLE.com"})"),
        QStringLiteral("domain name already exists"), QStringLiteral("EXAMPLE.com"));
    row("add domain: white space inside", add, QStringLiteral(R"({"name": "bad domain"})"),
        QStringLiteral("invalid name"), QStringLiteral("bad domain"));
    row("add domain: label starts with hyphen", add, QStringLiteral(R"({"name": "-pbx.example.com"})"),
        QStringLiteral("invalid name"), QStringLiteral("-pbx.example.com"));
    row("add domain: underscore", add, QStringLiteral(R"({"name": "pbx_1.example.com"})"), QStringLiteral("invalid name"));
    row("add domain: empty label", add, QStringLiteral(R"({"name": "pbx..example.com"})"), QStringLiteral("invalid name"));

    const QString rename = QStringLiteral("[Domains] Rename_domain");
    row("rename domain: id missing", rename, QStringLiteral(R"({"name": "a.example"})"), QStringLiteral("wrong id"), QStringLiteral("id"));
    row("rename domain: not found", rename, QStringLiteral(R"({"id": ${missing}, "name": "a.example"})"), QStringLiteral("domain not found"),
        QStringLiteral("987654"));
    row("rename domain: name blank", rename, QStringLiteral(R"({"id": ${domain}, "name": " "})"), QStringLiteral("empty domain name"));
    row("rename domain: taken in other case", rename, QStringLiteral(R"({"id": ${domain}, "name": "TEST1.Example.org"})"),
        QStringLiteral("domain name already exists"));
    row("rename domain: invalid name", rename, QStringLiteral(R"({"id": ${domain}, "name": "a@b"})"), QStringLiteral("invalid name"));

    const QString switchDomain = QStringLiteral("[Domains][Switch] Domain");
    row("switch domain: not found", switchDomain, QStringLiteral(R"({"id": ${missing}, "enabled": false})"), QStringLiteral("domain not found"));
    row("switch domain: enabled missing", switchDomain, QStringLiteral(R"({"id": ${domain}})"), QStringLiteral("wrong data"), QStringLiteral("enabled"));
    row("switch domain: enabled a string", switchDomain, QStringLiteral(R"({"id": ${domain}, "enabled": "false"})"), QStringLiteral("wrong data"));
    row("switch domain: id missing", switchDomain, QStringLiteral(R"({"enabled": false})"), QStringLiteral("wrong id"));

    const QString del = QStringLiteral("[Domains] Del_domain");
    row("delete domain: not found", del, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("domain not found"));
    row("delete domain: id a string", del, QStringLiteral(R"({"id": "${domain}"})"), QStringLiteral("wrong id"));

    const QString details = QStringLiteral("[Domains][Get] Domain_details");
    row("domain details: id zero", details, QStringLiteral(R"({"id": 0})"), QStringLiteral("wrong id"));
    row("domain details: not found", details, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("domain not found"));
}

// Errors shared by every kind of parameter and variable whose events take data.id.
void attributeRows(const QString &prefix, const QString &addEvent, const QString &updateEvent,
                   const QString &switchEvent, const QString &deleteEvent, const QString &owner,
                   const QString &ownerNotFound, const QString &rowId, const QString &kind,
                   const QString &existingInOtherCase, const QString &otherExisting)
{
    auto name = [&](const char *text) { return QByteArray((prefix + QLatin1String(": ") + QLatin1String(text)).toUtf8()); };
    const QString notFound = kind + QStringLiteral(" not found");
    const QString exists = kind + QStringLiteral(" name already exists");
    if (!addEvent.isEmpty()) {
        row(name("add: owner id missing"), addEvent, QStringLiteral(R"({"name": "n", "value": "v"})"), QStringLiteral("wrong id"));
        row(name("add: owner not found"), addEvent, QStringLiteral(R"({"id": ${missing}, "name": "n", "value": "v"})"), ownerNotFound);
        row(name("add: name missing"), addEvent, QStringLiteral(R"({"id": ${%1}, "value": "v"})").arg(owner), QStringLiteral("empty data"));
        row(name("add: name blank"), addEvent, QStringLiteral(R"({"id": ${%1}, "name": "  ", "value": "v"})").arg(owner),
            QStringLiteral("empty data"));
        row(name("add: name a number"), addEvent, QStringLiteral(R"({"id": ${%1}, "name": 7, "value": "v"})").arg(owner),
            QStringLiteral("wrong data"));
        row(name("add: value missing"), addEvent, QStringLiteral(R"({"id": ${%1}, "name": "n"})").arg(owner), QStringLiteral("empty data"),
            QStringLiteral("value"));
        row(name("add: value a number"), addEvent, QStringLiteral(R"({"id": ${%1}, "name": "n", "value": 5})").arg(owner),
            QStringLiteral("wrong data"));
        row(name("add: exists in other case"), addEvent,
            QStringLiteral(R"({"id": ${%1}, "name": "%2", "value": "v"})").arg(owner, existingInOtherCase), exists, existingInOtherCase);
        row(name("add: control character in name"), addEvent,
            QStringLiteral(R"({"id": ${%1}, "name": "a\u0007b", "value": "v"})").arg(owner), QStringLiteral("invalid name"));
    }
    row(name("update: id missing"), updateEvent, QStringLiteral(R"({"name": "n", "value": "v"})"), QStringLiteral("wrong id"));
    row(name("update: not found"), updateEvent, QStringLiteral(R"({"id": ${missing}, "name": "n", "value": "v"})"), notFound);
    row(name("update: name blank"), updateEvent, QStringLiteral(R"({"id": ${%1}, "name": "", "value": "v"})").arg(rowId),
        QStringLiteral("empty data"));
    row(name("update: value missing"), updateEvent, QStringLiteral(R"({"id": ${%1}, "name": "n"})").arg(rowId), QStringLiteral("empty data"));
    row(name("update: name of a sibling"), updateEvent,
        QStringLiteral(R"({"id": ${%1}, "name": "%2", "value": "v"})").arg(rowId, otherExisting), exists);
    row(name("switch: not found"), switchEvent, QStringLiteral(R"({"id": ${missing}, "enabled": false})"), notFound);
    row(name("switch: id missing"), switchEvent, QStringLiteral(R"({"enabled": false})"), QStringLiteral("wrong id"));
    row(name("switch: enabled a number"), switchEvent, QStringLiteral(R"({"id": ${%1}, "enabled": 0})").arg(rowId), QStringLiteral("wrong data"));
    row(name("delete: not found"), deleteEvent, QStringLiteral(R"({"id": ${missing}})"), notFound);
    row(name("delete: id a float"), deleteEvent, QStringLiteral(R"({"id": 1.5})"), QStringLiteral("wrong id"));
}

void userRows()
{
    const QString details = QStringLiteral("[Users] Get_user_details");
    row("user details: id a string", details, QStringLiteral(R"({"id": "x"})"), QStringLiteral("wrong id"));
    row("user details: not found", details, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("user not found"));

    const QString cache = QStringLiteral("[Users] Update_user_cache");
    row("cache: not a number", cache, QStringLiteral(R"({"id": ${user}, "value": "abc"})"), QStringLiteral("wrong data"), QStringLiteral("abc"));
    row("cache: negative", cache, QStringLiteral(R"({"id": ${user}, "value": "-1"})"), QStringLiteral("wrong data"));
    row("cache: fraction", cache, QStringLiteral(R"({"id": ${user}, "value": "1.5"})"), QStringLiteral("wrong data"));
    row("cache: JSON number", cache, QStringLiteral(R"({"id": ${user}, "value": 5000})"), QStringLiteral("wrong data"));
    row("cache: value missing", cache, QStringLiteral(R"({"id": ${user}})"), QStringLiteral("empty data"));
    row("cache: user not found", cache, QStringLiteral(R"({"id": ${missing}, "value": "1"})"), QStringLiteral("user not found"));
    row("cache: id missing", cache, QStringLiteral(R"({"value": "1"})"), QStringLiteral("wrong id"));

    const QString cidr = QStringLiteral("[Users] Update_user_cidr");
    row("cidr: prefix too long", cidr, QStringLiteral(R"({"id": ${user}, "value": "10.0.0.0/33"})"), QStringLiteral("invalid cidr"),
        QStringLiteral("10.0.0.0/33"));
    row("cidr: IPv6 prefix too long", cidr, QStringLiteral(R"({"id": ${user}, "value": "2001:db8::/129"})"), QStringLiteral("invalid cidr"));
    row("cidr: not an address", cidr, QStringLiteral(R"({"id": ${user}, "value": "not-an-ip"})"), QStringLiteral("invalid cidr"));
    row("cidr: empty entry", cidr, QStringLiteral(R"({"id": ${user}, "value": "10.0.0.1,,10.0.0.2"})"), QStringLiteral("invalid cidr"));
    row("cidr: trailing comma", cidr, QStringLiteral(R"({"id": ${user}, "value": "10.0.0.0/8,"})"), QStringLiteral("invalid cidr"));
    row("cidr: octet too large", cidr, QStringLiteral(R"({"id": ${user}, "value": "10.0.0.256/32"})"), QStringLiteral("invalid cidr"));
    row("cidr: value missing", cidr, QStringLiteral(R"({"id": ${user}})"), QStringLiteral("empty data"));
    row("cidr: user not found", cidr, QStringLiteral(R"({"id": ${missing}, "value": ""})"), QStringLiteral("user not found"));

    const QString alias = QStringLiteral("[Users] Update_user_number_alias");
    row("alias: another user's name in other case", alias, QStringLiteral(R"({"id": ${user}, "value": "BRIAN"})"),
        QStringLiteral("number alias already exists"), QStringLiteral("BRIAN"));
    row("alias: another user's alias in other case", alias, QStringLiteral(R"({"id": ${user2}, "value": "ALIAS1000"})"),
        QStringLiteral("number alias already exists"));
    row("alias: white space", alias, QStringLiteral(R"({"id": ${user}, "value": "55 12"})"), QStringLiteral("invalid name"));
    row("alias: at sign", alias, QStringLiteral(R"({"id": ${user}, "value": "x@y"})"), QStringLiteral("invalid name"));
    row("alias: value missing", alias, QStringLiteral(R"({"id": ${user}})"), QStringLiteral("empty data"));
    row("alias: user not found", alias, QStringLiteral(R"({"id": ${missing}, "value": "77"})"), QStringLiteral("user not found"));

    const QString add = QStringLiteral("[Users] Add_new_user");
    row("add user: exists in other case", add, QStringLiteral(R"({"id": ${domain}, "name": "BRIAN"})"),
        QStringLiteral("user name already exists"), QStringLiteral("BRIAN"));
    row("add user: equals an alias", add, QStringLiteral(R"({"id": ${domain}, "name": "Alias1000"})"),
        QStringLiteral("user name already exists"), QStringLiteral("Alias1000"));
    row("add user: white space", add, QStringLiteral(R"({"id": ${domain}, "name": "a b"})"), QStringLiteral("invalid name"), QStringLiteral("a b"));
    row("add user: colon", add, QStringLiteral(R"({"id": ${domain}, "name": "a:b"})"), QStringLiteral("invalid name"));
    row("add user: at sign", add, QStringLiteral(R"({"id": ${domain}, "name": "a@b"})"), QStringLiteral("invalid name"));
    row("add user: domain not found", add, QStringLiteral(R"({"id": ${missing}, "name": "3000"})"), QStringLiteral("domain not found"));
    row("add user: domain id missing", add, QStringLiteral(R"({"name": "3000"})"), QStringLiteral("wrong id"));
    row("add user: name missing", add, QStringLiteral(R"({"id": ${domain}})"), QStringLiteral("empty data"));
    row("add user: name blank", add, QStringLiteral(R"({"id": ${domain}, "name": "   "})"), QStringLiteral("empty data"));

    const QString rename = QStringLiteral("[Users] Update_user_name");
    row("rename user: taken in other case", rename, QStringLiteral(R"({"id": ${user}, "name": "Brian"})"),
        QStringLiteral("user name already exists"));
    row("rename user: another user's alias", rename, QStringLiteral(R"({"id": ${user2}, "name": "alias1000"})"),
        QStringLiteral("user name already exists"));
    row("rename user: name blank", rename, QStringLiteral(R"({"id": ${user}, "name": ""})"), QStringLiteral("empty data"));
    row("rename user: not found", rename, QStringLiteral(R"({"id": ${missing}, "name": "x"})"), QStringLiteral("user not found"));
    row("rename user: invalid name", rename, QStringLiteral(R"({"id": ${user}, "name": "a@b"})"), QStringLiteral("invalid name"));

    const QString switchUser = QStringLiteral("[Users][Switch] User");
    row("switch user: not found", switchUser, QStringLiteral(R"({"id": ${missing}, "enabled": true})"), QStringLiteral("user not found"));
    row("switch user: enabled a string", switchUser, QStringLiteral(R"({"id": ${user}, "enabled": "true"})"), QStringLiteral("wrong data"));

    const QString del = QStringLiteral("[Users] Del_user");
    row("delete user: not found", del, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("user not found"));
    row("delete user: id negative", del, QStringLiteral(R"({"id": -3})"), QStringLiteral("wrong id"));
}

void groupRows()
{
    const QString members = QStringLiteral("[Groups] Get_group_users");
    row("group users: not found", members, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("group not found"));
    row("group users: id missing", members, QStringLiteral("{}"), QStringLiteral("wrong id"));

    const QString add = QStringLiteral("[Groups] Add_new_group");
    row("add group: exists in other case", add, QStringLiteral(R"({"id": ${domain}, "name": "SALES"})"),
        QStringLiteral("group name already exists"), QStringLiteral("SALES"));
    row("add group: name blank", add, QStringLiteral(R"({"id": ${domain}, "name": " "})"), QStringLiteral("empty data"));
    row("add group: domain not found", add, QStringLiteral(R"({"id": ${missing}, "name": "g"})"), QStringLiteral("domain not found"));
    row("add group: domain id missing", add, QStringLiteral(R"({"name": "g"})"), QStringLiteral("wrong id"));

    const QString rename = QStringLiteral("[Groups] Update_group_name");
    row("rename group: not found", rename, QStringLiteral(R"({"id": ${missing}, "name": "g"})"), QStringLiteral("group not found"));
    row("rename group: name blank", rename, QStringLiteral(R"({"id": ${group}, "name": ""})"), QStringLiteral("empty data"));
    row("rename group: taken in other case", rename, QStringLiteral(R"({"id": ${group}, "name": "Support"})"),
        QStringLiteral("group name already exists"));

    row("delete group: not found", QStringLiteral("[Groups] Del_group"), QStringLiteral(R"({"id": ${missing}})"),
        QStringLiteral("group not found"));

    const QString join = QStringLiteral("[Groups] Add_group_user");
    row("join group: group not found", join, QStringLiteral(R"({"id": ${missing}, "value": "${user2}"})"), QStringLiteral("group not found"));
    row("join group: user not found", join, QStringLiteral(R"({"id": ${group}, "value": "${missing}"})"), QStringLiteral("user not found"));
    row("join group: user id not a number", join, QStringLiteral(R"({"id": ${group}, "value": "abc"})"), QStringLiteral("wrong data"),
        QStringLiteral("abc"));
    row("join group: user id a JSON number", join, QStringLiteral(R"({"id": ${group}, "value": ${user2}})"), QStringLiteral("wrong data"));
    row("join group: value missing", join, QStringLiteral(R"({"id": ${group}})"), QStringLiteral("empty data"));
    row("join group: group id missing", join, QStringLiteral(R"({"value": "${user2}"})"), QStringLiteral("wrong id"));
    row("join group: user of another domain", join, QStringLiteral(R"({"id": ${group}, "value": "${userOther}"})"),
        QStringLiteral("wrong data"), QStringLiteral("2000"));
    row("join group: already a member", join, QStringLiteral(R"({"id": ${group}, "value": "${user}"})"),
        QStringLiteral("user already in group"), QStringLiteral("1000"));

    const QString leave = QStringLiteral("[Groups] Del_group_user");
    row("leave group: membership not found", leave, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("member not found"));
    row("leave group: id missing", leave, QStringLiteral("{}"), QStringLiteral("wrong id"));
}

void gatewayRows()
{
    const QString add = QStringLiteral("[Gateways] Add_new_user_gateway");
    row("add gateway: user not found", add, QStringLiteral(R"({"id": ${missing}, "name": "gw9"})"), QStringLiteral("user not found"));
    row("add gateway: exists in other case", add, QStringLiteral(R"({"id": ${user}, "name": "GW1"})"),
        QStringLiteral("gateway name already exists"), QStringLiteral("gw1"));
    row("add gateway: white space", add, QStringLiteral(R"({"id": ${user}, "name": "gw 9"})"), QStringLiteral("invalid name"),
        QStringLiteral("gw 9"));
    row("add gateway: slash", add, QStringLiteral(R"({"id": ${user}, "name": "gw/9"})"), QStringLiteral("invalid name"));
    row("add gateway: name blank", add, QStringLiteral(R"({"id": ${user}, "name": ""})"), QStringLiteral("empty data"));
    row("add gateway: user id missing", add, QStringLiteral(R"({"name": "gw9"})"), QStringLiteral("wrong id"));

    const QString rename = QStringLiteral("[Gateways] Update_user_gateway_name");
    row("rename gateway: not found", rename, QStringLiteral(R"({"id": ${missing}, "name": "gw9"})"), QStringLiteral("gateway not found"));
    row("rename gateway: name blank", rename, QStringLiteral(R"({"id": ${gateway}, "name": " "})"), QStringLiteral("empty data"));
    row("rename gateway: invalid name", rename, QStringLiteral(R"({"id": ${gateway}, "name": "gw:1"})"), QStringLiteral("invalid name"));
    row("rename gateway: taken in other case", rename, QStringLiteral(R"({"id": ${gateway}, "name": "Gw2"})"),
        QStringLiteral("gateway name already exists"));

    const QString switchGateway = QStringLiteral("[Gateways][Switch] Gateway");
    row("switch gateway: not found", switchGateway, QStringLiteral(R"({"id": ${missing}, "enabled": false})"), QStringLiteral("gateway not found"));
    row("switch gateway: enabled missing", switchGateway, QStringLiteral(R"({"id": ${gateway}})"), QStringLiteral("wrong data"));

    row("delete gateway: not found", QStringLiteral("[Gateways] Del_user_gateway"), QStringLiteral(R"({"id": ${missing}})"),
        QStringLiteral("gateway not found"));
    const QString details = QStringLiteral("[Gateways] Get_user_gateways_details");
    row("gateway details: not found", details, QStringLiteral(R"({"id": ${missing}})"), QStringLiteral("gateway not found"));
    row("gateway details: id null", details, QStringLiteral(R"({"id": null})"), QStringLiteral("wrong id"));

    const QString addVar = QStringLiteral("[Gateways] Add_user_gateway_var");
    row("add gateway var: gateway not found", addVar,
        QStringLiteral(R"({"id": ${missing}, "index": 0, "variable": {"name": "v", "value": "x"}})"), QStringLiteral("gateway not found"));
    row("add gateway var: variable missing", addVar, QStringLiteral(R"({"id": ${gateway}, "index": 0})"), QStringLiteral("empty data"));
    row("add gateway var: variable not an object", addVar, QStringLiteral(R"({"id": ${gateway}, "variable": "v"})"),
        QStringLiteral("wrong data"));
    row("add gateway var: name missing", addVar, QStringLiteral(R"({"id": ${gateway}, "variable": {"value": "x"}})"),
        QStringLiteral("empty data"));
    row("add gateway var: value missing", addVar, QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "v"}})"),
        QStringLiteral("empty data"));
    row("add gateway var: unknown direction", addVar,
        QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "v", "value": "x", "direction": "sideways"}})"),
        QStringLiteral("wrong data"), QStringLiteral("sideways"));
    row("add gateway var: exists with direction", addVar,
        QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "VAR1", "value": "x", "direction": "inbound"}})"),
        QStringLiteral("variable name already exists"));
    row("add gateway var: enabled a string", addVar,
        QStringLiteral(R"({"id": ${gateway}, "variable": {"name": "v", "value": "x", "enabled": "yes"}})"), QStringLiteral("wrong data"));
    row("add gateway var: index a string", addVar,
        QStringLiteral(R"({"id": ${gateway}, "index": "0", "variable": {"name": "v", "value": "x"}})"), QStringLiteral("wrong data"));
    row("add gateway var: gateway id missing", addVar, QStringLiteral(R"({"variable": {"name": "v", "value": "x"}})"),
        QStringLiteral("wrong id"));

    const QString updateVar = QStringLiteral("[Gateways] Update_user_gateway_var");
    row("update gateway var: variable missing", updateVar, QStringLiteral("{}"), QStringLiteral("empty data"));
    row("update gateway var: id missing", updateVar, QStringLiteral(R"({"variable": {"name": "v", "value": "x"}})"), QStringLiteral("wrong id"));
    row("update gateway var: not found", updateVar, QStringLiteral(R"({"variable": {"id": ${missing}, "name": "v", "value": "x"}})"),
        QStringLiteral("variable not found"));
    row("update gateway var: same name and direction as sibling", updateVar,
        QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "var1", "value": "x", "direction": "outbound"}})"),
        QStringLiteral("variable name already exists"));
    row("update gateway var: name blank", updateVar, QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": " ", "value": "x"}})"),
        QStringLiteral("empty data"));
    row("update gateway var: unknown direction", updateVar,
        QStringLiteral(R"({"variable": {"id": ${gatewayVar}, "name": "var1", "value": "x", "direction": "in"}})"), QStringLiteral("wrong data"));

    const QString switchVar = QStringLiteral("[Gateways] Switch_user_gateway_var");
    row("switch gateway var: variable missing", switchVar, QStringLiteral(R"({"id": ${gatewayVar}})"), QStringLiteral("empty data"));
    row("switch gateway var: not found", switchVar, QStringLiteral(R"({"variable": {"id": ${missing}, "enabled": false}})"),
        QStringLiteral("variable not found"));
    row("switch gateway var: enabled missing", switchVar, QStringLiteral(R"({"variable": {"id": ${gatewayVar}}})"), QStringLiteral("wrong data"));

    const QString deleteVar = QStringLiteral("[Gateways] Del_user_gateway_var");
    row("delete gateway var: variable missing", deleteVar, QStringLiteral("{}"), QStringLiteral("empty data"));
    row("delete gateway var: not found", deleteVar, QStringLiteral(R"({"variable": {"id": ${missing}}})"), QStringLiteral("variable not found"));
    row("delete gateway var: id a string", deleteVar, QStringLiteral(R"({"variable": {"id": "${gatewayVar}"}})"), QStringLiteral("wrong id"));
}

} // namespace

void EventErrorsTest::errorLeavesDatabaseUnchanged_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("detail");

    domainRows();
    attributeRows(QStringLiteral("domain param"), QStringLiteral("[Domains] New_domain_param"), QStringLiteral("[Domains] Update_domain_param"),
                  QStringLiteral("[Domains][Switch] Domain parameter"), QStringLiteral("[Domains] Del_domain_param"),
                  QStringLiteral("domain"), QStringLiteral("domain not found"), QStringLiteral("domainParam"), QStringLiteral("parameter"),
                  QStringLiteral("DIAL-STRING"), QStringLiteral("JSONRPC-allowed-methods"));
    attributeRows(QStringLiteral("domain var"), QStringLiteral("[Domains] New_domain_var"), QStringLiteral("[Domains] Update_domain_var"),
                  QStringLiteral("[Domains][Switch] Domain variable"), QStringLiteral("[Domains] Del_domain_var"),
                  QStringLiteral("domain"), QStringLiteral("domain not found"), QStringLiteral("domainVar"), QStringLiteral("variable"),
                  QStringLiteral("Record_Stereo"), QStringLiteral("default_AREACODE"));
    userRows();
    attributeRows(QStringLiteral("user param"), QStringLiteral("[Users] Add_user_param"), QStringLiteral("[Users] Update_user_param"),
                  QStringLiteral("[Users][Switch] User parameter"), QStringLiteral("[Users] Del_user_param"),
                  QStringLiteral("user"), QStringLiteral("user not found"), QStringLiteral("userParam"), QStringLiteral("parameter"),
                  QStringLiteral("PASSWORD"), QStringLiteral("Password"));
    attributeRows(QStringLiteral("user var"), QStringLiteral("[Users] Add_user_var"), QStringLiteral("[Users] Update_user_var"),
                  QStringLiteral("[Users][Switch] User variable"), QStringLiteral("[Users] Del_user_var"),
                  QStringLiteral("user"), QStringLiteral("user not found"), QStringLiteral("userVar"), QStringLiteral("variable"),
                  QStringLiteral("ACCOUNTCODE"), QStringLiteral("AccountCode"));
    groupRows();
    gatewayRows();
    attributeRows(QStringLiteral("gateway param"), QStringLiteral("[Gateways] Add_user_gateway_param"),
                  QStringLiteral("[Gateways] Update_user_gateway_param"), QStringLiteral("[Gateways][Switch] Param"),
                  QStringLiteral("[Gateways] Del_user_gateway_param"), QStringLiteral("gateway"), QStringLiteral("gateway not found"),
                  QStringLiteral("gatewayParam"), QStringLiteral("parameter"), QStringLiteral("USERNAME"), QStringLiteral("Password"));
}

void EventErrorsTest::errorLeavesDatabaseUnchanged()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, error);
    QFETCH(QString, detail);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QJsonDocument request = QJsonDocument::fromJson(seeded.expand(data).toUtf8());
    QVERIFY2(request.isObject(), qPrintable(seeded.expand(data)));
    const QString before = fixture.snapshot();

    QSignalSpy changes(&fixture.dispatcher(), &Dispatcher::changeCommitted);
    const QJsonObject reply = fixture.call(event, request.object());
    const QString replyText = QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));

    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), event);
    QVERIFY2(reply.value(QLatin1String("error")) == error, qPrintable(replyText));
    if (!detail.isEmpty())
        QVERIFY2(reply.value(QLatin1String("detail")).toString().contains(detail), qPrintable(replyText));
    // An error reply carries nothing but its envelope.
    for (const QString &key : reply.keys()) {
        QVERIFY2(QStringList({QStringLiteral("MessageType"), QStringLiteral("error"), QStringLiteral("detail")}).contains(key),
                 qPrintable(replyText));
    }
    QCOMPARE(changes.size(), 0);
    QCOMPARE(fixture.snapshot(), before);
}

// Renaming an item to its own name in another case is not a duplicate.
void EventErrorsTest::sameNameInOtherCaseAllowedForSelf_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("rowId");
    QTest::addColumn<QString>("name");

    QTest::newRow("domain") << QStringLiteral("[Domains] Rename_domain") << QStringLiteral(R"({"id": ${domain}, "name": "Example.COM"})")
                            << QStringLiteral("domains") << QStringLiteral("domain") << QStringLiteral("Example.COM");
    QTest::newRow("user") << QStringLiteral("[Users] Update_user_name") << QStringLiteral(R"({"id": ${user2}, "name": "BRIAN"})")
                          << QStringLiteral("users") << QStringLiteral("user2") << QStringLiteral("BRIAN");
    QTest::newRow("group") << QStringLiteral("[Groups] Update_group_name") << QStringLiteral(R"({"id": ${group}, "name": "Sales"})")
                           << QStringLiteral("directory_groups") << QStringLiteral("group") << QStringLiteral("Sales");
    QTest::newRow("gateway") << QStringLiteral("[Gateways] Update_user_gateway_name") << QStringLiteral(R"({"id": ${gateway}, "name": "GW1"})")
                             << QStringLiteral("gateways") << QStringLiteral("gateway") << QStringLiteral("GW1");
    QTest::newRow("user param") << QStringLiteral("[Users] Update_user_param")
                                << QStringLiteral(R"({"id": ${userParam}, "name": "VM-Password", "value": "1"})")
                                << QStringLiteral("user_params") << QStringLiteral("userParam") << QStringLiteral("VM-Password");
    QTest::newRow("number alias") << QStringLiteral("[Users] Update_user_number_alias")
                                  << QStringLiteral(R"({"id": ${user}, "value": "ALIAS1000"})")
                                  << QStringLiteral("users") << QStringLiteral("user") << QStringLiteral("1000");
}

void EventErrorsTest::sameNameInOtherCaseAllowedForSelf()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, table);
    QFETCH(QString, rowId);
    QFETCH(QString, name);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));

    const QJsonObject reply = fixture.call(event, QJsonDocument::fromJson(seeded.expand(data).toUtf8()).object());
    QVERIFY2(!reply.contains(QLatin1String("error")), qPrintable(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table), {seeded.id(rowId)}).toString(), name);
}

// A duplicate name shows the stored spelling only when it differs from the requested one.
void EventErrorsTest::duplicateNameDetail_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("detail");

    const QString caseNote = QStringLiteral("; names are compared without regard to case)");
    QTest::newRow("domain, same spelling")
        << QStringLiteral("[Domains][Add] Domain") << QStringLiteral(R"({"name": "example.com"})")
        << QStringLiteral("The domain \"example.com\" already exists.");
    QTest::newRow("domain, other case")
        << QStringLiteral("[Domains][Add] Domain") << QStringLiteral(R"({"name": "Example.com"})")
        << QStringLiteral("The domain \"Example.com\" already exists (as \"example.com\"") + caseNote
               + QLatin1Char('.');
    QTest::newRow("user, same spelling")
        << QStringLiteral("[Users] Add_new_user") << QStringLiteral(R"({"id": ${domain}, "name": "1000"})")
        << QStringLiteral("The user \"1000\" already exists in this domain.");
    QTest::newRow("user, other case")
        << QStringLiteral("[Users] Add_new_user") << QStringLiteral(R"({"id": ${domain}, "name": "Brian"})")
        << QStringLiteral("The user \"Brian\" already exists in this domain (as \"brian\"") + caseNote
               + QLatin1Char('.');
    QTest::newRow("group, same spelling")
        << QStringLiteral("[Groups] Add_new_group") << QStringLiteral(R"({"id": ${domain}, "name": "sales"})")
        << QStringLiteral("The group \"sales\" already exists in this domain.");
    QTest::newRow("group, other case")
        << QStringLiteral("[Groups] Add_new_group") << QStringLiteral(R"({"id": ${domain}, "name": "Sales"})")
        << QStringLiteral("The group \"Sales\" already exists in this domain (as \"sales\"") + caseNote
               + QLatin1Char('.');
    QTest::newRow("import, same spelling")
        << QStringLiteral("ImportXMLDomain") << QStringLiteral(R"({"file": "<domain name=\"example.com\"/>"})")
        << QStringLiteral("ImportXMLDomain text:1:1: The domain \"example.com\" already exists. Delete "
                          "or rename it first.");
    QTest::newRow("import users, same spelling")
        << QStringLiteral("ImportXMLDomainUser")
        << QStringLiteral(R"({"id": ${domain}, "file": "<user id=\"1000\"/>"})")
        << QStringLiteral("ImportXMLDomainUser text:1:1: The user \"1000\" already exists in this domain.");
}

void EventErrorsTest::duplicateNameDetail()
{
    QFETCH(QString, event);
    QFETCH(QString, data);
    QFETCH(QString, detail);

    DirectoryFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    const SeededDirectory seeded = SeededDirectory::seed(fixture);
    QVERIFY2(seeded.isValid(), qPrintable(seeded.error));
    const QJsonDocument request = QJsonDocument::fromJson(seeded.expand(data).toUtf8());
    QVERIFY2(request.isObject(), qPrintable(seeded.expand(data)));

    const QJsonObject reply = fixture.call(event, request.object());
    QCOMPARE(reply.value(QLatin1String("detail")).toString(), detail);
}

QTEST_GUILESS_MAIN(EventErrorsTest)
#include "tst_eventerrors.moc"
