// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace fsd {

// Settings of one fsdirector installation, read from an INI file (by default
// `<config folder>/fsdirector.ini`, created readable by its owner only) and overridden by
// command-line options. The GUI's settings dialog edits the same file.
struct AppSettings
{
    // An SQLite file path or a postgresql:// URL (see parseDatabaseLocation), never with a
    // password in it.
    QString databasePath;
    // Password of the PostgreSQL user; FSDIRECTOR_DATABASE_PASSWORD overrides it. When both are
    // empty, libpq reads PGPASSWORD or ~/.pgpass.
    QString databasePassword;

    // Remote API listener.
    QString apiListen = QStringLiteral("127.0.0.1:8080");
    QString tlsCertificate;
    QString tlsKey;
    bool allowInsecureApi = false;
    int maxConnections = 1000;

    // mod_xml_curl listener and the HTTP Basic credentials mod_xml_curl sends.
    QString xmlCurlListen = QStringLiteral("127.0.0.1:8081");
    QString xmlCurlUser;
    QString xmlCurlPassword;
    bool allowInsecureXmlCurl = false;

    // FreeSWITCH Event Socket used by [Directory][Import] and live state.
    QString eventSocketHost = QStringLiteral("127.0.0.1");
    int eventSocketPort = 8021;
    QString eventSocketPassword = QStringLiteral("ClueCon");
    // True when the settings file or the command line names the Event Socket's host. Only
    // then does fsdirector follow registrations live, so that a fresh installation does not
    // keep retrying a FreeSWITCH that may not exist.
    bool eventSocketConfigured = false;
    // event_socket/live_state: follow registrations and calls live over the Event Socket.
    bool liveState = true;

    int tokenLifetimeHours = 24;

    // Values that could not be used, one sentence each naming the key or option, the value
    // and the accepted range. fsdirector refuses to start while there are any.
    QStringList errors;

    // Accepted ranges of the numeric settings.
    static constexpr int MaxConnectionsLimit = 100000;
    static constexpr int MaxTokenLifetimeHours = 24 * 366 * 10;

    // Reads `text` as a whole number from `minimum` to `maximum`. Otherwise appends an error
    // naming `source` (a settings key or command-line option) to `errors` and returns
    // `fallback`.
    static int readNumber(const QString &text, int minimum, int maximum, const QString &source,
                          int fallback, QStringList *errors);

    // The database to open, with the password resolved from the environment.
    Result<DatabaseOptions> databaseOptions() const;

    static QString defaultFilePath();
    static QString defaultDatabasePath();
    // Reads `filePath`; missing keys keep their defaults.
    static AppSettings load(const QString &filePath);
    // Writes every key to `filePath` and restricts it to its owner.
    bool save(const QString &filePath) const;
};

} // namespace fsd
