// SPDX-License-Identifier: MPL-2.0
// The fsdirector executable (FSD_APP_BINARY) run as a user would run it: --event with JSON or
// standard input, the operator commands, and --headless with its first-start admin and clean
// shutdown on SIGTERM and SIGINT. Also the lock that rejects a second process, a process
// killed inside a bulk add that leaves none of the bulk behind, and the Event Socket connection
// that --headless keeps for live registrations. On PostgreSQL (FSD_TEST_BACKEND) the same runs
// use a postgresql:// URL with the password in FSDIRECTOR_DATABASE_PASSWORD.

#include "core/auth/PasswordHasher.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseLock.h"
#include "tests/freeswitch/FakeEventSocket.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace fsd;
using fsd::test::onPostgres;

namespace {

const QString AppBinary = QStringLiteral(FSD_APP_BINARY);

// How long a test waits for the process to reach a state; generous for a loaded machine.
constexpr int StartTimeoutMs = 30000;

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;

    QJsonObject reply() const { return QJsonDocument::fromJson(out).object(); }
    QString describe() const
    {
        return QStringLiteral("exit %1, stdout: %2, stderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(600)), QString::fromUtf8(err.left(600)));
    }
};

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"));
    environment.remove(QStringLiteral("FSDIRECTOR_TEST_PAUSE_IN_BULK_ADD"));
    environment.remove(QStringLiteral("FSDIRECTOR_DATABASE_PASSWORD"));
    if (onPostgres()) {
        auto server = test::ScratchDatabase::postgresServer();
        if (server)
            environment.insert(QStringLiteral("FSDIRECTOR_DATABASE_PASSWORD"), server->password);
    }
    return environment;
}

Run runApp(const QStringList &arguments, const QByteArray &input = {},
           const QProcessEnvironment &environment = cleanEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(AppBinary, arguments);
    Run run;
    if (!process.waitForStarted(StartTimeoutMs)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(StartTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Reads standard error of a running process into `buffer` until it contains `needle`.
bool waitForError(QProcess &process, QByteArray &buffer, const QByteArray &needle)
{
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!buffer.contains(needle)) {
        if (deadline.hasExpired() || process.state() != QProcess::Running)
            return false;
        process.waitForReadyRead(100);
        buffer += process.readAllStandardError();
    }
    return true;
}

std::unique_ptr<Database> openDatabase(const DatabaseOptions &options)
{
    auto database = Database::open(options, QUuid::createUuid().toString());
    if (!database) {
        qWarning().noquote() << "cannot open" << options.path << options.schema << database.error().detail;
        return {};
    }
    return std::move(*database);
}

// The values of the first column of every row, joined with commas.
QString joinedColumn(Database &database, const QString &sql)
{
    QStringList values;
    auto query = database.exec(sql);
    while (query && query->next())
        values.append(query->value(0).toString());
    return values.join(QLatin1Char(','));
}

QVariant scalar(Database &database, const QString &sql, const QVariantList &values = {})
{
    auto query = database.exec(sql, values);
    if (!query || !query->next())
        return {};
    return query->value(0);
}

QString eventJson(const QString &event, const QJsonObject &data)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}})
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

class CommandLineTest : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void versionAndHelp();
    void windowStartsAndStopsOnSignal();
    void eventFromArgument();
    void eventFromStandardInput();
    void commandsQuietOnStandardError();
    void eventErrorsExitNonZero_data();
    void eventErrorsExitNonZero();
    void eventsOfEveryArea_data();
    void eventsOfEveryArea();
    void operatorCommands();
    void operatorCommandErrors_data();
    void operatorCommandErrors();
    void invalidArgumentsExitTwo_data();
    void invalidArgumentsExitTwo();
    void invalidSettingsFileExitsTwo();
    void readCommandsNeedExistingDatabase_data();
    void readCommandsNeedExistingDatabase();
    void headlessCreatesAdminFromEnvironment();
    void headlessGeneratesAdminPasswordOnce();
    void headlessClosesOnSignal_data();
    void headlessClosesOnSignal();
    void secondProcessRefused();
    void busyPortExitsFourWithoutAdmin();
    void emptyOperatorListExplains();
    void killedBulkAddLeavesNothing();
    void headlessFollowsEventSocket();
    void noLiveStateSkipsEventSocket();
    void postgresUrlErrors();

