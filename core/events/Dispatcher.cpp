// SPDX-License-Identifier: MPL-2.0
#include "core/events/Dispatcher.h"

#include "core/auth/Authenticator.h"
#include "core/common/Result.h"
#include "core/common/Secrets.h"
#include "core/events/EventRequest.h"
#include "core/events/EventsLog.h"
#include "core/events/SecretMasking.h"
#include "core/storage/Database.h"

#include <QElapsedTimer>
#include <QJsonDocument>

Q_LOGGING_CATEGORY(lcEvents, "fsdirector.events", QtInfoMsg)

namespace fsd {

namespace {

const QString KeyEvent = QStringLiteral("event");
const QString KeyData = QStringLiteral("data");
const QString KeyRequestId = QStringLiteral("request_id");
const QString KeyMessageType = QStringLiteral("MessageType");
const QString KeyError = QStringLiteral("error");
const QString KeyDetail = QStringLiteral("detail");
const QString KeyToken = QStringLiteral("token");

QJsonObject errorReply(const QString &event, const ApiError &error)
{
    QJsonObject reply{{KeyMessageType, event}, {KeyError, error.error}};
    if (!error.detail.isEmpty())
        reply.insert(KeyDetail, error.detail);
    return reply;
}

// The API's word for a storage failure of an event, by the verb in its name.
QString storageFailureText(const QString &event)
{
    if (event.contains(QLatin1String("Switch")))
        return QStringLiteral("can't change");
    if (event.contains(QLatin1String("Del")))
        return QStringLiteral("can't delete");
    if (event.contains(QLatin1String("Update")) || event.contains(QLatin1String("Rename")))
        return QStringLiteral("can't update");
    if (event.contains(QLatin1String("Add")) || event.contains(QLatin1String("New"))
        || event.contains(QLatin1String("Import")))
        return QStringLiteral("can't add");
    return QStringLiteral("can't get");
}

bool roleMayRun(Role role, Dispatcher::Access access)
{
    switch (access) {
    case Dispatcher::Access::Public:
    case Dispatcher::Access::Read:
    case Dispatcher::Access::QuickRead:
        return true;
    case Dispatcher::Access::Change:
        return role == Role::Operator || role == Role::Admin;
    case Dispatcher::Access::Admin:
        return role == Role::Admin;
    }
    return false;
}

} // namespace

Dispatcher::Dispatcher(Database &database, Authenticator &authenticator, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_authenticator(authenticator)
{
}

Dispatcher::~Dispatcher() = default;

void Dispatcher::registerHandler(const QString &event, Access access, Handler handler,
                                 bool changesDirectory)
{
    m_handlers.insert(event, Entry{access, std::move(handler), changesDirectory, {}});
}

void Dispatcher::registerHandler(const QString &event, Access access, Handler handler,
                                 ChangeTest changesDirectory)
{
    m_handlers.insert(event, Entry{access, std::move(handler), true, std::move(changesDirectory)});
}

bool Dispatcher::isTokenValid(const QByteArray &tokenHash)
{
    return m_authenticator.isValid(tokenHash);
}

DispatchOutcome Dispatcher::dispatchBytes(const QByteArray &body, const RequestContext &context)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        DispatchOutcome outcome;
        outcome.reply = errorReply(
            QStringLiteral("none"),
            ApiError::make(QStringLiteral("invalid request"),
                           parseError.error != QJsonParseError::NoError
                               ? QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset)
                               : QStringLiteral("The body must be a JSON object with \"event\" "
                                                "and \"data\".")));
        return outcome;
    }
    return dispatch(document.object(), context);
}

DispatchOutcome Dispatcher::dispatch(const QJsonObject &request, const RequestContext &context)
{
    QElapsedTimer timer;
    timer.start();

    const QJsonValue eventValue = request.value(KeyEvent);
    const QJsonValue dataValue = request.value(KeyData);
    DispatchOutcome outcome;
    if (!eventValue.isString() || !dataValue.isObject()) {
        outcome.reply = errorReply(
            QStringLiteral("none"),
            ApiError::make(QStringLiteral("invalid request"),
                           QStringLiteral("A request is a JSON object with a string \"event\" and "
                                          "an object \"data\".")));
        // Echoed here too, so that a client can match the error to the request it sent.
        if (request.contains(KeyRequestId))
            outcome.reply.insert(KeyRequestId, request.value(KeyRequestId));
        return outcome;
    }

    const QString event = eventValue.toString();
    const QJsonObject data = dataValue.toObject();
    if (event == QLatin1String("login")) {
        outcome = login(data, context);
    } else if (event == QLatin1String("logout")) {
        outcome = logout(data);
    } else if (const auto entry = m_handlers.constFind(event); entry == m_handlers.constEnd()) {
        outcome.reply = errorReply(event, ApiError::make(QStringLiteral("unknown event"),
                                                         QStringLiteral("There is no event \"%1\".")
                                                             .arg(event)));
    } else {
        Role role = Role::Admin;
        bool authorized = true;
        if (!context.local && entry->access != Access::Public) {
            const QByteArray token = data.value(KeyToken).toString().toLatin1();
            bool expired = false;
            auto session = m_authenticator.authenticate(token, &expired);
            if (!session) {
                outcome.reply = errorReply(event, session.error());
                outcome.reply.insert(QStringLiteral("no_token"), true);
                authorized = false;
                if (expired)
                    emit tokenEnded(Secrets::hashToken(token));
            } else {
                role = session->role;
                outcome.tokenHash = session->tokenHash;
                outcome.masksSecrets = role == Role::Viewer;
            }
        }
        if (authorized && !roleMayRun(role, entry->access)) {
            outcome.reply = errorReply(
                event, ApiError::make(QStringLiteral("forbidden"),
                                      QStringLiteral("The role %1 may not run \"%2\".")
                                          .arg(roleName(role), event)));
            authorized = false;
        }
        if (authorized) {
            outcome.reply = runHandler(event, *entry, data, context, role, &outcome.changed);
            if (role == Role::Viewer)
                SecretMasking::mask(outcome.reply);
        }
    }

    if (request.contains(KeyRequestId))
        outcome.reply.insert(KeyRequestId, request.value(KeyRequestId));

    qCDebug(lcEvents).noquote() << event << (outcome.isError() ? outcome.error() : QStringLiteral("ok"))
                                << timer.nsecsElapsed() / 1000 << "us";
    if (outcome.changed)
        emit changeCommitted(outcome.reply, context.originId);
    return outcome;
}

