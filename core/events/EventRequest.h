// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/events/RequestContext.h"
#include "core/freeswitch/LiveState.h"

#include <QJsonObject>
#include <QString>

namespace fsd {

class Database;

// One request as passed to a handler: the event's `data` object with typed accessors that
// produce the API's error strings, the caller's role, and the database to work on.
class EventRequest
{
public:
    EventRequest(QString event, QJsonObject data, RequestContext context, Role role,
                 Database &database);

    const QString &event() const { return m_event; }
    const QJsonObject &data() const { return m_data; }
    const RequestContext &context() const { return m_context; }
    Role role() const { return m_role; }
    Database &database() const { return m_database; }
    // FreeSWITCH's live registration state, empty when nothing follows it.
    freeswitch::LiveSnapshot liveSnapshot() const
    {
        return m_liveState ? m_liveState->snapshot() : freeswitch::LiveSnapshot();
    }
    freeswitch::MonitorStatus liveStatus() const
    {
        return m_liveState ? m_liveState->status() : freeswitch::MonitorStatus();
    }
    void setLiveState(const freeswitch::LiveState *liveState) { m_liveState = liveState; }

    // A positive JSON integer; otherwise `wrong id`.
    Result<qint64> id(const QString &key = QStringLiteral("id")) const;
    static Result<qint64> idIn(const QJsonObject &object, const QString &key);
    // A name: a JSON string, trimmed, not empty. `emptyError` is the error for a missing or
    // blank name ("empty domain name" for domains, "empty data" elsewhere); a non-string is
    // `wrong data`.
    Result<QString> name(const QString &key = QStringLiteral("name"),
                         const QString &emptyError = QStringLiteral("empty data")) const;
    static Result<QString> nameIn(const QJsonObject &object, const QString &key,
                                  const QString &emptyError);
    // A value: a JSON string kept exactly, empty allowed; missing is `empty data`, a
    // non-string `wrong data`.
    Result<QString> value(const QString &key = QStringLiteral("value")) const;
    static Result<QString> valueIn(const QJsonObject &object, const QString &key);
    // A JSON boolean; otherwise `wrong data`.
    Result<bool> boolean(const QString &key = QStringLiteral("enabled")) const;
    static Result<bool> booleanIn(const QJsonObject &object, const QString &key);
    // An optional JSON integer with a default; otherwise `wrong data`.
    Result<qint64> integer(const QString &key, qint64 defaultValue) const;
    // A JSON object; `empty data` when missing, `wrong data` when of another type.
    Result<QJsonObject> object(const QString &key) const;

private:
    QString m_event;
    QJsonObject m_data;
    RequestContext m_context;
    Role m_role;
    Database &m_database;
    const freeswitch::LiveState *m_liveState = nullptr;
};

} // namespace fsd