private:
    QString databasePath() const { return m_folder->filePath(QStringLiteral("cli/directory.sqlite")); }
    // The --database value: the SQLite file, or the scratch schema's URL without the password.
    QString databaseArgument() const
    {
        if (!onPostgres())
            return databasePath();
        const DatabaseOptions options = m_scratch->options();
        return QStringLiteral("postgresql://%1@%2:%3/%4?schema=%5")
            .arg(options.userName, options.host)
            .arg(options.port)
            .arg(options.databaseName, options.schema);
    }
    // What an error about the database names: the file, or the schema in the URL.
    QString databaseLocation() const { return onPostgres() ? m_scratch->options().schema : databasePath(); }
    DatabaseOptions databaseOptions() const
    {
        DatabaseOptions options = m_scratch->options();
        options.path = databasePath();
        return options;
    }
    QStringList withDatabase(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--database"), databaseArgument()} + arguments;
    }
    // Whether a process holds the database's lock: the lock file on SQLite, and on PostgreSQL
    // whether this test process is refused the advisory lock.
    bool lockHeld() const
    {
        if (!onPostgres())
            return QFileInfo::exists(databasePath() + QStringLiteral(".lock"));
        DatabaseLock probe(databaseOptions());
        return !probe.acquire();
    }
    // Starts `fsdirector --headless` and waits until it serves.
    bool startHeadless(QProcess &process, QByteArray &errors, const QProcessEnvironment &environment,
                       const QStringList &extraArguments = {});

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void CommandLineTest::init()
{
    QVERIFY2(QFileInfo(AppBinary).isExecutable(), qPrintable(AppBinary));
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->errorString()));
}

bool CommandLineTest::startHeadless(QProcess &process, QByteArray &errors, const QProcessEnvironment &environment,
                                    const QStringList &extraArguments)
{
    process.setProcessEnvironment(environment);
    // Ports chosen by the system, so that a server already on 8080 or 8081 does not matter.
    process.start(AppBinary, withDatabase(QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"),
                                                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--xml-curl-listen"),
                                                      QStringLiteral("127.0.0.1:0")}
                                          + extraArguments));
    if (!process.waitForStarted(StartTimeoutMs))
        return false;
    return waitForError(process, errors, "serving the directory");
}

void CommandLineTest::versionAndHelp()
{
    const Run version = runApp({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith("fsdirector "), qPrintable(version.describe()));

    const Run help = runApp({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--database", "--headless", "--event", "--add-operator", "--role", "--passwd",
                               "--remove-operator", "--list-operators"}) {
        QVERIFY2(help.out.contains(option), option);
    }
    // Every environment variable the program reads, except test seams.
    for (const char *variable : {"FSDIRECTOR_ADMIN_PASSWORD", "DISPLAY", "QT_LOGGING_RULES"})
        QVERIFY2(help.out.contains(variable), variable);
}

void CommandLineTest::windowStartsAndStopsOnSignal()
{
    // Without a mode, fsdirector opens its window (offscreen here) with the servers beside it.
    QProcess process;
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(AppBinary, withDatabase({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                           QStringLiteral("--xml-curl-listen"), QStringLiteral("127.0.0.1:0")}));
    QVERIFY(process.waitForStarted(StartTimeoutMs));
    QByteArray errors;
    QVERIFY2(waitForError(process, errors, "Serving the directory to mod_xml_curl"), errors.constData());
    QVERIFY(lockHeld());

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(StartTimeoutMs));
    errors += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(errors.contains("closing the database"), errors.constData());
    QVERIFY(!lockHeld());
}

