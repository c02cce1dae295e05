// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace fsd::test {

// Parses a JSON object written in a test; fails loudly on a typo in the test itself.
inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Invalid JSON in test: %s", qPrintable(error.errorString()));
    return document.object();
}

// A domain object of a `domains` list, as the API sends it.
inline QJsonObject domainJson(qint64 id, const QString &name, bool enabled = true)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("sip_regs_counter"), 0}};
}

// A user object of a `directory_users` list, with the live fields of `[Users] Get_users`.
inline QJsonObject userJson(qint64 id, const QString &name, bool enabled = true,
                            const QString &numberAlias = {})
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("cache"), 0},
                       {QStringLiteral("cidr"), QString()},
                       {QStringLiteral("number_alias"), numberAlias},
                       {QStringLiteral("call_date"), 0},
                       {QStringLiteral("in_call"), false},
                       {QStringLiteral("talking"), false},
                       {QStringLiteral("last_uuid"), QString()},
                       {QStringLiteral("call_direction"), QString()},
                       {QStringLiteral("sip_register"), false},
                       {QStringLiteral("verto_register"), false}};
}

// The display texts of the children of `parent` in column 0, in row order.
inline QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

// The row of `parent`'s child whose column 0 shows `name`, or an invalid index.
inline QModelIndex childNamed(const QAbstractItemModel &model, const QString &name,
                              const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

} // namespace fsd::test
