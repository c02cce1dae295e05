// SPDX-License-Identifier: MPL-2.0
// Throughput of the directory core through the dispatcher, on a file-backed SQLite database in
// WAL mode with synchronous=NORMAL, as fsdirector runs it, or on PostgreSQL when --database is a
// postgresql:// URL (password from FSDIRECTOR_DATABASE_PASSWORD or PGPASSWORD). The benchmark seeds DOMAINS x USERS
// users, each with 5 parameters and 10 variables, then measures three phases:
//   details   [Users] Get_user_details on random users (events per second)
//   addparam  [Users] Add_user_param on random users, one transaction each (events per second)
//   getusers  [Users] Get_users over every user (seconds, and the process's peak memory)
// Each phase runs in a process of its own, so that getusers reports its own peak memory.

#include "core/auth/Authenticator.h"
#include "core/events/DirectoryHandlers.h"
#include "core/events/Dispatcher.h"
#include "core/net/JsonWriter.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseLocation.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace fsd;

namespace {

struct Settings
{
    // An SQLite file path or a postgresql:// URL.
    QString path;
    DatabaseOptions database;
    int domains = 10;
    int usersPerDomain = 10000;
    int detailsEvents = 20000;
    int addParamEvents = 2000;
    int getUsersRuns = 3;
    bool remote = false;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// CPU time (user and system) this process has used so far, in seconds.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Peak resident memory of this process in MiB (Linux reports ru_maxrss in KiB).
double peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// The current resident memory split into anonymous memory and mapped files (the SQLite file
// that the database maps), from /proc/self/status, e.g. "RssAnon 120 MiB, RssFile 90 MiB".
QString residentMemorySplit()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    QStringList parts;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:") || line.startsWith("RssFile:")) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            parts.append(QStringLiteral("%1 %2 MiB").arg(QString::fromLatin1(fields.value(0).chopped(1)))
                             .arg(fields.value(1).toLongLong() / 1024));
        }
    }
    return parts.join(QStringLiteral(", "));
}

// Runs one prepared INSERT per row inside the caller's transaction.
class Inserter
{
public:
    Inserter(const QSqlDatabase &db, const QString &sql)
        : m_query(db)
    {
        m_ok = m_query.prepare(sql);
    }
    bool run(const QVariantList &values)
    {
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, values.at(i));
        return m_ok && m_query.exec();
    }
    QString error() const { return m_query.lastError().text(); }

private:
    QSqlQuery m_query;
    bool m_ok = false;
};

// Fills an empty database in one transaction with plain SQL, because running 1.6 million events
// would take far longer. The measured events then read and write these rows.
bool seed(Database &database, const Settings &settings)
{
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = database.connection();
    if (!db.transaction())
        return false;
    Inserter domains(db, QStringLiteral("INSERT INTO domains (id, name, name_key) VALUES (?, ?, ?)"));
    Inserter users(db, QStringLiteral("INSERT INTO users (id, domain_id, name, name_key, cidr, cache) VALUES (?, ?, ?, ?, '', 0)"));
    Inserter params(db, QStringLiteral("INSERT INTO user_params (user_id, name, name_key, value) VALUES (?, ?, ?, ?)"));
    Inserter vars(db, QStringLiteral("INSERT INTO user_vars (user_id, name, name_key, value) VALUES (?, ?, ?, ?)"));
    const QStringList paramNames = {QStringLiteral("password"), QStringLiteral("vm-password"), QStringLiteral("dial-string"),
                                    QStringLiteral("max-registrations-per-extension"), QStringLiteral("sip-forbid-register")};
    const QStringList varNames = {QStringLiteral("toll_allow"), QStringLiteral("accountcode"), QStringLiteral("user_context"),
                                  QStringLiteral("effective_caller_id_name"), QStringLiteral("effective_caller_id_number"),
                                  QStringLiteral("outbound_caller_id_name"), QStringLiteral("outbound_caller_id_number"),
                                  QStringLiteral("callgroup"), QStringLiteral("default_language"), QStringLiteral("record_stereo")};

    qint64 userId = 0;
    for (int d = 1; d <= settings.domains; ++d) {
        const QString domainName = QStringLiteral("domain%1.example.com").arg(d);
        if (!domains.run({d, domainName, domainName})) {
            qWarning() << "seeding domains failed:" << domains.error();
            return false;
        }
        for (int u = 0; u < settings.usersPerDomain; ++u) {
            ++userId;
            const QString name = QString::number(10000 + u);
            if (!users.run({userId, d, name, name})) {
                qWarning() << "seeding users failed:" << users.error();
                return false;
            }
            for (const QString &param : paramNames) {
                if (!params.run({userId, param, param, QStringLiteral("value-of-%1-%2").arg(param).arg(userId)}))
                    return false;
            }
            for (const QString &var : varNames) {
                if (!vars.run({userId, var, var, QStringLiteral("value-of-%1-%2").arg(var, name)}))
                    return false;
            }
        }
    }
    // PostgreSQL identity columns do not advance past explicit ids, so later inserts would
    // collide with the seeded rows.
    if (database.dialect().backend() == SqlDialect::Backend::PostgreSQL) {
        for (const char *table : {"domains", "users"}) {
            const QString sql = QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                               "(SELECT MAX(id) FROM %1))")
                                    .arg(QLatin1String(table));
            if (!database.exec(sql))
                return false;
        }
    }
    if (!db.commit())
        return false;
    out() << QStringLiteral("seed: %1 domains, %2 users, %3 parameters, %4 variables in %5 s")
                 .arg(settings.domains)
                 .arg(userId)
                 .arg(userId * paramNames.size())
                 .arg(userId * varNames.size())
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
          << Qt::endl;
    return true;
}

