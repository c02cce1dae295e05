// SPDX-License-Identifier: MPL-2.0
// JsonWriter must produce exactly the bytes of QJsonDocument::toJson(Compact), which API
// clients received before it replaced that call. Each row compares both for one object.
#include "core/net/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using namespace fsd;

class JsonWriterTest : public QObject
{
    Q_OBJECT

private slots:
    void sameBytesAsQt_data();
    void sameBytesAsQt();
    void everyAsciiCharacter();
    void longTextGrowsBuffer();
};

void JsonWriterTest::sameBytesAsQt_data()
{
    QTest::addColumn<QJsonObject>("object");

    QTest::newRow("empty object") << QJsonObject();
    QTest::newRow("scalars") << QJsonObject{{QStringLiteral("true"), true},
                                            {QStringLiteral("false"), false},
                                            {QStringLiteral("null"), QJsonValue()},
                                            {QStringLiteral("text"), QStringLiteral("plain")},
                                            {QStringLiteral("empty"), QString()}};
    QTest::newRow("integers") << QJsonObject{
        {QStringLiteral("zero"), 0},
        {QStringLiteral("negative"), -42},
        {QStringLiteral("2^60"), qint64(1) << 60},
        {QStringLiteral("max"), std::numeric_limits<qint64>::max()},
        {QStringLiteral("min"), std::numeric_limits<qint64>::min()}};
    QTest::newRow("doubles") << QJsonObject{
        {QStringLiteral("half"), 0.5},
        {QStringLiteral("integral"), 3.0},
        {QStringLiteral("2^60 as double"), double(qint64(1) << 60)},
        {QStringLiteral("large"), 1e300},
        {QStringLiteral("small"), 1e-7},
        {QStringLiteral("negative zero"), -0.0},
        {QStringLiteral("third"), 1.0 / 3.0}};
    QTest::newRow("not finite") << QJsonObject{
        {QStringLiteral("infinity"), std::numeric_limits<double>::infinity()},
        {QStringLiteral("minus infinity"), -std::numeric_limits<double>::infinity()},
        {QStringLiteral("nan"), std::numeric_limits<double>::quiet_NaN()}};
    QTest::newRow("escapes in keys and values") << QJsonObject{
        {QStringLiteral("quote\" backslash\\ slash/"), QStringLiteral("a\"b\\c/d")},
        {QStringLiteral("tab\tnewline\n"), QStringLiteral("\b\f\n\r\t")},
        {QString::fromUtf16(u"nul\u0000unit\u001fdel\u007f"), QString::fromUtf16(u"\u0001\u0010\u007f")}};
    QTest::newRow("non-ASCII") << QJsonObject{
        {QString::fromUtf16(u"caf\u00e9"), QString::fromUtf16(u"\u00e9\u07ff\u0800\u20ac\uffff")},
        {QStringLiteral("emoji"), QString::fromUtf16(u"\U0001F600 \U0010FFFF")}};
    const char16_t loneHigh[] = {u'a', 0xD800, u'b', 0};
    const char16_t loneLow[] = {0xDC00, u'x', 0};
    const char16_t highAtEnd[] = {u'x', 0xDBFF, 0};
    const char16_t swapped[] = {0xDC00, 0xD800, 0};
    QTest::newRow("lone surrogates") << QJsonObject{
        {QStringLiteral("high"), QString::fromUtf16(loneHigh)},
        {QStringLiteral("low"), QString::fromUtf16(loneLow)},
        {QStringLiteral("high at end"), QString::fromUtf16(highAtEnd)},
        {QStringLiteral("swapped"), QString::fromUtf16(swapped)},
        {QString::fromUtf16(highAtEnd), 1}};
    QTest::newRow("nested") << QJsonObject{
        {QStringLiteral("array"), QJsonArray{1, QStringLiteral("x"), true, false, QJsonValue(), 2.5,
                                             QJsonObject{}, QJsonArray{}, QJsonArray{QJsonArray{7}}}},
        {QStringLiteral("object"), QJsonObject{{QStringLiteral("inner"), QJsonObject{{QStringLiteral("id"), 5}}}}},
        {QStringLiteral("empty array"), QJsonArray{}}};
    QTest::newRow("user details reply") << QJsonDocument::fromJson(R"({
        "MessageType": "[Users] Get_user_details",
        "user_details": {"5": {
            "parameters": {"21": {"id": 21, "enabled": true, "name": "password", "value": "s3cr\"et"},
                           "22": {"id": 22, "enabled": false, "name": "vm-password", "value": ""}},
            "variables": {"41": {"id": 41, "enabled": true, "name": "toll_allow", "value": "domestic,international"}},
            "cache": 0, "cidr": "", "number_alias": "1000"}},
        "request_id": 17})").object();
}

void JsonWriterTest::sameBytesAsQt()
{
    QFETCH(QJsonObject, object);

    QCOMPARE(JsonWriter::compact(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void JsonWriterTest::everyAsciiCharacter()
{
    for (char16_t unit = 0; unit < 0x80; ++unit) {
        const QString text = QStringLiteral("<") + QChar(unit) + QStringLiteral(">");
        const QJsonObject object{{text, text}};
        QCOMPARE(JsonWriter::compact(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
}

void JsonWriterTest::longTextGrowsBuffer()
{
    // Larger than the writer's first buffer, and escaped, so the buffer has to grow mid-string.
    const QString text = QString(5000, QLatin1Char('"')) + QString::fromUtf16(u"\u20ac").repeated(3000);
    QJsonObject object{{QStringLiteral("long"), text}};
    for (int i = 0; i < 200; ++i)
        object.insert(QString::number(i), QJsonObject{{QStringLiteral("value"), text.left(i)}});

    QCOMPARE(JsonWriter::compact(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(JsonWriterTest)
#include "tst_jsonwriter.moc"
