// SPDX-License-Identifier: MPL-2.0
#include "core/storage/PostgresConnection.h"

#include "core/storage/Database.h"

#include <QRegularExpression>

namespace fsd::postgres {

namespace {

// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1).
constexpr int MaxIdentifierLength = 63;

} // namespace

QString connectOptions()
{
    // connect_timeout bounds the wait for a server that drops packets; application_name shows
    // fsdirector's connections in pg_stat_activity.
    return QStringLiteral("connect_timeout=10;application_name=fsdirector");
}

Status checkSchemaName(const QString &schema)
{
    static const QRegularExpression plainName(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (schema.isEmpty() || (schema.size() <= MaxIdentifierLength && plainName.match(schema).hasMatch()))
        return {};
    return ApiError::make(
        Database::StorageFailure,
        QStringLiteral("Invalid PostgreSQL schema name \"%1\": use at most %2 lower-case ASCII "
                       "letters, digits and underscores, starting with a letter or underscore.")
            .arg(schema)
            .arg(MaxIdentifierLength));
}

QStringList sessionStatements(const DatabaseOptions &options, bool createSchema)
{
    // A statement waits at most 5 s for a row or table lock that another connection holds,
    // like SQLite's busy_timeout on the SQLite backend, and then fails.
    // client_min_messages keeps libpq from printing NOTICEs such as "relation already exists,
    // skipping" on standard error.
    QStringList statements = {QStringLiteral("SET lock_timeout = '5s'"),
                              QStringLiteral("SET client_min_messages = warning")};
    if (!options.schema.isEmpty()) {
        if (createSchema)
            statements.append(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(options.schema));
        statements.append(QStringLiteral("SET search_path TO %1").arg(options.schema));
    }
    if (options.readOnly)
        statements.append(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
    return statements;
}

QString describeOpenFailure(const DatabaseOptions &options, const QString &location,
                            const QString &driverMessage)
{
    const QString host = options.host.isEmpty() ? QStringLiteral("the local Unix socket")
                                                : options.host;
    const QString message = driverMessage.simplified();
    QString advice;
    if (message.contains(QLatin1String("password authentication failed"))
        || message.contains(QLatin1String("no password supplied"))) {
        advice = QStringLiteral("Check the password of user \"%1\": set database/password in the "
                                "settings file, or FSDIRECTOR_DATABASE_PASSWORD or PGPASSWORD in "
                                "the environment.")
                     .arg(options.userName);
    } else if (message.contains(QLatin1String("database \"")) && message.contains(QLatin1String("does not exist"))) {
        advice = QStringLiteral("Create the database first, for example with "
                                "\"createdb -h %1 -p %2 -O %3 %4\" as a PostgreSQL superuser.")
                     .arg(options.host.isEmpty() ? QStringLiteral("/var/run/postgresql") : options.host)
                     .arg(options.port)
                     .arg(options.userName.isEmpty() ? QStringLiteral("<user>") : options.userName,
                          options.databaseName);
    } else if (message.contains(QLatin1String("role \"")) && message.contains(QLatin1String("does not exist"))) {
        advice = QStringLiteral("Create the PostgreSQL role \"%1\" (createuser) or put another user "
                                "into the database URL.")
                     .arg(options.userName);
    } else if (message.contains(QLatin1String("Connection refused"))
               || message.contains(QLatin1String("No such file or directory"))
               || message.contains(QLatin1String("timeout expired"))
               || message.contains(QLatin1String("could not translate host name"))) {
        advice = QStringLiteral("Check that the PostgreSQL server is running and accepts "
                                "connections on %1 port %2.")
                     .arg(host)
                     .arg(options.port);
    } else {
        advice = QStringLiteral("Check the host, port, database, user and password.");
    }
    return QStringLiteral("Cannot connect to the PostgreSQL database \"%1\" on %2 port %3 as "
                          "user \"%4\" (%5): %6 %7")
        .arg(options.databaseName, host)
        .arg(options.port)
        .arg(options.userName.isEmpty() ? QStringLiteral("<operating system user>") : options.userName,
             location, message, advice);
}

} // namespace fsd::postgres