void CommandLineTest::eventFromArgument()
{
    const Run run = runApp(withDatabase({QStringLiteral("--event"),
                                         eventJson(QStringLiteral("[Domains][Add] Domain"), {{QStringLiteral("name"), QStringLiteral("cli.example")}})}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject reply = run.reply();
    QCOMPARE(reply.value(QLatin1String("MessageType")).toString(), QStringLiteral("[Domains][Add] Domain"));
    const QJsonObject domain = reply.value(QLatin1String("domains")).toObject().begin().value().toObject();
    QCOMPARE(domain.value(QLatin1String("name")).toString(), QStringLiteral("cli.example"));

    auto database = openDatabase(databaseOptions());
    QVERIFY(database);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT name FROM domains WHERE id = ?"), {domain.value(QLatin1String("id")).toInteger()})
                 .toString(),
             QStringLiteral("cli.example"));
    // The process released the lock on exit.
    QVERIFY(!lockHeld());
}

// Creating the schema of a new database is logged at debug level only, so a command prints
// nothing on standard error, on the first call as on later ones.
void CommandLineTest::commandsQuietOnStandardError()
{
    for (int call = 0; call < 2; ++call) {
        const Run run = runApp(withDatabase(
            {QStringLiteral("--event"), eventJson(QStringLiteral("[Domains][Get] Domains"), {})}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    }
}

void CommandLineTest::eventFromStandardInput()
{
    QVERIFY(runApp(withDatabase({QStringLiteral("--event"),
                                 eventJson(QStringLiteral("[Domains][Add] Domain"), {{QStringLiteral("name"), QStringLiteral("stdin.example")}})}))
                .exitCode == 0);
    // Several lines, as a script would pipe them in.
    const QByteArray request = "{\n  \"event\": \"[Users] Add_new_user\",\n  \"data\": {\"id\": 1, \"name\": \"ext007\", \"bulk\": 3},\n"
                               "  \"request_id\": \"script-1\"\n}\n";
    const Run run = runApp(withDatabase({QStringLiteral("--event"), QStringLiteral("-")}), request);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.reply().value(QLatin1String("total")).toInteger(), 3);
    QCOMPARE(run.reply().value(QLatin1String("request_id")).toString(), QStringLiteral("script-1"));

    auto database = openDatabase(databaseOptions());
    QVERIFY(database);
    QCOMPARE(joinedColumn(*database, QStringLiteral("SELECT name FROM users ORDER BY id")),
             QStringLiteral("ext007,ext008,ext009"));
}

void CommandLineTest::eventErrorsExitNonZero_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QStringLiteral("{event") << QByteArray() << QStringLiteral("invalid request");
    QTest::newRow("empty standard input") << QStringLiteral("-") << QByteArray() << QStringLiteral("invalid request");
    QTest::newRow("unknown event") << QStringLiteral(R"({"event": "nope", "data": {}})") << QByteArray() << QStringLiteral("unknown event");
    QTest::newRow("handler error") << QStringLiteral(R"({"event": "[Domains] Del_domain", "data": {"id": 42}})") << QByteArray()
                                   << QStringLiteral("domain not found");
    QTest::newRow("handler error from standard input") << QStringLiteral("-") << QByteArray(R"({"event": "[Users] Del_user", "data": {"id": 1}})")
                                                       << QStringLiteral("user not found");
}

void CommandLineTest::eventErrorsExitNonZero()
{
    QFETCH(QString, argument);
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    const Run run = runApp(withDatabase({QStringLiteral("--event"), argument}), input);
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QCOMPARE(run.reply().value(QLatin1String("error")).toString(), error);
}

void CommandLineTest::eventsOfEveryArea_data()
{
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<QString>("lastKey");

    // Each row runs its requests in order in separate processes; ids start at 1 in a new file.
    QTest::newRow("domains") << QStringList{R"({"event": "[Domains][Add] Domain", "data": {"name": "a.example"}})",
                                            R"({"event": "[Domains] New_domain_param", "data": {"id": 1, "name": "p", "value": "v"}})",
                                            R"({"event": "[Domains][Get] Domain_details", "data": {"id": 1}})"}
                             << QStringLiteral("domain_details");
    QTest::newRow("users") << QStringList{R"({"event": "[Domains][Add] Domain", "data": {"name": "a.example"}})",
                                          R"({"event": "[Users] Add_new_user", "data": {"id": 1, "name": "1000"}})",
                                          R"({"event": "[Users] Get_users", "data": {}})"}
                           << QStringLiteral("directory_users");
    QTest::newRow("groups") << QStringList{R"({"event": "[Domains][Add] Domain", "data": {"name": "a.example"}})",
                                           R"({"event": "[Groups] Add_new_group", "data": {"id": 1, "name": "sales"}})",
                                           R"({"event": "[Groups] Get_groups", "data": {}})"}
                            << QStringLiteral("list");
    QTest::newRow("gateways") << QStringList{R"({"event": "[Domains][Add] Domain", "data": {"name": "a.example"}})",
                                             R"({"event": "[Users] Add_new_user", "data": {"id": 1, "name": "1000"}})",
                                             R"({"event": "[Gateways] Add_new_user_gateway", "data": {"id": 1, "name": "gw"}})",
                                             R"({"event": "[Gateways] Get_users_gateways", "data": {}})"}
                              << QStringLiteral("user_gateways");
}

void CommandLineTest::eventsOfEveryArea()
{
    QFETCH(QStringList, requests);
    QFETCH(QString, lastKey);

    Run run;
    for (const QString &request : requests) {
        run = runApp(withDatabase({QStringLiteral("--event"), request}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }
    QVERIFY2(!run.reply().value(lastKey).toObject().isEmpty(), qPrintable(run.describe()));
}

void CommandLineTest::operatorCommands()
{
    const Run added = runApp(withDatabase({QStringLiteral("--add-operator"), QStringLiteral("bob"), QStringLiteral("--role"),
                                           QStringLiteral("viewer")}),
                             "first password\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    QVERIFY2(added.out.contains("bob") && added.out.contains("viewer"), qPrintable(added.describe()));
    QVERIFY(!added.out.contains("first password") && !added.err.contains("first password"));

    const Run second = runApp(withDatabase({QStringLiteral("--add-operator"), QStringLiteral("carol"), QStringLiteral("--role"),
                                            QStringLiteral("admin")}),
                              "carol's password\r\n");
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));

    const Run listed = runApp(withDatabase({QStringLiteral("--list-operators")}));
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    QCOMPARE(listed.out, QByteArray("bob\tviewer\ncarol\tadmin\n"));

    {
        auto database = openDatabase(databaseOptions());
        QVERIFY(database);
        const QString hash = scalar(*database, QStringLiteral("SELECT password_hash FROM operators WHERE login = 'bob'")).toString();
        QVERIFY(PasswordHasher::verify(QStringLiteral("first password"), hash));
        // The line break of a Windows-style line is not part of the password.
        const QString carol = scalar(*database, QStringLiteral("SELECT password_hash FROM operators WHERE login = 'carol'")).toString();
        QVERIFY(PasswordHasher::verify(QStringLiteral("carol's password"), carol));
    }

    const Run changed = runApp(withDatabase({QStringLiteral("--passwd"), QStringLiteral("bob")}), "second password\n");
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.describe()));
    {
        auto database = openDatabase(databaseOptions());
        QVERIFY(database);
        const QString hash = scalar(*database, QStringLiteral("SELECT password_hash FROM operators WHERE login = 'bob'")).toString();
        QVERIFY(PasswordHasher::verify(QStringLiteral("second password"), hash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("first password"), hash));
    }

    const Run removed = runApp(withDatabase({QStringLiteral("--remove-operator"), QStringLiteral("bob")}));
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    QCOMPARE(runApp(withDatabase({QStringLiteral("--list-operators")})).out, QByteArray("carol\tadmin\n"));
}

