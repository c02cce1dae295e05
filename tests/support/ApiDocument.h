// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace fsd::test {

// The events of the API document (directory-api.md) as the tests read them: for each event
// value, the example reply of its "Returns JSON structured like this" block and the error list
// of its "Errors" section.
class ApiDocument
{
public:
    struct Event
    {
        QString name;
        QJsonObject example;
        QStringList errors;
    };

    // Parses the document at `path`. On failure errorString() returns the reason and
    // eventNames() is empty.
    static ApiDocument load(const QString &path);
    // The document in the folder of the CMake cache variable FSD_SPEC_DIR.
    static ApiDocument loadFromSpecDir(const char *specDir);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QStringList eventNames() const { return m_order; }
    bool contains(const QString &event) const { return m_events.contains(event); }
    Event event(const QString &event) const { return m_events.value(event); }

private:
    QString m_error;
    QStringList m_order;
    QHash<QString, Event> m_events;
};

// Compares the keys and JSON types of a reply with an example reply. The document's examples
// fix keys and types, not values. Objects whose keys are all decimal ids are lists keyed by
// row id. Every entry of such a list in the reply must have the keys (and types) that all
// entries of the example share. A list with entries in the example must have entries in the
// reply too, so that an empty list cannot pass for a correct one.
class JsonShape
{
public:
    // Keys that a reply may carry beyond the example, such as fields the API decisions add. A
    // key name matches at any depth.
    explicit JsonShape(QSet<QString> allowedExtraKeys = {});

    // Returns one line per difference, each naming the path ("domains/<id>/enabled").
    QStringList compare(const QJsonObject &actual, const QJsonObject &example) const;

    static bool isIdList(const QJsonObject &object);
    static QString typeName(const QJsonValue &value);

private:
    void compareValue(const QJsonValue &actual, const QJsonValue &example, const QString &path,
                      QStringList &differences) const;
    void compareObject(const QJsonObject &actual, const QJsonObject &example, const QString &path,
                       QStringList &differences) const;
    void compareIdList(const QJsonObject &actual, const QJsonObject &example, const QString &path,
                       QStringList &differences) const;

    QSet<QString> m_allowedExtraKeys;
};

} // namespace fsd::test