// The dispatcher as DirectoryService wires it, on an already seeded database.
struct Directory
{
    std::unique_ptr<Database> database;
    std::unique_ptr<Authenticator> authenticator;
    std::unique_ptr<Dispatcher> dispatcher;
    QByteArray token;
    qint64 userCount = 0;

    bool open(const Settings &settings)
    {
        auto opened = Database::open(settings.database, QStringLiteral("bench"));
        if (!opened) {
            qWarning().noquote() << "cannot open" << settings.path << opened.error().detail;
            return false;
        }
        database = std::move(*opened);
        authenticator = std::make_unique<Authenticator>(*database);
        authenticator->setPasswordIterations(1000);
        dispatcher = std::make_unique<Dispatcher>(*database, *authenticator);
        registerDirectoryHandlers(*dispatcher);

        auto count = database->exec(QStringLiteral("SELECT COUNT(*) FROM users"));
        if (!count || !count->next())
            return false;
        userCount = count->value(0).toLongLong();
        if (settings.remote) {
            // A remote client: every request carries a token that the dispatcher checks.
            auto has = authenticator->operators();
            if (has && has->isEmpty())
                (void)authenticator->addOperator(QStringLiteral("bench"), Role::Admin, QStringLiteral("bench-password"));
            auto login = authenticator->login(QStringLiteral("bench"), QStringLiteral("bench-password"), QStringLiteral("127.0.0.1"));
            if (!login)
                return false;
            token = login->token;
        }
        return true;
    }

    QJsonObject run(const QString &event, QJsonObject data)
    {
        RequestContext context;
        if (token.isEmpty()) {
            context.local = true;
        } else {
            context.peer = QStringLiteral("127.0.0.1");
            data.insert(QStringLiteral("token"), QString::fromLatin1(token));
        }
        return dispatcher->dispatch(QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}}, context).reply;
    }
};