void CommandLineTest::operatorCommandErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("no role") << QStringList{"--add-operator", "dave"} << QByteArray("pw\n") << 2
                             << QByteArray("--add-operator needs --role");
    QTest::newRow("unknown role") << QStringList{"--add-operator", "dave", "--role", "root"} << QByteArray("pw\n") << 2
                                  << QByteArray("root");
    QTest::newRow("existing operator") << QStringList{"--add-operator", "ALICE", "--role", "admin"} << QByteArray("pw\n") << 1
                                       << QByteArray("already exists");
    QTest::newRow("empty password") << QStringList{"--add-operator", "dave", "--role", "admin"} << QByteArray("\n") << 1
                                    << QByteArray("empty");
    QTest::newRow("no password at all") << QStringList{"--add-operator", "dave", "--role", "admin"} << QByteArray() << 1
                                        << QByteArray("empty");
    QTest::newRow("invalid operator name") << QStringList{"--add-operator", "da ve", "--role", "admin"} << QByteArray("pw\n") << 1
                                           << QByteArray("da ve");
    QTest::newRow("password of unknown operator") << QStringList{"--passwd", "nobody"} << QByteArray("pw\n") << 1
                                                  << QByteArray("nobody");
    QTest::newRow("empty new password") << QStringList{"--passwd", "alice"} << QByteArray("\n") << 1 << QByteArray("empty");
    QTest::newRow("remove unknown operator") << QStringList{"--remove-operator", "nobody"} << QByteArray() << 1
                                             << QByteArray("nobody");
}

