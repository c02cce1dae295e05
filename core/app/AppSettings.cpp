// SPDX-License-Identifier: MPL-2.0
#include "core/app/AppSettings.h"

#include "core/storage/DatabaseLocation.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace fsd {

QString AppSettings::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("fsdirector.ini"));
}

QString AppSettings::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("directory.sqlite"));
}

int AppSettings::readNumber(const QString &text, int minimum, int maximum, const QString &source,
                            int fallback, QStringList *errors)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (ok && value >= minimum && value <= maximum)
        return value;
    errors->append(QStringLiteral("%1 is \"%2\", but it must be a whole number from %3 to %4.")
                       .arg(source, text)
                       .arg(minimum)
                       .arg(maximum));
    return fallback;
}

Result<DatabaseOptions> AppSettings::databaseOptions() const
{
    auto options = parseDatabaseLocation(databasePath);
    if (!options)
        return options;
    const QString environmentPassword = qEnvironmentVariable("FSDIRECTOR_DATABASE_PASSWORD");
    options->password = environmentPassword.isEmpty() ? databasePassword : environmentPassword;
    return options;
}

AppSettings AppSettings::load(const QString &filePath)
{
    AppSettings settings;
    settings.databasePath = defaultDatabasePath();
    if (!QFile::exists(filePath))
        return settings;

    QSettings file(filePath, QSettings::IniFormat);
    settings.databasePath = file.value(QStringLiteral("database/path"), settings.databasePath).toString();
    settings.databasePassword = file.value(QStringLiteral("database/password")).toString();
    settings.apiListen = file.value(QStringLiteral("api/listen"), settings.apiListen).toString();
    settings.tlsCertificate = file.value(QStringLiteral("api/tls_certificate")).toString();
    settings.tlsKey = file.value(QStringLiteral("api/tls_key")).toString();
    settings.allowInsecureApi = file.value(QStringLiteral("api/allow_insecure"), false).toBool();
    // Numbers are checked, because an unreadable one would become 0: no connection allowed, or
    // tokens that expire at once.
    const auto number = [&](const QString &key, int minimum, int maximum, int fallback) {
        if (!file.contains(key))
            return fallback;
        return readNumber(file.value(key).toString(), minimum, maximum,
                          QStringLiteral("%1 in %2").arg(key, filePath), fallback, &settings.errors);
    };
    settings.maxConnections = number(QStringLiteral("api/max_connections"), 1, MaxConnectionsLimit,
                                     settings.maxConnections);
    settings.xmlCurlListen = file.value(QStringLiteral("xml_curl/listen"), settings.xmlCurlListen).toString();
    settings.xmlCurlUser = file.value(QStringLiteral("xml_curl/user")).toString();
    settings.xmlCurlPassword = file.value(QStringLiteral("xml_curl/password")).toString();
    settings.allowInsecureXmlCurl = file.value(QStringLiteral("xml_curl/allow_insecure"), false).toBool();
    settings.eventSocketHost = file.value(QStringLiteral("event_socket/host"), settings.eventSocketHost).toString();
    settings.eventSocketPort = number(QStringLiteral("event_socket/port"), 1, 65535, settings.eventSocketPort);
    settings.eventSocketPassword =
        file.value(QStringLiteral("event_socket/password"), settings.eventSocketPassword).toString();
    settings.eventSocketConfigured = file.contains(QStringLiteral("event_socket/host"));
    settings.liveState = file.value(QStringLiteral("event_socket/live_state"), true).toBool();
    settings.tokenLifetimeHours = number(QStringLiteral("auth/token_lifetime_hours"), 1,
                                         MaxTokenLifetimeHours, settings.tokenLifetimeHours);
    return settings;
}

bool AppSettings::save(const QString &filePath) const
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    {
        QSettings file(filePath, QSettings::IniFormat);
        file.setValue(QStringLiteral("database/path"), databasePath);
        if (!databasePassword.isEmpty())
            file.setValue(QStringLiteral("database/password"), databasePassword);
        file.setValue(QStringLiteral("api/listen"), apiListen);
        file.setValue(QStringLiteral("api/tls_certificate"), tlsCertificate);
        file.setValue(QStringLiteral("api/tls_key"), tlsKey);
        file.setValue(QStringLiteral("api/allow_insecure"), allowInsecureApi);
        file.setValue(QStringLiteral("api/max_connections"), maxConnections);
        file.setValue(QStringLiteral("xml_curl/listen"), xmlCurlListen);
        file.setValue(QStringLiteral("xml_curl/user"), xmlCurlUser);
        file.setValue(QStringLiteral("xml_curl/password"), xmlCurlPassword);
        file.setValue(QStringLiteral("xml_curl/allow_insecure"), allowInsecureXmlCurl);
        file.setValue(QStringLiteral("event_socket/host"), eventSocketHost);
        file.setValue(QStringLiteral("event_socket/port"), eventSocketPort);
        file.setValue(QStringLiteral("event_socket/password"), eventSocketPassword);
        file.setValue(QStringLiteral("event_socket/live_state"), liveState);
        file.setValue(QStringLiteral("auth/token_lifetime_hours"), tokenLifetimeHours);
        file.sync();
        if (file.status() != QSettings::NoError)
            return false;
    }
    // The file contains the Event Socket, mod_xml_curl and database passwords.
    return QFile::setPermissions(filePath, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace fsd
