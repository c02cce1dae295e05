// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/app/AppSettings.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace fsd {

// The options of the fsdirector executable and the mode that the parsed command selects.
class CommandLine
{
public:
    enum class Mode {
        Gui,       // the desktop window (default)
        Headless,  // servers only, until SIGINT/SIGTERM
        Command,   // one command (--event, operator commands, ...), then exit
    };

    CommandLine();

    // Parses `arguments`. Exits the process for --help and --version (0), and with 2 for an
    // unknown option or a missing value.
    void process(const QStringList &arguments);

    QCommandLineParser &parser() { return m_parser; }
    Mode mode() const;
    // True when the command only reads or changes what a database already holds, so that a
    // database file that does not exist means a mistyped path.
    bool needsExistingDatabase() const;
    // The settings file, with the command line's overrides applied.
    AppSettings settings() const;
    QString settingsFile() const;

    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }

    const QCommandLineOption config{QStringLiteral("config"),
                                    QStringLiteral("Settings file (default: <config folder>/fsdirector.ini)."),
                                    QStringLiteral("path")};
    const QCommandLineOption database{QStringLiteral("database"),
                                      QStringLiteral("SQLite database file (default: <data folder>/directory.sqlite), or a "
                                                     "PostgreSQL database as postgresql://[user@][host][:port]/dbname"
                                                     "[?schema=name]. The PostgreSQL password comes from the "
                                                     "settings file (database/password), FSDIRECTOR_DATABASE_PASSWORD, "
                                                     "PGPASSWORD or ~/.pgpass, never from the URL."),
                                      QStringLiteral("path|url")};
    const QCommandLineOption headless{QStringLiteral("headless"),
                                      QStringLiteral("Run without a window until SIGINT or SIGTERM.")};
    const QCommandLineOption event{QStringLiteral("event"),
                                   QStringLiteral("Run one API request (JSON, or - to read it from standard input) "
                                                  "as the local operator and print the reply."),
                                   QStringLiteral("json")};
    const QCommandLineOption addOperator{QStringLiteral("add-operator"),
                                         QStringLiteral("Add an operator; the password is read from standard "
                                                        "input. Needs --role."),
                                         QStringLiteral("name")};
    const QCommandLineOption role{QStringLiteral("role"),
                                  QStringLiteral("Role of --add-operator: admin, operator or viewer."),
                                  QStringLiteral("role")};
    const QCommandLineOption passwd{QStringLiteral("passwd"),
                                    QStringLiteral("Change an operator's password, read from standard input."),
                                    QStringLiteral("name")};
    const QCommandLineOption removeOperator{QStringLiteral("remove-operator"),
                                            QStringLiteral("Remove an operator and end its sessions."),
                                            QStringLiteral("name")};
    const QCommandLineOption listOperators{QStringLiteral("list-operators"),
                                           QStringLiteral("List operators and their roles.")};
    const QCommandLineOption tokenLifetime{QStringLiteral("token-lifetime"),
                                           QStringLiteral("Hours after which an unused API token expires (default 24)."),
                                           QStringLiteral("hours")};

    const QCommandLineOption listen{QStringLiteral("listen"),
                                    QStringLiteral("Address of the remote API (HTTP and WebSocket), HOST:PORT "
                                                   "(default 127.0.0.1:8080)."),
                                    QStringLiteral("host:port")};
    const QCommandLineOption tlsCert{QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate for https:// and wss://; needs --tls-key."),
                                     QStringLiteral("file")};
    const QCommandLineOption tlsKey{QStringLiteral("tls-key"),
                                    QStringLiteral("PEM private key of --tls-cert."), QStringLiteral("file")};
    const QCommandLineOption allowInsecureApi{
        QStringLiteral("allow-insecure-api"),
        QStringLiteral("Serve the API without TLS on an address other than loopback.")};
    const QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                            QStringLiteral("Maximum number of simultaneous connections per listener (default 1000)."),
                                            QStringLiteral("count")};

    const QCommandLineOption xmlCurlListen{
        QStringLiteral("xml-curl-listen"),
        QStringLiteral("Address that serves the directory to FreeSWITCH's mod_xml_curl, HOST:PORT "
                       "(default 127.0.0.1:8081)."),
        QStringLiteral("host:port")};
    const QCommandLineOption allowInsecureXmlCurl{
        QStringLiteral("allow-insecure-xml-curl"),
        QStringLiteral("Serve mod_xml_curl without TLS and credentials on an address other than loopback.")};
    const QCommandLineOption printFreeSwitchConfig{
        QStringLiteral("print-freeswitch-config"),
        QStringLiteral("Print the FreeSWITCH settings that make it read the directory from this fsdirector.")};

    const QCommandLineOption importXml{
        QStringLiteral("import-xml"),
        QStringLiteral("Import a directory XML file or a whole FreeSWITCH conf/ folder, all or nothing, "
                       "and print the report."),
        QStringLiteral("path")};
    const QCommandLineOption set{QStringLiteral("set"),
                                 QStringLiteral("With --import-xml: fix the preprocessor variable NAME "
                                                "(e.g. local_ip_v4=192.0.2.10); repeatable."),
                                 QStringLiteral("name=value")};
    const QCommandLineOption dryRun{QStringLiteral("dry-run"),
                                    QStringLiteral("With --import-xml: check everything, print the report "
                                                   "and store nothing.")};
    const QCommandLineOption varsFromFreeSwitch{
        QStringLiteral("vars-from-freeswitch"),
        QStringLiteral("With --import-xml: read variables the files leave undefined (local_ip_v4, ...) "
                       "from the configured FreeSWITCH Event Socket.")};
    const QCommandLineOption exportXml{
        QStringLiteral("export-xml"),
        QStringLiteral("Export the directory: a PATH ending in .xml gets one document, any other PATH "
                       "becomes a folder with one file per domain for conf/directory/."),
        QStringLiteral("path")};
    const QCommandLineOption exportMode{
        QStringLiteral("mode"),
        QStringLiteral("With --export-xml: freeswitch (default; leaves disabled items out) or backup "
                       "(keeps them, marked disabled)."),
        QStringLiteral("mode"), QStringLiteral("freeswitch")};
    const QCommandLineOption dumpDirectory{
        QStringLiteral("dump-directory"),
        QStringLiteral("Print the stored directory as a canonical text dump without ids, for comparing "
                       "two databases.")};
    const QCommandLineOption eventSocket{
        QStringLiteral("event-socket"),
        QStringLiteral("FreeSWITCH Event Socket for [Directory][Import] and live registrations, "
                       "HOST:PORT (default 127.0.0.1:8021)."),
        QStringLiteral("host:port")};
    const QCommandLineOption noLiveState{
        QStringLiteral("no-live-state"),
        QStringLiteral("Do not follow FreeSWITCH's registrations and calls over the Event Socket "
                       "(same as event_socket/live_state=false in the settings file).")};

private:
    QList<QCommandLineOption> commandOptions() const;

    QCommandLineParser m_parser;
};

} // namespace fsd