void CommandLineTest::operatorCommandErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);

    QVERIFY(runApp(withDatabase({QStringLiteral("--add-operator"), QStringLiteral("alice"), QStringLiteral("--role"),
                                 QStringLiteral("admin")}),
                   "alice pw\n")
                .exitCode == 0);
    const Run run = runApp(withDatabase(arguments), input);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
    QCOMPARE(runApp(withDatabase({QStringLiteral("--list-operators")})).out, QByteArray("alice\tadmin\n"));
}

void CommandLineTest::invalidArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("connections not a number") << QStringList{"--max-connections", "abc"}
                                              << QByteArray("--max-connections is \"abc\"");
    QTest::newRow("no connections") << QStringList{"--max-connections", "0"} << QByteArray("--max-connections is \"0\"");
    QTest::newRow("negative token lifetime") << QStringList{"--token-lifetime", "-5"}
                                             << QByteArray("--token-lifetime is \"-5\"");
    QTest::newRow("token lifetime not a number") << QStringList{"--token-lifetime", "abc"}
                                                 << QByteArray("--token-lifetime is \"abc\"");
    QTest::newRow("event socket port") << QStringList{"--event-socket", "127.0.0.1:99999"}
                                       << QByteArray("--event-socket is \"99999\"");
    QTest::newRow("unknown option") << QStringList{"--bogus"} << QByteArray("Unknown option 'bogus'");
    QTest::newRow("set without import") << QStringList{"--set", "local_ip_v4=192.0.2.1"}
                                        << QByteArray("--set works only with --import-xml");
    QTest::newRow("dry run without import") << QStringList{"--dry-run"} << QByteArray("--dry-run works only with --import-xml");
    QTest::newRow("mode without export") << QStringList{"--mode", "backup"} << QByteArray("--mode works only with --export-xml");
    QTest::newRow("listen port too big") << QStringList{"--listen", "127.0.0.1:99999"} << QByteArray("99999");
    QTest::newRow("missing value") << QStringList{"--max-connections"} << QByteArray("Missing value after '--max-connections'");
}

void CommandLineTest::invalidArgumentsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);

    // No display, so a mode that needs a window would fail for another reason.
    QProcessEnvironment environment = cleanEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const QString config = m_folder->filePath(QStringLiteral("absent.ini"));
    const Run run = runApp(withDatabase(QStringList{QStringLiteral("--config"), config, QStringLiteral("--headless")} + arguments),
                           {}, environment);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
    QVERIFY2(!QFileInfo::exists(databasePath()), "the database was created before the arguments were checked");
}

void CommandLineTest::invalidSettingsFileExitsTwo()
{
    const QString config = m_folder->filePath(QStringLiteral("bad.ini"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[api]\nmax_connections=abc\n[auth]\ntoken_lifetime_hours=0\n[event_socket]\nport=8021\n");
    file.close();

    const Run run = runApp(withDatabase({QStringLiteral("--config"), config, QStringLiteral("--event"),
                                         eventJson(QStringLiteral("[Domains][Get] Domains"), {})}));
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("api/max_connections in " + config.toUtf8() + " is \"abc\""), qPrintable(run.describe()));
    QVERIFY2(run.err.contains("auth/token_lifetime_hours in " + config.toUtf8() + " is \"0\""), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains("event_socket/port"), qPrintable(run.describe()));
}

void CommandLineTest::readCommandsNeedExistingDatabase_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list operators") << QStringList{"--list-operators"};
    QTest::newRow("dump") << QStringList{"--dump-directory"};
    QTest::newRow("export") << QStringList{"--export-xml", "export.xml"};
    QTest::newRow("password") << QStringList{"--passwd", "admin"};
    QTest::newRow("remove operator") << QStringList{"--remove-operator", "admin"};
}

