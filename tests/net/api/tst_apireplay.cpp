// SPDX-License-Identifier: MPL-2.0
// Replays every request of the API document (directory-api.md, next to the fixtures) over
// HTTP and over WebSocket against the real dispatcher, and checks each reply against the
// document's example: the MessageType, and every documented key with its JSON type.
#include "tests/net/support/ApiTestFixture.h"
#include "tests/net/support/NetTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <functional>
#include <map>

using namespace fsd;
using namespace fsd::test;

namespace {

struct DocumentedEvent
{
    QJsonObject request;
    QJsonObject exampleReply;
};

// The JSON text of an exampleSocket.send('...') argument. The document writes the JSON with
// its own escapes (\" and \r\n inside XML strings), which a JavaScript engine would turn into
// invalid JSON, so only \' is unescaped.
QString jsonOfSendArgument(QString text)
{
    return text.replace(QLatin1String("\\'"), QLatin1String("'"));
}

// For an object keyed by ids: the keys every entry has, with the first entry's values.
QJsonValue commonEntry(const QJsonObject &entries)
{
    QJsonObject common;
    const QJsonValue first = *entries.begin();
    if (!first.isObject())
        return first;
    common = first.toObject();
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        for (const QString &key : common.keys()) {
            if (!object.contains(key))
                common.remove(key);
        }
    }
    return common;
}

// The document's requests (from its exampleSocket.send('...') lines, since some curl lines
// are empty) with the example reply that follows each, keyed by event name.
std::map<QString, DocumentedEvent> readDocument(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression sendLine(QStringLiteral(R"(exampleSocket\.send\('(.*)'\);)"));
    std::map<QString, DocumentedEvent> events;
    auto match = sendLine.globalMatch(text);
    while (match.hasNext()) {
        const QRegularExpressionMatch found = match.next();
        DocumentedEvent event;
        event.request = QJsonDocument::fromJson(jsonOfSendArgument(found.captured(1)).toUtf8()).object();
        const qsizetype jsonStart = text.indexOf(QLatin1String("```json"), found.capturedEnd());
        const qsizetype jsonEnd = text.indexOf(QLatin1String("```"), jsonStart + 7);
        if (jsonStart >= 0 && jsonEnd > jsonStart)
            event.exampleReply = QJsonDocument::fromJson(text.mid(jsonStart + 7, jsonEnd - jsonStart - 7).toUtf8()).object();
        events[event.request.value(QStringLiteral("event")).toString()] = event;
    }
    return events;
}

bool allKeysNumeric(const QJsonObject &object)
{
    if (object.isEmpty())
        return false;
    for (const QString &key : object.keys()) {
        bool isNumber = false;
        key.toLongLong(&isNumber);
        if (!isNumber)
            return false;
    }
    return true;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("bool");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: return QStringLiteral("missing");
    }
    return {};
}

// Describes the first place where `actual` lacks a key of `expected` or has another JSON type
// there, or returns an empty string. Objects keyed by ids compare the keys common to all
// documented entries with the first actual entry.
QString shapeMismatch(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.isNull())
        return {};
    if (expected.type() != actual.type())
        return QStringLiteral("%1: expected %2, got %3").arg(path, typeName(expected), typeName(actual));
    if (expected.isArray()) {
        const QJsonArray expectedArray = expected.toArray();
        const QJsonArray actualArray = actual.toArray();
        if (expectedArray.isEmpty() || actualArray.isEmpty())
            return {};
        return shapeMismatch(expectedArray.first(), actualArray.first(), path + QStringLiteral("[0]"));
    }
    if (!expected.isObject())
        return {};
    const QJsonObject expectedObject = expected.toObject();
    const QJsonObject actualObject = actual.toObject();
    if (allKeysNumeric(expectedObject)) {
        if (actualObject.isEmpty())
            return {};
        if (!allKeysNumeric(actualObject))
            return QStringLiteral("%1: expected an object keyed by ids").arg(path);
        return shapeMismatch(commonEntry(expectedObject), *actualObject.begin(), path + QStringLiteral(".<id>"));
    }
    for (auto it = expectedObject.begin(); it != expectedObject.end(); ++it) {
        const QString mismatch = shapeMismatch(it.value(), actualObject.value(it.key()),
                                               path + QLatin1Char('.') + it.key());
        if (!mismatch.isEmpty())
            return mismatch;
    }
    return {};
}

qint64 findIdByName(const QJsonValue &value, const QString &name)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("name")).toString() == name && object.value(QStringLiteral("id")).isDouble())
            return object.value(QStringLiteral("id")).toInteger();
        // Group lists map an id to a bare name: {"18": "new-group"}.
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().toString() == name && it.key().toLongLong() > 0)
                return it.key().toLongLong();
        }
        for (const QJsonValue &child : object) {
            if (const qint64 id = findIdByName(child, name))
                return id;
        }
    }
    return 0;
}