std::optional<DispatchOutcome> Dispatcher::dispatchQuickRead(const QJsonObject &request,
                                                             const RequestContext &context)
{
    const QJsonValue eventValue = request.value(KeyEvent);
    const QJsonValue dataValue = request.value(KeyData);
    if (!eventValue.isString() || !dataValue.isObject())
        return std::nullopt;
    const QString event = eventValue.toString();
    const auto entry = m_handlers.constFind(event);
    if (entry == m_handlers.constEnd() || entry->access != Access::QuickRead)
        return std::nullopt;
    const QJsonObject data = dataValue.toObject();

    DispatchOutcome outcome;
    Role role = Role::Admin;
    if (!context.local) {
        const auto session = m_authenticator.authenticateCached(
            data.value(KeyToken).toString().toLatin1());
        if (!session)
            return std::nullopt;
        role = session->role;
        outcome.tokenHash = session->tokenHash;
        outcome.masksSecrets = role == Role::Viewer;
    }
    outcome.reply = runHandler(event, *entry, data, context, role, &outcome.changed);
    if (role == Role::Viewer)
        SecretMasking::mask(outcome.reply);
    if (request.contains(KeyRequestId))
        outcome.reply.insert(KeyRequestId, request.value(KeyRequestId));
    return outcome;
}

QJsonObject Dispatcher::runHandler(const QString &event, const Entry &entry,
                                   const QJsonObject &data, const RequestContext &context,
                                   Role role, bool *changed)
{
    const EventRequest request(event, data, context, role, m_database);
    std::optional<Result<QJsonObject>> result;
    const bool changesDirectory =
        entry.changesDirectory && (!entry.changeTest || entry.changeTest(data));
    if (changesDirectory) {
        Status status = m_database.transaction([&]() -> Status {
            result.emplace(entry.handler(request));
            if (!result->ok())
                return result->error();
            return {};
        });
        // The commit itself can fail after the handler succeeded.
        if (!status && result->ok())
            result.emplace(status.error());
    } else {
        result.emplace(entry.handler(request));
    }

    if (!result->ok()) {
        ApiError error = result->error();
        if (error.error == Database::StorageFailure) {
            qCWarning(lcEvents).noquote() << event << "failed in storage:" << error.detail;
            error = ApiError::make(storageFailureText(event),
                                   QStringLiteral("The database reported an error; see the "
                                                  "fsdirector log."));
        }
        return errorReply(event, error);
    }

    QJsonObject reply = result->value();
    reply.insert(KeyMessageType, event);
    *changed = changesDirectory;
    return reply;
}

DispatchOutcome Dispatcher::login(const QJsonObject &data, const RequestContext &context)
{
    const QString event = QStringLiteral("login");
    DispatchOutcome outcome;
    const QJsonValue login = data.value(QStringLiteral("login"));
    const QJsonValue password = data.value(QStringLiteral("password"));
    if (!login.isString() || !password.isString()) {
        outcome.reply = errorReply(event, ApiError::make(QStringLiteral("wrong data"),
                                                         QStringLiteral("login needs the strings "
                                                                        "\"login\" and \"password\".")));
        return outcome;
    }
    auto result = m_authenticator.login(login.toString(), password.toString(), context.peer);
    if (!result) {
        ApiError error = result.error();
        if (error.error == Database::StorageFailure)
            error = ApiError::make(QStringLiteral("can't get"));
        outcome.reply = errorReply(event, error);
        return outcome;
    }
    outcome.reply = QJsonObject{{KeyMessageType, event},
                                {QStringLiteral("token"), QString::fromLatin1(result->token)},
                                {QStringLiteral("role"), roleName(result->session.role)}};
    outcome.tokenHash = result->session.tokenHash;
    outcome.masksSecrets = result->session.role == Role::Viewer;
    return outcome;
}

DispatchOutcome Dispatcher::logout(const QJsonObject &data)
{
    const QString event = QStringLiteral("logout");
    DispatchOutcome outcome;
    const QByteArray token = data.value(KeyToken).toString().toLatin1();
    bool expired = false;
    auto session = m_authenticator.authenticate(token, &expired);
    if (!session) {
        outcome.reply = errorReply(event, session.error());
        outcome.reply.insert(QStringLiteral("no_token"), true);
        if (expired)
            emit tokenEnded(Secrets::hashToken(token));
        return outcome;
    }
    Status status = m_authenticator.logout(session->tokenHash);
    if (!status) {
        outcome.reply = errorReply(event, ApiError::make(QStringLiteral("can't delete")));
        return outcome;
    }
    outcome.reply = QJsonObject{{KeyMessageType, event}};
    outcome.tokenHash = session->tokenHash;
    outcome.loggedOut = true;
    emit tokenEnded(session->tokenHash);
    return outcome;
}

} // namespace fsd