int measureDetails(Directory &directory, const Settings &settings)
{
    QRandomGenerator random(42);
    const QString event = QStringLiteral("[Users] Get_user_details");
    // A first pass warms the page cache, as a running server's would be.
    for (int i = 0; i < 1000; ++i)
        directory.run(event, {{QStringLiteral("id"), qint64(random.bounded(directory.userCount)) + 1}});

    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    qint64 failures = 0;
    for (int i = 0; i < settings.detailsEvents; ++i) {
        const QJsonObject reply = directory.run(event, {{QStringLiteral("id"), qint64(random.bounded(directory.userCount)) + 1}});
        failures += reply.contains(QLatin1String("error")) ? 1 : 0;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpuStart;
    out() << QStringLiteral("details: %1 x [Users] Get_user_details in %2 s = %3 events/s; CPU %4 s = %5 events per CPU second (%6 errors)")
                 .arg(settings.detailsEvents)
                 .arg(seconds, 0, 'f', 3)
                 .arg(settings.detailsEvents / seconds, 0, 'f', 0)
                 .arg(cpu, 0, 'f', 3)
                 .arg(settings.detailsEvents / cpu, 0, 'f', 0)
                 .arg(failures)
          << Qt::endl;
    return failures == 0 ? 0 : 1;
}

int measureAddParam(Directory &directory, const Settings &settings)
{
    QRandomGenerator random(7);
    const QString event = QStringLiteral("[Users] Add_user_param");
    // Names unique per run, so that the benchmark can run again on the same database.
    const QString prefix = QStringLiteral("bench-%1-").arg(QDateTime::currentMSecsSinceEpoch());
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    qint64 failures = 0;
    for (int i = 0; i < settings.addParamEvents; ++i) {
        const QJsonObject reply = directory.run(event, {{QStringLiteral("id"), qint64(random.bounded(directory.userCount)) + 1},
                                                        {QStringLiteral("name"), prefix + QString::number(i)},
                                                        {QStringLiteral("value"), QStringLiteral("value")}});
        failures += reply.contains(QLatin1String("error")) ? 1 : 0;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpuStart;
    out() << QStringLiteral("addparam: %1 x [Users] Add_user_param in %2 s = %3 events/s; CPU %4 s = %5 events per CPU second (%6 errors)")
                 .arg(settings.addParamEvents)
                 .arg(seconds, 0, 'f', 3)
                 .arg(settings.addParamEvents / seconds, 0, 'f', 0)
                 .arg(cpu, 0, 'f', 3)
                 .arg(settings.addParamEvents / cpu, 0, 'f', 0)
                 .arg(failures)
          << Qt::endl;
    return failures == 0 ? 0 : 1;
}

int measureGetUsers(Directory &directory, const Settings &settings)
{
    const double baseline = peakMemoryMiB();
    QList<double> dispatchSeconds;
    QList<double> dispatchCpuSeconds;
    QList<double> serializeSeconds;
    QList<double> writerSeconds;
    qint64 users = 0;
    qint64 bytes = 0;
    for (int run = 0; run < settings.getUsersRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuSeconds();
        const QJsonObject reply = directory.run(QStringLiteral("[Users] Get_users"), {});
        dispatchSeconds.append(timer.nsecsElapsed() / 1e9);
        dispatchCpuSeconds.append(cpuSeconds() - cpuStart);
        if (reply.contains(QLatin1String("error"))) {
            out() << "getusers: " << reply.value(QLatin1String("error")).toString() << Qt::endl;
            return 1;
        }
        // What a transport then does with the reply: the API's JsonWriter, and for comparison
        // Qt's writer, one after the other so that only one copy is held at a time.
        timer.restart();
        bytes = JsonWriter::compact(reply).size();
        writerSeconds.append(timer.nsecsElapsed() / 1e9);
        timer.restart();
        const QByteArray json = QJsonDocument(reply).toJson(QJsonDocument::Compact);
        serializeSeconds.append(timer.nsecsElapsed() / 1e9);
        if (json.size() != bytes) {
            out() << "getusers: JsonWriter and QJsonDocument::toJson wrote different sizes" << Qt::endl;
            return 1;
        }
        users = 0;
        const QJsonObject byDomain = reply.value(QLatin1String("directory_users")).toObject();
        for (auto it = byDomain.begin(); it != byDomain.end(); ++it)
            users += it->toObject().size();
    }
    std::sort(dispatchSeconds.begin(), dispatchSeconds.end());
    std::sort(dispatchCpuSeconds.begin(), dispatchCpuSeconds.end());
    std::sort(serializeSeconds.begin(), serializeSeconds.end());
    std::sort(writerSeconds.begin(), writerSeconds.end());
    out() << QStringLiteral("getusers: [Users] Get_users with %1 users: dispatch %2 s (best of %3, worst %4 s; CPU %9 s best), "
                            "toJson %5 s, JsonWriter %10 s, reply %6 MB, peak memory %7 MiB (%8 MiB before the first request; "
                            "now %11)")
                 .arg(users)
                 .arg(dispatchSeconds.first(), 0, 'f', 3)
                 .arg(settings.getUsersRuns)
                 .arg(dispatchSeconds.last(), 0, 'f', 3)
                 .arg(serializeSeconds.first(), 0, 'f', 3)
                 .arg(bytes / 1e6, 0, 'f', 1)
                 .arg(peakMemoryMiB(), 0, 'f', 0)
                 .arg(baseline, 0, 'f', 0)
                 .arg(dispatchCpuSeconds.first(), 0, 'f', 3)
                 .arg(writerSeconds.first(), 0, 'f', 3)
                 .arg(residentMemorySplit())
          << Qt::endl;
    return 0;
}

// True when the SQLite file does not exist or the PostgreSQL database has no users yet.
bool needsSeed(const Settings &settings)
{
    if (settings.database.backend == SqlDialect::Backend::SQLite)
        return !QFileInfo::exists(settings.path);
    auto opened = Database::open(settings.database, QStringLiteral("seed-check"));
    if (!opened)
        return true;
    auto count = (*opened)->exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    return !count || !count->next() || count->value(0).toLongLong() == 0;
}

// Runs one phase in a child process of this executable and relays its output.
int runPhase(const QString &phase, const QStringList &arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), arguments + QStringList{QStringLiteral("--phase"), phase});
    if (!child.waitForStarted() || !child.waitForFinished(-1))
        return 1;
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fsdirector.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks the directory events through the dispatcher."));
    parser.addHelpOption();
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("SQLite file, seeded when it does not exist, or a "
                                                                     "postgresql:// URL, seeded when it has no users."),
                                      QStringLiteral("path"), QStringLiteral("bench-directory.sqlite"));
    const QCommandLineOption domains(QStringLiteral("domains"), QStringLiteral("Domains to seed."), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users per domain to seed."), QStringLiteral("n"),
                                   QStringLiteral("10000"));
    const QCommandLineOption remote(QStringLiteral("remote"),
                                    QStringLiteral("Send requests as a remote client with a token instead of as the local operator."));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Events per measurement of details (default 20000) and addparam (default 2000)."),
                                   QStringLiteral("n"));
    const QCommandLineOption phase(QStringLiteral("phase"), QStringLiteral("seed, details, addparam, getusers or all."),
                                   QStringLiteral("name"), QStringLiteral("all"));
    parser.addOptions({database, domains, users, remote, count, phase});
    parser.process(app);

    Settings settings;
    auto location = parseDatabaseLocation(parser.value(database));
    if (!location) {
        qWarning().noquote() << location.error().detail;
        return 2;
    }
    settings.database = *location;
    settings.database.password = qEnvironmentVariable("FSDIRECTOR_DATABASE_PASSWORD");
    const bool postgres = settings.database.backend == SqlDialect::Backend::PostgreSQL;
    if (postgres) {
        settings.path = parser.value(database);
    } else {
        settings.path = QFileInfo(parser.value(database)).absoluteFilePath();
        settings.database.path = settings.path;
    }
    settings.domains = parser.value(domains).toInt();
    settings.usersPerDomain = parser.value(users).toInt();
    settings.remote = parser.isSet(remote);
    if (parser.isSet(count)) {
        settings.detailsEvents = parser.value(count).toInt();
        settings.addParamEvents = parser.value(count).toInt();
    }
    const QString which = parser.value(phase);

    if (which == QLatin1String("all")) {
        QStringList arguments{QStringLiteral("--database"), settings.path, QStringLiteral("--domains"), parser.value(domains),
                              QStringLiteral("--users"), parser.value(users)};
        if (settings.remote)
            arguments.append(QStringLiteral("--remote"));
        if (parser.isSet(count))
            arguments += QStringList{QStringLiteral("--count"), parser.value(count)};
        if (needsSeed(settings) && runPhase(QStringLiteral("seed"), arguments) != 0)
            return 1;
        int failed = 0;
        for (const QString &name : {QStringLiteral("details"), QStringLiteral("addparam"), QStringLiteral("getusers")})
            failed += runPhase(name, arguments);
        return failed == 0 ? 0 : 1;
    }

    if (which == QLatin1String("seed")) {
        auto opened = Database::open(settings.database, QStringLiteral("seed"));
        if (!opened) {
            qWarning().noquote() << opened.error().detail;
            return 1;
        }
        return seed(**opened, settings) ? 0 : 1;
    }

    Directory directory;
    if (!directory.open(settings))
        return 1;
    out() << (settings.remote ? "[remote client with token] " : "[local operator] ");
    if (which == QLatin1String("details"))
        return measureDetails(directory, settings);
    if (which == QLatin1String("addparam"))
        return measureAddParam(directory, settings);
    if (which == QLatin1String("getusers"))
        return measureGetUsers(directory, settings);
    qWarning().noquote() << "unknown phase" << which;
    return 2;
}