void CommandLineTest::readCommandsNeedExistingDatabase()
{
    QFETCH(QStringList, arguments);
    const QString mistyped = m_folder->filePath(QStringLiteral("typo/directory.sqlite"));
    const Run run = runApp(QStringList{QStringLiteral("--database"), mistyped} + arguments, "pw\n");
    QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("The database " + mistyped.toUtf8() + " does not exist"), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(QFileInfo(mistyped).absolutePath()));
}

void CommandLineTest::headlessCreatesAdminFromEnvironment()
{
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), QStringLiteral("Env-Admin-Password-1"));
    QProcess process;
    QByteArray errors;
    QVERIFY2(startHeadless(process, errors, environment), errors.constData());
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(StartTimeoutMs));
    errors += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    QVERIFY2(errors.contains("FSDIRECTOR_ADMIN_PASSWORD"), errors.constData());
    QVERIFY2(!errors.contains("Env-Admin-Password-1"), errors.constData());
    auto database = openDatabase(databaseOptions());
    QVERIFY(database);
    QCOMPARE(scalar(*database, QStringLiteral("SELECT role FROM operators WHERE login = 'admin'")).toString(), QStringLiteral("admin"));
    QVERIFY(PasswordHasher::verify(QStringLiteral("Env-Admin-Password-1"),
                                   scalar(*database, QStringLiteral("SELECT password_hash FROM operators")).toString()));
}

void CommandLineTest::headlessGeneratesAdminPasswordOnce()
{
    QByteArray errors;
    {
        QProcess process;
        QVERIFY2(startHeadless(process, errors, cleanEnvironment()), errors.constData());
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(StartTimeoutMs));
        errors += process.readAllStandardError();
        QCOMPARE(process.exitCode(), 0);
    }
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("operator \"admin\" with password (\\S+)")).match(QString::fromUtf8(errors));
    QVERIFY2(match.hasMatch(), errors.constData());
    const QString password = match.captured(1);
    QVERIFY2(password.size() >= 16, qPrintable(password));
    QCOMPARE(QString::fromUtf8(errors).count(password), 1);

    // Only the hash is stored: the password is in no file of the database.
    {
        auto database = openDatabase(databaseOptions());
        QVERIFY(database);
        QVERIFY(PasswordHasher::verify(password, scalar(*database, QStringLiteral("SELECT password_hash FROM operators")).toString()));
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(databasePath() + suffix);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
    }

    // The next start finds the operator and prints no password.
    QByteArray second;
    QProcess process;
    QVERIFY2(startHeadless(process, second, cleanEnvironment()), second.constData());
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(StartTimeoutMs));
    second += process.readAllStandardError();
    QVERIFY2(!second.contains("password"), second.constData());
}

