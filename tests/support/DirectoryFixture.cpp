// SPDX-License-Identifier: MPL-2.0
#include "tests/support/DirectoryFixture.h"

#include "core/auth/Authenticator.h"
#include "core/events/DirectoryHandlers.h"
#include "core/events/ImportHandlers.h"
#include "core/freeswitch/EventSocketClient.h"
#include "core/events/Dispatcher.h"
#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>

namespace fsd::test {

namespace {

// Ids that no fixture row reaches.
constexpr qint64 MissingId = 987654;

qint64 firstKey(const QJsonValue &list)
{
    const QJsonObject object = list.toObject();
    return object.isEmpty() ? 0 : object.begin().key().toLongLong();
}

} // namespace

DirectoryFixture::DirectoryFixture()
{
    if (!m_scratch.isValid()) {
        m_error = m_scratch.errorString();
        return;
    }
    const DatabaseOptions options = m_scratch.options();
    // Each fixture gets its own connection name, so that several can be open at once.
    auto database = Database::open(options, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!database) {
        m_error = database.error().error + QStringLiteral(": ") + database.error().detail;
        return;
    }
    m_database = std::move(*database);
    m_authenticator = std::make_unique<Authenticator>(*m_database);
    m_authenticator->setPasswordIterations(FastPasswordIterations);
    m_dispatcher = std::make_unique<Dispatcher>(*m_database, *m_authenticator);
    registerDirectoryHandlers(*m_dispatcher);
    // Port 1 on loopback refuses connections at once, so [Directory][Import] fails fast
    // unless a test points it at an Event Socket double.
    registerImportHandlers(*m_dispatcher, []() {
        freeswitch::EventSocketSettings settings;
        settings.port = 1;
        return settings;
    });
}

DirectoryFixture::~DirectoryFixture()
{
    m_dispatcher.reset();
    m_authenticator.reset();
    m_database.reset();
}

QString DirectoryFixture::databasePath() const
{
    return m_scratch.options().path;
}

QJsonObject DirectoryFixture::call(const QString &event, const QJsonObject &data)
{
    return request(QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}});
}

QJsonObject DirectoryFixture::request(const QJsonObject &request)
{
    RequestContext context;
    context.local = true;
    return m_dispatcher->dispatch(request, context).reply;
}

QJsonObject DirectoryFixture::callWithToken(const QByteArray &token, const QString &event,
                                            QJsonObject data, const QString &peer)
{
    data.insert(QStringLiteral("token"), QString::fromLatin1(token));
    RequestContext context;
    context.peer = peer;
    const QJsonObject request{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
    return m_dispatcher->dispatch(request, context).reply;
}

QJsonObject DirectoryFixture::login(const QString &login, const QString &password,
                                    const QString &peer)
{
    RequestContext context;
    context.peer = peer;
    const QJsonObject request{{QStringLiteral("event"), QStringLiteral("login")},
                              {QStringLiteral("data"),
                               QJsonObject{{QStringLiteral("login"), login},
                                           {QStringLiteral("password"), password}}}};
    return m_dispatcher->dispatch(request, context).reply;
}

QByteArray DirectoryFixture::addOperatorAndLogin(const QString &login, Role role)
{
    const QString password = login + QStringLiteral("-secret");
    if (!m_authenticator->addOperator(login, role, password))
        return {};
    return this->login(login, password).value(QStringLiteral("token")).toString().toLatin1();
}

QVariant DirectoryFixture::scalar(const QString &sql, const QVariantList &values)
{
    auto query = m_database->exec(sql, values);
    if (!query || !query->next())
        return {};
    return query->value(0);
}

QVariantList DirectoryFixture::row(const QString &sql, const QVariantList &values)
{
    auto query = m_database->exec(sql, values);
    if (!query || !query->next())
        return {};
    QVariantList fields;
    const int columns = query->record().count();
    for (int column = 0; column < columns; ++column)
        fields.append(query->value(column));
    return fields;
}

qint64 DirectoryFixture::count(const QString &table, const QString &where,
                               const QVariantList &values)
{
    QString sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(table);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    const QVariant value = scalar(sql, values);
    return value.isValid() ? value.toLongLong() : -1;
}

QString DirectoryFixture::snapshot()
{
    QStringList tables;
    {
        const QString listTables =
            onPostgres() ? QStringLiteral("SELECT table_name FROM information_schema.tables"
                                          " WHERE table_schema = current_schema() ORDER BY 1")
                         : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                          " ORDER BY name");
        auto query = m_database->exec(listTables);
        if (!query)
            return QStringLiteral("(cannot list tables)");
        while (query->next())
            tables.append(query->value(0).toString());
    }
    QString text;
    for (const QString &table : std::as_const(tables)) {
        text += QStringLiteral("[%1]\n").arg(table);
        // The first column is the id, or the token hash of sessions, on both backends.
        auto query = m_database->exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
        if (!query) {
            text += QStringLiteral("(cannot read)\n");
            continue;
        }
        while (query->next()) {
            QStringList fields;
            const int columns = query->record().count();
            for (int column = 0; column < columns; ++column) {
                const QVariant value = query->value(column);
                fields.append(value.isNull() ? QStringLiteral("NULL") : value.toString());
            }
            text += fields.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return text;
}

QString SeededDirectory::expand(QString text) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Za-z0-9]+)\\}"));
    QRegularExpressionMatch match;
    while ((match = placeholder.match(text)).hasMatch()) {
        const QString name = match.captured(1);
        const qint64 value = name == QLatin1String("missing") ? MissingId : ids.value(name, -1);
        text.replace(match.capturedStart(), match.capturedLength(), QString::number(value));
    }
    return text;
}

