// SPDX-License-Identifier: MPL-2.0
#include "core/events/OperatorHandlers.h"

#include "core/auth/Authenticator.h"
#include "core/events/Dispatcher.h"
#include "core/events/EventRequest.h"
#include "core/events/EventsLog.h"
#include "core/storage/Database.h"

#include <QJsonObject>

namespace fsd {

namespace {

// {"operators": {ID: {"id", "login", "role"}}} for `rows`; password hashes never leave.
QJsonObject operatorsReply(const QList<OperatorRow> &rows)
{
    QJsonObject list;
    for (const OperatorRow &row : rows) {
        list.insert(QString::number(row.id), QJsonObject{{QStringLiteral("id"), row.id},
                                                         {QStringLiteral("login"), row.login},
                                                         {QStringLiteral("role"), row.role}});
    }
    return QJsonObject{{QStringLiteral("operators"), list}};
}

// The operator named `login` (case-insensitive) among `rows`.
Result<OperatorRow> findOperator(const QList<OperatorRow> &rows, const QString &login)
{
    for (const OperatorRow &row : rows) {
        if (row.login.compare(login, Qt::CaseInsensitive) == 0)
            return row;
    }
    return ApiError::make(QStringLiteral("operator not found"),
                          QStringLiteral("There is no operator \"%1\".").arg(login));
}

Result<QString> stringField(const EventRequest &request, const QString &key)
{
    const QJsonValue value = request.data().value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        return ApiError::make(QStringLiteral("empty data"),
                              QStringLiteral("\"%1\" must be a non-empty string.").arg(key));
    }
    return value.toString();
}

// Runs `work` in one transaction, then reports the ended sessions so that WebSocket clients
// bound to them stop receiving pushes.
Result<QJsonObject> changeOperators(Dispatcher &dispatcher, const EventRequest &request,
                                    const std::function<Result<QJsonObject>(QList<QByteArray> *ended)> &work)
{
    std::optional<Result<QJsonObject>> reply;
    QList<QByteArray> ended;
    Status status = request.database().transaction([&]() -> Status {
        reply.emplace(work(&ended));
        if (!reply->ok())
            return reply->error();
        return {};
    });
    if (!status)
        return status.error();
    for (const QByteArray &hash : std::as_const(ended))
        emit dispatcher.tokenEnded(hash);
    return *reply;
}

} // namespace

void registerOperatorHandlers(Dispatcher &dispatcher)
{
    using Access = Dispatcher::Access;
    Authenticator &authenticator = dispatcher.authenticator();

    dispatcher.registerHandler(
        QStringLiteral("[Operators] Get_operators"), Access::Admin,
        [&authenticator](const EventRequest &) -> Result<QJsonObject> {
            auto rows = authenticator.operators();
            if (!rows)
                return rows.error();
            return operatorsReply(*rows);
        },
        false);

    dispatcher.registerHandler(
        QStringLiteral("[Operators] Add_operator"), Access::Admin,
        [&dispatcher, &authenticator](const EventRequest &request) -> Result<QJsonObject> {
            auto login = stringField(request, QStringLiteral("login"));
            if (!login)
                return login.error();
            auto roleText = stringField(request, QStringLiteral("role"));
            if (!roleText)
                return roleText.error();
            const std::optional<Role> role = roleFromName(*roleText);
            if (!role) {
                return ApiError::make(QStringLiteral("wrong data"),
                                      QStringLiteral("The role \"%1\" is not admin, operator or viewer.")
                                          .arg(*roleText));
            }
            auto password = stringField(request, QStringLiteral("password"));
            if (!password)
                return password.error();
            return changeOperators(dispatcher, request, [&](QList<QByteArray> *) -> Result<QJsonObject> {
                auto added = authenticator.addOperator(*login, *role, *password);
                if (!added)
                    return added.error();
                qCInfo(lcEvents).noquote() << "Added operator" << added->login << "with role"
                                           << added->role;
                return operatorsReply({*added});
            });
        },
        false);

    dispatcher.registerHandler(
        QStringLiteral("[Operators] Update_operator_password"), Access::Admin,
        [&dispatcher, &authenticator](const EventRequest &request) -> Result<QJsonObject> {
            auto login = stringField(request, QStringLiteral("login"));
            if (!login)
                return login.error();
            auto password = stringField(request, QStringLiteral("password"));
            if (!password)
                return password.error();
            return changeOperators(dispatcher, request, [&](QList<QByteArray> *ended) -> Result<QJsonObject> {
                auto rows = authenticator.operators();
                if (!rows)
                    return rows.error();
                auto row = findOperator(*rows, *login);
                if (!row)
                    return row.error();
                auto sessions = authenticator.setPassword(row->login, *password);
                if (!sessions)
                    return sessions.error();
                *ended = *sessions;
                qCInfo(lcEvents).noquote() << "Changed the password of operator" << row->login
                                           << "and ended" << sessions->size() << "sessions";
                return operatorsReply({*row});
            });
        },
        false);

    dispatcher.registerHandler(
        QStringLiteral("[Operators] Del_operator"), Access::Admin,
        [&dispatcher, &authenticator](const EventRequest &request) -> Result<QJsonObject> {
            auto login = stringField(request, QStringLiteral("login"));
            if (!login)
                return login.error();
            return changeOperators(dispatcher, request, [&](QList<QByteArray> *ended) -> Result<QJsonObject> {
                auto rows = authenticator.operators();
                if (!rows)
                    return rows.error();
                auto row = findOperator(*rows, *login);
                if (!row)
                    return row.error();
                const auto admins = std::count_if(rows->cbegin(), rows->cend(), [](const OperatorRow &other) {
                    return other.role == roleName(Role::Admin);
                });
                // The API keeps the last admin, because without one no request could manage
                // operators any more. `fsdirector --remove-operator` on a stopped server can.
                if (row->role == roleName(Role::Admin) && admins <= 1) {
                    return ApiError::make(QStringLiteral("forbidden"),
                                          QStringLiteral("\"%1\" is the last admin. Add another admin "
                                                         "before removing this one.")
                                              .arg(row->login));
                }
                auto sessions = authenticator.removeOperator(row->login);
                if (!sessions)
                    return sessions.error();
                *ended = *sessions;
                qCInfo(lcEvents).noquote() << "Removed operator" << row->login << "and ended"
                                           << sessions->size() << "sessions";
                return operatorsReply({*row});
            });
        },
        false);
}

} // namespace fsd