void CommandLineTest::headlessClosesOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void CommandLineTest::headlessClosesOnSignal()
{
    QFETCH(int, signalNumber);

    QVERIFY(runApp(withDatabase({QStringLiteral("--event"), QStringLiteral(R"({"event": "[Domains][Add] Domain", "data": {"name": "kept.example"}})")}))
                .exitCode == 0);
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), QStringLiteral("pw-signal"));
    QProcess process;
    QByteArray errors;
    QVERIFY2(startHeadless(process, errors, environment), errors.constData());
    QVERIFY(lockHeld());

    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(StartTimeoutMs));
    errors += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(errors.contains("closing the database"), errors.constData());

    // Closed cleanly: the lock is gone, the last connection checkpointed the WAL into the
    // database file, and the file is consistent.
    QVERIFY(!lockHeld());
    QVERIFY(!QFileInfo::exists(databasePath() + QStringLiteral(".owner")));
    QVERIFY(QFileInfo(databasePath() + QStringLiteral("-wal")).size() == 0 || !QFileInfo::exists(databasePath() + QStringLiteral("-wal")));
    auto database = openDatabase(databaseOptions());
    QVERIFY(database);
    if (!onPostgres())
        QCOMPARE(scalar(*database, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(scalar(*database, QStringLiteral("SELECT name FROM domains")).toString(), QStringLiteral("kept.example"));
}

void CommandLineTest::emptyOperatorListExplains()
{
    QVERIFY(runApp(withDatabase({QStringLiteral("--event"), eventJson(QStringLiteral("[Domains][Get] Domains"), {})}))
                .exitCode == 0);
    const Run run = runApp(withDatabase({QStringLiteral("--list-operators")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains("no operators yet"), qPrintable(run.describe()));
}

void CommandLineTest::busyPortExitsFourWithoutAdmin()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());

    const Run run = runApp(withDatabase({QStringLiteral("--headless"), QStringLiteral("--listen"), address,
                                         QStringLiteral("--xml-curl-listen"), QStringLiteral("127.0.0.1:0")}));
    QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(address.toUtf8()), qPrintable(run.describe()));
    // The failed start created no operator, so it printed no one-time password either.
    QVERIFY2(!run.err.contains("password"), qPrintable(run.describe()));
    const Run operators = runApp(withDatabase({QStringLiteral("--list-operators")}));
    QVERIFY2(operators.exitCode == 0, qPrintable(operators.describe()));
    QCOMPARE(operators.out, QByteArray());
}

void CommandLineTest::secondProcessRefused()
{
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), QStringLiteral("pw-owner"));
    QProcess owner;
    QByteArray errors;
    QVERIFY2(startHeadless(owner, errors, environment), errors.constData());
    const qint64 ownerPid = owner.processId();

    for (const QStringList &arguments : {QStringList{QStringLiteral("--event"), QStringLiteral(R"({"event": "[Domains][Get] Domains", "data": {}})")},
                                         QStringList{QStringLiteral("--list-operators")}, QStringList{QStringLiteral("--headless")}}) {
        const Run refused = runApp(withDatabase(arguments), {}, environment);
        QVERIFY2(refused.exitCode == 3, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("process %1").arg(ownerPid).toUtf8()), qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(databaseLocation().toUtf8()), qPrintable(refused.describe()));
        QVERIFY(refused.out.isEmpty());
    }

    ::kill(pid_t(ownerPid), SIGTERM);
    QVERIFY(owner.waitForFinished(StartTimeoutMs));
    QCOMPARE(owner.exitCode(), 0);
    const Run after = runApp(withDatabase({QStringLiteral("--list-operators")}));
    QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
    QCOMPARE(after.out, QByteArray("admin\tadmin\n"));
}