// One request of the replay: the document's data with `overrides` applied. In overrides, a
// string "$X" becomes the id captured as X and "$'X" that id as a string. `capture` stores the
// id of the object named `captureName` in the reply as `capture`.
struct Step
{
    Step(QString event, QJsonObject overrides, QString capture = {}, QString captureName = {},
         bool errorAllowed = false)
        : event(std::move(event))
        , overrides(std::move(overrides))
        , capture(std::move(capture))
        , captureName(std::move(captureName))
        , errorAllowed(errorAllowed)
    {
    }

    QString event;
    QJsonObject overrides;
    QString capture;
    QString captureName;
    // The reply may be an error: imports need files or a FreeSWITCH that this test lacks.
    bool errorAllowed = false;
};

const QList<Step> &scenario()
{
    static const QList<Step> steps{
        {"[Domains][Add] Domain", {{"name", "new-domain"}}, "D", "new-domain"},
        {"[Domains][Get] Domains", {}},
        {"[Domains] Rename_domain", {{"id", "$D"}, {"name", "newDomain2"}}},
        {"[Domains][Switch] Domain", {{"id", "$D"}, {"enabled", false}}},
        {"[Domains][Get] Domain_details", {{"id", "$D"}}},
        {"[Domains] New_domain_param", {{"id", "$D"}}, "DP", "param1"},
        {"[Domains] Update_domain_param", {{"id", "$DP"}}},
        {"[Domains][Switch] Domain parameter", {{"id", "$DP"}}},
        {"[Domains] Del_domain_param", {{"id", "$DP"}}},
        {"[Domains] New_domain_var", {{"id", "$D"}}, "DV", "var1"},
        {"[Domains] Update_domain_var", {{"id", "$DV"}}},
        {"[Domains][Switch] Domain variable", {{"id", "$DV"}}},
        {"[Domains] Del_domain_var", {{"id", "$DV"}}},
        {"[Users] Add_new_user", {{"id", "$D"}}, "U", "5000"},
        {"[Users] Get_users", {}, "U2", "5001"},
        {"[Users] Get_user_details", {{"id", "$U"}}},
        {"[Users] Add_user_param", {{"id", "$U"}}, "UP", "param1"},
        {"[Users] Update_user_param", {{"id", "$UP"}}},
        {"[Users][Switch] User parameter", {{"id", "$UP"}}},
        {"[Users] Del_user_param", {{"id", "$UP"}}},
        {"[Users] Add_user_var", {{"id", "$U"}}, "UV", "var1"},
        {"[Users] Update_user_var", {{"id", "$UV"}}},
        {"[Users][Switch] User variable", {{"id", "$UV"}}},
        {"[Users] Del_user_var", {{"id", "$UV"}}},
        {"[Users] Update_user_cache", {{"id", "$U"}}},
        // The document's value 127.0.0.01 is not a CIDR subnet.
        {"[Users] Update_user_cidr", {{"id", "$U"}, {"value", "127.0.0.1/32"}}},
        {"[Users] Update_user_number_alias", {{"id", "$U"}}},
        {"[Users] Update_user_name", {{"id", "$U2"}}},
        {"ImportXMLDomainUser", {{"id", "$D"}}, {}, {}, true},
        {"[Groups] Add_new_group", {{"id", "$D"}}, "G", "new-group"},
        {"[Groups] Get_groups", {}},
        {"[Groups] Update_group_name", {{"id", "$G"}}},
        {"[Groups] Add_group_user", {{"id", "$G"}, {"value", "$'U"}}, "M", "5000"},
        {"[Groups] Get_group_users", {{"id", "$G"}}},
        {"[Groups] Del_group_user", {{"id", "$M"}}},
        {"[Gateways] Add_new_user_gateway", {{"id", "$U"}}, "GW", "new"},
        {"[Gateways] Get_users_gateways", {}},
        {"[Gateways] Update_user_gateway_name", {{"id", "$GW"}}},
        {"[Gateways] Get_user_gateways_details", {{"id", "$GW"}}},
        {"[Gateways] Add_user_gateway_param", {{"id", "$GW"}}, "GP", "param1"},
        {"[Gateways] Update_user_gateway_param", {{"id", "$GP"}}},
        {"[Gateways][Switch] Param", {{"id", "$GP"}}},
        {"[Gateways] Del_user_gateway_param", {{"id", "$GP"}}},
        {"[Gateways] Add_user_gateway_var", {{"id", "$GW"}}, "GV", "var1"},
        {"[Gateways] Update_user_gateway_var", {{"variable.id", "$GV"}}},
        {"[Gateways] Switch_user_gateway_var", {{"variable.id", "$GV"}}},
        {"[Gateways] Del_user_gateway_var", {{"variable.id", "$GV"}}},
        {"[Gateways] Del_user_gateway", {{"id", "$GW"}}},
        {"[Groups] Del_group", {{"id", "$G"}}},
        {"[Users] Del_user", {{"id", "$U"}}},
        {"ImportXMLDomain", {}, {}, {}, true},
        {"[Directory][Import]", {}, {}, {}, true},
        {"[Domains] Del_domain", {{"id", "$D"}}},
    };
    return steps;
}

