// SPDX-License-Identifier: MPL-2.0
#include "tests/support/ApiDocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace fsd::test {

namespace {

// One "#### Title" section of the document while it is being read.
struct Section
{
    QJsonObject example;
    QString eventName;
    QStringList errors;
};

} // namespace

ApiDocument ApiDocument::loadFromSpecDir(const char *specDir)
{
    return load(QDir(QString::fromUtf8(specDir)).absoluteFilePath(QStringLiteral("directory-api.md")));
}

ApiDocument ApiDocument::load(const QString &path)
{
    ApiDocument document;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        document.m_error = QStringLiteral("Cannot read the API document %1: %2. Set the CMake "
                                          "cache variable FSD_SPEC_DIR to its folder.")
                               .arg(path, file.errorString());
        return document;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));

    Section section;
    auto finishSection = [&]() {
        if (!section.eventName.isEmpty()) {
            document.m_order.append(section.eventName);
            document.m_events.insert(section.eventName,
                                     Event{section.eventName, section.example, section.errors});
        }
        section = Section();
    };

    enum class Expect { Nothing, JsonBlockStart, JsonBlock, EventValue, Errors };
    Expect expect = Expect::Nothing;
    QString jsonText;
    for (int number = 0; number < lines.size(); ++number) {
        const QString line = lines.at(number).trimmed();
        if (line.startsWith(QLatin1String("#### ")) || line.startsWith(QLatin1String("### "))) {
            finishSection();
            expect = Expect::Nothing;
            continue;
        }
        switch (expect) {
        case Expect::JsonBlockStart:
            if (line == QLatin1String("```json")) {
                jsonText.clear();
                expect = Expect::JsonBlock;
            }
            continue;
        case Expect::JsonBlock:
            if (line == QLatin1String("```")) {
                QJsonParseError error;
                const QJsonDocument json = QJsonDocument::fromJson(jsonText.toUtf8(), &error);
                if (!json.isObject()) {
                    document.m_error = QStringLiteral("%1:%2: the example reply is not a JSON "
                                                      "object: %3")
                                           .arg(path)
                                           .arg(number + 1)
                                           .arg(error.errorString());
                    return document;
                }
                section.example = json.object();
                expect = Expect::Nothing;
            } else {
                jsonText += lines.at(number) + QLatin1Char('\n');
            }
            continue;
        case Expect::EventValue:
            if (line.startsWith(QLatin1Char('`')) && line.endsWith(QLatin1Char('`')) && line.size() > 2) {
                section.eventName = line.mid(1, line.size() - 2);
                expect = Expect::Nothing;
            }
            continue;
        case Expect::Errors:
            if (line.startsWith(QLatin1String("* ")))
                section.errors.append(line.mid(2).trimmed());
            continue;
        case Expect::Nothing:
            break;
        }
        if (line.startsWith(QLatin1String("> Returns JSON")))
            expect = Expect::JsonBlockStart;
        else if (line == QLatin1String("##### Event value"))
            expect = Expect::EventValue;
        else if (line == QLatin1String("##### Errors"))
            expect = Expect::Errors;
    }
    finishSection();

    if (document.m_events.isEmpty())
        document.m_error = QStringLiteral("The API document %1 has no event sections.").arg(path);
    return document;
}

JsonShape::JsonShape(QSet<QString> allowedExtraKeys)
    : m_allowedExtraKeys(std::move(allowedExtraKeys))
{
}

QStringList JsonShape::compare(const QJsonObject &actual, const QJsonObject &example) const
{
    QStringList differences;
    compareObject(actual, example, QString(), differences);
    return differences;
}

bool JsonShape::isIdList(const QJsonObject &object)
{
    if (object.isEmpty())
        return false;
    static const QRegularExpression decimal(QStringLiteral("^[1-9][0-9]*$"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!decimal.match(it.key()).hasMatch())
            return false;
    }
    return true;
}

QString JsonShape::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return std::trunc(number) == number ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

void JsonShape::compareValue(const QJsonValue &actual, const QJsonValue &example,
                             const QString &path, QStringList &differences) const
{
    if (typeName(actual) != typeName(example)) {
        differences.append(QStringLiteral("%1: expected %2, got %3")
                               .arg(path, typeName(example), typeName(actual)));
        return;
    }
    if (example.isObject())
        compareObject(actual.toObject(), example.toObject(), path, differences);
}

void JsonShape::compareObject(const QJsonObject &actual, const QJsonObject &example,
                              const QString &path, QStringList &differences) const
{
    if (isIdList(example)) {
        compareIdList(actual, example, path, differences);
        return;
    }
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('/');
    for (auto it = example.begin(); it != example.end(); ++it) {
        if (!actual.contains(it.key())) {
            differences.append(QStringLiteral("%1%2: missing").arg(prefix, it.key()));
            continue;
        }
        compareValue(actual.value(it.key()), it.value(), prefix + it.key(), differences);
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
        if (!example.contains(it.key()) && !m_allowedExtraKeys.contains(it.key()))
            differences.append(QStringLiteral("%1%2: not in the example").arg(prefix, it.key()));
    }
}

void JsonShape::compareIdList(const QJsonObject &actual, const QJsonObject &example,
                              const QString &path, QStringList &differences) const
{
    if (actual.isEmpty()) {
        differences.append(QStringLiteral("%1: empty, but the example lists entries")
                               .arg(path.isEmpty() ? QStringLiteral("(top)") : path));
        return;
    }
    if (!isIdList(actual)) {
        differences.append(QStringLiteral("%1: keys %2 are not all row ids")
                               .arg(path, actual.keys().join(QLatin1Char(','))));
        return;
    }

    // The entry shape: keys that every example entry has are required, the others optional.
    QJsonValue first = example.begin().value();
    if (!first.isObject()) {
        for (auto it = actual.begin(); it != actual.end(); ++it)
            compareValue(it.value(), first, path + QLatin1Char('/') + it.key(), differences);
        return;
    }
    // A list of lists ({domain: {user: {...}}}): the inner lists of all entries together form
    // the example of each inner list.
    if (isIdList(first.toObject())) {
        QJsonObject inner;
        for (auto entry = example.begin(); entry != example.end(); ++entry) {
            const QJsonObject object = entry.value().toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                inner.insert(it.key(), it.value());
        }
        for (auto it = actual.begin(); it != actual.end(); ++it)
            compareValue(it.value(), inner, path + QLatin1Char('/') + it.key(), differences);
        return;
    }
    QJsonObject required = first.toObject();
    QSet<QString> optional;
    for (auto entry = example.begin(); entry != example.end(); ++entry) {
        const QJsonObject object = entry.value().toObject();
        for (const QString &key : required.keys()) {
            if (!object.contains(key)) {
                required.remove(key);
                optional.insert(key);
            }
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!required.contains(it.key()))
                optional.insert(it.key());
        }
    }
    JsonShape entryShape(m_allowedExtraKeys + optional);
    for (auto it = actual.begin(); it != actual.end(); ++it) {
        const QString entryPath = path + QLatin1Char('/') + it.key();
        if (!it.value().isObject()) {
            differences.append(QStringLiteral("%1: expected object, got %2")
                                   .arg(entryPath, typeName(it.value())));
            continue;
        }
        entryShape.compareObject(it.value().toObject(), required, entryPath, differences);
    }
}

} // namespace fsd::test
