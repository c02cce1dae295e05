// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/DispatchOutcome.h"
#include "core/events/RequestContext.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace fsd {

class Database;
namespace freeswitch {
class LiveState;
}
class Authenticator;
class EventRequest;
enum class Role;
template<typename T> class Result;

// Runs API requests: `{"event": NAME, "data": {...}}` in, the reply object out. Every face of
// the product (GUI, HTTP, WebSocket, command line) goes through here, so the rules of the API
// live in one place. Not thread-safe: it uses the thread's database connection, so call it
// from one thread only (DispatchQueue gives it a thread of its own).
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    enum class Access {
        Public,   // login: no token needed
        Read,     // Get events: every role
        Change,   // directory changes: operator and admin
        Admin,    // admin only
    };
    using Handler = std::function<Result<QJsonObject>(const EventRequest &)>;

    Dispatcher(Database &database, Authenticator &authenticator, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Runs one request. Every failure, expected or from storage, becomes an error reply.
    DispatchOutcome dispatch(const QJsonObject &request, const RequestContext &context);
    // Parses `body` as JSON first; anything but a JSON object is `invalid request`.
    DispatchOutcome dispatchBytes(const QByteArray &body, const RequestContext &context);

    // Adds or replaces the handler of an event. Handlers of changes run inside a transaction
    // that the dispatcher opens and commits.
    void registerHandler(const QString &event, Access access, Handler handler,
                         bool changesDirectory);

    bool isTokenValid(const QByteArray &tokenHash);

    // The live state that handlers add to their replies, or null for none. Set it on the
    // dispatcher's thread.
    void setLiveState(std::shared_ptr<const freeswitch::LiveState> liveState);
    // Sends a message that no request caused (a live state change) to every client, through
    // changeCommitted() with origin 0.
    void broadcast(const QJsonObject &message);

    Database &database() { return m_database; }
    Authenticator &authenticator() { return m_authenticator; }

signals:
    // Emitted after a change committed, with the reply its caller received.
    void changeCommitted(const QJsonObject &message, quint64 originId);
    // Emitted when a token stops being valid (logout, expiry found, operator removed).
    void tokenEnded(const QByteArray &tokenHash);

private:
    struct Entry
    {
        Access access;
        Handler handler;
        bool changesDirectory;
    };

    DispatchOutcome login(const QJsonObject &data, const RequestContext &context);
    DispatchOutcome logout(const QJsonObject &data);
    QJsonObject runHandler(const QString &event, const Entry &entry, const QJsonObject &data,
                           const RequestContext &context, Role role, bool *changed);

    Database &m_database;
    Authenticator &m_authenticator;
    QHash<QString, Entry> m_handlers;
    std::shared_ptr<const freeswitch::LiveState> m_liveState;
};

} // namespace fsd