QString documentPath()
{
    return QStringLiteral(FSD_FIXTURES_DIR "/../spec/directory-api.md");
}

} // namespace

class tst_ApiReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenarioCoversDocument();
    void replayOverHttp();
    void replayOverWebSocket();

private:
    using Transport = std::function<std::optional<QJsonObject>(const QJsonObject &request)>;
    void replay(const Transport &send, const QString &token);

    std::map<QString, DocumentedEvent> m_document;
};

void tst_ApiReplay::initTestCase()
{
    QString error;
    m_document = readDocument(documentPath(), &error);
    QVERIFY2(!m_document.empty(), qPrintable(error));
    QVERIFY(m_document.size() >= 50);
}

void tst_ApiReplay::scenarioCoversDocument()
{
    QSet<QString> replayed;
    for (const Step &step : scenario()) {
        QVERIFY2(m_document.count(step.event), qPrintable(step.event + QStringLiteral(" is not in the document")));
        replayed.insert(step.event);
    }
    for (const auto &[event, documented] : m_document)
        QVERIFY2(replayed.contains(event), qPrintable(event + QStringLiteral(" is not replayed")));
}

void tst_ApiReplay::replay(const Transport &send, const QString &token)
{
    QHash<QString, qint64> ids;
    for (const Step &step : scenario()) {
        const DocumentedEvent &documented = m_document.at(step.event);
        QJsonObject data = documented.request.value(QStringLiteral("data")).toObject();
        for (auto it = step.overrides.begin(); it != step.overrides.end(); ++it) {
            QJsonValue value = it.value();
            const QString text = value.toString();
            if (text.startsWith(QLatin1String("$'")))
                value = QString::number(ids.value(text.mid(2)));
            else if (text.startsWith(QLatin1Char('$')))
                value = ids.value(text.mid(1));
            if (it.key().startsWith(QLatin1String("variable."))) {
                QJsonObject variable = data.value(QStringLiteral("variable")).toObject();
                variable.insert(it.key().mid(9), value);
                data.insert(QStringLiteral("variable"), variable);
            } else {
                data.insert(it.key(), value);
            }
        }
        data.insert(QStringLiteral("token"), token);

        const auto reply = send(QJsonObject{{QStringLiteral("event"), step.event}, {QStringLiteral("data"), data}});
        QVERIFY2(reply, qPrintable(step.event + QStringLiteral(": no reply")));
        const QByteArray replyText = QJsonDocument(*reply).toJson(QJsonDocument::Compact).left(600);
        QVERIFY2(reply->value(QStringLiteral("MessageType")).toString() == step.event, replyText.constData());
        if (reply->contains(QStringLiteral("error"))) {
            QVERIFY2(step.errorAllowed, replyText.constData());
            QVERIFY(reply->value(QStringLiteral("error")).isString());
            continue;
        }
        const QString mismatch = shapeMismatch(documented.exampleReply, *reply, step.event);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + QStringLiteral(" in ") + QString::fromUtf8(replyText)));
        if (!step.capture.isEmpty()) {
            const qint64 id = findIdByName(*reply, step.captureName);
            QVERIFY2(id > 0, qPrintable(step.event + QStringLiteral(": no id for ") + step.captureName));
            ids.insert(step.capture, id);
        }
    }
}

void tst_ApiReplay::replayOverHttp()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));
    const QString token = fixture.login();
    QVERIFY(!token.isEmpty());
    replay([&](const QJsonObject &request) -> std::optional<QJsonObject> {
        const auto response = fixture.post(QJsonDocument(request).toJson(QJsonDocument::Compact));
        if (!response)
            return std::nullopt;
        // Every reply of this scenario is 200, errors included; a 400, 401 or 403 fails below.
        QJsonObject reply = QJsonDocument::fromJson(response->body).object();
        if (response->status != 200)
            reply.insert(QStringLiteral("http_status"), response->status);
        return reply;
    }, token);
}

void tst_ApiReplay::replayOverWebSocket()
{
    ApiTestFixture fixture;
    QString error;
    QVERIFY2(fixture.start(ApiTestFixture::loopbackConfig(), &error), qPrintable(error));
    WebSocketTestClient client;
    QVERIFY(client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(fixture.port()))));
    const auto login = client.request(apiRequest(QStringLiteral("login"), {{"login", "admin"}, {"password", "admin-password"}}));
    QVERIFY(login);
    replay([&](const QJsonObject &request) { return client.request(request); },
           login->value(QStringLiteral("token")).toString());
}

QTEST_GUILESS_MAIN(tst_ApiReplay)
#include "tst_apireplay.moc"