void CommandLineTest::killedBulkAddLeavesNothing()
{
    QVERIFY(runApp(withDatabase({QStringLiteral("--event"), QStringLiteral(R"({"event": "[Domains][Add] Domain", "data": {"name": "crash.example"}})")}))
                .exitCode == 0);
    QVERIFY(runApp(withDatabase({QStringLiteral("--event"), QStringLiteral(R"({"event": "[Users] Add_new_user", "data": {"id": 1, "name": "kept"}})")}))
                .exitCode == 0);

    // The test hook makes the bulk add create the marker once its rows are written, then wait
    // inside the open transaction.
    const QString marker = m_folder->filePath(QStringLiteral("inside-bulk-add"));
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_TEST_PAUSE_IN_BULK_ADD"), marker);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(AppBinary, withDatabase({QStringLiteral("--event"),
                                           QStringLiteral(R"({"event": "[Users] Add_new_user", "data": {"id": 1, "name": "ext001", "bulk": 50}})")}));
    QVERIFY(process.waitForStarted(StartTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marker), StartTimeoutMs);
    QVERIFY2(process.state() == QProcess::Running, process.readAllStandardError().constData());

    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(StartTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    // PostgreSQL ends the killed process's session, and with it the advisory lock, once it
    // reads the closed socket.
    if (onPostgres())
        QTRY_VERIFY_WITH_TIMEOUT(!lockHeld(), StartTimeoutMs);

    {
        auto database = openDatabase(databaseOptions());
        QVERIFY(database);
        if (!onPostgres())
            QCOMPARE(scalar(*database, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(joinedColumn(*database, QStringLiteral("SELECT name FROM users")), QStringLiteral("kept"));
        QCOMPARE(scalar(*database, QStringLiteral("SELECT COUNT(*) FROM user_params")).toInt(), 1);
    }

    // The killed process left its lock file, which the next process takes over. The same bulk
    // then runs through, so nothing of the first attempt was left half-written.
    const Run again = runApp(withDatabase({QStringLiteral("--event"),
                                           QStringLiteral(R"({"event": "[Users] Add_new_user", "data": {"id": 1, "name": "ext001", "bulk": 50}})")}));
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(again.reply().value(QLatin1String("total")).toInteger(), 50);
}


void CommandLineTest::headlessFollowsEventSocket()
{
    test::FakeEventSocket freeswitch;
    QVERIFY(freeswitch.listen());
    freeswitch.setApiOutput("show registrations as json", "{\"row_count\": 0}\n");
    freeswitch.setApiOutput("show channels as json", "{\"row_count\": 0}\n");
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), QStringLiteral("pw-live"));
    QProcess process;
    QByteArray errors;
    const QString address = QStringLiteral("127.0.0.1:%1").arg(freeswitch.port());
    QVERIFY2(startHeadless(process, errors, environment, {QStringLiteral("--event-socket"), address}),
             errors.constData());
    QVERIFY2(waitForError(process, errors, "following FreeSWITCH registrations"), errors.constData());
    QTRY_COMPARE_WITH_TIMEOUT(freeswitch.subscribedConnections(), 1, StartTimeoutMs);

    ::kill(pid_t(process.processId()), SIGTERM);
    // The fake reads `exit` only while this thread runs its event loop.
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, StartTimeoutMs);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(freeswitch.receivedCommands().contains(QStringLiteral("exit")));
    errors += process.readAllStandardError();
    QVERIFY2(!errors.contains("ClueCon"), errors.constData());
}

void CommandLineTest::noLiveStateSkipsEventSocket()
{
    test::FakeEventSocket freeswitch;
    QVERIFY(freeswitch.listen());
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("FSDIRECTOR_ADMIN_PASSWORD"), QStringLiteral("pw-live"));
    QProcess process;
    QByteArray errors;
    const QString address = QStringLiteral("127.0.0.1:%1").arg(freeswitch.port());
    QVERIFY2(startHeadless(process, errors, environment,
                           {QStringLiteral("--event-socket"), address, QStringLiteral("--no-live-state")}),
             errors.constData());
    QVERIFY2(waitForError(process, errors, "not following FreeSWITCH registrations"), errors.constData());

    ::kill(pid_t(process.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, StartTimeoutMs);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(freeswitch.receivedCommands().size(), 0);
}

void CommandLineTest::postgresUrlErrors()
{
    if (!onPostgres())
        QSKIP("about PostgreSQL URLs");

    // A password in the URL is rejected before anything connects, without echoing it.
    QString withPassword = databaseArgument();
    withPassword.replace(QLatin1String("@"), QLatin1String(":url-secret@"));
    const Run inUrl = runApp({QStringLiteral("--database"), withPassword, QStringLiteral("--list-operators")});
    QVERIFY2(inUrl.exitCode == 2, qPrintable(inUrl.describe()));
    QVERIFY2(inUrl.err.contains("FSDIRECTOR_DATABASE_PASSWORD"), qPrintable(inUrl.describe()));
    QVERIFY2(!inUrl.err.contains("url-secret"), qPrintable(inUrl.describe()));

    // A wrong password names the server and database and where the password comes from.
    QProcessEnvironment wrong = cleanEnvironment();
    wrong.insert(QStringLiteral("FSDIRECTOR_DATABASE_PASSWORD"), QStringLiteral("wrong-secret"));
    const Run refused = runApp(withDatabase({QStringLiteral("--list-operators")}), {}, wrong);
    QVERIFY2(refused.exitCode == 3, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(m_scratch->options().databaseName.toUtf8()), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains("FSDIRECTOR_DATABASE_PASSWORD"), qPrintable(refused.describe()));
    QVERIFY2(!refused.err.contains("wrong-secret"), qPrintable(refused.describe()));
}

QTEST_GUILESS_MAIN(CommandLineTest)
#include "tst_commandline.moc"
