// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/DispatchOutcome.h"
#include "core/events/RequestContext.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace fsd {

class Database;
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
        QuickRead, // a small Get event of one item, which may also run on a network thread
        Change,   // directory changes: operator and admin
        Admin,    // admin only
    };
    using Handler = std::function<Result<QJsonObject>(const EventRequest &)>;
    // Decides from a request's `data` whether it changes the directory, for events with a
    // read-only variant such as an import's dry run.
    using ChangeTest = std::function<bool(const QJsonObject &data)>;

    Dispatcher(Database &database, Authenticator &authenticator, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Runs one request. Every failure, expected or from storage, becomes an error reply.
    DispatchOutcome dispatch(const QJsonObject &request, const RequestContext &context);
    // Runs `request` when it is a QuickRead event whose token is in the authenticator's cache,
    // and returns nothing otherwise. The caller then sends it to dispatch() on the dispatcher's
    // thread. This is the one call allowed on a second Dispatcher that shares
    // the authenticator but has a read-only connection on another thread (see QuickReads).
    std::optional<DispatchOutcome> dispatchQuickRead(const QJsonObject &request,
                                                     const RequestContext &context);
    // Parses `body` as JSON first; anything but a JSON object is `invalid request`.
    DispatchOutcome dispatchBytes(const QByteArray &body, const RequestContext &context);

    // Adds or replaces the handler of an event. Handlers of changes run inside a transaction
    // that the dispatcher opens and commits.
    void registerHandler(const QString &event, Access access, Handler handler,
                         bool changesDirectory);
    // As above, for events that change the directory only when `changesDirectory(data)` is
    // true. The other requests run without the dispatcher's transaction and are not pushed.
    void registerHandler(const QString &event, Access access, Handler handler,
                         ChangeTest changesDirectory);

    bool isTokenValid(const QByteArray &tokenHash);

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
        // When set, narrows `changesDirectory` per request.
        ChangeTest changeTest;
    };

    DispatchOutcome login(const QJsonObject &data, const RequestContext &context);
    DispatchOutcome logout(const QJsonObject &data);
    QJsonObject runHandler(const QString &event, const Entry &entry, const QJsonObject &data,
                           const RequestContext &context, Role role, bool *changed);

    Database &m_database;
    Authenticator &m_authenticator;
    QHash<QString, Entry> m_handlers;
};

} // namespace fsd
