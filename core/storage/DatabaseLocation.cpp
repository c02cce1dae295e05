// SPDX-License-Identifier: MPL-2.0
#include "core/storage/DatabaseLocation.h"

#include <QUrl>
#include <QUrlQuery>

namespace fsd {

namespace {

const QString InvalidLocation = QStringLiteral("invalid database");

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString urlForm()
{
    return QStringLiteral("postgresql://[user@][host][:port]/dbname[?schema=name]");
}

} // namespace

Result<DatabaseOptions> parseDatabaseLocation(const QString &location)
{
    DatabaseOptions options;
    if (!isPostgresUrl(location)) {
        options.path = location;
        return options;
    }

    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid()) {
        return ApiError::make(InvalidLocation,
                              QStringLiteral("Invalid PostgreSQL URL: %1. Use the form %2.")
                                  .arg(url.errorString(), urlForm()));
    }
    if (!url.password().isEmpty()) {
        return ApiError::make(
            InvalidLocation,
            QStringLiteral("The database URL contains a password. Remove it from the URL and set "
                           "database/password in the settings file or FSDIRECTOR_DATABASE_PASSWORD "
                           "in the environment, so that it shows in no process list or log."));
    }
    options.backend = SqlDialect::Backend::PostgreSQL;
    options.host = url.host();
    options.port = url.port(5432);
    options.userName = url.userName();
    options.databaseName = url.path().mid(1);
    if (options.databaseName.isEmpty() || options.databaseName.contains(QLatin1Char('/'))) {
        return ApiError::make(InvalidLocation,
                              QStringLiteral("The PostgreSQL URL %1 names no database. Use the "
                                             "form %2.")
                                  .arg(url.toString(QUrl::RemovePassword), urlForm()));
    }

    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("schema")) {
            options.schema = value;
            continue;
        }
        return ApiError::make(InvalidLocation,
                              QStringLiteral("Unknown parameter \"%1\" in the PostgreSQL URL. The "
                                             "only parameter is schema, as in %2.")
                                  .arg(key, urlForm()));
    }
    return options;
}

} // namespace fsd