SeededDirectory SeededDirectory::seed(DirectoryFixture &fixture)
{
    SeededDirectory seeded;
    // Runs one event; on an error reply records it and returns an empty object.
    auto run = [&](const QString &event, const QJsonObject &data) -> QJsonObject {
        if (!seeded.error.isEmpty())
            return {};
        const QJsonObject reply = fixture.call(event, data);
        if (reply.contains(QStringLiteral("error"))) {
            seeded.error = QStringLiteral("%1 failed while seeding: %2")
                               .arg(event, QString::fromUtf8(QJsonDocument(reply).toJson(
                                               QJsonDocument::Compact)));
            return {};
        }
        return reply;
    };
    auto pathValue = [](const QJsonObject &reply, const QStringList &path) {
        QJsonValue value = reply;
        for (const QString &key : path)
            value = value.toObject().value(key);
        return value;
    };

    auto &ids = seeded.ids;
    ids[QStringLiteral("domain")] = firstKey(
        run(QStringLiteral("[Domains][Add] Domain"), {{QStringLiteral("name"), QStringLiteral("example.com")}})
            .value(QStringLiteral("domains")));
    const QString domainKey = QString::number(ids[QStringLiteral("domain")]);
    auto domainAttribute = [&](const QString &event, const QString &list, const QString &name,
                               const QString &value) {
        const QJsonObject reply = run(event, {{QStringLiteral("id"), ids[QStringLiteral("domain")]},
                                              {QStringLiteral("name"), name},
                                              {QStringLiteral("value"), value}});
        return firstKey(pathValue(reply, {QStringLiteral("domain_details"), domainKey, list}));
    };
    ids[QStringLiteral("domainParam")] = domainAttribute(
        QStringLiteral("[Domains] New_domain_param"), QStringLiteral("parameters"),
        QStringLiteral("dial-string"), QStringLiteral("{^^:presence_id=${dialed_user}}"));
    domainAttribute(QStringLiteral("[Domains] New_domain_param"), QStringLiteral("parameters"),
                    QStringLiteral("jsonrpc-allowed-methods"), QStringLiteral("verto"));
    ids[QStringLiteral("domainVar")] = domainAttribute(
        QStringLiteral("[Domains] New_domain_var"), QStringLiteral("variables"),
        QStringLiteral("record_stereo"), QStringLiteral("true"));
    domainAttribute(QStringLiteral("[Domains] New_domain_var"), QStringLiteral("variables"),
                    QStringLiteral("default_areacode"), QStringLiteral("918"));

    auto addUser = [&](qint64 domain, const QString &name) {
        const QJsonObject reply = run(QStringLiteral("[Users] Add_new_user"),
                                      {{QStringLiteral("id"), domain}, {QStringLiteral("name"), name}});
        return firstKey(pathValue(reply, {QStringLiteral("directory_users"), QString::number(domain)}));
    };
    ids[QStringLiteral("user")] = addUser(ids[QStringLiteral("domain")], QStringLiteral("1000"));
    ids[QStringLiteral("user2")] = addUser(ids[QStringLiteral("domain")], QStringLiteral("brian"));
    const qint64 user = ids[QStringLiteral("user")];
    const QString userKey = QString::number(user);
    auto userAttribute = [&](const QString &event, const QString &list, const QString &name,
                             const QString &value) {
        const QJsonObject reply = run(event, {{QStringLiteral("id"), user},
                                              {QStringLiteral("name"), name},
                                              {QStringLiteral("value"), value}});
        return firstKey(pathValue(reply, {QStringLiteral("user_details"), userKey, list}));
    };
    ids[QStringLiteral("userParam")] = userAttribute(QStringLiteral("[Users] Add_user_param"),
                                                     QStringLiteral("parameters"),
                                                     QStringLiteral("vm-password"),
                                                     QStringLiteral("1000"));
    ids[QStringLiteral("userVar")] = userAttribute(QStringLiteral("[Users] Add_user_var"),
                                                   QStringLiteral("variables"),
                                                   QStringLiteral("toll_allow"),
                                                   QStringLiteral("domestic"));
    userAttribute(QStringLiteral("[Users] Add_user_var"), QStringLiteral("variables"),
                  QStringLiteral("accountcode"), QStringLiteral("1000"));
    run(QStringLiteral("[Users] Update_user_cidr"),
        {{QStringLiteral("id"), user}, {QStringLiteral("value"), QStringLiteral("192.0.2.0/24")}});
    run(QStringLiteral("[Users] Update_user_cache"),
        {{QStringLiteral("id"), user}, {QStringLiteral("value"), QStringLiteral("5000")}});
    run(QStringLiteral("[Users] Update_user_number_alias"),
        {{QStringLiteral("id"), user}, {QStringLiteral("value"), QStringLiteral("alias1000")}});

    const QJsonObject group = run(QStringLiteral("[Groups] Add_new_group"),
                                  {{QStringLiteral("id"), ids[QStringLiteral("domain")]},
                                   {QStringLiteral("name"), QStringLiteral("sales")}});
    ids[QStringLiteral("group")] = firstKey(group.value(QStringLiteral("items")));
    const QJsonObject group2 = run(QStringLiteral("[Groups] Add_new_group"),
                                   {{QStringLiteral("id"), ids[QStringLiteral("domain")]},
                                    {QStringLiteral("name"), QStringLiteral("support")}});
    ids[QStringLiteral("group2")] = firstKey(group2.value(QStringLiteral("items")));
    const QJsonObject member = run(QStringLiteral("[Groups] Add_group_user"),
                                   {{QStringLiteral("id"), ids[QStringLiteral("group")]},
                                    {QStringLiteral("value"), userKey}});
    ids[QStringLiteral("member")] = firstKey(
        pathValue(member, {QStringLiteral("group_users"), QString::number(ids[QStringLiteral("group")])}));

    const QJsonObject gateway = run(QStringLiteral("[Gateways] Add_new_user_gateway"),
                                    {{QStringLiteral("id"), user}, {QStringLiteral("name"), QStringLiteral("gw1")}});
    ids[QStringLiteral("gateway")] = pathValue(gateway, {QStringLiteral("item"), QStringLiteral("id")}).toInteger();
    const QJsonObject gateway2 = run(QStringLiteral("[Gateways] Add_new_user_gateway"),
                                     {{QStringLiteral("id"), user}, {QStringLiteral("name"), QStringLiteral("gw2")}});
    ids[QStringLiteral("gateway2")] = pathValue(gateway2, {QStringLiteral("item"), QStringLiteral("id")}).toInteger();
    auto gatewayParam = [&](const QString &name, const QString &value) {
        const QJsonObject reply = run(QStringLiteral("[Gateways] Add_user_gateway_param"),
                                      {{QStringLiteral("id"), ids[QStringLiteral("gateway")]},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("value"), value}});
        return pathValue(reply, {QStringLiteral("item"), QStringLiteral("id")}).toInteger();
    };
    ids[QStringLiteral("gatewayParam")] = gatewayParam(QStringLiteral("username"), QStringLiteral("joeuser"));
    gatewayParam(QStringLiteral("password"), QStringLiteral("gw-secret-1"));
    auto gatewayVariable = [&](const QString &value, const QString &direction) {
        const QJsonObject reply = run(
            QStringLiteral("[Gateways] Add_user_gateway_var"),
            {{QStringLiteral("id"), ids[QStringLiteral("gateway")]},
             {QStringLiteral("index"), 0},
             {QStringLiteral("variable"), QJsonObject{{QStringLiteral("enabled"), true},
                                                      {QStringLiteral("name"), QStringLiteral("var1")},
                                                      {QStringLiteral("value"), value},
                                                      {QStringLiteral("direction"), direction}}}});
        return firstKey(pathValue(reply, {QStringLiteral("gateway_details"),
                                          QString::number(ids[QStringLiteral("gateway")]),
                                          QStringLiteral("variables")}));
    };
    ids[QStringLiteral("gatewayVar")] = gatewayVariable(QStringLiteral("val1"), QStringLiteral("inbound"));
    // The same name with another direction is a separate variable.
    ids[QStringLiteral("gatewayVar2")] = gatewayVariable(QStringLiteral("val2"), QStringLiteral("outbound"));

    const QJsonObject domain2 = run(QStringLiteral("[Domains][Add] Domain"),
                                    {{QStringLiteral("name"), QStringLiteral("test1.example.org")}});
    ids[QStringLiteral("domain2")] = firstKey(domain2.value(QStringLiteral("domains")));
    ids[QStringLiteral("userOther")] = addUser(ids[QStringLiteral("domain2")], QStringLiteral("2000"));

    if (seeded.error.isEmpty()) {
        for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
            if (it.value() <= 0) {
                seeded.error = QStringLiteral("Seeding found no id for %1.").arg(it.key());
                break;
            }
        }
    }
    return seeded;
}

QList<qint64> idsOf(const QJsonObject &list)
{
    QList<qint64> ids;
    for (auto it = list.begin(); it != list.end(); ++it)
        ids.append(it.key().toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace fsd::test
